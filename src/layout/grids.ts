/** What a host reads from a workbook: plain cell values, defined names and tables. */
import { Rect } from "./a1";

/** A cell's value as shown (a formula's result); dates come as numbers, errors as their text. */
export type GridValue = string | number | boolean | null;

export interface SheetGrid {
  name: string;
  /** values[0][0] is A1; rows may be ragged or short; missing cells are empty. */
  values: GridValue[][];
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
}

export function cellAt(grid: SheetGrid, row: number, col: number): GridValue {
  const line = grid.values[row - 1];
  if (!line) return null;
  const value = line[col - 1];
  return value === undefined ? null : value;
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
