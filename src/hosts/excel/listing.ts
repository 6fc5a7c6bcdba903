/**
 * The first sync of a read and of a render: sheets, names (with their formulas) and tables, all
 * collections, so that nothing is ever asked of an object that might not exist.
 */
import { parseSheetRef } from "../../layout/a1";
import { NamedRect } from "../../layout/grids";
import { isOwnName, managedSheetNames } from "../../layout/managed";
import { queueStateListing } from "./state-part";
import { NAMES, NAME_PREFIX, RATINGS_TABLE } from "../../layout/names";

export interface Listing {
  /** In workbook order. */
  sheets: string[];
  /** The add-in's workbook-scoped names, and broken SM_ names (#REF!, debris of an older build). */
  ownNames: string[];
  /** The add-in's known names that point at a range of a listed sheet, in NAMES order. */
  names: NamedRect[];
  /** The ratings table as Excel spells it, and the sheet it is on. */
  table?: { name: string; sheet: string };
  /** Ids of the add-in's state parts (custom XML, state-part.ts). */
  stateParts: string[];
}

/** The add-in's names, by upper case: Excel compares names ignoring case. */
const KNOWN_NAMES = new Map(Object.values(NAMES).map((name) => [name.toUpperCase(), name]));

export async function listWorkbook(context: Excel.RequestContext): Promise<Listing> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  // NamedItem.formula is ExcelApi 1.7, Table.worksheet 1.2; the add-in requires 1.8.
  const names = workbook.names.load("items/name,items/type,items/formula");
  const tables = workbook.tables.load("items/name,items/worksheet/name");
  const stateParts = queueStateListing(context);
  await context.sync();

  const sheets = worksheets.items.map((sheet) => sheet.name);
  const table = tables.items.find((item) => sameName(item.name, RATINGS_TABLE));
  return {
    sheets,
    // A consultant's live "SM_Budget" is theirs, and stays.
    ownNames: names.items
      .filter(
        (item) => isOwnName(item.name) || (item.name.startsWith(NAME_PREFIX) && isBroken(item))
      )
      .map((item) => item.name),
    names: knownNames(names.items, sheets),
    ...(table ? { table: { name: table.name, sheet: table.worksheet.name } } : {}),
    stateParts: stateParts(),
  };
}

function isBroken(item: Excel.NamedItem): boolean {
  const formula: unknown = item.formula;
  return item.type === "Error" || (typeof formula === "string" && formula.includes("#REF!"));
}

/** The sheets the add-in created (its names or its table point into them), in workbook order. */
export function managedSheets(listing: Listing): string[] {
  const managed = managedSheetNames({
    names: listing.names,
    tables: listing.table ? [{ name: RATINGS_TABLE, sheet: listing.table.sheet }] : [],
  });
  return listing.sheets.filter((sheet) => managed.has(sheet));
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
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
