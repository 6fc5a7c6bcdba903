/**
 * What the task pane's buttons do, as pure steps over a snapshot: decide the study, the plan and
 * what to tell the consultant. The pane only calls the host before (read) and after (render).
 */
import { Item, Pair, Study, nameKey } from "../method/study";
import { Language } from "../method/levels";
import * as msg from "../messages";
import { Problem, hasErrors } from "../messages";
import { validateStudy } from "../method/validate";
import { buildPlan, readStudy, templatePlan } from "../layout";
import { excelLimitProblems } from "../layout/limits";
import { WorkbookPlan } from "../layout/plan";
import { WorkbookSnapshot } from "../hosts/host";
import { OrderedStudy, orderStudy } from "../analysis/order-study";
import { Rename, applyRenames, keepListedMembers } from "./safety";

export interface Outcome {
  plan?: WorkbookPlan;
  study?: Study;
  problems: Problem[];
  /** The problems of `problems` that are about one typed list (the pane shows them on its field). */
  listProblems?: Record<TypedList, Problem[]>;
}

/** The two lists the pane lets the consultant type. */
export type TypedList = "clienteles" | "needs";

/** Splits pasted text into names: one per line (tabs too, as cells pasted from Excel), blanks dropped. */
export function parseNameList(textInput: string): string[] {
  return textInput
    .split(/\r?\n|\t/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export function hasStudy(snapshot: WorkbookSnapshot): boolean {
  return snapshot.sheets.some((sheet) => sheet.managed);
}

/** The study the workbook holds now, if the add-in's sheets are there and readable. */
export function currentStudy(snapshot: WorkbookSnapshot): { study?: Study; problems: Problem[] } {
  if (!hasStudy(snapshot)) return { problems: [] };
  return readStudy(snapshot.grids);
}

/**
 * Build from the names typed in the pane. The study the workbook holds is the starting point, as a
 * refresh reads it: only its two lists change, every other field (ticks, ratings, comments, kinds,
 * weights, title, segments, offerings, targets, conquest order, PESTEL, palette…) is kept as it is.
 * Pairs whose clientèle or need was removed are reported with their ratings; segments keep all but
 * their members removed from the lists, each member dropped said by name.
 */
export function buildFromLists(
  snapshot: WorkbookSnapshot,
  clienteles: string[],
  needs: string[],
  language: Language,
  renames: readonly Rename[] = []
): Outcome {
  const existing = currentStudy(snapshot);
  // A blank template has no names yet: nothing to keep, the typed lists fill it.
  const blank = existing.problems.every(
    (p) => p.severity !== "error" || EMPTY_TABLE.includes(p.code)
  );
  if (hasErrors(existing.problems) && !blank) return { problems: existing.problems };
  // Names the consultant corrected (Etudiants → Étudiants) carry their ticks, ratings, kinds and
  // memberships of segments.
  const before = existing.study && applyRenames(existing.study, renames);
  const typeOf = (items: Item[] | undefined, name: string): string | undefined =>
    items?.find((item) => nameKey(item.name) === nameKey(name))?.type;
  const kept = keepListedMembers(before?.segments ?? [], { clienteles, needs });
  const candidate = {
    // Every field of the study as read: a field added to Study is kept with no change here.
    ...before,
    language: before?.language ?? language,
    clienteles: clienteles.map((name) => ({ name, type: typeOf(before?.clienteles, name) })),
    needs: needs.map((name) => ({ name, type: typeOf(before?.needs, name) })),
    pairs: before?.pairs ?? [],
    ...(before?.segments && { segments: kept.segments }),
  };
  // The pane asked the consultant before dropping pairs and members whose names left the lists.
  const validated = validateStudy(candidate, undefined, { orphans: "drop" });
  const { problems, listProblems } = relabel(validated.problems);
  if (!validated.study) return { problems, listProblems };
  const outcome = planned(validated.study, problems);
  // Said only when the build goes ahead: a refused build drops nothing.
  if (!outcome.plan) return { ...outcome, listProblems };
  const dropped = kept.lost.map((m) => msg.segmentMemberDropped(m.segment, m.list, m.member));
  return { ...outcome, problems: [...outcome.problems, ...dropped], listProblems };
}

/** Codes of the reader meaning "the tick table has no names yet" (a blank template). */
const EMPTY_TABLE: readonly Problem["code"][] = ["no-clienteles", "no-needs"];

/** Refresh: the sheets are the truth; read them and build again (creates rows for new ticks). */
export function refreshFromSheets(snapshot: WorkbookSnapshot): Outcome {
  if (!hasStudy(snapshot)) {
    return { problems: [msg.nothingToRefresh()] };
  }
  const { study, problems } = readStudy(snapshot.grids);
  if (!study) return { problems };
  return planned(study, problems);
}

/** The plan of a study that fits Excel's sheets; none, and the reason, for one that does not. */
export function planned(study: Study, problems: Problem[]): Outcome {
  const limits = excelLimitProblems(study, study.language);
  if (limits.length > 0) return { problems: [...problems, ...limits] };
  return { study, plan: buildPlan(study), problems };
}

/** The blank template, only where no study would be overwritten. */
export function blankTemplate(snapshot: WorkbookSnapshot, language: Language): Outcome {
  if (hasStudy(snapshot)) {
    return { problems: [msg.templateOverStudy()] };
  }
  return { plan: templatePlan(language), problems: [] };
}

/**
 * The validator speaks of JSON fields ("clienteles[1]"); in the pane, speak of the lists the
 * consultant typed ("Clientèles, ligne 2") and of pairs by their names.
 */
export function relabel(problems: Problem[]): {
  problems: Problem[];
  listProblems: Record<TypedList, Problem[]>;
} {
  const listProblems: Record<TypedList, Problem[]> = { clienteles: [], needs: [] };
  const relabelled = problems.map((problem) => {
    const field = problem.location?.field ?? "";
    const item = /^(clienteles|needs)(?:\[(\d+)\])?/.exec(field);
    if (item) {
      const list = item[1] as TypedList;
      // A whole list ("clienteles: the list is empty") or one of its lines.
      const message =
        item[2] === undefined
          ? msg.listWhole(list, problem.message)
          : msg.listLine(list, Number(item[2]) + 1, problem.message);
      const shown = { ...problem, location: undefined, message };
      listProblems[list].push(shown);
      return shown;
    }
    return problem.code === "pair-orphan" ? { ...problem, location: undefined } : problem;
  });
  return { problems: relabelled, listProblems };
}

/** Pairs that a new list of names would drop (shown before building, so nothing is lost by surprise). */
export function droppedPairs(
  study: Study | undefined,
  clienteles: string[],
  needs: string[]
): Problem[] {
  if (!study) return [];
  const keepC = new Set(clienteles.map(nameKey));
  const keepN = new Set(needs.map(nameKey));
  return study.pairs
    .filter((pair: Pair) => !keepC.has(nameKey(pair.clientele)) || !keepN.has(nameKey(pair.need)))
    .map((pair) => msg.pairWillDrop(pair));
}

export interface OrderOutcome extends Outcome {
  /** The ordering done: the suggested number of segments and the items out of the method. */
  ordering?: OrderedStudy;
}

/**
 * Order the workbook's clientèles and needs by need profile (and, with `segments`, put that many
 * candidate segments in place of the study's): read the sheets, order, build again. Every tick,
 * rating and comment travels with its pair's names, so nothing is lost; segments the consultant
 * already has are replaced only when `replaceSegments` says so (the pane asks first).
 */
export function orderFromSheets(
  snapshot: WorkbookSnapshot,
  options: { segments?: number; replaceSegments?: boolean } = {}
): OrderOutcome {
  if (!hasStudy(snapshot)) return { problems: [msg.nothingToRefresh()] };
  const { study, problems } = readStudy(snapshot.grids);
  if (!study) return { problems };
  const existing = (study.segments ?? []).map((segment) => segment.name);
  if (options.segments !== undefined && existing.length > 0 && !options.replaceSegments) {
    return { study, problems: [...problems, msg.segmentsWouldBeReplacedInWorkbook(existing)] };
  }
  const { ordered, problems: refused } = orderStudy(study, { segments: options.segments });
  if (!ordered) return { study, problems: [...problems, ...refused] };
  return {
    study: ordered.study,
    plan: buildPlan(ordered.study),
    ordering: ordered,
    // With an ordering, its notices (a side ordered by the heuristic, with its size).
    problems: [...problems, ...refused],
  };
}
