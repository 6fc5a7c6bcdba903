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

/** A paragraph's height in inches in a box `width` wide. */
function paragraphHeight(p: DeckParagraph, width: number): number {
  return (
    wrappedLines(p.text, width - 0.2, p.size, p.bold) * lineHeight(p.size) +
    (p.spaceBefore ?? 0) / 72
  );
}

/**
 * Paragraphs laid into as many boxes as they need, never below the deck's minimum size: in one
 * box when they fit it at some readable size (as `fitted`), else at their own sizes, box after box
 * (`heights(i)` is the i-th box's height), a paragraph too long for what is left of a box cut
 * between words and continued in the next, a bold label never left alone at a box's foot.
 */
export function flowed(
  paragraphs: DeckParagraph[],
  width: number,
  heights: (box: number) => number
): DeckParagraph[][] {
  const one = fitted(paragraphs, width, heights(0));
  if (one.reduce((sum, p) => sum + paragraphHeight(p, width), 0.1) <= heights(0)) return [one];
  const boxes: DeckParagraph[][] = [[]];
  let left = heights(0) - 0.1;
  const next = (): void => {
    boxes.push([]);
    left = heights(boxes.length - 1) - 0.1;
  };
  const queue = [...paragraphs];
  while (queue.length > 0) {
    const p = queue.shift()!;
    const box = boxes[boxes.length - 1];
    const need = paragraphHeight(p, width);
    // A label goes with at least the first line of what it labels.
    const follower = queue[0] && !p.bullet && p.bold ? lineHeight(queue[0].size) : 0;
    if (need + follower <= left) {
      box.push(p);
      left -= need;
      continue;
    }
    // A label, or a short paragraph, starts the next box whole (its label with it); a long one
    // (a list) fills what is left of this box.
    if (box.length > 0 && (p.bold || need <= heights(boxes.length) / 4)) {
      const last = box[box.length - 1];
      queue.unshift(p);
      if (!p.bold && box.length > 1 && last.bold && !last.bullet) queue.unshift(box.pop()!);
      next();
      continue;
    }
    // Longer than a whole box: as many of its words as fit, the rest in the next box.
    const words = p.text.split(" ");
    let taken = 0;
    while (
      taken < words.length &&
      paragraphHeight({ ...p, text: words.slice(0, taken + 1).join(" ") }, width) <= left
    )
      taken++;
    if (taken === 0) {
      if (box.length === 0) taken = 1;
      else {
        next();
        queue.unshift(p);
        continue;
      }
    }
    box.push({ ...p, text: words.slice(0, taken).join(" ") });
    if (taken < words.length)
      queue.unshift({ ...p, text: words.slice(taken).join(" "), spaceBefore: 0 });
    next();
  }
  return boxes.filter((box) => box.length > 0);
}
