/**
 * export … -o DECK.pptx as a consultant runs it: the compiled CLI in a real process (pptxgenjs
 * loads Node's modules by dynamic import, which jest's sandbox refuses), its exit codes, the parts
 * asked for, the output guard (its own deck replaced, a foreign deck only with --force, a working
 * workbook never), and numbers in the study's language whatever the machine's locale.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { promisify } from "util";
import JSZip from "jszip";
import { PALETTES } from "../../src/method/colour";
import { studyToJson } from "../../src/layout/study-json";
import { deckParts, slideNames, slideText } from "../support/deck-xml";
import { segmentedStudy } from "../support/export-fixtures";
import { buildFile, tempDir } from "../support/workbooks";
import { planToBuffer } from "../../src/hosts/xlsx/file";
import { rfmPlan } from "../../src/layout/sheets/rfm";
import { sampleRfmWorkbook } from "../support/rfm-data";

const run = promisify(execFile);
const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "dist-cli", "segment-matrix.js");

jest.setTimeout(90000);

beforeAll(async () => {
  await run("npm", ["run", "-s", "build:cli"], { cwd: root });
});

async function cli(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, LANG: "C", ...env },
      timeout: 30000,
    });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

async function deckText(file: string): Promise<string[]> {
  const parts = deckParts(await fs.readFile(file));
  return slideNames(parts).map((name) => slideText(parts.get(name)!));
}

let dir: string;
let studyFile: string;
beforeEach(async () => {
  dir = await tempDir("sm-deck-cli-");
  studyFile = path.join(dir, "etude.json");
  const input = segmentedStudy({ currency: "CHF" });
  await fs.writeFile(studyFile, JSON.stringify(studyToJson(input)));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("writes the deck from a study, in the study's numbers whatever the machine's locale", async () => {
  const out = path.join(dir, "deck.pptx");
  const result = await cli(
    { LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8" },
    "export",
    studyFile,
    "-o",
    out
  );
  expect(result.code).toBe(0);
  expect(result.stdout.trim()).toBe(out);
  expect(result.stderr.trim()).toBe(
    `Présentation : 6 diapositives ; couleurs ${PALETTES.default.label.fr}`
  );
  const slides = await deckText(out);
  expect(slides.join("\n")).toContain("84\u00A0000\u00A0CHF");
  expect(slides.join("\n")).not.toContain("84,000");
});

it("writes the parts asked for, from a working workbook too, in the language asked for", async () => {
  const working = await buildFile(segmentedStudy(), dir, "travail.xlsx");
  const out = path.join(dir, "deck-en.pptx");
  const result = await cli(
    {},
    "export",
    working,
    "-o",
    out,
    "--slides",
    "legend,matrix",
    "--lang",
    "en"
  );
  expect(result.code).toBe(0);
  expect(result.stderr.trim()).toBe("Deck: 3 slides; palette default");
  const slides = await deckText(out);
  expect(slides[1]).toContain("Score matrix");
  expect(slides[2]).toContain("Legend");
});

it("replaces its own deck, a foreign one only with --force, and never a working workbook", async () => {
  const out = path.join(dir, "deck.pptx");
  expect((await cli({}, "export", studyFile, "-o", out)).code).toBe(0);
  expect((await cli({}, "export", studyFile, "-o", out, "--slides", "matrix")).code).toBe(0);
  expect(await deckText(out)).toHaveLength(2);

  const foreign = path.join(dir, "client.pptx");
  const zip = new JSZip();
  zip.file("ppt/presentation.xml", "<p:presentation/>");
  zip.file(
    "docProps/core.xml",
    "<cp:coreProperties><dc:subject>Budget</dc:subject></cp:coreProperties>"
  );
  await fs.writeFile(foreign, await zip.generateAsync({ type: "nodebuffer" }));
  const refused = await cli({}, "export", studyFile, "-o", foreign);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("is not a deck Segment Matrix made");
  expect((await cli({}, "export", studyFile, "-o", foreign, "--force")).code).toBe(0);

  const working = await buildFile(segmentedStudy(), dir, "travail.xlsx");
  const disguised = path.join(dir, "travail.pptx");
  await fs.copyFile(working, disguised);
  const before = await fs.readFile(disguised);
  const never = await cli({}, "export", studyFile, "-o", disguised, "--force");
  expect(never.code).toBe(1);
  expect(await fs.readFile(disguised)).toEqual(before);
});

it("refuses --slides for another format and an unknown part", async () => {
  const wrong = await cli(
    {},
    "export",
    studyFile,
    "-o",
    path.join(dir, "c.xlsx"),
    "--slides",
    "matrix"
  );
  expect(wrong.code).toBe(2);
  const unknown = await cli(
    {},
    "export",
    studyFile,
    "-o",
    path.join(dir, "d.pptx"),
    "--slides",
    "ratings"
  );
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('--slides: "ratings" is not a part of the deck');
  // --sheets is the client workbook's: a deck refuses it as --slides is refused by a workbook.
  const sheets = await cli(
    {},
    "export",
    studyFile,
    "-o",
    path.join(dir, "e.pptx"),
    "--sheets",
    "matrix"
  );
  expect(sheets.code).toBe(2);
  expect(sheets.stderr).toContain("--sheets is for a client workbook or PDF; use --slides");
});

it("speaks of slides and --slides when a deck's asked parts are empty", async () => {
  const bare = path.join(dir, "bare.json");
  await fs.copyFile(path.join(__dirname, "..", "..", "examples", "small-en.json"), bare);
  const result = await cli(
    {},
    "export",
    bare,
    "-o",
    path.join(dir, "bare.pptx"),
    "--slides",
    "segments"
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("--slides");
  expect(result.stderr).toContain("no slide to export: add matrix or legend to --slides");
  expect(result.stderr).not.toContain("--sheets");
});

it("writes an RFM workbook's summary and its R × F grids as two slides, without a customer's id", async () => {
  const rfmFile = path.join(dir, "rfm.xlsx");
  const plan = rfmPlan({ ...sampleRfmWorkbook(), palette: PALETTES.default });
  await fs.writeFile(rfmFile, await planToBuffer(plan));
  const out = path.join(dir, "rfm.pptx");
  const result = await cli({}, "export", rfmFile, "-o", out);
  expect(result.code).toBe(0);
  expect(result.stderr.trim()).toBe(
    `Présentation : 2 diapositives ; couleurs ${PALETTES.default.label.fr}`
  );
  const [slide, grids] = await deckText(out);
  expect(slide).toContain("Synthèse par segment RFM, analyse au 2026-01-01");
  expect(slide).toContain("Champions");
  expect(grids).toContain("Grilles récence × fréquence, analyse au 2026-01-01");
  expect(grids).toContain("Grille R × F : nombre de clients");
  expect(grids).toContain("Grille R × F : chiffre d'affaires");
  const xml = [...deckParts(await fs.readFile(out)).values()].map((p) => p.toString()).join("");
  expect(xml).not.toContain("client-0");
});
