/**
 * The method's warnings (docs/method.md §9.2), in its own words: warnings, never errors.
 */
import type { Bilingual } from "../method/levels";
import { Location, quoteEn, quoteFr } from "./problem";
import { warning } from "./shared";

// The method's warnings (issue 17, docs/method.md §9.2): the mistakes the method warns about, in its
// own words. Warnings, never errors: the consultant decides. The segment is named in the text.

/** A mean (competition out of 4) with at most two decimals, as each language writes it. */
const meanFr = (value: number): string =>
  (Math.round(value * 100) / 100).toString().replace(".", ",");
const meanEn = (value: number): string => (Math.round(value * 100) / 100).toString();

export function segmentTooBroad(
  location: Location | undefined,
  segment: string,
  held: number,
  ticked: number
) {
  return warning(
    "segment-too-broad",
    location,
    `le segment ${quoteFr(segment)} regroupe ${held} des ${ticked} clientèles qui ont un X, plus de la moitié : « mon marché, c'est tout le monde » n'est pas un segment. Scindez-le jusqu'à ce que ses membres partagent une même offre, un même message et un même prix`,
    `the segment ${quoteEn(segment)} holds ${held} of the ${ticked} clientèles that have an X, more than half: "my market is everyone" is not a segment. Split it until its members share the same offer, the same message and the same price`
  );
}

export function tooManyTargets(location: Location | undefined, targeted: number) {
  return warning(
    "too-many-targets",
    location,
    `${targeted} segments sont ciblés et aucun ordre de conquête n'est donné : trop de segments à la fois. Commencez par un seul segment, conquérez-le, puis passez au suivant, que le premier rend plus facile (preuve sociale) ; indiquez l'ordre de conquête sur la feuille Ciblage`,
    `${targeted} segments are targeted and no conquest order is given: too many segments at once. Start with one segment, conquer it, then move to the next, which the first makes easier (social proof); give the conquest order on the Targeting sheet`
  );
}

export function fullCoverage(location: Location | undefined, offerings: number, segments: number) {
  return warning(
    "full-coverage",
    location,
    `couverture complète du marché : les ${offerings} prestations pour les ${segments} segments. Elle demande les moyens d'une grande entreprise : une offre, un message, des canaux et un prix pour chaque segment, et le budget pour les conquérir tous à la fois. Sans ces moyens, concentrez l'effort sur un segment ou une prestation`,
    `full market coverage: all ${offerings} offerings for all ${segments} segments. It demands the means of a large company: an offer, a message, channels and a price for every segment, and the budget to win them all at once. Without those means, focus the effort on one segment or one offering`
  );
}

/** A targeted segment without a yearly potential; `missing` names its figures not given (§5). */
export function targetUnquantified(
  location: Location | undefined,
  segment: string,
  missing: readonly Bilingual[]
) {
  const fr =
    missing.length > 0
      ? `il manque : ${missing.map((figure) => figure.fr).join(", ")}`
      : "taille × fréquence × panier dépasse ce qu'un tableur sait calculer";
  const en =
    missing.length > 0
      ? `missing: ${missing.map((figure) => figure.en).join(", ")}`
      : "size × frequency × basket is beyond what a spreadsheet can compute";
  return warning(
    "target-unquantified",
    location,
    `le segment ${quoteFr(segment)} est ciblé mais n'a pas de potentiel annuel (${fr}) : une cible se quantifie (taille × fréquence d'achat × panier moyen) avant d'y mettre l'effort`,
    `the segment ${quoteEn(segment)} is targeted but has no yearly potential (${en}): quantify a target (size × purchase frequency × average basket) before putting effort into it`
  );
}

export function busyMarket(
  location: Location | undefined,
  segment: string,
  meanCompetition: number
) {
  return warning(
    "busy-market",
    location,
    `le segment ${quoteFr(segment)} a une concurrence moyenne de ${meanFr(meanCompetition)} sur 4 : une forte concurrence peut signaler un marché encombré. Qu'est-ce qui distinguera votre offre de celles déjà présentes ?`,
    `the segment ${quoteEn(segment)} has a mean competition of ${meanEn(meanCompetition)} out of 4: strong competition can mean a busy market. What will set your offer apart from those already there?`
  );
}

export function emptyMarket(
  location: Location | undefined,
  segment: string,
  meanCompetition: number
) {
  return warning(
    "empty-market",
    location,
    `le segment ${quoteFr(segment)} a une concurrence moyenne de ${meanFr(meanCompetition)} sur 4 : personne ou presque n'y est. L'absence de concurrence n'est pas forcément une bonne nouvelle : demandez-vous pourquoi personne n'y est (besoin peu ressenti, marché trop petit, obstacle) avant d'y voir une opportunité`,
    `the segment ${quoteEn(segment)} has a mean competition of ${meanEn(meanCompetition)} out of 4: almost nobody is there. No competition is not automatically good: ask why nobody is there (a need hardly felt, a market too small, a barrier) before taking it as an opportunity`
  );
}
