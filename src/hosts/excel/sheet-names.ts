/** Sheet names as Excel compares them, the refusal to overwrite a sheet the add-in did not create, and temporary names. */
import { RenderRefused, WorkbookSnapshot } from "../host";
import { WorkbookPlan } from "../../layout/plan";
import { sheetNameTaken } from "../../method/messages";
import { Problem } from "../../method/problems";

/** Excel treats "matrice" and "Matrice" as the same sheet name (whatever the user's locale). */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toUpperCase();
}

/** Throws RenderRefused, before anything is queued, if a plan sheet would replace someone else's sheet. */
export function refuseForeignNameClashes(plan: WorkbookPlan, snapshot: WorkbookSnapshot): void {
  const foreign = new Map(
    snapshot.sheets.filter((sheet) => !sheet.managed).map((sheet) => [sheetKey(sheet.name), sheet])
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
