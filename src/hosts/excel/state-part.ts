/**
 * The add-in's state in the open workbook: a custom XML part in the state's namespace
 * (workbook.customXmlParts, ExcelApi 1.5), as the ExcelJS host writes it into a file. Read in the
 * read's phases (listed with the first sync, its XML fetched with the second); replaced at the end
 * of the render batch. Kept apart from read.ts and render.ts: each calls in at one marked point.
 */
import { STATE_NAMESPACE, StateRead, stateFromXml, stateToXml } from "../../layout/state";
import { planState } from "../../layout/state";
import { WorkbookPlan } from "../../layout/plan";

/** Sync 1: the ids of the add-in's state parts (usually one; none in a workbook before it). */
export function queueStateListing(context: Excel.RequestContext): () => string[] {
  const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load("items/id");
  return () => parts.items.map((part) => part.id);
}

/** Sync 2: the XML of listed parts (they exist: getItem is safe); the first readable state wins. */
export function queueStateXml(
  context: Excel.RequestContext,
  ids: readonly string[]
): () => StateRead | undefined {
  const xml = ids.map((id) => context.workbook.customXmlParts.getItem(id).getXml());
  return () => {
    for (const result of xml) {
      const state = stateFromXml(result.value);
      if (state) return state;
    }
    return undefined;
  };
}

/** In the render batch, after the sheets and names: the old state parts out, the plan's in. */
export function queueStateWrite(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  oldIds: readonly string[]
): void {
  for (const id of oldIds) context.workbook.customXmlParts.getItem(id).delete();
  context.workbook.customXmlParts.add(stateToXml(planState(plan)));
}
