/**
 * Sheet and defined names as Excel compares and accepts them: the refusal to overwrite a sheet the
 * add-in did not create, the refusal of a name Excel would reject half-way through a build, and
 * temporary names.
 */
import { RenderRefused, SheetInfo } from "../host";
import { columnNumber } from "../../layout/a1";
import { WorkbookPlan } from "../../layout/plan";
import {
  SheetNameFault,
  planNameInvalid,
  planSheetNameInvalid,
  sheetNameTaken,
} from "../../messages";
import { Problem } from "../../messages";
import { EXCEL_LIMITS } from "../../layout/limits";

/** Excel treats "matrice" and "Matrice" as the same sheet name (whatever the user's locale). */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toUpperCase();
}

/** Throws RenderRefused, before anything is queued, if a plan sheet would replace someone else's sheet. */
export function refuseForeignNameClashes(plan: WorkbookPlan, sheets: readonly SheetInfo[]): void {
  const foreign = new Map(
    sheets.filter((sheet) => !sheet.managed).map((sheet) => [sheetKey(sheet.name), sheet])
  );
  const problems: Problem[] = [];
  for (const sheet of plan.sheets) {
    const clash = foreign.get(sheetKey(sheet.name));
    if (!clash) continue;
    problems.push(sheetNameTaken(clash.name));
  }
  if (problems.length > 0) throw new RenderRefused(problems);
}

/**
 * Excel's rules for sheet names: 1 to 31 characters, none of : \ / ? * [ ], no apostrophe first or
 * last, and not "History" (reserved by Excel, in any case).
 */
export function sheetNameFault(name: string): SheetNameFault | undefined {
  if (name.length === 0 || name.length > 31) return "length";
  if (/[:\\/?*[\]]/.test(name)) return "character";
  if (name.startsWith("'") || name.endsWith("'")) return "quote";
  if (sheetKey(name) === "HISTORY") return "reserved";
  return undefined;
}

/**
 * Excel's rules for defined names and table names: a letter, "_" or "\" first, then letters, digits,
 * "_" and "."; at most 255 characters; never something that reads as a cell, in A1 ("AB12") or R1C1
 * notation ("R1C1", "R", "C12").
 */
export function excelRefusesName(name: string): boolean {
  if (name.length > 255 || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return true;
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(name);
  if (a1) {
    const row = Number(a1[2]);
    if (columnNumber(a1[1]) <= EXCEL_LIMITS.cols && row >= 1 && row <= EXCEL_LIMITS.rows)
      return true;
  }
  return /^(?:R[0-9]*C?[0-9]*|C[0-9]*)$/i.test(name);
}

/** Throws RenderRefused before Excel is called if a plan's sheet, table or defined name would be refused. */
export function refuseNamesExcelRejects(plan: WorkbookPlan): void {
  const problems: Problem[] = [];
  for (const sheet of plan.sheets) {
    const fault = sheetNameFault(sheet.name);
    if (fault) problems.push(planSheetNameInvalid(sheet.name, fault));
    for (const table of sheet.tables)
      if (excelRefusesName(table.name)) problems.push(planNameInvalid("table", table.name));
  }
  for (const named of plan.names)
    if (excelRefusesName(named.name)) problems.push(planNameInvalid("name", named.name));
  if (problems.length > 0) throw new RenderRefused(problems);
}

/**
 * Names for the new sheets while the old ones still exist: unlike any sheet of the workbook or of the
 * plan, short (Excel allows 31 characters) and plainly temporary if a failure ever leaves one behind.
 */
export function temporaryNames(count: number, taken: Iterable<string>): string[] {
  const used = new Set([...taken].map(sheetKey));
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) {
    const candidate = `SM temp ${n}`;
    if (!used.has(sheetKey(candidate))) names.push(candidate);
  }
  return names;
}
