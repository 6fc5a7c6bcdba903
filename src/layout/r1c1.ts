/**
 * A1 → R1C1: the notation in which a relative formula has the same text in every cell it fills.
 * Only what the layout's formulas use: cell references (optionally sheet-qualified, with $), ranges
 * of them, text in double quotes, names and functions (left as they are).
 */
import { columnNumber } from "./a1";

/** A text literal, a quoted sheet name, or a cell reference with optional $ and sheet. */
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'!|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/g;

export function toR1C1(formula: string, row: number, col: number): string {
  return formula.replace(
    TOKEN,
    (whole, colAbs?: string, letters?: string, rowAbs?: string, digits?: string) => {
      if (letters === undefined || digits === undefined) return whole;
      const refRow = Number(digits);
      const refCol = columnNumber(letters);
      const r = rowAbs ? `R${refRow}` : refRow === row ? "R" : `R[${refRow - row}]`;
      const c = colAbs ? `C${refCol}` : refCol === col ? "C" : `C[${refCol - col}]`;
      return r + c;
    }
  );
}
