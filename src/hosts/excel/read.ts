/** Reading the workbook through Office.js: the sheet list, the add-in's names, table and sheets. */
import { WorkbookSnapshot } from "../host";
import { parseSheetRef } from "../../layout/a1";
import { NAMES, NAME_PREFIX, RATINGS_TABLE } from "../../layout/geometry";
import { GridValue, NamedRect, SheetGrid, cellText } from "../../layout/grids";
import { managedSheetNames } from "../../layout/managed";

/**
 * One name per sheet the add-in writes. Each sheet's cells are loaded through its anchor only: loading
 * them through every name would send the ratings sheet back five times (a 5 MB response limit too).
 */
const SHEET_ANCHORS: readonly string[] = [
  NAMES.ticks,
  NAMES.ratingClienteles,
  NAMES.matrix,
  NAMES.language,
];

export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  /** Every workbook-scoped name starting with SM_, broken ones (#REF!) included: render deletes them. */
  ownNames: string[];
}

type UsedRange = Excel.Range;

/**
 * One sync in the normal case. A second one only when a name of the add-in points into a sheet that
 * no anchor reached (someone moved a name by hand): that sheet's cells are then fetched by its name.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  const allNames = workbook.names.load("items/name");
  const located = Object.values(NAMES).map((name) => {
    const range = workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
    range.load("address");
    return { name, range };
  });
  const anchors = located
    .filter(({ name }) => SHEET_ANCHORS.includes(name))
    .map(({ range }) => {
      const used = range.worksheet.getUsedRangeOrNullObject(true);
      used.load("address, values");
      return { range, used };
    });
  const table = workbook.tables.getItemOrNullObject(RATINGS_TABLE);
  table.load("name");
  const tableRange = table.getRange();
  tableRange.load("address");
  await context.sync();

  const names: NamedRect[] = [];
  for (const { name, range } of located) {
    if (range.isNullObject) continue;
    const at = parseSheetRef(range.address);
    if (at) names.push({ name, sheet: at.sheet, rect: at.rect });
  }
  const tables: NamedRect[] = [];
  if (!table.isNullObject) {
    const at = parseSheetRef(tableRange.address);
    if (at) tables.push({ name: RATINGS_TABLE, sheet: at.sheet, rect: at.rect });
  }

  const grids = new Map<string, SheetGrid>();
  for (const { range, used } of anchors) {
    if (range.isNullObject) continue;
    const sheet = parseSheetRef(range.address)?.sheet;
    if (sheet !== undefined && !grids.has(sheet)) grids.set(sheet, usedGrid(sheet, used));
  }
  const managed = managedSheetNames({ names, tables });
  const unread = [...managed].filter((sheet) => !grids.has(sheet));
  if (unread.length > 0) {
    for (const grid of await readSheets(context, unread)) grids.set(grid.name, grid);
  }

  const sheetNames = worksheets.items.map((sheet) => sheet.name);
  return {
    snapshot: {
      sheets: sheetNames.map((name) => ({ name, managed: managed.has(name) })),
      grids: {
        sheets: sheetNames.flatMap((name) => grids.get(name) ?? []),
        names,
        tables,
      },
    },
    ownNames: allNames.items
      .map((item) => item.name)
      .filter((name) => name.startsWith(NAME_PREFIX)),
  };
}

async function readSheets(context: Excel.RequestContext, sheets: string[]): Promise<SheetGrid[]> {
  const used = sheets.map((sheet) => {
    const range = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
    range.load("address, values");
    return { sheet, range };
  });
  await context.sync();
  return used.map(({ sheet, range }) => usedGrid(sheet, range));
}

/** The used range's values placed so that values[0][0] is A1, empty cells as null. */
function usedGrid(sheet: string, used: UsedRange): SheetGrid {
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
