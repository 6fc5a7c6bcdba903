/**
 * The preview's workbook, in the browser: the sheets of the last plan rendered (with their plans, for
 * the grid's looks), sheets kept as copies (values only), the defined names and the ratings table,
 * the active sheet and the selection. Cells the consultant edits keep their value; every formula
 * cell is then recomputed by the method (recompute.ts). Pure TypeScript: the grid view and the
 * memory host both work through this object, and the tests drive it without a browser.
 */
import * as msg from "../../messages";
import { Rect, parseRect, rectAddress } from "../../layout/a1";
import { RFM_ROLES } from "../../layout/registry";
import { RfmSummaryRead, readRfmSummary } from "../../layout/sheets/rfm";
import { COLUMN_ROLES, TransactionColumns } from "../data/columns";
import { GridValue, NamedRect, WorkbookGrids } from "../../layout/grids";
import { managedSheetNames } from "../../layout/managed";
import { planGrids } from "../../layout/plan-grids";
import { SheetPlan, WorkbookPlan } from "../../layout/plan";
import {
  CellReference,
  ConsultantTable,
  ConsultantTableLookup,
  RenderOptions,
  RenderRefused,
  RenderReport,
  SelectedTable,
  WorkbookSnapshot,
  freeSheetName,
} from "../host";
import { recompute } from "./recompute";

export interface PreviewSheet {
  name: string;
  /** The plan the sheet was rendered from; absent for a copy (values only). */
  plan?: SheetPlan;
  /** values[0][0] is A1. */
  values: GridValue[][];
  /**
   * Its figures computed from the study (segments, check-list, targeting) are those before: a sheet
   * holds an error, so the study cannot be read back until it is corrected (recompute.ts).
   */
  stale?: boolean;
}

export interface PreviewSelection {
  sheet: string;
  rect: Rect;
}

export interface PreviewState {
  sheets: readonly PreviewSheet[];
  names: readonly NamedRect[];
  tables: readonly NamedRect[];
  active?: string;
  selection?: PreviewSelection;
  /** Grows at every change: the view re-renders on it. */
  version: number;
}

/** Why something changed: the consultant's own edits are what the pane's live counts follow. */
export type ChangeCause = "render" | "edit" | "navigation";

const isRfmSheet = (sheet: PreviewSheet): boolean =>
  sheet.plan !== undefined && RFM_ROLES.some((role) => role === sheet.plan?.role);

export class PreviewWorkbook {
  private sheets: PreviewSheet[] = [];
  private names: NamedRect[] = [];
  private tables: NamedRect[] = [];
  private active?: string;
  private selection?: PreviewSelection;
  private version = 0;
  private state: PreviewState;
  private readonly listeners = new Set<(cause: ChangeCause) => void>();

  constructor(initialPlan?: WorkbookPlan) {
    if (initialPlan) this.place(initialPlan);
    this.state = this.freeze();
  }

  /** The current state; the same object until something changes (for useSyncExternalStore). */
  getState = (): PreviewState => this.state;

  subscribe = (listener: (cause: ChangeCause) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(cause: ChangeCause): void {
    this.version++;
    this.state = this.freeze();
    for (const listener of [...this.listeners]) listener(cause);
  }

  private freeze(): PreviewState {
    return {
      sheets: this.sheets.map((sheet) => ({ ...sheet, values: sheet.values })),
      names: this.names,
      tables: this.tables,
      active: this.active,
      selection: this.selection,
      version: this.version,
    };
  }

  private grids(): WorkbookGrids {
    return {
      sheets: this.sheets.map(({ name, values }) => ({ name, values })),
      names: this.names,
      tables: this.tables,
    };
  }

  private managed(): Set<string> {
    return managedSheetNames(this.grids());
  }

  /** What a host reads: every sheet, with the grids of the managed ones (copies for the caller). */
  snapshot(): WorkbookSnapshot {
    const managed = this.managed();
    return structuredClone({
      sheets: this.sheets.map((sheet) => ({ name: sheet.name, managed: managed.has(sheet.name) })),
      grids: {
        sheets: this.sheets
          .filter((sheet) => managed.has(sheet.name))
          .map(({ name, values }) => ({ name, values })),
        names: this.names,
        tables: this.tables,
      },
    });
  }

  private place(plan: WorkbookPlan): void {
    const grids = planGrids(plan);
    const managed = this.managed();
    const kept = this.sheets.filter((sheet) => !managed.has(sheet.name));
    const planned: PreviewSheet[] = plan.sheets.map((sheet, i) => ({
      name: sheet.name,
      plan: sheet,
      values: grids.sheets[i].values,
    }));
    this.sheets = [...planned, ...kept];
    // The names and tables of the sheets kept (the RFM sheets') stay with them.
    const stays = (item: NamedRect) => kept.some((sheet) => sheet.name === item.sheet);
    this.names = [...grids.names, ...this.names.filter(stays)];
    this.tables = [...grids.tables, ...this.tables.filter(stays)];
    recompute({ sheets: this.sheets, names: this.names, tables: this.tables });
    this.active = plan.sheets.find((sheet) => sheet.role === plan.activeSheet)?.name;
    this.selection = undefined;
  }

  /**
   * Replaces the add-in's sheets with the plan's, one sheet at a time as Excel would (progress is
   * reported per sheet). A sheet the add-in did not create is never replaced: refused up front.
   */
  async render(plan: WorkbookPlan, options: RenderOptions = {}): Promise<RenderReport> {
    const managed = this.managed();
    const clash = plan.sheets.find((sheet) =>
      this.sheets.some(
        (held) => held.name.toLowerCase() === sheet.name.toLowerCase() && !managed.has(held.name)
      )
    );
    if (clash) throw new RenderRefused([msg.sheetNameTaken(clash.name)]);
    const replaced = this.sheets.filter((sheet) => managed.has(sheet.name)).map((s) => s.name);
    const total = plan.sheets.length;
    for (let done = 0; done < total; done++) {
      options.onProgress?.({ done, total, sheet: plan.sheets[done].name });
      // Let the page paint the progress, as a real host's round trips would.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    this.place(plan);
    options.onProgress?.({ done: total, total });
    this.changed("render");
    return { written: plan.sheets.map((sheet) => sheet.name), replaced };
  }

  /**
   * The RFM sheets written beside the others (issue 15): the add-in's earlier RFM sheets (those
   * rendered from an RFM plan) are replaced; a plan sheet whose name another sheet holds is refused.
   */
  async writeBeside(plan: WorkbookPlan, options: RenderOptions = {}): Promise<RenderReport> {
    const own = isRfmSheet;
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const clashes = this.sheets.filter(
      (held) => !own(held) && plan.sheets.some((sheet) => same(sheet.name, held.name))
    );
    if (clashes.length > 0)
      throw new RenderRefused(clashes.map((sheet) => msg.sheetNameTaken(sheet.name)));
    const replaced = this.sheets.filter(own).map((sheet) => sheet.name);
    const total = plan.sheets.length;
    for (let done = 0; done < total; done++) {
      options.onProgress?.({ done, total, sheet: plan.sheets[done].name });
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
    const grids = planGrids(plan);
    const kept = this.sheets.filter((sheet) => !own(sheet));
    const stays = (item: NamedRect) => kept.some((sheet) => sheet.name === item.sheet);
    this.sheets = [
      ...kept,
      ...plan.sheets.map((sheet, i) => ({
        name: sheet.name,
        plan: sheet,
        values: grids.sheets[i].values,
      })),
    ];
    this.names = [...this.names.filter(stays), ...grids.names];
    this.tables = [...this.tables.filter(stays), ...grids.tables];
    this.active = plan.sheets.find((sheet) => sheet.role === plan.activeSheet)?.name;
    this.selection = undefined;
    options.onProgress?.({ done: total, total });
    this.changed("render");
    return { written: plan.sheets.map((sheet) => sheet.name), replaced };
  }

  /** Every sheet, and the RFM sheets among them (those rendered from an RFM plan). */
  rfmSheets(): { sheets: string[]; own: string[] } {
    return {
      sheets: this.sheets.map((sheet) => sheet.name),
      own: this.sheets.filter(isRfmSheet).map((sheet) => sheet.name),
    };
  }

  /** The RFM summary sheet's figures, as a client export reads them; undefined without one. */
  rfmSummary(): RfmSummaryRead | undefined {
    const sheet = this.sheets.find((held) => held.plan?.role === "rfmSummary");
    if (!sheet) return undefined;
    return readRfmSummary({
      sheets: [{ name: sheet.name, values: sheet.values }],
      names: [],
      tables: [],
    });
  }

  /**
   * The selection's filled part as a table (the used range Excel would give): refused when it is
   * empty or a header line alone.
   */
  selectedTable(): SelectedTable {
    const selection = this.selection;
    const sheet = selection && this.sheets.find((s) => s.name === selection.sheet);
    let used: Rect | undefined;
    if (selection && sheet) {
      const { row, col, rows, cols } = selection.rect;
      let top = Infinity;
      let left = Infinity;
      let bottom = -Infinity;
      let right = -Infinity;
      const lastRow = Math.min(row + rows - 1, sheet.values.length);
      for (let r = row; r <= lastRow; r++) {
        const line = sheet.values[r - 1] ?? [];
        const lastCol = Math.min(col + cols - 1, line.length);
        for (let c = col; c <= lastCol; c++) {
          const value = line[c - 1];
          if (value === null || value === undefined || value === "") continue;
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
          left = Math.min(left, c);
          right = Math.max(right, c);
        }
      }
      if (bottom >= top)
        used = { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
    }
    if (!selection || !used || used.rows < 2) throw new RenderRefused([msg.rfmSelectionEmpty()]);
    const line = sheet?.values[used.row - 1] ?? [];
    const headers = Array.from({ length: used.cols }, (_, k) => {
      const value = line[used.col - 1 + k];
      return value === null || value === undefined ? "" : String(value).trim();
    });
    return { sheet: selection.sheet, rect: used, headers };
  }

  /** The [id, date, amount(, clientèle)] cells of a table's data rows, as selectedTable found it. */
  tableRows(
    table: SelectedTable,
    columns: TransactionColumns & { clientele?: string }
  ): unknown[][] {
    const sheet = this.sheets.find((s) => s.name === table.sheet);
    const now = sheet ? this.selectedTableAt(sheet, table.rect) : [];
    if (now.join("\u0000") !== table.headers.join("\u0000"))
      throw new RenderRefused([msg.rfmSelectionChanged(table.sheet, rectAddress(table.rect))]);
    const headers = [
      ...COLUMN_ROLES.map((role) => columns[role]),
      ...(columns.clientele !== undefined ? [columns.clientele] : []),
    ];
    const at = headers.map((header) => {
      const found = table.headers.indexOf(header);
      if (found < 0)
        throw new RenderRefused([msg.rfmSelectionChanged(table.sheet, rectAddress(table.rect))]);
      return table.rect.col + found - 1;
    });
    const rows: unknown[][] = [];
    for (let r = table.rect.row + 1; r < table.rect.row + table.rect.rows; r++) {
      const line = sheet?.values[r - 1] ?? [];
      rows.push(at.map((c) => line[c] ?? null));
    }
    return rows;
  }

  private selectedTableAt(sheet: PreviewSheet, rect: Rect): string[] {
    const line = sheet.values[rect.row - 1] ?? [];
    return Array.from({ length: rect.cols }, (_, k) => {
      const value = line[rect.col - 1 + k];
      return value === null || value === undefined ? "" : String(value).trim();
    });
  }

  /** A cell typed by the consultant: the value is kept, every formula recomputed. */
  edit(sheet: string, row: number, col: number, value: GridValue): void {
    const held = this.sheets.find((s) => s.name === sheet);
    if (!held) return;
    const values = held.values.map((line) => [...line]);
    while (values.length < row) values.push([]);
    const line = values[row - 1];
    while (line.length < col) line.push(null);
    line[col - 1] = typeof value === "string" && value.trim() === "" ? null : value;
    held.values = values;
    this.recomputeAll();
    this.selection = { sheet, rect: { row, col, rows: 1, cols: 1 } };
    this.changed("edit");
  }

  private recomputeAll(): void {
    // New arrays for every sheet, so that a view holding the old state is not changed under it.
    for (const sheet of this.sheets) sheet.values = sheet.values.map((line) => [...line]);
    recompute({ sheets: this.sheets, names: this.names, tables: this.tables });
  }

  activate(sheet: string): void {
    if (!this.sheets.some((s) => s.name === sheet)) return;
    this.active = sheet;
    this.changed("navigation");
  }

  /** Shows the sheet and selects a cell or range ("C6", "A5:B9"). */
  select(reference: CellReference): void {
    const rect = parseRect(reference.cell);
    if (!rect || !this.sheets.some((s) => s.name === reference.sheet)) return;
    this.active = reference.sheet;
    this.selection = { sheet: reference.sheet, rect };
    this.changed("navigation");
  }

  /** The selection as Excel's readSelection gives it: non-empty texts, row by row. */
  selectedTexts(): string[] {
    const selection = this.selection;
    const sheet = selection && this.sheets.find((s) => s.name === selection.sheet);
    if (!selection || !sheet) return [];
    const texts: string[] = [];
    for (let r = 0; r < selection.rect.rows; r++)
      for (let c = 0; c < selection.rect.cols; c++) {
        const value = sheet.values[selection.rect.row + r - 1]?.[selection.rect.col + c - 1];
        const text = value === null || value === undefined ? "" : String(value).trim();
        if (text !== "") texts.push(text);
      }
    return texts;
  }

  /** Writes a number into the cell of a defined name (a weight), as the consultant would. */
  writeNamed(name: string, value: number): void {
    const named = this.names.find((n) => n.name === name);
    if (!named) throw new Error(`No defined name ${name} in the preview workbook`);
    this.edit(named.sheet, named.rect.row, named.rect.col, value);
  }

  /**
   * A sheet the consultant fills, from its plan (looks and table), after the others under a free
   * name; the add-in does not manage it (no name, no state), so that no render replaces it.
   */
  addConsultantSheet(plan: SheetPlan): string {
    const name = freeSheetName(
      plan.name,
      this.sheets.map((s) => s.name)
    );
    const sheetPlan = { ...plan, name };
    const grids = planGrids({
      language: "fr",
      sheets: [sheetPlan],
      names: [],
      activeSheet: plan.role,
    });
    this.sheets.push({ name, plan: sheetPlan, values: grids.sheets[0].values });
    this.tables = [...this.tables, ...grids.tables];
    this.active = name;
    this.selection = undefined;
    this.changed("render");
    return name;
  }

  /** The cells of the sheet holding the table, else of the first sheet with one of the names. */
  readConsultantTable(lookup: ConsultantTableLookup): ConsultantTable | undefined {
    const tableSheet = this.tables.find(
      (table) => table.name.toLowerCase() === lookup.table.toLowerCase()
    )?.sheet;
    const wanted = new Set(lookup.sheets.map((name) => name.toLowerCase()));
    const held =
      this.sheets.find((sheet) => sheet.name === tableSheet) ??
      this.sheets.find((sheet) => wanted.has(sheet.name.toLowerCase()));
    // In memory already: nothing to read in pieces, and no limit of Excel's to keep under.
    if (!held) return undefined;
    return {
      sheet: held.name,
      values: held.values.map((line) =>
        (line ?? []).map((value) => (value === undefined || value === "" ? null : value))
      ),
    };
  }

  /** A values-only copy of a sheet, after the others, under a free name. */
  keepCopy(sheet: string, copyName: string): string {
    const held = this.sheets.find((s) => s.name === sheet);
    if (!held) throw new Error(`No sheet ${sheet} in the preview workbook`);
    const name = freeSheetName(
      copyName,
      this.sheets.map((s) => s.name)
    );
    this.sheets.push({ name, values: held.values.map((line) => [...line]) });
    this.changed("render");
    return name;
  }
}
