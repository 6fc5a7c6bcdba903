/**
 * A PaneHost without a spreadsheet, for the pane in a plain browser (preview, tests): the workbook is
 * a PreviewWorkbook (workbook.ts), drawn beside the pane by the preview's grid. Formulas are
 * recomputed by the method after every edit; the consultant's edits are the "user changes".
 */
import { WorkbookPlan } from "../../layout/plan";
import { HostCapabilities, PaneHost, RenderOptions, RenderReport, WorkbookSnapshot } from "../host";
import { PreviewWorkbook } from "./workbook";

export interface MemoryHostOptions {
  /** Shown in the pane as the host's name. */
  name?: string;
  /** A workbook already built, e.g. to preview the pane over an existing study. */
  initialPlan?: WorkbookPlan;
  /** The workbook to work on (the preview's grid shows the same one); else a new one. */
  workbook?: PreviewWorkbook;
}

export interface MemoryHost extends PaneHost {
  readonly workbook: PreviewWorkbook;
}

export function createMemoryHost(options: MemoryHostOptions = {}): MemoryHost {
  const workbook = options.workbook ?? new PreviewWorkbook(options.initialPlan);
  const capabilities: HostCapabilities = { canBuild: true, name: options.name ?? "Aperçu" };

  return {
    workbook,
    capabilities: async () => ({ ...capabilities }),
    readWorkbook: async (): Promise<WorkbookSnapshot> => workbook.snapshot(),
    render: (plan: WorkbookPlan, _snapshot: WorkbookSnapshot, renderOptions?: RenderOptions) =>
      workbook.render(plan, renderOptions) as Promise<RenderReport>,
    readSelection: async () => workbook.selectedTexts(),
    activateSheet: async (sheet) => workbook.activate(sheet),
    selectRange: async (reference) => workbook.select(reference),
    writeNamedValue: async (name, value) => workbook.writeNamed(name, value),
    keepCopy: async (sheet, copyName) => workbook.keepCopy(sheet, copyName),
    readSelectedTable: async () => workbook.selectedTable(),
    readTransactionRows: async (table, columns, onProgress) => {
      const rows = workbook.tableRows(table, columns);
      onProgress?.(rows.length, rows.length);
      return rows;
    },
    readRfmSummary: async () => workbook.rfmSummary(),
    listRfmSheets: async () => workbook.rfmSheets(),
    writeRfmSheets: (plan, renderOptions) => workbook.writeBeside(plan, renderOptions),
    addConsultantSheet: async (plan) => workbook.addConsultantSheet(plan),
    readConsultantTable: async (lookup) => workbook.readConsultantTable(lookup),
    onUserChange: async (listener) =>
      workbook.subscribe((cause) => {
        if (cause === "edit") listener();
      }),
  };
}
