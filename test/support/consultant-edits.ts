/**
 * A consultant's edits of a built workbook, applied two ways: to the cells (the in-memory grids, or
 * an .xlsx file through ExcelJS, as a consultant's tool would) and to a model of the study they
 * mean. The property tests read the edited workbook and compare it with the model.
 *
 * What the cells do follows a spreadsheet: a typed canonical number becomes a number and TRUE a
 * boolean; a formula that mirrors another cell shows that cell's new text (recalculated here, for
 * the mirrors the reader looks at); a column moved by cut and insert takes its cells along and the
 * formulas that pointed at them follow, so the other sheets keep showing the same clientèle.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { COMPETITION, IMPACT, PERCEPTION, SCALES } from "../../src/method/levels";
import {
  CHECKLIST_ITEMS,
  CHECKLIST_STATUSES,
  ChecklistStatus,
  DEFAULT_STATUS,
  SEGMENT_TYPES,
  findSegmentType,
  findStatus,
} from "../../src/method/segments";
import { Item, Pair, Segment, Study, emptySegment, nameKey, pairKey } from "../../src/method/study";
import { GridValue, NamedRect, WorkbookGrids } from "../../src/layout/grids";
import { NAMES, RATINGS, RATINGS_TABLE } from "../../src/layout";
import { GRID } from "../../src/layout/sheets/grid";
import { SEGMENTS, fieldRow } from "../../src/layout/sheets/segments";
import { figure, rawName, rawText } from "./study-arbitraries";

/** What a consultant types in a cell: a text (as typed), a number, or nothing (cleared). */
export type Typed = string | number | null;

export interface CellEditor {
  type(sheet: string, row: number, col: number, value: Typed): void;
  /** A formula cell's shown value after recalculation; its formula stays. */
  recalculated(sheet: string, row: number, col: number, value: string): void;
  /** Cut and paste: each cell moves with whatever it holds; sources left behind are emptied. */
  move(sheet: string, moves: { from: [number, number]; to: [number, number] }[]): void;
}

/** What a spreadsheet makes of typed text: a canonical number is a number, TRUE and FALSE booleans. */
function asTyped(value: Typed): GridValue {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed !== "" && String(Number(trimmed)) === trimmed) return Number(trimmed);
  if (value === "TRUE" || value === "FALSE") return value === "TRUE";
  return value === "" ? null : value;
}

export function gridEditor(grids: WorkbookGrids): CellEditor {
  const sheet = (name: string): GridValue[][] => {
    const found = grids.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found.values;
  };
  const set = (name: string, row: number, col: number, value: GridValue): void => {
    const values = sheet(name);
    for (let r = values.length; r < row; r++) values[r] ??= [];
    const line = (values[row - 1] ??= []);
    for (let c = line.length; c < col - 1; c++) line[c] = null;
    line[col - 1] = value;
  };
  const get = (name: string, row: number, col: number): GridValue =>
    sheet(name)[row - 1]?.[col - 1] ?? null;
  return {
    type: (name, row, col, value) => set(name, row, col, asTyped(value)),
    recalculated: (name, row, col, value) => set(name, row, col, value === "" ? null : value),
    move: (name, moves) => {
      const taken = moves.map(({ from }) => get(name, ...from));
      for (const { from } of moves) set(name, ...from, null);
      moves.forEach(({ to }, i) => set(name, ...to, taken[i]));
    },
  };
}

/** Excel writes "_xHHHH_" typed in a cell escaped (restated here, not taken from the product). */
const excelEscaped = (text: string): string => text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");

/**
 * An .xlsx workbook loaded with ExcelJS, edited, then saved as Excel would save it. ExcelJS decodes
 * the _xHHHH_ escapes of the texts it loads but writes texts raw, so `save` escapes every text
 * again (formula results, which ExcelJS leaves as they were in the file, are escaped when set).
 */
export function excelEditor(
  workbook: ExcelJS.Workbook,
  asBuilt: WorkbookGrids
): CellEditor & {
  save(file: string): Promise<void>;
} {
  const sheet = (name: string): ExcelJS.Worksheet => {
    const found = workbook.getWorksheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  // ExcelJS 4.4 unescapes a formula's cached text twice when loading ("&amp;amp;" in the file comes
  // back "&", not "&amp;"): the cached texts are put back as built, escaped as Excel writes them.
  workbook.eachSheet((ws) => {
    const grid = asBuilt.sheets.find((g) => g.name === ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (isFormula(value) && typeof value.result === "string") {
          const built = grid?.values[Number(cell.row) - 1]?.[Number(cell.col) - 1];
          cell.value = {
            ...value,
            result: excelEscaped(typeof built === "string" ? built : ""),
          } as ExcelJS.CellValue;
        }
      })
    );
  });
  return {
    type: (name, row, col, value) => {
      sheet(name).getCell(row, col).value = asTyped(value);
    },
    recalculated: (name, row, col, value) => {
      const current = sheet(name).getCell(row, col).value;
      if (!isFormula(current)) throw new Error(`${name}!R${row}C${col} holds no formula`);
      sheet(name).getCell(row, col).value = {
        ...current,
        result: excelEscaped(value),
      } as ExcelJS.CellValue;
    },
    move: (name, moves) => {
      const ws = sheet(name);
      const taken = moves.map(({ from }) => ws.getCell(...from).value);
      for (const { from } of moves) ws.getCell(...from).value = null;
      moves.forEach(({ to }, i) => (ws.getCell(...to).value = taken[i]));
    },
    save: async (file) => {
      workbook.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            const value = cell.value;
            if (typeof value === "string") cell.value = excelEscaped(value);
            else if (typeof value === "object" && value !== null && "richText" in value)
              cell.value = {
                richText: value.richText.map((run) => ({ ...run, text: excelEscaped(run.text) })),
              };
          })
        )
      );
      await writeAsInTheBrowser(() => workbook.xlsx.writeFile(file));
    },
  };
}

/**
 * ExcelJS under Node hands each part to JSZip as a string, and JSZip encodes long strings in slices
 * that can cut a surrogate pair in two (a character beyond U+FFFF comes out as two U+FFFD): the
 * saved file, not the reader, would lose the text. In a browser (the pane's ExcelJS build) ExcelJS
 * encodes the whole part with TextEncoder first; the tests save the same way.
 */
async function writeAsInTheBrowser(write: () => Promise<void>): Promise<void> {
  const host = process as { browser?: boolean };
  const before = host.browser;
  host.browser = true;
  try {
    await write();
  } finally {
    host.browser = before;
  }
}

function isFormula(
  value: ExcelJS.CellValue
): value is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return (
    typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value)
  );
}

// The edits.

const LEVEL_FORMS = ["fr", "en", "number", "numberText", "upper"] as const;
type Criterion = "perception" | "impact" | "competition";

export type Edit =
  | { kind: "tick"; a: number; b: number; mark: "X" | "x" | " X " | null }
  | { kind: "level"; a: number; criterion: Criterion; level: number | null; form: number }
  | {
      kind: "addRow";
      a: number;
      levels: Partial<Record<Criterion, number>>;
      comment?: string;
      form: number;
    }
  | { kind: "deleteRow"; a: number }
  | { kind: "renameClientele"; a: number; name: string; alsoRatings: boolean }
  | { kind: "moveColumn"; a: number; b: number }
  | { kind: "status"; a: number; b: number; status: string | null }
  | { kind: "renameSegment"; a: number; name: string }
  | {
      kind: "addSegment";
      name: string;
      type?: string;
      size?: number;
      channels: string[];
      clienteles: number[];
      needs: number[];
    };

const levelArb = fc.option(fc.nat(4), { nil: null });

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("tick" as const),
      a: fc.nat(),
      b: fc.nat(),
      mark: fc.constantFrom("X" as const, "x" as const, " X " as const, null),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("level" as const),
      a: fc.nat(),
      criterion: fc.constantFrom("perception" as const, "impact" as const, "competition" as const),
      level: levelArb,
      form: fc.nat(LEVEL_FORMS.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant("addRow" as const),
        a: fc.nat(),
        levels: fc.record(
          { perception: fc.nat(4), impact: fc.nat(4), competition: fc.nat(4) },
          { requiredKeys: [] }
        ),
        comment: rawText({ lineFeeds: true }),
        form: fc.nat(LEVEL_FORMS.length - 1),
      },
      { requiredKeys: ["kind", "a", "levels", "form"] }
    ),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("deleteRow" as const), a: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("renameClientele" as const),
      a: fc.nat(),
      name: rawName,
      alsoRatings: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("moveColumn" as const), a: fc.nat(), b: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("status" as const),
      a: fc.nat(),
      b: fc.nat(),
      status: fc.option(
        fc
          .tuple(
            fc.constantFrom(...CHECKLIST_STATUSES),
            fc.constantFrom("fr", "en", "symbol", "canonical", "label")
          )
          .map(([s, form]) =>
            form === "label"
              ? `${s.symbol} ${s.fr}`
              : s[form as "fr" | "en" | "symbol" | "canonical"]
          ),
        { nil: null }
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("renameSegment" as const),
      a: fc.nat(),
      name: rawName,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        kind: fc.constant("addSegment" as const),
        name: rawName,
        type: fc.constantFrom(...SEGMENT_TYPES.flatMap((t) => [t.fr, t.en])),
        size: figure,
        channels: fc.array(rawText({ lineFeeds: false }), { maxLength: 3 }),
        clienteles: fc.array(fc.nat(), { maxLength: 4 }),
        needs: fc.array(fc.nat(), { maxLength: 4 }),
      },
      { requiredKeys: ["kind", "name", "channels", "clienteles", "needs"] }
    ),
  }
);

/** Where the built workbook keeps what the edits touch, from its defined names and table. */
export interface Places {
  ticks: NamedRect;
  matrixSheet: string;
  ratings: { sheet: string; firstCol: number };
  segmentNames: NamedRect;
  segmentClienteles: NamedRect;
  segmentNeeds: NamedRect;
  checklist: NamedRect;
  targets: NamedRect;
  conquest: NamedRect;
  plans: NamedRect;
  swot: NamedRect;
}

export function placesOf(grids: Pick<WorkbookGrids, "names" | "tables">): Places {
  const name = (n: string): NamedRect => {
    const found = grids.names.find((x) => x.name === n);
    if (!found) throw new Error(`no name ${n}`);
    return found;
  };
  const table = grids.tables.find((t) => t.name === RATINGS_TABLE);
  if (!table) throw new Error("no ratings table");
  return {
    ticks: name(NAMES.ticks),
    matrixSheet: name(NAMES.matrix).sheet,
    ratings: { sheet: table.sheet, firstCol: table.rect.col },
    segmentNames: name(NAMES.segmentNames),
    segmentClienteles: name(NAMES.segmentClienteles),
    segmentNeeds: name(NAMES.segmentNeeds),
    checklist: name(NAMES.checklist),
    targets: name(NAMES.targets),
    conquest: name(NAMES.conquest),
    plans: name(NAMES.segmentPlans),
    swot: name(NAMES.swot),
  };
}

/** A row of the ratings table: its pair and where it sits. */
interface RatingRow extends Pair {
  row: number;
}

/** The study the consultant means, kept alongside the cells. */
export class StudyModel {
  /** In the tick table's order; `id` is the column the clientèle was built in (its mirrors'). */
  clienteles: (Item & { id: number })[];
  needs: Item[];
  /** `${id}/${need index}`. */
  ticks = new Set<string>();
  /** The ratings sheet's rows, as they are in the sheet. */
  rows: RatingRow[];
  segments: Segment[];
  targets: { segment: string; offering: string }[];
  conquest: string[];
  private clienteleKeys: Set<string>;
  private segmentKeys: Set<string>;

  constructor(
    private readonly study: Study,
    private readonly at: Places,
    private readonly cells: CellEditor
  ) {
    this.clienteles = study.clienteles.map((c, id) => ({ ...c, id }));
    this.needs = study.needs.map((n) => ({ ...n }));
    const byKey = new Map(study.clienteles.map((c, id) => [nameKey(c.name), id]));
    const needIndex = new Map(study.needs.map((n, i) => [nameKey(n.name), i]));
    for (const p of study.pairs)
      this.ticks.add(`${byKey.get(nameKey(p.clientele))}/${needIndex.get(nameKey(p.need))}`);
    // The ratings rows as the plan writes them: one per ticked pair, in the table's order.
    const ordered = this.pairs(study.pairs);
    this.rows = ordered.map((p, i) => ({ ...p, row: RATINGS.firstRow + i }));
    this.segments = (study.segments ?? []).map((s) => structuredCloneSegment(s));
    this.targets = (study.targets ?? []).map((t) => ({ ...t }));
    this.conquest = [...(study.conquest ?? [])];
    this.clienteleKeys = new Set(study.clienteles.map((c) => nameKey(c.name)));
    this.segmentKeys = new Set(this.segments.map((s) => nameKey(s.name)));
  }

  /** Pairs in the tick table's order, each with the first ratings row that names it. */
  private pairs(source: readonly Pair[]): Pair[] {
    const ratings = new Map(source.map((p) => [pairKey(p.clientele, p.need), p]));
    return this.clienteles.flatMap((c) =>
      this.needs.flatMap((n, i) => {
        if (!this.ticks.has(`${c.id}/${i}`)) return [];
        const found = ratings.get(pairKey(c.name, n.name));
        const pair: Pair = { clientele: c.name, need: n.name };
        if (found?.perception !== undefined) pair.perception = found.perception;
        if (found?.impact !== undefined) pair.impact = found.impact;
        if (found?.competition !== undefined) pair.competition = found.competition;
        if (found?.comment !== undefined) pair.comment = found.comment;
        return [pair];
      })
    );
  }

  /** The study the edited workbook must read as. */
  expected(): Study {
    const firstRow = new Map<string, RatingRow>();
    for (const row of this.rows) {
      const key = pairKey(row.clientele, row.need);
      if (!firstRow.has(key)) firstRow.set(key, row);
    }
    const pairs = this.pairs([...firstRow.values()].map(({ row: _row, ...rest }) => rest));
    const position = (list: readonly string[]) => {
      const index = new Map(list.map((name, i) => [nameKey(name), i]));
      return (a: string, b: string) => (index.get(nameKey(a)) ?? 0) - (index.get(nameKey(b)) ?? 0);
    };
    const clienteleOrder = position(this.clienteles.map((c) => c.name));
    const needOrder = position(this.needs.map((n) => n.name));
    const offeringOrder = position(this.study.offerings ?? []);
    const study: Study = {
      language: this.study.language,
      clienteles: this.clienteles.map(({ name, type }) => (type ? { name, type } : { name })),
      needs: this.needs,
      pairs,
      weights: this.study.weights,
    };
    if (this.study.title !== undefined) study.title = this.study.title;
    if (this.study.offerings) study.offerings = this.study.offerings;
    if (this.segments.length > 0)
      study.segments = this.segments.map((s) => ({
        ...s,
        clienteles: [...s.clienteles].sort(clienteleOrder),
        needs: [...s.needs].sort(needOrder),
        offerings: [...s.offerings].sort(offeringOrder),
      }));
    if (this.targets.length > 0) study.targets = this.targets;
    if (this.conquest.length > 0) study.conquest = this.conquest;
    // The settings sheet's choices, which no edit here touches.
    if (this.study.palette !== undefined) study.palette = this.study.palette;
    if (this.study.organisation !== undefined) study.organisation = this.study.organisation;
    if (this.study.currency !== undefined) study.currency = this.study.currency;
    if (this.study.pestel) study.pestel = this.study.pestel;
    return study;
  }

  apply(e: Edit): void {
    const { at, cells } = this;
    const ratingCol = (offset: number): number => at.ratings.firstCol + offset - 1;
    switch (e.kind) {
      case "tick": {
        const p = e.a % this.clienteles.length;
        const n = e.b % this.needs.length;
        cells.type(at.ticks.sheet, at.ticks.rect.row + n, at.ticks.rect.col + p, e.mark);
        const key = `${this.clienteles[p].id}/${n}`;
        if (e.mark === null) this.ticks.delete(key);
        else this.ticks.add(key);
        return;
      }
      case "level": {
        if (this.rows.length === 0) return;
        const row = this.rows[e.a % this.rows.length];
        const level = e.level === null ? null : inScale(e.criterion, e.level);
        cells.type(
          at.ratings.sheet,
          row.row,
          ratingCol(RATINGS.cols[e.criterion]),
          levelAs(e.criterion, level, e.form)
        );
        if (level === null) delete row[e.criterion];
        else row[e.criterion] = level;
        return;
      }
      case "addRow": {
        const rated = new Set(this.rows.map((r) => pairKey(r.clientele, r.need)));
        const open = this.pairs([]).filter((p) => !rated.has(pairKey(p.clientele, p.need)));
        if (open.length === 0) return;
        const pair = open[e.a % open.length];
        const row = Math.max(RATINGS.firstRow - 1, ...this.rows.map((r) => r.row)) + 1;
        const added: RatingRow = { row, ...pair };
        const typeIn = (offset: number, value: Typed) =>
          cells.type(at.ratings.sheet, row, ratingCol(offset), value);
        typeIn(RATINGS.cols.clientele, sameName(pair.clientele, e.form));
        typeIn(RATINGS.cols.need, sameName(pair.need, e.form + 1));
        for (const criterion of ["perception", "impact", "competition"] as const) {
          const level = e.levels[criterion];
          if (level === undefined) continue;
          added[criterion] = inScale(criterion, level);
          typeIn(RATINGS.cols[criterion], levelAs(criterion, added[criterion] as number, e.form));
        }
        if (e.comment !== undefined) {
          typeIn(RATINGS.cols.comment, e.comment);
          if (e.comment.trim() !== "") added.comment = e.comment.trim();
        }
        this.rows.push(added);
        return;
      }
      case "deleteRow": {
        if (this.rows.length === 0) return;
        const gone = this.rows[e.a % this.rows.length];
        const last = Math.max(...this.rows.map((r) => r.row));
        // Input columns only: the score column is the same relative formula on every row.
        const cols = [
          "clientele",
          "need",
          "perception",
          "impact",
          "competition",
          "comment",
        ] as const;
        const moves: { from: [number, number]; to: [number, number] }[] = [];
        for (let r = gone.row + 1; r <= last; r++)
          for (const c of cols)
            moves.push({
              from: [r, ratingCol(RATINGS.cols[c])],
              to: [r - 1, ratingCol(RATINGS.cols[c])],
            });
        if (moves.length === 0)
          for (const c of cols)
            cells.type(at.ratings.sheet, gone.row, ratingCol(RATINGS.cols[c]), null);
        else cells.move(at.ratings.sheet, moves);
        this.rows = this.rows.filter((r) => r !== gone);
        for (const r of this.rows) if (r.row > gone.row) r.row -= 1;
        return;
      }
      case "renameClientele": {
        const p = e.a % this.clienteles.length;
        const clientele = this.clienteles[p];
        const name = e.name.trim();
        const key = nameKey(name);
        if (key !== nameKey(clientele.name) && this.clienteleKeys.has(key)) return;
        this.clienteleKeys.add(key);
        cells.type(at.ticks.sheet, at.ticks.rect.row - 1, at.ticks.rect.col + p, e.name);
        // Recalculated mirrors: the matrix's header, and the label of its row on the segments sheet.
        cells.recalculated(at.matrixSheet, GRID.headerRow, GRID.firstCol + clientele.id, e.name);
        const labelCol = at.segmentNames.rect.col - (SEGMENTS.firstCol - SEGMENTS.labelCol);
        cells.recalculated(
          at.segmentClienteles.sheet,
          at.segmentClienteles.rect.row + clientele.id,
          labelCol,
          e.name
        );
        const old = nameKey(clientele.name);
        if (e.alsoRatings)
          for (const row of this.rows)
            if (nameKey(row.clientele) === old) {
              cells.type(at.ratings.sheet, row.row, ratingCol(RATINGS.cols.clientele), e.name);
              row.clientele = name;
            }
        for (const s of this.segments)
          s.clienteles = s.clienteles.map((c) => (nameKey(c) === old ? name : c));
        clientele.name = name;
        return;
      }
      case "moveColumn": {
        const from = e.a % this.clienteles.length;
        const to = e.b % this.clienteles.length;
        if (from === to) return;
        const order = this.clienteles.map((_, i) => i);
        order.splice(to, 0, ...order.splice(from, 1));
        const moves: { from: [number, number]; to: [number, number] }[] = [];
        const { row, col } = at.ticks.rect;
        const rows = [row - 2, row - 1, ...this.needs.map((_, n) => row + n)];
        order.forEach((old, q) => {
          if (old !== q)
            for (const r of rows) moves.push({ from: [r, col + old], to: [r, col + q] });
        });
        cells.move(at.ticks.sheet, moves);
        this.clienteles = order.map((old) => this.clienteles[old]);
        return;
      }
      case "status": {
        if (this.segments.length === 0) return;
        const k = e.a % this.segments.length;
        if (k >= at.checklist.rect.cols) return;
        const i = e.b % CHECKLIST_ITEMS.length;
        cells.type(
          at.checklist.sheet,
          at.checklist.rect.row + i,
          at.checklist.rect.col + k,
          e.status
        );
        const found = e.status === null ? undefined : findStatus(e.status);
        this.segments[k].checklist[i] = (found?.canonical ?? DEFAULT_STATUS) as ChecklistStatus;
        return;
      }
      case "renameSegment": {
        if (this.segments.length === 0) return;
        const k = e.a % this.segments.length;
        const segment = this.segments[k];
        const name = e.name.trim();
        const key = nameKey(name);
        const old = nameKey(segment.name);
        if (key !== old && this.segmentKeys.has(key)) return;
        this.segmentKeys.add(key);
        cells.type(
          at.segmentNames.sheet,
          at.segmentNames.rect.row,
          at.segmentNames.rect.col + k,
          e.name
        );
        this.mirrorSegment(k, e.name);
        // The conquest order holds names picked from a list: the consultant picks the new one.
        this.conquest.forEach((c, i) => {
          if (nameKey(c) === old)
            cells.type(at.conquest.sheet, at.conquest.rect.row + i, at.conquest.rect.col, name);
        });
        this.conquest = this.conquest.map((c) => (nameKey(c) === old ? name : c));
        this.targets = this.targets.map((t) =>
          nameKey(t.segment) === old ? { ...t, segment: name } : t
        );
        segment.name = name;
        return;
      }
      case "addSegment": {
        const name = e.name.trim();
        const key = nameKey(name);
        if (this.segmentKeys.has(key)) return;
        this.segmentKeys.add(key);
        const k = this.segments.length;
        const col = at.segmentNames.rect.col + k;
        const sheet = at.segmentNames.sheet;
        const headerRow = at.segmentNames.rect.row;
        const segment = emptySegment(name);
        cells.type(sheet, headerRow, col, e.name);
        if (e.type !== undefined) {
          cells.type(sheet, fieldRow("type", headerRow), col, e.type);
          segment.type = findSegmentType(e.type)?.canonical;
        }
        if (e.size !== undefined) {
          cells.type(sheet, fieldRow("size", headerRow), col, e.size);
          segment.size = e.size;
        }
        if (e.channels.length > 0) {
          cells.type(sheet, fieldRow("channels", headerRow), col, e.channels.join("\n"));
          segment.channels = e.channels.map((c) => c.trim()).filter((c) => c !== "");
        }
        for (const pick of new Set(e.clienteles.map((c) => c % this.clienteles.length))) {
          const clientele = this.clienteles[pick];
          cells.type(sheet, at.segmentClienteles.rect.row + clientele.id, col, "X");
          segment.clienteles.push(clientele.name);
        }
        for (const n of new Set(e.needs.map((x) => x % this.needs.length))) {
          cells.type(sheet, at.segmentNeeds.rect.row + n, col, "x");
          segment.needs.push(this.needs[n].name);
        }
        this.segments.push(segment);
        this.mirrorSegment(k, e.name);
        return;
      }
    }
  }

  /** The cells that show a segment's name by its position (checklist, targeting, levers, diagnostic). */
  private mirrorSegment(k: number, shown: string): void {
    for (const area of [this.at.checklist, this.at.targets, this.at.plans, this.at.swot])
      if (k < area.rect.cols)
        this.cells.recalculated(area.sheet, area.rect.row - 1, area.rect.col + k, shown);
  }
}

function structuredCloneSegment(s: Segment): Segment {
  return {
    ...s,
    clienteles: [...s.clienteles],
    needs: [...s.needs],
    offerings: [...s.offerings],
    channels: [...s.channels],
    zones: [...s.zones],
    successFactors: [...s.successFactors],
    attributes: [...s.attributes],
    personas: [...s.personas],
    checklist: [...s.checklist],
    plans: { ...s.plans },
  };
}

function inScale(criterion: Criterion, level: number): number {
  const values = SCALES[criterion].levels.map((l) => l.value);
  return values[level % values.length];
}

/** A level as a consultant may type or pick it: French or English label, a number, in capitals. */
function levelAs(criterion: Criterion, level: number | null, form: number): Typed {
  if (level === null) return null;
  const scale =
    criterion === "perception" ? PERCEPTION : criterion === "impact" ? IMPACT : COMPETITION;
  const found = scale.levels.find((l) => l.value === level);
  if (!found) throw new Error(`no level ${level}`);
  switch (LEVEL_FORMS[form % LEVEL_FORMS.length]) {
    case "fr":
      return found.fr;
    case "en":
      return found.en;
    case "number":
      return level;
    case "numberText":
      return ` ${level} `;
    case "upper":
      return ` ${found.fr.toUpperCase()}`;
  }
}

/** A name typed again in another row: as shown, or in capitals when that still means the same. */
function sameName(name: string, form: number): string {
  const upper = name.toUpperCase();
  return form % 2 === 1 && nameKey(upper) === nameKey(name) ? upper : name;
}
