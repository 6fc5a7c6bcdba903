/**
 * The deck's RFM slide (issue 15): the summary per RFM segment read from an RFM workbook as a
 * native table, the share of revenue on the palette's colour as the client workbook shows it. No
 * customer is on it: their ids are the client's personal data.
 */
import { Language } from "../../method/levels";
import { Palette, scaleColour } from "../../method/colour";
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
} from "./model";
import { slideTitle, textBox } from "./text";

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
