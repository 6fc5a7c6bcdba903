/**
 * "Qui ressent quoi": clientèles across, needs down, an X where the clientèle really feels the need
 * (docs/method.md §2). The tick table is the source of truth for the lists and the ticks.
 */
import { CLIENTELE_TYPES, Kind, NEED_TYPES } from "../../method/levels";
import { markCountFormula, isMark } from "../../method/marks";
import * as msg from "../../messages";
import { itemKind, NameList } from "../../method/checks/names";
import { Item, Pair, pairPlaces } from "../../method/study";
import { cellAddress, columnLetters, rectAddress } from "../a1";
import { SheetGrid, cellAt, cellText, presentCols, presentRows } from "../grids";
import {
  COLOURS,
  NOTE_STYLE,
  TITLE_STYLE,
  emptySheet,
  kindLabel,
  put,
  rect,
  style,
  where,
} from "../kit";
import { SheetPlan, text } from "../plan";
import {
  FoundItem,
  PlanContext,
  ReadContext,
  SheetModule,
  definedName,
  pairPlace,
  sheetNames,
} from "../sheet";
import { GRID, TYPE_STYLE, crossTableFrom, crossTableLayout, styleNameHeaders } from "./grid";

/** The defined names of this sheet's areas (layout/names.ts gathers every sheet's). */
const TICKS_NAMES = sheetNames("ticks");

/** Room in a blank template for names typed by hand. */
export const TEMPLATE_CAPACITY = { clienteles: 30, needs: 60 } as const;

function plan({ study, language, texts, template, names }: PlanContext): SheetPlan {
  const clienteles: (Item | undefined)[] = template
    ? new Array<undefined>(TEMPLATE_CAPACITY.clienteles).fill(undefined)
    : study.clienteles;
  const needs: (Item | undefined)[] = template
    ? new Array<undefined>(TEMPLATE_CAPACITY.needs).fill(undefined)
    : study.needs;
  const ticked = pairPlaces(study.clienteles, study.needs, study.pairs);

  const sheet = emptySheet("ticks", texts.sheets.ticks, TICKS_SHEET.tabColour);
  const cols = clienteles.length;
  const rows = needs.length;
  const body = rect(GRID.firstRow, GRID.firstCol, rows, cols);
  const lastCol = GRID.firstCol + cols - 1;
  const lastRow = GRID.firstRow + rows - 1;

  put(sheet, GRID.titleRow, 1, [[text(texts.ticks.title)]]);
  style(sheet, rect(GRID.titleRow, 1), TITLE_STYLE);
  put(sheet, GRID.instructionsRow, 1, [[text(texts.ticks.instructions)]]);
  put(sheet, GRID.helpRow, 1, [[text(texts.ticks.flagHelp)]]);
  style(sheet, rect(GRID.instructionsRow, 1, 2, 1), NOTE_STYLE);

  put(sheet, GRID.typeRow, GRID.nameCol, [[text(texts.ticks.clienteleType), null]]);
  put(sheet, GRID.typeRow, GRID.firstCol, [
    clienteles.map((item) => kindLabel(CLIENTELE_TYPES, item?.type, language)),
  ]);
  put(sheet, GRID.headerRow, GRID.nameCol, [
    [text(texts.ticks.corner), text(texts.ticks.needType)],
  ]);
  put(sheet, GRID.headerRow, GRID.firstCol, [
    clienteles.map((item) => (item ? text(item.name) : null)),
  ]);
  put(
    sheet,
    GRID.firstRow,
    GRID.nameCol,
    needs.map((item) => [
      item ? text(item.name) : null,
      kindLabel(NEED_TYPES, item?.type, language),
    ])
  );
  // One X value for every tick: a large table holds references, not copies.
  const tick = text("X");
  put(
    sheet,
    GRID.firstRow,
    GRID.firstCol,
    needs.map((need, n) =>
      clienteles.map((clientele, c) =>
        need && clientele && ticked.has(c * study.needs.length + n) ? tick : null
      )
    )
  );

  style(sheet, rect(GRID.typeRow, GRID.nameCol, 1, 2), { italic: true, horizontal: "right" });
  style(sheet, rect(GRID.typeRow, GRID.firstCol, 1, cols), {
    ...TYPE_STYLE,
    border: true,
    fill: COLOURS.input,
  });
  styleNameHeaders(sheet, cols, rows, COLOURS.input);
  style(sheet, body, {
    border: true,
    horizontal: "center",
    vertical: "middle",
    bold: true,
    fill: COLOURS.input,
  });
  crossTableLayout(sheet, cols);

  sheet.validations.push({
    rect: body,
    rule: { kind: "list", source: ["X"] },
    prompt: texts.ticks.tickPrompt,
    error: texts.ticks.tickError,
  });
  sheet.validations.push({
    rect: rect(GRID.typeRow, GRID.firstCol, 1, cols),
    rule: { kind: "listRange", formula: definedName("clienteleTypes") },
    error: texts.kindError,
  });
  sheet.validations.push({
    rect: rect(GRID.firstRow, GRID.typeCol, rows, 1),
    rule: { kind: "listRange", formula: definedName("needTypes") },
    error: texts.kindError,
  });

  // A clientèle or a need without any X is flagged, live: the method drops it.
  const header = cellAddress(GRID.headerRow, GRID.firstCol, { row: true });
  const column = `${cellAddress(GRID.firstRow, GRID.firstCol, { row: true })}:${cellAddress(lastRow, GRID.firstCol, { row: true })}`;
  const flag = { fill: COLOURS.flagFill, fontColour: COLOURS.flagText, bold: true };
  // Only once the table has an X: right after building, every name in red would read as an error.
  const anyX = `${markCountFormula(rectAddress(body, true))}>0`;
  sheet.conditionalFormats.push({
    rect: rect(GRID.headerRow, GRID.firstCol, 1, cols),
    rule: {
      kind: "formula",
      formula: `AND(${header}<>"",${markCountFormula(column)}=0,${anyX})`,
      ...flag,
    },
  });
  const needCell = cellAddress(GRID.firstRow, GRID.nameCol, { col: true });
  const row = `${cellAddress(GRID.firstRow, GRID.firstCol, { col: true })}:${cellAddress(GRID.firstRow, lastCol, { col: true })}`;
  sheet.conditionalFormats.push({
    rect: rect(GRID.firstRow, GRID.nameCol, rows, 1),
    rule: {
      kind: "formula",
      formula: `AND(${needCell}<>"",${markCountFormula(row)}=0,${anyX})`,
      ...flag,
    },
  });

  names.push({ name: TICKS_NAMES.ticks, sheet: sheet.name, rect: body });
  return sheet;
}

/**
 * Reads names across and down (also past the table the add-in wrote: names typed by hand count),
 * their kinds, and every X. The body is found through SM_Ticks; the other cells by the grid's offsets.
 */
function read({ grids, problems, draft }: ReadContext): void {
  const named = grids.names.find((n) => n.name === TICKS_NAMES.ticks);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) {
    problems.push(msg.notAStudy(TICKS_NAMES.ticks));
    draft.notAStudy = true;
    return;
  }
  const body = named.rect;
  const { headerRow, typeRow, nameCol, typeCol } = crossTableFrom(body);
  if (headerRow < 1 || typeRow < 1 || nameCol < 1 || typeCol < 1) {
    // The name was redefined to a place where the table cannot be (its headers would be off-sheet).
    problems.push(msg.nameMisplaced(TICKS_NAMES.ticks, where(grid, body.row, body.col)));
    draft.notAStudy = true;
    return;
  }

  // Only the cells that exist are visited (names typed past the table count too): a stray cell
  // far away costs one visit, not a scan of the rectangle up to it.
  const columnCells = [];
  const cols = new Set<number>();
  for (let col = body.col; col < body.col + body.cols; col++) cols.add(col);
  for (const row of [headerRow, typeRow])
    for (const col of presentCols(grid, row, body.col)) cols.add(col);
  for (const col of [...cols].sort((a, b) => a - b))
    columnCells.push({ index: col - body.col, row: headerRow, col, typeRow, typeCol: col });
  const rowCells = [];
  const rowsToRead = new Set<number>();
  for (let row = body.row; row < body.row + body.rows; row++) rowsToRead.add(row);
  const filledRows = presentRows(grid, body.row);
  for (const row of filledRows) {
    if (cellAt(grid, row, nameCol) !== null || cellAt(grid, row, typeCol) !== null)
      rowsToRead.add(row);
  }
  for (const row of [...rowsToRead].sort((a, b) => a - b))
    rowCells.push({ index: row - body.row, row, col: nameCol, typeRow: row, typeCol });
  const columns = readNames(grid, columnCells, CLIENTELE_TYPES, "clienteles", problems);
  const rows = readNames(grid, rowCells, NEED_TYPES, "needs", problems);

  const tickedColumns = new Set<number>();
  const tickedRows = new Set<number>();
  // Each tick by the offsets of its column and row in the table, numbered once the lists are known.
  const ticks: { column: number; row: number; pair: Pair }[] = [];
  // One row's ticks in a function of its own: the loop V8 optimises is this one, not the whole
  // reader (compiling which was a twentieth of a cold read's work at 200 x 200).
  const readRow = (row: number): void => {
    for (const col of presentCols(grid, row, body.col)) {
      const raw = cellText(cellAt(grid, row, col)).trim();
      if (raw === "") continue;
      if (!isMark(raw)) {
        problems.push(msg.notATick(where(grid, row, col), raw));
        continue;
      }
      const clientele = columns.found.get(col - body.col);
      const need = rows.found.get(row - body.row);
      if (!clientele || !need) {
        // A name already reported as wrong explains this X: say it once.
        if (columns.rejected.has(col - body.col) || rows.rejected.has(row - body.row)) continue;
        problems.push(
          msg.tickWithoutName(
            where(grid, row, col),
            clientele ? "need" : "clientele",
            clientele ? cellAddress(row, nameCol) : cellAddress(headerRow, col)
          )
        );
        continue;
      }
      tickedColumns.add(col - body.col);
      tickedRows.add(row - body.row);
      ticks.push({
        column: col - body.col,
        row: row - body.row,
        pair: { clientele: clientele.name, need: need.name },
      });
    }
  };
  for (const row of filledRows) readRow(row);

  const clienteles = [...columns.found.entries()].sort((a, b) => a[0] - b[0]);
  const needs = [...rows.found.entries()].sort((a, b) => a[0] - b[0]);
  draft.clienteles = clienteles.map(([, f]) => f);
  draft.needs = needs.map(([, f]) => f);
  const clientelePosition = new Map(clienteles.map(([index], position) => [index, position]));
  const needPosition = new Map(needs.map(([index], position) => [index, position]));
  for (const { column, row, pair } of ticks) {
    const c = clientelePosition.get(column) as number;
    const n = needPosition.get(row) as number;
    draft.pairs.set(pairPlace(c, n, needs.length), pair);
  }
  if (draft.clienteles.length === 0) {
    const first = cellAddress(headerRow, body.col);
    problems.push(msg.noClienteles(where(grid, headerRow, body.col), headerRow, first));
  }
  if (draft.needs.length === 0) {
    const first = cellAddress(body.row, nameCol);
    problems.push(msg.noNeeds(where(grid, body.row, nameCol), columnLetters(nameCol), first));
  }
  if (draft.clienteles.length > 0 && draft.needs.length > 0) {
    for (const [index, clientele] of columns.found) {
      if (!tickedColumns.has(index))
        problems.push(
          msg.clienteleWithoutNeed({ sheet: grid.name, cell: clientele.at }, clientele.name)
        );
    }
    for (const [index, need] of rows.found) {
      if (!tickedRows.has(index))
        problems.push(msg.needWithoutClientele({ sheet: grid.name, cell: need.at }, need.name));
    }
  }
}

/** Names along a row or a column, with their kinds; blank cells are gaps, not names. */
function readNames(
  grid: SheetGrid,
  /** `index`: the offset from the table's first column or row, which keys the names found. */
  cells: { index: number; row: number; col: number; typeRow: number; typeCol: number }[],
  kinds: readonly Kind[],
  field: "clienteles" | "needs",
  problems: ReadContext["problems"]
): { found: Map<number, FoundItem>; rejected: Set<number> } {
  const found = new Map<number, FoundItem>();
  const rejected = new Set<number>();
  const names = new NameList(field, problems);
  cells.forEach((cell) => {
    const index = cell.index;
    const raw = cellText(cellAt(grid, cell.row, cell.col));
    const typeRaw = cellText(cellAt(grid, cell.typeRow, cell.typeCol)).trim();
    const at = cellAddress(cell.row, cell.col);
    if (raw.trim() === "") {
      if (typeRaw !== "")
        problems.push(
          msg.typeWithoutName(where(grid, cell.typeRow, cell.typeCol), field, typeRaw, at)
        );
      return;
    }
    const name = names.add(raw, where(grid, cell.row, cell.col));
    if (name === undefined) {
      rejected.add(index);
      return;
    }
    const entry: FoundItem = { name, at };
    const typeAt = where(grid, cell.typeRow, cell.typeCol);
    const kind = itemKind(field, typeRaw, typeRaw, typeAt, name, kinds, problems);
    if (kind === undefined) {
      rejected.add(index);
      return;
    }
    if (kind !== null) entry.type = kind;
    found.set(index, entry);
  });
  return { found, rejected };
}

export const TICKS_SHEET = {
  role: "ticks",
  names: TICKS_NAMES,
  anchor: TICKS_NAMES.ticks,
  tabColour: "#2F5597",
  inTemplate: true,
  plan,
  read,
} satisfies SheetModule<"ticks">;
