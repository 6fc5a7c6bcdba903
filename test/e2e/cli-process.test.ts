/**
 * The command line as a consultant runs it: the compiled CLI (package.json's bin, built here as
 * `npm run build:cli` builds it) in a real process, its exit code, its output streams.
 */
import { execFile } from "child_process";
import { promises as fs, readFileSync } from "fs";
import path from "path";
import { promisify } from "util";
import { tempDir } from "../support/workbooks";

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
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, LANG: "C" },
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
