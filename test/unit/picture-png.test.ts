import { PALETTES, PaletteName, scaleColour } from "../../src/method/colour";
import { Study } from "../../src/method/study";
import { matrixSvg } from "../../src/hosts/svg/matrix-svg";
import { svgToPng } from "../../src/hosts/svg/png";
import { pngSoftware, withSoftwareChunk } from "../../src/hosts/svg/png-text";
import { cellBoxes, cornerOf, decodePng } from "../support/png";
import { parseSvg } from "../support/svg";
import { readExample, study } from "../support/workbooks";

let example: Study;
beforeAll(async () => {
  example = study(await readExample("exemple-incubateur.json"));
});

describe("PNG of the picture", () => {
  it.each<[PaletteName]>([["default"], ["colourblind"]])(
    "is 1920 × 1080 with the scale's colours at the best and the worst cells (%s)",
    (palette) => {
      const svg = matrixSvg(example, { palette });
      const image = decodePng(svgToPng(svg));
      expect([image.width, image.height]).toEqual([1920, 1080]);
      const cells = cellBoxes(parseSvg(svg));
      const best = cells.reduce((a, b) => (b.score > a.score ? b : a));
      const worst = cells.reduce((a, b) => (b.score < a.score ? b : a));
      expect([best.score, worst.score]).toEqual([100, 6]);
      for (const cell of [best, worst]) {
        const { x, y } = cornerOf(cell.box);
        expect(image.colourAt(x, y)).toBe(scaleColour(cell.score, PALETTES[palette].stops));
      }
      // Every scored cell, not only the ends, is filled with its colour.
      for (const cell of cells) {
        const { x, y } = cornerOf(cell.box);
        expect(image.colourAt(x, y)).toBe(cell.fill);
      }
    }
  );

  it("draws the text (a font is found): the title and the scores leave dark pixels", () => {
    const svg = matrixSvg(example);
    const image = decodePng(svgToPng(svg));
    const titleBox = { x: 48, y: 48, width: 900, height: 50 };
    expect(image.countNear("#000000", titleBox, 60)).toBeGreaterThan(2000);
    const best = cellBoxes(parseSvg(svg)).find((cell) => cell.score === 100)!;
    expect(image.countNear("#000000", best.box, 60)).toBeGreaterThan(40);
  });

  it("draws the text with the bundled font alone, as on a machine without fonts", () => {
    const image = decodePng(svgToPng(matrixSvg(example), { systemFonts: false }));
    const titleBox = { x: 48, y: 48, width: 900, height: 50 };
    expect(image.countNear("#000000", titleBox, 60)).toBeGreaterThan(2000);
  });

  it("says it was made by Segment Matrix, in a tEXt Software chunk", () => {
    const png = svgToPng(matrixSvg(example));
    expect(pngSoftware(png)).toBe("Segment Matrix");
    expect(decodePng(png).width).toBe(1920); // the added chunk keeps the file valid (CRC checked)
  });

  it("reads no marker from a PNG without one, or from bytes that are not a PNG", () => {
    const png = svgToPng(matrixSvg(example));
    const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
    const textLength = 12 + png.readUInt32BE(ihdrEnd);
    const unmarked = Buffer.concat([png.subarray(0, ihdrEnd), png.subarray(ihdrEnd + textLength)]);
    expect(pngSoftware(unmarked)).toBeUndefined();
    expect(pngSoftware(withSoftwareChunk(unmarked, "Other"))).toBe("Other");
    expect(pngSoftware(Buffer.from("<svg/>"))).toBeUndefined();
  });
});
