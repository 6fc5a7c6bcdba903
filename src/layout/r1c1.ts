/**
 * A1 → R1C1: the notation in which a relative formula has the same text in every cell it fills.
 * Only what the layout's formulas use: cell references (optionally sheet-qualified, with $), ranges
 * of them, text in double quotes, names and functions (left as they are).
 */
import { columnLetters, columnNumber } from "./a1";

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

/**
 * R1C1 → A1 for the cell at (row, col), as Excel resolves it: R and C alone are this row or column,
 * R[n] / C[n] are relative, Rn / Cn absolute. Text in double quotes and quoted sheet names are
 * left as they are. What a writer without shared formulas sends for each cell of a fill.
 */
export function fromR1C1(formula: string, row: number, col: number): string {
  const token =
    /"(?:[^"]|"")*"|'(?:[^']|'')*'!|(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_.(])/g;
  return formula.replace(token, (whole, r?: string, c?: string) => {
    if (whole.startsWith('"') || whole.startsWith("'")) return whole;
    const part = (spec: string | undefined, here: number): [number, boolean] => {
      if (spec === undefined) return [here, false];
      if (spec.startsWith("[")) return [here + Number(spec.slice(1, -1)), false];
      return [Number(spec), true];
    };
    const [refRow, rowAbs] = part(r, row);
    const [refCol, colAbs] = part(c, col);
    return `${colAbs ? "$" : ""}${columnLetters(refCol)}${rowAbs ? "$" : ""}${refRow}`;
  });
}
