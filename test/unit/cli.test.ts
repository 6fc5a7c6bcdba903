import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import { tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

async function sheetNamesOf(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => sheet.name);
}

const good = {
  clienteles: ["Etudiants", "Hautes écoles"],
  needs: ["Innover"],
  pairs: [{ clientele: "Etudiants", need: "Innover", perception: 4, impact: 2 }],
};

describe("cli build", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const write = async (name: string, content: unknown): Promise<string> => {
    const file = path.join(dir, name);
    await fs.writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };

  it("writes the workbook, prints its path and exits 0", async () => {
    const study = await write("s.json", good);
    const out = path.join(dir, "sub", "out.xlsx");
    const result = await cli("build", study, "-o", out);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([out]);
    expect(await sheetNamesOf(out)).toEqual([
      "Qui ressent quoi",
      "Évaluation",
      "Matrice",
      "Segments",
      "Check-list",
      "Ciblage",
      "Diagnostic",
      "Paramètres",
    ]);
  });

  it("builds in English with --lang en", async () => {
    const out = path.join(dir, "en.xlsx");
    expect((await cli("build", await write("s.json", good), "-o", out, "--lang", "en")).code).toBe(
      0
    );
    expect(await sheetNamesOf(out)).toEqual([
      "Who feels what",
      "Ratings",
      "Matrix",
      "Segments",
      "Checklist",
      "Targeting",
      "Diagnosis",
      "Settings",
    ]);
  });

  it.each([
    ["invalid JSON", "{ not json", /s\.json: not valid JSON/],
    [
      "a duplicate clientèle",
      { ...good, clienteles: ["A", "a"] },
      /s\.json: clienteles\[1\]: .*duplicate/,
    ],
    [
      "a level out of range",
      { ...good, pairs: [{ clientele: "Etudiants", need: "Innover", impact: 9 }] },
      /s\.json: pairs\[0\]\.impact: "9" is not a level/,
    ],
  ])(
    "refuses %s with one line naming it, exit 1, and leaves no file",
    async (_label, content, message) => {
      const out = path.join(dir, "out.xlsx");
      const result = await cli("build", await write("s.json", content), "-o", out, "--lang", "en");
      expect(result.code).toBe(1);
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toMatch(message);
      expect(result.out).toEqual([]);
      expect((await fs.readdir(dir)).sort()).toEqual(["s.json"]);
    }
  );

  it("says which file is missing", async () => {
    const result = await cli("build", path.join(dir, "nope.json"), "-o", path.join(dir, "o.xlsx"));
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/nope\.json: no such file/);
  });

  it("refuses pairs whose clientèle is not in the list, unless told to drop them", async () => {
    const study = await write("s.json", { ...good, clienteles: ["Hautes écoles"] });
    const refused = await cli("build", study, "-o", path.join(dir, "o.xlsx"), "--lang", "en");
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      `error: ${study}: pairs[0]: pair ("Etudiants", "Innover"): clientèle "Etudiants" is not in the list (it had perception 4, impact 2); correct the name, or add --drop-orphans to drop such pairs`,
    ]);
    expect((await fs.readdir(dir)).sort()).toEqual(["s.json"]);
    const result = await cli(
      "build",
      study,
      "-o",
      path.join(dir, "o.xlsx"),
      "--lang",
      "en",
      "--drop-orphans"
    );
    expect(result.code).toBe(0);
    expect(result.err[0]).toBe(
      `warning: ${study}: pairs[0]: pair ("Etudiants", "Innover") dropped: clientèle "Etudiants" is no longer in the list (it had perception 4, impact 2)`
    );
  });

  it("replaces its own earlier output but never a workbook holding other sheets, unless forced", async () => {
    const study = await write("s.json", good);
    const out = path.join(dir, "o.xlsx");
    expect((await cli("build", study, "-o", out)).code).toBe(0);
    expect((await cli("build", study, "-o", out)).code).toBe(0);

    const client = path.join(dir, "client.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Budget").getCell("A1").value = 42;
    await workbook.xlsx.writeFile(client);
    const refused = await cli("build", study, "-o", client);
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(
      /client\.xlsx: exists and is not a Segment Matrix workbook; choose another output file, or add --force/
    );
    const kept = new ExcelJS.Workbook();
    await kept.xlsx.readFile(client);
    expect(kept.getWorksheet("Budget")?.getCell("A1").value).toBe(42);
    expect((await cli("build", study, "-o", client, "--force")).code).toBe(0);
  });
});

describe("cli read and template", () => {
  it("reads a built workbook back into the same study file", async () => {
    const dir = await tempDir();
    const study = path.join(dir, "s.json");
    await fs.writeFile(
      study,
      JSON.stringify({
        title: "T",
        language: "en",
        ...good,
        weights: { perception: 2, impact: 0.5 },
      })
    );
    await cli("build", study, "-o", path.join(dir, "o.xlsx"));
    const result = await cli("read", path.join(dir, "o.xlsx"), "-o", path.join(dir, "back.json"));
    expect(result.code).toBe(0);
    expect(JSON.parse(await fs.readFile(path.join(dir, "back.json"), "utf8"))).toEqual({
      title: "T",
      language: "en",
      ...good,
      weights: { perception: 2, impact: 0.5 },
    });
  });

  it("refuses a blank template with a message saying where to type", async () => {
    const dir = await tempDir();
    const template = path.join(dir, "t.xlsx");
    expect((await cli("template", "-o", template, "--lang", "en")).code).toBe(0);
    const result = await cli("read", template, "-o", path.join(dir, "s.json"), "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(
      /t\.xlsx: 'Who feels what'!C5: no clientèle: type their names across row 5, from C5/
    );
    expect(await fs.readdir(dir)).toEqual(["t.xlsx"]);
  });

  it("says when a file is not a workbook", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "notes.xlsx");
    await fs.writeFile(file, "plain text");
    const result = await cli("read", file);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/notes\.xlsx: not an \.xlsx workbook/);
  });

  it("exits 2 on misuse", async () => {
    expect((await cli("frobnicate")).code).toBe(2);
    expect((await cli("build", "x.json")).code).toBe(2);
    expect((await cli("template", "-o", "t.xlsx", "--lang", "de")).code).toBe(2);
    expect((await cli("build", "x.json", "-o", "o.xlsx", "--colour")).code).toBe(2);
  });
});
