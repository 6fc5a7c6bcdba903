/**
 * The method's steps as the pane shows them (docs/method.md), each with a status from the material's
 * legend (✓ ok · ⊞ en cours · ✗ à faire · 📊 à analyser) and live counts, as a pure function of what
 * was read from the workbook. No text here: the pane words the counts (i18n/pane.ts).
 */
import {
  CHECKLIST_ITEMS,
  ChecklistStatus,
  SEGMENT_FIGURES,
  Strategy,
  isSegmentReady,
  quantificationMismatches,
} from "../method/segments";
import * as msg from "../messages";
import { strategyOfTargets } from "../method/targeting";
import { ConquestStep, MethodWarning, advise } from "../method/advice";
import { Language } from "../method/levels";
import { pairScore } from "../method/score";
import {
  EvidenceCoverage,
  SegmentEvidence,
  evidenceCoverage,
  segmentsEvidence,
  studyHasEvidence,
} from "../method/evidence";
import { Study, Weights, isRated, nameKey, pairKey } from "../method/study";
import { Problem, hasErrors } from "../messages";
import { readStudyAsFarAsItGoes } from "../layout";
import { sheetsByRole } from "../layout/registry";
import { ratingRowKeys } from "../layout/sheets/ratings";
import { SheetRole } from "../layout/plan";
import { WorkbookSnapshot } from "../hosts/host";
import { currentStudy, hasStudy } from "./operations";

import { STEP_IDS, StepId } from "../method/steps";

export { STEP_IDS };
export type { StepId };

export interface ScoredPair {
  clientele: string;
  need: string;
  score: number;
}

interface StepBase {
  status: ChecklistStatus;
  /** The workbook sheet of the step, when the workbook has it (Ouvrir la feuille). */
  sheet?: string;
}

export type Step =
  | (StepBase & { id: "lists"; clienteles: number; needs: number })
  | (StepBase & {
      id: "ticks";
      ticks: number;
      clientelesWithout: string[];
      needsWithout: string[];
    })
  | (StepBase & {
      id: "ratings";
      ticked: number;
      rated: number;
      /** Ticked pairs that have no row in the ratings sheet yet (Actualiser adds them). */
      rowsMissing: number;
    })
  | (StepBase & {
      id: "matrix";
      scored: number;
      best: ScoredPair[];
      weights?: Weights;
      /** How many scored pairs responses back (a study with evidence only, docs/method.md §3.3). */
      evidence?: EvidenceCoverage;
    })
  | (StepBase & {
      id: "segments";
      segments: number;
      /** Segments whose 11 checklist items are all ✓. */
      ready: number;
      /** Per segment, how many of its scored pairs responses back (a study with evidence only). */
      evidence?: SegmentEvidence[];
      /** The number of segments the ordering suggests, when it is available. */
      suggestedK?: number;
      /** Quantification items that disagree with their figures (issue 17 item 6), in words. */
      quantification: Problem[];
      /** The study's language, which they are worded in. */
      language: Language;
    })
  | (StepBase & {
      id: "targeting";
      targets: number;
      strategy?: Strategy;
      conquest: string[];
      /** The method's judgement (docs/method.md §9) on the study as the workbook holds it now. */
      warnings: MethodWarning[];
      suggestedConquest: ConquestStep[];
      /** The study's language, which the warnings are worded in. */
      language: Language;
    });

export type StepOf<Id extends StepId> = Extract<Step, { id: Id }>;

export interface WorkbookState {
  /** The workbook holds Segment Matrix sheets. */
  hasStudy: boolean;
  /** The study read from them, when they read without errors. */
  study?: Study;
  /** What reading them said. */
  problems: Problem[];
  /**
   * What the steps count: the study, or, when a sheet holds an error, what every sheet read (so one
   * stray X does not blank the other steps). Never built from.
   */
  counted?: Study;
  /** Sheet names by role, for the sheets the workbook has. */
  sheets: Partial<Record<SheetRole | "segments" | "targeting", string>>;
  steps: Step[];
}

/** How many best pairs the Matrice step lists. */
export const BEST_PAIRS = 5;

/** The best pairs by score, ties in table order. */
export function bestPairs(study: Study, count = BEST_PAIRS): ScoredPair[] {
  return study.pairs
    .filter(isRated)
    .map((pair) => ({
      clientele: pair.clientele,
      need: pair.need,
      score: pairScore(pair.perception, pair.impact, study.weights),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count);
}

/** Every step of a workbook: from its snapshot, the study it holds (if any) and its sheets. */
export function workbookState(
  snapshot: WorkbookSnapshot,
  extras: { suggestedK?: (study: Study) => number | undefined } = {}
): WorkbookState {
  const present = hasStudy(snapshot);
  const { study, problems } = currentStudy(snapshot);
  const sheets = sheetsByRole(snapshot.grids);
  // A problem on one sheet leaves the other steps' counts in place: they come from what each sheet
  // read (never used to build).
  const counted =
    study ??
    (present && hasErrors(problems) ? readStudyAsFarAsItGoes(snapshot.grids).study : undefined);
  const rowKeys = counted ? ratingRowKeys(snapshot.grids) : new Set<string>();
  return {
    hasStudy: present,
    study,
    problems,
    ...(counted ? { counted } : {}),
    sheets,
    steps: stepsOf(counted, sheets, rowKeys, extras.suggestedK),
  };
}

export function stepsOf(
  study: Study | undefined,
  sheets: WorkbookState["sheets"] = {},
  ratingRows: ReadonlySet<string> = new Set(),
  suggestedK?: (study: Study) => number | undefined
): Step[] {
  const clienteles = study?.clienteles ?? [];
  const needs = study?.needs ?? [];
  const pairs = study?.pairs ?? [];
  const tickedC = new Set(pairs.map((p) => nameKey(p.clientele)));
  const tickedN = new Set(pairs.map((p) => nameKey(p.need)));
  const clientelesWithout = clienteles.map((c) => c.name).filter((n) => !tickedC.has(nameKey(n)));
  const needsWithout = needs.map((n) => n.name).filter((n) => !tickedN.has(nameKey(n)));
  const rated = pairs.filter(isRated).length;
  const evidence = study !== undefined && studyHasEvidence(study);
  const rowsMissing = pairs.filter((p) => !ratingRows.has(pairKey(p.clientele, p.need))).length;

  const lists: Step = {
    id: "lists",
    status: study && clienteles.length > 0 && needs.length > 0 ? "ok" : "à faire",
    sheet: sheets.ticks,
    clienteles: clienteles.length,
    needs: needs.length,
  };
  const ticks: Step = {
    id: "ticks",
    status:
      pairs.length === 0
        ? "à faire"
        : clientelesWithout.length + needsWithout.length > 0
          ? "en cours"
          : "ok",
    sheet: sheets.ticks,
    ticks: pairs.length,
    clientelesWithout: pairs.length === 0 ? [] : clientelesWithout,
    needsWithout: pairs.length === 0 ? [] : needsWithout,
  };
  const ratings: Step = {
    id: "ratings",
    status: rated === 0 ? "à faire" : rated < pairs.length ? "en cours" : "ok",
    sheet: sheets.ratings,
    ticked: pairs.length,
    rated,
    rowsMissing: study ? rowsMissing : 0,
  };
  const matrix: Step = {
    id: "matrix",
    status: rated === 0 ? "à faire" : rated < pairs.length ? "en cours" : "à analyser",
    sheet: sheets.matrix,
    scored: rated,
    best: study ? bestPairs(study) : [],
    ...(study ? { weights: study.weights } : {}),
    ...(evidence ? { evidence: evidenceCoverage(pairs) } : {}),
  };

  const segmentList = study?.segments ?? [];
  const ready = segmentList.filter((segment) => isSegmentReady(segment.checklist)).length;
  const k = study && suggestedK ? suggestedK(study) : undefined;
  const segments: Step = {
    id: "segments",
    status: segmentList.length === 0 ? "à faire" : ready === segmentList.length ? "ok" : "en cours",
    sheet: sheets.segments,
    segments: segmentList.length,
    ready,
    ...(k !== undefined ? { suggestedK: k } : {}),
    quantification: segmentList.flatMap((segment) =>
      quantificationMismatches(segment).map((mismatch) =>
        (mismatch.kind === "figure-not-ok"
          ? msg.quantificationFigureNotOk
          : msg.quantificationOkWithoutFigure)(
          undefined,
          segment.name,
          SEGMENT_FIGURES[mismatch.figure],
          CHECKLIST_ITEMS[mismatch.item]
        )
      )
    ),
    language: study?.language ?? "fr",
    ...(evidence && study && segmentList.length > 0 ? { evidence: segmentsEvidence(study) } : {}),
  };

  const targets = study?.targets ?? [];
  const strategy = strategyOfTargets(
    targets,
    study?.offerings ?? [],
    segmentList.map((s) => s.name)
  );
  const conquest = study?.conquest ?? [];
  const advice = study ? advise(study) : { conquest: [], warnings: [] };
  const targeting: Step = {
    id: "targeting",
    status: targets.length === 0 ? "à faire" : conquest.length > 0 ? "ok" : "en cours",
    sheet: sheets.targeting,
    targets: targets.length,
    ...(strategy ? { strategy } : {}),
    conquest,
    warnings: advice.warnings,
    suggestedConquest: advice.conquest,
    language: study?.language ?? "fr",
  };
  return [lists, ticks, ratings, matrix, segments, targeting];
}

/** The step to work on next: the first one not done (a matrix to analyse counts as done). */
export function nextStep(steps: readonly Step[]): Step | undefined {
  return steps.find((step) => step.status === "à faire" || step.status === "en cours");
}

export function stepOf<Id extends StepId>(steps: readonly Step[], id: Id): StepOf<Id> {
  return steps.find((step): step is StepOf<Id> => step.id === id) as StepOf<Id>;
}
