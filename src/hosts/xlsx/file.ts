/**
 * Workbooks as bytes for the command line: a plan with the add-in's state, or a client export
 * without it. Writing them to disk (atomically, modes kept) is src/cli/write-file.ts's.
 */
import { WorkbookPlan } from "../../layout/plan";
import { STATE_NAMESPACE, planState, stateToXml } from "../../layout/state";
import { planToXlsx } from "./render";

export { listWorkbookFile, readWorkbookFile } from "./read";

/**
 * The workbook of a plan, with the add-in's state in it (layout version, what it owns). `level`:
 * zlib's, for a very large workbook that is better written fast than small (default 6).
 */
export async function planToBuffer(plan: WorkbookPlan, level?: number): Promise<Buffer> {
  return planToXlsx(plan, {
    level,
    customXml: { xml: stateToXml(planState(plan)), namespace: STATE_NAMESPACE },
  });
}

/**
 * A client export (layout/export.ts): the plan's workbook without the add-in's state: the
 * deliverable is not a working workbook, and nothing in it is the add-in's to manage.
 */
export async function clientPlanToBuffer(plan: WorkbookPlan): Promise<Buffer> {
  return planToXlsx(plan);
}
