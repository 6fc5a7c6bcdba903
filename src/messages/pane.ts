/**
 * Messages the task pane gives about its operations, and its summaries: one line standing for many
 * problems, and what a typed list says before anything is built.
 */
import type { Bilingual } from "../method/levels";
import type { Pair } from "../method/study";
import { describeRatings } from "./fragments";
import { ProblemOf, quoteEn, quoteFr } from "./problem";
import { error, pairEn, pairFr, problem, warning } from "./shared";

// The pane's operations.

export function nothingToRefresh() {
  return error(
    "nothing-to-refresh",
    undefined,
    "Ce classeur n'a pas encore de feuilles Segment Matrix : créez un modèle vierge ou construisez à partir des listes.",
    "This workbook has no Segment Matrix sheets yet: create a blank template or build from the lists."
  );
}

export function templateOverStudy() {
  return error(
    "template-over-study",
    undefined,
    "Ce classeur contient déjà une étude Segment Matrix : le modèle vierge l'effacerait. Utilisez Actualiser, ou ouvrez un nouveau classeur.",
    "This workbook already holds a Segment Matrix study: a blank template would erase it. Use Refresh, or open a new workbook."
  );
}

export function pairWillDrop(pair: Pair) {
  return warning(
    "pair-will-drop",
    undefined,
    `la paire ${pairFr(pair.clientele, pair.need)} sera retirée${describeRatings(pair, "fr")}`,
    `the pair ${pairEn(pair.clientele, pair.need)} will be dropped${describeRatings(pair, "en")}`
  );
}

// The task pane's summaries and hints (issue 7): one line standing for many problems, and what a
// typed list says before anything is built.

/** A whole typed list's problem, named by the list the consultant sees ("Clientèles : …"). */
export function listWhole(field: "clienteles" | "needs", message: Bilingual): Bilingual {
  const list =
    field === "clienteles"
      ? { fr: "Clientèles", en: "Clientèles" }
      : { fr: "Besoins", en: "Needs" };
  return { fr: `${list.fr} : ${message.fr}`, en: `${list.en}: ${message.en}` };
}

const nounFr = (n: number, one: string, many: string): string => `${n} ${n <= 1 ? one : many}`;
const nounEn = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "13 clientèles et 13 besoins sans X": stands for the clientele/need-without-… warnings. */
export function withoutTicks(clienteles: number, needs: number) {
  const fr = [
    clienteles > 0 ? nounFr(clienteles, "clientèle", "clientèles") : "",
    needs > 0 ? nounFr(needs, "besoin", "besoins") : "",
  ].filter((part) => part !== "");
  const en = [
    clienteles > 0 ? nounEn(clienteles, "clientèle", "clientèles") : "",
    needs > 0 ? nounEn(needs, "need", "needs") : "",
  ].filter((part) => part !== "");
  return warning(
    "without-ticks",
    undefined,
    `${fr.join(" et ")} sans X : la méthode les écarte du projet, à moins d'y cocher un X`,
    `${en.join(" and ")} without an X: the method drops them from the project unless you tick one`
  );
}

/** Nothing ticked yet: not a fault, the next thing to do. */
export function nothingTicked(ticksSheet: string) {
  return warning(
    "nothing-ticked",
    undefined,
    `Aucun X pour l'instant : dans ${quoteFr(ticksSheet)}, tapez X là où la clientèle ressent réellement le besoin, puis Actualiser`,
    `No X yet: in ${quoteEn(ticksSheet)}, type X where the clientèle really feels the need, then Refresh`
  );
}

/** Many problems of one kind, shown as one line with the list to expand. */
export function similarProblems(count: number, example: ProblemOf<string>) {
  return problem("similar-problems", example.severity, undefined, {
    fr: `${count} problèmes du même genre, dont : ${example.message.fr}`,
    en: `${count} problems of the same kind, such as: ${example.message.en}`,
  });
}

/** A typed list much longer than the method's tables: allowed, said. */
export function longList(field: "clienteles" | "needs", count: number, readable: number) {
  const what =
    field === "clienteles"
      ? { fr: "clientèles", en: "clientèles" }
      : { fr: "besoins", en: "needs" };
  return warning(
    "long-list",
    undefined,
    `${count} ${what.fr} : au-delà de ${readable} environ, la matrice devient difficile à lire (la méthode en compte une douzaine) et la construction prend plus de temps`,
    `${count} ${what.en}: beyond about ${readable}, the matrix gets hard to read (the method works with about a dozen) and the build takes longer`
  );
}

// Building from the typed lists keeps the segments (keep-segments): a member whose clientèle or
// need left the lists is the only thing dropped, said before (the safety net) and after the build.

/** The two typed lists, as a segment's member is named in a message. */
const TYPED_MEMBER: Record<"clienteles" | "needs", { fr: string; frGone: string; en: string }> = {
  clienteles: { fr: "la clientèle", frGone: "retirée", en: "clientèle" },
  needs: { fr: "le besoin", frGone: "retiré", en: "need" },
};

/** Before a build: this segment will lose this member, removed from its list. */
export function segmentMemberWillDrop(
  segment: string,
  list: "clienteles" | "needs",
  member: string
) {
  const what = TYPED_MEMBER[list];
  return warning(
    "segment-member-will-drop",
    undefined,
    `le segment ${quoteFr(segment)} perdra ${what.fr} ${quoteFr(member)}, ${what.frGone} de la liste`,
    `the segment ${quoteEn(segment)} will lose the ${what.en} ${quoteEn(member)}, removed from the list`
  );
}

/** After a build: this member left the segment with its list; the segment and the rest are kept. */
export function segmentMemberDropped(
  segment: string,
  list: "clienteles" | "needs",
  member: string
) {
  const what = TYPED_MEMBER[list];
  return warning(
    "segment-member-dropped",
    undefined,
    `${what.fr} ${quoteFr(member)}, ${what.frGone} de la liste, ne fait plus partie du segment ${quoteFr(segment)} ; le segment et le reste de son contenu sont gardés`,
    `the ${what.en} ${quoteEn(member)}, removed from the list, is no longer part of the segment ${quoteEn(segment)}; the segment and the rest of its content are kept`
  );
}
