/**
 * The deck's title and legend slides. The legend says what the client workbook's legend sheet
 * says (i18n/workbook.ts `legend`): how to read a score, the score rule with the study's weights,
 * the two scales and their levels, and the palette's colours on sample scores.
 */
import { IMPACT, Language, PERCEPTION, Scale } from "../../method/levels";
import { Palette, scaleColour, stopLabels, textColour } from "../../method/colour";
import { Study } from "../../method/study";
import { formatNumber } from "../../i18n/numbers";
import { DECK_TEXTS } from "../../i18n/deck";
import { WORKBOOK_TEXTS } from "../../i18n/workbook";
import {
  DeckParagraph,
  DeckSlide,
  DeckTable,
  HEADER_FILL,
  INK,
  MARGIN,
  MIN_FONT_SIZE,
  MUTED,
  SLIDE_WIDTH,
  hexDigits,
  lineHeight,
  wrappedLines,
} from "./model";
import { footer, slideTitle, textBox } from "./text";

/** A date as the study's language writes it, without the time (a fixed locale, not the machine's). */
export function deckDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(date);
}

export function titleSlide(study: Study, language: Language, created: Date): DeckSlide {
  const width = SLIDE_WIDTH - 2 * MARGIN;
  const title = study.title ?? WORKBOOK_TEXTS[language].matrix.title;
  const lines: DeckParagraph[] = [
    { text: DECK_TEXTS[language].subtitle, size: 20, colour: MUTED },
    ...(study.organisation
      ? [{ text: study.organisation, size: 20, bold: true, colour: INK, spaceBefore: 12 }]
      : []),
    { text: deckDate(created, language), size: 16, colour: MUTED, spaceBefore: 12 },
  ];
  return {
    part: "title",
    shapes: [
      {
        ...textBox(MARGIN, 1.6, width, 2.3, [{ text: title, size: 40, bold: true, colour: INK }]),
        valign: "bottom",
      },
      textBox(MARGIN, 4.1, width, 2.2, lines),
    ],
  };
}

/** Sample scores of the colour row, every tenth (as the legend sheet shows them). */
const SAMPLES = Array.from({ length: 11 }, (_, i) => i * 10);
const TEXT_SIZE = 12;

/** Paragraphs in a column, and the height they take. */
function flow(paragraphs: DeckParagraph[], width: number): number {
  return paragraphs.reduce(
    (sum, p) =>
      sum +
      wrappedLines(p.text, width - 0.2, p.size, p.bold) * lineHeight(p.size) +
      (p.spaceBefore ?? 0) / 72,
    0.1
  );
}

function levelsTable(scale: Scale, language: Language, x: number, y: number): DeckTable {
  return {
    kind: "table",
    x,
    y,
    columnWidths: [0.7, 3.2],
    rowHeights: scale.levels.map(() => 0.28),
    rows: scale.levels.map((level) => [
      { text: formatNumber(level.value, language), bold: true, align: "center", fill: HEADER_FILL },
      { text: level[language] },
    ]),
    fontSize: 11,
  };
}

export function legendSlide(study: Study, language: Language, palette: Palette): DeckSlide {
  const texts = WORKBOOK_TEXTS[language];
  const t = texts.legend;
  const left = 6.9;
  const reading: DeckParagraph[] = [
    { text: t.reading, size: 14, bold: true, colour: INK },
    { text: t.readingText, size: TEXT_SIZE, colour: INK, spaceBefore: 4 },
    {
      text: t.scoreRule(
        formatNumber(study.weights.perception, language),
        formatNumber(study.weights.impact, language)
      ),
      size: TEXT_SIZE,
      bold: true,
      colour: INK,
      spaceBefore: 8,
    },
    {
      text: t.colours(palette.label[language]),
      size: 14,
      bold: true,
      colour: INK,
      spaceBefore: 16,
    },
    { text: t.coloursNote, size: TEXT_SIZE, colour: INK, spaceBefore: 4 },
  ];
  const readingHeight = flow(reading, left);
  const samplesY = 1.05 + readingHeight + 0.1;
  const sampleWidth = Math.min(0.6, left / SAMPLES.length);
  const samples: DeckTable = {
    kind: "table",
    x: MARGIN,
    y: samplesY,
    columnWidths: SAMPLES.map(() => sampleWidth),
    rowHeights: [0.4],
    rows: [
      SAMPLES.map((score) => ({
        text: formatNumber(score, language),
        fill: hexDigits(scaleColour(score, palette.stops)),
        colour: hexDigits(textColour(score, palette.text)),
        bold: true,
        align: "center" as const,
      })),
    ],
    fontSize: 11,
  };
  const stops = stopLabels(palette, language).map((label): DeckParagraph => ({
    text: label,
    size: MIN_FONT_SIZE + 1,
    colour: MUTED,
  }));
  const right = MARGIN + left + 0.4;
  const scaleBlock = (scale: Scale, y: number): DeckSlide["shapes"] => [
    textBox(right, y, 5.2, 0.4, [
      { text: scale.title[language], size: 14, bold: true, colour: INK },
    ]),
    levelsTable(scale, language, right, y + 0.42),
  ];
  return {
    part: "legend",
    shapes: [
      slideTitle(t.title),
      textBox(MARGIN, 1.05, left, readingHeight, reading),
      samples,
      textBox(MARGIN, samplesY + 0.5, left, flow(stops, left), stops),
      ...scaleBlock(PERCEPTION, 1.05),
      ...scaleBlock(IMPACT, 1.05 + 0.42 + PERCEPTION.levels.length * 0.28 + 0.35),
      footer(study, language),
    ],
  };
}
