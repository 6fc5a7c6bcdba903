/**
 * The pane's Clients RFM (issue 15), as two short stories over the host:
 * 1. read the selection's header line and guess which column is the customer id, the date and the
 *    amount, by the command line's rule (hosts/data/columns.ts), for the consultant to confirm;
 * 2. read the confirmed columns in chunks, score them in TypeScript (analysis/rfm-rows.ts, the
 *    command line's rule), say every row left out with the command line's messages, and write the
 *    RFM sheets (layout/sheets/rfm.ts, the command line's plan) beside the study's sheets.
 * 3. with a clientèle column and a study with segments in the workbook, set each segment's size,
 *    frequency and basket from the year before the analysis date (analysis/rfm-quantify.ts, the
 *    command line's rule) and build the study again, everything else kept.
 * No React here; use-rfm.ts keeps the state.
 */
import { DEFAULT_SEGMENT_RULES, dayOfIso, isoOfDay, rfmRows, rulesIn } from "../analysis/rfm";
import { clienteleFiguresFromRows, rfmFromRows } from "../analysis/rfm-rows";
import { quantifiedLine } from "../analysis/rfm-quantify";
import { quantifyWorkbook } from "../app/quantify";
import { transactionProblems } from "../analysis/rfm-problems";
import { rectAddress } from "../layout/a1";
import { rfmPlan } from "../layout/sheets/rfm";
import { PALETTES } from "../method/colour";
import * as msg from "../messages";
import { Problem, hasErrors } from "../messages";
import { RFM_TEXTS } from "../i18n/rfm";
import {
  COLUMN_ROLES,
  ColumnRole,
  TransactionColumns,
  guessEachColumn,
} from "../hosts/data/columns";
import { RenderRefused, SelectedTable } from "../hosts/host";
import { rfmPaneTexts } from "../i18n/pane-rfm";
import { ActionResult, PaneContext, readState, renderOutcome } from "./actions";
import { Notice, attempt, failureNotices, problemNotices } from "./notices";

/** What the consultant confirms: the table read, and each role's header (guessed first). */
export interface RfmSetup {
  table: SelectedTable;
  /** The header lines the dropdowns offer: the table's non-empty headers, each once. */
  options: string[];
  guessed: Partial<TransactionColumns>;
}

/** The table's address as the messages write it: 'Ventes'!A1:D9. */
export function tableLabel(table: SelectedTable): string {
  return `'${table.sheet.replace(/'/g, "''")}'!${rectAddress(table.rect)}`;
}

/** Step 1: the selection's header line, and the columns guessed from it. */
export async function rfmReadSelection(context: PaneContext): Promise<RfmSetup> {
  const table = await attempt("selection", () => context.host.readSelectedTable());
  const options = [...new Set(table.headers.filter((header) => header !== ""))];
  return { table, options, guessed: guessEachColumn(table.headers) };
}

/** The confirmed columns, or why not (a role without a column, or one column for two roles). */
export function confirmedColumns(
  setup: RfmSetup,
  chosen: Partial<TransactionColumns>
): TransactionColumns | undefined {
  const picked = COLUMN_ROLES.map((role) => chosen[role]);
  if (picked.some((header) => header === undefined || !setup.options.includes(header)))
    return undefined;
  if (new Set(picked).size !== picked.length) return undefined;
  return chosen as TransactionColumns;
}

export interface RfmChoices {
  columns: Partial<Record<ColumnRole, string>>;
  /** YYYY-MM-DD, or "" for the day after the last transaction. */
  analysisDate: string;
  /** The clientèle column, to quantify the study's segments (optional). */
  clientele?: string;
}

/**
 * Step 2: read, score, report, write. Nothing is written when the rows leave no customer to score
 * (the problems say why); every row left out is counted and said either way.
 */
export async function rfmRun(
  context: PaneContext,
  setup: RfmSetup,
  choices: RfmChoices,
  onRead?: (done: number, total: number) => void
): Promise<ActionResult> {
  const texts = rfmPaneTexts(context.language);
  const columns = confirmedColumns(setup, choices.columns);
  if (!columns) return { notices: [{ intent: "error", text: texts.sameColumn }] };
  const clientele = choices.clientele || undefined;
  if (
    clientele !== undefined &&
    (!setup.options.includes(clientele) || COLUMN_ROLES.some((role) => columns[role] === clientele))
  )
    return { notices: [{ intent: "error", text: texts.clienteleSame }] };
  const typed = choices.analysisDate.trim();
  const analysisDay = typed === "" ? undefined : dayOfIso(typed);
  if (typed !== "" && analysisDay === undefined)
    return { notices: [{ intent: "error", text: texts.badDate(typed) }] };

  // The study's language resolves 03/04/2025 and names the sheets; its palette colours them.
  const state = await readState(context);
  const language = state.study?.language ?? context.language;
  const palette = PALETTES[state.study?.palette ?? "default"];

  // A sheet of the consultant's under an RFM sheet's name: refused now, not after a long read (the
  // write checks again in its own batch).
  const names = RFM_TEXTS[language];
  const { sheets, own } = await attempt("read", () => context.host.listRfmSheets());
  const taken = sheets.filter(
    (sheet) =>
      !own.includes(sheet) &&
      [names.customersSheet, names.summarySheet].some(
        (name) => name.normalize("NFC").toUpperCase() === sheet.normalize("NFC").toUpperCase()
      )
  );
  if (taken.length > 0) throw new RenderRefused(taken.map((sheet) => msg.sheetNameTaken(sheet)));

  const cells = await attempt("read", () =>
    context.host.readTransactionRows(
      setup.table,
      clientele === undefined ? columns : { ...columns, clientele },
      onRead
    )
  );
  const scored = rfmFromRows(
    cells,
    { id: 0, date: 1, amount: 2 },
    { language, ...(analysisDay !== undefined ? { analysisDay } : {}) }
  );
  const { table } = setup;
  const where = { sheet: table.sheet, cell: rectAddress(table.rect) };
  const problems: Problem[] = transactionProblems(
    { label: tableLabel(table), location: where },
    columns,
    scored.counts,
    scored.customers.length,
    language
  );
  const told = problemNotices(problems, context.language);
  if (hasErrors(problems)) return { notices: told };

  const rules = rulesIn(DEFAULT_SEGMENT_RULES, language);
  const rows = rfmRows(scored.customers, scored.scores, scored.analysisDay, rules);
  const plan = rfmPlan({
    rows,
    rules,
    analysisDay: scored.analysisDay,
    firstDay: scored.firstDay,
    language,
    palette,
  });
  let report;
  try {
    report = await attempt("render", () =>
      context.host.writeRfmSheets(plan, { onProgress: context.onProgress })
    );
  } finally {
    context.onProgress?.(undefined);
  }
  const summary =
    report.written[plan.sheets.findIndex((sheet) => sheet.role === "rfmSummary")] ??
    report.written[0];
  const done: Notice = {
    intent: "success",
    text: texts.done(rows.length, scored.counts.rows, isoOfDay(scored.analysisDay), report.written),
    ...(summary
      ? { open: { label: context.texts.steps.openSheetFor(summary), sheet: summary } }
      : {}),
  };
  const replaced: Notice[] =
    report.replaced.length > 0 ? [{ intent: "info", text: texts.replaced(report.replaced) }] : [];
  if (clientele === undefined) return { notices: [done, ...replaced, ...told], rendered: true };

  // The RFM sheets are written: a failure of what follows is said after them, not instead.
  let quantified: ActionResult;
  try {
    // The study as the workbook holds it now (read after the RFM sheets, which it does not include).
    const snapshot = await attempt("read", () => context.host.readWorkbook());
    const { figures, conflicts } = clienteleFiguresFromRows(
      cells,
      { id: 0, date: 1, amount: 2, clientele: 3 },
      { language, analysisDay: scored.analysisDay }
    );
    const asOf = isoOfDay(scored.analysisDay);
    const outcome = quantifyWorkbook(snapshot, figures, asOf, where, conflicts);
    const set = outcome.quantified?.segments ?? [];
    const kept = new Set(outcome.quantified?.sizedByPopulation ?? []);
    const line = (figures: (typeof set)[number]) =>
      quantifiedLine(figures, asOf, context.language, kept.has(figures.segment));
    quantified = await renderOutcome(context, snapshot, outcome, () => ({
      intent: "success",
      title: texts.quantified(clientele, set.length),
      text: set.length > 0 ? line(set[0]) : "",
      ...(set.length > 1
        ? {
            items: set.slice(1).map((figures) => ({ text: line(figures) })),
          }
        : {}),
    }));
  } catch (failure) {
    quantified = { notices: failureNotices(failure, context.texts, context.language) };
  }
  return {
    notices: [done, ...replaced, ...told, ...quantified.notices],
    rendered: true,
    ...(quantified.workbook ? { workbook: quantified.workbook } : {}),
  };
}
