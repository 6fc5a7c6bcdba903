/** Decodes PNG files for the picture's tests, and finds where the picture drew its cells. */
import { PNG } from "pngjs";
import { hexToRgb } from "../../src/method/colour";
import { SvgElement, allElements, hasClass } from "./svg";

export interface Decoded {
  width: number;
  height: number;
  /** #RRGGBB of the pixel at (x, y). */
  colourAt: (x: number, y: number) => string;
  /** Pixels within `tolerance` of a colour, in a rectangle. */
  countNear: (hex: string, box: Box, tolerance?: number) => number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function decodePng(data: Buffer): Decoded {
  const png = PNG.sync.read(data);
  const at = (x: number, y: number): number => (Math.floor(y) * png.width + Math.floor(x)) * 4;
  const hex = (i: number): string =>
    "#" +
    [0, 1, 2].map((k) => png.data[i + k].toString(16).padStart(2, "0").toUpperCase()).join("");
  return {
    width: png.width,
    height: png.height,
    colourAt: (x, y) => hex(at(x, y)),
    countNear: (colour, box, tolerance = 0) => {
      const [r, g, b] = hexToRgb(colour);
      let count = 0;
      for (let y = Math.ceil(box.y); y < box.y + box.height; y++)
        for (let x = Math.ceil(box.x); x < box.x + box.width; x++) {
          const i = at(x, y);
          if (
            Math.abs(png.data[i] - r) <= tolerance &&
            Math.abs(png.data[i + 1] - g) <= tolerance &&
            Math.abs(png.data[i + 2] - b) <= tolerance
          )
            count++;
        }
      return count;
    },
  };
}

/** The scored cells of a parsed picture, with their boxes (SVG units = PNG pixels at 1920 wide). */
export function cellBoxes(root: SvgElement): { score: number; fill: string; box: Box }[] {
  return allElements(root)
    .filter((element) => element.name === "rect" && hasClass(element, "cell"))
    .map((element) => ({
      score: Number(element.attributes["data-score"]),
      fill: element.attributes.fill,
      box: {
        x: Number(element.attributes.x),
        y: Number(element.attributes.y),
        width: Number(element.attributes.width),
        height: Number(element.attributes.height),
      },
    }));
}

/** A point inside a cell, clear of the grid lines and of the score in its middle. */
export function cornerOf(box: Box): { x: number; y: number } {
  return { x: box.x + 5, y: box.y + 5 };
}
