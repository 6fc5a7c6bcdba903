/** Plan cells → what Office.js `range.formulas` takes, so that user text can never turn into a formula. */
import { CellValue } from "../../layout/plan";

export type FormulaInput = string | number;

/**
 * Text gets a leading apostrophe: Excel stores the text without it and never parses it, so "=1+1",
 * "+33 6", "@home", "2024", "TRUE" and "'quoted" all stay exactly what was typed.
 */
export function formulaInput(cell: CellValue): FormulaInput {
  if (cell === null) return "";
  switch (cell.kind) {
    case "text":
      return cell.text === "" ? "" : `'${cell.text}`;
    case "number":
      return cell.value;
    case "formula":
      return `=${cell.formula}`;
  }
}

/** A block as a rectangle: ragged rows are padded with empty cells (Office.js wants exact sizes). */
export function formulaGrid(values: readonly CellValue[][]): FormulaInput[][] {
  const width = values.reduce((widest, line) => Math.max(widest, line.length), 0);
  return values.map((line) =>
    Array.from({ length: width }, (_, j) => formulaInput(line[j] ?? null))
  );
}

/** Columns [start, end) of a grid, relative to its first column. */
export interface ColumnRun {
  start: number;
  end: number;
}

/**
 * The runs of columns that hold something, for a grid written on a sheet just added (its cells are
 * empty already, so an empty column need not travel). A gap is kept inside a run when leaving it out
 * would save less than `splitCost` bytes (what one more call costs): a sparse column in the middle
 * of a table is not worth a second call, the empty comment column beside 16 000 ratings is.
 */
export function filledColumnRuns(grid: readonly FormulaInput[][], splitCost: number): ColumnRun[] {
  const width = grid[0]?.length ?? 0;
  const filled = Array.from({ length: width }, (_, j) => grid.some((line) => line[j] !== ""));
  // An empty cell travels as `"",` (3 bytes): what a gap of `cols` columns costs over every row.
  const gapBytes = (cols: number): number => 3 * cols * grid.length;
  const runs: ColumnRun[] = [];
  for (let j = 0; j < width; j += 1) {
    if (!filled[j]) continue;
    const last = runs[runs.length - 1];
    if (last && gapBytes(j - last.end) < splitCost) last.end = j + 1;
    else runs.push({ start: j, end: j + 1 });
  }
  return runs;
}
