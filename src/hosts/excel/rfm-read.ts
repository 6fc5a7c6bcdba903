/**
 * The transactions table selected in Excel, read for RFM in chunks that stay under Excel's limits
 * (a response over 5 MB is refused on the web; `values` of over 5 million cells come back null):
 * the selection's used range (values only, so a whole column selected reads only its filled rows),
 * its header line, then only the three columns the rule needs, in bands of rows sized from the
 * bytes the first band weighed. Scoring is src/analysis/rfm-rows.ts's, in TypeScript.
 */
import { Rect, parseSheetRef, rectAddress } from "../../layout/a1";
import {
  rfmClienteleMissing,
  rfmColumnMissing,
  rfmSelectionChanged,
  rfmSelectionEmpty,
  rfmSelectionTooLarge,
  valuesUnavailable,
} from "../../messages";
import { SelectedTable } from "../host";
import { COLUMN_ROLES, ColumnChoice, TransactionColumns, guessColumns } from "../data/columns";
import { jsonBytes } from "./budget";
import { ExcelFailure } from "./failure";

/** Rows of a selection read at most: a million, Excel's own sheet holds 1 048 576. */
export const SELECTION_ROWS_LIMIT = 1_048_576;
/** Bytes one response should weigh at most: well under Excel on the web's 5 MB. */
export const RESPONSE_TARGET_BYTES = 2_000_000;
/** Rows of the first band, which tells how much a row weighs. */
const FIRST_BAND_ROWS = 2_000;
/** Cells of one band at most, whatever they weigh (Excel's own guidance for one read). */
const BAND_CELLS = 750_000;

export interface SelectedTransactions extends SelectedTable {
  columns: TransactionColumns;
  /** Each data row's [id, date, amount] cells as Excel gives them. */
  rows: unknown[][];
  /** Syncs the read took. */
  syncs: number;
}

/**
 * The selected table's transactions. `choice`: headers the consultant confirmed; the others are
 * guessed from the headers (French or English), as on the command line. Refused with the
 * catalogue's problems: an empty selection, missing columns, more rows than the pane reads.
 */
export async function readSelectedTransactions(
  context: Excel.RequestContext,
  choice?: ColumnChoice
): Promise<SelectedTransactions> {
  const table = await readSelectedTable(context);
  const columns = guessColumns(table.headers, choice, `${table.sheet}!${rectAddress(table.rect)}`);
  if ("problems" in columns) throw new ExcelFailure(columns.problems);
  const read = await readTransactionRows(context, table, columns);
  return { ...table, columns, rows: read.rows, syncs: table.syncs + read.syncs };
}

/**
 * The selection's used range and its header line (two syncs): what the pane shows for the
 * consultant to confirm the columns. Refused: an empty selection (or a header alone), more rows
 * than the pane reads.
 */
export async function readSelectedTable(
  context: Excel.RequestContext
): Promise<SelectedTable & { syncs: number }> {
  const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
  used.load("address");
  await context.sync();
  const at = used.isNullObject ? undefined : parseSheetRef(used.address);
  if (!at || at.rect.rows < 2) throw new ExcelFailure([rfmSelectionEmpty()]);
  const { sheet, rect } = at;
  const dataRows = rect.rows - 1;
  if (dataRows > SELECTION_ROWS_LIMIT)
    throw new ExcelFailure([
      rfmSelectionTooLarge(sheet, rectAddress(rect), dataRows, SELECTION_ROWS_LIMIT),
    ]);
  const headerRange = context.workbook.worksheets
    .getItem(sheet)
    .getRange(rectAddress({ ...rect, rows: 1 }))
    .load("values");
  await context.sync();
  return { sheet, rect, headers: headersOf(headerRange.values, sheet, rect), syncs: 2 };
}

function headersOf(values: unknown, sheet: string, rect: Rect): string[] {
  return valuesOf(values, sheet, { ...rect, rows: 1 })[0].map((value) =>
    value === null || value === undefined ? "" : String(value).trim()
  );
}

/**
 * The three columns' cells of a table read before (readSelectedTable), in bands of rows sized from
 * the first band's weight. The header line comes again with the first band: a table changed since
 * its headers were shown is refused rather than read under the wrong columns.
 */
export async function readTransactionRows(
  context: Excel.RequestContext,
  table: SelectedTable,
  columns: TransactionColumns & { clientele?: string },
  onProgress?: (done: number, total: number) => void
): Promise<{ rows: unknown[][]; syncs: number }> {
  const { sheet, rect, headers } = table;
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const wanted = COLUMN_ROLES.map((role) => {
    const at = headers.indexOf(columns[role]);
    if (at < 0)
      throw new ExcelFailure([
        rfmColumnMissing(`${sheet}!${rectAddress(rect)}`, role, columns[role], headers),
      ]);
    return rect.col + at;
  });
  if (columns.clientele !== undefined) {
    const at = headers.indexOf(columns.clientele);
    if (at < 0)
      throw new ExcelFailure([
        rfmClienteleMissing(`${sheet}!${rectAddress(rect)}`, columns.clientele, headers),
      ]);
    wanted.push(rect.col + at);
  }
  const dataRows = rect.rows - 1;
  const rows: unknown[][] = [];
  let syncs = 0;
  let next = rect.row + 1;
  const last = rect.row + rect.rows - 1;
  let bandRows = Math.min(FIRST_BAND_ROWS, dataRows);
  let headerCheck: Excel.Range | undefined = worksheet
    .getRange(rectAddress({ ...rect, rows: 1 }))
    .load("values");
  while (next <= last) {
    const count = Math.min(bandRows, last - next + 1);
    const pieces = wanted.map((col) => {
      const piece = { row: next, col, rows: count, cols: 1 };
      return { piece, range: worksheet.getRange(rectAddress(piece)).load("values") };
    });
    // One sync per band on purpose: each response must stay under Excel's limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
    if (headerCheck) {
      const now = headersOf(headerCheck.values, sheet, rect);
      if (now.join("\u0000") !== headers.join("\u0000"))
        throw new ExcelFailure([rfmSelectionChanged(sheet, rectAddress(rect))]);
      headerCheck = undefined;
    }
    const bands = pieces.map(({ piece, range }) => valuesOf(range.values, sheet, piece));
    for (let i = 0; i < count; i++) rows.push(bands.map((band) => band[i][0]));
    if (next === rect.row + 1) bandRows = rowsPerBand(...bands);
    next += count;
    onProgress?.(rows.length, dataRows);
  }
  return { rows, syncs };
}

/** As many rows as make RESPONSE_TARGET_BYTES at the first band's weight, within BAND_CELLS. */
function rowsPerBand(...columns: unknown[][][]): number {
  const rows = columns[0].length;
  const bytes = columns.reduce((sum, column) => sum + jsonBytes(column), 0);
  const perRow = Math.max(1, bytes / Math.max(1, rows));
  return Math.max(
    1,
    Math.min(Math.floor(RESPONSE_TARGET_BYTES / perRow), Math.floor(BAND_CELLS / columns.length))
  );
}

/** Excel may answer null instead of values: refused, never read as empty. */
function valuesOf(values: unknown, sheet: string, rect: Rect): unknown[][] {
  if (!Array.isArray(values)) throw new ExcelFailure([valuesUnavailable(sheet, rectAddress(rect))]);
  return values as unknown[][];
}
