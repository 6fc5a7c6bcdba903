/**
 * Renders a WorkbookPlan through Office.js, the twin of the ExcelJS host: same plan, same workbook.
 *
 * One batch. Sync 1 lists the workbook as it is now (the consultant may have renamed, deleted or
 * added sheets since the pane read it): what is deleted and what is refused is decided from this
 * listing, never from the snapshot. Then everything is queued, synced only when a request would pass
 * the size budget: on ExcelApi 1.9 a 200 × 200 study takes two more syncs.
 */
import { RenderProgress, RenderReport, SheetInfo } from "../host";
import { rectAddress } from "../../layout/a1";
import { NAME_PREFIX } from "../../layout/names";
import { SheetPlan, WorkbookPlan } from "../../layout/plan";
import { CALL_OVERHEAD_BYTES, RequestBudget } from "./budget";
import { filledColumnRuns, formulaGrid } from "./cells";
import { writeInPieces } from "./chunks";
import { writeFill } from "./fills";
import { applyLayout, applyStyle, queue } from "./format";
import { RenderInterrupted, interruptedState } from "./interrupted";
import { Listing, listWorkbook, managedSheets } from "./listing";
import { queueStateWrite } from "./state-part";
import { applyConditionalFormat, applyValidation } from "./rules";
import { refuseForeignNameClashes, temporaryNames } from "./sheet-names";

export interface RenderOptions {
  /** ExcelApi 1.9: orientation and fit to one page. */
  pageLayout: boolean;
  /** ExcelApi 1.9: fills written once and copied (Range.copyFrom) rather than sent cell by cell. */
  copyFormulas: boolean;
  /**
   * Told after each request of a large build has gone through: the sheets fully sent and the one
   * being written. A build that fits in one request is told nothing (the caller says start and end).
   */
  onProgress?: (progress: RenderProgress) => void;
}

/** What the build replaces and how, decided from the listing of sync 1. */
interface Build extends RenderOptions {
  /** Sheets the add-in created, as found now. */
  oldSheets: string[];
  /** SM_ names found now, broken ones included. */
  ownNames: string[];
  /** The add-in's state parts found now: replaced by the plan's. */
  stateParts: string[];
  /** `temporary[i]` is the name plan sheet i is added under. */
  temporary: string[];
}

/** The caller has already refused plans with names Excel rejects. */
export async function renderPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: RenderOptions
): Promise<RenderReport> {
  const build = await planBuild(context, plan, options);
  const { budget, position } = progressBudget(context, plan, options);
  try {
    await queueBuild(context, budget, plan, build, position);
    await budget.flush();
  } catch (failure) {
    throw await interrupted(context, failure, {
      sheets: plan.sheets.map((sheet) => sheet.name),
      temporary: build.temporary,
      old: build.oldSheets,
    });
  }
  return { written: plan.sheets.map((sheet) => sheet.name), replaced: build.oldSheets };
}

/** Sync 1: the workbook now. A plan sheet whose name another sheet has taken since is refused here. */
async function planBuild(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: RenderOptions
): Promise<Build> {
  const now = await listWorkbook(context);
  const oldSheets = managedSheets(now);
  refuseForeignNameClashes(plan, sheetInfos(now, oldSheets));
  return {
    ...options,
    oldSheets,
    ownNames: ownNames(now),
    stateParts: now.stateParts,
    temporary: temporaryNames(plan.sheets.length, [
      ...now.sheets,
      ...plan.sheets.map((sheet) => sheet.name),
    ]),
  };
}

function sheetInfos(listing: Listing, managed: readonly string[]): SheetInfo[] {
  return listing.sheets.map((name) => ({ name, managed: managed.includes(name) }));
}

/** Only the add-in's names: SM_ ones, each once (Excel compares names ignoring case). */
function ownNames(listing: Listing): string[] {
  const seen = new Map<string, string>();
  for (const name of listing.ownNames) {
    if (name.startsWith(NAME_PREFIX) && !seen.has(name.toUpperCase()))
      seen.set(name.toUpperCase(), name);
  }
  return [...seen.values()];
}

async function queueBuild(
  context: Excel.RequestContext,
  budget: RequestBudget,
  plan: WorkbookPlan,
  build: Build,
  position: { sheet: number }
): Promise<void> {
  // New sheets first, so the workbook never has zero sheets.
  const added = await addSheets(context, budget, build.temporary);
  // Old sheets before old names: if Excel stops in between, what is left still carries its names,
  // so the next build recognises it as the add-in's and replaces it.
  await deleteSheets(context, budget, build.oldSheets);
  await deleteNames(context, budget, build.ownNames);
  // Names go on the new sheets while they still have temporary names (Excel carries names along
  // on a rename): from here on, a sheet left behind by a failure is one the next build replaces.
  await addNames(context, budget, plan, added);
  // Final names before any formula is written, so that references bind to these sheets.
  for (const [index, sheetPlan] of plan.sheets.entries()) {
    const sheet = added[index];
    await queue(budget, sheetPlan.name, () => (sheet.name = sheetPlan.name));
  }
  for (const [index, sheetPlan] of plan.sheets.entries()) {
    position.sheet = index;
    await queueSheet(budget, added[index], sheetPlan, build);
  }
  position.sheet = plan.sheets.length;
  // The add-in's state, once the sheets and names it lists are there (issue 6, state-part.ts).
  await queue(budget, "state", () => queueStateWrite(context, plan, build.stateParts));
  const active = plan.sheets.findIndex((sheet) => sheet.role === plan.activeSheet);
  const activeSheet = added[Math.max(active, 0)];
  if (activeSheet) await queue(budget, null, () => activeSheet.activate());
}

async function addSheets(
  context: Excel.RequestContext,
  budget: RequestBudget,
  names: readonly string[]
): Promise<Excel.Worksheet[]> {
  const added: Excel.Worksheet[] = [];
  for (const name of names)
    added.push(await queue(budget, name, () => context.workbook.worksheets.add(name)));
  return added;
}

/** Each was listed in this batch's own sync 1, so getItem is safe. */
async function deleteSheets(
  context: Excel.RequestContext,
  budget: RequestBudget,
  names: readonly string[]
): Promise<void> {
  for (const name of names)
    await queue(budget, name, () => context.workbook.worksheets.getItem(name).delete());
}

async function deleteNames(
  context: Excel.RequestContext,
  budget: RequestBudget,
  names: readonly string[]
): Promise<void> {
  for (const name of names)
    await queue(budget, name, () => context.workbook.names.getItem(name).delete());
}

export async function addNames(
  context: Excel.RequestContext,
  budget: RequestBudget,
  plan: WorkbookPlan,
  added: readonly Excel.Worksheet[]
): Promise<void> {
  for (const name of plan.names) {
    const sheet = added[plan.sheets.findIndex((sheetPlan) => sheetPlan.name === name.sheet)];
    if (!sheet) throw new Error(`Plan name ${name.name} points to unknown sheet ${name.sheet}`);
    const address = rectAddress(name.rect);
    await queue(budget, [name.name, address], () =>
      context.workbook.names.add(name.name, sheet.getRange(address))
    );
  }
}

/** Queues one sheet's plan onto a sheet just added (empty). Also used for the consultant's sheets. */
export async function queueSheet(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  options: Pick<RenderOptions, "pageLayout" | "copyFormulas">
): Promise<void> {
  // Every sheet of a build is added by it (empty): columns with nothing in them are not sent.
  for (const block of plan.blocks) {
    const grid = formulaGrid(block.values);
    for (const run of filledColumnRuns(grid, 2 * CALL_OVERHEAD_BYTES)) {
      const origin = { row: block.row, col: block.col + run.start };
      const columns = grid.map((line) => line.slice(run.start, run.end));
      await writeInPieces(budget, origin, columns, (piece) => {
        sheet.getRange(rectAddress(piece.rect)).formulas = piece.values;
      });
    }
  }
  for (const fill of plan.fills) await writeFill(budget, sheet, fill, options.copyFormulas);
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
  await applyLayout(budget, sheet, plan, options.pageLayout);
}

/** One small sync to see which sheets exist now, turned into a precise error. */
export async function interrupted(
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

/**
 * A request budget that syncs when a request fills up and then says how far the render is:
 * `position.sheet` is the sheet being queued, so those before it have gone through.
 */
export function progressBudget(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: RenderOptions
): { budget: RequestBudget; position: { sheet: number } } {
  const position = { sheet: 0 };
  const budget = new RequestBudget(async () => {
    await context.sync();
    if (position.sheet < plan.sheets.length)
      options.onProgress?.({
        done: position.sheet,
        total: plan.sheets.length,
        sheet: plan.sheets[position.sheet].name,
      });
  });
  return { budget, position };
}
