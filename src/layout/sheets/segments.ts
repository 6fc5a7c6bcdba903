/**
 * "Segments": one column per segment, the shell of METHOD.md §4 filled in: name, Business Model
 * Canvas type, live mean score and yearly potential, its figures and free texts, then which
 * clientèles, needs and offerings belong to it (an X each). The offerings are typed here: this is
 * the study's list of offerings, which the targeting sheet mirrors.
 */
import * as msg from "../../method/messages";
import { ListField } from "../../method/messages";
import { Problem } from "../../method/problems";
import {
  POTENTIAL_FACTORS,
  meanScoreFormula,
  potentialFormula,
  segmentMeanScore,
  segmentPotential,
} from "../../method/segment-figures";
import { SEGMENT_FIGURES, SEGMENT_TYPES, findSegmentType } from "../../method/segments";
import { Segment, emptySegment, nameKey } from "../../method/study";
import { nameFault, textFault } from "../../method/validate";
import { Rect, cellAddress } from "../a1";
import { SheetGrid, cellAt, cellText, gridHeight, gridWidth } from "../grids";
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
import { NAMES } from "../names";
import { CellValue, SheetPlan, num, text } from "../plan";
import { PlanContext, ReadContext, SheetModule } from "../sheet";
import { crossTableFrom } from "./grid";

/** Rows of a segment's column, under its name. */
export const SEGMENT_FIELDS = [
  "type",
  "meanScore",
  "size",
  "frequency",
  "basket",
  "potential",
  "channels",
  "zones",
  "successFactors",
  "attributes",
  "personas",
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

/** Free texts: one cell each, one entry per line. */
const TEXT_FIELDS = ["channels", "zones", "successFactors", "attributes", "personas"] as const;
const NUMBER_FIELDS = ["size", "frequency", "basket"] as const;

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
} as const;

export function fieldRow(field: SegmentField, headerRow: number = SEGMENTS.headerRow): number {
  return headerRow + 1 + SEGMENT_FIELDS.indexOf(field);
}

/** The membership blocks, stacked under the fields with one blank row and a heading each. */
function blockRows(clienteles: number, needs: number): Record<ListField, number> {
  const first = fieldRow("personas") + 3;
  return {
    clienteles: first,
    needs: first + clienteles + 2,
    offerings: first + clienteles + 2 + needs + 2,
  };
}

function plan({ study, language, texts, names }: PlanContext): SheetPlan {
  const t = texts.segments;
  const sheet = emptySheet("segments", texts.sheets.segments, COLOURS.tabSegments);
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
  const blocks = blockRows(study.clienteles.length, study.needs.length);
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
  put(
    sheet,
    headerRow + 1,
    labelCol,
    SEGMENT_FIELDS.map((field) => [text(t[field])])
  );
  put(sheet, fieldRow("type"), firstCol, [
    segments.map((s) => kindLabel(SEGMENT_TYPES, s?.type, language)),
  ]);
  put(
    sheet,
    fieldRow("size"),
    firstCol,
    NUMBER_FIELDS.map((field) =>
      segments.map((s): CellValue => (s?.[field] === undefined ? null : num(s[field] as number)))
    )
  );
  put(
    sheet,
    fieldRow("channels"),
    firstCol,
    TEXT_FIELDS.map((field) =>
      segments.map((s): CellValue => (s && s[field].length > 0 ? text(s[field].join("\n")) : null))
    )
  );

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
      const list = field === "clienteles" ? NAMES.matrixClienteles : NAMES.matrixNeeds;
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
        ? NAMES.segmentClienteles
        : field === "needs"
          ? NAMES.segmentNeeds
          : NAMES.segmentOfferings,
      area
    );
  }
  named(NAMES.offerings, rect(blocks.offerings, labelCol, sizes.offerings, 1));

  // Live figures: the mean score of its pairs, and the yearly potential.
  const marks = (field: ListField): string =>
    `${cellAddress(blocks[field], firstCol, { row: true })}:${cellAddress(blocks[field] + sizes[field] - 1, firstCol, { row: true })}`;
  fill(
    sheet,
    columns(fieldRow("meanScore")),
    meanScoreFormula(NAMES.matrix, marks("clienteles"), marks("needs")),
    [segments.map((s) => (s ? meanScore(s, study) : ""))]
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
  style(sheet, rect(headerRow + 1, labelCol, SEGMENT_FIELDS.length, 1), {
    bold: true,
    border: true,
    vertical: "top",
    wrap: true,
  });
  style(sheet, columns(headerRow, 1), { fill: COLOURS.input });
  for (const field of ["type", "size", "frequency", "basket"] as const)
    style(sheet, columns(fieldRow(field)), { fill: COLOURS.input, border: true });
  // Every count and amount with its thousands separator, as the potential (the study's language
  // decides which: the client PDF is printed in it).
  style(sheet, columns(fieldRow("size")), { numberFormat: "#,##0" });
  style(sheet, columns(fieldRow("frequency")), { numberFormat: "#,##0.0" });
  style(sheet, columns(fieldRow("basket")), { numberFormat: "#,##0.00" });
  style(sheet, columns(fieldRow("meanScore")), {
    border: true,
    bold: true,
    horizontal: "center",
    numberFormat: "0.0",
  });
  style(sheet, columns(fieldRow("potential")), {
    border: true,
    bold: true,
    numberFormat: "#,##0",
  });
  style(sheet, columns(fieldRow("channels"), TEXT_FIELDS.length), {
    fill: COLOURS.input,
    border: true,
    wrap: true,
    vertical: "top",
  });
  sheet.rowHeights = TEXT_FIELDS.map((field) => ({
    row: fieldRow(field),
    height: SEGMENTS.textRowHeight,
  }));
  sheet.validations.push({
    rect: columns(fieldRow("type")),
    rule: { kind: "listRange", formula: NAMES.segmentTypes },
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

  named(NAMES.segmentNames, columns(headerRow));
  named(NAMES.segmentMeanScore, columns(fieldRow("meanScore")));
  named(NAMES.segmentSize, columns(fieldRow("size")));
  named(NAMES.segmentFrequency, columns(fieldRow("frequency")));
  named(NAMES.segmentBasket, columns(fieldRow("basket")));
  named(NAMES.segmentPotential, columns(fieldRow("potential")));
  return sheet;
}

/** The mean score the sheet caches for a segment ("" when it holds no scored pair). */
export function meanScore(segment: Segment, study: PlanContext["study"]): number | "" {
  return segmentMeanScore(segment, study.pairs, study.weights) ?? "";
}

/** The potential the sheet caches for a segment ("" while a figure is missing). */
export function potentialOf(segment: Segment): number | "" {
  return segmentPotential(segment) ?? "";
}

// Reading.

/** Reads every segment column (past the planned ones too: a segment typed by hand counts). */
function read({ grids, problems, draft }: ReadContext): void {
  const named = grids.names.find((n) => n.name === NAMES.segmentNames);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) return;
  const headerRow = named.rect.row;
  const firstCol = named.rect.col;
  const labelCol = firstCol - (SEGMENTS.firstCol - SEGMENTS.labelCol);
  const lastCol = Math.max(firstCol + named.rect.cols - 1, gridWidth(grid));

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

  const segments: Segment[] = [];
  const seen = new Map<string, string>();
  for (let col = firstCol; col <= lastCol; col++) {
    const raw = cellText(cellAt(grid, headerRow, col));
    const at = where(grid, headerRow, col);
    if (raw.trim() === "") {
      if (columnHasInput(grid, headerRow, col, blocks))
        problems.push(msg.segmentDataWithoutName(at, cellAddress(headerRow, col)));
      continue;
    }
    const fault = nameFault(raw);
    if (fault) {
      problems.push(msg.segmentBadName(at, fault));
      continue;
    }
    const name = raw.trim();
    const first = seen.get(nameKey(name));
    if (first !== undefined) {
      problems.push(msg.segmentDuplicate(at, name, first));
      continue;
    }
    seen.set(nameKey(name), cellAddress(headerRow, col));
    const segment = emptySegment(name);
    readFields(grid, headerRow, col, segment, problems);
    for (const { field, area } of blocks) {
      if (area)
        readMembers(area, labelCol, col, field, lists[field], segment, problems, mirrors[field]);
    }
    segments.push(segment);
  }
  if (segments.length > 0) draft.segments = segments;
  if (offerings.length === 0) delete draft.offerings;
}

function readFields(
  grid: SheetGrid,
  headerRow: number,
  col: number,
  segment: Segment,
  problems: Problem[]
): void {
  const value = (field: SegmentField) => cellAt(grid, fieldRow(field, headerRow), col);
  const at = (field: SegmentField) => where(grid, fieldRow(field, headerRow), col);
  const type = cellText(value("type")).trim();
  if (type !== "") {
    const kind = findSegmentType(type);
    if (kind) segment.type = kind.canonical;
    else problems.push(msg.segmentTypeUnknown(at("type"), type, segment.name, SEGMENT_TYPES));
  }
  for (const field of NUMBER_FIELDS) {
    const raw = value(field);
    if (raw === null || cellText(raw).trim() === "") continue;
    const number = typeof raw === "number" ? raw : Number(cellText(raw).trim().replace(",", "."));
    if (typeof raw === "boolean" || !Number.isFinite(number) || number < 0) {
      problems.push(msg.segmentNumberInvalid(at(field), cellText(raw), SEGMENT_FIGURES[field]));
      continue;
    }
    segment[field] = number;
  }
  for (const field of TEXT_FIELDS) {
    const entries = cellText(value(field))
      .split("\n")
      .map((entry) => entry.trim())
      .filter((entry) => entry !== "");
    for (const entry of entries) {
      const fault = textFault(entry);
      if (fault) problems.push(msg.segmentTextBad(at(field), fault));
      else segment[field].push(entry);
    }
  }
}

/** The offerings typed under their heading (rows typed past the planned ones count too). */
function readOfferings(
  grids: ReadContext["grids"],
  problems: Problem[]
): { name: string; row: number }[] {
  const named = grids.names.find((n) => n.name === NAMES.offerings);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) return [];
  const found: { name: string; row: number }[] = [];
  const seen = new Map<string, string>();
  const lastRow = Math.max(named.rect.row + named.rect.rows - 1, gridHeight(grid));
  for (let row = named.rect.row; row <= lastRow; row++) {
    const raw = cellText(cellAt(grid, row, named.rect.col));
    if (raw.trim() === "") continue;
    const at = where(grid, row, named.rect.col);
    const fault = nameFault(raw);
    if (fault) {
      problems.push(msg.badName(at, fault));
      continue;
    }
    const name = raw.trim();
    const first = seen.get(nameKey(name));
    if (first !== undefined) {
      problems.push(msg.duplicateName(at, "offerings", name, first));
      continue;
    }
    seen.set(nameKey(name), cellAddress(row, named.rect.col));
    found.push({ name, row });
  }
  return found;
}

/**
 * What the membership labels mirror, by position: the k-th clientèle (need) heading of the matrix,
 * itself the k-th of the tick table (layout/sheets/matrix.ts). Offerings are typed, not mirrored.
 */
function tickHeadings(grids: ReadContext["grids"]): Record<ListField, (index: number) => string> {
  const ticks = namedArea(grids, NAMES.ticks);
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
      ? NAMES.segmentClienteles
      : field === "needs"
        ? NAMES.segmentNeeds
        : NAMES.segmentOfferings;
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
  field: ListField,
  known: Map<string, string>,
  segment: Segment,
  problems: Problem[],
  mirrored: (index: number) => string
): void {
  const { grid } = area;
  const kept = new Set<string>();
  for (let row = area.first; row <= area.last; row++) {
    const mark = cellText(cellAt(grid, row, col)).trim();
    if (mark === "") continue;
    if (mark.toUpperCase() !== "X") {
      problems.push(msg.notAMark(where(grid, row, col), mark));
      continue;
    }
    const label = mirroredText(cellAt(grid, row, labelCol), () =>
      mirrored(row - area.first)
    ).trim();
    const name = known.get(nameKey(label));
    if (name === undefined) {
      // An offering row left blank, or a name refused above, explains itself.
      if (label !== "")
        problems.push(msg.segmentUnknownMember(where(grid, row, col), field, label, segment.name));
      else problems.push(msg.markWithoutName(where(grid, row, col), cellAddress(row, labelCol)));
      continue;
    }
    if (kept.has(nameKey(name))) continue;
    kept.add(nameKey(name));
    segment[field].push(name);
  }
  // A set, in the order of the study's list as validation keeps it: the block's rows keep the order
  // the workbook was built in, which columns moved by hand on the tick table no longer follow.
  const position = new Map([...known.keys()].map((key, index) => [key, index]));
  const rank = (name: string): number => position.get(nameKey(name)) ?? 0;
  segment[field].sort((a, b) => rank(a) - rank(b));
}

/** Anything typed in a column whose name is empty: said, not silently dropped. */
function columnHasInput(
  grid: SheetGrid,
  headerRow: number,
  col: number,
  blocks: { area?: MemberArea }[]
): boolean {
  const typed = (row: number): boolean => cellText(cellAt(grid, row, col)).trim() !== "";
  const inputs = SEGMENT_FIELDS.filter((f) => f !== "meanScore" && f !== "potential").map((f) =>
    fieldRow(f, headerRow)
  );
  if (inputs.some(typed)) return true;
  return blocks.some(({ area }) => {
    if (!area) return false;
    for (let row = area.first; row <= area.last; row++) if (typed(row)) return true;
    return false;
  });
}

export const SEGMENTS_SHEET: SheetModule = { role: "segments", inTemplate: false, plan, read };
