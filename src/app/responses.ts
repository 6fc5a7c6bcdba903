/**
 * *Intégrer les réponses* (issue 16), as pure steps over what the host read: the study the workbook
 * holds and the cells of the *Réponses* sheet go through the same reading and the same aggregation
 * as `responses RESPONSES.csv|.xlsx` (src/analysis/responses.ts); out come the rows not counted (by
 * row number, linked to their cells), the names the study lacks, every tick or rating typed by hand
 * that the responses change (before → after, for the consultant to confirm), and the plan of the
 * study with its evidence. Everything else of the study is kept as read.
 */
import {
  DEFAULT_THRESHOLD,
  PairChange,
  ResponseRow,
  ResponsesOutcome,
  applyResponses,
  readResponseTable,
} from "../analysis/responses";
import { RESPONSES_SHEET_NAMES, describeResponses } from "../i18n/responses";
import { excelLimitProblems } from "../layout/limits";
import { RESPONSES_TABLE } from "../layout/names";
import { WorkbookPlan } from "../layout/plan";
import { buildPlan } from "../layout";
import { studyToJson } from "../layout/study-json";
import * as msg from "../messages";
import { Problem, hasErrors } from "../messages";
import { Language } from "../method/levels";
import { Study, nameKey } from "../method/study";
import { validateStudy } from "../method/validate";
import { ConsultantTable, ConsultantTableLookup, WorkbookSnapshot } from "../hosts/host";
import { cellAddress } from "../layout/a1";
import { currentStudy, hasStudy } from "./operations";

/** Cells the pane reads at most: a survey of thousands of respondents fits well under it. */
export const RESPONSES_MAX_CELLS = 5_000_000;

/** Where the pane looks for the responses: the table first, then a sheet named as the pane names it. */
export const RESPONSES_LOOKUP: ConsultantTableLookup = {
  table: RESPONSES_TABLE,
  sheets: RESPONSES_SHEET_NAMES,
  maxCells: RESPONSES_MAX_CELLS,
};

export interface UnknownNames {
  clienteles: string[];
  needs: string[];
}

export interface ResponsesIntegration {
  sheet: string;
  /** Errors stop the integration; warnings are the rows not counted. */
  problems: Problem[];
  /** The sheet has its headers but no response yet. */
  empty: boolean;
  /** Names of the responses the study lacks: added only when `addNew` was given. */
  unknown: UnknownNames;
  /** Every tick and rating the responses change, in the tick table's order. */
  changes: PairChange[];
  /** Of them, those typed by hand (the pair was ticked, without evidence): asked before applying. */
  handMade: PairChange[];
  badRows: number[];
  outcome?: ResponsesOutcome;
  /** The study with the responses, and its plan: absent when something stops the integration. */
  study?: Study;
  plan?: WorkbookPlan;
  /** What the integration does, line by line (the command line's words). */
  summary: string[];
}

export interface IntegrateOptions {
  language: Language;
  /** Add the clientèles and needs the study lacks (the consultant agreed to). */
  addNew?: boolean;
  threshold?: number;
}

/** Reads the responses' cells and applies them to the workbook's study; never touches the host. */
export function integrateResponses(
  snapshot: WorkbookSnapshot,
  table: ConsultantTable,
  options: IntegrateOptions
): ResponsesIntegration {
  const { sheet } = table;
  const none: ResponsesIntegration = {
    sheet,
    problems: [],
    empty: false,
    unknown: { clienteles: [], needs: [] },
    changes: [],
    handMade: [],
    badRows: [],
    summary: [],
  };
  const current = currentStudy(snapshot);
  if (!hasStudy(snapshot) || !current.study)
    return {
      ...none,
      problems: [
        msg.responsesNeedStudy(),
        ...current.problems.filter((p) => p.severity === "error"),
      ],
    };
  const study = current.study;

  const read = readResponseTable(table.values, sheet, (row) => ({
    sheet,
    cell: cellAddress(row, 1),
  }));
  if (read.problems.some((p) => p.code === "responses-no-rows"))
    return { ...none, empty: true, badRows: read.badRows };
  if (hasErrors(read.problems)) return { ...none, problems: read.problems, badRows: read.badRows };

  // Always computed as if the names were added: the consultant sees what adding them would do.
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const outcome = applyResponses(study, read.rows, {
    file: sheet,
    threshold,
    source: sheet,
    addNew: true,
  });
  const unknown: UnknownNames = {
    clienteles: outcome.added.clienteles,
    needs: outcome.added.needs,
  };
  const changes = outcome.changes;
  const handMade = changes.filter((change) => change.handMade && change.before.ticked);
  const respondents = new Set(read.rows.map((row) => nameKey(row.respondent))).size;
  const summary = describeResponses(
    { outcome, threshold, respondents, rowsCounted: read.rows.length, badRows: read.badRows },
    options.language
  ).map((line) => line.trim());
  const base: ResponsesIntegration = {
    ...none,
    problems: read.problems,
    unknown,
    changes,
    handMade,
    badRows: read.badRows,
    outcome,
    summary,
  };

  const anyUnknown = unknown.clienteles.length + unknown.needs.length > 0;
  if (anyUnknown && !options.addNew)
    return { ...base, problems: [...read.problems, ...unknownProblems(sheet, read.rows, unknown)] };

  // The study written must be one a build accepts (an added name could break a rule of names).
  const applied = outcome.study as Study;
  const checked = validateStudy(JSON.parse(JSON.stringify(studyToJson(applied))));
  if (!checked.study || hasErrors(checked.problems))
    return { ...base, problems: [...read.problems, ...checked.problems] };
  const limits = excelLimitProblems(checked.study, checked.study.language);
  if (limits.length > 0) return { ...base, problems: [...read.problems, ...limits] };
  return { ...base, study: checked.study, plan: buildPlan(checked.study) };
}

/** Each name the study lacks, at the first row giving it, in the pane's words. */
function unknownProblems(
  sheet: string,
  rows: readonly ResponseRow[],
  unknown: UnknownNames
): Problem[] {
  const firstRow = (kind: "clientele" | "need"): Map<string, number> => {
    const found = new Map<string, number>();
    for (const row of rows) {
      const key = nameKey(row[kind]);
      if (!found.has(key)) found.set(key, row.row);
    }
    return found;
  };
  const clienteles = firstRow("clientele");
  const needs = firstRow("need");
  return [
    ...unknown.clienteles.map((name) =>
      msg.responsesUnknownNameInSheet(sheet, clienteles.get(nameKey(name)) ?? 1, "clientele", name)
    ),
    ...unknown.needs.map((name) =>
      msg.responsesUnknownNameInSheet(sheet, needs.get(nameKey(name)) ?? 1, "need", name)
    ),
  ];
}

/**
 * What the consultant is asked to confirm, as one text: a confirmation applies only to the
 * integration it was shown (the sheet may have changed in between).
 */
export function integrationKey(integration: ResponsesIntegration): string {
  return JSON.stringify([integration.sheet, integration.unknown, integration.changes]);
}

/** The integration asks first: names to add, or ticks and ratings typed by hand to change. */
export function needsConfirmation(integration: ResponsesIntegration): boolean {
  return (
    integration.unknown.clienteles.length + integration.unknown.needs.length > 0 ||
    integration.handMade.length > 0
  );
}
