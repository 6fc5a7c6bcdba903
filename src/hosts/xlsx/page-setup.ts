/**
 * The page setup texts both .xlsx writers share (render.ts streaming, browser-render.ts through
 * ExcelJS): the rows and columns repeated on every printed page and the header with the study's
 * title, so that the pane's client workbook prints as the command line's does.
 */
import { columnLetters, quoteSheetName } from "../../layout/a1";
import { PrintSetup, SheetPlan } from "../../layout/plan";

/** `'Sheet'!$A:$B,'Sheet'!$1:$5`: the defined name `_xlnm.Print_Titles`, undefined when none. */
export function printTitles(sheet: SheetPlan): string | undefined {
  const quoted = quoteSheetName(sheet.name);
  const parts: string[] = [];
  const cols = sheet.print.titleCols;
  if (cols) parts.push(`${quoted}!$${columnLetters(cols.first)}:$${columnLetters(cols.last)}`);
  const rows = sheet.print.titleRows;
  if (rows) parts.push(`${quoted}!$${rows.first}:$${rows.last}`);
  return parts.length ? parts.join(",") : undefined;
}

/** Rows `1:5` and columns `A:B` as ExcelJS's page setup takes them. */
export function printTitleRanges(print: PrintSetup): { rows?: string; cols?: string } {
  return {
    ...(print.titleRows ? { rows: `${print.titleRows.first}:${print.titleRows.last}` } : {}),
    ...(print.titleCols
      ? { cols: `${columnLetters(print.titleCols.first)}:${columnLetters(print.titleCols.last)}` }
      : {}),
  };
}

/**
 * The header's codes: the title on the left, "page / pages" on the right. `&` in the title is
 * doubled (a lone one starts a code); the font is named, as every font of the exports is.
 */
export function pageHeader(print: PrintSetup, font: string): string | undefined {
  if (print.header === undefined) return undefined;
  const title = print.header.replace(/&/g, "&&");
  return `&L&"${font},Bold"${title}&R&"${font},Regular"&P / &N`;
}

/**
 * Manual page breaks after rows (`rowBreaks`, each `id` the row a page ends on) or columns
 * (`colBreaks`), as SpreadsheetML writes them; "" when none.
 */
export function pageBreaksXml(tag: "rowBreaks" | "colBreaks", after: readonly number[]): string {
  if (after.length === 0) return "";
  // A row break runs across every column, a column break down every row.
  const max = tag === "rowBreaks" ? 16383 : 1048575;
  return (
    `<${tag} count="${after.length}" manualBreakCount="${after.length}">` +
    after.map((id) => `<brk id="${id}" max="${max}" man="1"/>`).join("") +
    `</${tag}>`
  );
}
