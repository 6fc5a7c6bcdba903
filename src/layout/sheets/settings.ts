/**
 * "Paramètres": the study's title and language, the weights of the score, the method's level lists
 * and kinds (the dropdowns' sources), the colour legend, and the organisation and currency the
 * client deliverables show. Blocks are stacked from the top by a cursor; the reader finds every
 * value through its defined name, never by row.
 */
import {
  CLIENTELE_TYPES,
  COMPETITION,
  IMPACT,
  Kind,
  NEED_TYPES,
  PERCEPTION,
  Scale,
} from "../../method/levels";
import * as msg from "../../messages";
import { PALETTE_NAMES, stopLabels } from "../../method/colour";
import {
  CHECKLIST_STATUSES,
  SEGMENT_TYPES,
  STRATEGIES,
  statusCellLabel,
  strategySentence,
} from "../../method/segments";
import { DEFAULT_WEIGHTS, WEIGHT_MAX, WEIGHT_MIN, Weights } from "../../method/study";
import { checkLanguage, checkPalette, checkTitle, checkWeight } from "../../method/checks/settings";
import { checkStudyText } from "../../method/checks/study-texts";
import { StudyTextField } from "../../messages";
import { cellAt, cellText } from "../grids";
import {
  COLOURS,
  NOTE_STYLE,
  TITLE_STYLE,
  emptySheet,
  namedArea,
  put,
  rect,
  scoreColours,
  style,
  where,
} from "../kit";
import { CellValue, SheetPlan, num, text } from "../plan";
import { PlanContext, ReadContext, SheetModule, cellNumber, sheetNames } from "../sheet";

/** The defined names of this sheet's areas (layout/names.ts gathers every sheet's). */
const SETTINGS_NAMES = sheetNames(
  "weightPerception",
  "weightImpact",
  "title",
  "language",
  "perceptionLevels",
  "impactLevels",
  "competitionLevels",
  "clienteleTypes",
  "needTypes",
  "segmentTypes",
  "checklistStatuses",
  "strategyLabels",
  "strategyExplanations",
  "palette",
  /** The study's organisation and currency, which only the deliverables show. */
  "organisation",
  "currency"
);

/** Hands out rows from the top, one blank row between blocks. */
class RowCursor {
  private next = 1;
  /** Rows for a block of `height` rows; the block after it starts one blank row further. */
  block(height: number): number {
    const row = this.next;
    this.next += height + 1;
    return row;
  }
}

const VALUE_COL = 2;

function plan({ study, language, texts, template, names, palette }: PlanContext): SheetPlan {
  const sheet = emptySheet("settings", texts.sheets.settings, SETTINGS_SHEET.tabColour);
  const t = texts.settings;
  const title = template ? undefined : study.title;
  const weights: Weights = template ? DEFAULT_WEIGHTS : study.weights;
  const cursor = new RowCursor();
  const named = (name: string, row: number, col = VALUE_COL, rows = 1): void => {
    names.push({ name, sheet: sheet.name, rect: rect(row, col, rows, 1) });
  };
  const input = (row: number, rows: number, extra = {}): void =>
    style(sheet, rect(row, VALUE_COL, rows, 1), { fill: COLOURS.input, border: true, ...extra });

  const top = cursor.block(2);
  put(sheet, top, 1, [[text(t.title)], [text(t.createdBy)]]);
  style(sheet, rect(top, 1), TITLE_STYLE);
  style(sheet, rect(top + 1, 1), NOTE_STYLE);

  const study_ = cursor.block(2);
  put(sheet, study_, 1, [
    [text(t.studyTitle), title ? text(title) : null],
    [text(t.language), text(language)],
  ]);
  input(study_, 2);
  named(SETTINGS_NAMES.title, study_);
  named(SETTINGS_NAMES.language, study_ + 1);
  sheet.validations.push({
    rect: rect(study_ + 1, VALUE_COL),
    rule: { kind: "list", source: ["fr", "en"] },
    error: { title: "Langue / Language", message: "fr / en" },
  });

  const weightsRow = cursor.block(5);
  put(sheet, weightsRow, 1, [
    [text(t.weights), null],
    [text(t.weightPerception), num(weights.perception)],
    [text(t.weightImpact), num(weights.impact)],
    [text(t.weightHelp), null],
    [text(t.scoreHelp), null],
  ]);
  style(sheet, rect(weightsRow, 1), { bold: true });
  style(sheet, rect(weightsRow + 3, 1, 2, 1), NOTE_STYLE);
  input(weightsRow + 1, 2, { bold: true, horizontal: "center" });
  sheet.validations.push({
    rect: rect(weightsRow + 1, VALUE_COL, 2, 1),
    rule: { kind: "decimal", min: WEIGHT_MIN, max: WEIGHT_MAX },
    error: texts.weightError,
  });
  named(SETTINGS_NAMES.weightPerception, weightsRow + 1);
  named(SETTINGS_NAMES.weightImpact, weightsRow + 2);

  const levelBlock = (scale: Scale, name: string, note?: string): void => {
    const row = cursor.block(1 + scale.levels.length);
    put(sheet, row, 1, [[text(scale.title[language]), note ? text(note) : null]]);
    style(sheet, rect(row, 1), { bold: true });
    if (note) style(sheet, rect(row, 2), NOTE_STYLE);
    put(
      sheet,
      row + 1,
      1,
      scale.levels.map((level) => [num(level.value), text(level[language])])
    );
    style(sheet, rect(row + 1, 1, scale.levels.length, 2), { border: true, horizontal: "left" });
    named(name, row + 1, VALUE_COL, scale.levels.length);
  };
  levelBlock(PERCEPTION, SETTINGS_NAMES.perceptionLevels);
  levelBlock(IMPACT, SETTINGS_NAMES.impactLevels);
  levelBlock(COMPETITION, SETTINGS_NAMES.competitionLevels, t.competitionNote);

  const kindBlock = (heading: string, kinds: readonly Kind[], name: string): void => {
    const row = cursor.block(1 + kinds.length);
    put(sheet, row, 1, [[text(heading)]]);
    style(sheet, rect(row, 1), { bold: true });
    put(
      sheet,
      row + 1,
      VALUE_COL,
      kinds.map((kind): CellValue[] => [text(kind[language])])
    );
    style(sheet, rect(row + 1, VALUE_COL, kinds.length, 1), { border: true });
    named(name, row + 1, VALUE_COL, kinds.length);
  };
  kindBlock(t.clienteleTypes, CLIENTELE_TYPES, SETTINGS_NAMES.clienteleTypes);
  kindBlock(t.needTypes, NEED_TYPES, SETTINGS_NAMES.needTypes);
  kindBlock(t.segmentTypes, SEGMENT_TYPES, SETTINGS_NAMES.segmentTypes);

  const statuses = cursor.block(1 + CHECKLIST_STATUSES.length);
  put(sheet, statuses, 1, [[text(t.statuses)]]);
  style(sheet, rect(statuses, 1), { bold: true });
  put(
    sheet,
    statuses + 1,
    VALUE_COL,
    CHECKLIST_STATUSES.map((status): CellValue[] => [text(statusCellLabel(status, language))])
  );
  style(sheet, rect(statuses + 1, VALUE_COL, CHECKLIST_STATUSES.length, 1), { border: true });
  named(SETTINGS_NAMES.checklistStatuses, statuses + 1, VALUE_COL, CHECKLIST_STATUSES.length);

  const strategies = Object.values(STRATEGIES);
  const strategyRow = cursor.block(1 + strategies.length);
  put(sheet, strategyRow, 1, [[text(t.strategies)]]);
  style(sheet, rect(strategyRow, 1), { bold: true });
  put(
    sheet,
    strategyRow + 1,
    VALUE_COL,
    strategies.map((strategy): CellValue[] => [
      text(strategy[language]),
      text(strategySentence(strategy.id, language)),
    ])
  );
  style(sheet, rect(strategyRow + 1, VALUE_COL, strategies.length, 2), { border: true });
  named(SETTINGS_NAMES.strategyLabels, strategyRow + 1, VALUE_COL, strategies.length);
  named(SETTINGS_NAMES.strategyExplanations, strategyRow + 1, VALUE_COL + 1, strategies.length);

  // The palette, then its three stops, under the lists, so that the cells above keep their rows.
  const stops = palette.stops;
  const colours = cursor.block(2 + stops.length);
  put(sheet, colours, 1, [
    [text(t.colours)],
    [text(t.palette), text(palette.name), text(t.paletteNote)],
  ]);
  style(sheet, rect(colours, 1), { bold: true });
  input(colours + 1, 1);
  style(sheet, rect(colours + 1, VALUE_COL + 1), NOTE_STYLE);
  named(SETTINGS_NAMES.palette, colours + 1);
  sheet.validations.push({
    rect: rect(colours + 1, VALUE_COL),
    rule: { kind: "list", source: [...PALETTE_NAMES] },
    error: { title: "Palette", message: PALETTE_NAMES.join(" / ") },
  });
  const labels = stopLabels(palette, language);
  const firstStop = colours + 2;
  put(
    sheet,
    firstStop,
    1,
    stops.map((stop, i) => [num(stop.value), text(labels[i])])
  );
  style(sheet, rect(firstStop, 1, stops.length, 1), {
    bold: true,
    horizontal: "center",
    border: true,
  });
  scoreColours(sheet, rect(firstStop, 1, stops.length, 1), palette);

  // What only the deliverables show, under the colours: every cell above keeps its row (tests,
  // guides and workbooks built earlier name them), and the reader finds these by their names.
  const deliverables = cursor.block(3);
  const organisation = template ? undefined : study.organisation;
  const currency = template ? undefined : study.currency;
  put(sheet, deliverables, 1, [
    [text(t.deliverables), null, null],
    [text(t.organisation), organisation ? text(organisation) : null, text(t.organisationNote)],
    [text(t.currency), currency ? text(currency) : null, text(t.currencyNote)],
  ]);
  style(sheet, rect(deliverables, 1), { bold: true });
  input(deliverables + 1, 2);
  style(sheet, rect(deliverables + 1, VALUE_COL + 1, 2, 1), NOTE_STYLE);
  named(SETTINGS_NAMES.organisation, deliverables + 1);
  named(SETTINGS_NAMES.currency, deliverables + 2);

  sheet.columnWidths.push({ col: 1, width: 44 }, { col: 2, width: 30 }, { col: 3, width: 70 });
  return sheet;
}

function read(context: ReadContext): void {
  readLanguage(context);
  readTitle(context);
  readPalette(context);
  readWeights(context);
  readStudyText(context, "organisation", SETTINGS_NAMES.organisation);
  readStudyText(context, "currency", SETTINGS_NAMES.currency);
}

/** The organisation or the currency; a workbook built before they were kept has neither name. */
function readStudyText(
  { grids, problems, draft }: ReadContext,
  field: StudyTextField,
  name: string
): void {
  const cell = namedArea(grids, name);
  if (!cell) return;
  const { row, col } = cell.rect;
  const value = checkStudyText(
    cellText(cellAt(cell.grid, row, col)),
    field,
    where(cell.grid, row, col),
    problems
  );
  if (value !== undefined) draft[field] = value;
}

/** The palette's name; a cell left empty, or a workbook from before the palette, is the default. */
function readPalette({ grids, problems, draft }: ReadContext): void {
  const cell = namedArea(grids, SETTINGS_NAMES.palette);
  if (!cell) return;
  const { row, col } = cell.rect;
  const value = cellText(cellAt(cell.grid, row, col))
    .trim()
    .toLowerCase();
  if (value === "") return;
  const palette = checkPalette(value, value, where(cell.grid, row, col), problems);
  if (palette !== undefined && palette !== "default") draft.palette = palette;
}

function readLanguage({ grids, problems, draft }: ReadContext): void {
  const cell = namedArea(grids, SETTINGS_NAMES.language);
  if (!cell) return;
  const { row, col } = cell.rect;
  const value = cellText(cellAt(cell.grid, row, col))
    .trim()
    .toLowerCase();
  if (value === "") return;
  const language = checkLanguage(value, value, where(cell.grid, row, col), problems);
  if (language !== undefined) draft.language = language;
}

function readTitle({ grids, problems, draft }: ReadContext): void {
  const cell = namedArea(grids, SETTINGS_NAMES.title);
  if (!cell) return;
  const { row, col } = cell.rect;
  const value = cellText(cellAt(cell.grid, row, col)).trim();
  const title = checkTitle(value, where(cell.grid, row, col), problems);
  if (title !== undefined) draft.title = title;
}

function readWeights({ grids, problems, draft }: ReadContext): void {
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  let ok = true;
  const missing: string[] = [];
  const entries: ["perception" | "impact", string][] = [
    ["perception", SETTINGS_NAMES.weightPerception],
    ["impact", SETTINGS_NAMES.weightImpact],
  ];
  for (const [key, name] of entries) {
    const cell = namedArea(grids, name);
    if (!cell) {
      missing.push(name);
      continue;
    }
    const { row, col } = cell.rect;
    const raw = cellAt(cell.grid, row, col);
    if (raw === null || (typeof raw === "string" && raw.trim() === "")) continue;
    const at = where(cell.grid, row, col);
    const weight = checkWeight(cellNumber(raw), cellText(raw), at, problems);
    if (weight === undefined) ok = false;
    else weights[key] = weight;
  }
  if (missing.length > 0) problems.push(msg.weightMissing(missing, DEFAULT_WEIGHTS.perception));
  draft.weights = ok ? weights : undefined;
}

export const SETTINGS_SHEET = {
  role: "settings",
  names: SETTINGS_NAMES,
  anchor: SETTINGS_NAMES.weightPerception,
  tabColour: "#7F7F7F",
  inTemplate: true,
  plan,
  read,
} satisfies SheetModule<"settings">;
