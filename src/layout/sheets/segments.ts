/**
 * "Segments": one column per segment, the shell of docs/method.md §4 filled in: name, Business Model
 * Canvas type, live mean score and yearly potential, its figures and free texts, then which
 * clientèles, needs and offerings belong to it (an X each). The offerings are typed here: this is
 * the study's list of offerings, which the targeting sheet mirrors.
 */
import { isMark } from "../../method/marks";
import { amountNumberFormat } from "../../i18n/numbers";
import * as msg from "../../messages";
import { ListField } from "../../messages";
import { Location, Problem } from "../../messages";
import { SEGMENT_TYPES } from "../../method/segments";
import { Segment, Trim, emptySegment, nameKey } from "../../method/study";
import { segmentPopulation, sizeFromPopulation, trimStep } from "../../method/checks/diagnostics";
import { NameList } from "../../method/checks/names";
import {
  SEGMENT_FIGURE_FIELDS,
  SEGMENT_TEXT_LISTS,
  segmentFigure,
  segmentMembers,
  segmentTexts,
  segmentType,
} from "../../method/checks/segments";
import { Rect, cellAddress, sheetRef } from "../a1";
import { GridValue, SheetGrid, cellAt, cellText, gridHeight } from "../grids";
import {
  POTENTIAL_FACTORS,
  SourcedValues,
  competitionFormula,
  figuresFromData,
  figuresSourceFormula,
  meanScoreFormula,
  potentialFormula,
  segmentCompetition,
  segmentMeanScore,
  segmentPotential,
  sourcedFigures,
  trimmedSize,
  trimmedSizeFormula,
} from "../../method/segment-figures";
import { COMPETITION, Language } from "../../method/levels";
import {
  figuresChangedText,
  figuresSourceText,
  readFiguresSourceText,
} from "../../i18n/figures-source";
import { KEY_ROW_FACTOR } from "./ratings";
import {
  COLOURS,
  NOTE_STYLE,
  emptySheet,
  fill,
  heading,
  kindLabel,
  mirroredText,
  namedArea,
  put,
  rect,
  style,
  where,
} from "../kit";
import { CellValue, SheetPlan, formula, num, text } from "../plan";
import { TRIM_FAMILIES, trimFamilyLabel } from "../../method/diagnostics";
import {
  PlanContext,
  ReadContext,
  SheetModule,
  cellNumber,
  definedName,
  sheetNames,
} from "../sheet";
import { crossTableFrom } from "./grid";

/** The defined names of this sheet's areas (layout/names.ts gathers every sheet's). */
const SEGMENTS_NAMES = sheetNames(
  "segmentNames",
  "segmentSize",
  "segmentFrequency",
  "segmentBasket",
  /**
   * Under the basket: where the size, frequency and basket come from when the customers' data gave
   * them (a live text that stops naming the data once a figure is typed over).
   */
  "segmentSource",
  "segmentPotential",
  "segmentMeanScore",
  /** The mean competition (0–4) of each segment's ticked pairs that have a level. */
  "segmentCompetition",
  /** The population each segment is trimmed from (docs/method.md §1), one row. */
  "segmentPopulation",
  /** The trimming steps under it: per step, family, criterion, share kept and what remains. */
  "segmentTrims",
  "segmentClienteles",
  "segmentNeeds",
  "segmentOfferings",
  "offerings"
);

/** Rows of a segment's column, under its name. */
export const SEGMENT_FIELDS = [
  "type",
  "meanScore",
  "competition",
  "size",
  "frequency",
  "basket",
  "source",
  "potential",
  "channels",
  "zones",
  "successFactors",
  "attributes",
  "personas",
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** Free texts: one cell each, one entry per line. */
const TEXT_FIELDS = SEGMENT_TEXT_LISTS;
const NUMBER_FIELDS = SEGMENT_FIGURE_FIELDS;

export const SEGMENTS = {
  noteRow: 3,
  headerRow: 5,
  labelCol: 1,
  firstCol: 2,
  /** Empty columns offered when the study has no segment yet. */
  blankSegments: 3,
  /** Empty rows offered when the study has no offering yet. */
  blankOfferings: 5,
  textRowHeight: 48,
  /** Two lines: the source's text wraps in a segment's column. */
  sourceRowHeight: 30,
} as const;

export function fieldRow(field: SegmentField, headerRow: number = SEGMENTS.headerRow): number {
  return headerRow + 1 + SEGMENT_FIELDS.indexOf(field);
}

/**
 * Where a workbook holds each field: a workbook built before the mean competition had its row (it
 * has no SM_SegmentCompetition) holds every field under the mean score one row higher, and one
 * built before the figures' source had its row (no SM_SegmentSource) holds the potential and the
 * texts one row higher: each is read there, never one row off.
 */
function fieldRowsOf(grids: ReadContext["grids"], headerRow: number): FieldRows {
  const has = (name: string) => grids.names.some((n) => n.name === name);
  const left = new Set<SegmentField>();
  if (!has(SEGMENTS_NAMES.segmentCompetition)) left.add("competition");
  if (!has(SEGMENTS_NAMES.segmentSource)) left.add("source");
  const fields: readonly SegmentField[] = SEGMENT_FIELDS.filter((field) => !left.has(field));
  return (field) => {
    const index = fields.indexOf(field);
    return index < 0 ? undefined : headerRow + 1 + index;
  };
}

/** The row of a field in the workbook being read; undefined when that workbook has no such row. */
type FieldRows = (field: SegmentField) => number | undefined;

/** The parts of a trimming step, one row each, in this order (docs/method.md §1). */
export const TRIM_ROWS = ["family", "criterion", "keep", "remaining"] as const;
export type TrimRow = (typeof TRIM_ROWS)[number];

/**
 * The trimming funnel under the fields: the population, then each step's rows. Steps: as many as
 * the segment with the most criteria, and one more to type a new criterion in.
 */
export function funnelRows(steps: number): {
  population: number;
  step: (index: number, part: TrimRow) => number;
  last: number;
} {
  const population = fieldRow("personas") + 1;
  return {
    population,
    step: (index, part) => population + 1 + index * TRIM_ROWS.length + TRIM_ROWS.indexOf(part),
    last: population + steps * TRIM_ROWS.length,
  };
}

/** Steps the funnel offers: the most criteria a segment has, plus one empty step. */
export function funnelSteps(segments: readonly (Segment | undefined)[]): number {
  return Math.max(0, ...segments.map((s) => s?.trims?.length ?? 0)) + 1;
}

/** The membership blocks, stacked under the fields and the funnel with one blank row and a heading each. */
function blockRows(clienteles: number, needs: number, steps: number): Record<ListField, number> {
  const first = funnelRows(steps).last + 3;
  return {
    clienteles: first,
    needs: first + clienteles + 2,
    offerings: first + clienteles + 2 + needs + 2,
  };
}

function plan({ study, language, texts, names }: PlanContext): SheetPlan {
  const t = texts.segments;
  const sheet = emptySheet("segments", texts.sheets.segments, SEGMENTS_SHEET.tabColour);
  const segments: (Segment | undefined)[] =
    study.segments && study.segments.length > 0
      ? study.segments
      : new Array<undefined>(SEGMENTS.blankSegments).fill(undefined);
  const offerings: (string | undefined)[] =
    study.offerings && study.offerings.length > 0
      ? study.offerings
      : new Array<undefined>(SEGMENTS.blankOfferings).fill(undefined);
  const count = segments.length;
  const { headerRow, labelCol, firstCol } = SEGMENTS;
  const lastCol = firstCol + count - 1;
  const columns = (row: number, rows = 1): Rect => rect(row, firstCol, rows, count);
  const steps = funnelSteps(segments);
  const funnel = funnelRows(steps);
  const blocks = blockRows(study.clienteles.length, study.needs.length, steps);
  const sizes: Record<ListField, number> = {
    clienteles: study.clienteles.length,
    needs: study.needs.length,
    offerings: offerings.length,
  };
  const named = (name: string, area: Rect): void => {
    names.push({ name, sheet: sheet.name, rect: area });
  };

  heading(sheet, t.title, t.instructions);
  put(sheet, SEGMENTS.noteRow, 1, [[text(t.candidateNote)]]);
  style(sheet, rect(SEGMENTS.noteRow, 1), NOTE_STYLE);

  // The segments' names across, their fields down.
  put(sheet, headerRow, labelCol, [[text(t.segment)]]);
  put(sheet, headerRow, firstCol, [segments.map((s) => (s ? text(s.name) : null))]);
  // The fields' labels, then the funnel's (one block: one call for Excel).
  const stepLabel = (index: number, part: TrimRow): string =>
    `${t.trimStep} ${index + 1} — ${t.trimParts[part]}`;
  put(sheet, headerRow + 1, labelCol, [
    ...SEGMENT_FIELDS.map((field) => [text(t[field])]),
    [text(t.population)],
    ...Array.from({ length: steps }, (_, index) =>
      TRIM_ROWS.map((part) => [text(stepLabel(index, part))])
    ).flat(),
  ]);
  put(sheet, fieldRow("type"), firstCol, [
    segments.map((s) => kindLabel(SEGMENT_TYPES, s?.type, language)),
  ]);
  // A segment with a population: its size is the population trimmed, live (docs/method.md §1).
  const keepCells = (col: number, upTo: number): string[] =>
    Array.from({ length: upTo }, (_, index) => cellAddress(funnel.step(index, "keep"), col));
  const trimmedSizeCell = (col: number, upTo: number): string =>
    trimmedSizeFormula(cellAddress(funnel.population, col), keepCells(col, upTo));
  put(
    sheet,
    fieldRow("size"),
    firstCol,
    NUMBER_FIELDS.map((field) =>
      segments.map((s, i): CellValue => {
        if (field === "size" && s?.population !== undefined)
          return formula(trimmedSizeCell(firstCol + i, steps), s.size ?? "");
        return s?.[field] === undefined ? null : num(s[field] as number);
      })
    )
  );
  // Where the figures come from, beside them: a live text that names the customers' data while
  // the figures are still the data's, and says they changed once one is typed over.
  if (segments.some((s) => s?.figuresSource !== undefined))
    put(sheet, fieldRow("source"), firstCol, [
      segments.map((s, i): CellValue => (s ? sourceCell(s, firstCol + i, language) : null)),
    ]);
  put(
    sheet,
    fieldRow("channels"),
    firstCol,
    TEXT_FIELDS.map((field) =>
      segments.map((s): CellValue => (s && s[field].length > 0 ? text(s[field].join("\n")) : null))
    )
  );

  // The funnel: the population, then per step its family, criterion and share kept (typed) and
  // what remains of the population after it (live).
  if (segments.some((s) => s?.population !== undefined))
    put(sheet, funnel.population, firstCol, [
      segments.map((s): CellValue => (s?.population === undefined ? null : num(s.population))),
    ]);
  for (let index = 0; index < steps; index++) {
    const trims = segments.map((s) => s?.trims?.[index]);
    if (trims.some((trim) => trim !== undefined))
      put(sheet, funnel.step(index, "family"), firstCol, [
        trims.map((trim) => (trim ? text(trimFamilyLabel(trim.family, language)) : null)),
        trims.map((trim) => (trim ? text(trim.criterion) : null)),
        trims.map((trim) => (trim ? num(trim.keep) : null)),
      ]);
    fill(sheet, columns(funnel.step(index, "remaining")), trimmedSizeCell(firstCol, index + 1), [
      segments.map((s) =>
        s?.population === undefined
          ? ""
          : (trimmedSize(
              s.population,
              (s.trims ?? []).slice(0, index + 1).map((trim) => trim.keep)
            ) ?? "")
      ),
    ]);
  }

  // Membership: clientèles and needs mirror the matrix's headings (so they follow its order and any
  // rename); offerings are typed here.
  const memberNames: Record<ListField, string[]> = {
    clienteles: study.clienteles.map((c) => c.name),
    needs: study.needs.map((n) => n.name),
    offerings: offerings.map((o) => o ?? ""),
  };
  const headings: Record<ListField, string> = {
    clienteles: t.clienteles,
    needs: t.needs,
    offerings: t.offerings,
  };
  for (const field of ["clienteles", "needs", "offerings"] as const) {
    const first = blocks[field];
    put(sheet, first - 1, labelCol, [[text(headings[field])]]);
    style(sheet, rect(first - 1, labelCol), { bold: true });
    if (field === "offerings") {
      put(
        sheet,
        first,
        labelCol,
        offerings.map((o) => [o === undefined ? null : text(o)])
      );
    } else {
      const list =
        field === "clienteles" ? definedName("matrixClienteles") : definedName("matrixNeeds");
      const anchor = cellAddress(first, labelCol, { row: true });
      fill(
        sheet,
        rect(first, labelCol, sizes[field], 1),
        `INDEX(${list},ROWS(${anchor}:${cellAddress(first, labelCol)}))&""`,
        memberNames[field].map((name) => [name])
      );
    }
    const members = segments.map((s) => new Set((s?.[field] ?? []).map(nameKey)));
    put(
      sheet,
      first,
      firstCol,
      memberNames[field].map((name) =>
        members.map((set): CellValue => (name !== "" && set.has(nameKey(name)) ? text("X") : null))
      )
    );
    const area = rect(first, firstCol, sizes[field], count);
    style(sheet, area, { border: true, horizontal: "center", bold: true, fill: COLOURS.input });
    style(sheet, rect(first, labelCol, sizes[field], 1), {
      border: true,
      fill: field === "offerings" ? COLOURS.input : COLOURS.header,
    });
    sheet.validations.push({
      rect: area,
      rule: { kind: "list", source: ["X"] },
      error: t.markError,
    });
    named(
      field === "clienteles"
        ? SEGMENTS_NAMES.segmentClienteles
        : field === "needs"
          ? SEGMENTS_NAMES.segmentNeeds
          : SEGMENTS_NAMES.segmentOfferings,
      area
    );
  }
  named(SEGMENTS_NAMES.offerings, rect(blocks.offerings, labelCol, sizes.offerings, 1));

  // Live figures: the mean score of its pairs, and the yearly potential.
  const marks = (field: ListField): string =>
    `${cellAddress(blocks[field], firstCol, { row: true })}:${cellAddress(blocks[field] + sizes[field] - 1, firstCol, { row: true })}`;
  fill(
    sheet,
    columns(fieldRow("meanScore")),
    meanScoreFormula(definedName("matrix"), marks("clienteles"), marks("needs")),
    [segments.map((s) => (s ? meanScore(s, study) : ""))]
  );
  fill(
    sheet,
    columns(fieldRow("competition")),
    competitionFormula({
      keys: definedName("ratingKeys"),
      competitions: definedName("ratingCompetitions"),
      levels: definedName("competitionLevels"),
      levelCount: COMPETITION.levels.length,
      keyRowFactor: KEY_ROW_FACTOR,
      matrixNeeds: definedName("matrixNeeds"),
      matrixClienteles: definedName("matrixClienteles"),
      clienteleMarks: marks("clienteles"),
      needMarks: marks("needs"),
    }),
    [segments.map((s) => (s ? competitionOf(s, study) : ""))]
  );
  const figure = (field: SegmentField): string => cellAddress(fieldRow(field), firstCol);
  fill(
    sheet,
    columns(fieldRow("potential")),
    potentialFormula(figure("size"), figure("basket"), POTENTIAL_FACTORS.map(figure)),
    [segments.map((s) => (s ? potentialOf(s) : ""))]
  );

  // Styles and dropdowns.
  style(sheet, rect(headerRow, labelCol, 1, count + 1), {
    bold: true,
    fill: COLOURS.header,
    border: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
  });
  style(sheet, rect(headerRow + 1, labelCol, funnel.last - headerRow, 1), {
    bold: true,
    border: true,
    vertical: "top",
    wrap: true,
  });
  style(sheet, columns(headerRow, 1), { fill: COLOURS.input });
  for (const field of ["type", "size", "frequency", "basket"] as const)
    style(sheet, columns(fieldRow(field)), { fill: COLOURS.input, border: true });
  // Every count and amount with its thousands separator, as the potential (the study's language
  // decides which: the client PDF is printed in it); basket and potential with the currency.
  style(sheet, columns(fieldRow("size")), { numberFormat: "#,##0" });
  style(sheet, columns(fieldRow("frequency")), { numberFormat: "#,##0.0" });
  style(sheet, columns(fieldRow("basket")), {
    numberFormat: amountNumberFormat(language, study.currency, 2),
  });
  // The mean score and the mean competition, one under the other, look alike.
  style(sheet, columns(fieldRow("meanScore"), 2), {
    border: true,
    bold: true,
    horizontal: "center",
    numberFormat: "0.0",
  });
  style(sheet, columns(fieldRow("potential")), {
    border: true,
    bold: true,
    numberFormat: amountNumberFormat(language, study.currency, 0),
  });
  style(sheet, columns(fieldRow("channels"), TEXT_FIELDS.length), {
    fill: COLOURS.input,
    border: true,
    wrap: true,
    vertical: "top",
  });
  // The funnel: typed rows in the input colour, each step's remainder bold like the potential.
  style(sheet, columns(funnel.population), {
    fill: COLOURS.input,
    border: true,
    numberFormat: "#,##0",
  });
  for (let index = 0; index < steps; index++) {
    style(sheet, columns(funnel.step(index, "family"), 3), {
      fill: COLOURS.input,
      border: true,
      wrap: true,
      vertical: "top",
    });
    style(sheet, columns(funnel.step(index, "keep")), { numberFormat: "0.0%" });
    style(sheet, columns(funnel.step(index, "remaining")), {
      border: true,
      bold: true,
      numberFormat: "#,##0",
    });
    sheet.validations.push(
      {
        rect: columns(funnel.step(index, "family")),
        rule: { kind: "list", source: TRIM_FAMILIES.map((family) => family[language]) },
        error: t.familyError,
      },
      {
        rect: columns(funnel.step(index, "keep")),
        rule: { kind: "decimal", min: 0, max: 1 },
        error: t.keepError,
      }
    );
  }
  sheet.validations.push({
    rect: columns(funnel.population),
    rule: { kind: "decimal", min: 0, max: 1e15 },
    error: t.numberError,
  });
  sheet.rowHeights = TEXT_FIELDS.map((field) => ({
    row: fieldRow(field),
    height: SEGMENTS.textRowHeight,
  }));
  style(sheet, columns(fieldRow("source")), { ...NOTE_STYLE, border: true, wrap: true });
  if (segments.some((s) => s?.figuresSource !== undefined))
    sheet.rowHeights.push({ row: fieldRow("source"), height: SEGMENTS.sourceRowHeight });
  sheet.validations.push({
    rect: columns(fieldRow("type")),
    rule: { kind: "listRange", formula: definedName("segmentTypes") },
    error: t.typeError,
  });
  sheet.validations.push({
    rect: columns(fieldRow("size"), NUMBER_FIELDS.length),
    rule: { kind: "decimal", min: 0, max: 1e15 },
    error: t.numberError,
  });
  sheet.columnWidths.push({ col: labelCol, width: 44 });
  for (let col = firstCol; col <= lastCol; col++) sheet.columnWidths.push({ col, width: 26 });
  sheet.freeze = { rows: headerRow, cols: labelCol };

  named(SEGMENTS_NAMES.segmentNames, columns(headerRow));
  named(SEGMENTS_NAMES.segmentMeanScore, columns(fieldRow("meanScore")));
  named(SEGMENTS_NAMES.segmentCompetition, columns(fieldRow("competition")));
  named(SEGMENTS_NAMES.segmentSize, columns(fieldRow("size")));
  named(SEGMENTS_NAMES.segmentFrequency, columns(fieldRow("frequency")));
  named(SEGMENTS_NAMES.segmentBasket, columns(fieldRow("basket")));
  named(SEGMENTS_NAMES.segmentSource, columns(fieldRow("source")));
  named(SEGMENTS_NAMES.segmentPotential, columns(fieldRow("potential")));
  named(SEGMENTS_NAMES.segmentPopulation, columns(funnel.population));
  named(
    SEGMENTS_NAMES.segmentTrims,
    columns(funnel.step(0, "family"), funnel.last - funnel.population)
  );
  return sheet;
}

/**
 * A segment's source cell: empty without a source; else the formula of figuresSourceFormula over
 * its figures' cells, the figures it has now written as the data's (the study says they are), and
 * caching what the rule shows for them.
 */
function sourceCell(segment: Segment, col: number, language: Language): CellValue {
  const source = segment.figuresSource;
  if (!source) return null;
  const figures = sourcedFigures(segment);
  const data: SourcedValues = {};
  for (const figure of figures) if (segment[figure] !== undefined) data[figure] = segment[figure];
  const fromData = figuresSourceText(source, language, figures.includes("size"));
  const changed = figuresChangedText(source, language);
  const cells = {
    size: cellAddress(fieldRow("size"), col),
    frequency: cellAddress(fieldRow("frequency"), col),
    basket: cellAddress(fieldRow("basket"), col),
  };
  return formula(
    figuresSourceFormula(cells, data, figures, fromData, changed),
    figuresFromData(segment, data, figures) ? fromData : changed
  );
}

/** The mean score the sheet caches for a segment ("" when it holds no scored pair). */
export function meanScore(segment: Segment, study: PlanContext["study"]): number | "" {
  return segmentMeanScore(segment, study.pairs, study.weights) ?? "";
}

/** The mean competition the sheet caches for a segment ("" when no pair of it has a level). */
export function competitionOf(segment: Segment, study: PlanContext["study"]): number | "" {
  return segmentCompetition(segment, study.pairs) ?? "";
}

/** The potential the sheet caches for a segment ("" while a figure is missing). */
export function potentialOf(segment: Segment): number | "" {
  return segmentPotential(segment) ?? "";
}

// Reading.

/** Reads every segment column (past the planned ones too: a segment typed by hand counts). */
function read({ grids, problems, draft }: ReadContext): void {
  const named = grids.names.find((n) => n.name === SEGMENTS_NAMES.segmentNames);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) return;
  const headerRow = named.rect.row;
  const firstCol = named.rect.col;
  const labelCol = firstCol - (SEGMENTS.firstCol - SEGMENTS.labelCol);
  // The planned columns, and those where anything is typed from the header down: a stray cell at
  // XFD1048576 adds one column to visit, and each column visits only its own cells.
  const byColumn = presentRowsByColumn(grid, headerRow);
  const columns = new Set<number>();
  for (let col = firstCol; col < firstCol + named.rect.cols; col++) columns.add(col);
  for (const col of byColumn.keys()) if (col >= firstCol) columns.add(col);

  const offerings = readOfferings(grids, problems);
  draft.offerings = offerings.map((o) => o.name);
  const lists: Record<ListField, Map<string, string>> = {
    clienteles: new Map(draft.clienteles.map((c) => [nameKey(c.name), c.name])),
    needs: new Map(draft.needs.map((n) => [nameKey(n.name), n.name])),
    offerings: new Map(offerings.map((o) => [nameKey(o.name), o.name])),
  };
  const blocks = (["clienteles", "needs", "offerings"] as const).map((field) => ({
    field,
    area: memberArea(grids, field, grid.name),
  }));

  const mirrors = tickHeadings(grids);
  const typedAt = tickHeadingCells(grids);
  const rows = fieldRowsOf(grids, headerRow);
  const funnel = funnelOf(grid, grids);

  const segments: Segment[] = [];
  const names = new NameList("segments", problems);
  for (const col of [...columns].sort((a, b) => a - b)) {
    const raw = cellText(cellAt(grid, headerRow, col));
    const at = where(grid, headerRow, col);
    const present = byColumn.get(col) ?? [];
    if (raw.trim() === "") {
      if (columnHasInput(grid, rows, col, blocks, present, funnel))
        problems.push(msg.segmentDataWithoutName(at, cellAddress(headerRow, col)));
      continue;
    }
    const name = names.add(raw, at);
    if (name === undefined) continue;
    const segment = emptySegment(name);
    readFields(grid, headerRow, rows, col, segment, problems);
    if (funnel) readFunnel(grid, funnel, col, segment, problems);
    const size = sizeFromPopulation(
      segment,
      segment.size,
      where(grid, rows("size") ?? headerRow, col),
      problems
    );
    if (size !== undefined) segment.size = size;
    else delete segment.size;
    for (const { field, area } of blocks) {
      if (area)
        readMembers(
          area,
          labelCol,
          col,
          present,
          field,
          lists[field],
          segment,
          problems,
          mirrors[field],
          typedAt[field]
        );
    }
    segments.push(segment);
  }
  if (segments.length > 0) draft.segments = segments;
  if (offerings.length === 0) delete draft.offerings;
}

function readFields(
  grid: SheetGrid,
  headerRow: number,
  rows: FieldRows,
  col: number,
  segment: Segment,
  problems: Problem[]
): void {
  const rowOf = (field: SegmentField): number => rows(field) ?? headerRow;
  const value = (field: SegmentField) => cellAt(grid, rowOf(field), col);
  const at = (field: SegmentField) => where(grid, rowOf(field), col);
  const type = cellText(value("type")).trim();
  const kind = segmentType(type, type, at("type"), segment.name, problems);
  if (kind !== undefined) segment.type = kind;
  for (const field of NUMBER_FIELDS) {
    const raw = value(field);
    if (raw === null || cellText(raw).trim() === "") continue;
    const figure = segmentFigure(field, cellNumber(raw), cellText(raw), at(field), problems);
    if (figure !== undefined) segment[field] = figure;
  }
  const sourceRow = rows("source");
  if (sourceRow !== undefined) {
    const shown = cellText(cellAt(grid, sourceRow, col)).trim();
    const read = shown === "" ? undefined : readFiguresSourceText(shown);
    if (read?.kind === "source") segment.figuresSource = read.source;
    // A text the add-in did not write there: said, not taken for a source.
    else if (shown !== "" && read === undefined)
      problems.push(msg.segmentSourceUnread(where(grid, sourceRow, col), segment.name, shown));
  }
  for (const field of TEXT_FIELDS) {
    const entries = cellText(value(field))
      .split("\n")
      .map((entry): [SegmentField, string] => [field, entry.trim()]);
    segment[field] = segmentTexts(field, entries, at, segment.name, problems);
  }
}

/**
 * Where the workbook holds the trimming funnel: its population row and its steps (found by their
 * names, so that a workbook built before the funnel, which has neither, is read without one).
 */
interface FunnelArea {
  population: number;
  firstStep: number;
  steps: number;
}

function funnelOf(grid: SheetGrid, grids: ReadContext["grids"]): FunnelArea | undefined {
  const population = grids.names.find(
    (n) => n.name === SEGMENTS_NAMES.segmentPopulation && n.sheet === grid.name
  );
  const trims = grids.names.find(
    (n) => n.name === SEGMENTS_NAMES.segmentTrims && n.sheet === grid.name
  );
  if (!population) return undefined;
  const firstStep = trims ? trims.rect.row : population.rect.row + 1;
  // Clamped to the rows the sheet holds: a name stretched to a billion rows reads what exists.
  const held = Math.max(0, Math.ceil((gridHeight(grid) - firstStep + 1) / TRIM_ROWS.length));
  return {
    population: population.rect.row,
    firstStep,
    steps: trims ? Math.min(Math.floor(trims.rect.rows / TRIM_ROWS.length), held) : 0,
  };
}

/** The rows of a step's part in the workbook being read. */
function stepRow(funnel: FunnelArea, index: number, part: TrimRow): number {
  return funnel.firstStep + index * TRIM_ROWS.length + TRIM_ROWS.indexOf(part);
}

/** A share typed as a number, "0,4" or "40 %" (a percentage typed into a text cell). */
function shareNumber(raw: GridValue): number | undefined {
  const shown = cellText(raw).trim();
  if (typeof raw === "string" && shown.endsWith("%")) {
    const value = cellNumber(shown.slice(0, -1));
    return value === undefined ? undefined : value / 100;
  }
  return cellNumber(raw);
}

/** A segment's population and trimming criteria, from its column of the funnel. */
function readFunnel(
  grid: SheetGrid,
  funnel: FunnelArea,
  col: number,
  segment: Segment,
  problems: Problem[]
): void {
  const raw = cellAt(grid, funnel.population, col);
  if (raw !== null && cellText(raw).trim() !== "") {
    const population = segmentPopulation(
      cellNumber(raw),
      cellText(raw),
      where(grid, funnel.population, col),
      problems
    );
    if (population !== undefined) segment.population = population;
  }
  const trims: Trim[] = [];
  for (let index = 0; index < funnel.steps; index++) {
    const part = <T>(name: TrimRow, value: (raw: GridValue) => T | undefined) => {
      const row = stepRow(funnel, index, name);
      const cell = cellAt(grid, row, col);
      const shown = cellText(cell).trim();
      return shown === "" ? undefined : { value: value(cell), shown, at: where(grid, row, col) };
    };
    const trim = trimStep(
      {
        family: part("family", (cell) => cellText(cell)),
        criterion: part("criterion", (cell) => cellText(cell).trim()),
        keep: part("keep", shareNumber),
      },
      where(grid, stepRow(funnel, index, "family"), col),
      segment.name,
      problems
    );
    if (trim) trims.push(trim);
  }
  if (trims.length > 0) segment.trims = trims;
}

/** The offerings typed under their heading (rows typed past the planned ones count too). */
function readOfferings(
  grids: ReadContext["grids"],
  problems: Problem[]
): { name: string; row: number }[] {
  const named = grids.names.find((n) => n.name === SEGMENTS_NAMES.offerings);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) return [];
  const found: { name: string; row: number }[] = [];
  const names = new NameList("offerings", problems);
  const lastRow = Math.max(named.rect.row + named.rect.rows - 1, gridHeight(grid));
  for (let row = named.rect.row; row <= lastRow; row++) {
    const raw = cellText(cellAt(grid, row, named.rect.col));
    if (raw.trim() === "") continue;
    const name = names.add(raw, where(grid, row, named.rect.col));
    if (name !== undefined) found.push({ name, row });
  }
  return found;
}

/**
 * What the membership labels mirror, by position: the k-th clientèle (need) heading of the matrix,
 * itself the k-th of the tick table (layout/sheets/matrix.ts). Offerings are typed, not mirrored.
 */
function tickHeadings(grids: ReadContext["grids"]): Record<ListField, (index: number) => string> {
  const ticks = namedArea(grids, definedName("ticks"));
  const none = (): string => "";
  if (!ticks) return { clienteles: none, needs: none, offerings: none };
  const { grid, rect: body } = ticks;
  const { headerRow, nameCol } = crossTableFrom(body);
  return {
    clienteles: (index) => cellText(cellAt(grid, headerRow, body.col + index)),
    needs: (index) => cellText(cellAt(grid, body.row + index, nameCol)),
    offerings: none,
  };
}

/**
 * Where each clientèle's and need's name is typed (the tick table's headings, which this sheet's
 * labels mirror), as "'Sheet'!C5": what a mark beside a blank label should send the consultant to.
 * An offering's label is typed in this sheet itself: undefined.
 */
function tickHeadingCells(
  grids: ReadContext["grids"]
): Record<ListField, (index: number) => string | undefined> {
  const ticks = namedArea(grids, definedName("ticks"));
  const none = (): undefined => undefined;
  if (!ticks) return { clienteles: none, needs: none, offerings: none };
  const { grid, rect: body } = ticks;
  const { headerRow, nameCol } = crossTableFrom(body);
  return {
    clienteles: (index) => sheetRef(grid.name, cellAddress(headerRow, body.col + index)),
    needs: (index) => sheetRef(grid.name, cellAddress(body.row + index, nameCol)),
    offerings: none,
  };
}

interface MemberArea {
  grid: SheetGrid;
  first: number;
  /** Last row read: the planned rows, and for offerings those typed below them. */
  last: number;
}

function memberArea(
  grids: ReadContext["grids"],
  field: ListField,
  sheet: string
): MemberArea | undefined {
  const name =
    field === "clienteles"
      ? SEGMENTS_NAMES.segmentClienteles
      : field === "needs"
        ? SEGMENTS_NAMES.segmentNeeds
        : SEGMENTS_NAMES.segmentOfferings;
  const named = grids.names.find((n) => n.name === name && n.sheet === sheet);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) return undefined;
  const planned = named.rect.row + named.rect.rows - 1;
  return {
    grid,
    first: named.rect.row,
    last: field === "offerings" ? Math.max(planned, gridHeight(grid)) : planned,
  };
}

function readMembers(
  area: MemberArea,
  labelCol: number,
  col: number,
  /** The rows of this column that hold a cell, in order. */
  present: readonly number[],
  field: ListField,
  known: Map<string, string>,
  segment: Segment,
  problems: Problem[],
  mirrored: (index: number) => string,
  typedAt: (index: number) => string | undefined
): void {
  const { grid } = area;
  // Each marked row's name, as the rows come: a problem of a row is said in the rows' order.
  function* named(): Generator<[number, string]> {
    for (const row of present) {
      if (row < area.first || row > area.last) continue;
      const mark = cellText(cellAt(grid, row, col)).trim();
      if (mark === "") continue;
      if (!isMark(mark)) {
        problems.push(msg.notAMark(where(grid, row, col), mark));
        continue;
      }
      const label = mirroredText(cellAt(grid, row, labelCol), () =>
        mirrored(row - area.first)
      ).trim();
      // An offering row left blank explains itself; a name refused above is said as unknown.
      if (label === "")
        problems.push(
          msg.markWithoutName(
            where(grid, row, col),
            typedAt(row - area.first) ?? cellAddress(row, labelCol)
          )
        );
      else yield [row, label];
    }
  }
  const locate = (row: number): Location => where(grid, row, col);
  segment[field] = segmentMembers(field, named(), known, locate, segment.name, problems);
}

/** Anything typed in a column whose name is empty: said, not silently dropped. */
function columnHasInput(
  grid: SheetGrid,
  rows: FieldRows,
  col: number,
  blocks: { area?: MemberArea }[],
  /** The rows of this column that hold a cell, in order. */
  present: readonly number[],
  funnel: FunnelArea | undefined
): boolean {
  const typed = (row: number): boolean => cellText(cellAt(grid, row, col)).trim() !== "";
  // The rows the consultant types in (the mean score, competition, potential, the figures' source
  // and what remains after each trimming step are formulas).
  const inputs = SEGMENT_FIELDS.filter(
    (f) => f !== "meanScore" && f !== "competition" && f !== "potential" && f !== "source"
  ).flatMap((f) => rows(f) ?? []);
  if (funnel) {
    inputs.push(funnel.population);
    for (let index = 0; index < funnel.steps; index++)
      for (const part of ["family", "criterion", "keep"] as const)
        inputs.push(stepRow(funnel, index, part));
  }
  if (inputs.some(typed)) return true;
  return blocks.some(({ area }) =>
    area ? present.some((row) => row >= area.first && row <= area.last && typed(row)) : false
  );
}

/** For each column, the rows from `fromRow` on where it holds a value, in order: O(cells present). */
function presentRowsByColumn(grid: SheetGrid, fromRow: number): Map<number, number[]> {
  const byColumn = new Map<number, number[]>();
  grid.values.forEach((line, index) => {
    if (index + 1 < fromRow) return;
    line.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const rows = byColumn.get(c + 1);
      if (rows) rows.push(index + 1);
      else byColumn.set(c + 1, [index + 1]);
    });
  });
  return byColumn;
}

export const SEGMENTS_SHEET = {
  role: "segments",
  names: SEGMENTS_NAMES,
  anchor: SEGMENTS_NAMES.segmentNames,
  tabColour: "#7030A0",
  inTemplate: false,
  plan,
  read,
} satisfies SheetModule<"segments">;
