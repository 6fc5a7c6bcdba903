/** Splits a large 2-D write into pieces that each fit the request budget, rows first. */
import { Rect } from "../../layout/a1";
import { RequestBudget, jsonBytes } from "./budget";

export interface GridPiece<T> {
  rect: Rect;
  values: T[][];
}

/**
 * Queues `write` for pieces of `grid` (placed at `origin`): as many whole rows as fit in what is left
 * of the current request; when not even one row fits, a sync first; a single row larger than a whole
 * request (thousands of long formulas) is cut into column pieces.
 */
export async function writeInPieces<T>(
  budget: RequestBudget,
  origin: { row: number; col: number },
  grid: readonly T[][],
  write: (piece: GridPiece<T>) => void
): Promise<void> {
  // Each row costs its JSON plus a comma in the enclosing array; the brackets cost 2.
  const rowBytes = grid.map((line) => jsonBytes(line) + 1);
  let start = 0;
  while (start < grid.length) {
    let end = start;
    let bytes = 2;
    while (end < grid.length && bytes + rowBytes[end] <= budget.room) bytes += rowBytes[end++];
    if (end > start) {
      await budget.reserve(bytes);
      write(piece(origin, grid, start, end, 0, grid[start].length));
      start = end;
    } else if (!budget.isFresh) {
      await budget.flush();
    } else {
      await writeWideRow(budget, origin, grid, start, write);
      start += 1;
    }
  }
}

async function writeWideRow<T>(
  budget: RequestBudget,
  origin: { row: number; col: number },
  grid: readonly T[][],
  row: number,
  write: (piece: GridPiece<T>) => void
): Promise<void> {
  const line = grid[row];
  let start = 0;
  while (start < line.length) {
    let end = start;
    let bytes = 4;
    while (end < line.length && bytes + jsonBytes(line[end]) + 1 <= budget.room)
      bytes += jsonBytes(line[end++]) + 1;
    if (end === start) {
      if (!budget.isFresh) {
        await budget.flush();
        continue;
      }
      // One cell over the whole budget cannot be split: send it alone rather than loop forever.
      end = start + 1;
      bytes += jsonBytes(line[start]) + 1;
    }
    await budget.reserve(bytes);
    write(piece(origin, grid, row, row + 1, start, end));
    start = end;
  }
}

function piece<T>(
  origin: { row: number; col: number },
  grid: readonly T[][],
  rowStart: number,
  rowEnd: number,
  colStart: number,
  colEnd: number
): GridPiece<T> {
  return {
    rect: {
      row: origin.row + rowStart,
      col: origin.col + colStart,
      rows: rowEnd - rowStart,
      cols: colEnd - colStart,
    },
    values: grid.slice(rowStart, rowEnd).map((line) => line.slice(colStart, colEnd)),
  };
}
