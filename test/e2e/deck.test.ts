/**
 * The deck as a person sees it: LibreOffice Impress prints it to PDF, poppler turns the pages into
 * pixels, and every score printed in the matrix sits on its scale colour; the best and the worst
 * pairs of the worked example are found that way. The PDF's words also hold every name.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { promisify } from "util";
import { deckModel, rfmDeckModel } from "../../src/layout/deck";
import { RfmSummaryRead, scale } from "../../src/layout/sheets/rfm";
import { rfGrid } from "../../src/analysis/rfm";
import { sampleRfmWorkbook } from "../support/rfm-data";
import { PALETTES, hexToRgb, scaleColour } from "../../src/method/colour";
import { pairScore } from "../../src/method/score";
import { Study, isRated } from "../../src/method/study";
import { deckBytes } from "../support/deck-xml";
import { toPdf } from "../support/libreoffice";
import { decodePng } from "../support/png";
import { readExample, study, tempDir } from "../support/workbooks";

const run = promisify(execFile);
jest.setTimeout(180000);

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box, in points (poppler's -bbox). */
async function words(pdf: string): Promise<Word[]> {
  const { stdout } = await run("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  for (const line of stdout.split("\n")) {
    if (line.includes("<page ")) page += 1;
    const m =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(
        line
      );
    if (m)
      out.push({
        page,
        text: m[5]
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&"),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      });
  }
  return out;
}

function near(actual: string, expected: string, tolerance: number): boolean {
  const a = hexToRgb(actual);
  const e = hexToRgb(expected);
  return a.every((channel, i) => Math.abs(channel - e[i]) <= tolerance);
}

let example: Study;
let pdf: string;
let dir: string;

beforeAll(async () => {
  example = study(await readExample("exemple-incubateur.json"));
  dir = await tempDir("sm-deck-");
  const { model } = deckModel(example, { parts: ["matrix"], created: new Date("2026-12-07") });
  const file = path.join(dir, "deck.pptx");
  await fs.writeFile(file, await deckBytes(model!));
  pdf = await toPdf(file);
  // 72 pixels per inch: a PDF point is a pixel.
  await run("pdftoppm", ["-png", "-r", "72", pdf, path.join(dir, "page")]);
});

it("prints every score of the matrix on its scale colour, the best and the worst pairs included", async () => {
  const scores = example.pairs
    .filter(isRated)
    .map((p) => pairScore(p.perception, p.impact, example.weights));
  const best = Math.max(...scores);
  const worst = Math.min(...scores);
  const pages = (await fs.readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort();
  expect(pages.length).toBeGreaterThanOrEqual(2);
  const printed = await words(pdf);
  const found: number[] = [];
  for (const [index, file] of pages.entries()) {
    const image = decodePng(await fs.readFile(path.join(dir, file)));
    for (const word of printed.filter((w) => w.page === index + 1 && /^\d+$/.test(w.text))) {
      // Just left and right of the number, inside its cell: the cell's fill on both sides (a
      // number in a sentence has white paper or letters beside it).
      const y = (word.yMin + word.yMax) / 2;
      const colour = image.colourAt(word.xMin - 4, y);
      if (colour === "#FFFFFF" || image.colourAt(word.xMax + 4, y) !== colour) continue;
      const score = Number(word.text);
      const expected = scaleColour(score, PALETTES.default.stops);
      expect({ score, colour: near(colour, expected, 6) ? expected : colour }).toEqual({
        score,
        colour: expected,
      });
      found.push(score);
    }
  }
  expect(found).toContain(best);
  expect(found).toContain(worst);
  expect(found.length).toBe(scores.length);
});

it("prints every clientèle and need name", async () => {
  // Spaces aside: a line may break a name after a hyphen ("Micro-" / "entrepreneurs").
  const text = (await words(pdf)).map((w) => w.text).join("");
  for (const item of [...example.clienteles, ...example.needs])
    expect(text).toContain(item.name.replace(/\s+/g, ""));
});

it("prints the RFM grids' figures each on its palette colour, both grids whole on the slide", async () => {
  const sample = sampleRfmWorkbook("en");
  const grid = rfGrid(sample.rows);
  const read: RfmSummaryRead = {
    language: "en",
    analysisDate: "2026-01-01",
    title: "",
    years: 1.9,
    lines: [],
    counts: grid.counts,
    revenue: grid.revenue,
  };
  const { model } = rfmDeckModel(read, { created: new Date("2026-12-07"), palette: "colourblind" });
  const file = path.join(dir, "rfm.pptx");
  await fs.writeFile(file, await deckBytes(model!));
  const rfmPdf = await toPdf(file);
  await run("pdftoppm", ["-png", "-r", "72", "-f", "2", "-l", "2", rfmPdf, path.join(dir, "rfm")]);
  const [png] = (await fs.readdir(dir)).filter((f) => /^rfm-\d+\.png$/.test(f));
  const image = decodePng(await fs.readFile(path.join(dir, png)));
  const printed = (await words(rfmPdf)).filter((w) => w.page === 2);
  const pageWidth = 13.333 * 72;
  expect(Math.max(...printed.map((w) => w.xMax))).toBeLessThanOrEqual(pageWidth);
  const palette = PALETTES.colourblind;
  const found = { counts: [] as number[], revenue: [] as number[] };
  for (const word of printed.filter((w) => /^[\d,]+$/.test(w.text))) {
    const y = (word.yMin + word.yMax) / 2;
    // Left of the number (right-aligned: its right side is near the cell's border), inside the cell.
    const colour = image.colourAt(word.xMin - 4, y);
    if (colour === "#FFFFFF" || image.colourAt(word.xMin - 8, y) !== colour) continue;
    // The headers (1–5) sit on the header fill: not a figure.
    if (near(colour, "#D9E1F2", 6)) continue;
    const which = word.xMin < pageWidth / 2 ? "counts" : "revenue";
    const values = grid[which];
    const value = Number(word.text.replace(/,/g, ""));
    const expected = scaleColour(value, scale(Math.max(...values.flat()), palette));
    expect({ value, colour: near(colour, expected, 6) ? expected : colour }).toEqual({
      value,
      colour: expected,
    });
    found[which].push(value);
  }
  // Every cell of both grids printed (headers excluded), each on its colour.
  expect(found.counts.sort((a, b) => a - b)).toEqual(grid.counts.flat().sort((a, b) => a - b));
  expect(found.revenue.sort((a, b) => a - b)).toEqual(
    grid.revenue
      .flat()
      .map((v) => Math.round(v))
      .sort((a, b) => a - b)
  );
});
