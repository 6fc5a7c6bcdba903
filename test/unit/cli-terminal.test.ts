/**
 * What the command line prints can be trusted on a terminal (issue 13 A): control characters taken
 * from a study, a workbook or the JSON parser are shown escaped in every line, and a study file's
 * duplicate keys and out-of-range numbers are named as typed.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import { scanJson } from "../../src/cli/json-scan";
import { readStudyJson } from "../../src/cli/study-file";
import { formatProblem, quoteEn, quoteFr, showControls } from "../../src/messages";
import * as msg from "../../src/messages";
import { tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Any character a terminal would act on rather than show (C0, DEL, C1, bidi controls). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

const ESC = "\u001b";
const HOSTILE = `Evil${ESC}[2J${ESC}]0;pwned\u0007\u0000\u009b31m\u202eDLROW\u0085`;
/** What a study may hold in a name (the validator refuses C0 controls but tab and line feed). */
const ACCEPTED = "Evil\u009b2J\u202eDLROW\u0085\nsecond line\tand a tab\u2066";

describe("showControls", () => {
  it("writes every control character as \\uXXXX and leaves other text as it is", () => {
    expect(showControls(HOSTILE)).toBe(
      "Evil\\u001b[2J\\u001b]0;pwned\\u0007\\u0000\\u009b31m\\u202eDLROW\\u0085"
    );
    expect(showControls("a\tb\nc\rd\u007fe\u2066f\u200fg")).toBe(
      "a\\u0009b\\u000ac\\u000dd\\u007fe\\u2066f\\u200fg"
    );
    const plain = "Clientèle « Étudiants » — 𝄞 日本 ü";
    expect(showControls(plain)).toBe(plain);
  });

  it("is idempotent, so the quoting helpers and the terminal may both apply it", () => {
    expect(showControls(showControls(HOSTILE))).toBe(showControls(HOSTILE));
    expect(quoteEn(HOSTILE)).toBe(`"${showControls(HOSTILE)}"`);
    expect(quoteFr(HOSTILE)).toBe(`« ${showControls(HOSTILE)} »`);
  });

  it("escapes a problem's location as well as its words", () => {
    const problem = msg.fileMissing(`dir${ESC}[31m/x.json`);
    const line = formatProblem(
      { ...problem, location: { ...problem.location, sheet: HOSTILE } },
      "en"
    );
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line).toContain("dir\\u001b[31m/x.json");
  });
});

describe("every line the CLI prints", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const expectClean = (lines: string[]): void => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(RAW_CONTROL);
  };

  it("shows study names escaped in problems (build)", async () => {
    const study = path.join(dir, "s.json");
    await fs.writeFile(
      study,
      JSON.stringify({ clienteles: [ACCEPTED, ACCEPTED.toUpperCase()], needs: ["n"], pairs: [] })
    );
    const result = await cli("build", study, "-o", path.join(dir, "o.xlsx"), "--lang", "en");
    expect(result.code).toBe(1);
    expectClean(result.err);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toContain("\\u009b2J\\u202eDLROW\\u0085\\u000aSECOND LINE\\u0009");
  });

  it("shows study names escaped in the ordering's summary (order)", async () => {
    const study = path.join(dir, "s.json");
    await fs.writeFile(
      study,
      JSON.stringify({
        language: "en",
        clienteles: ["A", "B", "C", ACCEPTED],
        needs: ["n1", "n2", `need\u009b5m`],
        pairs: [
          { clientele: "A", need: "n1" },
          { clientele: "B", need: "n1" },
          { clientele: "C", need: "n2" },
        ],
      })
    );
    const result = await cli("order", study, "-o", path.join(dir, "o.json"));
    expect(result.code).toBe(0);
    expectClean([...result.err, ...result.out]);
    expect(result.err.join("\n")).toContain("\\u202eDLROW");
    expect(result.err.join("\n")).toContain("need\\u009b5m");
  });

  it("shows the JSON parser's words escaped (they quote the file)", async () => {
    const study = path.join(dir, "s.json");
    // V8 quotes the start of the text when the first character is wrong.
    await fs.writeFile(study, `${ESC}]2;title\u0007{"clienteles": []}`);
    const result = await cli("build", study, "-o", path.join(dir, "o.xlsx"), "--lang", "en");
    expect(result.code).toBe(1);
    expectClean(result.err);
    expect(result.err[0]).toMatch(/not valid JSON .*\\u001b\]2;title\\u0007/);
  });

  it("shows sheet names escaped (a workbook's foreign sheets, named by the output guard)", async () => {
    const study = path.join(dir, "s.json");
    await fs.writeFile(study, JSON.stringify({ clienteles: ["A"], needs: ["n"], pairs: [] }));
    const out = path.join(dir, "o.xlsx");
    expect((await cli("build", study, "-o", out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    // C1 and bidirectional controls are legal XML characters: a sheet name may hold them.
    workbook.addWorksheet("Notes\u009b2J\u202e");
    await workbook.xlsx.writeFile(out);
    const result = await cli("build", study, "-o", out, "--lang", "en");
    expect(result.code).toBe(1);
    expectClean(result.err);
    expect(result.err[0]).toContain("Notes\\u009b2J\\u202e");
  });

  it("shows arguments escaped in usage errors and output paths", async () => {
    const unknown = await cli(`bu${ESC}[2Jild`);
    expect(unknown.code).toBe(2);
    expectClean(unknown.err);
    expect(unknown.err[0]).toBe('error: unknown command "bu\\u001b[2Jild"');

    const study = path.join(dir, "s.json");
    await fs.writeFile(study, JSON.stringify({ clienteles: ["A"], needs: ["n"], pairs: [] }));
    const built = await cli("build", study, "-o", path.join(dir, `o${ESC}[1m.xlsx`));
    expect(built.code).toBe(0);
    expectClean(built.out);
    expect(built.out[0]).toContain("o\\u001b[1m.xlsx");
  });

  it("keeps the study printed by `read` valid JSON, with the same text", async () => {
    const study = path.join(dir, "s.json");
    const name = "Clientèle\u0085\u202e";
    await fs.writeFile(study, JSON.stringify({ clienteles: [name], needs: ["n"], pairs: [] }));
    const out = path.join(dir, "o.xlsx");
    expect((await cli("build", study, "-o", out)).code).toBe(0);
    const read = await cli("read", out);
    expect(read.code).toBe(0);
    expectClean(read.out);
    const printed = JSON.parse(read.out.join("\n")) as { clienteles: string[] };
    expect(printed.clienteles).toEqual([name]);
  });
});

describe("scanJson", () => {
  it("names a key given twice, at any depth, with its field path", () => {
    expect(scanJson('{"clienteles": ["a"], "needs": [], "clienteles": ["a", "b"]}')).toEqual([
      { kind: "duplicate-key", path: "clienteles", key: "clienteles" },
    ]);
    const nested = JSON.stringify({ segments: [{ name: "S" }, { name: "T" }] }).replace(
      '"name":"T"',
      '"name":"T","clienteles":[],"clienteles":["x"]'
    );
    expect(scanJson(nested)).toEqual([
      { kind: "duplicate-key", path: "segments[1].clienteles", key: "clienteles" },
    ]);
    expect(scanJson('{"pairs": [{"clientele": "a", "need": "n", "need": "m"}]}')).toEqual([
      { kind: "duplicate-key", path: "pairs[0].need", key: "need" },
    ]);
  });

  it("compares keys as JSON reads them (escapes decoded), and objects apart", () => {
    expect(scanJson('{"needs": [], "ne\\u0065ds": []}')).toEqual([
      { kind: "duplicate-key", path: "needs", key: "needs" },
    ]);
    expect(scanJson('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]')).toEqual([]);
    expect(scanJson('{"a\\"b": 1, "c": "\\"a\\"b\\": 2"}')).toEqual([]);
    expect(scanJson('{"odd key": {"x": 1, "x": 2}}')).toEqual([
      { kind: "duplicate-key", path: '["odd key"].x', key: "x" },
    ]);
  });

  it("names numbers a double cannot hold, as typed", () => {
    expect(
      scanJson('{"weights": {"impact": 1e309, "perception": -2E+400}, "x": [0, 0.0, 0e99, 1e-400]}')
    ).toEqual([
      { kind: "number-out-of-range", path: "weights.impact", text: "1e309" },
      { kind: "number-out-of-range", path: "weights.perception", text: "-2E+400" },
      { kind: "number-out-of-range", path: "x[3]", text: "1e-400" },
    ]);
    expect(scanJson("[1.5, -0, 1e308, 5e-324, 123456789012345678901234567890]")).toEqual([]);
  });

  it("is linear and needs no recursion: deep nesting and long files pass", () => {
    const depth = 200000;
    const deep = "[".repeat(depth) + "]".repeat(depth);
    expect(scanJson(deep)).toEqual([]);
    const wide = `{${Array.from({ length: 100000 }, (_, i) => `"k${i}": ${i}`).join(",")}}`;
    expect(scanJson(wide)).toEqual([]);
  });
});

describe("a study file with a duplicate key or an unreadable number", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("is refused, naming the field and what was typed (build)", async () => {
    const study = path.join(dir, "s.json");
    await fs.writeFile(
      study,
      '{"clienteles": ["A"], "needs": ["n"], "clienteles": ["A", "B"],\n "weights": {"impact": 1e309}}'
    );
    const result = await cli("build", study, "-o", path.join(dir, "o.xlsx"), "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `error: ${study}: clienteles: the key "clienteles" is given twice in the same object: only one would be read, silently; keep one (merge the two if needed)`,
      `error: ${study}: weights.impact: the number 1e309 cannot be read as typed (beyond a number's range: over 1.8 × 10^308, or so near 0 it would read as 0): write the value meant`,
    ]);
    expect(await fs.readdir(dir)).toEqual(["s.json"]);
  });

  it("is refused by every command reading a study (order, image, export)", async () => {
    const study = path.join(dir, "s.json");
    await fs.writeFile(study, '{"clienteles": ["A"], "needs": ["n"], "needs": ["n"]}');
    await expect(readStudyJson(study)).rejects.toMatchObject({
      problems: [{ code: "study-duplicate-key", location: { file: study, field: "needs" } }],
    });
    for (const [command, output] of [
      ["order", "o.json"],
      ["image", "o.svg"],
      ["export", "o.xlsx"],
    ]) {
      const result = await cli(command, study, "-o", path.join(dir, output));
      expect(result).toMatchObject({
        code: 1,
        err: [expect.stringMatching(/s\.json: needs: (the key "needs"|la clé « needs »)/)],
      });
      expect(result.err).toHaveLength(1);
    }
  });

  it("still reads a well-formed study exactly as JSON.parse does", async () => {
    const study = path.join(dir, "s.json");
    const value = { clienteles: ["A"], needs: ["n"], weights: { impact: 1e308, perception: 0 } };
    await fs.writeFile(study, "\uFEFF" + JSON.stringify(value));
    expect(await readStudyJson(study)).toEqual(value);
  });
});
