/**
 * The file reader under attack (issue 13 A): parts crafted to hang it (a state part of 400 000
 * "<!--", defined names stretched to 10¹² rows) are answered at once; what a file says that cannot
 * be read as it is (an address outside the grid, a shared text that is not there, a part stored
 * twice) is refused naming the cell or the part, never read as another study. Every file is made
 * here from a workbook the add-in built.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { READ_LIMITS } from "../../src/hosts/xlsx/zip";
import { readStudy } from "../../src/layout";
import { clampArea } from "../../src/layout/limits";
import { STATE_NAMESPACE, stateFromXml } from "../../src/layout/state";
import { oneLine } from "../../src/messages";
import {
  HOSTILE_STUDY,
  builtHostileStudy,
  editPart,
  entriesOf,
  hostileCli,
  rawZip,
  redefineName,
} from "../support/hostile";

const cli = hostileCli;
const STUDY = HOSTILE_STUDY;

let dir: string;
let built: string;
let studyFile: string;

beforeEach(async () => {
  ({ dir, built, studyFile } = await builtHostileStudy());
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function copy(name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.copyFile(built, file);
  return file;
}

/** Refused in one line naming the file and matching `text`. */
function refused(result: { code: number; err: string[] }, file: string, text: RegExp): void {
  expect(result.err).toHaveLength(1);
  expect(result.code).toBe(1);
  expect(result.err[0]).toContain(file);
  expect(result.err[0]).toMatch(text);
}

describe("a state part made to hang a regular expression", () => {
  const hostileState = `<state xmlns="${STATE_NAMESPACE}" layoutVersion="1">${"<!--".repeat(400000)}</state>`;

  it("is parsed in one pass: 400 000 unfinished comments are a damaged state, said", () => {
    expect(stateFromXml(hostileState)).toEqual({ kind: "damaged", detail: "malformed XML" });
    // The same scan still reads a state with comments, declarations and entities in it.
    const fine = `<?xml version="1.0"?><!-- a > b --><state xmlns="${STATE_NAMESPACE}" layoutVersion="1"><![CDATA[<x>]]><sheet role="ticks" name="Qui &amp; quoi &#233;"/><!----><extent sheet="Qui" rows="3" cols="4"/></state>`;
    expect(stateFromXml(fine)).toEqual({
      kind: "ok",
      state: {
        layoutVersion: 1,
        sheets: [{ role: "ticks", name: "Qui & quoi é" }],
        names: [],
        tables: [],
        extents: [{ sheet: "Qui", rows: 3, cols: 4 }],
      },
    });
    for (const broken of [
      `<state xmlns="${STATE_NAMESPACE}" layoutVersion="1"><sheet role="a" name="b" <x/></state>`,
      `<state xmlns="${STATE_NAMESPACE}" layoutVersion="1"><sheet role="a&bogus;" name="b"/></state>`,
      `<!DOCTYPE x [<!ENTITY a "b">]><state xmlns="${STATE_NAMESPACE}" layoutVersion="1"/>`,
      `<state xmlns="${STATE_NAMESPACE}" layoutVersion="1"><extent sheet="a" rows="2000000" cols="1"/></state>`,
    ])
      expect(stateFromXml(broken)?.kind).toBe("damaged");
  });

  it("a 31 KB workbook holding it: read, build over it, image and export all answer at once", async () => {
    const entries = await entriesOf(built);
    const state = entries.find((entry) => entry.name === "customXml/item1.xml");
    if (!state) throw new Error("no state part");
    state.data = Buffer.from(hostileState);
    const file = path.join(dir, "comments.xlsx");
    await fs.writeFile(file, rawZip(entries));
    expect((await fs.stat(file)).size).toBeLessThan(64 * 1024);

    const read = await cli("read", file);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out.join("\n"))).toEqual(STUDY);
    expect(read.err).toEqual([
      expect.stringMatching(
        /the Segment Matrix state stored in the workbook cannot be read \(malformed XML\)/
      ),
    ]);
    // The output guard reads the state of the file it would replace: answered (the names still
    // say the workbook is the add-in's, so it is replaced, and read back the same).
    expect((await cli("build", studyFile, "-o", file)).code).toBe(0);
    expect(JSON.parse((await cli("read", file)).out.join("\n"))).toEqual(STUDY);
    await fs.writeFile(file, rawZip(entries));
    expect((await cli("image", file, "-o", path.join(dir, "m.svg"))).code).toBe(0);
    expect((await cli("export", file, "-o", path.join(dir, "client.xlsx"))).code).toBe(0);
  }, 20000);
});

describe("defined names stretched past the sheet", () => {
  it.each([
    ["SM_Ticks to 10¹² rows", "SM_Ticks", "'Who feels what'!$C$6:$D$1000000000000"],
    ["SM_SegmentClienteles to 10¹¹ rows", "SM_SegmentClienteles", "Segments!$B$26:$D$100000000000"],
    ["SM_Offerings to the last row", "SM_Offerings", "Segments!$A$34:$A$1048576"],
    ["SM_Checklist to the last column", "SM_Checklist", "Checklist!$C$5:$XFD$15"],
    ["SM_SegmentPlans to the whole sheet", "SM_SegmentPlans", "Targeting!$B$28:$XFD$1048576"],
    ["SM_SegmentTrims to 10¹¹ rows", "SM_SegmentTrims", "Segments!$B$20:$D$100000000000"],
    ["SM_Swot to the whole sheet", "SM_Swot", "Diagnosis!$B$14:$XFD$1048576"],
    ["SM_Pestel to the last row", "SM_Pestel", "Diagnosis!$B$5:$B$1048576"],
  ])(
    "%s: read as the cells that exist, the same study",
    async (_label, name, formula) => {
      const file = await copy("stretched.xlsx");
      await redefineName(file, name, formula);
      const result = await cli("read", file);
      expect(result.err).toEqual([]);
      expect(JSON.parse(result.out.join("\n"))).toEqual(STUDY);
    },
    20000
  );

  it("SM_Targets to XFD1048576: the cells it now covers are said, cell by cell, at once", async () => {
    const file = await copy("targets.xlsx");
    await redefineName(file, "SM_Targets", "Targeting!$B$5:$XFD$1048576");
    const result = await cli("read", file);
    expect(result.code).toBe(1);
    expect(result.err.length).toBeGreaterThan(0);
    for (const line of result.err) expect(line).toMatch(/'Targeting'!\w+\d+: ".*" is not a mark/);
  });

  it("the grids the reader hands on hold the clamped areas, top-left cells kept", async () => {
    const file = await copy("stretched.xlsx");
    await redefineName(file, "SM_Ticks", "'Who feels what'!$C$6:$D$1000000000000");
    const { grids } = await readWorkbookFile(file);
    expect(grids.names.find((n) => n.name === "SM_Ticks")?.rect).toEqual({
      row: 6,
      col: 3,
      rows: 2,
      cols: 2,
    });
    expect(readStudy(grids).study?.pairs).toHaveLength(2);
  });

  it("clampArea keeps a name's first cell, cuts it to the cells present and to Excel's grid", () => {
    const extent = { rows: 10, cols: 5 };
    expect(clampArea({ row: 6, col: 3, rows: 1e12, cols: 1e6 }, extent)).toEqual({
      row: 6,
      col: 3,
      rows: 5,
      cols: 3,
    });
    // A name starting past the cells keeps its one first cell (empty): nothing to loop over.
    expect(clampArea({ row: 50, col: 9, rows: 1e9, cols: 2 }, extent)).toEqual({
      row: 50,
      col: 9,
      rows: 1,
      cols: 1,
    });
    expect(
      clampArea({ row: 1, col: 1, rows: 1e12, cols: 1e12 }, { rows: 1e12, cols: 1e12 })
    ).toEqual({ row: 1, col: 1, rows: 1048576, cols: 16384 });
  });
});

describe("what a file says that cannot be read as it is: refused naming it, never another study", () => {
  /** The tick at C6 ("X", a shared text) moved or spoiled by `edit`. */
  const spoilTick = async (name: string, edit: (cell: string) => string): Promise<string> => {
    const file = await copy(name);
    await editPart(file, "xl/worksheets/sheet1.xml", (xml) => {
      const tick = /<c r="C6"[^>]*><v>\d+<\/v><\/c>/.exec(xml)?.[0];
      if (!tick) throw new Error("no tick at C6");
      return xml.replace(tick, edit(tick));
    });
    return file;
  };

  it.each([
    ["ZZZZ6 (four letters)", "ZZZZ6"],
    ["XFE6 (past XFD)", "XFE6"],
    ["C1048577 (past the last row)", "C1048577"],
    ["C0", "C0"],
    ["6C (malformed)", "6C"],
    ["C 6", "C 6"],
  ])("an X at %s: refused naming the sheet and the address", async (_label, ref) => {
    const file = await spoilTick("address.xlsx", (tick) =>
      tick.replace('<c r="C6"', `<c r="${ref}"`)
    );
    refused(
      await cli("read", file),
      file,
      new RegExp(
        `'Who feels what': a cell in it has the address "${ref}", outside Excel's grid \\(A1 to XFD1048576\\): the workbook is damaged and is not read`
      )
    );
  });

  it("a cell given twice (two values for C6): refused naming the cell", async () => {
    const file = await spoilTick("twice.xlsx", (tick) => tick + tick.replace("C6", "C6"));
    refused(await cli("read", file), file, /'Who feels what': the cell C6 is in it twice/);
  });

  it("a row number outside the grid: refused", async () => {
    const file = await copy("row.xlsx");
    await editPart(file, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace('<row r="7"', '<row r="1e3"').replace(/<c r="([A-Z]+)7"/g, "<c")
    );
    refused(await cli("read", file), file, /a row in it has the number "1e3"/);
  });

  it.each([
    [
      "past the shared texts",
      "99999",
      /refers to shared text number "99999", which the workbook does not have \(it has \d+, numbered from 0\)/,
    ],
    ["not a number", "x", /refers to shared text number "x"/],
    ["negative", "-1", /refers to shared text number "-1"/],
  ])(
    "the tick's shared-text index %s: refused naming C6, not read as empty",
    async (_l, index, text) => {
      const file = await spoilTick("shared.xlsx", (tick) =>
        tick.replace(/<v>\d+<\/v>/, `<v>${index}</v>`)
      );
      const result = await cli("read", file);
      refused(result, file, text);
      expect(result.err[0]).toContain("'Who feels what'!C6");
    }
  );

  it("a number cell whose value is not a number, a boolean that is neither 0 nor 1: refused", async () => {
    const file = await copy("values.xlsx");
    await editPart(file, "xl/worksheets/sheet2.xml", (xml) =>
      xml.replace(/(<c r="F5"[^>]*>(?:<f[^>]*>[^<]*<\/f>)?)<v>[^<]*<\/v>/, "$1<v>abc</v>")
    );
    refused(await cli("read", file), file, /'Ratings'!F5: the stored value "abc" is not a number/);
    const bool = await copy("bool.xlsx");
    await editPart(bool, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(/<c r="D6"[^>]*\/>/, '<c r="D6" t="b"><v>2</v></c>')
    );
    refused(
      await cli("read", bool),
      bool,
      /'Who feels what'!D6: the stored value "2" is neither TRUE/
    );
  });

  it.each([
    ["the same name", "xl/worksheets/sheet1.xml"],
    ["a name differing in case only", "XL/Worksheets/Sheet1.xml"],
  ])("a part stored twice (%s): refused naming the part", async (_label, second) => {
    const entries = await entriesOf(built);
    const sheet = entries.find((entry) => entry.name === "xl/worksheets/sheet1.xml");
    if (!sheet) throw new Error("no sheet1");
    const other = sheet.data
      .toString("utf8")
      .replace(/<c r="D6"[^>]*\/>/, '<c r="D6" t="inlineStr"><is><t>X</t></is></c>');
    const file = path.join(dir, "twice.xlsx");
    await fs.writeFile(file, rawZip([...entries, { name: second, data: Buffer.from(other) }]));
    refused(
      await cli("read", file),
      file,
      new RegExp(`${second.replace(/\./g, "\\.")}: this part is stored twice in the archive`)
    );
  });
});

describe("zip entry names no workbook has: refused naming the entry, shown escaped", () => {
  /** Any character a terminal would act on rather than show (C0, DEL, C1, bidi controls). */
  // eslint-disable-next-line no-control-regex
  const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

  /** The built workbook with one more entry, named `name`. */
  const withEntry = async (entry: {
    name: string | Buffer;
    utf8?: boolean;
    data?: Buffer;
  }): Promise<string> => {
    const file = path.join(dir, "named.xlsx");
    const extra = { data: Buffer.from("x"), ...entry };
    await fs.writeFile(file, rawZip([...(await entriesOf(built)), extra]));
    return file;
  };

  it.each([
    [
      "ESC and BEL (a terminal's clear screen)",
      "xl/media/\u001b[2J\u0007.bin",
      /xl\/media\/\\u001b\[2J\\u0007\.bin: this part name holds a control character \(U\+001B, position 10\)/,
    ],
    ["NUL", "xl/a\u0000b.xml", /xl\/a\\u0000b\.xml: .*control character \(U\+0000, position 5\)/],
    [
      "a line break (a second line forged)",
      "xl/a\nerror: forged.xml",
      /xl\/a\\u000aerror: forged\.xml: .*\(U\+000A, position 5\)/,
    ],
    [
      "a right-to-left override (a name shown reversed)",
      "xl/media/\u202egnp.exe",
      /xl\/media\/\\u202egnp\.exe: .*\(U\+202E, position 10\)/,
    ],
    ["a C1 control (CSI)", "xl/\u009b31m.xml", /\(U\+009B, position 4\)/],
    [
      "../ out of the archive",
      "../../evil.xml",
      /\.\.\/\.\.\/evil\.xml: this part name leads out of the archive/,
    ],
    ["/… in the middle", "xl/../../../etc/evil", /leads out of the archive/],
    [
      "an absolute path",
      "/etc/evil.xml",
      /\/etc\/evil\.xml: this part name leads out of the archive/,
    ],
    ["a drive letter", "C:/evil.xml", /C:\/evil\.xml: this part name leads out/],
    ["a Windows absolute path", "\\evil.xml", /\/evil\.xml: this part name leads out/],
    [
      "65 000 characters",
      `xl/media/${"a".repeat(65000)}.bin`,
      /xl\/media\/a{31}…: this part name is 65,013 bytes long, beyond the 1,024 a workbook uses/,
    ],
  ])("%s: refused in one line", async (_label, name, text) => {
    const file = await withEntry({ name });
    const result = await cli("read", file);
    refused(result, file, text);
    expect(result.err[0]).toMatch(/no workbook has such a part, the file is not read/);
    expect(result.err[0]).not.toMatch(RAW_CONTROL);
    expect(result.err[0].length).toBeLessThan(400);
  });

  it("bytes that are not UTF-8 in a name said to be UTF-8: refused, the bytes shown as U+FFFD", async () => {
    const name = Buffer.concat([
      Buffer.from("xl/media/"),
      Buffer.from([0xff, 0xc0, 0xaf]),
      Buffer.from(".bin"),
    ]);
    const file = await withEntry({ name });
    const result = await cli("read", file);
    refused(result, file, /xl\/media\/\ufffd+\.bin: this part name says it is UTF-8 and is not/);
  });

  it("the same bytes in a name not said to be UTF-8 are the zip's old code page: read as before", async () => {
    const name = Buffer.concat([
      Buffer.from("xl/media/"),
      Buffer.from([0x82, 0xff]),
      Buffer.from(".bin"),
    ]);
    const file = await withEntry({ name, utf8: false });
    const result = await cli("read", file);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.join("\n")).pairs).toHaveLength(STUDY.pairs.length);
  });

  it("a twin differing only by case, or by a backslash for a slash: refused as stored twice", async () => {
    for (const twin of ["XL/WORKSHEETS/SHEET1.XML", "xl\\worksheets\\sheet1.xml"]) {
      const file = await withEntry({ name: twin });
      refused(
        await cli("read", file),
        file,
        /xl.worksheets.sheet1\.xml: this part is stored twice/i
      );
    }
  });

  it("a name equal to a part's only under Unicode case folding (Kelvin sign) is another part: never read in its place", async () => {
    const entries = await entriesOf(built);
    const sheet = entries.find((entry) => entry.name === "xl/worksheets/sheet1.xml");
    if (!sheet) throw new Error("no sheet1");
    // The twin ticks every pair; "\u212a".toLowerCase() is "k", so a full case fold would take it
    // for the sheet (and refuse the file, or read the twin where the real part is missing).
    const twin = sheet.data
      .toString("utf8")
      .replace(/<c r="D6"[^>]*\/>/, '<c r="D6" t="inlineStr"><is><t>X</t></is></c>');
    const file = path.join(dir, "kelvin.xlsx");
    await fs.writeFile(
      file,
      rawZip([...entries, { name: "xl/wor\u212asheets/sheet1.xml", data: Buffer.from(twin) }])
    );
    const result = await cli("read", file);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.join("\n")).pairs).toHaveLength(STUDY.pairs.length);
  });

  it("at the output of build (without --force): refused, the file left as it was", async () => {
    const file = await withEntry({ name: "xl/\u001b]0;pwned\u0007.xml" });
    const before = await fs.readFile(file);
    const result = await cli("build", studyFile, "-o", file);
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toContain(file);
    expect(result.err[0]).not.toMatch(RAW_CONTROL);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });
});

describe("every regular expression on untrusted text is linear", () => {
  it("a message quoting 200 000 spaces is put on one line at once, as the pattern did", () => {
    const long = `a${" ".repeat(200000)}b`;
    expect(oneLine(long)).toBe(long);
    expect(oneLine("a \n\n  b\n")).toBe("a b ");
    expect(oneLine(`${long}\n  c`)).toBe(`${long} c`);
  });
});

describe("limits sized from the workbook's own state", () => {
  it("a built workbook's declared extents raise the cell limit; a caller's limits are kept", async () => {
    const { listing } = await readWorkbookFile(built);
    const extents = listing.state?.kind === "ok" ? listing.state.state.extents : undefined;
    expect(extents?.find((e) => e.sheet === "Who feels what")).toEqual({
      sheet: "Who feels what",
      rows: 7,
      cols: 4,
    });
    await expect(
      readWorkbookFile(built, { limits: { ...READ_LIMITS, cells: 5 } })
    ).rejects.toMatchObject({ problem: { code: "workbook-too-many-cells" } });
  });

  it("a study past what the reader reads back is refused before building, naming the limit", async () => {
    const clienteles = Array.from({ length: 2001 }, (_, i) => `C${i}`);
    const needs = Array.from({ length: 1000 }, (_, i) => `N${i}`);
    const big = { clienteles, needs, pairs: [{ clientele: "C0", need: "N0" }] };
    const file = path.join(dir, "big.json");
    await fs.writeFile(file, JSON.stringify(big));
    const out = path.join(dir, "big.xlsx");
    const result = await cli("build", file, "-o", out);
    expect(result.code).toBe(1);
    expect(result.err).toContainEqual(
      expect.stringMatching(
        /2,001,000 cells in the matrix \(clientèles × needs\), beyond the 2,000,000 Segment Matrix can read back from a workbook: the workbook could not be read back; split the study/
      )
    );
    await expect(fs.access(out)).rejects.toThrow();
  });
});

describe("a stray cell far away on the sheets read last", () => {
  it("at XFD1048576 of Segments, Targeting and Checklist: read at once, the stray column said", async () => {
    const file = await copy("stray.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const sheet of ["Segments", "Targeting", "Checklist"]) {
      const found = workbook.getWorksheet(sheet);
      if (!found) throw new Error(`no sheet ${sheet}`);
      found.getCell("XFD1048576").value = "stray";
    }
    await workbook.xlsx.writeFile(file);
    const result = await cli("read", file);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.join("\n"))).toEqual(STUDY);
    expect(result.err).toEqual([
      expect.stringMatching(/'Segments'!XFD5: column filled in without a segment name in XFD5/),
    ]);
  }, 20000);
});
