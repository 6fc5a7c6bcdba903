/**
 * What the task pane adds to the Office.js host (issue 7), kept apart from its read and render:
 * activate a sheet, select a cell, write a weight, keep a values-only copy of a sheet, follow the
 * consultant's edits (ExcelApi 1.7 Worksheet.onChanged, debounced) and report a render's progress.
 */
import { CellValue } from "../../layout/plan";
import {
  CellReference,
  PaneHost,
  RenderOptions,
  RenderProgress,
  WorkbookHost,
  freeSheetName,
} from "../host";
import { formulaGrid } from "./cells";
import { addConsultantSheet, readConsultantTable } from "./consultant-sheet";
import { IsSetSupported } from "./requirements";
import { rfmMethods } from "./rfm-host";

export interface NavigationOptions {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  isSetSupported: IsSetSupported;
  /** Quiet time before a burst of edits is reported once. */
  debounceMs?: number;
  /**
   * Runs a batch in the context event handlers were added in (removing them needs it):
   * `(context, batch) => Excel.run(context, batch)` by default.
   */
  runIn?: (
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<void>
  ) => Promise<void>;
  /** Opens a base64 .xlsx as a new workbook: Excel.createWorkbook by default. */
  createWorkbook?: (base64: string) => Promise<void>;
}

/** The cell values Office.js reads, as plan cells, so that text is written back as text. */
function asCell(value: unknown): CellValue {
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "text", text: value ? "TRUE" : "FALSE" };
  if (typeof value === "string" && value !== "") return { kind: "text", text: value };
  return null;
}

export function withNavigation(host: WorkbookHost, options: NavigationOptions): PaneHost {
  const { run } = options;
  return {
    ...host,
    async render(plan, snapshot, renderOptions: RenderOptions = {}) {
      // The Office.js render queues the whole workbook in as few requests as it can: progress is
      // told at its start, after each request of a large build (the sheet it reached), and at its end.
      const total = plan.sheets.length;
      const onProgress = renderOptions.onProgress;
      let told = "";
      const tell = (progress: RenderProgress): void => {
        const key = `${progress.done}/${progress.sheet ?? ""}`;
        if (key === told) return;
        told = key;
        onProgress?.(progress);
      };
      tell({ done: 0, total, sheet: plan.sheets[0]?.name });
      const report = await host.render(plan, snapshot, { onProgress: tell });
      tell({ done: total, total });
      return report;
    },
    activateSheet: (sheet) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).activate();
        await context.sync();
      }),
    selectRange: ({ sheet, cell }) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),
    writeNamedValue: (name, value) =>
      run(async (context) => {
        context.workbook.names.getItem(name).getRange().values = [[value]];
        await context.sync();
      }),
    keepCopy: (sheet, copyName) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets.load("items/name");
        const used = context.workbook.worksheets
          .getItem(sheet)
          .getUsedRangeOrNullObject(true)
          .load("address, values");
        await context.sync();
        const name = freeSheetName(
          copyName,
          sheets.items.map((item) => item.name)
        );
        const copy = context.workbook.worksheets.add(name);
        if (!used.isNullObject) {
          const address = used.address.slice(used.address.lastIndexOf("!") + 1);
          const values = (used.values as unknown[][]).map((line) => line.map(asCell));
          copy.getRange(address).formulas = formulaGrid(values);
        }
        await context.sync();
        return name;
      }),
    addConsultantSheet: (plan) => run((context) => addConsultantSheet(context, plan)),
    readConsultantTable: (lookup) => run((context) => readConsultantTable(context, lookup)),
    onUserChange: (listener) => followChanges(options, listener),
    ...deliverables(options),
    ...rfmMethods(options),
  };
}

/** The client workbook opened in Excel (ExcelApi 1.8) and Excel's picture of a range (1.7). */
function deliverables(options: NavigationOptions): Pick<PaneHost, "openWorkbook" | "rangeImage"> {
  const { run, isSetSupported } = options;
  const createWorkbook =
    options.createWorkbook ?? ((base64: string) => Excel.createWorkbook(base64));
  return {
    ...(isSetSupported("ExcelApi", "1.8") ? { openWorkbook: createWorkbook } : {}),
    ...(isSetSupported("ExcelApi", "1.7")
      ? {
          rangeImage: ({ sheet, cell }: CellReference) =>
            run(async (context) => {
              const image = [context.workbook.worksheets.getItem(sheet).getRange(cell).getImage()];
              await context.sync();
              // A ClientResult, filled by the sync (no load: the lint rule takes it for a proxy).
              return image[0].value;
            }),
        }
      : {}),
  };
}

/**
 * Worksheet.onChanged (ExcelApi 1.7) on every sheet, reported once per burst of edits. Changes the
 * add-in makes itself are reported too: the pane ignores them while it is working.
 */
async function followChanges(
  options: NavigationOptions,
  listener: () => void
): Promise<() => void> {
  if (!options.isSetSupported("ExcelApi", "1.7")) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(listener, options.debounceMs ?? 600);
  };
  const handlers = await options.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const added = sheets.items.map((sheet) => sheet.onChanged.add(fire));
    await context.sync();
    return added;
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    // Removing needs the context the handlers were added in (one batch added them all).
    if (handlers.length === 0) return;
    const runIn =
      options.runIn ?? ((context, batch) => Excel.run(context as Excel.RequestContext, batch));
    runIn(handlers[0].context, async (context) => {
      for (const handler of handlers) handler.remove();
      await context.sync();
    }).catch(() => undefined);
  };
}
