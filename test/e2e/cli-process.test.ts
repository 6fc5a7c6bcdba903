/**
 * The command line as a consultant runs it: the compiled CLI (package.json's bin, built here as
 * `npm run build:cli` builds it) in a real process, its exit code, its output streams.
 */
import { execFile } from "child_process";
import { promises as fs, readFileSync } from "fs";
import path from "path";
import { promisify } from "util";
import { PALETTES, scaleColour } from "../../src/method/colour";
import { cellBoxes, cornerOf, decodePng } from "../support/png";
import { parseSvg } from "../support/svg";
import { entriesOf, rawZip } from "../support/hostile";
import { tempDir } from "../support/workbooks";
import { rfmSql } from "../../src/analysis/rfm-sql";

const run = promisify(execFile);
const root = path.join(__dirname, "..", "..");
const packageJson = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  bin: Record<string, string>;
};
const bin = path.join(root, packageJson.bin["segment-matrix"]);

jest.setTimeout(60000);

beforeAll(async () => {
  await run("npm", ["run", "-s", "build:cli"], { cwd: root });
});

it("is compiled ahead: plain JavaScript that Node runs, no TypeScript compiler", async () => {
  const source = await fs.readFile(bin, "utf8");
  expect(source.startsWith("#!/usr/bin/env node\n")).toBe(true);
  expect(source).not.toMatch(/require\("(tsx|typescript|esbuild)/);
  expect(packageJson).not.toHaveProperty("dependencies.tsx");
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // A command that hangs is a failure too: killed after 30 s.
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, LANG: "C" },
      timeout: 30000,
    });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

it("builds the worked example as `npm run demo` does, printing the output path", async () => {
  const dir = await tempDir();
  const out = path.join(dir, "out", "exemple-incubateur.xlsx");
  const result = await cli("build", "examples/exemple-incubateur.json", "-o", out);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(`${out}\n`);
  expect(result.stderr).toMatch(/13 clientèles × 13 (besoins|needs), 47/);
  expect((await fs.stat(out)).size).toBeGreaterThan(10000);
  await fs.rm(dir, { recursive: true, force: true });
});

it("exits non-zero with one line naming the faulty field, and leaves no file", async () => {
  const dir = await tempDir();
  const study = path.join(dir, "etude.json");
  await fs.writeFile(
    study,
    JSON.stringify({ clienteles: ["a"], needs: ["n"], weights: { impact: 9 } })
  );
  const result = await cli("build", study, "-o", path.join(dir, "out.xlsx"));
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr.trim().split("\n")).toEqual([
    `error: ${study}: weights.impact: "9" is not a valid weight: use a number from 0 to 5`,
  ]);
  expect(await fs.readdir(dir)).toEqual(["etude.json"]);
  await fs.rm(dir, { recursive: true, force: true });
});

it("exits 2 and shows the usage on a wrong command", async () => {
  const result = await cli("buidl");
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/unknown command "buidl"[\s\S]*usage:/);
});

it("draws the worked example as PNG in a real process (native renderer, bundled font)", async () => {
  const dir = await tempDir();
  const png = path.join(dir, "matrice.png");
  const svg = path.join(dir, "matrice.svg");
  const args = ["examples/exemple-incubateur.json", "--palette", "colourblind"];
  const result = await cli("image", ...args, "-o", png);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(`${png}\n`);
  expect((await cli("image", ...args, "-o", svg)).code).toBe(0);
  const image = decodePng(await fs.readFile(png));
  expect([image.width, image.height]).toEqual([1920, 1080]);
  const cells = cellBoxes(parseSvg(await fs.readFile(svg, "utf8")));
  for (const score of [100, 6]) {
    const { x, y } = cornerOf(cells.find((cell) => cell.score === score)!.box);
    expect(image.colourAt(x, y)).toBe(scaleColour(score, PALETTES.colourblind.stops));
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe("hostile inputs, as a real process: one line, exit 1, nothing hangs or crashes", () => {
  let dir: string;
  let built: string;
  let studyFile: string;
  beforeAll(async () => {
    dir = await tempDir();
    studyFile = path.join(dir, "study.json");
    await fs.writeFile(
      studyFile,
      JSON.stringify({ clienteles: ["Commuters"], needs: ["Fix a flat"], pairs: [] })
    );
    built = path.join(dir, "built.xlsx");
    expect((await cli("build", studyFile, "-o", built)).code).toBe(0);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("a zip bomb, to read and at the output path of build", async () => {
    const bomb = path.join(dir, "bomb.xlsx");
    const entries = await entriesOf(built);
    await fs.writeFile(
      bomb,
      rawZip([...entries, { name: "xl/media/a.bin", data: Buffer.alloc(1), declaredSize: 4e9 }])
    );
    const read = await cli("read", bomb);
    expect(read.code).toBe(1);
    expect(read.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /bomb\.xlsx: once unzipped, the workbook would take .* \(a zip bomb\?\)/
      ),
    ]);
    const build = await cli("build", studyFile, "-o", bomb);
    expect(build.code).toBe(1);
    expect(build.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("an output under /proc fails at once", async () => {
    const result = await cli("build", studyFile, "-o", "/proc/x/out.xlsx");
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^error: \/proc\/x\/out\.xlsx: cannot write here/);
  });

  it("a study saved in Windows-1252", async () => {
    const latin = path.join(dir, "latin.json");
    await fs.writeFile(latin, Buffer.from('{"clienteles": ["Écoles"], "needs": ["n"]}', "latin1"));
    const result = await cli("build", latin, "-o", path.join(dir, "o.xlsx"));
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `error: ${latin}: the file is not UTF-8 (byte 0xC9 at offset 17, line 1); save it as UTF-8 (Windows-1252 or Latin-1 are not read, so that no accent is changed)`
    );
  });
});

describe("trust at the terminal and on disk, as a real process (issue 13 A)", () => {
  let dir: string;
  let studyFile: string;
  beforeEach(async () => {
    dir = await tempDir();
    studyFile = path.join(dir, "study.json");
    await fs.writeFile(
      studyFile,
      JSON.stringify({ clienteles: ["Commuters"], needs: ["Fix a flat"], pairs: [] })
    );
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes no control character from a file to the terminal: ESC, BEL, C1, bidi shown escaped", async () => {
    // C1 and bidi controls are accepted in names; ESC and BEL come through the parser's words.
    const names = path.join(dir, "names.json");
    const hostile = "Evil\u009b2J\u202eDLROW";
    await fs.writeFile(
      names,
      JSON.stringify({ clienteles: [hostile, hostile.toLowerCase()], needs: ["n"], pairs: [] })
    );
    const duplicate = await cli("build", names, "-o", path.join(dir, "o.xlsx"));
    const parser = path.join(dir, "parser.json");
    await fs.writeFile(parser, "\u001b[2J\u001b]0;pwned\u0007{}");
    const broken = await cli("build", parser, "-o", path.join(dir, "o.xlsx"));
    for (const result of [duplicate, broken]) {
      expect(result.code).toBe(1);
      expect(Buffer.from(result.stderr, "utf8").toString("latin1")).not.toMatch(
        // eslint-disable-next-line no-control-regex
        /[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xae\xab-\xad]/
      );
    }
    expect(duplicate.stderr).toContain("evil\\u009b2j\\u202edlrow");
    expect(broken.stderr).toContain("\\u001b[2J\\u001b]0;pwned\\u0007");
  });

  it("names a key given twice and a number typed out of range", async () => {
    const twice = path.join(dir, "twice.json");
    await fs.writeFile(
      twice,
      '{"clienteles": ["A"], "needs": ["n"], "pairs": [{"clientele": "A", "need": "n", "impact": 1e309}], "clienteles": ["A", "B"]}'
    );
    const result = await cli("build", twice, "-o", path.join(dir, "o.xlsx"));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      `error: ${twice}: pairs[0].impact: the number 1e309 cannot be read as typed (beyond a number's range: over 1.8 × 10^308, or so near 0 it would read as 0): write the value meant`,
      `error: ${twice}: clienteles: the key "clienteles" is given twice in the same object: only one would be read, silently; keep one (merge the two if needed)`,
    ]);
  });

  it("keeps a 0600 workbook private, refuses a 0444 one unless --force", async () => {
    const out = path.join(dir, "o.xlsx");
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    await fs.chmod(out, 0o600);
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    expect((await fs.stat(out)).mode & 0o777).toBe(0o600);
    await fs.chmod(out, 0o444);
    const refused = await cli("build", studyFile, "-o", out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/o\.xlsx: this file is read-only: .*add --force/);
    expect((await cli("build", studyFile, "-o", out, "--force")).code).toBe(0);
    expect((await fs.stat(out)).mode & 0o777).toBe(0o444);
  });

  it("leaves no folder behind a failed write, and cleans a killed run's temporary file", async () => {
    const long = path.join(dir, "new", "sub", `${"x".repeat(300)}.xlsx`);
    expect((await cli("build", studyFile, "-o", long)).code).toBe(1);
    expect(await fs.readdir(dir)).toEqual(["study.json"]);

    // A run killed while writing: its temporary file, named by its process id, stays behind.
    const out = path.join(dir, "o.xlsx");
    const killed = await new Promise<number>((resolve) => {
      const child = execFile(process.execPath, [
        "-e",
        `require("fs").writeFileSync(${JSON.stringify(dir)} + "/.o.xlsx." + process.pid + ".tmp", "half"); process.kill(process.pid, "SIGKILL")`,
      ]);
      child.on("exit", (_code, signal) => {
        expect(signal).toBe("SIGKILL");
        resolve(child.pid as number);
      });
    });
    expect(await fs.readdir(dir)).toContain(`.o.xlsx.${killed}.tmp`);
    expect((await cli("build", studyFile, "-o", out)).code).toBe(0);
    expect((await fs.readdir(dir)).sort()).toEqual(["o.xlsx", "study.json"]);
  });

  it("orders 20 × 4 000 needs in a bounded time, saying which method it used", async () => {
    const clienteles = Array.from({ length: 20 }, (_, i) => `C${i + 1}`);
    const needs = Array.from({ length: 4000 }, (_, j) => `N${j + 1}`);
    const pairs = needs.flatMap((need, j) =>
      clienteles
        .filter((_, i) => (i * 7 + j * 13 + ((i * j) % 11)) % 5 < 2)
        .map((clientele) => ({ clientele, need }))
    );
    const big = path.join(dir, "big.json");
    await fs.writeFile(big, JSON.stringify({ language: "en", clienteles, needs, pairs }));
    const result = await cli("order", big, "-o", path.join(dir, "ordered.json"));
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /warning: 4000 needs: too many for the exact optimal leaf ordering within seconds \(beyond 1000\); ordered by the Gruvaeus–Wainer heuristic/
    );
    const ordered = JSON.parse(await fs.readFile(path.join(dir, "ordered.json"), "utf8")) as {
      needs: string[];
      pairs: unknown[];
    };
    expect(new Set(ordered.needs).size).toBe(4000);
    expect(ordered.pairs).toHaveLength(pairs.length);
  });
});

it("prints rfm --sql as the query itself, line for line, ready for a warehouse's client", async () => {
  for (const dialect of ["duckdb", "postgres"] as const) {
    const printed = await cli("rfm", "--sql", dialect, "--date", "2025-03-01");
    expect(printed.code).toBe(0);
    // The same text as the one the tests run on DuckDB and PostgreSQL: line breaks included.
    expect(printed.stdout).toBe(`${rfmSql(dialect, "2025-03-01")}\n`);
    expect(printed.stdout).not.toContain("\\u000a");
  }
});
