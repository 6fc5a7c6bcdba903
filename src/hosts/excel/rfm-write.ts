/**
 * The RFM sheets (layout/sheets/rfm.ts) written into the open workbook beside the study's sheets,
 * by the same sheet writer as the study's render (render.ts queueSheet) and in requests under the
 * same budget: 250,000 customers go out in as many requests of at most ~1 MB as they take.
 *
 * Which sheets are the add-in's RFM sheets is decided from sync 1's listing of the workbook as it
 * is now: the sheet of the table SM_RFM, the sheets the names SM_RfmRules and SM_RfmSummary point
 * into (added while the new sheets still have temporary names, so that a write Excel stopped
 * half-way leaves sheets the next one replaces), and those the add-in's state lists with an RFM
 * role. Those are replaced; any other sheet that holds a plan
 * sheet's name is the consultant's (or the study's) and the write is refused before anything is
 * queued. The study's sheets, names and state are not touched: a study's rebuild keeps these
 * sheets, and this write keeps the study.
 */
import { RenderReport } from "../host";
import { parseSheetRef } from "../../layout/a1";
import { WorkbookPlan } from "../../layout/plan";
import { RFM_ROLES } from "../../layout/registry";
import {
  RFM_NAMES,
  RFM_SUMMARY_NAME,
  RFM_TABLE,
  RfmSummaryRead,
  readRfmSummary,
} from "../../layout/sheets/rfm";
import { GridValue } from "../../layout/grids";
import { LAYOUT_VERSION } from "../../layout/state";
import { RenderRefused } from "../host";
import { sheetNameTaken } from "../../messages";
import { queue } from "./format";
import { RenderOptions, addNames, interrupted, progressBudget, queueSheet } from "./render";
import { queueStateListing, queueStateXml } from "./state-part";
import { sheetKey, temporaryNames } from "./sheet-names";

interface RfmListing {
  sheets: string[];
  /** The add-in's RFM sheets found now, in workbook order. */
  own: string[];
  /** The RFM sheets' defined names found now (SM_RfmRules, SM_RfmSummary). */
  ownNames: string[];
  /** The RFM summary sheet, by its name SM_RfmSummary or the add-in's state. */
  summary?: string;
}

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/** Sync 1 (and 2 when the workbook holds the add-in's state): the workbook as it is now. */
export async function listRfmSheets(context: Excel.RequestContext): Promise<RfmListing> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name,items/type,items/formula");
  const tables = workbook.tables.load("items/name,items/worksheet/name");
  const stateIds = queueStateListing(context);
  await context.sync();
  const sheets = worksheets.items.map((sheet) => sheet.name);
  const own = new Set<string>();
  for (const table of tables.items)
    if (same(table.name, RFM_TABLE)) own.add(sheetKey(table.worksheet.name));
  const ownNames: string[] = [];
  let summary: string | undefined;
  for (const item of names.items) {
    if (!RFM_NAMES.some((name) => same(item.name, name))) continue;
    ownNames.push(item.name);
    const formula: unknown = item.formula;
    const at =
      item.type === "Range" && typeof formula === "string" && !formula.includes("#REF!")
        ? parseSheetRef(formula)
        : undefined;
    if (at && sheets.includes(at.sheet)) {
      own.add(sheetKey(at.sheet));
      if (same(item.name, RFM_SUMMARY_NAME)) summary = at.sheet;
    }
  }
  const ids = stateIds();
  if (ids.length > 0) {
    const state = queueStateXml(context, ids);
    await context.sync();
    const read = state();
    if (read?.kind === "ok")
      for (const sheet of read.state.sheets) {
        if (!RFM_ROLES.some((role) => role === sheet.role) || !sheets.includes(sheet.name))
          continue;
        own.add(sheetKey(sheet.name));
        if (sheet.role === "rfmSummary") summary ??= sheet.name;
      }
  }
  return {
    sheets,
    own: sheets.filter((name) => own.has(sheetKey(name))),
    ownNames,
    ...(summary !== undefined ? { summary } : {}),
  };
}

/** Refused, nothing changed, when a plan sheet's name is held by a sheet that is not an RFM one. */
export function refuseRfmClashes(plan: WorkbookPlan, listing: RfmListing): void {
  const own = new Set(listing.own.map(sheetKey));
  const clashes = listing.sheets.filter(
    (name) =>
      !own.has(sheetKey(name)) &&
      plan.sheets.some((sheet) => sheetKey(sheet.name) === sheetKey(name))
  );
  if (clashes.length > 0) throw new RenderRefused(clashes.map((name) => sheetNameTaken(name)));
}

export async function writeRfmPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: RenderOptions
): Promise<RenderReport> {
  const listing = await listRfmSheets(context);
  refuseRfmClashes(plan, listing);
  const temporary = temporaryNames(plan.sheets.length, [
    ...listing.sheets,
    ...plan.sheets.map((sheet) => sheet.name),
  ]);
  const { budget, position } = progressBudget(context, plan, options);
  try {
    // As the study's render does: new sheets first (never zero sheets), the old ones out, the
    // names on the new sheets, their final names before any formula names them.
    const added: Excel.Worksheet[] = [];
    for (const name of temporary)
      added.push(await queue(budget, name, () => context.workbook.worksheets.add(name)));
    for (const name of listing.own)
      await queue(budget, name, () => context.workbook.worksheets.getItem(name).delete());
    for (const name of listing.ownNames)
      await queue(budget, name, () => context.workbook.names.getItem(name).delete());
    await addNames(context, budget, plan, added);
    for (const [index, sheetPlan] of plan.sheets.entries()) {
      const sheet = added[index];
      await queue(budget, sheetPlan.name, () => (sheet.name = sheetPlan.name));
    }
    for (const [index, sheetPlan] of plan.sheets.entries()) {
      position.sheet = index;
      await queueSheet(budget, added[index], sheetPlan, options);
    }
    position.sheet = plan.sheets.length;
    const active = plan.sheets.findIndex((sheet) => sheet.role === plan.activeSheet);
    const activeSheet = added[Math.max(active, 0)];
    if (activeSheet) await queue(budget, null, () => activeSheet.activate());
    await budget.flush();
  } catch (failure) {
    throw await interrupted(context, failure, {
      sheets: plan.sheets.map((sheet) => sheet.name),
      temporary,
      old: listing.own,
    });
  }
  return { written: plan.sheets.map((sheet) => sheet.name), replaced: listing.own };
}

/**
 * The RFM summary as Excel last calculated it (an edited rule table counts), for the client
 * exports: the summary sheet's used range, placed from A1. Undefined when there is none.
 */
export async function readRfmSummarySheet(
  context: Excel.RequestContext
): Promise<RfmSummaryRead | undefined> {
  const listing = await listRfmSheets(context);
  const name = listing.summary;
  if (name === undefined) return undefined;
  const used = context.workbook.worksheets
    .getItem(name)
    .getUsedRangeOrNullObject(true)
    .load("address,values");
  await context.sync();
  if (used.isNullObject) return undefined;
  const at = parseSheetRef(used.address);
  if (!at || !Array.isArray(used.values)) return undefined;
  const values: GridValue[][] = [];
  (used.values as unknown[][]).forEach((line, r) => {
    const row: GridValue[] = new Array<GridValue>(at.rect.col - 1).fill(null);
    for (const value of line)
      row.push(
        typeof value === "number" || typeof value === "boolean" || typeof value === "string"
          ? value === ""
            ? null
            : value
          : null
      );
    values[at.rect.row - 1 + r] = row;
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  return readRfmSummary({
    sheets: [{ name, values }],
    names: [],
    tables: [],
    state: {
      kind: "ok",
      state: {
        layoutVersion: LAYOUT_VERSION,
        sheets: [{ role: "rfmSummary", name }],
        names: [],
        tables: [],
      },
    },
  });
}
