/**
 * Hostile and broken inputs through the command line: one clear line each, nothing lost, nothing
 * hangs. Every file is made here, from a workbook the add-in built.
 */
import ExcelJS from "exceljs";
import { execFileSync, spawn } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { READ_LIMITS } from "../../src/hosts/xlsx/zip";
import { readStudy } from "../../src/layout";
import { presentRows } from "../../src/layout/grids";
import { LAYOUT_VERSION } from "../../src/layout/state";
import {
  addConsultantObjects,
  addMacros,
  editZip,
  entriesOf,
  makeTargetsAbsolute,
  rawZip,
  HOSTILE_STUDY,
  builtHostileStudy,
  hostileCli,
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

/** A copy of the built workbook to spoil. */
async function copy(name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.copyFile(built, file);
  return file;
}

async function editWithExcelJs(
  file: string,
  edit: (workbook: ExcelJS.Workbook) => void
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook);
  await workbook.xlsx.writeFile(file);
}

function dropNames(workbook: ExcelJS.Workbook, names: string[]): void {
  workbook.definedNames.model = workbook.definedNames.model.filter((n) => !names.includes(n.name));
}

/** One line, exit 1, and the line names the file. */
function refusedInOneLine(result: { code: number; err: string[] }, file: string, text: RegExp) {
  expect(result.err).toHaveLength(1);
  expect(result.code).toBe(1);
  expect(result.err[0]).toContain(file);
  expect(result.err[0]).toMatch(text);
}

describe("workbooks that are not what they claim", () => {
  it.each([
    ["an empty file", Buffer.alloc(0), /the file is empty/],
    [
      "an encrypted workbook (Compound File header)",
      Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]),
      /password-protected workbook, or the old \.xls format/,
    ],
    ["a CSV renamed .xlsx", Buffer.from("name;need\nA;B\n"), /a text file \(a renamed CSV\?\)/],
    [
      "a PDF given as a workbook",
      Buffer.from("%PDF-1.7\n%\xe2\n"),
      /not an \.xlsx workbook but a PDF/,
    ],
    ["random bytes", Buffer.from([0, 1, 2, 3, 255, 254]), /not an \.xlsx workbook/],
  ])("%s: one line", async (_label, bytes, text) => {
    const file = path.join(dir, "bad.xlsx");
    await fs.writeFile(file, bytes);
    refusedInOneLine(await cli("read", file), file, text);
  });

  it("a truncated zip (copy cut short): damaged or incomplete", async () => {
    const file = path.join(dir, "cut.xlsx");
    const bytes = await fs.readFile(built);
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    refusedInOneLine(await cli("read", file), file, /damaged or incomplete workbook/);
  });

  it("a zip that is not a workbook (a Word document)", async () => {
    const file = path.join(dir, "letter.xlsx");
    await fs.writeFile(
      file,
      rawZip([{ name: "word/document.xml", data: Buffer.from("<w:document/>") }])
    );
    refusedInOneLine(await cli("read", file), file, /not an Excel workbook/);
  });

  it("a zip bomb declaring gigabytes: refused from its directory, nothing inflated", async () => {
    const entries = await entriesOf(built);
    const file = path.join(dir, "bomb.xlsx");
    const bomb = { name: "xl/media/bomb.bin", data: Buffer.alloc(1000), declaredSize: 4e9 };
    await fs.writeFile(file, rawZip([...entries, bomb]));
    refusedInOneLine(
      await cli("read", file),
      file,
      /once unzipped, the workbook would take \d+\.\d MiB, beyond the limit of 1024 MiB \(a zip bomb\?\)/
    );
  });

  it("a zip bomb that lies about its size: cut off while inflating, one line", async () => {
    const entries = await entriesOf(built);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml");
    if (!sheet) throw new Error("no sheet1");
    // 50 MB of zeros deflate to about 50 kB, and the zip says the part is 2 kB.
    sheet.data = Buffer.concat([sheet.data, Buffer.alloc(50 * 1024 * 1024)]);
    sheet.declaredSize = 2048;
    const file = path.join(dir, "liar.xlsx");
    await fs.writeFile(file, rawZip(entries));
    const result = await cli("read", file);
    refusedInOneLine(result, file, /damaged or incomplete workbook \(xl\/worksheets\/sheet1\.xml/);
  });

  it("a zip bomb at the output path of build: one line, the bomb is left as it was", async () => {
    const entries = await entriesOf(built);
    const out = path.join(dir, "out.xlsx");
    await fs.writeFile(
      out,
      rawZip([...entries, { name: "xl/b.bin", data: Buffer.alloc(10), declaredSize: 4e9 }])
    );
    const before = await fs.readFile(out);
    refusedInOneLine(
      await cli("build", studyFile, "-o", out),
      out,
      /is not a Segment Matrix workbook/
    );
    expect((await fs.readFile(out)).equals(before)).toBe(true);
  });
});

describe("what a consultant adds to the workbook", () => {
  it("charts, a chart sheet, a picture, comments and a sheet of their own: read ignores them", async () => {
    const file = await copy("dressed.xlsx");
    await addConsultantObjects(file);
    const result = await cli("read", file);
    expect(result.err).toEqual([]);
    expect(JSON.parse(result.out.join("\n"))).toEqual(STUDY);
  });

  it("... and build refuses to replace that workbook without --force, leaving it untouched", async () => {
    const file = await copy("dressed.xlsx");
    await addConsultantObjects(file);
    const before = await fs.readFile(file);
    refusedInOneLine(
      await cli("build", studyFile, "-o", file),
      file,
      /holds sheets Segment Matrix did not create \(Notes du consultant, Graphique, Graphique 2\)/
    );
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  it("absolute relationship targets (/xl/…, as openpyxl writes them) are followed", async () => {
    const file = await copy("absolute.xlsx");
    await addConsultantObjects(file);
    await makeTargetsAbsolute(file);
    const rels = await fs.readFile(file);
    expect(rels.length).toBeGreaterThan(0);
    const result = await cli("read", file);
    expect(result.err).toEqual([]);
    expect(JSON.parse(result.out.join("\n"))).toEqual(STUDY);
  });

  it("one stray cell at XFD1048576 costs one cell: said, and read at once", async () => {
    const file = await copy("stray.xlsx");
    await editWithExcelJs(file, (workbook) => {
      workbook.worksheets[0].getCell("XFD1048576").value = "x";
      workbook.worksheets[1].getCell("XFD1048576").value = "stray";
      workbook.addWorksheet("Mine").getCell("XFD1048576").value = 1;
    });
    const { grids } = await readWorkbookFile(file);
    const ticks = grids.sheets[0];
    // Sparse: the rows that hold something, not a million.
    expect(presentRows(ticks, 1).length).toBeLessThan(20);
    expect(grids.sheets.map((sheet) => sheet.name)).not.toContain("Mine");
    const result = await cli("read", file);
    refusedInOneLine(
      result,
      file,
      /'Who feels what'!XFD1048576: X without a clientèle name in XFD5/
    );
  }, 10000);

  it("a million ratings rows: refused at the reading limit, in bounded time and memory", async () => {
    const entries = await entriesOf(built);
    const ratings = entries.find((entry) => entry.name === "xl/worksheets/sheet2.xml");
    if (!ratings) throw new Error("no ratings sheet");
    // Rows and cells without addresses follow each other (A, B, C… in rows 1, 2, 3…).
    ratings.data = Buffer.from(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        "<row><c/><c/><c><v>3</v></c><c><v>2</v></c></row>".repeat(1000000) +
        "</sheetData></worksheet>"
    );
    const file = path.join(dir, "million.xlsx");
    await fs.writeFile(file, rawZip(entries));
    refusedInOneLine(
      await cli("read", file),
      file,
      /'Ratings': the Segment Matrix sheets hold more than 1,000,000 filled cells/
    );
  }, 30000);

  it("a sheet declaring more than the limit of one part is refused before it is inflated", async () => {
    const file = await copy("big.xlsx");
    await editWithExcelJs(file, (workbook) => {
      for (let col = 1; col <= 2000; col++) workbook.worksheets[0].getCell(40, col).value = col;
    });
    const limits = { ...READ_LIMITS, partBytes: 20000 };
    await expect(readWorkbookFile(file, { limits })).rejects.toMatchObject({
      problem: { code: "workbook-too-large", location: { sheet: "Who feels what" } },
    });
    const small = { ...READ_LIMITS, cells: 10 };
    await expect(readWorkbookFile(file, { limits: small })).rejects.toMatchObject({
      problem: { code: "workbook-too-many-cells" },
    });
  });

  it("merged cells over the matrix are ignored; over the tick table they are said", async () => {
    const file = await copy("merged.xlsx");
    await editWithExcelJs(file, (workbook) => {
      workbook.worksheets[2].mergeCells("C6:D7");
      workbook.worksheets[0].mergeCells("A1:B2");
    });
    const result = await cli("read", file);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([
      `warning: ${file}: 'Who feels what'!A1:B2: merged cells: only the first one is read; unmerge them (Home › Merge) if the others held entries`,
    ]);
  });

  it("a label typed by hand that is not a level, a number out of the scale: the cell is named", async () => {
    const file = await copy("typed.xlsx");
    await editWithExcelJs(file, (workbook) => {
      workbook.worksheets[1].getCell("C5").value = "Très fort";
      workbook.worksheets[1].getCell("D6").value = 7;
    });
    const result = await cli("read", file);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      expect.stringMatching(/'Ratings'!C5: "Très fort" is not a level of perception/),
      expect.stringMatching(/'Ratings'!D6: "7" is not a level of impact/),
    ]);
  });

  it("a number typed instead of a label is the level of that value", async () => {
    const file = await copy("number.xlsx");
    await editWithExcelJs(file, (workbook) => {
      workbook.worksheets[1].getCell("C5").value = 2;
    });
    const result = await cli("read", file);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.join("\n")).pairs[0].perception).toBe(2);
  });

  it("a deleted name: not a study, said in one line", async () => {
    const file = await copy("unnamed.xlsx");
    await editWithExcelJs(file, (workbook) => dropNames(workbook, ["SM_Ticks"]));
    refusedInOneLine(await cli("read", file), file, /no tick table \(defined name SM_Ticks\)/);
  });

  it("a name redefined where the table cannot be: said in one line", async () => {
    const file = await copy("redefined.xlsx");
    await editWithExcelJs(file, (workbook) => {
      dropNames(workbook, ["SM_Ticks"]);
      workbook.definedNames.add("'Who feels what'!$A$1:$B$2", "SM_Ticks");
    });
    refusedInOneLine(
      await cli("read", file),
      file,
      /'Who feels what'!A1: the defined name SM_Ticks no longer points where Segment Matrix put it/
    );
  });

  it("a ratings sheet deleted (and the state lost with ExcelJS): said, since the matrix is there", async () => {
    const file = await copy("noratings-legacy.xlsx");
    await editWithExcelJs(file, (workbook) => {
      workbook.removeWorksheet(workbook.worksheets[1].id);
      dropNames(
        workbook,
        workbook.definedNames.model.map((n) => n.name).filter((n) => n.startsWith("SM_Rating"))
      );
    });
    const result = await cli("read", file);
    expect(result.err).toContainEqual(
      expect.stringMatching(/the Segment Matrix sheet "Ratings" is gone \(deleted\?\)/)
    );
  });

  it("a missing settings sheet: the default weights, said", async () => {
    const file = await copy("nosettings.xlsx");
    await editWithExcelJs(file, (workbook) => {
      workbook.removeWorksheet(workbook.worksheets[3].id);
      dropNames(workbook, ["SM_WeightPerception", "SM_WeightImpact", "SM_Title", "SM_Language"]);
    });
    const result = await cli("read", file);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([expect.stringMatching(/weights not found/)]);
  });

  it("a missing ratings sheet in a workbook that has the add-in's state: said", async () => {
    const file = await copy("noratings.xlsx");
    await editZip(file, async (zip) => {
      const book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
      zip.file(
        "xl/workbook.xml",
        book
          .replace(/<sheet [^>]*name="Ratings"[^>]*\/>/, "")
          .replace(/<definedName name="SM_Rating[^<]*<\/definedName>/g, "")
      );
    });
    const result = await cli("read", file);
    expect(result.err).toContainEqual(
      expect.stringMatching(/the Segment Matrix sheet "Ratings" is gone \(deleted\?\)/)
    );
  });
});

describe("texts as Excel stores them", () => {
  it("a text that looks like one of Excel's escapes (_x0041_) comes back as written", async () => {
    const odd = { ...STUDY, clienteles: ["a_x0041_b", "_x005F_"], pairs: [] };
    await fs.writeFile(studyFile, JSON.stringify(odd));
    const out = path.join(dir, "odd.xlsx");
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    expect(JSON.parse((await cli("read", out)).out.join("\n")).clienteles).toEqual(odd.clienteles);
  });

  it("a carriage return Excel stored as _x000D_ is refused naming the cell, not changed", async () => {
    const file = await copy("cr.xlsx");
    await editZip(file, async (zip) => {
      const strings = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
      zip.file("xl/sharedStrings.xml", strings.replace(">Commuters<", ">Comm_x000D_uters<"));
    });
    const result = await cli("read", file);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(
      /'Who feels what'!C5: contains an invisible control character \(U\+000D, position 5\)/
    );
  });
});

describe("one output guard for read, build and template", () => {
  it("read X -o X: refused, even with --force, and X is kept", async () => {
    const before = await fs.readFile(built);
    for (const force of [[], ["--force"]]) {
      refusedInOneLine(
        await cli("read", built, "-o", built, ...force),
        built,
        /the output file is the input file/
      );
    }
    expect((await fs.readFile(built)).equals(before)).toBe(true);
  });

  it("the input reached through a hard link or a symbolic link is still the input", async () => {
    const hard = path.join(dir, "hard.xlsx");
    const soft = path.join(dir, "soft.xlsx");
    await fs.link(built, hard);
    await fs.symlink(built, soft);
    for (const out of [hard, soft]) {
      refusedInOneLine(await cli("read", built, "-o", out), out, /the output file is the input/);
    }
    refusedInOneLine(
      await cli("build", studyFile, "-o", path.join(dir, "study.json")),
      "study.json",
      /the output file is the input file/
    );
  });

  it("read -o a workbook or a file that is not a study: refused unless --force", async () => {
    const other = path.join(dir, "other.xlsx");
    await fs.copyFile(built, other);
    refusedInOneLine(
      await cli("read", built, "-o", other),
      other,
      /exists and is not a Segment Matrix study/
    );
    const notes = path.join(dir, "package.json");
    await fs.writeFile(notes, '{"name": "not a study"}');
    refusedInOneLine(await cli("read", built, "-o", notes), notes, /is not a Segment Matrix study/);
    expect((await cli("read", built, "-o", notes, "--force")).code).toBe(0);
    expect(JSON.parse(await fs.readFile(notes, "utf8")).clienteles).toEqual(STUDY.clienteles);
  });

  it("read -o an earlier study file replaces it", async () => {
    const out = path.join(dir, "back.json");
    expect((await cli("read", built, "-o", out)).code).toBe(0);
    expect((await cli("read", built, "-o", out)).code).toBe(0);
  });

  it("a foreign workbook holding SM_ names is not the add-in's: build refuses it", async () => {
    const foreign = path.join(dir, "foreign.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Budget");
    sheet.getCell("A1").value = 42;
    workbook.definedNames.add("Budget!$A$1", "SM_Budget");
    workbook.definedNames.add("Budget!$A$1:$B$2", "SM_Ticks");
    await workbook.xlsx.writeFile(foreign);
    const before = await fs.readFile(foreign);
    refusedInOneLine(
      await cli("build", studyFile, "-o", foreign),
      foreign,
      /exists and is not a Segment Matrix workbook/
    );
    refusedInOneLine(
      await cli("template", "-o", foreign),
      foreign,
      /is not a Segment Matrix workbook/
    );
    expect((await fs.readFile(foreign)).equals(before)).toBe(true);
  });

  it("a workbook with macros is never replaced, even with --force", async () => {
    const macro = await copy("macro.xlsm");
    await addMacros(macro);
    const before = await fs.readFile(macro);
    for (const force of [[], ["--force"]]) {
      refusedInOneLine(
        await cli("build", studyFile, "-o", macro, ...force),
        macro,
        /holds macros \(a VBA project\) that would be lost: save under another name/
      );
    }
    expect((await fs.readFile(macro)).equals(before)).toBe(true);
    // Reading it is fine.
    expect((await cli("read", macro)).err).toEqual([]);
  });

  it("an output that cannot be a file fails at once, in one line", async () => {
    refusedInOneLine(
      await cli("build", studyFile, "-o", "/proc/x/out.xlsx"),
      "/proc/x/out.xlsx",
      /cannot write here/
    );
    refusedInOneLine(await cli("build", studyFile, "-o", dir), dir, /is a directory/);
    const slashed = path.join(dir, "new.xlsx") + "/";
    refusedInOneLine(await cli("build", studyFile, "-o", slashed), slashed, /is a directory/);
    await expect(fs.stat(path.join(dir, "new.xlsx"))).rejects.toThrow();
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    refusedInOneLine(
      await cli("build", studyFile, "-o", fifo, "--force"),
      fifo,
      /is not a regular file/
    );
    const under = path.join(studyFile, "out.xlsx");
    refusedInOneLine(await cli("template", "-o", under), under, /cannot write here/);
  }, 5000);

  it("a link that leads to no file (/dev/stdout to a pipe, a broken link) is refused, the link kept", async () => {
    // /proc/self/fd/N of an anonymous pipe reads as "pipe:[…]", no path: the rename of the atomic
    // write replaced the link itself (/dev/stdout became a regular file).
    const child = spawn("sleep", ["10"], { stdio: ["pipe", "ignore", "ignore"] });
    try {
      const fd = (child.stdin as unknown as { _handle: { fd: number } })._handle.fd;
      const toPipe = path.join(dir, "stdout.json");
      await fs.symlink(`/proc/self/fd/${fd}`, toPipe);
      const broken = path.join(dir, "broken.xlsx");
      await fs.symlink(path.join(dir, "gone", "nowhere.xlsx"), broken);
      for (const [args, link] of [
        [["read", built, "-o", toPipe], toPipe],
        [["build", studyFile, "-o", broken, "--force"], broken],
      ] as const) {
        refusedInOneLine(await cli(...args), link, /is a link that leads to no file/);
        expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
      }
    } finally {
      child.kill();
    }
  }, 5000);

  it("an output named for another format is refused unless --force", async () => {
    const xlsm = path.join(dir, "new.xlsm");
    refusedInOneLine(
      await cli("build", studyFile, "-o", xlsm),
      xlsm,
      /writes an \.xlsx workbook \(without macros\): name the output \.xlsx/
    );
    const xlsx = path.join(dir, "study-back.xlsx");
    refusedInOneLine(await cli("read", built, "-o", xlsx), xlsx, /name the output \.json/);
    expect((await cli("read", built, "-o", xlsx, "--force")).code).toBe(0);
  });

  it("an empty file at the output is replaced (nothing to lose)", async () => {
    const out = path.join(dir, "touched.xlsx");
    await fs.writeFile(out, "");
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
  });

  it("a workbook written by a newer layout is neither read nor replaced", async () => {
    const file = await copy("newer.xlsx");
    await editZip(file, async (zip) => {
      const part = Object.keys(zip.files).find((n) => /^customXml\/item\d+\.xml$/.test(n));
      if (!part) throw new Error("no state part");
      const xml = (await zip.file(part)?.async("string")) ?? "";
      zip.file(part, xml.replace(`layoutVersion="${LAYOUT_VERSION}"`, 'layoutVersion="99"'));
    });
    refusedInOneLine(
      await cli("read", file),
      file,
      new RegExp(
        `written by a newer Segment Matrix \\(layout 99; this one knows layout ${LAYOUT_VERSION}\\)`
      )
    );
    refusedInOneLine(await cli("build", studyFile, "-o", file), file, /newer Segment Matrix/);
  });
});

describe("study files", () => {
  const write = async (name: string, bytes: Buffer): Promise<string> => {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    return file;
  };
  const json = JSON.stringify(STUDY);

  it("Windows-1252: refused naming the byte, never read with U+FFFD", async () => {
    const file = await write("latin.json", Buffer.from(json, "latin1"));
    const offset = Buffer.from(json.slice(0, json.indexOf("é")), "latin1").length;
    refusedInOneLine(
      await cli("build", file, "-o", path.join(dir, "o.xlsx")),
      file,
      new RegExp(
        `the file is not UTF-8 \\(byte 0xE9 at offset ${offset}, line 1\\); save it as UTF-8`
      )
    );
  });

  it.each([
    [
      "UTF-8 with a byte order mark",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]),
    ],
    [
      "UTF-16 LE with a byte order mark",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]),
    ],
    [
      "UTF-16 BE with a byte order mark",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, "utf16le").swap16()]),
    ],
    ["UTF-16 LE without a mark", Buffer.from(json, "utf16le")],
  ])("%s: read exactly", async (_label, bytes) => {
    const file = await write("s.json", bytes);
    const out = path.join(dir, "o.xlsx");
    expect((await cli("build", file, "-o", out)).code).toBe(0);
    const back = await cli("read", out);
    expect(JSON.parse(back.out.join("\n"))).toEqual(STUDY);
  });

  it.each([
    [
      "a carriage return in a name",
      { ...STUDY, needs: ["Fix\ra flat", "Cheap parts"] },
      /needs\[0\]: contains an invisible control character \(U\+000D/,
    ],
    [
      "U+007F in a name",
      { ...STUDY, clienteles: ["Commuters\u007f", "Students"] },
      /clienteles\[0\]: contains an invisible control character \(U\+007F/,
    ],
    [
      "a 40 000-character comment",
      { ...STUDY, pairs: [{ ...STUDY.pairs[0], comment: "x".repeat(40000) }] },
      /pairs\[0\]\.comment: the text has 40000 characters, more than an Excel cell can hold \(32767\)/,
    ],
  ])("%s: refused naming the item, no file written", async (_label, study, text) => {
    const file = await write("s.json", Buffer.from(JSON.stringify(study)));
    const out = path.join(dir, "o.xlsx");
    const result = await cli("build", file, "-o", out);
    expect(result.code).toBe(1);
    expect(result.err.some((line) => text.test(line) && line.includes(file))).toBe(true);
    await expect(fs.access(out)).rejects.toThrow();
  });

  it("16 400 clientèles: refused up front naming the field and Excel's limit", async () => {
    const clienteles = Array.from({ length: 16400 }, (_, i) => `C${i}`);
    const study = {
      clienteles,
      needs: ["N"],
      pairs: clienteles.map((clientele) => ({ clientele, need: "N" })),
    };
    const file = await write("wide.json", Buffer.from(JSON.stringify(study)));
    const out = path.join(dir, "o.xlsx");
    refusedInOneLine(
      await cli("build", file, "-o", out),
      file,
      /clienteles: 16,400 clientèles, but the sheet "Who feels what" has columns for only 16,382 \(Excel has 16,384 columns\): split the study/
    );
    await expect(fs.access(out)).rejects.toThrow();
  });
});

describe("the add-in's state in the file", () => {
  it("a built workbook carries it; a foreign workbook does not make it the add-in's", async () => {
    const { listing } = await readWorkbookFile(built);
    expect(listing.state).toEqual({
      kind: "ok",
      state: expect.objectContaining({
        layoutVersion: LAYOUT_VERSION,
        sheets: [
          { role: "ticks", name: "Who feels what" },
          { role: "ratings", name: "Ratings" },
          { role: "matrix", name: "Matrix" },
          { role: "segments", name: "Segments" },
          { role: "checklist", name: "Checklist" },
          { role: "targeting", name: "Targeting" },
          { role: "diagnostic", name: "Diagnosis" },
          { role: "settings", name: "Settings" },
        ],
        tables: ["SM_Ratings"],
      }),
    });
    expect(readStudy((await readWorkbookFile(built)).grids).problems).toEqual([]);
  });

  it("a workbook built before the state existed (layout 0) is read and rebuilt without loss", async () => {
    const legacy = await copy("legacy.xlsx");
    // ExcelJS drops custom XML parts when it saves: what is left is the workbook of before.
    await editWithExcelJs(legacy, () => undefined);
    expect((await readWorkbookFile(legacy)).listing.state).toBeUndefined();
    const json = path.join(dir, "legacy.json");
    expect((await cli("read", legacy, "-o", json)).code).toBe(0);
    expect((await cli("build", json, "-o", legacy)).code).toBe(0);
    expect((await readWorkbookFile(legacy)).listing.state?.kind).toBe("ok");
    expect(JSON.parse((await cli("read", legacy)).out.join("\n"))).toEqual(STUDY);
  });
});
