/**
 * The sheets of a study workbook, in workbook order: buildPlan and readStudy walk this list, and the
 * roles of sheets (SheetRole) are the roles listed here. A new sheet is one line here.
 */
import type { WorkbookTexts } from "../i18n/workbook";
import { WorkbookGrids } from "./grids";
import { SheetModule } from "./sheet";
import { CHECKLIST_SHEET } from "./sheets/checklist";
import { DIAGNOSTIC_SHEET } from "./sheets/diagnostic";
import { MATRIX_SHEET } from "./sheets/matrix";
import { RATINGS_SHEET, RATINGS_TABLE } from "./sheets/ratings";
import { SEGMENTS_SHEET } from "./sheets/segments";
import { SETTINGS_SHEET } from "./sheets/settings";
import { TARGETING_SHEET } from "./sheets/targeting";
import { TICKS_SHEET } from "./sheets/ticks";

/**
 * Reading follows the same order: the tick table gives the lists and the ticks, the ratings fill the
 * ticked pairs; the segments sheet gives the segments and the offerings, which the checklist, the
 * targeting and the diagnostic sheets refer to; the settings sheet depends on nothing.
 */
export const REGISTRY = [
  TICKS_SHEET,
  RATINGS_SHEET,
  MATRIX_SHEET,
  SEGMENTS_SHEET,
  CHECKLIST_SHEET,
  TARGETING_SHEET,
  DIAGNOSTIC_SHEET,
  SETTINGS_SHEET,
] as const;

/** Sheets planned outside a study workbook: the client export's legend (layout/export.ts). */
export const EXPORT_ONLY_ROLES = ["legend"] as const;

/** The sheets of the customers' RFM workbook (layout/sheets/rfm.ts), named by their own texts. */
export const RFM_ROLES = ["rfmCustomers", "rfmSummary"] as const;

/** The roles of a study workbook's sheets and of its client export (named by the workbook texts). */
export type StudySheetRole = (typeof REGISTRY)[number]["role"] | (typeof EXPORT_ONLY_ROLES)[number];

/**
 * Sheets the pane adds once on demand and leaves to the consultant (layout/sheets/responses.ts):
 * never part of a build, never replaced by one, named by their own texts.
 */
export const CONSULTANT_ROLES = ["responses"] as const;

/** Which sheet a sheet plan is. */
export type SheetRole =
  StudySheetRole | (typeof RFM_ROLES)[number] | (typeof CONSULTANT_ROLES)[number];

export const SHEETS: readonly SheetModule[] = REGISTRY;

/** Every role has its sheet name in the workbook texts, and the texts name no other sheet. */
export const SHEET_NAMES_MATCH_ROLES: SameKeys<WorkbookTexts["sheets"], StudySheetRole> = true;
type SameKeys<T, K> = [keyof T] extends [K] ? ([K] extends [keyof T] ? true : never) : never;

/** The name each sheet of the method has in a workbook, by role, for the sheets it holds. */
export function sheetsByRole(grids: WorkbookGrids): Partial<Record<SheetRole, string>> {
  const sheets: Partial<Record<SheetRole, string>> = {};
  for (const { role, anchor } of SHEETS) {
    const found = grids.names.find((n) => n.name === anchor);
    if (found) sheets[role] = found.sheet;
  }
  const table = grids.tables.find((t) => t.name === RATINGS_TABLE);
  if (table) sheets.ratings = table.sheet;
  return sheets;
}
