/** The Office.js host: the workbook the consultant has open in Excel. */
import { HostCapabilities, RenderReport, WorkbookHost, WorkbookSnapshot } from "../host";
import { WorkbookPlan } from "../../layout/plan";
import { readSelection, readWorkbook } from "./read";
import { renderPlan } from "./render";
import {
  IsSetSupported,
  excelCapabilities,
  refuseOldExcel,
  supportsPageLayout,
} from "./requirements";
import { refuseForeignNameClashes } from "./sheet-names";

export interface ExcelHostOptions {
  /** `(batch) => Excel.run(batch)` in the pane; a fake in the tests. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** `(set, version) => Office.context.requirements.isSetSupported(set, version)`. */
  isSetSupported: IsSetSupported;
}

export function createExcelHost(options: ExcelHostOptions): WorkbookHost {
  // The SM_ names seen by each read, broken ones included: the snapshot type has no room for them.
  const ownNamesOf = new WeakMap<WorkbookSnapshot, string[]>();
  const statePartsOf = new WeakMap<WorkbookSnapshot, string[]>();
  return {
    async capabilities(): Promise<HostCapabilities> {
      return excelCapabilities(options.isSetSupported);
    },
    async readWorkbook(): Promise<WorkbookSnapshot> {
      const { snapshot, ownNames, stateParts } = await options.run((context) =>
        readWorkbook(context)
      );
      ownNamesOf.set(snapshot, ownNames);
      statePartsOf.set(snapshot, stateParts);
      return snapshot;
    },
    async render(plan: WorkbookPlan, snapshot: WorkbookSnapshot): Promise<RenderReport> {
      // Before Excel is even called: a refusal changes nothing.
      refuseOldExcel(options.isSetSupported);
      refuseForeignNameClashes(plan, snapshot);
      return options.run((context) =>
        renderPlan(context, plan, snapshot, {
          pageLayout: supportsPageLayout(options.isSetSupported),
          ownNames: ownNamesOf.get(snapshot) ?? [],
          stateParts: statePartsOf.get(snapshot) ?? [],
        })
      );
    },
    async readSelection(): Promise<string[]> {
      return options.run((context) => readSelection(context));
    },
  };
}
