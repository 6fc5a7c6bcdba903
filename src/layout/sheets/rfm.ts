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
import { SheetGrid, WorkbookGrids, cellAt } from "../grids";
import { StateRead } from "../state";
import { RFM_ROLES } from "../registry";
import { SEGMENTS_SHEET } from "./segments";
import { formatNumber } from "../../i18n/numbers";

export const RFM_TABLE = "SM_RFM";
/**
 * The summary's lines, named: with the table SM_RFM on the customers' sheet, what tells the pane
 * which sheets of a workbook are its RFM sheets (a rerun replaces them, a study's rebuild keeps them).
 */
export const RFM_SUMMARY_NAME = "SM_RfmSummary";
/** The rule table on the customers' sheet, named: it marks that sheet from the moment it is added. */
export const RFM_RULES_NAME = "SM_RfmRules";
/** The names that mark the RFM sheets as the add-in's. */
export const RFM_NAMES: readonly string[] = [RFM_SUMMARY_NAME, RFM_RULES_NAME];
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
/** The summary's lines: one per rule line, then the customers no rule holds. */
const SUMMARY_LINES = RULE_ROWS + 1;
/** Where the two R × F grids start (their title row). */
const COUNTS_ROW = SUMMARY.firstRow + SUMMARY_LINES + 2;
const REVENUE_ROW = COUNTS_ROW + SCORE_LEVELS + 3;

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
  const sheet = emptySheet("rfmCustomers", t.customersSheet, SEGMENTS_SHEET.tabColour);
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

/** The palette's scale stretched from 0 to `max` (the summary's and grids' colours, the deck's too). */
export function scale(max: number, palette: Palette) {
  return palette.stops.map((stop) => ({
    value: (stop.value / 100) * (max > 0 ? max : 1),
    colour: stop.colour,
  }));
}

function summarySheet(input: RfmPlanInput): SheetPlan {
  const t = RFM_TEXTS[input.language];
  const sheet = emptySheet("rfmSummary", t.summarySheet, SEGMENTS_SHEET.tabColour);
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
  summaryHeaders(sheet, t);

  const summary = new Map(summarise(rows, rules, observedDays).map((s) => [s.segment, s]));
  const totalRevenue = rows.reduce((sum, row) => sum + row.monetary, 0);
  const first = SUMMARY.firstRow;
  const lines = SUMMARY_LINES;
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
  const maxShare = Math.max(0, ...[...summary.values()].map((s) => s.shareOfRevenue));
  styleSummaryLines(sheet, lines, maxShare, input.palette);

  // The R × F grids, R from 5 (top) to 1, F from 1 to 5.
  const grid = rfGrid(rows);
  const r = column(c.r);
  const f = column(c.f);
  const gridCells = (top: number, kind: "count" | "revenue"): CellValue[][] =>
    Array.from({ length: SCORE_LEVELS }, (_, k) => {
      const score = SCORE_LEVELS - k;
      const row = top + 2 + k;
      return Array.from({ length: SCORE_LEVELS }, (_, j) => {
        const fHeader = `${columnLetters(j + 2)}$${top + 1}`;
        return kind === "count"
          ? formula(`COUNTIFS(${r},$A${row},${f},${fHeader})`, grid.counts[score - 1][j])
          : formula(
              `SUMIFS(${monetary},${r},$A${row},${f},${fHeader})`,
              grid.revenue[score - 1][j]
            );
      });
    });
  const countsTop = COUNTS_ROW;
  const revenueTop = REVENUE_ROW;
  rfGridBlock(
    sheet,
    countsTop,
    t,
    "count",
    gridCells(countsTop, "count"),
    grid.counts,
    input.palette
  );
  rfGridBlock(
    sheet,
    revenueTop,
    t,
    "revenue",
    gridCells(revenueTop, "revenue"),
    grid.revenue,
    input.palette
  );

  sheet.columnWidths.push(
    { col: 1, width: 24 },
    ...[2, 3, 4, 5, 6, 7].map((col) => ({ col, width: 15 }))
  );
  sheet.rowHeights = [{ row: SUMMARY.headerRow, height: 32 }];
  return sheet;
}

function summaryHeaders(sheet: SheetPlan, t: (typeof RFM_TEXTS)[Language]): void {
  put(sheet, SUMMARY.headerRow, 1, [t.summaryHeaders.map(text)]);
  style(sheet, rect(SUMMARY.headerRow, 1, 1, t.summaryHeaders.length), {
    bold: true,
    fill: COLOURS.header,
    wrap: true,
    border: true,
  });
}

/** The summary's `lines` lines: bordered, their numbers formatted, the revenue share coloured. */
function styleSummaryLines(
  sheet: SheetPlan,
  lines: number,
  maxShare: number,
  palette: Palette
): void {
  const first = SUMMARY.firstRow;
  style(sheet, rect(first, 1, lines, 7), { border: true });
  style(sheet, rect(first, 3, lines), { numberFormat: "0.0%" });
  style(sheet, rect(first, 5, lines), { numberFormat: "0.0%" });
  style(sheet, rect(first, 4, lines), { numberFormat: "#,##0" });
  style(sheet, rect(first, 6, lines), { numberFormat: "#,##0.00" });
  style(sheet, rect(first, 7, lines), { numberFormat: "0.00" });
  sheet.conditionalFormats.push({
    rect: rect(first, 5, lines),
    rule: { kind: "colourScale", stops: scale(maxShare, palette) },
  });
}

/**
 * An R × F grid at `top` (its title row): the F scores across, the R scores down from 5 to 1,
 * `cells` (R from 5 down, F from 1) coloured by the palette from 0 to the largest of `values`.
 */
function rfGridBlock(
  sheet: SheetPlan,
  top: number,
  t: (typeof RFM_TEXTS)[Language],
  kind: "count" | "revenue",
  cells: CellValue[][],
  values: readonly (readonly number[])[],
  palette: Palette
): void {
  put(sheet, top, 1, [[text(kind === "count" ? t.gridCounts : t.gridRevenue)]]);
  style(sheet, rect(top, 1), { bold: true });
  put(sheet, top + 1, 1, [
    [text(t.gridCorner), ...Array.from({ length: SCORE_LEVELS }, (_, k) => num(k + 1))],
  ]);
  put(
    sheet,
    top + 2,
    1,
    cells.map((line, k) => [num(SCORE_LEVELS - k), ...line])
  );
  style(sheet, rect(top + 1, 1, 1, SCORE_LEVELS + 1), { bold: true, fill: COLOURS.header });
  style(sheet, rect(top + 2, 1, SCORE_LEVELS), { bold: true, fill: COLOURS.header });
  style(sheet, rect(top + 1, 1, SCORE_LEVELS + 1, SCORE_LEVELS + 1), {
    border: true,
    horizontal: "center",
  });
  if (kind === "revenue")
    style(sheet, rect(top + 2, 2, SCORE_LEVELS, SCORE_LEVELS), { numberFormat: "#,##0" });
  sheet.conditionalFormats.push({
    rect: rect(top + 2, 2, SCORE_LEVELS, SCORE_LEVELS),
    rule: { kind: "colourScale", stops: scale(Math.max(0, ...values.flat()), palette) },
  });
}

/** The RFM workbook: customers first, then the summary. */
export function rfmPlan(input: RfmPlanInput): WorkbookPlan {
  const customers = customersSheet(input);
  const summary = summarySheet(input);
  return {
    language: input.language,
    sheets: [customers, summary],
    names: [
      {
        name: RFM_RULES_NAME,
        sheet: customers.name,
        rect: rect(CUSTOMERS.firstRow, CUSTOMERS.rulesCol, RULE_ROWS, 5),
      },
      {
        name: RFM_SUMMARY_NAME,
        sheet: summary.name,
        rect: rect(
          SUMMARY.headerRow,
          1,
          SUMMARY_LINES + 1,
          RFM_TEXTS[input.language].summaryHeaders.length
        ),
      },
    ],
    activeSheet: "rfmSummary",
    properties: {
      title: RFM_TEXTS[input.language].summaryTitle(isoOfDay(input.analysisDay)),
      created: new Date(),
    },
  };
}

// ---- Client exports (layout/export.ts): the summary and the grids, never a customer ----------

/** One line of the summary as the RFM workbook shows it. */
export interface RfmSummaryLine {
  segment: string;
  customers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
  basket: number;
  purchasesPerYear: number;
}

/**
 * What a client export takes from an RFM workbook: the summary's figures and the two grids as the
 * workbook last calculated them (so an edited rule table counts). The customers' table stays out:
 * their ids are the client's personal data.
 */
export interface RfmSummaryRead {
  /** The language of the workbook's sheet names. */
  language: Language;
  /** The analysis date (ISO) from the summary's title, when it says one. */
  analysisDate?: string;
  /** The summary's title as written, for a title without a date. */
  title: string;
  years: number;
  lines: RfmSummaryLine[];
  /** [R − 1][F − 1]. */
  counts: number[][];
  revenue: number[][];
}

const numberAt = (grid: SheetGrid, row: number, col: number): number | undefined => {
  const value = cellAt(grid, row, col);
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
};

const LANGUAGES_OF_NAMES: readonly Language[] = ["fr", "en"];

/**
 * The name of a workbook's RFM summary sheet: the one the add-in's state says, else one named as
 * the RFM workbook names it (in either language), else undefined.
 */
export function rfmSummarySheetName(workbook: {
  sheets: readonly { name: string }[];
  state?: StateRead;
}): string | undefined {
  const stateName =
    workbook.state?.kind === "ok"
      ? workbook.state.state.sheets.find((sheet) => sheet.role === "rfmSummary")?.name
      : undefined;
  const names = workbook.sheets.map((sheet) => sheet.name);
  if (stateName !== undefined && names.includes(stateName)) return stateName;
  return names.find((name) => LANGUAGES_OF_NAMES.some((l) => RFM_TEXTS[l].summarySheet === name));
}

/** The RFM summary sheet of a workbook (by the add-in's state, else by its name), or undefined. */
export function readRfmSummary(grids: WorkbookGrids): RfmSummaryRead | undefined {
  const name = rfmSummarySheetName(grids);
  const grid = grids.sheets.find((sheet) => sheet.name === name);
  const languages = LANGUAGES_OF_NAMES;
  if (!grid) return undefined;
  const language = languages.find((l) => RFM_TEXTS[l].summarySheet === grid.name) ?? "fr";
  const titleCell = cellAt(grid, SUMMARY.titleRow, 1);
  const title = typeof titleCell === "string" ? titleCell : RFM_TEXTS[language].summarySheet;
  const lines: RfmSummaryLine[] = [];
  for (let i = 0; i < SUMMARY_LINES; i++) {
    const row = SUMMARY.firstRow + i;
    const name = cellAt(grid, row, 1);
    const customers = numberAt(grid, row, 2);
    // A rule line left blank, or the customers no rule holds when there are none: not shown.
    if (name === null || name === "" || customers === undefined) continue;
    const at = (col: number) => numberAt(grid, row, col) ?? 0;
    lines.push({
      segment: String(name),
      customers,
      customerShare: at(3),
      revenue: at(4),
      revenueShare: at(5),
      basket: at(6),
      purchasesPerYear: at(7),
    });
  }
  const gridAt = (top: number) =>
    Array.from({ length: SCORE_LEVELS }, (_, r) =>
      // Row of R = r + 1: the grid lists R from 5 (top) down.
      Array.from(
        { length: SCORE_LEVELS },
        (_, f) => numberAt(grid, top + 2 + (SCORE_LEVELS - 1 - r), f + 2) ?? 0
      )
    );
  return {
    language,
    analysisDate: isoDateIn(title),
    title,
    years: numberAt(grid, SUMMARY.yearsRow, 2) ?? 0,
    lines,
    counts: gridAt(COUNTS_ROW),
    revenue: gridAt(REVENUE_ROW),
  };
}

/** The first YYYY-MM-DD in a text (read character by character: the title is the file's). */
function isoDateIn(value: string): string | undefined {
  const digit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
  const shape = "dddd-dd-dd";
  for (let start = 0; start + shape.length <= value.length; start++) {
    let holds = true;
    for (let k = 0; k < shape.length && holds; k++)
      holds = shape[k] === "d" ? digit(value[start + k]) : value[start + k] === "-";
    if (holds) return value.slice(start, start + shape.length);
  }
  return undefined;
}

/** True when every sheet of the workbook (as listed) is an RFM sheet: no study to read in it. */
export function isRfmWorkbook(grids: {
  sheets: readonly { name: string }[];
  state?: StateRead;
}): boolean {
  const names = (["fr", "en"] as const).flatMap((l) => [
    RFM_TEXTS[l].customersSheet,
    RFM_TEXTS[l].summarySheet,
  ]);
  if (grids.state?.kind === "ok")
    return grids.state.state.sheets.every((sheet) => RFM_ROLES.some((role) => role === sheet.role));
  return grids.sheets.length > 0 && grids.sheets.every((sheet) => names.includes(sheet.name));
}

/**
 * The summary and the grids for the client, in `language`: values only (the export bakes the
 * colour scales into the cells), the same geometry as the working summary with only the
 * segments that have customers.
 */
export function rfmClientSheet(
  read: RfmSummaryRead,
  language: Language,
  palette: Palette
): SheetPlan {
  const t = RFM_TEXTS[language];
  const sheet = emptySheet("rfmSummary", t.summarySheet, SEGMENTS_SHEET.tabColour);
  const noSegment = new Set([RFM_TEXTS.fr.noSegment, RFM_TEXTS.en.noSegment]);
  put(sheet, SUMMARY.titleRow, 1, [
    [text(read.analysisDate ? t.summaryTitle(read.analysisDate) : read.title)],
  ]);
  style(sheet, rect(SUMMARY.titleRow, 1), TITLE_STYLE);
  // The years in the same cell as their label: a long label spills over no number.
  const years = formatNumber(read.years, language, { decimals: 2 });
  const colon = language === "fr" ? " : " : ": ";
  put(sheet, SUMMARY.yearsRow, 1, [[text(`${t.observedYears}${colon}${years}`)]]);
  style(sheet, rect(SUMMARY.yearsRow, 1), NOTE_STYLE);
  summaryHeaders(sheet, t);
  const lines = read.lines.filter((line) => line.customers > 0);
  put(
    sheet,
    SUMMARY.firstRow,
    1,
    lines.map((line) => [
      text(noSegment.has(line.segment) ? t.noSegment : line.segment),
      num(line.customers),
      num(line.customerShare),
      num(line.revenue),
      num(line.revenueShare),
      num(line.basket),
      num(line.purchasesPerYear),
    ])
  );
  const maxShare = Math.max(0, ...lines.map((line) => line.revenueShare));
  styleSummaryLines(sheet, Math.max(lines.length, 1), maxShare, palette);
  const countsTop = SUMMARY.firstRow + Math.max(lines.length, 1) + 2;
  const revenueTop = countsTop + SCORE_LEVELS + 3;
  const cells = (values: number[][]) =>
    Array.from({ length: SCORE_LEVELS }, (_, k) => values[SCORE_LEVELS - 1 - k].map(num));
  rfGridBlock(sheet, countsTop, t, "count", cells(read.counts), read.counts, palette);
  rfGridBlock(sheet, revenueTop, t, "revenue", cells(read.revenue), read.revenue, palette);
  sheet.columnWidths.push(
    { col: 1, width: 24 },
    ...[2, 3, 4, 5, 6, 7].map((col) => ({ col, width: 15 }))
  );
  return sheet;
}
