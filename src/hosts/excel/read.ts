/**
 * Reading the workbook through Office.js, bounded: never a whole used range that one stray cell has
 * stretched to XFD1048576 (Excel gives `values` of a range over 5 million cells as null, and on the
 * web refuses responses over 5 MB — office-js #4783, #6781; "Resource limits and performance").
 *
 * Three syncs: (1) list sheets, names with their formulas, tables with their sheets; (2) the
 * addresses only of the used range (values only) of every sheet the add-in's names or table point
 * into, and of the table; (3) the values of one area per sheet: from A1 to the farthest of its named
 * ranges, its table and its used range (names typed past the tick table, rows added under the
 * ratings), refused past SHEET_READ_CELLS. An area over SYNC_READ_CELLS is read in row bands, one
 * more sync each: only a study much larger than 200 × 200 gets there.
 */
import { WorkbookSnapshot } from "../host";
import { Rect, cellAddress, parseSheetRef, rectAddress } from "../../layout/a1";
import { GridValue, NamedRect, SheetGrid, cellText } from "../../layout/grids";
import { managedSheetNames } from "../../layout/managed";
import { RATINGS_TABLE } from "../../layout/names";
import {
  selectionTooLarge,
  sheetPartlyRead,
  sheetTooLarge,
  valuesUnavailable,
} from "../../messages";
import { Problem } from "../../messages";
import { StateRead } from "../../layout/state";
import { EXCEL_LIMITS, clampArea } from "../../layout/limits";
import { ExcelFailure } from "./failure";
import { queueStateXml } from "./state-part";
import { Listing, listWorkbook, managedSheets } from "./listing";

/** Cells of one sheet read at most, from A1: a 200 × 200 study's ratings take about 120 000. */
export const SHEET_READ_CELLS = 1_000_000;
/** Cells whose values one sync brings back at most: at 20 bytes a cell, 5 MB. */
export const SYNC_READ_CELLS = 250_000;
/** Cells of a selection read at most: a list of names, not a table. */
export const SELECTION_READ_CELLS = 100_000;

export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  /** Every workbook-scoped name starting with SM_, broken ones (#REF!) included. */
  ownNames: string[];
}

/** Where each sheet's content ends, and where the table is (sync 2). */
interface Extents {
  used: ReadonlyMap<string, Rect | undefined>;
  tables: NamedRect[];
  /** The add-in's state in the document, when it has one. */
  state?: StateRead;
}

interface Area {
  sheet: string;
  rect: Rect;
  /** Said to the consultant when the area is not the whole used range. */
  note?: Problem;
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const listing = await listWorkbook(context);
  const sheets = managedSheets(listing);
  if (sheets.length === 0 && listing.stateParts.length === 0)
    return workbookRead(listing, { used: new Map(), tables: [] }, new Map());
  const loaded = await loadExtents(context, listing, sheets);
  // A name redefined past the sheet's content (SM_Targets to B5:XFD1048576) is read as the cells
  // there are: the area asked of Excel and every loop of the sheet readers stay that size.
  const clamped = { ...listing, names: listing.names.map((n) => withinUsed(n, loaded.used)) };
  const extents = { ...loaded, tables: loaded.tables.map((t) => withinUsed(t, loaded.used)) };
  const areas = sheets.map((sheet) => readArea(sheet, clamped, extents));
  const notes = areas.flatMap((area) => (area.note ? [area.note] : []));
  return workbookRead(clamped, extents, await loadValues(context, areas), notes);
}

/**
 * A name or table larger than a sheet's read (or past Excel's grid) cut to its sheet's used range:
 * the cells past it are empty. Names of a readable size are left as they are.
 */
function withinUsed(named: NamedRect, used: Extents["used"]): NamedRect {
  const { row, col, rows, cols } = named.rect;
  const inGrid = row + rows - 1 <= EXCEL_LIMITS.rows && col + cols - 1 <= EXCEL_LIMITS.cols;
  if (inGrid && rows * cols <= SHEET_READ_CELLS) return named;
  if (!used.has(named.sheet)) return { ...named, rect: clampArea(named.rect, EXCEL_LIMITS) };
  const content = used.get(named.sheet);
  const extent = content
    ? { rows: content.row + content.rows - 1, cols: content.col + content.cols - 1 }
    : { rows: 0, cols: 0 };
  return { ...named, rect: clampArea(named.rect, extent) };
}

/** Sync 2: addresses only. Every sheet was listed and the table too, so getItem is safe. */
async function loadExtents(
  context: Excel.RequestContext,
  listing: Listing,
  sheets: readonly string[]
): Promise<Extents> {
  const used = sheets.map((sheet) => {
    const range = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
    return { sheet, range: range.load("address") };
  });
  const table =
    listing.table && context.workbook.tables.getItem(listing.table.name).getRange().load("address");
  // The add-in's state: its XML comes with the addresses (issue 6, state-part.ts).
  const state = queueStateXml(context, listing.stateParts);
  await context.sync();
  return {
    used: new Map(
      used.map(({ sheet, range }) => [
        sheet,
        range.isNullObject ? undefined : parseSheetRef(range.address)?.rect,
      ])
    ),
    tables: table ? tableRect(table.address, listing.sheets) : [],
    state: state(),
  };
}

function tableRect(address: string, sheets: readonly string[]): NamedRect[] {
  const at = parseSheetRef(address);
  return at && sheets.includes(at.sheet) ? [{ name: RATINGS_TABLE, ...at }] : [];
}

/** Room read past the add-in's tables when the used range is too large: names typed by hand. */
export const READ_MARGIN = { rows: 1000, cols: 100 } as const;

/**
 * From A1 to the farthest row and column of the sheet's names, table and content. When one stray
 * cell far away makes that too large, the add-in's names and table plus a margin are read instead
 * (with a note saying so), never the whole used range; refused only if even that is too large.
 */
function readArea(sheet: string, listing: Listing, extents: Extents): Area {
  const own = [
    ...listing.names.filter((named) => named.sheet === sheet).map((named) => named.rect),
    ...extents.tables.filter((table) => table.sheet === sheet).map((table) => table.rect),
  ];
  const used = extents.used.get(sheet);
  const bottom = (rects: Rect[]): number => Math.max(1, ...rects.map((r) => r.row + r.rows - 1));
  const right = (rects: Rect[]): number => Math.max(1, ...rects.map((r) => r.col + r.cols - 1));
  const all = used ? [...own, used] : own;
  const rows = bottom(all);
  const cols = right(all);
  if (rows * cols <= SHEET_READ_CELLS) return { sheet, rect: { row: 1, col: 1, rows, cols } };
  const capped = {
    rows: Math.min(rows, bottom(own) + READ_MARGIN.rows),
    cols: Math.min(cols, right(own) + READ_MARGIN.cols),
  };
  if (own.length === 0 || capped.rows * capped.cols > SHEET_READ_CELLS)
    throw new ExcelFailure([sheetTooLarge(sheet, cellAddress(rows, cols), SHEET_READ_CELLS)]);
  return {
    sheet,
    rect: { row: 1, col: 1, ...capped },
    note: sheetPartlyRead(sheet, cellAddress(capped.rows, capped.cols), cellAddress(rows, cols)),
  };
}

/** Sync 3 (and more only past SYNC_READ_CELLS): the areas' values, placed so that values[0][0] is A1. */
async function loadValues(
  context: Excel.RequestContext,
  areas: readonly Area[]
): Promise<Map<string, SheetGrid>> {
  const grids = new Map<string, SheetGrid>(
    areas.map(({ sheet }) => [sheet, { name: sheet, values: [] }])
  );
  for (const batch of batches(areas.flatMap((area) => bands(area, SYNC_READ_CELLS)))) {
    const loading = batch.map((band) => ({
      band,
      range: context.workbook.worksheets
        .getItem(band.sheet)
        .getRange(rectAddress(band.rect))
        .load("values"),
    }));
    // One sync per SYNC_READ_CELLS on purpose: a single response must stay under Excel's limits.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { band, range } of loading) place(grids.get(band.sheet), band, range.values);
  }
  return grids;
}

/** An area cut into bands of whole rows of at most `limit` cells. */
function bands(area: Area, limit: number): Area[] {
  const { rect } = area;
  const step = Math.max(1, Math.floor(limit / rect.cols));
  const cut: Area[] = [];
  for (let row = rect.row; row < rect.row + rect.rows; row += step) {
    const rows = Math.min(step, rect.row + rect.rows - row);
    cut.push({ sheet: area.sheet, rect: { ...rect, row, rows } });
  }
  return cut;
}

/** Bands grouped so that each sync asks for at most SYNC_READ_CELLS cells. */
function batches(pieces: readonly Area[]): Area[][] {
  const grouped: Area[][] = [];
  let cells = Infinity;
  for (const piece of pieces) {
    const size = piece.rect.rows * piece.rect.cols;
    if (cells + size > SYNC_READ_CELLS) {
      grouped.push([]);
      cells = 0;
    }
    grouped[grouped.length - 1].push(piece);
    cells += size;
  }
  return grouped;
}

/** Excel may answer null instead of values (over 5 million cells): refused, never read as empty. */
function place(grid: SheetGrid | undefined, band: Area, values: unknown): void {
  if (!grid) return;
  if (!Array.isArray(values))
    throw new ExcelFailure([valuesUnavailable(band.sheet, rectAddress(band.rect))]);
  (values as unknown[][]).forEach((line, i) => {
    grid.values[band.rect.row - 1 + i] = line.map(gridValue);
  });
}

function workbookRead(
  listing: Listing,
  { tables, state }: Extents,
  grids: ReadonlyMap<string, SheetGrid>,
  notes: Problem[] = []
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
        ...(notes.length > 0 ? { notes } : {}),
      },
    },
    ownNames: listing.ownNames,
  };
}

function gridValue(value: unknown): GridValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

/**
 * The selected cells' text, non-empty, row by row. Through the selection's used range (values only),
 * address first: a whole column or sheet selected reads only its filled block, and a block too large
 * for a list of names is refused before its values are asked for.
 */
export async function readSelection(context: Excel.RequestContext): Promise<string[]> {
  const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
  used.load("address");
  await context.sync();
  if (used.isNullObject) return [];
  const at = parseSheetRef(used.address);
  const cells = at ? at.rect.rows * at.rect.cols : 0;
  if (cells > SELECTION_READ_CELLS)
    throw new ExcelFailure([selectionTooLarge(cells, SELECTION_READ_CELLS)]);
  used.load("values");
  await context.sync();
  const values: unknown = used.values;
  if (!Array.isArray(values))
    throw new ExcelFailure([valuesUnavailable(at?.sheet ?? "", used.address)]);
  return (values as unknown[][])
    .flat()
    .map((value) => cellText(gridValue(value)).trim())
    .filter((text) => text !== "");
}
