/**
 * Renders a WorkbookPlan through Office.js, the twin of the ExcelJS host: same plan, same workbook.
 * Everything is queued in one batch, synced only when a request would pass the size budget.
 */
import { RenderReport, WorkbookSnapshot } from "../host";
import { rectAddress } from "../../layout/a1";
import { NAME_PREFIX } from "../../layout/names";
import { SheetPlan, WorkbookPlan } from "../../layout/plan";
import { RequestBudget } from "./budget";
import { formulaGrid } from "./cells";
import { writeInPieces } from "./chunks";
import { applyLayout, applyStyle, queue } from "./format";
import { RenderInterrupted, interruptedState } from "./interrupted";
import { applyConditionalFormat, applyValidation } from "./rules";
import { temporaryNames } from "./sheet-names";
import { queueStateWrite } from "./state-part";

export interface RenderOptions {
  /** ExcelApi 1.9: orientation and fit to one page. */
  pageLayout: boolean;
  /** SM_ names found when the snapshot was read (broken ones included); the snapshot's own are added. */
  ownNames: readonly string[];
  /** The add-in's state parts found when the snapshot was read: replaced by the plan's. */
  stateParts?: readonly string[];
}

/** The caller has already refused plans that would replace a sheet the add-in did not create. */
export async function renderPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  snapshot: WorkbookSnapshot,
  options: RenderOptions
): Promise<RenderReport> {
  const oldSheets = snapshot.sheets.filter((sheet) => sheet.managed).map((sheet) => sheet.name);
  const temporary = temporaryNames(plan.sheets.length, [
    ...snapshot.sheets.map((sheet) => sheet.name),
    ...plan.sheets.map((sheet) => sheet.name),
  ]);
  const budget = new RequestBudget(() => context.sync());
  try {
    await queueBuild(context, budget, plan, { ...options, oldSheets, temporary }, snapshot);
    await budget.flush();
  } catch (failure) {
    throw await interrupted(context, failure, {
      sheets: plan.sheets.map((sheet) => sheet.name),
      temporary,
      old: oldSheets,
    });
  }
  return { written: plan.sheets.map((sheet) => sheet.name), replaced: oldSheets };
}

async function queueBuild(
  context: Excel.RequestContext,
  budget: RequestBudget,
  plan: WorkbookPlan,
  options: RenderOptions & { oldSheets: string[]; temporary: string[] },
  snapshot: WorkbookSnapshot
): Promise<void> {
  const workbook = context.workbook;
  // New sheets first, so the workbook never has zero sheets.
  const added: Excel.Worksheet[] = [];
  for (const name of options.temporary) {
    added.push(await queue(budget, name, () => workbook.worksheets.add(name)));
  }
  // Old sheets before old names: if Excel stops in between, what is left still carries its names,
  // so the next build recognises it as the add-in's and replaces it.
  for (const name of options.oldSheets) {
    await queue(budget, name, () => workbook.worksheets.getItem(name).delete());
  }
  for (const name of namesToDelete(options.ownNames, snapshot)) {
    await queue(budget, name, () => workbook.names.getItem(name).delete());
  }
  // Names go on the new sheets while they still have temporary names (Excel carries names along
  // on a rename): from here on, a sheet left behind by a failure is one the next build replaces.
  for (const name of plan.names) {
    const sheet = added[plan.sheets.findIndex((sheetPlan) => sheetPlan.name === name.sheet)];
    if (!sheet) throw new Error(`Plan name ${name.name} points to unknown sheet ${name.sheet}`);
    const address = rectAddress(name.rect);
    await queue(budget, [name.name, address], () =>
      workbook.names.add(name.name, sheet.getRange(address))
    );
  }
  // Final names before any formula is written, so that references bind to these sheets.
  for (const [index, sheetPlan] of plan.sheets.entries()) {
    const sheet = added[index];
    await queue(budget, sheetPlan.name, () => (sheet.name = sheetPlan.name));
  }
  for (const [index, sheetPlan] of plan.sheets.entries()) {
    await queueSheet(budget, added[index], sheetPlan, options.pageLayout);
  }
  // The add-in's state, once the sheets and names it lists are there (issue 6, state-part.ts).
  await queue(budget, "state", () => queueStateWrite(context, plan, options.stateParts ?? []));
  const active = plan.sheets.findIndex((sheet) => sheet.role === plan.activeSheet);
  const activeSheet = added[Math.max(active, 0)];
  if (activeSheet) await queue(budget, null, () => activeSheet.activate());
}

/** Only the add-in's names: SM_ ones, each once (Excel compares names ignoring case). */
function namesToDelete(ownNames: readonly string[], snapshot: WorkbookSnapshot): string[] {
  const seen = new Map<string, string>();
  for (const name of [...ownNames, ...snapshot.grids.names.map((named) => named.name)]) {
    if (name.startsWith(NAME_PREFIX) && !seen.has(name.toUpperCase()))
      seen.set(name.toUpperCase(), name);
  }
  return [...seen.values()];
}

async function queueSheet(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  pageLayout: boolean
): Promise<void> {
  for (const block of plan.blocks) {
    await writeInPieces(budget, block, formulaGrid(block.values), (piece) => {
      sheet.getRange(rectAddress(piece.rect)).formulas = piece.values;
    });
  }
  for (const styled of plan.styles) await applyStyle(budget, sheet, styled);
  for (const validation of plan.validations) await applyValidation(budget, sheet, validation);
  for (const format of plan.conditionalFormats) await applyConditionalFormat(budget, sheet, format);
  // After the values: a table takes its headers from the cells already written.
  for (const table of plan.tables) {
    const address = rectAddress(table.rect);
    await queue(budget, [address, table.name, table.style], () => {
      const created = sheet.tables.add(address, true);
      created.name = table.name;
      created.style = table.style;
    });
  }
  await applyLayout(budget, sheet, plan, pageLayout);
}

/** One small sync to see which sheets exist now, turned into a precise error. */
async function interrupted(
  context: Excel.RequestContext,
  failure: unknown,
  plan: { sheets: string[]; temporary: string[]; old: string[] }
): Promise<RenderInterrupted> {
  try {
    const worksheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const present = worksheets.items.map((sheet) => sheet.name);
    return new RenderInterrupted(failure, interruptedState(present, plan));
  } catch {
    return new RenderInterrupted(failure, undefined);
  }
}
