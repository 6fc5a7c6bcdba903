/**
 * The stages of the layout, one way and back:
 *   study → buildPlan → WorkbookPlan → (a host renders it) … (a host reads it) → grids → readStudy → study.
 * Each sheet module plans and reads its own sheet (sheets/*.ts); the registry lists them.
 */
import { WORKBOOK_TEXTS } from "../i18n/workbook";
import { Language } from "../method/levels";
import { PALETTES, PaletteName } from "../method/colour";
import * as msg from "../messages";
import { Problem, hasErrors } from "../messages";
import { rectAddress } from "./a1";
import { DEFAULT_WEIGHTS, Item, STUDY_FIELDS, Study } from "../method/study";
import { WorkbookGrids } from "./grids";
import { NAMES, RATINGS_TABLE } from "./names";
import { NamePlan, WorkbookPlan } from "./plan";
import { SHEETS } from "./registry";
import { FoundItem, PlanContext, StudyDraft, pairsInPlaceOrder } from "./sheet";
import { LAYOUT_VERSION } from "./state";

export interface PlanOptions {
  /** The workbook's language, when not the study's own. */
  language?: Language;
  /** The colour scale, when not the study's own. */
  palette?: PaletteName;
}

/** The full workbook of a study. */
export function buildPlan(study: Study, options: PlanOptions = {}): WorkbookPlan {
  const language = options.language ?? study.language;
  const context: PlanContext = {
    study,
    language,
    texts: WORKBOOK_TEXTS[language],
    template: false,
    palette: PALETTES[options.palette ?? study.palette ?? "default"],
    names: [],
  };
  const anyRated = study.pairs.some(
    (pair) => pair.perception !== undefined && pair.impact !== undefined
  );
  return {
    language,
    sheets: SHEETS.map((sheet) => sheet.plan(context)),
    names: context.names,
    activeSheet: anyRated ? "matrix" : "ticks",
  };
}

/** The blank template: the tick table with room for names typed by hand, and the settings. */
export function templatePlan(language: Language): WorkbookPlan {
  const names: NamePlan[] = [];
  const blank: Study = {
    language,
    clienteles: [],
    needs: [],
    pairs: [],
    weights: { ...DEFAULT_WEIGHTS },
  };
  const context: PlanContext = {
    study: blank,
    language,
    texts: WORKBOOK_TEXTS[language],
    template: true,
    palette: PALETTES.default,
    names,
  };
  return {
    language,
    sheets: SHEETS.filter((sheet) => sheet.inTemplate).map((sheet) => sheet.plan(context)),
    names,
    activeSheet: "ticks",
  };
}

export interface ReadResult {
  study?: Study;
  problems: Problem[];
}

/**
 * Workbook grids → study. The sheets are the source of truth: names typed across and down (also past
 * the table the add-in wrote), X's, ratings rows added by hand. Every problem names its cell.
 */
export function readStudy(grids: WorkbookGrids): ReadResult {
  const { study, problems } = readStudyAsFarAsItGoes(grids);
  return hasErrors(problems) ? { problems } : { study, problems };
}

/**
 * What every sheet read, even when another sheet holds an error: for the pane's step counts only (a
 * stray X on one sheet must not blank the steps of the others). Nothing is built from it: building
 * and refreshing use readStudy, which refuses a study with errors.
 */
export function readStudyAsFarAsItGoes(grids: WorkbookGrids): ReadResult {
  const problems: Problem[] = [...(grids.notes ?? [])];
  // A newer layout may keep things where this one does not look: refused, not half-read.
  if (grids.state?.kind === "newer")
    return { problems: [msg.workbookNewer(undefined, grids.state.version, LAYOUT_VERSION)] };
  // A client export holds values only, without the sheets a study is read from: said as such.
  if (grids.names.some((n) => n.name.toUpperCase() === NAMES.clientExport.toUpperCase()))
    return { problems: [msg.clientExportNotStudy()] };
  if (grids.state?.kind === "damaged")
    problems.push(msg.workbookStateDamaged(undefined, grids.state.detail));
  // Merging keeps the first cell's value only; said, so that a vanished entry is not a mystery.
  for (const sheet of grids.sheets) {
    for (const merged of sheet.merged ?? [])
      problems.push(msg.mergedCells({ sheet: sheet.name, cell: rectAddress(merged) }));
  }
  const draft: StudyDraft = {
    language: "fr",
    weights: { ...DEFAULT_WEIGHTS },
    clienteles: [],
    needs: [],
    pairs: new Map(),
  };
  for (const sheet of SHEETS) {
    sheet.read({ grids, problems, draft });
    if (draft.notAStudy) return { problems };
  }
  // The workbook had ratings (its state says so, or the matrix is there: a template has neither):
  // their sheet gone means every rating is gone with it.
  const hadRatings =
    (grids.state?.kind === "ok" && grids.state.state.sheets.some((s) => s.role === "ratings")) ||
    grids.names.some((n) => n.name === NAMES.matrix);
  const ratingsFound =
    grids.tables.some((t) => t.name === RATINGS_TABLE) ||
    grids.names.some((n) => n.name === NAMES.ratingClienteles);
  if (hadRatings && !ratingsFound)
    problems.push(
      msg.sheetMissing({
        fr: WORKBOOK_TEXTS.fr.sheets.ratings,
        en: WORKBOOK_TEXTS.en.sheets.ratings,
      })
    );
  if (!draft.weights) return { problems };
  const items = (found: FoundItem[]): Item[] =>
    found.map((f) => (f.type ? { name: f.name, type: f.type } : { name: f.name }));
  const study: Study = {
    language: draft.language,
    clienteles: items(draft.clienteles),
    needs: items(draft.needs),
    pairs: pairsInPlaceOrder(draft.pairs),
    weights: draft.weights,
  };
  // Every other field as its reader left it (readers leave out what is empty or the default).
  const fields = study as unknown as Record<string, unknown>;
  const found = draft as Record<string, unknown>;
  for (const field of STUDY_FIELDS)
    if (!(field in study) && found[field] !== undefined) fields[field] = found[field];
  return { study, problems };
}

export { NAMES, NAME_PREFIX, RATINGS_TABLE } from "./names";
export { TEMPLATE_CAPACITY } from "./sheets/ticks";
// Sheet geometry for others to compute with: still read by the pane, the preview and app/steps.ts,
// which are to ask the sheet modules instead (issue 12, item 3); nothing in layout/ uses these two.
export { GRID } from "./sheets/grid";
export { RATINGS } from "./sheets/ratings";
