/**
 * The client deliverable as the client sees it: LibreOffice prints the client workbook (and the live
 * workbook with the colour-blind palette) to PDF, poppler turns pages into pixels and text. The best
 * and the worst pairs carry their scale's fills, the text on the darkest fill is the palette's colour,
 * landscape pages, every name exactly. One LibreOffice run for the three workbooks,
 * one for the command line's own PDF.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { promisify } from "util";
import { runCli } from "../../src/cli/main";
import { buildPlan } from "../../src/layout";
import { clientPlan } from "../../src/layout/export";
import { studyToJson } from "../../src/layout/study-json";
import { clientPlanToBuffer, planToBuffer } from "../../src/hosts/xlsx/file";
import { pictureModel } from "../../src/hosts/svg/model";
import { renderPicture } from "../../src/hosts/svg/matrix-svg";
import { PALETTES, PaletteName, hexToRgb, scaleColour } from "../../src/method/colour";
import { Study } from "../../src/method/study";
import { pairScore } from "../../src/method/score";
import { HOSTILE_NAMES, segmentedStudy } from "../support/export-fixtures";
import { toPdfAll } from "../support/libreoffice";
import { Box, Decoded, decodePng } from "../support/png";
import { parseSvg, visibleAndTitleTexts } from "../support/svg";
import { tempDir } from "../support/workbooks";

const run = promisify(execFile);
jest.setTimeout(180000);

const segmented = segmentedStudy();
const CREATED = new Date("2025-03-12T12:00:00Z");
const best = pairScore(4, 4, segmented.weights);
const worst = pairScore(1, 1, segmented.weights);
const NEEDS = segmented.needs.map((n) => n.name);
const SEGMENTS = (segmented.segments ?? []).map((s) => s.name);

async function clientFile(
  dir: string,
  name: string,
  s: Study,
  palette: PaletteName
): Promise<string> {
  const { plan } = clientPlan(s, { palette, created: CREATED });
  if (!plan) throw new Error("no plan");
  const file = path.join(dir, name);
  await fs.writeFile(file, await clientPlanToBuffer(plan));
  return file;
}

/** One page of a PDF as pixels. */
async function page(pdf: string, number: number, dpi = 100): Promise<Decoded> {
  const base = `${pdf}-p${number}`;
  await run("pdftoppm", [
    "-png",
    "-r",
    String(dpi),
    "-f",
    String(number),
    "-l",
    String(number),
    "-singlefile",
    pdf,
    base,
  ]);
  return decodePng(await fs.readFile(`${base}.png`));
}

/** The sizes of every page, in points. */
async function pageSizes(pdf: string): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "999", pdf]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/**
 * The first cell filled with a colour, top to bottom: from its top-left pixel, as far right and
 * down as the fill goes along its top and left edges (no text there: scores are centred).
 */
function firstCell(image: Decoded, hex: string, tolerance = 3): Box | undefined {
  const [tr, tg, tb] = hexToRgb(hex);
  const near = (x: number, y: number): boolean => {
    const [r, g, b] = hexToRgb(image.colourAt(x, y));
    return (
      Math.abs(r - tr) <= tolerance &&
      Math.abs(g - tg) <= tolerance &&
      Math.abs(b - tb) <= tolerance
    );
  };
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      if (!near(x, y)) continue;
      let right = x;
      while (right + 1 < image.width && near(right + 1, y)) right++;
      let bottom = y;
      while (bottom + 1 < image.height && near(x, bottom + 1)) bottom++;
      if (right - x >= 10 && bottom - y >= 6)
        return { x, y, width: right - x + 1, height: bottom - y + 1 };
    }
  return undefined;
}

/** Pixels of a cell's text: near white, and near black. */
function textPixels(image: Decoded, box: Box): { white: number; black: number } {
  return {
    white: image.countNear("#FFFFFF", box, 40),
    black: image.countNear("#000000", box, 60),
  };
}

/**
 * Whitespace aside (a PDF breaks lines where it wraps), the text holds the name exactly. Emoji
 * aside too: LibreOffice draws them from a colour emoji font, as pictures poppler cannot read back.
 */
function holds(text: string, name: string): boolean {
  const plain = (s: string): string => s.replace(/\p{Extended_Pictographic}|\s+/gu, "");
  return plain(text).includes(plain(name));
}

describe("the client deliverable through LibreOffice", () => {
  let dir: string;
  let pdfs: Map<string, string>;
  let files: Record<"client" | "blind" | "live", string>;

  beforeAll(async () => {
    dir = await tempDir("sm-client-");
    files = {
      client: await clientFile(dir, "client.xlsx", segmented, "default"),
      blind: await clientFile(dir, "client-blind.xlsx", segmented, "colourblind"),
      live: path.join(dir, "live-blind.xlsx"),
    };
    await fs.writeFile(
      files.live,
      await planToBuffer(buildPlan(segmented, { palette: "colourblind" }))
    );
    pdfs = await toPdfAll([files.client, files.blind, files.live]);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    for (const pdf of pdfs?.values() ?? [])
      await fs.rm(path.dirname(pdf), { recursive: true, force: true });
  });

  it("prints every sheet on landscape pages (a sheet too long for one continues on the next)", async () => {
    const client = await pageSizes(pdfs.get(files.client)!);
    // Five sheets; the 200-character names make the legend and the segments run longer.
    expect(client.length).toBeGreaterThanOrEqual(5);
    for (const size of client) expect(size.width).toBeGreaterThan(size.height);
    // The working workbook: its eight sheets, one page each.
    expect(await pageSizes(pdfs.get(files.live)!)).toHaveLength(8);
  });

  for (const palette of ["default", "colourblind"] as const) {
    it(`fills the best and the worst pairs with the scale's colours, text as the palette says (${palette})`, async () => {
      const pdf = pdfs.get(palette === "default" ? files.client : files.blind)!;
      const image = await page(pdf, 1);
      const { stops, text } = PALETTES[palette];
      const top = firstCell(image, scaleColour(best, stops));
      const bottom = firstCell(image, scaleColour(worst, stops));
      expect(top).toBeDefined();
      expect(bottom).toBeDefined();
      // The best pair is the matrix's first cell, above the worst one.
      expect(top!.y).toBeLessThan(bottom!.y);
      const score = textPixels(image, top!);
      if (text.whiteTextAbove !== undefined && best > text.whiteTextAbove) {
        expect(score.white).toBeGreaterThan(10);
        expect(score.black).toBeLessThan(score.white / 4);
      } else {
        expect(score.black).toBeGreaterThan(10);
        expect(score.white).toBe(0);
      }
      expect(textPixels(image, bottom!).black).toBeGreaterThan(10);
    });
  }

  it("draws the live workbook's colour-blind scale and white text, recalculated by LibreOffice", async () => {
    // Sheets print in order: ticks, ratings, matrix…
    const image = await page(pdfs.get(files.live)!, 3);
    const blue = firstCell(image, scaleColour(best, PALETTES.colourblind.stops));
    expect(blue).toBeDefined();
    expect(textPixels(image, blue!).white).toBeGreaterThan(10);
    expect(firstCell(image, scaleColour(worst, PALETTES.colourblind.stops))).toBeDefined();
    // Nothing of the default scale's green.
    expect(firstCell(image, PALETTES.default.stops[2].colour)).toBeUndefined();
  });

  it("keeps every name exactly in the PDF's text and in the picture", async () => {
    const { stdout } = await run(
      "pdftotext",
      ["-raw", "-enc", "UTF-8", pdfs.get(files.client)!, "-"],
      {
        maxBuffer: 16 * 1024 * 1024,
      }
    );
    for (const name of [...HOSTILE_NAMES, ...NEEDS, ...SEGMENTS, segmented.title!])
      expect({ name, found: holds(stdout, name) }).toEqual({ name, found: true });
    const texts = visibleAndTitleTexts(parseSvg(renderPicture(pictureModel(segmented))));
    for (const name of [...HOSTILE_NAMES, ...NEEDS]) expect(texts).toContain(name);
  });

  it("export -o CLIENT.pdf prints through LibreOffice, says whose it is, and replaces its own PDF", async () => {
    const studyFile = path.join(dir, "etude.json");
    await fs.writeFile(studyFile, JSON.stringify(studyToJson(segmented)));
    const out = path.join(dir, "livrable.pdf");
    const err: string[] = [];
    const io = { out: () => undefined, err: (line: string) => err.push(line) };
    expect(await runCli(["export", studyFile, "-o", out, "--sheets", "matrix,legend"], io)).toBe(0);
    expect(err).toEqual(["PDF : Matrice, Légende ; couleurs orange foncé → jaune → vert foncé"]);
    const { stdout } = await run("pdfinfo", [out]);
    // The matrix and its legend, each on a page or more.
    expect(Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1])).toBeGreaterThanOrEqual(2);
    expect(stdout).toContain(`Title:           ${segmented.title}`);
    expect(stdout).toMatch(/^Keywords:.*Segment.*Matrix.*client.*export/m);
    expect(await runCli(["export", studyFile, "-o", out, "--palette", "colourblind"], io)).toBe(0);
    expect((await pageSizes(out)).length).toBeGreaterThanOrEqual(5);
  });
});
