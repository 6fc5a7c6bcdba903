/**
 * What the task pane needs from a spreadsheet: one small interface that Office.js (Excel), the
 * in-memory preview (a browser outside Office) and the tests' fakes all implement.
 */
import { Problem } from "../messages";
import { WorkbookGrids } from "../layout/grids";
import { Rect } from "../layout/a1";
import type { TransactionColumns } from "./data/columns";
import type { RfmSummaryRead } from "../layout/sheets/rfm";
import { SheetPlan, WorkbookPlan } from "../layout/plan";

export interface HostCapabilities {
  /** False when the host cannot build the workbook (e.g. Excel older than the needed API set). */
  canBuild: boolean;
  /** Why not, in both languages, when canBuild is false. */
  reason?: { fr: string; en: string };
  /** Short name shown in the pane: "Excel", "Aperçu". */
  name: string;
}

export interface SheetInfo {
  name: string;
  /** Created by Segment Matrix: one of its defined names or its table points into it. */
  managed: boolean;
}

/** The workbook as read in one go: its sheets, and the grids of the add-in's own sheets. */
export interface WorkbookSnapshot {
  sheets: SheetInfo[];
  grids: WorkbookGrids;
}

export interface RenderReport {
  /** Sheets written, in order. */
  written: string[];
  /** Sheets of an earlier build that were replaced. */
  replaced: string[];
}

/** A render refused before anything was changed, with the reasons. */
export class RenderRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message.en).join("; "));
  }
}

export interface WorkbookHost {
  capabilities(): Promise<HostCapabilities>;
  /** Reads the sheet list and the grids of the add-in's sheets (found through its defined names). */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /**
   * Replaces the add-in's sheets with the plan's. Never touches a sheet it did not create: if a plan
   * sheet's name is taken by such a sheet, throws RenderRefused and changes nothing.
   */
  render(
    plan: WorkbookPlan,
    snapshot: WorkbookSnapshot,
    options?: RenderOptions
  ): Promise<RenderReport>;
  /** The text of the selected cells, one entry per non-empty cell, in reading order. */
  readSelection(): Promise<string[]>;
}

// ---------------------------------------------------------------------------------------------
// What the task pane adds on top (issue 7): finding its way around the workbook, progress, a copy
// of a sheet before a rebuild, one value written, and live changes. Kept apart from WorkbookHost so
// that the hosts' render and read stay as they are; the pane takes a PaneHost.

/** A sheet and an A1 cell or range on it ("C6", "A5:G9"). */
export interface CellReference {
  sheet: string;
  cell: string;
}

/** How far a render is: `done` of `total` sheets written, `sheet` the one being written now. */
export interface RenderProgress {
  done: number;
  total: number;
  sheet?: string;
}

export interface RenderOptions {
  onProgress?: (progress: RenderProgress) => void;
}

export interface PaneHost extends WorkbookHost {
  render(
    plan: WorkbookPlan,
    snapshot: WorkbookSnapshot,
    options?: RenderOptions
  ): Promise<RenderReport>;
  /** Shows a sheet (Office.js: worksheet.activate()). */
  activateSheet(sheet: string): Promise<void>;
  /** Shows a sheet and selects a cell or range on it (Office.js: range.select()). */
  selectRange(reference: CellReference): Promise<void>;
  /** Writes a number into the single cell a workbook-scoped defined name points to (a weight). */
  writeNamedValue(name: string, value: number): Promise<void>;
  /**
   * Copies a sheet's values (not its formulas) into a new sheet that Segment Matrix does not manage,
   * named `copyName` or, if taken, `copyName 2`, `copyName 3`…; returns the name given.
   */
  keepCopy(sheet: string, copyName: string): Promise<string>;
  /**
   * Adds a sheet from its plan that Segment Matrix does not manage afterwards (no defined name, not
   * in its state: no build ever replaces it), named `plan.name` or, if taken, `plan.name 2`…;
   * returns the name given. The *Réponses* sheet (layout/sheets/responses.ts).
   */
  addConsultantSheet(plan: SheetPlan): Promise<string>;
  /**
   * The cells of a sheet the consultant fills: the sheet holding the table `lookup.table`, else the
   * first named one of `lookup.sheets` (any case); undefined when there is none. Values only, as
   * the host gives them, `values[0]` being row 1 (rows above the used cells left empty); read in
   * pieces under the host's request limits, refused past `lookup.maxCells` cells.
   */
  readConsultantTable(lookup: ConsultantTableLookup): Promise<ConsultantTable | undefined>;
  /**
   * Calls `listener` after the consultant changed cells (debounced by the host); returns a function
   * that stops listening. Hosts that cannot tell return a no-op.
   */
  onUserChange(listener: () => void): Promise<() => void>;
  /**
   * Opens a workbook file (base64 .xlsx) as a new workbook (Excel.createWorkbook, ExcelApi 1.8).
   * Absent where the host cannot: the pane then offers the file as a download.
   */
  openWorkbook?(base64: string): Promise<void>;
  /** Excel's own picture of a range, base64 PNG (Range.getImage, ExcelApi 1.7); absent elsewhere. */
  rangeImage?(reference: CellReference): Promise<string>;
  /**
   * Clients RFM (issue 15): the selected table — its used range and header line — for the
   * consultant to confirm which column is which. Refused (problems) when empty or too long.
   */
  readSelectedTable(): Promise<SelectedTable>;
  /**
   * The [id, date, amount] cells of every data row of a table read by readSelectedTable, in chunks
   * under the host's request limits; refused if its header line changed since. With
   * `columns.clientele`, each row's fourth cell is that column's (segments quantified from the data).
   */
  readTransactionRows(
    table: SelectedTable,
    columns: TransactionColumns & { clientele?: string },
    onProgress?: (done: number, total: number) => void
  ): Promise<unknown[][]>;
  /**
   * Writes the RFM plan's sheets beside the workbook's other sheets, in requests under the host's
   * limits: replaces the RFM sheets the add-in wrote before (found by the table SM_RFM and the
   * summary's defined name, or the add-in's state), never another sheet — a plan sheet whose name
   * is taken by one is refused (RenderRefused) and nothing changes. The study's sheets stay as
   * they are.
   */
  writeRfmSheets(plan: WorkbookPlan, options?: RenderOptions): Promise<RenderReport>;
  /**
   * The workbook's sheets and, among them, the add-in's RFM sheets (as writeRfmSheets finds them):
   * the pane refuses a taken name before a long read rather than after it.
   */
  listRfmSheets(): Promise<{ sheets: string[]; own: string[] }>;
  /**
   * The RFM summary and R × F grids as the workbook last calculated them, for the client exports
   * (never the customers' sheet); undefined when the workbook holds none.
   */
  readRfmSummary(): Promise<RfmSummaryRead | undefined>;
}

/** A table of transactions selected in the workbook: its place and its header line. */
export interface SelectedTable {
  sheet: string;
  /** The selection's used range, header line included. */
  rect: Rect;
  /** The header line's texts, trimmed ("" for an empty header cell). */
  headers: string[];
}

export interface ConsultantTableLookup {
  table: string;
  sheets: readonly string[];
  maxCells: number;
}

/** A cell's value as a host reads it (Office.js gives "" for an empty cell). */
export type TableCellValue = string | number | boolean | null;

export interface ConsultantTable {
  sheet: string;
  /** `values[0]` is row 1; a row may be shorter than others (or empty) where it holds nothing. */
  values: TableCellValue[][];
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export const SHEET_NAME_MAX = 31;

/** `base`, or `base 2`, `base 3`… (cut to fit 31 characters), the first not in `taken` (any case). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` ${n}`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}
