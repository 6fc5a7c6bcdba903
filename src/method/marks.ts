/**
 * The mark a consultant types (docs/method.md §2: an X where the clientèle feels the need; the same X
 * puts a member in a segment or an offering × segment pair in the targeting table): X in any case,
 * spaces around it ignored. One rule, read here in TypeScript and counted in the workbook by the
 * formulas below, which the rules' end-to-end test holds to the same cases.
 */

export const MARK = "X";

/** Whether a cell's text is a mark. */
export function isMark(text: string): boolean {
  return text.trim().toUpperCase() === MARK;
}

/** 1 for each cell of a range that holds a mark, 0 otherwise (an array expression). */
export function markFormula(range: string): string {
  return `--(UPPER(TRIM(${range}))="${MARK}")`;
}

/** How many cells of a range hold a mark. */
export function markCountFormula(range: string): string {
  return `SUMPRODUCT(${markFormula(range)})`;
}
