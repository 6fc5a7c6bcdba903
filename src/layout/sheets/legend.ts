/**
 * "Légende": the reading key of a client export (layout/export.ts), never part of a working
 * workbook. What the matrix's scores mean, the score rule with the study's weights, the two scales
 * and their labels, the colours of the palette on sample scores, and every clientèle and need in
 * full (a header cuts a long name; the client reads it here).
 */
import { CLIENTELE_TYPES, IMPACT, Kind, NEED_TYPES, PERCEPTION, Scale } from "../../method/levels";
import { stopLabels } from "../../method/colour";
import { Item } from "../../method/study";
import { formatNumber } from "../../i18n/numbers";
import {
  COLOURS,
  NOTE_STYLE,
  TITLE_STYLE,
  emptySheet,
  kindLabel,
  put,
  rect,
  scoreColours,
  style,
} from "../kit";
import { CellValue, SheetPlan, num, text } from "../plan";
import { PlanContext, sheetNames } from "../sheet";
import { EXCEL_LIMITS } from "../limits";
import { MATRIX_SHEET } from "./matrix";

/**
 * Only in a client export, on this sheet (or the first when it has none, layout/export.ts): says the
 * workbook is a deliverable, not a study to read back.
 */
export const LEGEND_NAMES = sheetNames("clientExport");

/** Sample scores of the colour block, every tenth. */
const SAMPLES = Array.from({ length: 11 }, (_, i) => i * 10);

const NUMBER_COL = 1;
const TEXT_COL = 2;
const TYPE_COL = 3;
/** Characters per line of the text column, at its narrowest. */
const TEXT_WIDTH = 90;
/** Excel's widest column. */
const MAX_WIDTH = 255;
const LINE_HEIGHT = 15;
/** The type of a clientèle or need the study leaves untyped. */
export const NO_TYPE = "—";

/** A weight as the language writes numbers (1,5 in French). */
export function weightText(weight: number, language: PlanContext["language"]): string {
  return formatNumber(weight, language);
}

/** A date as the language writes it, without the time. */
function dateText(date: Date, language: PlanContext["language"]): string {
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
  }).format(date);
}

export function legendSheet(context: PlanContext, created: Date): SheetPlan {
  const { study, language, texts, palette } = context;
  const t = texts.legend;
  const sheet = emptySheet("legend", texts.sheets.legend, MATRIX_SHEET.tabColour);
  const longest = Math.max(
    0,
    ...study.clienteles.map((c) => c.name.length),
    ...study.needs.map((n) => n.name.length)
  );
  // Wide enough for every name on one line, so that a long name is whole on screen and in print.
  const width = Math.min(MAX_WIDTH, Math.max(TEXT_WIDTH, longest + 4));
  const heights: { row: number; height: number }[] = [];
  /** A wrapped paragraph in the text column, its row as tall as its lines. */
  const paragraph = (row: number, value: string, extra = NOTE_STYLE): void => {
    put(sheet, row, TEXT_COL, [[text(value)]]);
    style(sheet, rect(row, TEXT_COL), { ...extra, wrap: true, vertical: "top" });
    const lines = Math.ceil(value.length / (width * 0.95));
    if (lines > 1) heights.push({ row, height: lines * LINE_HEIGHT + 3 });
  };
  const heading = (row: number, value: string): void => {
    put(sheet, row, NUMBER_COL, [[text(value)]]);
    style(sheet, rect(row, NUMBER_COL), { bold: true, fontSize: 12 });
  };

  let row = 1;
  put(sheet, row, NUMBER_COL, [[text(t.title)]]);
  style(sheet, rect(row, NUMBER_COL), TITLE_STYLE);
  row += 1;
  put(sheet, row, NUMBER_COL, [[text(t.prepared(dateText(created, language)))]]);
  style(sheet, rect(row, NUMBER_COL), NOTE_STYLE);
  if (study.title) {
    row += 2;
    put(sheet, row, NUMBER_COL, [[text(t.study), text(study.title)]]);
    style(sheet, rect(row, NUMBER_COL), { bold: true });
    style(sheet, rect(row, TEXT_COL), { bold: true, wrap: true, vertical: "top" });
  }

  row += 2;
  heading(row, t.reading);
  paragraph(row + 1, t.readingText);
  paragraph(
    row + 2,
    t.scoreRule(
      weightText(study.weights.perception, language),
      weightText(study.weights.impact, language)
    ),
    { bold: true }
  );
  row += 4;

  const levels = (scale: Scale): void => {
    heading(row, scale.title[language]);
    put(
      sheet,
      row + 1,
      NUMBER_COL,
      scale.levels.map((level) => [num(level.value), text(level[language])])
    );
    style(sheet, rect(row + 1, NUMBER_COL, scale.levels.length, 2), {
      border: true,
      horizontal: "left",
    });
    row += scale.levels.length + 2;
  };
  levels(PERCEPTION);
  levels(IMPACT);

  heading(row, t.colours(palette.label[language]));
  paragraph(row + 1, t.coloursNote);
  const samples = row + 2;
  const labels = stopLabels(palette, language);
  put(
    sheet,
    samples,
    NUMBER_COL,
    SAMPLES.map((score): CellValue[] => {
      const stop = palette.stops.findIndex((s) => s.value === score);
      return [num(score), stop >= 0 ? text(labels[stop]) : null];
    })
  );
  style(sheet, rect(samples, NUMBER_COL, SAMPLES.length, 1), {
    bold: true,
    horizontal: "center",
    border: true,
  });
  scoreColours(sheet, rect(samples, NUMBER_COL, SAMPLES.length, 1), palette);
  row = samples + SAMPLES.length + 1;

  // Every name, unless the sheet's rows could not hold them (a study at Excel's limits).
  if (row + study.clienteles.length + study.needs.length + 4 > EXCEL_LIMITS.rows) {
    finish(sheet, width, heights);
    return sheet;
  }
  heading(row, t.names);
  row += 1;
  const names = (title: string, items: readonly Item[], kinds: readonly Kind[]): void => {
    put(sheet, row, NUMBER_COL, [[text(t.number), text(title), text(t.type)]]);
    style(sheet, rect(row, NUMBER_COL, 1, 3), {
      bold: true,
      fill: COLOURS.header,
      border: true,
    });
    put(
      sheet,
      row + 1,
      NUMBER_COL,
      items.map((item, i) => [
        num(i + 1),
        text(item.name),
        // A dash where the study gives no type: a blank would leave the printed list a narrow
        // strip down the page's left edge.
        kindLabel(kinds, item.type, language) ?? text(NO_TYPE),
      ])
    );
    style(sheet, rect(row + 1, NUMBER_COL, items.length, 3), { border: true, vertical: "top" });
    style(sheet, rect(row + 1, NUMBER_COL, items.length, 1), { horizontal: "center" });
    row += items.length + 2;
  };
  names(t.clienteles, study.clienteles, CLIENTELE_TYPES);
  names(t.needs, study.needs, NEED_TYPES);
  finish(sheet, width, heights);
  return sheet;
}

function finish(sheet: SheetPlan, width: number, heights: { row: number; height: number }[]): void {
  sheet.columnWidths.push(
    { col: NUMBER_COL, width: 14 },
    { col: TEXT_COL, width },
    { col: TYPE_COL, width: 22 }
  );
  sheet.rowHeights = heights;
}
