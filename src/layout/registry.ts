/** The sheets of a study workbook, in workbook order: buildPlan and readStudy walk this list. */
import { SheetModule } from "./sheet";
import { CHECKLIST_SHEET } from "./sheets/checklist";
import { MATRIX_SHEET } from "./sheets/matrix";
import { RATINGS_SHEET } from "./sheets/ratings";
import { SEGMENTS_SHEET } from "./sheets/segments";
import { SETTINGS_SHEET } from "./sheets/settings";
import { TARGETING_SHEET } from "./sheets/targeting";
import { TICKS_SHEET } from "./sheets/ticks";

/**
 * Reading follows the same order: the tick table gives the lists and the ticks, the ratings fill the
 * ticked pairs; the segments sheet gives the segments and the offerings, which the checklist and the
 * targeting sheet refer to; the settings sheet depends on nothing.
 */
export const SHEETS: readonly SheetModule[] = [
  TICKS_SHEET,
  RATINGS_SHEET,
  MATRIX_SHEET,
  SEGMENTS_SHEET,
  CHECKLIST_SHEET,
  TARGETING_SHEET,
  SETTINGS_SHEET,
];
