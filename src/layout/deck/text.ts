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
