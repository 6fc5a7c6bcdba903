/** The sheets of a study workbook, in workbook order: buildPlan and readStudy walk this list. */
import { SheetModule } from "./sheet";
import { MATRIX_SHEET } from "./sheets/matrix";
import { RATINGS_SHEET } from "./sheets/ratings";
import { SETTINGS_SHEET } from "./sheets/settings";
import { TICKS_SHEET } from "./sheets/ticks";

/**
 * Reading follows the same order: the tick table gives the lists and the ticks, the ratings fill the
 * ticked pairs, later sheets refer to both; the settings sheet depends on nothing.
 */
export const SHEETS: readonly SheetModule[] = [
  TICKS_SHEET,
  RATINGS_SHEET,
  MATRIX_SHEET,
  SETTINGS_SHEET,
];
