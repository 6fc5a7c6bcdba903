/**
 * The RFM workbook (issue 15): "Clients RFM", one row per customer as the table SM_RFM (id,
 * recency, frequency, monetary, R, F, M, code, segment) with the rule stated above it and the
 * editable segment rule table beside it — the segment column is a live formula over that table —
 * and "Synthèse RFM", the summary per segment and the R × F grids, live formulas over SM_RFM,
 * coloured with the palette. Every formula carries its result as computed by src/analysis/rfm.ts.
 */
import {
  NamedRule,
  RfmRow,
  SCORE_LEVELS,
  DAYS_PER_YEAR,
  isoOfDay,
  rfGrid,
  rfmRuleText,
  summarise,
} from "../../analysis/rfm";
import { Language } from "../../method/levels";
import { Palette } from "../../method/colour";
import { RFM_TEXTS } from "../../i18n/rfm";
import { cellAddress, columnLetters, quoteSheetName } from "../a1";
import { COLOURS, NOTE_STYLE, TITLE_STYLE, emptySheet, fill, put, rect, style } from "../kit";
import { CellValue, SheetPlan, WorkbookPlan, formula, num, text } from "../plan";

export const RFM_TABLE = "SM_RFM";
/** Lines of the rule table: the default rules and room to add some. */
export const RULE_ROWS = 12;

/** Clients RFM: where things are. */
export const CUSTOMERS = {
  titleRow: 1,
  ruleRow: 2,
  headerRow: 6,
  firstRow: 7,
  /** Columns of SM_RFM, 1-based. */
  col: { id: 1, recency: 2, frequency: 3, monetary: 4, r: 5, f: 6, m: 7, code: 8, segment: 9 },
  rulesCol: 11,
} as const;

const SUMMARY = { titleRow: 1, yearsRow: 2, headerRow: 4, firstRow: 5 } as const;

export interface RfmPlanInput {
  rows: readonly RfmRow[];
  rules: readonly NamedRule[];
  analysisDay: number;
  /** The first transaction's day (for the years observed). */
  firstDay: number;
  language: Language;
  palette: Palette;
}

const abs = (row: number, col: number) => cellAddress(row, col, { row: true, col: true });

/** The rule table's columns as absolute ranges: segment, R min, R max, F min, F max. */
function ruleRanges(): string[] {
  const first = CUSTOMERS.firstRow;
  const last = first + RULE_ROWS - 1;
  return [0, 1, 2, 3, 4].map(
    (k) => `${abs(first, CUSTOMERS.rulesCol + k)}:${abs(last, CUSTOMERS.rulesCol + k)}`
  );
}

/**
 * The segment of the customer on the formula's row: the first rule line whose ranges hold its R
 * and F (SUMPRODUCT evaluates the comparisons over the table without an array formula).
 */
export function segmentFormula(row: number): string {
  const [name, rMin, rMax, fMin, fMax] = ruleRanges();
  const r = cellAddress(row, CUSTOMERS.col.r);
  const f = cellAddress(row, CUSTOMERS.col.f);
  const holds = `(${name}<>"")*(${rMin}<=${r})*(${rMax}>=${r})*(${fMin}<=${f})*(${fMax}>=${f})`;
  const line = `ROW(${name})-ROW(${abs(CUSTOMERS.firstRow, CUSTOMERS.rulesCol)})+1`;
  return `IFERROR(INDEX(${name},SUMPRODUCT(MIN(${holds}*(${line})+(1-${holds})*1000))),"")`;
}

function customersSheet(input: RfmPlanInput): SheetPlan {
  const t = RFM_TEXTS[input.language];
  const sheet = emptySheet("rfmCustomers", t.customersSheet, COLOURS.tabSegments);
  const { rows } = input;
  const c = CUSTOMERS.col;
  put(sheet, CUSTOMERS.titleRow, 1, [
    [text(t.customersTitle(isoOfDay(input.analysisDay), rows.length))],
  ]);
  style(sheet, rect(CUSTOMERS.titleRow, 1), TITLE_STYLE);
  const rule = rfmRuleText(input.language);
  put(
    sheet,
    CUSTOMERS.ruleRow,
    1,
    rule.map((line) => [text(line)])
  );
  style(sheet, rect(CUSTOMERS.ruleRow, 1, rule.length), NOTE_STYLE);

  put(sheet, CUSTOMERS.headerRow, 1, [t.headers.map(text)]);
  style(sheet, rect(CUSTOMERS.headerRow, 1, 1, t.headers.length), {
    bold: true,
    fill: COLOURS.header,
  });
  const first = CUSTOMERS.firstRow;
  put(
    sheet,
    first,
    1,
    rows.map((row) => [
      text(row.id),
      num(row.recency),
      num(row.frequency),
      num(row.monetary),
      num(row.r),
      num(row.f),
      num(row.m),
    ])
  );
  const count = Math.max(rows.length, 1);
  if (rows.length > 0) {
    const r = columnLetters(c.r);
    const f = columnLetters(c.f);
    const m = columnLetters(c.m);
    fill(
      sheet,
      rect(first, c.code, rows.length),
      `${r}${first}&${f}${first}&${m}${first}`,
      rows.map((row) => [row.code])
    );
    fill(
      sheet,
      rect(first, c.segment, rows.length),
      segmentFormula(first),
      rows.map((row) => [row.segment])
    );
  }
  style(sheet, rect(first, c.monetary, count), { numberFormat: "#,##0.00" });
  sheet.tables.push({
    name: RFM_TABLE,
    rect: rect(CUSTOMERS.headerRow, 1, count + 1, t.headers.length),
    headers: [...t.headers],
    style: "TableStyleMedium2",
  });

  // The rule table: data the consultant edits; the segment column follows it.
  const rc = CUSTOMERS.rulesCol;
  put(sheet, CUSTOMERS.headerRow - 1, rc, [[text(t.rulesTitle)]]);
  style(sheet, rect(CUSTOMERS.headerRow - 1, rc), { bold: true });
  put(sheet, CUSTOMERS.headerRow, rc, [t.ruleHeaders.map(text)]);
  style(sheet, rect(CUSTOMERS.headerRow, rc, 1, 5), {
    bold: true,
    fill: COLOURS.header,
    border: true,
  });
  const ruleLines: CellValue[][] = Array.from({ length: RULE_ROWS }, (_, i) => {
    const line = input.rules[i];
    return line
      ? [text(line.name), num(line.r[0]), num(line.r[1]), num(line.f[0]), num(line.f[1])]
      : [null, null, null, null, null];
  });
  put(sheet, first, rc, ruleLines);
  style(sheet, rect(first, rc, RULE_ROWS, 5), { fill: COLOURS.input, border: true });
  sheet.validations.push({
    rect: rect(first, rc + 1, RULE_ROWS, 4),
    rule: { kind: "decimal", min: 1, max: SCORE_LEVELS },
    error: {
      title: "R, F",
      message:
        input.language === "fr"
          ? `Un score de 1 à ${SCORE_LEVELS}.`
          : `A score from 1 to ${SCORE_LEVELS}.`,
    },
  });

  sheet.columnWidths.push(
    { col: c.id, width: 18 },
    { col: c.recency, width: 15 },
    { col: c.frequency, width: 11 },
    { col: c.monetary, width: 14 },
    { col: c.r, width: 5 },
    { col: c.f, width: 5 },
    { col: c.m, width: 5 },
    { col: c.code, width: 10 },
    { col: c.segment, width: 20 },
    { col: rc, width: 22 },
    { col: rc + 1, width: 7 },
    { col: rc + 2, width: 7 },
    { col: rc + 3, width: 7 },
    { col: rc + 4, width: 7 }
  );
  sheet.freeze = { rows: CUSTOMERS.headerRow, cols: 1 };
  sheet.print = { landscape: false, fitToOnePage: false };
  return sheet;
}

/** The palette's scale stretched from 0 to `max`. */
function scale(max: number, palette: Palette) {
  return palette.stops.map((stop) => ({
    value: (stop.value / 100) * (max > 0 ? max : 1),
    colour: stop.colour,
  }));
}

function summarySheet(input: RfmPlanInput): SheetPlan {
  const t = RFM_TEXTS[input.language];
  const sheet = emptySheet("rfmSummary", t.summarySheet, COLOURS.tabSegments);
  const { rows, rules } = input;
  const customers = quoteSheetName(t.customersSheet);
  const n = Math.max(rows.length, 1);
  const column = (col: number) =>
    `${customers}!${abs(CUSTOMERS.firstRow, col)}:${abs(CUSTOMERS.firstRow + n - 1, col)}`;
  const c = CUSTOMERS.col;
  const segments = column(c.segment);
  const monetary = column(c.monetary);
  const frequency = column(c.frequency);
  const observedDays = input.analysisDay - input.firstDay;
  const years = Math.max(1, observedDays) / DAYS_PER_YEAR;

  put(sheet, SUMMARY.titleRow, 1, [[text(t.summaryTitle(isoOfDay(input.analysisDay)))]]);
  style(sheet, rect(SUMMARY.titleRow, 1), TITLE_STYLE);
  put(sheet, SUMMARY.yearsRow, 1, [[text(t.observedYears), num(years)]]);
  style(sheet, rect(SUMMARY.yearsRow, 2), { numberFormat: "0.00" });
  put(sheet, SUMMARY.headerRow, 1, [t.summaryHeaders.map(text)]);
  style(sheet, rect(SUMMARY.headerRow, 1, 1, t.summaryHeaders.length), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    border: true,
  });

  const summary = new Map(summarise(rows, rules, observedDays).map((s) => [s.segment, s]));
  const totalRevenue = rows.reduce((sum, row) => sum + row.monetary, 0);
  const first = SUMMARY.firstRow;
  const lines = RULE_ROWS + 1;
  const yearsCell = abs(SUMMARY.yearsRow, 2);
  const values: CellValue[][] = [];
  const names: string[] = [];
  for (let i = 0; i < lines; i++) {
    const row = first + i;
    const isRule = i < RULE_ROWS;
    const name = isRule ? (rules[i]?.name ?? "") : "";
    names.push(name);
    const s = summary.get(name);
    const shown = isRule ? name !== "" : (s?.customers ?? 0) > 0;
    const a = `A${row}`;
    const key = isRule ? a : '""';
    const nameCell = isRule
      ? formula(
          `IF(${customers}!${abs(CUSTOMERS.firstRow + i, CUSTOMERS.rulesCol)}="","",${customers}!${abs(CUSTOMERS.firstRow + i, CUSTOMERS.rulesCol)})`,
          name
        )
      : text(t.noSegment);
    const guard = isRule ? `${a}=""` : "FALSE";
    const customersOf = s?.customers ?? 0;
    const purchases = rows.reduce((sum, r) => sum + (r.segment === name ? r.frequency : 0), 0);
    const revenue = s?.revenue ?? 0;
    values.push([
      nameCell,
      formula(`IF(${guard},"",COUNTIF(${segments},${key}))`, shown ? customersOf : ""),
      formula(`IF(${guard},"",B${row}/COUNTA(${column(c.id)}))`, shown ? customersOf / n : ""),
      formula(`IF(${guard},"",SUMIF(${segments},${key},${monetary}))`, shown ? revenue : ""),
      formula(
        `IF(${guard},"",IFERROR(D${row}/SUM(${monetary}),0))`,
        shown ? (totalRevenue === 0 ? 0 : revenue / totalRevenue) : ""
      ),
      formula(
        `IF(${guard},"",IFERROR(D${row}/SUMIF(${segments},${key},${frequency}),0))`,
        shown ? (purchases === 0 ? 0 : revenue / purchases) : ""
      ),
      formula(
        `IF(${guard},"",IFERROR(SUMIF(${segments},${key},${frequency})/B${row}/${yearsCell},0))`,
        shown ? (customersOf === 0 ? 0 : purchases / customersOf / years) : ""
      ),
    ]);
  }
  put(sheet, first, 1, values);
  style(sheet, rect(first, 1, lines, 7), { border: true });
  style(sheet, rect(first, 3, lines), { numberFormat: "0.0%" });
  style(sheet, rect(first, 5, lines), { numberFormat: "0.0%" });
  style(sheet, rect(first, 4, lines), { numberFormat: "#,##0" });
  style(sheet, rect(first, 6, lines), { numberFormat: "#,##0.00" });
  style(sheet, rect(first, 7, lines), { numberFormat: "0.00" });
  const maxShare = Math.max(0, ...[...summary.values()].map((s) => s.shareOfRevenue));
  sheet.conditionalFormats.push({
    rect: rect(first, 5, lines),
    rule: { kind: "colourScale", stops: scale(maxShare, input.palette) },
  });

  // The R × F grids, R from 5 (top) to 1, F from 1 to 5.
  const grid = rfGrid(rows);
  const r = column(c.r);
  const f = column(c.f);
  const countsRow = first + lines + 2;
  const revenueRow = countsRow + SCORE_LEVELS + 3;
  const gridAt = (top: number, title: string, kind: "count" | "revenue") => {
    put(sheet, top, 1, [[text(title)]]);
    style(sheet, rect(top, 1), { bold: true });
    put(sheet, top + 1, 1, [
      [text(t.gridCorner), ...Array.from({ length: SCORE_LEVELS }, (_, k) => num(k + 1))],
    ]);
    const body: CellValue[][] = [];
    for (let k = 0; k < SCORE_LEVELS; k++) {
      const score = SCORE_LEVELS - k;
      const row = top + 2 + k;
      const line: CellValue[] = [num(score)];
      for (let fi = 1; fi <= SCORE_LEVELS; fi++) {
        const fHeader = `${columnLetters(fi + 1)}$${top + 1}`;
        line.push(
          kind === "count"
            ? formula(`COUNTIFS(${r},$A${row},${f},${fHeader})`, grid.counts[score - 1][fi - 1])
            : formula(
                `SUMIFS(${monetary},${r},$A${row},${f},${fHeader})`,
                grid.revenue[score - 1][fi - 1]
              )
        );
      }
      body.push(line);
    }
    put(sheet, top + 2, 1, body);
    style(sheet, rect(top + 1, 1, 1, SCORE_LEVELS + 1), { bold: true, fill: COLOURS.header });
    style(sheet, rect(top + 2, 1, SCORE_LEVELS), { bold: true, fill: COLOURS.header });
    style(sheet, rect(top + 1, 1, SCORE_LEVELS + 1, SCORE_LEVELS + 1), {
      border: true,
      horizontal: "center",
    });
    if (kind === "revenue")
      style(sheet, rect(top + 2, 2, SCORE_LEVELS, SCORE_LEVELS), { numberFormat: "#,##0" });
    const values = (kind === "count" ? grid.counts : grid.revenue).flat();
    sheet.conditionalFormats.push({
      rect: rect(top + 2, 2, SCORE_LEVELS, SCORE_LEVELS),
      rule: { kind: "colourScale", stops: scale(Math.max(0, ...values), input.palette) },
    });
  };
  gridAt(countsRow, t.gridCounts, "count");
  gridAt(revenueRow, t.gridRevenue, "revenue");

  sheet.columnWidths.push(
    { col: 1, width: 24 },
    ...[2, 3, 4, 5, 6, 7].map((col) => ({ col, width: 15 }))
  );
  sheet.rowHeights = [{ row: SUMMARY.headerRow, height: 32 }];
  return sheet;
}

/** The RFM workbook: customers first, then the summary. */
export function rfmPlan(input: RfmPlanInput): WorkbookPlan {
  return {
    language: input.language,
    sheets: [customersSheet(input), summarySheet(input)],
    names: [],
    activeSheet: "rfmSummary",
    properties: {
      title: RFM_TEXTS[input.language].summaryTitle(isoOfDay(input.analysisDay)),
      created: new Date(),
    },
  };
}
