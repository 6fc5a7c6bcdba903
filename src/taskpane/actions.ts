/**
 * The pane's actions over a host: read the workbook, let src/app decide, render. No React here, so
 * each action reads as a short story; the hook (use-pane.ts) only keeps the results. Every host call
 * goes through `attempt`, so a failure says which step it was.
 */
import { Language } from "../method/levels";
import { Problem, hasErrors } from "../messages";
import { Study } from "../method/study";
import { cellAddress } from "../layout/a1";
import { GRID, NAMES } from "../layout";
import {
  Outcome,
  TypedList,
  blankTemplate,
  buildFromLists,
  currentStudy,
  refreshFromSheets,
} from "../app/operations";
import { DropSummary, Rename, dropSummary, renamesBetween } from "../app/safety";
import { ExportedFile, LATER, fileNameOf } from "../app/later";
import { Step, WorkbookState, nextStep, stepOf, workbookState } from "../app/steps";
import { PaneHost, RenderProgress, WorkbookSnapshot } from "../hosts/host";
import { PaneTexts, studySummary } from "../i18n/pane";
import { Notice, attempt, problemNotices } from "./notices";

export interface NameLists {
  clienteles: string[];
  needs: string[];
}

/** What a rebuild would lose, for the consultant to confirm first. */
export interface PendingDrop {
  lists: NameLists;
  summary: DropSummary;
  /** Likely renames found; the consultant picks those to carry over. */
  renames: Rename[];
  /** The ratings sheet, to keep a copy of. */
  ratingsSheet?: string;
  study: Study;
}

export interface ActionResult {
  notices: Notice[];
  /** Names to show in the fields afterwards (read from the sheets). */
  lists?: NameLists;
  /** Problems to show on a list's field (the build was refused for them). */
  fieldProblems?: Record<TypedList, Problem[]>;
  confirmDrop?: PendingDrop;
  /** The workbook as it is after the action. */
  workbook?: WorkbookState;
  /** Sheets were written (replaced): what listened to the old ones must listen again. */
  rendered?: boolean;
}

export interface PaneContext {
  host: PaneHost;
  language: Language;
  texts: PaneTexts;
  onProgress?: (progress: RenderProgress | undefined) => void;
}

export interface StartState {
  blockedReason?: string;
  lists?: NameLists;
  workbook?: WorkbookState;
  /** What stops the sheets from being read, said at once. */
  notices?: Notice[];
}

/** A blank template read back: its only "errors" are the names still to type. */
export function isBlankTemplate(state: WorkbookState): boolean {
  return (
    state.hasStudy &&
    !state.study &&
    state.problems.length > 0 &&
    state.problems.every((p) => p.code === "no-clienteles" || p.code === "no-needs")
  );
}

export function listsOf(study: Study): NameLists {
  return {
    clienteles: study.clienteles.map((item) => item.name),
    needs: study.needs.map((item) => item.name),
  };
}

/** The workbook's state, with what the later steps' analysis adds when it is connected. */
export function stateOf(snapshot: WorkbookSnapshot): WorkbookState {
  return workbookState(snapshot, { suggestedK: LATER.suggestSegmentCount });
}

export async function readState({ host }: PaneContext): Promise<WorkbookState> {
  return stateOf(await attempt("read", () => host.readWorkbook()));
}

/**
 * What the pane says after the consultant edits the sheets (no action of the pane): the sheets'
 * errors at once, each linked to its cell; once they are fixed, those messages go. A success
 * message (its counts are the workbook's at the time of the action) goes at the first edit, so that
 * no stale count stays on screen; the steps show the live counts.
 */
export function liveNotices(
  before: readonly Notice[],
  state: WorkbookState,
  language: Language
): Notice[] {
  if (state.hasStudy && !isBlankTemplate(state) && hasErrors(state.problems))
    return problemNotices(state.problems, language);
  return before.filter((notice) => notice.intent !== "success" && notice.intent !== "error");
}

/** On opening: can we build here, and is there a study whose names should fill the fields? */
export async function start(context: PaneContext): Promise<StartState> {
  const { host, language, texts } = context;
  const capabilities = await attempt("read", () => host.capabilities());
  if (!capabilities.canBuild) {
    return { blockedReason: capabilities.reason?.[language] ?? texts.cannotBuild };
  }
  const workbook = await readState(context);
  if (workbook.study) return { lists: listsOf(workbook.study), workbook };
  if (workbook.hasStudy && !isBlankTemplate(workbook))
    return { workbook, notices: problemNotices(workbook.problems, language) };
  return { workbook };
}

/** "Prochaine étape : …" for a workbook's state, with the sheet to open. */
export function nextNotice(state: WorkbookState, texts: PaneTexts, done: string): Notice {
  const step = nextStep(state.steps);
  const ratings = stepOf(state.steps, "ratings");
  const sheet = (s: Step | undefined): string => s?.sheet ?? "";
  let next: string;
  let open: string | undefined;
  if (!step || !state.study) {
    next = state.study ? texts.next.done : texts.next.lists;
  } else if (step.id === "ticks") {
    next = texts.next.ticks(sheet(step));
    open = step.sheet;
  } else if ((step.id === "ratings" || step.id === "matrix") && ratings.rowsMissing > 0) {
    next = texts.next.rows(ratings.rowsMissing);
  } else if (step.id === "ratings" || step.id === "matrix") {
    next = texts.next.ratings(sheet(ratings), ratings.ticked - ratings.rated);
    open = ratings.sheet;
  } else if (step.id === "segments" && step.segments > 0 && step.sheet) {
    next = texts.next.checklist(step.sheet);
    open = step.sheet;
  } else if (step.id === "segments") {
    const matrix = stepOf(state.steps, "matrix");
    next = `${texts.next.matrix(sheet(matrix))} ${texts.next.segments}`;
    open = matrix.sheet;
  } else {
    next = step.id === "targeting" ? texts.next.targeting : texts.next.lists;
  }
  return {
    intent: "success",
    title: done,
    text: `${texts.next.prefix} ${next}`,
    ...(open ? { open: { label: texts.steps.openSheetFor(open), sheet: open } } : {}),
  };
}

/** Renders the outcome's plan unless a problem forbids it; always reports every problem. */
export async function renderOutcome(
  context: PaneContext,
  snapshot: WorkbookSnapshot,
  outcome: Outcome,
  success: (study: Study | undefined, state: WorkbookState) => Notice,
  shownElsewhere: readonly Problem[] = []
): Promise<ActionResult> {
  const { host, language } = context;
  const problems = outcome.problems.filter((p) => !shownElsewhere.includes(p));
  const nothingTicked = outcome.study !== undefined && outcome.study.pairs.length === 0;
  const ticksSheet = outcome.plan?.sheets.find((s) => s.role === "ticks")?.name;
  const notices = problemNotices(problems, language, { nothingTicked, ticksSheet });
  if (!outcome.plan || hasErrors(outcome.problems)) return { notices };
  try {
    await attempt("render", () =>
      host.render(outcome.plan as NonNullable<Outcome["plan"]>, snapshot, {
        onProgress: context.onProgress,
      })
    );
  } finally {
    context.onProgress?.(undefined);
  }
  const workbook = await readState(context);
  return { notices: [success(outcome.study, workbook), ...notices], workbook, rendered: true };
}

export interface BuildChoices {
  /** The consultant confirmed what the build drops. */
  confirmed: boolean;
  renames?: Rename[];
  /** Keep a values-only copy of the ratings sheet first. */
  keepCopy?: boolean;
}

export async function build(
  context: PaneContext,
  lists: NameLists,
  choices: BuildChoices = { confirmed: false }
): Promise<ActionResult> {
  const { host, texts, language } = context;
  let snapshot = await attempt("read", () => host.readWorkbook());
  const before = currentStudy(snapshot).study;
  if (!choices.confirmed && before) {
    const summary = dropSummary(before, lists);
    // Segments' members go like ticked pairs: asked first, never silently.
    if (summary.pairsLost.length > 0 || summary.membersLost.length > 0) {
      const state = stateOf(snapshot);
      return {
        notices: [],
        confirmDrop: {
          lists,
          summary,
          renames: renamesBetween(before, lists),
          ratingsSheet: state.sheets.ratings,
          study: before,
        },
      };
    }
  }
  const notices: Notice[] = [];
  const ratingsSheet = stateOf(snapshot).sheets.ratings;
  if (choices.keepCopy && ratingsSheet) {
    const copy = await attempt("copy", () =>
      host.keepCopy(ratingsSheet, texts.confirmDrop.copyName(ratingsSheet))
    );
    notices.push({ intent: "info", text: texts.confirmDrop.copied(copy) });
    snapshot = await attempt("read", () => host.readWorkbook());
  }
  const outcome = buildFromLists(
    snapshot,
    lists.clienteles,
    lists.needs,
    language,
    choices.renames ?? []
  );
  const onFields = [
    ...(outcome.listProblems?.clienteles ?? []),
    ...(outcome.listProblems?.needs ?? []),
  ];
  const result = await renderOutcome(
    context,
    snapshot,
    outcome,
    (study, state) =>
      nextNotice(state, texts, study ? studySummary(study, language, texts.done.built) : ""),
    onFields
  );
  return {
    ...result,
    notices: [...result.notices.slice(0, 1), ...notices, ...result.notices.slice(1)],
    ...(onFields.length > 0 && outcome.listProblems ? { fieldProblems: outcome.listProblems } : {}),
  };
}

export async function refresh(context: PaneContext): Promise<ActionResult> {
  const { texts, language } = context;
  const snapshot = await attempt("read", () => context.host.readWorkbook());
  const outcome = refreshFromSheets(snapshot);
  const result = await renderOutcome(context, snapshot, outcome, (study, state) =>
    nextNotice(state, texts, study ? studySummary(study, language, texts.done.refreshed) : "")
  );
  // The sheets are the truth: show their names even when a problem stopped the render.
  return outcome.study ? { ...result, lists: listsOf(outcome.study) } : result;
}

export async function template(context: PaneContext): Promise<ActionResult> {
  const snapshot = await attempt("read", () => context.host.readWorkbook());
  const outcome = blankTemplate(snapshot, context.language);
  const ticksSheet = outcome.plan?.sheets.find((sheet) => sheet.role === "ticks")?.name ?? "";
  return renderOutcome(context, snapshot, outcome, () => ({
    intent: "success",
    text: context.texts.templateDone(
      ticksSheet,
      cellAddress(GRID.headerRow, GRID.firstCol),
      cellAddress(GRID.firstRow, GRID.nameCol)
    ),
    open: { label: context.texts.steps.openSheetFor(ticksSheet), sheet: ticksSheet },
  }));
}

/** Order by need profile (and cut into k): connected when LATER.orderWorkbook is. */
export async function order(
  context: PaneContext,
  k?: number,
  replaceSegments?: boolean
): Promise<ActionResult> {
  const orderWorkbook = LATER.orderWorkbook;
  if (!orderWorkbook)
    return { notices: [{ intent: "info", text: context.texts.notInThisVersion }] };
  const snapshot = await attempt("read", () => context.host.readWorkbook());
  const outcome = orderWorkbook(snapshot, k, replaceSegments);
  return renderOutcome(context, snapshot, outcome, (study, state) =>
    nextNotice(
      state,
      context.texts,
      study ? studySummary(study, context.language, context.texts.done.ordered) : ""
    )
  );
}

/** The matrix as a picture file: connected when LATER.exportMatrixPicture is. */
export async function exportPicture(
  context: PaneContext,
  save: (file: ExportedFile) => void
): Promise<ActionResult> {
  const exportMatrixPicture = LATER.exportMatrixPicture;
  if (!exportMatrixPicture)
    return { notices: [{ intent: "info", text: context.texts.notInThisVersion }] };
  const state = await readState(context);
  if (!state.study) return { notices: problemNotices(state.problems, context.language) };
  const file = await exportMatrixPicture(state.study, context.language);
  save(file);
  return { notices: [{ intent: "success", text: context.texts.exported(file.fileName) }] };
}

/**
 * The client workbook: written in the pane (ExcelJS, loaded on first use), then opened in Excel as
 * a new workbook where Excel can (ExcelApi 1.8), else offered as a download. With where its PDF
 * comes from: Excel's own export, since getFileAsync(Pdf) can return an empty file on the web.
 */
export async function exportClientWorkbook(
  context: PaneContext,
  save: (file: ExportedFile) => void
): Promise<ActionResult> {
  const exporter = LATER.exportClientWorkbook;
  if (!exporter) return { notices: [{ intent: "info", text: context.texts.notInThisVersion }] };
  const { host, texts } = context;
  const state = await readState(context);
  if (!state.study) return { notices: problemNotices(state.problems, context.language) };
  const rfm = await attempt("read", () => host.readRfmSummary());
  const file = await attempt("export", () => exporter(state.study as Study, rfm));
  const pdf: Notice = { intent: "info", text: texts.pdfNote };
  if (host.openWorkbook) {
    const open = host.openWorkbook.bind(host);
    await attempt("export", () => open(file.base64));
    return { notices: [{ intent: "success", text: texts.clientOpened(file.sheets) }, pdf] };
  }
  save(file);
  return {
    notices: [{ intent: "success", text: texts.clientSaved(file.fileName, file.sheets) }, pdf],
  };
}

/** The client deck (PowerPoint): written in the pane (pptxgenjs, loaded on first use), downloaded. */
export async function exportClientDeck(
  context: PaneContext,
  save: (file: ExportedFile) => void
): Promise<ActionResult> {
  const exporter = LATER.exportClientDeck;
  if (!exporter) return { notices: [{ intent: "info", text: context.texts.notInThisVersion }] };
  const state = await readState(context);
  if (!state.study) return { notices: problemNotices(state.problems, context.language) };
  const rfm = await attempt("read", () => context.host.readRfmSummary());
  const file = await attempt("export", () => exporter(state.study as Study, rfm));
  save(file);
  return {
    notices: [{ intent: "success", text: context.texts.deckSaved(file.fileName, file.slides) }],
  };
}

/** The matrix with its headers, group labels and colour samples: what Excel's picture shows. */
export function matrixPictureRange(study: Study): string {
  const lastRow = GRID.firstRow + study.needs.length - 1 + 2;
  const lastCol = GRID.firstCol + Math.max(study.clienteles.length, 5) - 1;
  return `${cellAddress(GRID.helpRow, GRID.nameCol)}:${cellAddress(lastRow, lastCol)}`;
}

/** Excel's own picture of the matrix (Range.getImage, ExcelApi 1.7), saved as a PNG. */
export async function exportRangeImage(
  context: PaneContext,
  save: (file: ExportedFile) => void
): Promise<ActionResult> {
  const { host, texts } = context;
  const rangeImage = host.rangeImage?.bind(host);
  if (!rangeImage) return { notices: [{ intent: "info", text: texts.notInThisVersion }] };
  const state = await readState(context);
  const sheet = state.sheets.matrix;
  if (!state.study || !sheet) return { notices: problemNotices(state.problems, context.language) };
  const study = state.study;
  const base64 = await attempt("export", () =>
    rangeImage({ sheet, cell: matrixPictureRange(study) })
  );
  const binary = atob(base64);
  const data = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
  const fileName = `${fileNameOf(study, context.language === "fr" ? "matrice" : "matrix")}-excel.png`;
  save({ fileName, mimeType: "image/png", data });
  return { notices: [{ intent: "success", text: texts.rangeImageSaved(fileName) }] };
}

/** A weight typed in the pane goes into its cell; the matrix's formulas follow. */
export async function setWeight(
  context: PaneContext,
  which: "perception" | "impact",
  value: number
): Promise<ActionResult> {
  const name = which === "perception" ? NAMES.weightPerception : NAMES.weightImpact;
  await attempt("write", () => context.host.writeNamedValue(name, value));
  return { notices: [], workbook: await readState(context) };
}

/** The selected cells' texts, or a hint when nothing usable is selected. */
export async function selection({
  host,
  texts,
}: PaneContext): Promise<{ names?: string[]; notices: Notice[] }> {
  const names = (await attempt("selection", () => host.readSelection()))
    .map((name) => name.trim())
    .filter((name) => name);
  return names.length > 0
    ? { names, notices: [] }
    : { notices: [{ intent: "info", text: texts.emptySelection }] };
}
