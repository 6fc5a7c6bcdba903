/**
 * Messages of the shared checkers (src/method/checks/): one rule checked alike in a study file and in
 * a sheet, worded for where the value is (a field or a cell).
 */
import type { Bilingual, Kind } from "../method/levels";
import { Location, quoteEn, quoteFr } from "./problem";
import { error, listEn, ListField, listFr, warning, WHAT } from "./shared";

// One set of checkers (issue 12): a rule checked alike in the study file and in the workbook
// (method/checks/), its wording fitted to where the value is. In a cell, a message refers to cells
// (B5, row 7); in a field of the study file or the pane's lists, to fields (clienteles[0]), which
// the pane turns into line numbers (listLine). The codes stay those of each place.

/** The value is in a workbook cell, not in a field of the study file. */
export const inCell = (location: Location): boolean => location.cell !== undefined;

/** A clientèle, need or offering whose name a cell cannot hold (empty, too long, control character). */
export function nameBad(field: ListField, location: Location, fault: Bilingual) {
  return error(inCell(location) ? "bad-name" : `${field}-bad-name`, location, fault.fr, fault.en);
}

/** The same name twice in a list; `first` is where it was first (a cell, or a field such as needs[0]). */
export function nameDuplicate(field: ListField, location: Location, name: string, first: string) {
  const what = WHAT[field];
  return inCell(location)
    ? error(
        "duplicate-name",
        location,
        `${what.fr} ${quoteFr(name)} en double (déjà en ${first}, majuscules et espaces ignorés) : renommez l'une des deux`,
        `${what.en} ${quoteEn(name)} is a duplicate (already in ${first}, ignoring case and spaces): rename one of them`
      )
    : error(
        `${field}-duplicate`,
        location,
        `${quoteFr(name)} est en double (déjà en ${first}, majuscules et espaces ignorés) : renommez l'un des deux`,
        `${quoteEn(name)} is a duplicate (same as ${first}, ignoring case and spaces): rename one of them`
      );
}

/** A clientèle's or need's kind that is not one of the method's. */
export function kindUnknown(
  field: "clienteles" | "needs",
  location: Location,
  shown: string,
  name: string,
  kinds: readonly Kind[]
) {
  return inCell(location)
    ? error(
        "type-unknown",
        location,
        `type ${quoteFr(shown)} inconnu : choisissez ${listFr(kinds)} ou laissez vide`,
        `unknown type ${quoteEn(shown)}: choose ${listEn(kinds)} or leave it empty`
      )
    : error(
        `${field}-type-unknown`,
        location,
        `type ${quoteFr(shown)} inconnu pour ${quoteFr(name)} : choisissez parmi ${listFr(kinds)}`,
        `unknown type ${quoteEn(shown)} for ${quoteEn(name)}: choose one of ${listEn(kinds, "canonical")}`
      );
}

/** A pair's comment a cell cannot hold. */
export function commentBad(location: Location, fault: Bilingual) {
  return error(
    inCell(location) ? "comment-bad-character" : "pair-comment-bad-character",
    location,
    fault.fr,
    fault.en
  );
}

/**
 * An existing output that is read-only: replacing it would go against what its owner set. The
 * way out by --force is offered only where the command's --force means it (not `order`'s).
 */
export function outputReadOnly(file: string, forceable = true) {
  return error(
    "output-read-only",
    { file },
    forceable
      ? "ce fichier est en lecture seule : il n'est pas remplacé ; choisissez un autre fichier de sortie, rendez-le modifiable (chmod u+w), ou ajoutez --force pour le remplacer (il restera en lecture seule)"
      : "ce fichier est en lecture seule : il n'est pas remplacé ; choisissez un autre fichier de sortie, ou rendez-le modifiable (chmod u+w)",
    forceable
      ? "this file is read-only: it is not replaced; choose another output file, make it writable (chmod u+w), or add --force to replace it (it stays read-only)"
      : "this file is read-only: it is not replaced; choose another output file, or make it writable (chmod u+w)"
  );
}

/**
 * One side of a study too large for the exact optimal leaf ordering within seconds: ordered by
 * a faster method, said with the size and the method.
 */
export function orderingHeuristic(side: "clienteles" | "needs", count: number, exactLimit: number) {
  const items =
    side === "clienteles"
      ? { fr: "clientèles", en: "clientèles", ordered: "ordonnées" }
      : { fr: "besoins", en: "needs", ordered: "ordonnés" };
  return warning(
    "ordering-heuristic",
    undefined,
    `${count} ${items.fr} : trop pour l'ordre optimal exact des feuilles en quelques secondes (au-delà de ${exactLimit}) ; ${items.ordered} par l'heuristique de Gruvaeus et Wainer (à chaque fusion de l'arbre, les deux groupes sont retournés pour que leurs éléments qui se touchent soient les plus proches) : même arbre, ordre presque aussi bon`,
    `${count} ${items.en}: too many for the exact optimal leaf ordering within seconds (beyond ${exactLimit}); ordered by the Gruvaeus–Wainer heuristic (at each merge of the tree, the two groups are flipped so that the items where they meet are nearest): same tree, a nearly as good order`
  );
}

/** One side with more items with an X than the clustering can hold in memory: refused up front. */
export function orderingTooLarge(side: "clienteles" | "needs", count: number, max: number) {
  const items =
    side === "clienteles" ? { fr: "clientèles", en: "clientèles" } : { fr: "besoins", en: "needs" };
  return error(
    "ordering-too-large",
    undefined,
    `${count} ${items.fr} ont un X : l'ordre par profil en regroupe au plus ${max} (la mémoire nécessaire croît avec le carré du nombre) ; ordonnez une partie de l'étude, par exemple les ${items.fr} d'un même marché`,
    `${count} ${items.en} have an X: ordering by profile groups at most ${max} (the memory needed grows with the square of the number); order part of the study, for instance the ${items.en} of one market`
  );
}
