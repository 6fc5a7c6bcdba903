/** What a host reads from a workbook: plain cell values, defined names and tables. */
import { Rect } from "./a1";
import { Problem } from "../messages";
import { StateRead } from "./state";

/** A cell's value as shown (a formula's result); dates come as numbers, errors as their text. */
export type GridValue = string | number | boolean | null;

export interface SheetGrid {
  name: string;
  /** values[0][0] is A1; rows may be ragged or short; missing cells are empty. */
  values: GridValue[][];
  /** Merged areas, when the host reports them (the consultant merged cells). */
  merged?: Rect[];
}

export interface NamedRect {
  name: string;
  sheet: string;
  rect: Rect;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
  names: NamedRect[];
  tables: NamedRect[];
  /** The add-in's state part, when the document has one. */
  state?: StateRead;
  /** What the host has to say about the reading itself (a sheet read only in part). */
  notes?: Problem[];
}

export function cellAt(grid: SheetGrid, row: number, col: number): GridValue {
  const line = grid.values[row - 1];
  if (!line) return null;
  const value = line[col - 1];
  return value === undefined ? null : value;
}

/**
 * The rows from `fromRow` on that hold a cell, in order. Grids may be sparse (a file's reader keeps
 * only the cells that exist): a stray cell at row 1 048 576 is one row here, not a million.
 */
export function presentRows(grid: SheetGrid, fromRow: number): number[] {
  const rows: number[] = [];
  const values = grid.values;
  // Plain loops (a sparse grid's missing rows and cells read as undefined): this runs over every
  // row of a 400 000-row ratings sheet.
  for (let index = Math.max(fromRow - 1, 0); index < values.length; index++) {
    const line = values[index];
    if (line === undefined) continue;
    for (let col = 0; col < line.length; col++) {
      const value = line[col];
      if (value !== null && value !== undefined) {
        rows.push(index + 1);
        break;
      }
    }
  }
  return rows;
}

/** The columns from `fromCol` on where a row holds a value, in order. */
export function presentCols(grid: SheetGrid, row: number, fromCol: number): number[] {
  const cols: number[] = [];
  grid.values[row - 1]?.forEach((value, index) => {
    if (index + 1 >= fromCol && value !== null && value !== undefined) cols.push(index + 1);
  });
  return cols;
}

export function gridHeight(grid: SheetGrid): number {
  return grid.values.length;
}

export function gridWidth(grid: SheetGrid): number {
  return grid.values.reduce((widest, line) => Math.max(widest, line.length), 0);
}

/** A cell as text: numbers and booleans as Excel shows them by default; empty is "". */
export function cellText(value: GridValue): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
