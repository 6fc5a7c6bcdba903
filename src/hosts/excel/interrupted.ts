/** When a sync fails half-way: say exactly what the workbook holds now, in French and in English. */
import { Bilingual } from "../../method/levels";
import { quoteEn, quoteFr } from "../../method/problems";
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
    const text = interruptedText(describeCause(failure), state);
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

/** Office.js errors carry a code ("RequestPayloadSizeLimitExceeded") worth showing with the message. */
function describeCause(cause: unknown): string {
  if (cause && typeof cause === "object") {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : "";
    if (typeof code === "string" && code !== "" && !text.includes(code))
      return text ? `${code}: ${text}` : code;
    if (text) return text;
  }
  return String(cause);
}

function list(names: readonly string[], quote: (text: string) => string, none: string): string {
  return names.length > 0 ? names.map(quote).join(", ") : none;
}

function interruptedText(cause: string, state: InterruptedState | undefined): Bilingual {
  if (!state) {
    return {
      fr: `Excel a refusé la construction (${cause}) et l'état du classeur n'a pas pu être relu : vérifiez les feuilles, puis recommencez. Vos listes et vos saisies restent dans le volet.`,
      en: `Excel refused the build (${cause}) and the workbook could not be read back: check its sheets, then try again. Your lists and entries are kept in the pane.`,
    };
  }
  const fr = [
    `Excel a arrêté la construction en cours de route (${cause}).`,
    `Feuilles de Segment Matrix présentes, peut-être incomplètes : ${list(state.planSheets, quoteFr, "aucune")}.`,
    `Feuilles temporaires restées : ${list(state.temporarySheets, quoteFr, "aucune")}.`,
    `Anciennes feuilles encore là : ${list(state.oldSheets, quoteFr, "aucune")}.`,
    "Vos listes et vos saisies restent dans le volet : relancez la construction, puis supprimez les feuilles temporaires qui resteraient.",
  ].join(" ");
  const en = [
    `Excel stopped the build half-way (${cause}).`,
    `Segment Matrix sheets present, perhaps incomplete: ${list(state.planSheets, quoteEn, "none")}.`,
    `Temporary sheets left: ${list(state.temporarySheets, quoteEn, "none")}.`,
    `Old sheets still there: ${list(state.oldSheets, quoteEn, "none")}.`,
    "Your lists and entries are kept in the pane: run the build again, then delete any temporary sheet still there.",
  ].join(" ");
  return { fr, en };
}
