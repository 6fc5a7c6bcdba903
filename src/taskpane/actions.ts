/**
 * The pane's actions over a host: read the workbook, let operations.ts decide, render. No React
 * here, so each step reads as a short story; the hook (use-pane.ts) only keeps the results.
 */
import { Language } from "../method/levels";
import { Problem, hasErrors } from "../method/problems";
import { Study } from "../method/study";
import { cellAddress } from "../layout/a1";
import { GRID } from "../layout";
import {
  Outcome,
  blankTemplate,
  buildFromLists,
  currentStudy,
  droppedPairs,
  refreshFromSheets,
} from "../app/operations";
import { WorkbookHost, WorkbookSnapshot } from "../hosts/host";
import { PaneTexts, studySummary } from "../i18n/pane";
import { Notice, problemNotices } from "./notices";

export interface NameLists {
  clienteles: string[];
  needs: string[];
}

export interface ActionResult {
  notices: Notice[];
  /** Names to show in the fields afterwards (read from the sheets). */
  lists?: NameLists;
  /** Pairs a build of these lists would drop: the consultant confirms before anything is written. */
  confirmDrop?: { lists: NameLists; pairs: Problem[] };
}

export interface PaneContext {
  host: WorkbookHost;
  language: Language;
  texts: PaneTexts;
}

export interface StartState {
  blockedReason?: string;
  lists?: NameLists;
}

export function listsOf(study: Study): NameLists {
  return {
    clienteles: study.clienteles.map((item) => item.name),
    needs: study.needs.map((item) => item.name),
  };
}

/** On opening: can we build here, and is there a study whose names should fill the fields? */
export async function start({ host, language, texts }: PaneContext): Promise<StartState> {
  const capabilities = await host.capabilities();
  if (!capabilities.canBuild) {
    return { blockedReason: capabilities.reason?.[language] ?? texts.cannotBuild };
  }
  const { study } = currentStudy(await host.readWorkbook());
  return study ? { lists: listsOf(study) } : {};
}

/** Renders the outcome's plan unless a problem forbids it; always reports every problem. */
async function renderOutcome(
  { host, language }: PaneContext,
  snapshot: WorkbookSnapshot,
  outcome: Outcome,
  success: (study: Study | undefined) => string
): Promise<ActionResult> {
  const problems = problemNotices(outcome.problems, language);
  if (!outcome.plan || hasErrors(outcome.problems)) return { notices: problems };
  await host.render(outcome.plan, snapshot);
  return { notices: [{ intent: "success", text: success(outcome.study) }, ...problems] };
}

export async function build(
  context: PaneContext,
  lists: NameLists,
  dropConfirmed: boolean
): Promise<ActionResult> {
  const snapshot = await context.host.readWorkbook();
  if (!dropConfirmed) {
    const dropped = droppedPairs(currentStudy(snapshot).study, lists.clienteles, lists.needs);
    if (dropped.length > 0) return { notices: [], confirmDrop: { lists, pairs: dropped } };
  }
  const outcome = buildFromLists(snapshot, lists.clienteles, lists.needs, context.language);
  return renderOutcome(context, snapshot, outcome, (study) =>
    study ? studySummary(study, context.language, context.texts.done.built) : ""
  );
}

export async function refresh(context: PaneContext): Promise<ActionResult> {
  const snapshot = await context.host.readWorkbook();
  const outcome = refreshFromSheets(snapshot);
  const result = await renderOutcome(context, snapshot, outcome, (study) =>
    study ? studySummary(study, context.language, context.texts.done.refreshed) : ""
  );
  // The sheets are the truth: show their names even when a problem stopped the render.
  return outcome.study ? { ...result, lists: listsOf(outcome.study) } : result;
}

export async function template(context: PaneContext): Promise<ActionResult> {
  const snapshot = await context.host.readWorkbook();
  const outcome = blankTemplate(snapshot, context.language);
  const ticksSheet = outcome.plan?.sheets.find((sheet) => sheet.role === "ticks")?.name ?? "";
  return renderOutcome(context, snapshot, outcome, () =>
    context.texts.templateDone(
      ticksSheet,
      cellAddress(GRID.headerRow, GRID.firstCol),
      cellAddress(GRID.firstRow, GRID.nameCol)
    )
  );
}

/** The selected cells' texts, or a hint when nothing usable is selected. */
export async function selection({
  host,
  texts,
}: PaneContext): Promise<{ names?: string[]; notices: Notice[] }> {
  const names = (await host.readSelection()).map((name) => name.trim()).filter((name) => name);
  return names.length > 0
    ? { names, notices: [] }
    : { notices: [{ intent: "info", text: texts.emptySelection }] };
}
