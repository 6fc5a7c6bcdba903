/**
 * The sheets of a study workbook, in workbook order: buildPlan and readStudy walk this list, and the
 * roles of sheets (SheetRole) are the roles listed here. A new sheet is one line here.
 */
import type { WorkbookTexts } from "../i18n/workbook";
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
const REGISTRY = [
  TICKS_SHEET,
  RATINGS_SHEET,
  MATRIX_SHEET,
  SEGMENTS_SHEET,
  CHECKLIST_SHEET,
  TARGETING_SHEET,
  SETTINGS_SHEET,
] as const;

/** Sheets planned outside a study workbook: the client export's legend (layout/export.ts). */
export const EXPORT_ONLY_ROLES = ["legend"] as const;

/** Which sheet of the method a sheet plan is (its name comes from the workbook texts). */
export type SheetRole = (typeof REGISTRY)[number]["role"] | (typeof EXPORT_ONLY_ROLES)[number];

export const SHEETS: readonly SheetModule[] = REGISTRY;

/** Every role has its sheet name in the workbook texts, and the texts name no other sheet. */
export const SHEET_NAMES_MATCH_ROLES: SameKeys<WorkbookTexts["sheets"], SheetRole> = true;
type SameKeys<T, K> = [keyof T] extends [K] ? ([K] extends [keyof T] ? true : never) : never;
