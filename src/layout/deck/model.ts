/**
 * What a slide of the client deck shows, before any file is written: text boxes and native tables
 * at their place, in inches on a 16:9 slide, every text and colour decided. The pptx host only
 * renders this (hosts/pptx/), the same in Node and in the browser. Pure data and a few measures.
 */
import { Language } from "../../method/levels";
import { EXPORT_FONT } from "../print-fit";
import { BOLD_ADVANCES, FIRST_CODE_POINT, REGULAR_ADVANCES } from "./metrics";

/** PowerPoint's wide 16:9 slide (13.333 × 7.5 in). */
export const SLIDE_WIDTH = 13.333;
export const SLIDE_HEIGHT = 7.5;
export const MARGIN = 0.45;

/**
 * One font named everywhere, the client workbook's (it has ✓ ⊞ ✗, and LibreOffice installs it):
 * the layout measures its texts with this font's advances (metrics.ts).
 */
export const DECK_FONT = EXPORT_FONT;
/** No text of the deck is smaller than this, in points: a matrix too large continues on more slides. */
export const MIN_FONT_SIZE = 10;
export const INK = "1F1F1F";
export const MUTED = "595959";
export const HEADER_FILL = "D9E1F2";
export const GROUP_FILL = "E2EFDA";
export const BORDER = "BFBFBF";

export type DeckPart = "title" | "matrix" | "legend" | "segments" | "targeting" | "rfm";

export interface DeckParagraph {
  text: string;
  size: number;
  bold?: boolean;
  colour?: string;
  bullet?: boolean;
  /** Space before the paragraph, in points. */
  spaceBefore?: number;
}

export interface DeckTextBox {
  kind: "text";
  x: number;
  y: number;
  w: number;
  h: number;
  paragraphs: DeckParagraph[];
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
}

export interface DeckCell {
  text: string;
  /** Fill as six hex digits, no "#". */
  fill?: string;
  colour?: string;
  bold?: boolean;
  italic?: boolean;
  /**
   * A hypothesis (method/evidence.ts): its border broken, in this colour (six hex digits) — dashed
   * short, the nearest to dotted a PowerPoint table cell takes through pptxgenjs.
   */
  dottedBorder?: string;
  /** Points, when not the table's size. */
  size?: number;
  /**
   * A small run after the text, at MIN_FONT_SIZE and not bold: a pair's competition marker
   * ("C3", method/competition-look.ts) beside its score.
   */
  marker?: string;
  align?: "left" | "center" | "right";
  /** This cell spans the next columns too: the row holds no cell for them. */
  colspan?: number;
}

export interface DeckTable {
  kind: "table";
  x: number;
  y: number;
  columnWidths: number[];
  rowHeights: number[];
  rows: DeckCell[][];
  fontSize: number;
}

export type DeckShape = DeckTextBox | DeckTable;

export interface DeckSlide {
  part: DeckPart;
  shapes: DeckShape[];
}

export interface DeckModel {
  language: Language;
  /** `created`: the deck's date, also its file's creation and modification dates. */
  properties: { title: string; subject: string; author: string; company: string; created: Date };
  slides: DeckSlide[];
}

/** Colours of the model are "RRGGBB"; the method's are "#RRGGBB". */
export function hexDigits(colour: string): string {
  return colour.replace("#", "").toUpperCase();
}

const WIDEST = { regular: Math.max(...REGULAR_ADVANCES), bold: Math.max(...BOLD_ADVANCES) };

/**
 * A text's width in inches at a size, from the advances of the font the deck names (metrics.ts;
 * there is no font engine in the pane or here), kerning left out and 2 % added, so that a word
 * measured to fit does fit where LibreOffice draws it; PowerPoint, which lacks DejaVu Sans, draws
 * a narrower face in its place.
 */
export function textWidth(text: string, size: number, bold = false): number {
  const advances = bold ? BOLD_ADVANCES : REGULAR_ADVANCES;
  const widest = bold ? WIDEST.bold : WIDEST.regular;
  let thousandths = 0;
  for (const character of text) {
    const advance = advances[character.codePointAt(0)! - FIRST_CODE_POINT];
    thousandths += advance === undefined || advance === 0 ? widest : advance;
  }
  return (thousandths * 1.02 * size) / 1000 / 72;
}

/** Lines a text takes wrapped at a width (between words; a word too long takes several). */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    let count = 1;
    const space = textWidth(" ", size, bold);
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      const w = textWidth(word, size, bold);
      if (w > width) {
        count += line > 0 ? 1 : 0;
        const parts = Math.ceil(w / width);
        count += parts - 1;
        line = w - (parts - 1) * width;
      } else if (line === 0) line = w;
      else if (line + space + w <= width) line += space + w;
      else {
        count += 1;
        line = w;
      }
    }
    lines += count;
  }
  return lines;
}

/** Height of a line of text, in inches, at a size (1.2 × the size, as PowerPoint sets it). */
export function lineHeight(size: number): number {
  return (size * 1.2) / 72;
}
