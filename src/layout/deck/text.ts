/** The deck's recurring text shapes: a slide's title, a text box, the footer with the study's title. */
import { Language } from "../../method/levels";
import { Study } from "../../method/study";
import { WORKBOOK_TEXTS } from "../../i18n/workbook";
import {
  DeckParagraph,
  DeckTextBox,
  INK,
  MARGIN,
  MIN_FONT_SIZE,
  MUTED,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  lineHeight,
  wrappedLines,
} from "./model";

export const TITLE_SIZE = 24;
export const BODY_SIZE = 14;

export function textBox(
  x: number,
  y: number,
  w: number,
  h: number,
  paragraphs: DeckParagraph[],
  align: DeckTextBox["align"] = "left"
): DeckTextBox {
  return { kind: "text", x, y, w, h, paragraphs, align, valign: "top" };
}

export function slideTitle(title: string): DeckTextBox {
  return {
    ...textBox(MARGIN, 0.3, SLIDE_WIDTH - 2 * MARGIN, 0.6, [
      { text: title, size: TITLE_SIZE, bold: true, colour: INK },
    ]),
    valign: "middle",
  };
}

/** The study's title on every slide but the first, so that a printed page says what it is. */
export function footer(study: Study, language: Language): DeckTextBox {
  const title = study.title ?? WORKBOOK_TEXTS[language].matrix.title;
  return textBox(MARGIN, SLIDE_HEIGHT - 0.4, SLIDE_WIDTH - 2 * MARGIN, 0.3, [
    { text: title, size: MIN_FONT_SIZE, colour: MUTED },
  ]);
}

/** The largest size from `size` down to the deck's minimum at which the paragraphs fit the box. */
export function fitted(
  paragraphs: DeckParagraph[],
  width: number,
  height: number
): DeckParagraph[] {
  for (let size = paragraphs[0]?.size ?? MIN_FONT_SIZE; size >= MIN_FONT_SIZE; size--) {
    const shrunk = paragraphs.map((p) => ({ ...p, size: Math.min(p.size, size) }));
    const used = shrunk.reduce(
      (sum, p) =>
        sum +
        wrappedLines(p.text, width - 0.2, p.size, p.bold) * lineHeight(p.size) +
        (p.spaceBefore ?? 0) / 72,
      0.1
    );
    if (used <= height || size === MIN_FONT_SIZE) return shrunk;
  }
  return paragraphs;
}
