/**
 * What the task pane's buttons do, as pure steps over a snapshot: decide the study, the plan and
 * what to tell the consultant. The pane only calls the host before (read) and after (render).
 */
import { Item, Pair, Study, nameKey } from "../method/study";
import { Bilingual, Language } from "../method/levels";
import { Problem, error, hasErrors, quoteEn, quoteFr, warning } from "../method/problems";
import { describeRatings, validateStudy } from "../method/validate";
import { buildPlan, templatePlan } from "../layout/build-plan";
import { WorkbookPlan } from "../layout/plan";
import { readStudy } from "../layout/read-study";
import { WorkbookSnapshot } from "../hosts/host";

export interface Outcome {
  plan?: WorkbookPlan;
  study?: Study;
  problems: Problem[];
}

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
 * Build from the names typed in the pane. Everything already entered in the sheets (ticks, ratings,
 * types, weights, title) is kept for the pairs that still exist; pairs whose clientèle or need was
 * removed are reported with their ratings.
 */
export function buildFromLists(
  snapshot: WorkbookSnapshot,
  clienteles: string[],
  needs: string[],
  language: Language
): Outcome {
  const existing = currentStudy(snapshot);
  // A blank template has no names yet: nothing to keep, the typed lists fill it.
  const blank = existing.problems.every(
    (p) => p.severity !== "error" || EMPTY_TABLE.includes(p.code)
  );
  if (hasErrors(existing.problems) && !blank) return { problems: existing.problems };
  const before = existing.study;
  const typeOf = (items: Item[] | undefined, name: string): string | undefined =>
    items?.find((item) => nameKey(item.name) === nameKey(name))?.type;
  const candidate = {
    title: before?.title,
    language: before?.language ?? language,
    clienteles: clienteles.map((name) => ({ name, type: typeOf(before?.clienteles, name) })),
    needs: needs.map((name) => ({ name, type: typeOf(before?.needs, name) })),
    pairs: before?.pairs ?? [],
    weights: before?.weights,
  };
  const validated = validateStudy(candidate);
  const problems = relabel(validated.problems);
  if (!validated.study) return { problems };
  return { study: validated.study, plan: buildPlan(validated.study), problems };
}

/** Codes of the reader meaning "the tick table has no names yet" (a blank template). */
const EMPTY_TABLE = ["no-clienteles", "no-needs"];

/** Refresh: the sheets are the truth; read them and build again (creates rows for new ticks). */
export function refreshFromSheets(snapshot: WorkbookSnapshot): Outcome {
  if (!hasStudy(snapshot)) {
    return {
      problems: [
        error(
          "nothing-to-refresh",
          undefined,
          "Ce classeur n'a pas encore de feuilles Segment Matrix : créez un modèle vierge ou construisez à partir des listes.",
          "This workbook has no Segment Matrix sheets yet: create a blank template or build from the lists."
        ),
      ],
    };
  }
  const { study, problems } = readStudy(snapshot.grids);
  if (!study) return { problems };
  return { study, plan: buildPlan(study), problems };
}

/** The blank template, only where no study would be overwritten. */
export function blankTemplate(snapshot: WorkbookSnapshot, language: Language): Outcome {
  if (hasStudy(snapshot)) {
    return {
      problems: [
        error(
          "template-over-study",
          undefined,
          "Ce classeur contient déjà une étude Segment Matrix : le modèle vierge l'effacerait. Utilisez Actualiser, ou ouvrez un nouveau classeur.",
          "This workbook already holds a Segment Matrix study: a blank template would erase it. Use Refresh, or open a new workbook."
        ),
      ],
    };
  }
  return { plan: templatePlan(language), problems: [] };
}

/**
 * The validator speaks of JSON fields ("clienteles[1]"); in the pane, speak of the lists the
 * consultant typed ("Clientèles, ligne 2") and of pairs by their names.
 */
function relabel(problems: Problem[]): Problem[] {
  const lists: Record<string, Bilingual> = {
    clienteles: { fr: "Clientèles", en: "Clientèles" },
    needs: { fr: "Besoins", en: "Needs" },
  };
  return problems.map((problem) => {
    const field = problem.location?.field ?? "";
    const item = /^(clienteles|needs)\[(\d+)\]/.exec(field);
    if (item) {
      const line = Number(item[2]) + 1;
      const lines = (text: string, word: string): string =>
        text.replace(
          /\b(?:clienteles|needs)\[(\d+)\]/g,
          (_, n: string) => `${word} ${Number(n) + 1}`
        );
      return {
        ...problem,
        location: undefined,
        message: {
          fr: `${lists[item[1]].fr}, ligne ${line} : ${lines(problem.message.fr, "ligne")}`,
          en: `${lists[item[1]].en}, line ${line}: ${lines(problem.message.en, "line")}`,
        },
      };
    }
    return problem.code === "pair-orphan" ? { ...problem, location: undefined } : problem;
  });
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
    .map((pair) =>
      warning(
        "pair-will-drop",
        undefined,
        `la paire (${quoteFr(pair.clientele)}, ${quoteFr(pair.need)}) sera retirée${describeRatings(pair, "fr")}`,
        `the pair (${quoteEn(pair.clientele)}, ${quoteEn(pair.need)}) will be dropped${describeRatings(pair, "en")}`
      )
    );
}
