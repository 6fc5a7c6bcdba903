/**
 * Hostile and broken workbooks, made in the tests from a workbook the add-in built (never committed
 * as binaries): a raw zip whose declared sizes can lie, a chart and a chart sheet added as Excel
 * writes them, absolute relationship targets as openpyxl writes them, a macro-enabled workbook.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import { deflateRawSync } from "zlib";
import path from "path";
import { runCli } from "../../src/cli/main";
import { tempDir } from "./workbooks";
import { resolveTarget } from "../../src/hosts/xlsx/read";

export interface RawEntry {
  /** The entry's name: text (written as UTF-8), or bytes as they are (any bytes at all). */
  name: string | Buffer;
  /** Whether the entry says its name is UTF-8 (general purpose bit 11; default yes). */
  utf8?: boolean;
  data: Buffer;
  /** The inflated size the zip claims (default: the truth). */
  declaredSize?: number;
  /** Stored (0) or deflated (8, default). */
  method?: 0 | 8;
}

/** A zip written byte by byte, so that a test can make it lie about its sizes. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(entry.data) : entry.data;
    const name = typeof entry.name === "string" ? Buffer.from(entry.name, "utf8") : entry.name;
    const flags = entry.utf8 === false ? 0 : 0x0800;
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The entries of a real workbook, to rebuild it as a raw zip with one part changed. */
export async function entriesOf(file: string): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const entries: RawEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (!entry.dir) entries.push({ name, data: await entry.async("nodebuffer") });
  }
  return entries;
}

export async function editZip(file: string, edit: (zip: JSZip) => Promise<void>): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  await edit(zip);
  // The fastest level: some tests write tens of megabytes.
  const options = { type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } };
  await fs.writeFile(
    file,
    await zip.generateAsync(options as JSZip.JSZipGeneratorOptions<"nodebuffer">)
  );
}

async function text(zip: JSZip, name: string): Promise<string> {
  const found = zip.file(name);
  if (!found) throw new Error(`no ${name} in the zip`);
  return found.async("string");
}

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rels: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkg: "http://schemas.openxmlformats.org/package/2006/relationships",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
};

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rels}"><c:chart><c:plotArea><c:layout/>
<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/>
<c:val><c:numRef><c:f>Matrice!$C$6:$C$8</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>
<c:catAx><c:axId val="1"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:crossAx val="1"/></c:valAx>
</c:plotArea></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.a}"><xdr:absoluteAnchor>
<xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6299200"/>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Graphique 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>
<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}">
<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.rels}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>
</xdr:absoluteAnchor></xdr:wsDr>`;

/**
 * What a consultant adds in Excel: a sheet of their own with a chart, a chart sheet, a picture and
 * a comment on the matrix. ExcelJS writes the picture, the comment and the sheet; the charts are
 * added to the zip as Excel writes them.
 */
export async function addConsultantObjects(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const notes = workbook.addWorksheet("Notes du consultant");
  notes.getCell("A1").value = "Budget";
  notes.getCell("B1").value = 1200;
  const matrix = workbook.worksheets[2];
  matrix.getCell("A3").note = "Vu avec le client";
  const image = workbook.addImage({
    buffer: PNG_1PX as unknown as ExcelJS.Buffer,
    extension: "png",
  });
  matrix.addImage(image, { tl: { col: 8, row: 1 }, ext: { width: 40, height: 40 } });
  await workbook.xlsx.writeFile(file);

  await editZip(file, async (zip) => {
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const next = sheets.length + 1;
    zip.file("xl/charts/chart1.xml", CHART);
    zip.file("xl/charts/chart2.xml", CHART);
    zip.file("xl/drawings/drawing9.xml", DRAWING);
    zip.file(
      "xl/drawings/_rels/drawing9.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${NS.rels}/chart" Target="../charts/chart1.xml"/></Relationships>`
    );
    zip.file(
      `xl/worksheets/sheet${next}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS.main}" xmlns:r="${NS.rels}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Graphique</t></is></c></row></sheetData><drawing r:id="rId1"/></worksheet>`
    );
    zip.file(
      `xl/worksheets/_rels/sheet${next}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${NS.rels}/drawing" Target="../drawings/drawing9.xml"/></Relationships>`
    );
    // A chart sheet: a sheet that is only a chart.
    zip.file("xl/drawings/drawing10.xml", DRAWING);
    zip.file(
      "xl/drawings/_rels/drawing10.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${NS.rels}/chart" Target="../charts/chart2.xml"/></Relationships>`
    );
    zip.file(
      "xl/chartsheets/sheet1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${NS.main}" xmlns:r="${NS.rels}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`
    );
    zip.file(
      "xl/chartsheets/_rels/sheet1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS.pkg}"><Relationship Id="rId1" Type="${NS.rels}/drawing" Target="../drawings/drawing10.xml"/></Relationships>`
    );
    let types = await text(zip, "[Content_Types].xml");
    const override = (part: string, type: string): string =>
      `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
    types = types.replace(
      "</Types>",
      override("/xl/charts/chart1.xml", "drawingml.chart+xml") +
        override("/xl/charts/chart2.xml", "drawingml.chart+xml") +
        override("/xl/drawings/drawing9.xml", "drawing+xml") +
        override("/xl/drawings/drawing10.xml", "drawing+xml") +
        override(`/xl/worksheets/sheet${next}.xml`, "spreadsheetml.worksheet+xml") +
        override("/xl/chartsheets/sheet1.xml", "spreadsheetml.chartsheet+xml") +
        "</Types>"
    );
    zip.file("[Content_Types].xml", types);
    let rels = await text(zip, "xl/_rels/workbook.xml.rels");
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdChart1" Type="${NS.rels}/worksheet" Target="worksheets/sheet${next}.xml"/>` +
        `<Relationship Id="rIdChart2" Type="${NS.rels}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    let book = await text(zip, "xl/workbook.xml");
    book = book.replace(
      "</sheets>",
      `<sheet name="Graphique" sheetId="90" r:id="rIdChart1"/><sheet name="Graphique 2" sheetId="91" r:id="rIdChart2"/></sheets>`
    );
    zip.file("xl/workbook.xml", book);
  });
}

/** Every relationship target made absolute ("/xl/…"), as openpyxl and some tools write them. */
export async function makeTargetsAbsolute(file: string): Promise<void> {
  await editZip(file, async (zip) => {
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
      const source = name.replace(/_rels\/([^/]*)\.rels$/, "$1");
      const xml = await text(zip, name);
      zip.file(
        name,
        xml.replace(/Target="([^"]*)"/g, (whole, target: string) =>
          /TargetMode="External"/.test(whole) ? whole : `Target="/${resolveTarget(source, target)}"`
        )
      );
    }
  });
}

/** A workbook saved as .xlsm: a VBA project and the macro-enabled content type. */
export async function addMacros(file: string): Promise<void> {
  await editZip(file, async (zip) => {
    zip.file("xl/vbaProject.bin", Buffer.from("not really VBA, but a part named as such"));
    const types = await text(zip, "[Content_Types].xml");
    zip.file(
      "[Content_Types].xml",
      types
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
        )
        .replace(
          "</Types>",
          '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'
        )
    );
  });
}

/** A 1 × 1 transparent PNG. */
export const PNG_1PX = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABXvMqGgAAAABJRU5ErkJggg==",
  "base64"
);

/** One part of the workbook's zip rewritten as text (a sheet, the workbook, the state). */
export async function editPart(
  file: string,
  part: string,
  edit: (xml: string) => string
): Promise<void> {
  await editZip(file, async (zip) => {
    zip.file(part, edit(await text(zip, part)));
  });
}

/** A defined name pointed elsewhere, as a hand-edited or hostile workbook.xml would. */
export async function redefineName(file: string, name: string, formula: string): Promise<void> {
  await editPart(file, "xl/workbook.xml", (xml) => {
    const pattern = new RegExp(`(<definedName name="${name}">)[^<]*(</definedName>)`);
    if (!pattern.test(xml)) throw new Error(`no defined name ${name}`);
    return xml.replace(pattern, (_, open: string, close: string) => `${open}${formula}${close}`);
  });
}

/** The command line in English, its lines kept: what a hostile file makes it say. */
export async function hostileCli(
  ...args: string[]
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, "--lang", "en"], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

/** The small study the hostile files are made from (a comment with an accent, two ratings). */
export const HOSTILE_STUDY = {
  title: "Vélos",
  language: "en",
  clienteles: ["Commuters", "Students"],
  needs: ["Fix a flat", "Cheap parts"],
  pairs: [
    { clientele: "Commuters", need: "Fix a flat", perception: 4, impact: 3 },
    { clientele: "Students", need: "Cheap parts", perception: 2, impact: 1, comment: "à revoir" },
  ],
  weights: { perception: 1, impact: 1 },
};

/** A folder holding HOSTILE_STUDY and the workbook the command line built from it. */
export async function builtHostileStudy(): Promise<{
  dir: string;
  built: string;
  studyFile: string;
}> {
  const dir = await tempDir();
  const studyFile = path.join(dir, "study.json");
  await fs.writeFile(studyFile, JSON.stringify(HOSTILE_STUDY));
  const built = path.join(dir, "built.xlsx");
  const result = await hostileCli("build", studyFile, "-o", built);
  if (result.code !== 0) throw new Error(`build failed: ${result.err.join(" ")}`);
  return { dir, built, studyFile };
}
