/** The Office.js host: the workbook the consultant has open in Excel. */
import {
  HostCapabilities,
  RenderOptions,
  RenderReport,
  WorkbookHost,
  WorkbookSnapshot,
} from "../host";
import { WorkbookPlan } from "../../layout/plan";
import { readSelection, readWorkbook } from "./read";
import { renderPlan } from "./render";
import {
  IsSetSupported,
  excelCapabilities,
  refuseOldExcel,
  supportsNewerSet,
} from "./requirements";
import { RunBatch, guarded, runInExcel } from "./run";
import { refuseForeignNameClashes, refuseNamesExcelRejects } from "./sheet-names";

export interface ExcelHostOptions {
  /**
   * Runs one batch. Left out in the pane: Excel.run waiting while a cell is being edited
   * (runInExcel); the recording fake in the tests.
   */
  run?: RunBatch;
  /** `(set, version) => Office.context.requirements.isSetSupported(set, version)`. */
  isSetSupported: IsSetSupported;
}

/**
 * Every failure of Excel comes out as an ExcelFailure (code, French and English, which step and
 * which call failed), a RenderRefused (nothing changed) or a RenderInterrupted (what is left).
 */
export function createExcelHost(options: ExcelHostOptions): WorkbookHost {
  const run = options.run ?? runInExcel;
  return {
    async capabilities(): Promise<HostCapabilities> {
      return excelCapabilities(options.isSetSupported);
    },
    async readWorkbook(): Promise<WorkbookSnapshot> {
      const { snapshot } = await guarded("read", () => run((context) => readWorkbook(context)));
      return snapshot;
    },
    async render(
      plan: WorkbookPlan,
      snapshot: WorkbookSnapshot,
      renderOptions: RenderOptions = {}
    ): Promise<RenderReport> {
      // Before Excel is even called: a refusal changes nothing. Render checks clashes again
      // against the workbook as it is when it runs.
      refuseOldExcel(options.isSetSupported);
      refuseNamesExcelRejects(plan);
      refuseForeignNameClashes(plan, snapshot.sheets);
      const newer = supportsNewerSet(options.isSetSupported);
      return guarded("render", () =>
        run((context) =>
          renderPlan(context, plan, {
            pageLayout: newer,
            copyFormulas: newer,
            onProgress: renderOptions.onProgress,
          })
        )
      );
    },
    async readSelection(): Promise<string[]> {
      return guarded("selection", () => run((context) => readSelection(context)));
    },
  };
}
