/**
 * A WorkbookHost without a spreadsheet, for the pane in a plain browser (preview, tests): the
 * "workbook" is the last plan rendered, read back as Excel would right after writing it; formulas
 * read as the values they compute when written, and are not recalculated.
 */
import { planGrids } from "../../layout/plan-grids";
import { WorkbookPlan } from "../../layout/plan";
import { HostCapabilities, RenderReport, WorkbookHost, WorkbookSnapshot } from "../host";

export interface MemoryHostOptions {
  /** Shown in the pane as the host's name. */
  name?: string;
  /** A workbook already built, e.g. to preview the pane over an existing study. */
  initialPlan?: WorkbookPlan;
}

const EMPTY: WorkbookSnapshot = { sheets: [], grids: { sheets: [], names: [], tables: [] } };

function snapshotOf(plan: WorkbookPlan | undefined): WorkbookSnapshot {
  if (!plan) return EMPTY;
  const grids = planGrids(plan);
  // Every sheet here came from a plan, so every sheet is the add-in's own.
  return { sheets: grids.sheets.map((sheet) => ({ name: sheet.name, managed: true })), grids };
}

/** Callers may mutate what they read; hand out copies so the stored workbook stays as rendered. */
function copy(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return structuredClone(snapshot);
}

export function createMemoryHost(options: MemoryHostOptions = {}): WorkbookHost {
  let current = snapshotOf(options.initialPlan);
  const capabilities: HostCapabilities = { canBuild: true, name: options.name ?? "Aperçu" };

  return {
    capabilities: async () => ({ ...capabilities }),
    readWorkbook: async () => copy(current),
    render: async (plan: WorkbookPlan): Promise<RenderReport> => {
      // All the sheets held were the add-in's, so all of them give way to the new plan's.
      const replaced = current.sheets.map((sheet) => sheet.name);
      current = snapshotOf(plan);
      return { written: plan.sheets.map((sheet) => sheet.name), replaced };
    },
    readSelection: async () => [],
  };
}
