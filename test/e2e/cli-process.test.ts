/** The command line as a consultant runs it: a real process, its exit code, its output streams. */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { promisify } from "util";
import { PALETTES } from "../../src/method/palette";
import { scaleColour } from "../../src/method/score";
import { cellBoxes, cornerOf, decodePng } from "../support/png";
import { parseSvg } from "../support/svg";
import { tempDir } from "../support/workbooks";

const run = promisify(execFile);
const root = path.join(__dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const main = path.join(root, "src", "cli", "main.ts");

jest.setTimeout(60000);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [main, ...args], {
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
