/** Reading the workbook through Office.js: the sheet list, the add-in's names, table and sheets. */
import { WorkbookSnapshot } from "../host";
import { parseSheetRef } from "../../layout/a1";
import { NAMES, NAME_PREFIX, RATINGS_TABLE } from "../../layout/names";
import { GridValue, NamedRect, SheetGrid, cellText } from "../../layout/grids";
import { isOwnName, managedSheetNames } from "../../layout/managed";
import { StateRead } from "../../layout/state";
import { queueStateListing, queueStateXml } from "./state-part";

export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  /** The add-in's workbook-scoped names, broken ones (#REF!) included: render deletes them. */
  ownNames: string[];
  /** Ids of the add-in's state parts (custom XML): render replaces them. */
  stateParts: string[];
}

/** What the first sync lists: enough to know which objects exist before touching any of them. */
interface Listing {
  /** In workbook order. */
  sheets: string[];
  ownNames: string[];
  /** The add-in's known names that point at a range of a listed sheet, in NAMES order. */
  names: NamedRect[];
  /** The ratings table as Excel spells it, when it exists. */
  table?: string;
  /** The add-in's state parts (state-part.ts). */
  stateParts: string[];
}

/** The add-in's names, by upper case: Excel compares names ignoring case. */
const KNOWN_NAMES = new Map(Object.values(NAMES).map((name) => [name.toUpperCase(), name]));

/**
 * Two phases, so that nothing is ever called on a null object (Excel does not document that as safe):
 * sync 1 lists sheets, names (with their formulas) and tables; sync 2 then asks only for objects
 * known to exist: the used range of each sheet the names point into, once per sheet, and the table's
 * range. A fresh workbook needs only sync 1; a third, small sync reads the table's sheet when no
 * name points into it (the table was moved by hand).
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const listing = await listWorkbook(context);
  const namedSheets = [...managedSheetNames({ names: listing.names, tables: [] })];
  if (namedSheets.length === 0 && listing.table === undefined && listing.stateParts.length === 0) {
    return workbookRead(listing, [], new Map(), undefined);
  }

  const used = queueUsedRanges(context, namedSheets);
  const tableRange =
    listing.table === undefined
      ? undefined
      : context.workbook.tables.getItem(listing.table).getRange().load("address");
  // The add-in's state: its XML comes with the used ranges (issue 6).
  const state = queueStateXml(context, listing.stateParts);
  await context.sync();

  const grids = new Map(used.map(({ sheet, range }) => [sheet, usedGrid(sheet, range)]));
  const tables = tableRange ? tableRect(tableRange.address, listing.sheets) : [];
  const unread = tables.map((table) => table.sheet).filter((sheet) => !grids.has(sheet));
  if (unread.length > 0) {
    for (const grid of await readSheets(context, unread)) grids.set(grid.name, grid);
  }
  return workbookRead(listing, tables, grids, state());
}

/** Sync 1: collections only, never an item that might be missing. */
async function listWorkbook(context: Excel.RequestContext): Promise<Listing> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  // NamedItem.formula is ExcelApi 1.7; the add-in requires 1.8.
  const names = workbook.names.load("items/name,items/type,items/formula");
  const tables = workbook.tables.load("items/name");
  // The add-in's state parts, listed with the rest (issue 6).
  const stateParts = queueStateListing(context);
  await context.sync();

  const sheets = worksheets.items.map((sheet) => sheet.name);
  return {
    sheets,
    // The add-in's names, and broken SM_ names (debris of an older build): a consultant's live
    // "SM_Budget" is theirs, and stays.
    ownNames: names.items
      .filter(
        (item) => isOwnName(item.name) || (item.name.startsWith(NAME_PREFIX) && isBroken(item))
      )
      .map((item) => item.name),
    names: knownNames(names.items, sheets),
    table: tables.items.find((table) => sameName(table.name, RATINGS_TABLE))?.name,
    stateParts: stateParts(),
  };
}

function isBroken(item: Excel.NamedItem): boolean {
  const formula: unknown = item.formula;
  return item.type === "Error" || (typeof formula === "string" && formula.includes("#REF!"));
}

function knownNames(items: readonly Excel.NamedItem[], sheets: readonly string[]): NamedRect[] {
  const found = new Map<string, NamedRect>();
  for (const item of items) {
    const name = KNOWN_NAMES.get(item.name.toUpperCase());
    const at = name === undefined ? undefined : rangeOf(item, sheets);
    if (name !== undefined && at) found.set(name, { name, ...at });
  }
  return Object.values(NAMES).flatMap((name) => found.get(name) ?? []);
}

/**
 * A name's target from its formula ("='Qui ressent quoi'!$C$6:$O$18"). None when the name is broken
 * ("=#REF!$C$6:$O$18" parses, hence the explicit check), is not a single range, or names a sheet
 * that is not listed (another workbook): asking Excel for that sheet would fail.
 */
function rangeOf(
  item: Excel.NamedItem,
  sheets: readonly string[]
): Omit<NamedRect, "name"> | undefined {
  const formula: unknown = item.formula;
  if (item.type !== "Range" || typeof formula !== "string" || formula.includes("#REF!")) {
    return undefined;
  }
  const at = parseSheetRef(formula);
  return at && sheets.includes(at.sheet) ? at : undefined;
}

function tableRect(address: string, sheets: readonly string[]): NamedRect[] {
  const at = parseSheetRef(address);
  return at && sheets.includes(at.sheet) ? [{ name: RATINGS_TABLE, ...at }] : [];
}

function workbookRead(
  listing: Listing,
  tables: NamedRect[],
  grids: ReadonlyMap<string, SheetGrid>,
  state: StateRead | undefined
): WorkbookRead {
  const managed = managedSheetNames({ names: listing.names, tables, state });
  return {
    snapshot: {
      sheets: listing.sheets.map((name) => ({ name, managed: managed.has(name) })),
      grids: {
        sheets: listing.sheets.flatMap((name) => grids.get(name) ?? []),
        names: listing.names,
        tables,
        ...(state ? { state } : {}),
      },
    },
    ownNames: listing.ownNames,
    stateParts: listing.stateParts,
  };
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Each sheet exists (it was listed), so getItem is safe; its used range may be a null object. */
function queueUsedRanges(
  context: Excel.RequestContext,
  sheets: readonly string[]
): { sheet: string; range: Excel.Range }[] {
  return sheets.map((sheet) => {
    const range = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
    range.load("address, values");
    return { sheet, range };
  });
}

async function readSheets(context: Excel.RequestContext, sheets: string[]): Promise<SheetGrid[]> {
  const used = queueUsedRanges(context, sheets);
  await context.sync();
  return used.map(({ sheet, range }) => usedGrid(sheet, range));
}

/** The used range's values placed so that values[0][0] is A1, empty cells as null. */
function usedGrid(sheet: string, used: Excel.Range): SheetGrid {
  if (used.isNullObject) return { name: sheet, values: [] };
  const at = parseSheetRef(used.address);
  if (!at) return { name: sheet, values: [] };
  const values: GridValue[][] = Array.from({ length: at.rect.row - 1 }, () => []);
  const leading: GridValue[] = new Array<GridValue>(at.rect.col - 1).fill(null);
  for (const line of used.values as unknown[][]) values.push([...leading, ...line.map(gridValue)]);
  return { name: sheet, values };
}

function gridValue(value: unknown): GridValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

/** The selected cells' text, non-empty, row by row. */
export async function readSelection(context: Excel.RequestContext): Promise<string[]> {
  const range = context.workbook.getSelectedRange();
  range.load("values");
  await context.sync();
  return (range.values as unknown[][])
    .flat()
    .map((value) => cellText(gridValue(value)).trim())
    .filter((text) => text !== "");
}
