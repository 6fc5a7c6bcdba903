/**
 * The words of an ordering, in French (first) and English: the suggested number of segments and
 * its reason, the groups, the items out of the method. Plain spaces (the command line prints
 * these); the pane applies `frenchSpacing` from pane.ts.
 */
import { CutSuggestion } from "../analysis/cut";
import { OrderedStudy } from "../analysis/order-study";
import { Language } from "../method/levels";
import { quoteEn, quoteFr } from "../messages";
import { Segment } from "../method/study";

function decimal(value: number, language: Language): string {
  const text = value.toFixed(3);
  return language === "fr" ? text.replace(".", ",") : text;
}

function quotedList(names: readonly string[], language: Language): string {
  return names.map((name) => (language === "fr" ? quoteFr(name) : quoteEn(name))).join(", ");
}

/** "Suggested number of segments: 3, where …" — or why there is none. */
export function describeSuggestion(
  suggestion: CutSuggestion | undefined,
  language: Language
): string {
  if (!suggestion) {
    return language === "fr"
      ? "Pas de nombre de segments suggéré : moins de 3 clientèles ont un X."
      : "No suggested number of segments: fewer than 3 clientèles have an X.";
  }
  const gap = decimal(suggestion.gap, language);
  const lower = decimal(suggestion.lowerHeight, language);
  const upper = decimal(suggestion.upperHeight, language);
  return language === "fr"
    ? `Nombre de segments suggéré : ${suggestion.k}, là où l'écart entre deux hauteurs de fusion successives est le plus grand (${gap}, de ${lower} à ${upper} de distance de Jaccard moyenne).`
    : `Suggested number of segments: ${suggestion.k}, where the gap between two successive merge heights is widest (${gap}, from ${lower} to ${upper} mean Jaccard distance).`;
}

/** One line per segment: its clientèles, then the needs it starts with. */
export function describeSegments(segments: readonly Segment[], language: Language): string[] {
  return segments.map((segment) => {
    const needs = segment.needs.length > 0 ? segment.needs.join(", ") : "—";
    return language === "fr"
      ? `  ${segment.name} : ${segment.clienteles.join(", ")} — besoins : ${needs}`
      : `  ${segment.name}: ${segment.clienteles.join(", ")} — needs: ${needs}`;
  });
}

/** The items without any X, if any: they are out of the method and close the lists. */
export function describeOutOfMethod(
  outOfMethod: OrderedStudy["outOfMethod"],
  language: Language
): string[] {
  const lines: string[] = [];
  if (outOfMethod.clienteles.length > 0) {
    lines.push(
      language === "fr"
        ? `Hors méthode (aucun X), placées à la fin : clientèles ${quotedList(outOfMethod.clienteles, "fr")}.`
        : `Out of the method (no X), put last: clientèles ${quotedList(outOfMethod.clienteles, "en")}.`
    );
  }
  if (outOfMethod.needs.length > 0) {
    lines.push(
      language === "fr"
        ? `Hors méthode (aucun X), placés à la fin : besoins ${quotedList(outOfMethod.needs, "fr")}.`
        : `Out of the method (no X), put last: needs ${quotedList(outOfMethod.needs, "en")}.`
    );
  }
  return lines;
}

/**
 * What an ordering did: the groups (the K candidate segments written, or else those of the
 * suggested K, for information), the suggestion with its reason, the items out of the method.
 */
export function describeOrdering(
  ordered: OrderedStudy,
  groups: { segments: readonly Segment[]; written: boolean } | undefined,
  language: Language
): string[] {
  const { study } = ordered;
  const lines = [
    language === "fr"
      ? `${study.clienteles.length} clientèles × ${study.needs.length} besoins réordonnés par profil de besoins.`
      : `${study.clienteles.length} clientèles × ${study.needs.length} needs reordered by need profile.`,
  ];
  if (groups) {
    const k = groups.segments.length;
    lines.push(
      groups.written
        ? language === "fr"
          ? `${k} segments candidats, écrits dans l'étude (à revoir et compléter) :`
          : `${k} candidate segments, written into the study (to review and complete):`
        : language === "fr"
          ? `Groupes pour ${k} segments (non écrits ; --segments ${k} les écrit) :`
          : `Groups for ${k} segments (not written; --segments ${k} writes them):`
    );
    lines.push(...describeSegments(groups.segments, language));
  }
  lines.push(describeSuggestion(ordered.suggestion, language));
  lines.push(...describeOutOfMethod(ordered.outOfMethod, language));
  return lines;
}
