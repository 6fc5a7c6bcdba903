/**
 * The colour scale as a person sees it: LibreOffice prints the workbook to PDF, poppler turns the
 * matrix page into pixels, and the fills of the scored cells are the scale's colours for their scores.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { promisify } from "util";
import { pairScore } from "../../src/method/score";
import { scaleColour, hexToRgb } from "../../src/method/colour";
import { toPdf } from "../support/libreoffice";
import { buildFile, study, tempDir } from "../support/workbooks";

const run = promisify(execFile);
jest.setTimeout(120000);

/** Reads a binary PPM (P6), as pdftoppm writes it. */
function parsePpm(data: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = data.subarray(0, 64).toString("latin1");
  const match = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!match) throw new Error("not a P6 PPM");
  return {
    width: Number(match[1]),
    height: Number(match[2]),
    pixels: data.subarray(match[0].length),
  };
}

function countNear(image: { pixels: Buffer }, hex: string, tolerance = 4): number {
  const [r, g, b] = hexToRgb(hex);
  let count = 0;
  for (let i = 0; i + 2 < image.pixels.length; i += 3) {
    if (
      Math.abs(image.pixels[i] - r) <= tolerance &&
      Math.abs(image.pixels[i + 1] - g) <= tolerance &&
      Math.abs(image.pixels[i + 2] - b) <= tolerance
    )
      count++;
  }
  return count;
}

it("fills each scored cell of the printed matrix with the scale's colour for its score", async () => {
  const dir = await tempDir();
  // Scores 56 and 19: colours that the legend (0, 25, 50, 75, 100) does not show.
  const input = study({
    clienteles: ["Etudiants", "Hautes écoles", "Sans note"],
    needs: ["Innover"],
    pairs: [
      { clientele: "Etudiants", need: "Innover", perception: 3, impact: 3 },
      { clientele: "Hautes écoles", need: "Innover", perception: 3, impact: 1 },
      { clientele: "Sans note", need: "Innover" },
    ],
  });
  expect([pairScore(3, 3, input.weights), pairScore(3, 1, input.weights)]).toEqual([56, 19]);
  const pdf = await toPdf(await buildFile(input, dir));
  // Sheets print one page each, in order: ticks, ratings, matrix, settings.
  await run("pdftoppm", ["-r", "50", "-f", "3", "-l", "3", pdf, path.join(dir, "matrix")]);
  const page = (await fs.readdir(dir)).find((f) => f.startsWith("matrix") && f.endsWith(".ppm"));
  expect(page).toBeDefined();
  const image = parsePpm(await fs.readFile(path.join(dir, page!)));
  const cellArea = 20; // a cell is far more than 20 pixels at 50 dpi
  expect(countNear(image, scaleColour(56))).toBeGreaterThan(cellArea);
  expect(countNear(image, scaleColour(19))).toBeGreaterThan(cellArea);
  // The unrated pair has no number, hence no fill from the scale: only two scale colours besides the legend's.
  expect(countNear(image, scaleColour(38))).toBe(0);
  await fs.rm(dir, { recursive: true, force: true });
});
