/** When a sync fails half-way: say exactly what the workbook holds now, in French and in English. */
import { Bilingual } from "../../method/levels";
import { buildInterrupted } from "../../messages";
import { causeOf } from "./failure";
import { sheetKey } from "./sheet-names";

export interface InterruptedState {
  /** Plan sheets present under their final names (possibly incomplete). */
  planSheets: string[];
  /** New sheets still under their temporary names. */
  temporarySheets: string[];
  /** Sheets of the earlier build not deleted yet. */
  oldSheets: string[];
}

/** Thrown by render when Excel stopped in the middle; the pane keeps the consultant's data in memory. */
export class RenderInterrupted extends Error {
  constructor(
    readonly failure: unknown,
    /** Undefined when even the workbook's sheet list could not be read afterwards. */
    readonly state: InterruptedState | undefined
  ) {
    // Excel's code and the call that failed ("TableCollection.add"), in each language.
    const text = buildInterrupted(causeOf(failure), state);
    super(`${text.fr}\n${text.en}`);
    this.name = "RenderInterrupted";
    this.text = text;
  }

  /** The message in each language, for a pane that shows only one. */
  readonly text: Bilingual;
}

/**
 * What is left, from the sheet names found after the failure. `temporary[i]` is the name plan sheet
 * `sheets[i]` was added under: a new sheet only takes its final name once the old one is deleted,
 * so a plan name present while its temporary sheet is still there is an old sheet.
 */
export function interruptedState(
  present: readonly string[],
  plan: { sheets: readonly string[]; temporary: readonly string[]; old: readonly string[] }
): InterruptedState {
  const here = new Set(present.map(sheetKey));
  const planSheets = plan.sheets.filter(
    (name, index) => here.has(sheetKey(name)) && !here.has(sheetKey(plan.temporary[index]))
  );
  const written = new Set(planSheets.map(sheetKey));
  return {
    planSheets,
    temporarySheets: plan.temporary.filter((name) => here.has(sheetKey(name))),
    oldSheets: plan.old.filter((name) => here.has(sheetKey(name)) && !written.has(sheetKey(name))),
  };
}
