/**
 * The preview's "calculation": the values the workbook's formulas would show, computed by the method
 * itself, never by parsing formula text. Each formula cell of a plan is known by where it sits:
 *   - Évaluation, the score column: the row's perception and impact labels, looked up in the level
 *     lists of the settings sheet (as MATCH does), scored by pairScore with the settings' weights;
 *   - Matrice, inside SM_Matrix: the tick at the same address of the tick table and the one ratings
 *     row naming the pair (as the matrix formula does), scored the same way;
 *   - Matrice, elsewhere: the tick table's cell at the same address (the header mirrors).
 *   - Segments, Check-list, Ciblage: the study read back from the sheets (readStudy), planned again,
 *     gives each computed cell its value (mean scores, potentials, counts, the strategy), by the
 *     method's own functions.
 * Other formula cells keep the value their plan stored.
 */
import { isMark } from "../../method/marks";
import { pairScore } from "../../method/score";
import { STRATEGIES, strategySentence, targetingStrategy } from "../../method/segments";
import { Study, emptySegment, nameKey } from "../../method/study";
import {
  SourcedFigure,
  SourcedValues,
  figuresFromData,
  sourcedFigures,
} from "../../method/segment-figures";
import { figuresChangedText } from "../../i18n/figures-source";
import { Rect } from "../../layout/a1";
import { GridValue, WorkbookGrids, cellAt, cellText } from "../../layout/grids";
import { NAMES, buildPlan, readStudy } from "../../layout";
import { ratingsTableAt } from "../../layout/sheets/ratings";
import { SheetPlan, SheetRole } from "../../layout/plan";
import { crossTableFrom } from "../../layout/sheets/grid";

export interface ComputedSheet {
  name: string;
  plan?: SheetPlan;
  values: GridValue[][];
  /** Its figures given by the study read back could not be given (a sheet holds an error). */
  stale?: boolean;
}

/**
 * The cells of a plan's formula fills, as [row, col] (1-based): the scores and the mirrored
 * headings. A formula written in a single block cell (a segment's label over the matrix) keeps the
 * value its plan stored.
 */
export function formulaCells(plan: SheetPlan): [number, number][] {
  const cells: [number, number][] = [];
  for (const { rect } of plan.fills)
    for (let i = 0; i < rect.rows; i++)
      for (let j = 0; j < rect.cols; j++) cells.push([rect.row + i, rect.col + j]);
  return cells;
}

function setCell(values: GridValue[][], row: number, col: number, value: GridValue): void {
  while (values.length < row) values.push([]);
  const line = values[row - 1];
  while (line.length < col) line.push(null);
  line[col - 1] = value;
}

/** Excel's "=" between two cells: text ignores case; an empty cell equals "". */
function sameCell(a: GridValue, b: GridValue): boolean {
  const left = a === null ? "" : a;
  const right = b === null ? "" : b;
  if (typeof left === "string" && typeof right === "string")
    return left.toLowerCase() === right.toLowerCase();
  return left === right;
}

/** A number as Excel's arithmetic takes it: empty is 0, numeric text counts, anything else fails. */
function asNumber(value: GridValue): number | undefined {
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const parsed = Number(value.trim());
  return value.trim() !== "" && Number.isFinite(parsed) ? parsed : undefined;
}

function namedRect(grids: WorkbookGrids, name: string): { sheet: string; rect: Rect } | undefined {
  const named = grids.names.find((n) => n.name === name);
  return named && { sheet: named.sheet, rect: named.rect };
}

function gridOf(grids: WorkbookGrids, sheet: string) {
  return grids.sheets.find((s) => s.name === sheet);
}

/** The values of a named single-column range, top to bottom (MATCH's lookup list). */
function namedColumn(grids: WorkbookGrids, name: string): GridValue[] {
  const named = namedRect(grids, name);
  const grid = named && gridOf(grids, named.sheet);
  if (!named || !grid) return [];
  const out: GridValue[] = [];
  for (let r = 0; r < named.rect.rows; r++)
    out.push(cellAt(grid, named.rect.row + r, named.rect.col));
  return out;
}

function namedCell(grids: WorkbookGrids, name: string): GridValue | undefined {
  const named = namedRect(grids, name);
  const grid = named && gridOf(grids, named.sheet);
  return named && grid ? cellAt(grid, named.rect.row, named.rect.col) : undefined;
}

/** MATCH(value, list, 0): 1-based position of the first equal cell, or undefined. */
function match(value: GridValue, list: readonly GridValue[]): number | undefined {
  if (value === null || cellText(value) === "") return undefined;
  const index = list.findIndex((entry) => entry !== null && sameCell(entry, value));
  return index < 0 ? undefined : index + 1;
}

interface Scorer {
  /** The score of a perception and an impact label, or "" when either is no level (IFERROR). */
  score(perception: GridValue, impact: GridValue): number | "";
}

function scorer(grids: WorkbookGrids): Scorer {
  const perceptions = namedColumn(grids, NAMES.perceptionLevels);
  const impacts = namedColumn(grids, NAMES.impactLevels);
  const wp = asNumber(namedCell(grids, NAMES.weightPerception) ?? null);
  const wi = asNumber(namedCell(grids, NAMES.weightImpact) ?? null);
  return {
    score(perception, impact) {
      const p = match(perception, perceptions);
      const i = match(impact, impacts);
      if (p === undefined || i === undefined || wp === undefined || wi === undefined) return "";
      const value = pairScore(p, i, { perception: wp, impact: wi });
      return Number.isFinite(value) ? value : "";
    },
  };
}

const shown = (value: number | ""): GridValue => (value === "" ? null : value);

/** Fills every formula cell of the managed sheets with what Excel would show. Mutates `sheets`. */
export function recompute(book: {
  sheets: ComputedSheet[];
  names: WorkbookGrids["names"];
  tables: WorkbookGrids["tables"];
}): void {
  const grids: WorkbookGrids = {
    sheets: book.sheets.map(({ name, values }) => ({ name, values })),
    names: book.names,
    tables: book.tables,
  };
  const { score } = scorer(grids);

  // Évaluation first: the matrix reads the same rows.
  const ratings = book.sheets.find((s) => s.plan?.role === "ratings");
  const table = ratingsTableAt(grids);
  if (ratings?.plan && table && table.sheet === ratings.name) {
    const { col } = table;
    const grid = { name: ratings.name, values: ratings.values };
    for (const [row, c] of formulaCells(ratings.plan)) {
      if (c !== col("score")) continue;
      const clientele = cellAt(grid, row, col("clientele"));
      const need = cellAt(grid, row, col("need"));
      const value =
        cellText(clientele) === "" || cellText(need) === ""
          ? ""
          : score(cellAt(grid, row, col("perception")), cellAt(grid, row, col("impact")));
      setCell(ratings.values, row, c, shown(value));
    }
  }

  const matrix = book.sheets.find((s) => s.plan?.role === "matrix");
  const ticksName = namedRect(grids, NAMES.ticks)?.sheet;
  const ticks = ticksName === undefined ? undefined : gridOf(grids, ticksName);
  const body = namedRect(grids, NAMES.matrix);
  if (matrix?.plan && ticks && body && body.sheet === matrix.name) {
    const grid = { name: matrix.name, values: matrix.values };
    const inBody = (row: number, col: number): boolean =>
      row >= body.rect.row &&
      row < body.rect.row + body.rect.rows &&
      col >= body.rect.col &&
      col < body.rect.col + body.rect.cols;
    const cells = formulaCells(matrix.plan);
    // Mirrors first: the body reads the matrix's own headers.
    for (const [row, col] of cells) {
      if (inBody(row, col)) continue;
      setCell(matrix.values, row, col, cellAt(ticks, row, col));
    }
    const rows = ratingRows(grids);
    const { headerRow, nameCol } = crossTableFrom(body.rect);
    for (const [row, col] of cells) {
      if (!inBody(row, col)) continue;
      const header = cellAt(grid, headerRow, col);
      const need = cellAt(grid, row, nameCol);
      const tick = isMark(cellText(cellAt(ticks, row, col)));
      let value: number | "" = "";
      if (cellText(header) !== "" && cellText(need) !== "" && tick) {
        const found = rows.filter((r) => sameCell(r.clientele, header) && sameCell(r.need, need));
        if (found.length === 1) value = score(found[0].perception, found[0].impact);
      }
      setCell(matrix.values, row, col, shown(value));
    }
  }

  recomputeFromStudy(book.sheets, {
    sheets: book.sheets.map(({ name, values }) => ({ name, values })),
    names: book.names,
    tables: book.tables,
  });
}

/** The sheets whose computed cells the method gives through the study read back. */
const FROM_STUDY: readonly SheetRole[] = ["segments", "checklist", "targeting", "diagnostic"];

/** The cells of a plan's blocks that hold a formula (a trimmed segment's size): row:col. */
function blockFormulaCells(plan: SheetPlan): Set<string> {
  const cells = new Set<string>();
  for (const block of plan.blocks)
    block.values.forEach((line, i) =>
      line.forEach((value, j) => {
        if (value?.kind === "formula") cells.add(`${block.row + i}:${block.col + j}`);
      })
    );
  return cells;
}

function recomputeFromStudy(sheets: ComputedSheet[], grids: WorkbookGrids): void {
  const { study: read } = readStudy(grids);
  // A sheet holds an error: the computed cells wait for the consultant's fix, said as out of date.
  for (const sheet of sheets)
    sheet.stale = !read && sheet.plan?.role !== undefined && FROM_STUDY.includes(sheet.plan.role);
  if (!read) return;
  const changedSources = sourcesChanged(sheets, grids, read);
  const { study, placeholders, realSegments } = slotted(read, grids);
  const planned = buildPlan(study);
  const unslotted = (value: string | number): GridValue =>
    value === "" || (typeof value === "string" && placeholders.has(value)) ? null : value;
  for (const sheet of sheets) {
    const role = sheet.plan?.role;
    if (sheet.plan && role === "matrix") {
      const again = planned.sheets.find((candidate) => candidate.role === role);
      if (again)
        sheet.plan = { ...sheet.plan, conditionalFormats: hypothesesAgain(sheet.plan, again) };
      continue;
    }
    if (!sheet.plan || role === undefined || !FROM_STUDY.includes(role)) continue;
    const again = planned.sheets.find((candidate) => candidate.role === role);
    if (!again) continue;
    const formats = refreshedFormats(sheet.plan, again);
    sheet.plan = {
      ...sheet.plan,
      conditionalFormats: role === "checklist" ? masked(formats, realSegments) : formats,
    };
    // Only where this sheet has a computed cell: never over what the consultant typed.
    const computed = new Set(formulaCells(sheet.plan).map(([row, col]) => `${row}:${col}`));
    // A formula written in a block (the size a population gives) where this sheet has one too.
    const ownFormulas = blockFormulaCells(sheet.plan);
    for (const block of again.blocks)
      block.values.forEach((line, i) =>
        line.forEach((value, j) => {
          const [row, col] = [block.row + i, block.col + j];
          if (
            value?.kind === "formula" &&
            value.result !== undefined &&
            ownFormulas.has(`${row}:${col}`)
          )
            setCell(sheet.values, row, col, unslotted(value.result));
        })
      );
    for (const { rect, results } of again.fills) {
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.cols; j++) {
          const [row, col] = [rect.row + i, rect.col + j];
          const result = results?.[i]?.[j];
          if (computed.has(`${row}:${col}`) && result !== undefined)
            setCell(sheet.values, row, col, unslotted(result));
        }
    }
  }
  for (const { sheet, row, col, text } of changedSources) setCell(sheet.values, row, col, text);
  strategyAgain(sheets, grids, study, realSegments, placeholders);
}

/**
 * The figures' source (method/segment-figures.ts figuresSourceFormula), as Excel would show it: the
 * workbook holds the data's figures in its formula, here they are the figures the plan was built
 * with. A segment whose vouched-for figure the consultant typed over loses its source in `read`
 * (so the sheets planned again no longer claim it), and its cell says the figures changed.
 */
function sourcesChanged(
  sheets: ComputedSheet[],
  grids: WorkbookGrids,
  read: Study
): { sheet: ComputedSheet; row: number; col: number; text: string }[] {
  const sheet = sheets.find((candidate) => candidate.plan?.role === "segments");
  const area = (name: string) => grids.names.find((n) => n.name === name)?.rect;
  const names = area(NAMES.segmentNames);
  const source = area(NAMES.segmentSource);
  const rows = {
    size: area(NAMES.segmentSize)?.row,
    frequency: area(NAMES.segmentFrequency)?.row,
    basket: area(NAMES.segmentBasket)?.row,
  };
  if (!sheet?.plan || !names || !source) return [];
  const built = sheet.plan;
  const bySegment = new Map((read.segments ?? []).map((s) => [nameKey(s.name), s]));
  const changed: { sheet: ComputedSheet; row: number; col: number; text: string }[] = [];
  for (let col = names.col; col < names.col + names.cols; col++) {
    const segment = bySegment.get(nameKey(cellText(cellAt(sheet, names.row, col)).trim()));
    if (!segment?.figuresSource) continue;
    const figures = sourcedFigures(segment);
    const data: SourcedValues = {};
    const now: Partial<Record<SourcedFigure, unknown>> = {};
    for (const figure of figures) {
      const row = rows[figure];
      if (row === undefined) continue;
      const planned = plannedNumber(built, row, col);
      if (planned !== undefined) data[figure] = planned;
      now[figure] = cellAt(sheet, row, col);
    }
    if (figuresFromData(now, data, figures)) continue;
    changed.push({
      sheet,
      row: source.row,
      col,
      text: figuresChangedText(segment.figuresSource, read.language),
    });
    delete segment.figuresSource;
  }
  return changed;
}

/** The number a plan wrote at a cell (a formula's cached number too), if any. */
function plannedNumber(plan: SheetPlan, row: number, col: number): number | undefined {
  for (const block of plan.blocks) {
    const value = block.values[row - block.row]?.[col - block.col];
    if (!value) continue;
    if (value.kind === "number") return value.value;
    if (value.kind === "formula" && typeof value.result === "number") return value.result;
  }
  return undefined;
}

/**
 * The study with its offerings and segments at the rows and columns where the sheets hold them:
 * a slot left blank (an offering row, a segment column not yet named) gets a placeholder that no
 * typed name can equal, so that planning it again gives the sheets' own layout, cell for cell. (The
 * reader keeps names, not their places: planned from it alone, the first offering typed in the
 * third blank row would be planned in the first, and every figure below would move.)
 */
function slotted(
  study: Study,
  grids: WorkbookGrids
): { study: Study; placeholders: Set<string>; realSegments: boolean[] } {
  const placeholders = new Set<string>();
  const slot = (kind: string, index: number): string => {
    const placeholder = `\u0000${kind}${index}`;
    placeholders.add(placeholder);
    return placeholder;
  };
  const offeringTexts = namedTexts(grids, NAMES.offerings);
  const segmentTexts = namedTexts(grids, NAMES.segmentNames);
  const byKey = <T>(items: readonly T[], key: (item: T) => string) =>
    new Map(items.map((item) => [nameKey(key(item)), item]));
  const offeringsByKey = byKey(study.offerings ?? [], (o) => o);
  const segmentsByKey = byKey(study.segments ?? [], (s) => s.name);
  const offerings = offeringTexts.map(
    (text, i) => offeringsByKey.get(nameKey(text.trim())) ?? slot("offering", i)
  );
  const placedOfferings = new Set(offerings.map(nameKey));
  // Offerings typed past the block (the reader takes them) keep their places after it.
  for (const offering of study.offerings ?? [])
    if (!placedOfferings.has(nameKey(offering))) offerings.push(offering);
  const segments = segmentTexts.map(
    (text, i) => segmentsByKey.get(nameKey(text.trim())) ?? emptySegment(slot("segment", i))
  );
  const placedSegments = new Set(segments.map((s) => nameKey(s.name)));
  for (const segment of study.segments ?? [])
    if (!placedSegments.has(nameKey(segment.name))) segments.push(segment);
  const realSegments = segments.map((segment) => !placeholders.has(segment.name));
  if (offeringTexts.length === 0 && segmentTexts.length === 0)
    return { study, placeholders, realSegments };
  return {
    study: {
      ...study,
      ...(offerings.length > 0 ? { offerings } : {}),
      ...(segments.length > 0 ? { segments } : {}),
    },
    placeholders,
    realSegments,
  };
}

/** The texts of a named row or column, in order (none when the name is missing). */
function namedTexts(grids: WorkbookGrids, name: string): string[] {
  const named = namedRect(grids, name);
  const grid = named && gridOf(grids, named.sheet);
  if (!named || !grid) return [];
  const texts: string[] = [];
  for (let r = 0; r < named.rect.rows; r++)
    for (let c = 0; c < named.rect.cols; c++)
      texts.push(cellText(cellAt(grid, named.rect.row + r, named.rect.col + c)));
  return texts;
}

/** The checklist's rules hold in no column that has no segment yet (its cells are empty there). */
function masked(
  formats: SheetPlan["conditionalFormats"],
  realSegments: readonly boolean[]
): SheetPlan["conditionalFormats"] {
  return formats.map((format) =>
    format.rule.kind === "formula" && format.rule.holds
      ? {
          ...format,
          rule: {
            ...format.rule,
            holds: format.rule.holds.map((line) =>
              line.map((holds, j) => holds && realSegments[j] !== false)
            ),
          },
        }
      : format
  );
}

/**
 * The strategy and its sentence, from the marks over the named offerings and segments only (the
 * sheet's formula counts a named row or column, not a blank slot).
 */
function strategyAgain(
  sheets: ComputedSheet[],
  grids: WorkbookGrids,
  study: Study,
  realSegments: readonly boolean[],
  placeholders: ReadonlySet<string>
): void {
  const named = namedRect(grids, NAMES.targetStrategy);
  const sheet = named && sheets.find((s) => s.name === named.sheet);
  if (!named || !sheet) return;
  const offerings = study.offerings ?? [];
  const segments = study.segments ?? [];
  const offeringIndex = new Map(offerings.map((o, i) => [nameKey(o), i]));
  const segmentIndex = new Map(segments.map((s, i) => [nameKey(s.name), i]));
  const marks = (study.targets ?? []).flatMap((target) => {
    const offering = offeringIndex.get(nameKey(target.offering));
    const segment = segmentIndex.get(nameKey(target.segment));
    return offering === undefined || segment === undefined ? [] : [{ offering, segment }];
  });
  const strategy = targetingStrategy(
    marks,
    offerings.filter((o) => !placeholders.has(o)).length,
    realSegments.filter(Boolean).length
  );
  const { row, col } = named.rect;
  setCell(sheet.values, row, col, strategy ? STRATEGIES[strategy][study.language] : null);
  setCell(sheet.values, row + 1, col, strategy ? strategySentence(strategy, study.language) : null);
}

/**
 * The sheet's conditional formats with where each formula rule holds now (a status's colour, a ready
 * segment in green), taken from the sheet planned again: only for a rule at the same place with the
 * same formula, so that a layout the consultant changed keeps its own rules as they were.
 */
function refreshedFormats(current: SheetPlan, again: SheetPlan): SheetPlan["conditionalFormats"] {
  return current.conditionalFormats.map((format) => {
    if (format.rule.kind !== "formula") return format;
    const rule = format.rule;
    const match = again.conditionalFormats.find(
      (candidate) =>
        candidate.rule.kind === "formula" &&
        candidate.rule.formula === rule.formula &&
        candidate.rect.row === format.rect.row &&
        candidate.rect.col === format.rect.col &&
        candidate.rect.rows === format.rect.rows &&
        candidate.rect.cols === format.rect.cols
    );
    return match ? match : format;
  });
}

/**
 * The matrix's hypotheses (a scored pair whose n is empty) where they are now: a rule's formula names
 * the ratings rows it reaches, which grows with the pairs, so the rule planned again is matched by
 * its place and look instead. A study whose n were all emptied plans no such rule: the sheet keeps
 * what it showed last.
 */
function hypothesesAgain(current: SheetPlan, again: SheetPlan): SheetPlan["conditionalFormats"] {
  return current.conditionalFormats.map((format) => {
    const rule = format.rule;
    if (rule.kind !== "formula" || !rule.dottedBorder) return format;
    const match = again.conditionalFormats.find(
      (candidate) =>
        candidate.rule.kind === "formula" &&
        candidate.rule.dottedBorder === rule.dottedBorder &&
        candidate.rule.fontColour === rule.fontColour &&
        candidate.rect.row === format.rect.row &&
        candidate.rect.col === format.rect.col &&
        candidate.rect.rows === format.rect.rows &&
        candidate.rect.cols === format.rect.cols
    );
    return match ?? format;
  });
}

interface RatingRow {
  clientele: GridValue;
  need: GridValue;
  perception: GridValue;
  impact: GridValue;
}

/** The rows the matrix formulas look through: the named rating columns, row by row. */
function ratingRows(grids: WorkbookGrids): RatingRow[] {
  const clienteles = namedColumn(grids, NAMES.ratingClienteles);
  const needs = namedColumn(grids, NAMES.ratingNeeds);
  const perceptions = namedColumn(grids, NAMES.ratingPerceptions);
  const impacts = namedColumn(grids, NAMES.ratingImpacts);
  return clienteles.map((clientele, i) => ({
    clientele,
    need: needs[i] ?? null,
    perception: perceptions[i] ?? null,
    impact: impacts[i] ?? null,
  }));
}
