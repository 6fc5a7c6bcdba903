/**
 * The pane's Clients RFM through Office.js (issue 15): the selected table read in bands under
 * Excel's response limit (rfm-read.ts), the RFM sheets written in requests under the host's budget
 * (rfm-write.ts). Kept apart from navigation.ts, which only spreads these in.
 */
import { PaneHost, RenderOptions, RenderProgress, RenderRefused } from "../host";
import { ExcelFailure } from "./failure";
import { refuseOldExcel, supportsNewerSet } from "./requirements";
import { readSelectedTable, readTransactionRows } from "./rfm-read";
import { listRfmSheets, readRfmSummarySheet, writeRfmPlan } from "./rfm-write";
import { guarded } from "./run";
import { refuseNamesExcelRejects } from "./sheet-names";
import type { NavigationOptions } from "./navigation";

export function rfmMethods(
  options: Pick<NavigationOptions, "run" | "isSetSupported">
): Pick<
  PaneHost,
  | "readSelectedTable"
  | "readTransactionRows"
  | "writeRfmSheets"
  | "readRfmSummary"
  | "listRfmSheets"
> {
  const { run, isSetSupported } = options;
  return {
    readSelectedTable: () =>
      refusals(
        guarded("selection", () =>
          run(async (context) => {
            const { sheet, rect, headers } = await readSelectedTable(context);
            return { sheet, rect, headers };
          })
        )
      ),
    readTransactionRows: (table, columns, onProgress) =>
      refusals(
        guarded("read", () =>
          run(
            async (context) => (await readTransactionRows(context, table, columns, onProgress)).rows
          )
        )
      ),
    listRfmSheets: () =>
      guarded("read", () =>
        run(async (context) => {
          const { sheets, own } = await listRfmSheets(context);
          return { sheets, own };
        })
      ),
    readRfmSummary: () => guarded("read", () => run((context) => readRfmSummarySheet(context))),
    writeRfmSheets: async (plan, renderOptions: RenderOptions = {}) => {
      refuseOldExcel(isSetSupported);
      refuseNamesExcelRejects(plan);
      const newer = supportsNewerSet(isSetSupported);
      const total = plan.sheets.length;
      const tell = (progress: RenderProgress) => renderOptions.onProgress?.(progress);
      tell({ done: 0, total, sheet: plan.sheets[0]?.name });
      const report = await guarded("render", () =>
        run((context) =>
          writeRfmPlan(context, plan, {
            pageLayout: newer,
            copyFormulas: newer,
            onProgress: tell,
          })
        )
      );
      tell({ done: total, total });
      return report;
    },
  };
}

/** The read's own refusals (an empty selection, a missing column) are refusals, not Excel's failures. */
async function refusals<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (failure) {
    if (failure instanceof ExcelFailure && failure.problems.every((p) => p.code.startsWith("rfm-")))
      throw new RenderRefused(failure.problems);
    throw failure;
  }
}
