/**
 * Excel's sheet limits, checked against a study before anything is planned or written: a study
 * whose lists or ratings would not fit is refused naming the field, instead of failing half-way
 * ("16385 is out of bounds") or writing a workbook Excel cannot open. The room comes from the same
 * geometry the sheets are planned with.
 */
import { WORKBOOK_TEXTS } from "../i18n/workbook";
import { Language } from "../method/levels";
import * as msg from "../method/messages";
import { Problem } from "../method/problems";
import { Study } from "../method/study";
import { GRID } from "./sheets/grid";
import { ROWS_UNDER_MATRIX } from "./sheets/matrix";
import { RATINGS } from "./sheets/ratings";

export const EXCEL_LIMITS = { rows: 1048576, cols: 16384, cellText: 32767, sheetName: 31 } as const;

export const STUDY_ROOM = {
  /** Clientèle columns of the tick table and the matrix: from C to XFD. */
  clienteles: EXCEL_LIMITS.cols - GRID.firstCol + 1,
  /** Need rows, from row 6, leaving the matrix room for its legend. */
  needs: EXCEL_LIMITS.rows - ROWS_UNDER_MATRIX - GRID.firstRow + 1,
  /** Ratings rows, from row 5, leaving the spare rows the lookups and dropdowns cover. */
  pairs: EXCEL_LIMITS.rows - RATINGS.spareRows - RATINGS.firstRow + 1,
} as const;

export function excelLimitProblems(
  study: Pick<Study, "clienteles" | "needs" | "pairs">,
  language: Language,
  file?: string
): Problem[] {
  const sheets = WORKBOOK_TEXTS[language].sheets;
  const problems: Problem[] = [];
  const check = (field: "clienteles" | "needs" | "pairs", count: number, sheet: string): void => {
    if (count > STUDY_ROOM[field])
      problems.push(msg.excelLimit({ file, field }, field, count, STUDY_ROOM[field], sheet));
  };
  check("clienteles", study.clienteles.length, sheets.ticks);
  check("needs", study.needs.length, sheets.ticks);
  check("pairs", study.pairs.length, sheets.ratings);
  return problems;
}
