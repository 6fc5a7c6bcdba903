/**
 * *Réponses* / *Responses*: the table the consultant pastes survey answers or workshop votes into,
 * one row per respondent and pair (docs/method.md §3.3). The pane adds it once, on demand, and it is
 * the consultant's from then on: no defined name, not in the add-in's state, so that no build, no
 * *Actualiser* ever replaces it (their pasted rows are their work). The pane finds it by its table
 * (RESPONSES_TABLE), wherever it is and whatever it is called, and reads it with the same rules as
 * `responses RESPONSES.csv|.xlsx` (src/analysis/responses.ts).
 */
import { RESPONSE_COLUMNS } from "../../analysis/responses";
import { responsesSheetTexts } from "../../i18n/responses";
import { Language } from "../../method/levels";
import { NOTE_STYLE, TITLE_STYLE, emptySheet, put, rect, style } from "../kit";
import { SheetPlan, text } from "../plan";
import { RATINGS_SHEET } from "./ratings";

/**
 * The table of the sheet: how the pane finds the consultant's responses wherever the sheet is and
 * whatever it is called. Not the add-in's to manage: the sheet holding it is the consultant's, never
 * replaced nor read as part of the study.
 */
export const RESPONSES_TABLE = "SM_Responses";

/** Where the table starts: the title and the instructions above it. */
export const RESPONSES_SHEET = {
  titleRow: 1,
  firstInstructionRow: 2,
  headerRow: 5,
  /** One empty row under the headers: an Excel table has at least one. */
  firstRow: 6,
} as const;

/** The columns in the order the sheet gives them (the reader takes them in any order). */
const ORDER = [
  "respondent",
  "clientele",
  "need",
  "feels",
  "perception",
  "impact",
  "competition",
] as const satisfies readonly (keyof typeof RESPONSE_COLUMNS)[];

/** The sheet's headers, in the workbook's language (the reader accepts both languages). */
export function responsesHeaders(language: Language): string[] {
  return ORDER.map((column) => {
    const name = RESPONSE_COLUMNS[column][language];
    return name.charAt(0).toUpperCase() + name.slice(1);
  });
}

/** The empty sheet: title, instructions, the headers as an Excel table with one empty row. */
export function responsesSheetPlan(language: Language): SheetPlan {
  const t = responsesSheetTexts(language);
  const headers = responsesHeaders(language);
  const sheet = emptySheet("responses", t.name, RATINGS_SHEET.tabColour);
  put(sheet, RESPONSES_SHEET.titleRow, 1, [[text(t.title)]]);
  style(sheet, rect(RESPONSES_SHEET.titleRow, 1), TITLE_STYLE);
  t.instructions.forEach((line, i) => {
    put(sheet, RESPONSES_SHEET.firstInstructionRow + i, 1, [[text(line)]]);
    style(sheet, rect(RESPONSES_SHEET.firstInstructionRow + i, 1), NOTE_STYLE);
  });
  put(sheet, RESPONSES_SHEET.headerRow, 1, [headers.map((header) => text(header))]);
  sheet.tables.push({
    name: RESPONSES_TABLE,
    rect: rect(RESPONSES_SHEET.headerRow, 1, 2, headers.length),
    headers,
    style: "TableStyleMedium2",
  });
  sheet.columnWidths.push(
    { col: 1, width: 16 },
    { col: 2, width: 24 },
    { col: 3, width: 28 },
    ...headers.slice(3).map((_, i) => ({ col: 4 + i, width: 13 }))
  );
  sheet.freeze = { rows: RESPONSES_SHEET.headerRow, cols: 0 };
  sheet.print = { landscape: true, fitToOnePage: false, scale: 100 };
  return sheet;
}
