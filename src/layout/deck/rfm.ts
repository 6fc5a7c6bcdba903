/**
 * The deck's RFM slides (issue 15): the summary per RFM segment read from an RFM workbook as a
 * native table, the share of revenue on the palette's colour as the client workbook shows it; then
 * the two R × F grids (customers and revenue) side by side, coloured like the client workbook's. No
 * customer is on them: their ids are the client's personal data.
 */
import { Language } from "../../method/levels";
import { Palette, scaleColour, textColour } from "../../method/colour";
import { SCORE_LEVELS } from "../../analysis/rfm";
import { formatNumber } from "../../i18n/numbers";
import { RFM_TEXTS } from "../../i18n/rfm";
import { RfmSummaryRead, scale } from "../sheets/rfm";
import {
  DeckCell,
  DeckSlide,
  HEADER_FILL,
  MARGIN,
  MIN_FONT_SIZE,
  MUTED,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  hexDigits,
  textWidth,
} from "./model";
import { fitted, slideTitle, textBox } from "./text";

/** The summary's slide, then the grids' slide: the deck's `rfm` part. */
export function rfmSlides(
  read: RfmSummaryRead,
  language: Language,
  palette: Palette,
  footerText: string
): DeckSlide[] {
  return [
    rfmSlide(read, language, palette, footerText),
    rfGridsSlide(read, language, palette, footerText),
  ];
}

const COLUMN_WIDTHS = [3.4, 1.45, 1.45, 1.6, 1.45, 1.45, 1.6];

export function rfmSlide(
  read: RfmSummaryRead,
  language: Language,
  palette: Palette,
  footerText: string
): DeckSlide {
  const t = RFM_TEXTS[language];
  const noSegment = new Set([RFM_TEXTS.fr.noSegment, RFM_TEXTS.en.noSegment]);
  const lines = read.lines.filter((line) => line.customers > 0);
  const stops = scale(Math.max(0, ...lines.map((line) => line.revenueShare)), palette);
  const n = (value: number, decimals: number) => formatNumber(value, language, { decimals });
  const percent = (value: number) => `${n(value * 100, 1)}${language === "fr" ? " %" : "%"}`;
  const header: DeckCell[] = t.summaryHeaders.map((text) => ({
    text,
    bold: true,
    fill: HEADER_FILL,
    align: "center",
  }));
  const body: DeckCell[][] = lines.map((line) => [
    { text: noSegment.has(line.segment) ? t.noSegment : line.segment, bold: true },
    { text: n(line.customers, 0), align: "right" },
    { text: percent(line.customerShare), align: "right" },
    { text: n(line.revenue, 0), align: "right" },
    {
      text: percent(line.revenueShare),
      align: "right",
      fill: scaleColour(line.revenueShare, stops).replace("#", "").toUpperCase(),
    },
    { text: n(line.basket, 2), align: "right" },
    { text: n(line.purchasesPerYear, 2), align: "right" },
  ]);
  const title = read.analysisDate ? t.summaryTitle(read.analysisDate) : read.title;
  return {
    part: "rfm",
    shapes: [
      slideTitle(title),
      {
        kind: "table",
        x: MARGIN,
        y: 1.1,
        columnWidths: COLUMN_WIDTHS,
        rowHeights: [0.62, ...body.map(() => 0.34)],
        rows: [header, ...body],
        fontSize: 12,
      },
      textBox(MARGIN, SLIDE_HEIGHT - 0.4, SLIDE_WIDTH - 2 * MARGIN, 0.3, [
        { text: footerText, size: MIN_FONT_SIZE, colour: MUTED },
      ]),
    ],
  };
}

/** Each grid's width, in inches: two side by side fill the slide between its margins. */
const GRID_GAP = 0.43;
const GRID_WIDTH = (SLIDE_WIDTH - 2 * MARGIN - GRID_GAP) / 2;
const CORNER_WIDTH = 0.8;
const GRID_TOP = 1.2;
const CAPTION_HEIGHT = 0.75;
const GRID_HEADER_HEIGHT = 0.45;
const GRID_ROW_HEIGHT = 0.6;
const GRID_FONT_SIZE = 14;

/**
 * The two R × F grids (customers, revenue) as native tables side by side: F across from 1 to 5, R
 * down from 5 to 1, each cell on the palette's colour from 0 to the grid's largest value (as the
 * client workbook's colour scale) with the palette's text colour for that place on the scale.
 */
export function rfGridsSlide(
  read: RfmSummaryRead,
  language: Language,
  palette: Palette,
  footerText: string
): DeckSlide {
  const t = RFM_TEXTS[language];
  const cellWidth = (GRID_WIDTH - CORNER_WIDTH) / SCORE_LEVELS;
  const shown = (values: number[][]) =>
    values.map((line) => line.map((value) => formatNumber(value, language, { decimals: 0 })));
  const counts = shown(read.counts);
  const revenue = shown(read.revenue);
  // One size for both grids: the largest at which every figure fits its cell.
  const widest = Math.max(...[...counts, ...revenue].flat().map((text) => textWidth(text, 1)));
  const fontSize = Math.max(
    MIN_FONT_SIZE,
    Math.min(GRID_FONT_SIZE, Math.floor((cellWidth - 0.15) / Math.max(widest, 1e-9)))
  );
  const grid = (x: number, caption: string, values: number[][], texts: string[][]) => {
    const max = Math.max(0, ...values.flat());
    const stops = scale(max, palette);
    const header: DeckCell[] = [
      { text: t.gridCorner, bold: true, fill: HEADER_FILL, align: "center" },
      ...Array.from({ length: SCORE_LEVELS }, (_, f): DeckCell => ({
        text: String(f + 1),
        bold: true,
        fill: HEADER_FILL,
        align: "center",
      })),
    ];
    // R from 5 (top) down to 1, as the workbook lists it.
    const body = Array.from({ length: SCORE_LEVELS }, (_, k): DeckCell[] => {
      const r = SCORE_LEVELS - 1 - k;
      return [
        { text: String(r + 1), bold: true, fill: HEADER_FILL, align: "center" },
        ...values[r].map((value, f): DeckCell => {
          const fill = scaleColour(value, stops);
          // The palette's text rule is on its 0–100 scale: the value's place on it.
          const onScale = max > 0 ? (value / max) * 100 : 0;
          return {
            text: texts[r][f],
            align: "right",
            fill: hexDigits(fill),
            colour: hexDigits(textColour(onScale, palette.text)),
          };
        }),
      ];
    });
    return [
      textBox(
        x,
        GRID_TOP,
        GRID_WIDTH,
        CAPTION_HEIGHT,
        fitted([{ text: caption, size: 14, bold: true }], GRID_WIDTH, CAPTION_HEIGHT)
      ),
      {
        kind: "table" as const,
        x,
        y: GRID_TOP + CAPTION_HEIGHT + 0.1,
        columnWidths: [CORNER_WIDTH, ...Array.from({ length: SCORE_LEVELS }, () => cellWidth)],
        rowHeights: [GRID_HEADER_HEIGHT, ...body.map(() => GRID_ROW_HEIGHT)],
        rows: [header, ...body],
        fontSize,
      },
    ];
  };
  return {
    part: "rfm",
    shapes: [
      slideTitle(t.gridsTitle(read.analysisDate)),
      ...grid(MARGIN, t.gridCounts, read.counts, counts),
      ...grid(MARGIN + GRID_WIDTH + GRID_GAP, t.gridRevenue, read.revenue, revenue),
      textBox(MARGIN, SLIDE_HEIGHT - 0.4, SLIDE_WIDTH - 2 * MARGIN, 0.3, [
        { text: footerText, size: MIN_FONT_SIZE, colour: MUTED },
      ]),
    ],
  };
}
