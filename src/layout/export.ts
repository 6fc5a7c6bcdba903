/**
 * The client deliverable: study → the plan of a workbook to send to the client. Only the chosen
 * sheets, every value fixed, every colour in the cells themselves:
 *
 * - the working workbook's plan is built as usual (same geometry, order, segment groups and
 *   outlines), then each chosen sheet is baked: every formula replaced by the value the plan says it
 *   computes (a block's `result`, a fill's `results`), so the client workbook refers to no sheet it
 *   does not hold and shows the same in any viewer, calculating or not;
 * - every conditional format is evaluated on those values and its look written into the cells as a
 *   fixed style: a colour scale's fill (`scaleColour`, as Excel draws it), the palette's white text
 *   (its cell-value rule), a formula rule's fill where the plan says it `holds`. The live rules stay
 *   too, so that Excel draws the same thing from either;
 * - what belongs to the working workbook goes: input fills, dropdowns and validations, the
 *   instructions to type (replaced by sentences for a reader), the add-in's state and settings;
 * - a legend sheet explains the scores (sheets/legend.ts); the defined names of the sheets kept stay
 *   true, and SM_ClientExport marks the file as a deliverable (`readStudy` refuses it clearly);
 * - landscape, one page per sheet; title, date and keywords in the document's properties.
 *
 * The check-list goes with the segments: it is how each segment passes the "good segment" test.
 * The `rfm` part is an RFM workbook's summary and R × F grids (sheets/rfm.ts), never its customers.
 */
import { WORKBOOK_TEXTS, WorkbookTexts } from "../i18n/workbook";
import { LANGUAGES, Language } from "../method/levels";
import { CHECKLIST_STATUSES, statusCellLabel } from "../method/segments";
import * as msg from "../messages";
import { BLACK_TEXT, PALETTES, PaletteName, scaleColour } from "../method/colour";
import { Problem } from "../messages";
import { Study } from "../method/study";
import { Rect, quoteSheetName } from "./a1";
import { buildPlan } from "./index";
import { COLOURS, rect } from "./kit";
import {
  CellStyle,
  CellValue,
  ConditionalFormatPlan,
  NamePlan,
  SheetPlan,
  SheetRole,
  StyledRange,
  ValueBlock,
  WorkbookPlan,
  num,
  text,
} from "./plan";
import { EXPORT_FONT, MIN_SCALE, fitForPrint, printedText } from "./print-fit";
import { PlanContext } from "./sheet";
import { CHECKLIST } from "./sheets/checklist";
import { GRID } from "./sheets/grid";
import { columnGroups } from "../analysis/column-groups";
import { SEGMENTS } from "./sheets/segments";
import { TARGETING, adviceTexts, segmentHeaderRows, targetingGrid } from "./sheets/targeting";
import { LEGEND_NAMES, legendSheet, weightText } from "./sheets/legend";
import { RfmSummaryRead, rfmClientSheet } from "./sheets/rfm";
import { RFM_TEXTS } from "../i18n/rfm";
import { NOTE_STYLE } from "./kit";
import { competitionMarker, shownCompetition } from "../method/competition-look";
import { competitionLegend } from "../i18n/competition";

/** What `--sheets` may list, in the order the workbook holds them. */
export type ExportPart = "matrix" | "legend" | "segments" | "targeting" | "rfm";
export const EXPORT_PARTS: readonly ExportPart[] = [
  "matrix",
  "legend",
  "segments",
  "targeting",
  "rfm",
];

export function isExportPart(value: string): value is ExportPart {
  return (EXPORT_PARTS as readonly string[]).includes(value);
}

/** The sheets each part brings. */
const PART_ROLES: Record<ExportPart, readonly SheetRole[]> = {
  matrix: ["matrix"],
  legend: ["legend"],
  segments: ["segments", "checklist"],
  targeting: ["targeting"],
  // The summary and the R × F grids only: the customers' table holds their ids (personal data).
  rfm: ["rfmSummary"],
};

/** In the document's keywords of every client export (the output guard looks for it). */
export const CLIENT_EXPORT_KEYWORDS = "Segment Matrix client export";

export interface ExportOptions {
  /** Default: the matrix, its legend and, when the study has segments, segments and targeting. */
  parts?: readonly ExportPart[];
  /** The workbook's language, when not the study's own. */
  language?: Language;
  /** The colour scale, when not the study's own. */
  palette?: PaletteName;
  /** The date the deliverable is made (the legend and the document's properties say it). */
  created: Date;
  /** The RFM summary of the input workbook, when it has one (the `rfm` part). */
  rfm?: RfmSummaryRead;
  /** Each scored pair's competition level beside its score on the matrix, with a legend line. */
  competition?: boolean;
}

export interface ExportResult {
  plan?: WorkbookPlan;
  problems: Problem[];
}

/** The parts exported when none are asked for. */
export function defaultParts(study: Study, rfm?: RfmSummaryRead): ExportPart[] {
  const segments = (study.segments?.length ?? 0) > 0;
  return EXPORT_PARTS.filter(
    (part) =>
      (part === "rfm" && rfm !== undefined) ||
      (part !== "rfm" && (segments || (part !== "segments" && part !== "targeting")))
  );
}

/**
 * The parts to export: those asked for (default: defaultParts), less those that would come out
 * empty — segments and targeting without a segment, the RFM part without a summary — each said.
 */
export function askedParts(
  study: Study,
  parts: readonly ExportPart[] | undefined,
  rfm: RfmSummaryRead | undefined,
  selection: msg.ExportSelection = "sheets"
): { asked: ExportPart[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const asked = (parts ?? defaultParts(study, rfm)).filter((part) => {
    if (part === "rfm" && !rfm) {
      problems.push(msg.exportNoRfm(selection));
      return false;
    }
    const empty =
      (part === "segments" || part === "targeting") && (study.segments?.length ?? 0) === 0;
    if (empty) problems.push(msg.exportNoSegments(part, selection));
    return !empty;
  });
  return { asked, problems };
}

export function clientPlan(study: Study, options: ExportOptions): ExportResult {
  const language = options.language ?? study.language;
  const paletteName = options.palette ?? study.palette ?? "default";
  const { asked, problems } = askedParts(study, options.parts, options.rfm);
  if (asked.length === 0) return { problems: [...problems, msg.exportNothing()] };

  const texts = WORKBOOK_TEXTS[language];
  const working = buildPlan(study, { language, palette: paletteName });
  const context: PlanContext = {
    study,
    language,
    texts,
    template: false,
    palette: PALETTES[paletteName],
    names: [],
  };
  const replacements = clientTexts(texts, study, language);
  const roles = EXPORT_PARTS.filter((part) => asked.includes(part)).flatMap(
    (part) => PART_ROLES[part]
  );
  const title = study.title ?? texts.matrix.title;
  const sheets = roles.flatMap((role): SheetPlan[] => {
    if (role === "legend")
      return [printable(bakeSheet(legendSheet(context, options.created), replacements), title)];
    if (role === "rfmSummary")
      return options.rfm ? [rfmPrintable(options.rfm, language, paletteName, title)] : [];
    const sheet = working.sheets.find((s) => s.role === role);
    if (!sheet) return [];
    const baked = bakeSheet(sheet, replacements);
    if (role === "matrix" && options.competition)
      return [printable(withCompetition(baked, study, language), title, study, MARKED_SCORE_WIDTH)];
    return [printable(baked, title, study)];
  });
  const kept = new Set(sheets.map((sheet) => sheet.name));
  // A live rule that looks into a sheet left out (the matrix's hypotheses read the ratings' n, as
  // sheetRef writes it) would refer to no sheet: it goes, its look stays fixed in the cells.
  const leftOut = working.sheets.filter((sheet) => !kept.has(sheet.name)).map((s) => s.name);
  for (const sheet of sheets)
    sheet.conditionalFormats = sheet.conditionalFormats.filter(({ rule }) => {
      if (rule.kind !== "formula") return true;
      return !leftOut.some((name) => rule.formula.includes(`${quoteSheetName(name)}!`));
    });
  const names = working.names.filter((name) => kept.has(name.sheet));
  return {
    plan: clientWorkbook(sheets, names, { language, title, subject: texts.matrix.title }, options),
    problems,
  };
}

/** The deliverable's workbook: its sheets, the names they keep, the client-export marker. */
function clientWorkbook(
  sheets: SheetPlan[],
  kept: readonly NamePlan[],
  words: { language: Language; title: string; subject: string },
  options: ExportOptions
): WorkbookPlan {
  const marker = sheets.find((sheet) => sheet.role === "legend") ?? sheets[0];
  const names: NamePlan[] = [
    ...kept,
    ...(marker ? [{ name: LEGEND_NAMES.clientExport, sheet: marker.name, rect: rect(1, 1) }] : []),
  ];
  return {
    language: words.language,
    sheets,
    names,
    activeSheet: sheets.some((s) => s.role === "matrix") ? "matrix" : (sheets[0]?.role ?? "matrix"),
    font: EXPORT_FONT,
    properties: {
      title: words.title,
      subject: words.subject,
      keywords: CLIENT_EXPORT_KEYWORDS,
      created: options.created,
    },
  };
}

/** The RFM summary and grids, baked and fitted for print. */
function rfmPrintable(
  read: RfmSummaryRead,
  language: Language,
  palette: PaletteName,
  title: string
): SheetPlan {
  return printable(bakeSheet(rfmClientSheet(read, language, PALETTES[palette]), new Map()), title);
}

/**
 * The client export of an RFM workbook, which holds no study: its summary and grids only (the
 * `rfm` part); a part of the study asked for is left out and said.
 */
export function rfmClientPlan(read: RfmSummaryRead, options: ExportOptions): ExportResult {
  const language = options.language ?? read.language;
  const problems: Problem[] = (options.parts ?? [])
    .filter((part) => part !== "rfm")
    .map((part) => msg.exportRfmWorkbookOnly(part));
  if (options.parts && !options.parts.includes("rfm"))
    return { problems: [...problems, msg.exportRfmNothing()] };
  const texts = RFM_TEXTS[language];
  const title = read.analysisDate ? texts.summaryTitle(read.analysisDate) : read.title;
  const sheets = [rfmPrintable(read, language, options.palette ?? "default", title)];
  return {
    plan: clientWorkbook(sheets, [], { language, title, subject: texts.summarySheet }, options),
    problems,
  };
}

/**
 * The sheet sized for print (print-fit.ts). The matrix's clientèle names and kinds turn up, so
 * that its columns need only the width of a score, and its headers repeat on every page.
 */
/** A clientèle column of the printed matrix, in characters: a score in bold, "100". */
const SCORE_WIDTH = 5;
/** …and a score with its competition marker, "100 C4". */
const MARKED_SCORE_WIDTH = 7;

function printable(
  sheet: SheetPlan,
  title: string,
  study?: Study,
  scoreWidth = SCORE_WIDTH
): SheetPlan {
  // The segments' names head every page of the segments and the check-list.
  if (sheet.role === "segments" || sheet.role === "checklist") {
    const row = sheet.role === "segments" ? SEGMENTS.headerRow : CHECKLIST.headerRow;
    const bands =
      sheet.role === "segments"
        ? {
            labels: { first: SEGMENTS.labelCol, last: SEGMENTS.labelCol },
            firstItem: SEGMENTS.firstCol,
          }
        : {
            labels: { first: CHECKLIST.familyCol, last: CHECKLIST.itemCol },
            firstItem: CHECKLIST.firstCol,
          };
    return fitForPrint(sheet, { title, titleRows: { first: row, last: row }, bands });
  }
  if (sheet.role === "targeting") {
    const options = {
      title,
      bands: {
        labels: { first: TARGETING.labelCol, last: TARGETING.labelCol },
        firstItem: TARGETING.firstCol,
      },
    };
    const fitted = fitForPrint(sheet, options);
    if (!study) return fitted;
    if (!fitted.print.colBreaks) return tallTargeting(sheet, fitted, options, study);
    // Too many segments for a page: their names turn up, so that the columns need only a mark's
    // width (a score's, as the matrix's) and the tables under the grid (ranking, conquest
    // order) stay whole on the page rather than cut into bands, when that is enough.
    const { rows, segments } = segmentHeaderRows(study);
    const turned: StyledRange[] = rows.map((row) => ({
      rect: rect(row, TARGETING.firstCol, 1, segments),
      style: { rotateUp: true, wrap: true, horizontal: "center", vertical: "bottom" },
    }));
    const last = TARGETING.firstCol + segments - 1;
    const columnWidths = sheet.columnWidths.map((column) =>
      column.col >= TARGETING.firstCol && column.col <= last && !column.hidden
        ? { ...column, width: SCORE_WIDTH }
        : column
    );
    const turnedUp = fitForPrint(
      { ...sheet, columnWidths, styles: [...sheet.styles, ...turned] },
      options
    );
    return turnedUp.print.colBreaks ? fitted : turnedUp;
  }
  if (sheet.role !== "matrix" || !study) return fitForPrint(sheet, { title });
  const cols = study.clienteles.length;
  const turned: StyledRange[] = [
    {
      rect: rect(GRID.typeRow, GRID.firstCol, 1, cols),
      // 9 pt for the client (8 on the working sheet), on two lines: no taller than one at 8 pt.
      style: {
        rotateUp: true,
        wrap: true,
        fontSize: 9,
        horizontal: "center",
        vertical: "bottom",
      },
    },
    {
      rect: rect(GRID.headerRow, GRID.firstCol, 1, cols),
      style: { rotateUp: true, wrap: true, horizontal: "center", vertical: "bottom" },
    },
  ];
  // Turned up, the names leave the columns only a score's width to hold; so do the columns of
  // the colour samples beside them when the clientèles are fewer than the samples.
  const columnWidths = sheet.columnWidths.map((column) =>
    column.col >= GRID.firstCol && !column.hidden ? { ...column, width: scoreWidth } : column
  );
  return fitForPrint(
    { ...sheet, columnWidths, styles: [...sheet.styles, ...turned] },
    {
      title,
      titleRows: { first: GRID.helpRow, last: GRID.headerRow },
      titleCols: { first: GRID.nameCol, last: GRID.typeCol },
      bodyCols: { first: GRID.nameCol, last: GRID.firstCol + cols - 1 },
      bodyRows: { first: GRID.firstRow, last: GRID.firstRow + study.needs.length - 1 },
      // Each segment's label within its clientèles' columns, which it does not widen.
      spans: columnGroups(
        study,
        study.clienteles.map((c) => c.name)
      )
        .groups.filter((group) => group.lane === 0)
        .map((group) => ({
          row: GRID.helpRow,
          first: GRID.firstCol + group.first,
          last: GRID.firstCol + group.last,
          short: `${group.segment + 1}`,
        })),
    }
  );
}

/** The columns right of a tall targeting grid, in characters before their texts widen them. */
const BESIDE_GRID_WIDTH = 6;

/**
 * A targeting grid of many offerings, continued on the next pages: its header row repeats on
 * each, and its offerings' column takes the page's width, so that the pages holding only the grid
 * are not narrow strips. The ranking table under it shares the grid's columns and runs to the
 * right of it: its columns there take only what their texts need, and the sheet may shrink to
 * MIN_SCALE for the grid to fill the page.
 */
function tallTargeting(
  sheet: SheetPlan,
  fitted: SheetPlan,
  options: Parameters<typeof fitForPrint>[1],
  study: Study
): SheetPlan {
  const grid = targetingGrid(study);
  const continued = (fitted.print.rowBreaks ?? []).some((row) => row < grid.lastRow);
  if (!continued) return fitted;
  const columnWidths = sheet.columnWidths.map((column) =>
    column.col > grid.lastCol && !column.hidden
      ? { ...column, width: Math.min(column.width, BESIDE_GRID_WIDTH) }
      : column
  );
  const filled = fitForPrint(
    { ...sheet, columnWidths },
    {
      ...options,
      titleRows: { first: TARGETING.headerRow, last: TARGETING.headerRow },
      bodyCols: { first: TARGETING.labelCol, last: grid.lastCol },
      fillCol: TARGETING.labelCol,
      besideScale: MIN_SCALE / 100,
    }
  );
  return filled.print.colBreaks ? fitted : filled;
}

/**
 * The baked matrix with each scored pair's competition marker after its score, through the cell's
 * number format (`0" C3"`): the value stays the score, so its colour and any reader keep it; and
 * the legend line naming the levels under the sheet's last line.
 */
function withCompetition(sheet: SheetPlan, study: Study, language: Language): SheetPlan {
  const needRow = new Map(study.needs.map((need, i) => [need.name, GRID.firstRow + i]));
  const clienteleCol = new Map(study.clienteles.map((c, j) => [c.name, GRID.firstCol + j]));
  const markers: StyledRange[] = [];
  for (const pair of study.pairs) {
    const level = shownCompetition(pair);
    const row = needRow.get(pair.need);
    const col = clienteleCol.get(pair.clientele);
    if (level === undefined || row === undefined || col === undefined) continue;
    markers.push({
      rect: rect(row, col),
      style: { numberFormat: `0" ${competitionMarker(level)}"` },
    });
  }
  const lastRow = sheet.blocks.reduce(
    (last, block) => Math.max(last, block.row + block.values.length - 1),
    0
  );
  const legendRow = lastRow + 1;
  return {
    ...sheet,
    blocks: [
      ...sheet.blocks,
      { row: legendRow, col: 1, values: [[text(competitionLegend(language))]] },
    ],
    styles: [...sheet.styles, ...markers, { rect: rect(legendRow, 1), style: NOTE_STYLE }],
  };
}

/** The working workbook's sentences that ask to type, or name a sheet the export leaves out. */
function clientTexts(
  texts: WorkbookTexts,
  study: Study,
  language: Language
): Map<string, string | null> {
  return new Map<string, string | null>([
    [texts.matrix.instructions, texts.export.matrixInstructions],
    [
      texts.matrix.scoreRule,
      texts.legend.scoreRule(
        weightText(study.weights.perception, language),
        weightText(study.weights.impact, language)
      ),
    ],
    [texts.matrix.hypotheses, texts.export.hypotheses],
    [texts.segments.instructions, texts.export.segmentsInstructions],
    [texts.segments.candidateNote, null],
    [texts.segments.offerings, texts.export.offerings],
    [texts.targeting.instructions, texts.export.targetingInstructions],
    // The method's advice is for the consultant: the client sees the order chosen.
    [texts.targeting.suggestedConquest, null],
    [texts.targeting.warnings, null],
    ...Object.values(adviceTexts(study, language))
      .flat()
      .map((line): [string, null] => [line, null]),
    // The add-in's own texts holding a symbol the export font lacks: its status labels (as the
    // check-list writes them, in either language) and the sentence that lists them, each a whole
    // cell. Only these: any other text of the consultant's is kept exactly, whatever it holds.
    ...[
      texts.checklist.instructions,
      ...CHECKLIST_STATUSES.flatMap((status) =>
        LANGUAGES.map((lang) => statusCellLabel(status, lang))
      ),
    ].flatMap((own): [string, string][] =>
      printedText(own) === own ? [] : [[own, printedText(own)]]
    ),
  ]);
}

/** A value as the cell shows it once its formula is gone. */
function fixed(value: string | number | undefined): CellValue {
  if (value === undefined || value === "") return null;
  return typeof value === "number" ? num(value) : text(value);
}

function bakeCell(cell: CellValue, replacements: Map<string, string | null>): CellValue {
  if (cell === null) return null;
  if (cell.kind === "formula") return fixed(cell.result);
  if (cell.kind === "text" && replacements.has(cell.text)) {
    const replaced = replacements.get(cell.text);
    return replaced ? text(replaced) : null;
  }
  return cell;
}

/** The sheet with values in place of formulas and its conditional looks fixed in the cells. */
export function bakeSheet(sheet: SheetPlan, replacements: Map<string, string | null>): SheetPlan {
  const blocks: ValueBlock[] = sheet.blocks.map((block) => ({
    row: block.row,
    col: block.col,
    values: block.values.map((line) => line.map((cell) => bakeCell(cell, replacements))),
  }));
  for (const fill of sheet.fills) {
    blocks.push({
      row: fill.rect.row,
      col: fill.rect.col,
      values: Array.from({ length: fill.rect.rows }, (_, i) =>
        Array.from({ length: fill.rect.cols }, (_, j) => fixed(fill.results?.[i]?.[j]))
      ),
    });
  }
  const values = valueGrid(blocks);
  const styles = sheet.styles.flatMap((styled): StyledRange[] => {
    // Input cells look like input cells; in a deliverable nothing is to be typed.
    if (styled.style.fill !== COLOURS.input) return [styled];
    const rest: CellStyle = { ...styled.style };
    delete rest.fill;
    return Object.keys(rest).length > 0 ? [{ rect: styled.rect, style: rest }] : [];
  });
  // A status rule compares the cell with its label: with the label's printed glyph, so that the
  // live rule still holds where the fixed look says it does.
  const conditionalFormats = sheet.conditionalFormats.map((format) =>
    format.rule.kind === "formula"
      ? { ...format, rule: { ...format.rule, formula: printedText(format.rule.formula) } }
      : format
  );
  return {
    ...sheet,
    blocks,
    fills: [],
    conditionalFormats,
    // After every other style: the fixed look wins, as the conditional format does in Excel.
    styles: [...styles, ...sheet.conditionalFormats.flatMap((f) => fixedLook(f, values))],
    validations: [],
    print: { ...sheet.print, landscape: true, fitToOnePage: true },
  };
}

type ValueGrid = Map<number, Map<number, CellValue>>;

function valueGrid(blocks: readonly ValueBlock[]): ValueGrid {
  const grid: ValueGrid = new Map();
  for (const block of blocks)
    block.values.forEach((line, i) =>
      line.forEach((cell, j) => {
        const row = grid.get(block.row + i) ?? new Map<number, CellValue>();
        row.set(block.col + j, cell);
        grid.set(block.row + i, row);
      })
    );
  return grid;
}

/** What a conditional format shows on each cell it covers, as fixed styles of one cell each. */
function fixedLook(format: ConditionalFormatPlan, values: ValueGrid): StyledRange[] {
  const rule = format.rule;
  const styled: StyledRange[] = [];
  eachCell(format.rect, (row, col, i, j) => {
    const cell = values.get(row)?.get(col) ?? null;
    const number = cell?.kind === "number" ? cell.value : undefined;
    let look: CellStyle | undefined;
    switch (rule.kind) {
      case "colourScale":
        // Black unless the palette's text rule (a cell-value rule, fixed after this one) says white.
        if (number !== undefined)
          look = { fill: scaleColour(number, rule.stops), fontColour: BLACK_TEXT };
        break;
      case "cellValue":
        if (
          number !== undefined &&
          (rule.operator === "greaterThan" ? number > rule.value : number < rule.value)
        )
          look = { fontColour: rule.fontColour };
        break;
      case "formula":
        if (rule.holds?.[i]?.[j])
          look = {
            ...(rule.fill ? { fill: rule.fill } : {}),
            ...(rule.fontColour ? { fontColour: rule.fontColour } : {}),
            ...(rule.bold ? { bold: true } : {}),
            ...(rule.italic ? { italic: true } : {}),
            ...(rule.dottedBorder ? { dottedBorder: rule.dottedBorder } : {}),
          };
        break;
    }
    if (look && Object.keys(look).length > 0) styled.push({ rect: rect(row, col), style: look });
  });
  return styled;
}

function eachCell(
  area: Rect,
  visit: (row: number, col: number, i: number, j: number) => void
): void {
  for (let i = 0; i < area.rows; i++)
    for (let j = 0; j < area.cols; j++) visit(area.row + i, area.col + j, i, j);
}
