/**
 * Sheets the consultant fills, through Office.js (issue 16): the *Réponses* sheet added once from
 * its plan and left to the consultant (no defined name, not in the add-in's state, so that no build
 * replaces it), and its cells read back in bands of rows whose responses stay under Excel's limits
 * (as the RFM selection is read, rfm-read.ts): the used range's address, then bands sized from the
 * bytes the first band weighed.
 */
import { Rect, parseSheetRef, rectAddress } from "../../layout/a1";
import { SheetPlan } from "../../layout/plan";
import { responsesSheetTooLarge, valuesUnavailable } from "../../messages";
import { ConsultantTable, ConsultantTableLookup, TableCellValue, freeSheetName } from "../host";
import { RequestBudget, jsonBytes } from "./budget";
import { ExcelFailure } from "./failure";
import { queue } from "./format";
import { queueSheet } from "./render";
import { RESPONSE_TARGET_BYTES } from "./rfm-read";

/** Rows of the first band, which tells how much a row weighs. */
const FIRST_BAND_ROWS = 2_000;
/** Cells of one band at most, whatever they weigh. */
const BAND_CELLS = 750_000;

/** Adds the sheet under a free name, writes its plan (values, styles, table, widths) in one batch. */
export async function addConsultantSheet(
  context: Excel.RequestContext,
  plan: SheetPlan
): Promise<string> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const name = freeSheetName(
    plan.name,
    sheets.items.map((sheet) => sheet.name)
  );
  const budget = new RequestBudget(() => context.sync());
  const sheet = context.workbook.worksheets.add(name);
  await queueSheet(budget, sheet, { ...plan, name }, { pageLayout: false, copyFormulas: false });
  await queue(budget, null, () => sheet.activate());
  await budget.flush();
  return name;
}

/** The sheet holding the table, else the first sheet with one of the names; its used cells. */
export async function readConsultantTable(
  context: Excel.RequestContext,
  lookup: ConsultantTableLookup
): Promise<ConsultantTable | undefined> {
  const table = context.workbook.tables.getItemOrNullObject(lookup.table);
  table.load("name, worksheet/name");
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const wanted = new Set(lookup.sheets.map((name) => name.toLowerCase()));
  const sheet = table.isNullObject
    ? sheets.items.map((item) => item.name).find((name) => wanted.has(name.toLowerCase()))
    : table.worksheet.name;
  if (sheet === undefined) return undefined;

  const worksheet = context.workbook.worksheets.getItem(sheet);
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load("address");
  await context.sync();
  const at = used.isNullObject ? undefined : parseSheetRef(used.address);
  if (!at) return { sheet, values: [] };
  const { rect } = at;
  if (rect.rows * rect.cols > lookup.maxCells)
    throw new ExcelFailure([responsesSheetTooLarge(sheet, rectAddress(rect), lookup.maxCells)]);

  // Rows above the used cells are empty; columns before them are left out (the header finds them).
  const values: TableCellValue[][] = Array.from({ length: rect.row - 1 }, () => []);
  let next = rect.row;
  const last = rect.row + rect.rows - 1;
  let bandRows = Math.min(FIRST_BAND_ROWS, rect.rows);
  while (next <= last) {
    const piece: Rect = {
      row: next,
      col: rect.col,
      rows: Math.min(bandRows, last - next + 1),
      cols: rect.cols,
    };
    const range = worksheet.getRange(rectAddress(piece)).load("values");
    // One sync per band on purpose: each response must stay under Excel's limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    const band = range.values as unknown;
    if (!Array.isArray(band))
      throw new ExcelFailure([valuesUnavailable(sheet, rectAddress(piece))]);
    for (const line of band as unknown[][]) values.push(line.map(cellValue));
    if (next === rect.row) {
      const perRow = Math.max(1, jsonBytes(band) / Math.max(1, piece.rows));
      // A tenth of room: rows further down can weigh more than the first band's (longer names).
      bandRows = Math.max(
        1,
        Math.min(
          Math.floor((0.9 * RESPONSE_TARGET_BYTES) / perRow),
          Math.floor(BAND_CELLS / rect.cols)
        )
      );
    }
    next += piece.rows;
  }
  return { sheet, values };
}

/** Excel gives "" for an empty cell: null here, as the other hosts give it. */
function cellValue(value: unknown): TableCellValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}
