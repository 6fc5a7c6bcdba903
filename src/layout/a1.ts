/** A1 addresses. Rows and columns are 1-based, as in Excel. */

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(
  row: number,
  col: number,
  absolute: { row?: boolean; col?: boolean } = {}
): string {
  return `${absolute.col ? "$" : ""}${columnLetters(col)}${absolute.row ? "$" : ""}${row}`;
}

export function rectAddress(rect: Rect, absolute = false): string {
  const abs = { row: absolute, col: absolute };
  const first = cellAddress(rect.row, rect.col, abs);
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1, abs)}`;
}

/** Parses "B6", "$C$6:$O$18" (no sheet part). */
export function parseRect(address: string): Rect | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!match) return undefined;
  const col = columnNumber(match[1]);
  const row = Number(match[2]);
  const lastCol = match[3] ? columnNumber(match[3]) : col;
  const lastRow = match[4] ? Number(match[4]) : row;
  return {
    row: Math.min(row, lastRow),
    col: Math.min(col, lastCol),
    rows: Math.abs(lastRow - row) + 1,
    cols: Math.abs(lastCol - col) + 1,
  };
}

/** A sheet name as formulas quote it: 'Qui ressent quoi'!A1. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, address: string): string {
  return `${quoteSheetName(sheet)}!${address}`;
}

/** Splits "'It''s'!$A$1:$B$2" into sheet and address. */
export function parseSheetRef(reference: string): { sheet: string; rect: Rect } | undefined {
  const text = reference.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return undefined;
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const rect = parseRect(text.slice(bang + 1));
  return rect ? { sheet, rect } : undefined;
}
