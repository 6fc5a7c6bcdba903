/**
 * The mark a consultant types (docs/method.md §2: an X where the clientèle feels the need; the same X
 * puts a member in a segment or an offering × segment pair in the targeting table): X in any case,
 * spaces around it ignored. One rule, read here in TypeScript and counted in the workbook by the
 * formulas below, which the rules' end-to-end test holds to the same cases.
 */

export const MARK = "X";

/**
 * The text as Excel's TRIM gives it: no space (U+0020) at its ends, one between words. A
 * non-breaking space or a tab is not a space to Excel, so it is not here either (JavaScript's trim
 * would take it, and an "X" with a non-breaking space would be a tick for the reader and none for
 * the formulas). Readers compare typed words through this, as the formulas do through TRIM.
 */
export function excelTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
  let trimmed = "";
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 || text.charCodeAt(at - 1) !== 0x20) trimmed += text[at];
  }
  return trimmed;
}

/** Whether a cell's text is a mark. */
export function isMark(text: string): boolean {
  // The mark alone, as a tick table holds it on every ticked cell, needs no trimming.
  return text === MARK || excelTrim(text).toUpperCase() === MARK;
}

/** 1 for each cell of a range that holds a mark, 0 otherwise (an array expression). */
export function markFormula(range: string): string {
  return `--(UPPER(TRIM(${range}))="${MARK}")`;
}

/** How many cells of a range hold a mark. */
export function markCountFormula(range: string): string {
  return `SUMPRODUCT(${markFormula(range)})`;
}
