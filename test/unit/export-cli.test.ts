/**
 * export on the command line, in process: arguments, the output guard (never a working workbook,
 * an earlier export replaced, a foreign file only with --force), LibreOffice missing, and the other
 * commands facing a client export. The PDF itself is in test/e2e/client-export.test.ts.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { SOFFICE_VARIABLE, findSoffice, pdfKeywords } from "../../src/hosts/pdf/libreoffice";
import { studyToJson } from "../../src/layout/study-json";
import { segmentedStudy } from "../support/export-fixtures";
import { buildFile, tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("cli export", () => {
  let dir: string;
  let studyFile: string;
  beforeEach(async () => {
    dir = await tempDir();
    studyFile = path.join(dir, "etude.json");
    await fs.writeFile(studyFile, JSON.stringify(studyToJson(segmentedStudy())));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes the client workbook from a study or a working workbook, and says what it holds", async () => {
    const out = path.join(dir, "client.xlsx");
    const result = await cli("export", studyFile, "-o", out);
    expect(result).toEqual({
      code: 0,
      out: [out],
      err: [
        "Classeur client : Matrice, Légende, Segments, Check-list, Ciblage ; couleurs orange foncé → jaune → vert foncé",
      ],
    });
    const working = await buildFile(segmentedStudy(), dir, "travail.xlsx");
    const fromWorkbook = await cli(
      "export",
      working,
      "-o",
      path.join(dir, "client-en.xlsx"),
      "--sheets",
      "matrix, legend",
      "--palette",
      "colourblind",
      "--lang",
      "en"
    );
    expect(fromWorkbook.code).toBe(0);
    expect(fromWorkbook.err).toEqual(["Client workbook: Matrix, Legend; palette colourblind"]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, "client-en.xlsx"));
    expect(book.worksheets.map((w) => w.name)).toEqual(["Matrix", "Legend"]);
  });

  it("misuse exits 2 naming the value: a sheet, an empty list, a format", async () => {
    const bad = await cli(
      "export",
      studyFile,
      "-o",
      path.join(dir, "c.xlsx"),
      "--sheets",
      "matrix,ratings"
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual([
      'error: --sheets: "ratings" is not a sheet of the export: use matrix, legend, segments, targeting, rfm',
    ]);
    expect(
      (await cli("export", studyFile, "-o", path.join(dir, "c.xlsx"), "--sheets", ",")).code
    ).toBe(2);
    const format = await cli("export", studyFile, "-o", path.join(dir, "c.docx"));
    expect(format.code).toBe(2);
    expect(format.err[0]).toMatch(
      /the export's format follows the extension: use \.xlsx, \.pdf or \.pptx/
    );
    expect((await cli("export", studyFile)).code).toBe(2);
    expect(await fs.readdir(dir)).toEqual(["etude.json"]);
  });

  it("never replaces a working workbook, even with --force", async () => {
    const working = await buildFile(segmentedStudy(), dir, "etude.xlsx");
    const before = await fs.readFile(working);
    for (const force of [[], ["--force"]]) {
      const result = await cli("export", studyFile, "-o", working, ...force);
      expect(result.code).toBe(1);
      expect(result.err[0]).toMatch(
        /this is a Segment Matrix working workbook|classeur de travail/
      );
    }
    expect((await fs.readFile(working)).equals(before)).toBe(true);
  });

  it("replaces an earlier export; a foreign file only with --force", async () => {
    const out = path.join(dir, "client.xlsx");
    expect((await cli("export", studyFile, "-o", out)).code).toBe(0);
    expect((await cli("export", studyFile, "-o", out, "--sheets", "matrix")).code).toBe(0);
    const foreign = path.join(dir, "budget.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Budget").getCell("A1").value = 1;
    await book.xlsx.writeFile(foreign);
    const refused = await cli("export", studyFile, "-o", foreign);
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(
      /n'est pas un classeur Segment Matrix|is not a Segment Matrix workbook/
    );
    expect((await cli("export", studyFile, "-o", foreign, "--force")).code).toBe(0);
    const text = path.join(dir, "notes.pdf");
    await fs.writeFile(text, "%PDF-1.4 someone else's PDF");
    process.env[SOFFICE_VARIABLE] = process.execPath;
    try {
      const pdf = await cli("export", studyFile, "-o", text);
      expect(pdf.code).toBe(1);
      expect(pdf.err[0]).toMatch(
        /n'est pas un PDF exporté par Segment Matrix|is not a PDF Segment Matrix exported/
      );
    } finally {
      delete process.env[SOFFICE_VARIABLE];
    }
  });

  it("says how to get LibreOffice when it is missing, before any work, and writes nothing", async () => {
    process.env[SOFFICE_VARIABLE] = path.join(dir, "no-soffice-here");
    try {
      const result = await cli("export", studyFile, "-o", path.join(dir, "c.pdf"), "--lang", "en");
      expect(result.code).toBe(1);
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toMatch(
        /c\.pdf: the PDF goes through LibreOffice, which is not found here: install it \(Debian\/Ubuntu: sudo apt-get install libreoffice-calc/
      );
    } finally {
      delete process.env[SOFFICE_VARIABLE];
    }
    expect(await fs.readdir(dir)).toEqual(["etude.json"]);
  });

  it("leaves segments out where the study has none, saying so; refuses when nothing is left", async () => {
    const plain = path.join(dir, "plain.json");
    await fs.writeFile(plain, JSON.stringify({ clienteles: ["a"], needs: ["n"], pairs: [] }));
    const all = await cli(
      "export",
      plain,
      "-o",
      path.join(dir, "c.xlsx"),
      "--sheets",
      "matrix,segments,targeting,legend"
    );
    expect(all.code).toBe(0);
    expect(all.err[0]).toMatch(
      /^attention: --sheets: « segments » demandé, mais l'étude n'a aucun segment/
    );
    expect(all.err[2]).toBe(
      "Classeur client : Matrice, Légende ; couleurs orange foncé → jaune → vert foncé"
    );
    const none = await cli("export", plain, "-o", path.join(dir, "d.xlsx"), "--sheets", "segments");
    expect(none.code).toBe(1);
    expect(none.err[1]).toMatch(/aucune feuille à exporter : ajoutez matrix ou legend à --sheets/);
  });

  it("a client export is not a study: read, build's guard and export itself say so", async () => {
    const out = path.join(dir, "client.xlsx");
    await cli("export", studyFile, "-o", out);
    const read = await cli("read", out, "--lang", "en");
    expect(read.code).toBe(1);
    expect(read.err).toEqual([
      `error: ${out}: this workbook is a client deliverable exported by Segment Matrix: it keeps fixed values only, without the ticks or the ratings. Open the working workbook (or the .json study) it was exported from`,
    ]);
    expect((await cli("export", out, "-o", path.join(dir, "again.xlsx"))).code).toBe(1);
    const build = await cli("build", studyFile, "-o", out);
    expect(build.code).toBe(1);
    expect(build.err[0]).toMatch(
      /livrable client exporté par Segment Matrix, pas un classeur de travail|client deliverable exported by Segment Matrix, not a working workbook/
    );
    expect((await cli("build", studyFile, "-o", out, "--force")).code).toBe(0);
  });

  it("build takes --palette, and refuses an unknown one", async () => {
    const out = path.join(dir, "travail.xlsx");
    expect((await cli("build", studyFile, "-o", out, "--palette", "colourblind")).code).toBe(0);
    const read = await cli("read", out);
    expect(JSON.parse(read.out.join("\n")).palette).toBe("colourblind");
    const bad = await cli("build", studyFile, "-o", out, "--palette", "rainbow");
    expect(bad.code).toBe(2);
  });
});

describe("finding LibreOffice and reading a PDF's keywords", () => {
  it("takes the program the variable names, else searches the PATH", async () => {
    expect(await findSoffice({ [SOFFICE_VARIABLE]: process.execPath })).toBe(process.execPath);
    expect(await findSoffice({ [SOFFICE_VARIABLE]: "/nowhere/soffice" })).toBeUndefined();
    const dir = await tempDir();
    const fake = path.join(dir, "soffice");
    await fs.writeFile(fake, "#!/bin/sh\n", { mode: 0o755 });
    expect(await findSoffice({ PATH: dir })).toBe(fake);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("decodes UTF-16 hex and literal keywords", () => {
    const hex = Buffer.from("Segment, Matrix", "utf16le").swap16().toString("hex");
    expect(pdfKeywords(Buffer.from(`<</Keywords<FEFF${hex}>/Author(x)>>`))).toBe("Segment, Matrix");
    expect(pdfKeywords(Buffer.from("<</Keywords(a \\(b\\) c)>>"))).toBe("a (b) c");
    expect(pdfKeywords(Buffer.from("<</Title(x)>>"))).toBeUndefined();
    expect(pdfKeywords(Buffer.from("<</Keywords (a\\\\) b)>>"))).toBe("a\\");
    expect(pdfKeywords(Buffer.from("<</Keywords(a \\n b)>>"))).toBe("a \\n b");
  });

  it("reads the keywords of a hostile file in one pass: unfinished strings, then the real one", () => {
    // The tail the output guard reads (256 KiB) made of unfinished "/Keywords(": the pattern this
    // scan replaced tried each one to the end of the text (quadratic, a minute here).
    const tail = "/Keywords(".repeat(26000);
    expect(pdfKeywords(Buffer.from(tail, "latin1"))).toBeUndefined();
    expect(pdfKeywords(Buffer.from("/Keywords<0g>".repeat(20000), "latin1"))).toBeUndefined();
    expect(pdfKeywords(Buffer.from(`/Keywords(${"x".repeat(5000)}/Keywords(found)`))).toBe("found");
  });
});
