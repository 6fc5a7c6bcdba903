/**
 * Excel's sheet limits, checked against a study before anything is planned or written: a study
 * whose lists or ratings would not fit is refused naming the field, instead of failing half-way
 * ("16385 is out of bounds") or writing a workbook Excel cannot open. The room comes from the same
 * geometry the sheets are planned with.
 */
import { WORKBOOK_TEXTS } from "../i18n/workbook";
import { Language } from "../method/levels";
import * as msg from "../messages";
import { Problem } from "../messages";
import { Study } from "../method/study";
import { Rect } from "./a1";
import { NamedRect, WorkbookGrids, gridHeight, gridWidth } from "./grids";
import { GRID } from "./sheets/grid";
import { ROWS_UNDER_MATRIX, rowsUnderMatrix } from "./sheets/matrix";
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

/**
 * The largest study the command line builds: the file reader reads it back within its ceilings
 * (READ_CEILING, hosts/xlsx/zip.ts), in seconds and a few hundred megabytes (docs/performance.md).
 * A larger one is refused before anything is written, naming this limit, rather than built into a
 * workbook nothing could read back.
 */
export const READ_ROOM = { pairs: 500000, matrixCells: 2000000 } as const;

export function excelLimitProblems(
  study: Pick<Study, "clienteles" | "needs" | "pairs">,
  language: Language,
  file?: string
): Problem[] {
  const sheets = WORKBOOK_TEXTS[language].sheets;
  const problems: Problem[] = [];
  // A study with evidence has one more line of legend under its matrix.
  const room = {
    ...STUDY_ROOM,
    needs: STUDY_ROOM.needs - (rowsUnderMatrix(study) - ROWS_UNDER_MATRIX),
  };
  const check = (field: "clienteles" | "needs" | "pairs", count: number, sheet: string): void => {
    if (count > room[field])
      problems.push(msg.excelLimit({ file, field }, field, count, room[field], sheet));
  };
  check("clienteles", study.clienteles.length, sheets.ticks);
  check("needs", study.needs.length, sheets.ticks);
  check("pairs", study.pairs.length, sheets.ratings);
  if (study.pairs.length > READ_ROOM.pairs)
    problems.push(
      msg.studyTooLargeToRead(
        { file, field: "pairs" },
        "pairs",
        study.pairs.length,
        READ_ROOM.pairs
      )
    );
  const matrixCells = study.clienteles.length * study.needs.length;
  if (matrixCells > READ_ROOM.matrixCells)
    problems.push(msg.studyTooLargeToRead({ file }, "cells", matrixCells, READ_ROOM.matrixCells));
  return problems;
}

/**
 * A named area cut to the cells its sheet holds (`extent`: from A1 to the farthest cell present)
 * and to Excel's grid, keeping its top-left cell (readers check where a name starts): a name
 * redefined to B5:XFD1048576 or to 10¹² rows is read as the cells that exist, never looped over.
 */
export function clampArea(rect: Rect, extent: { rows: number; cols: number }): Rect {
  const lastRow = Math.min(rect.row + rect.rows - 1, extent.rows, EXCEL_LIMITS.rows);
  const lastCol = Math.min(rect.col + rect.cols - 1, extent.cols, EXCEL_LIMITS.cols);
  return {
    row: rect.row,
    col: rect.col,
    rows: Math.max(1, lastRow - rect.row + 1),
    cols: Math.max(1, lastCol - rect.col + 1),
  };
}

/** Every name and table of the grids clamped to its sheet's cells (a sheet not read: to the grid). */
export function clampNamedAreas<T extends Pick<WorkbookGrids, "sheets" | "names" | "tables">>(
  grids: T
): T {
  const extents = new Map(
    grids.sheets.map((sheet) => [sheet.name, { rows: gridHeight(sheet), cols: gridWidth(sheet) }])
  );
  const clamp = (named: NamedRect): NamedRect => {
    const extent = extents.get(named.sheet) ?? { rows: EXCEL_LIMITS.rows, cols: EXCEL_LIMITS.cols };
    return { ...named, rect: clampArea(named.rect, extent) };
  };
  return { ...grids, names: grids.names.map(clamp), tables: grids.tables.map(clamp) };
}
