/** The workbook's formulas, generated from the method's definitions (score.ts) in one place. */
import { scoreFormula } from "../method/score";
import { cellAddress, sheetRef } from "./a1";
import { GRID, NAMES } from "./geometry";

/** Number of ticks in a row or column of the tick table: X in any case, spaces ignored, as the reader. */
export function tickCountFormula(range: string): string {
  return `SUMPRODUCT(--(UPPER(TRIM(${range}))="X"))`;
}

/** The score of one ratings row, from its own label cells. */
export function ratingRowScoreFormula(
  row: number,
  cols: { clientele: number; need: number; perception: number; impact: number }
): string {
  const c = (col: number): string => cellAddress(row, col);
  const score = scoreFormula(
    `MATCH(${c(cols.perception)},${NAMES.perceptionLevels},0)`,
    `MATCH(${c(cols.impact)},${NAMES.impactLevels},0)`,
    NAMES.weightPerception,
    NAMES.weightImpact
  );
  return `IF(OR(${c(cols.clientele)}="",${c(cols.need)}=""),"",IFERROR(${score},""))`;
}

/**
 * The score of one matrix cell: empty unless the pair is ticked and exactly one ratings row names it
 * (compared with "=", which has no wildcards, so any name matches only itself), then the score of
 * that row's labels. It reads the tick and the ratings directly, so it stays live without the add-in.
 * The names come from the matrix's own headers, which mirror the tick table's (shorter formulas:
 * a large matrix is mostly formula text on the wire).
 */
export function matrixCellFormula(ticksSheet: string, row: number, col: number): string {
  const header = cellAddress(GRID.headerRow, col, { row: true });
  const need = cellAddress(row, GRID.nameCol, { col: true });
  const tick = sheetRef(ticksSheet, cellAddress(row, col));
  const match = `--(${NAMES.ratingClienteles}=${header}),--(${NAMES.ratingNeeds}=${need})`;
  const count = `SUMPRODUCT(${match})`;
  const index = `SUMPRODUCT(${match},ROW(${NAMES.ratingClienteles})-MIN(ROW(${NAMES.ratingClienteles}))+1)`;
  const score = scoreFormula(
    `MATCH(INDEX(${NAMES.ratingPerceptions},${index}),${NAMES.perceptionLevels},0)`,
    `MATCH(INDEX(${NAMES.ratingImpacts},${index}),${NAMES.impactLevels},0)`,
    NAMES.weightPerception,
    NAMES.weightImpact
  );
  return `IF(OR(${header}="",${need}="",UPPER(TRIM(${tick}))<>"X"),"",IF(${count}<>1,"",IFERROR(${score},"")))`;
}

/** A cell that shows another sheet's cell, empty when that one is empty (not 0). */
export function mirrorFormula(
  sheet: string,
  row: number,
  col: number,
  absolute: { row?: boolean; col?: boolean }
): string {
  const ref = sheetRef(sheet, cellAddress(row, col, absolute));
  return `IF(${ref}="","",${ref})`;
}
