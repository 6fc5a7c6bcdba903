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
