/**
 * Messages about the workbook's sheets as they are read back: ticks, ratings, segments, and what a
 * workbook cannot keep.
 */
import type { Bilingual, Scale } from "../method/levels";
import type { Pair } from "../method/study";
import { inCell } from "./checks";
import { paletteUnknown, workbookPaletteUnknown } from "./exports";
import { describeRatings } from "./fragments";
import { Location, quoteEn, quoteFr } from "./problem";
import { error, ListField, pairEn, pairFr, warning, WHAT } from "./shared";
import { pairLevelOutOfRange, studyLanguageUnknown } from "./study";

// The workbook, read back.

export function notAStudy(ticksName: string) {
  return error(
    "not-a-study",
    undefined,
    `pas de tableau de coches (nom défini ${ticksName}) : ce classeur n'a pas été préparé par Segment Matrix. Créez d'abord un modèle vierge.`,
    `no tick table (defined name ${ticksName}): this workbook was not prepared by Segment Matrix. Create a blank template first.`
  );
}

export function workbookLanguageUnknown(location: Location, shown: string) {
  return warning(
    "language-unknown",
    location,
    `langue ${quoteFr(shown)} inconnue : le français est pris (mettez fr ou en)`,
    `unknown language ${quoteEn(shown)}: French is used (type fr or en)`
  );
}

export function typeWithoutName(
  location: Location,
  field: ListField,
  shown: string,
  nameCell: string
) {
  const what = WHAT[field];
  return warning(
    "type-without-name",
    location,
    `type ${quoteFr(shown)} sans ${what.fr} en ${nameCell} : ignoré`,
    `type ${quoteEn(shown)} without a ${what.en} in ${nameCell}: ignored`
  );
}

export function notATick(location: Location, shown: string) {
  return error(
    "not-a-tick",
    location,
    `${quoteFr(shown)} n'est pas une coche : tapez X si la clientèle ressent le besoin, sinon videz la cellule`,
    `${quoteEn(shown)} is not a tick: type X if the clientèle feels the need, otherwise clear the cell`
  );
}

export function tickWithoutName(
  location: Location,
  missing: "clientele" | "need",
  nameCell: string
) {
  return missing === "clientele"
    ? error(
        "tick-without-name",
        location,
        `X sans nom de clientèle en ${nameCell} : tapez le nom ou retirez le X`,
        `X without a clientèle name in ${nameCell}: type the name or remove the X`
      )
    : error(
        "tick-without-name",
        location,
        `X sans nom de besoin en ${nameCell} : tapez le nom ou retirez le X`,
        `X without a need name in ${nameCell}: type the name or remove the X`
      );
}

export function noClienteles(location: Location, headerRow: number, firstCell: string) {
  return error(
    "no-clienteles",
    location,
    `aucune clientèle : tapez leurs noms en ligne ${headerRow}, à partir de ${firstCell}`,
    `no clientèle: type their names across row ${headerRow}, from ${firstCell}`
  );
}

export function noNeeds(location: Location, column: string, firstCell: string) {
  return error(
    "no-needs",
    location,
    `aucun besoin : tapez-les en colonne ${column}, à partir de ${firstCell}`,
    `no need: type them down column ${column}, from ${firstCell}`
  );
}

export function clienteleWithoutNeed(location: Location, name: string) {
  return warning(
    "clientele-without-need",
    location,
    `la clientèle ${quoteFr(name)} n'a aucun X : la méthode l'écarte du projet`,
    `the clientèle ${quoteEn(name)} has no X: the method drops it from the project`
  );
}

export function needWithoutClientele(location: Location, name: string) {
  return warning(
    "need-without-clientele",
    location,
    `le besoin ${quoteFr(name)} n'a aucun X : la méthode l'écarte du projet`,
    `the need ${quoteEn(name)} has no X: the method drops it from the project`
  );
}

export function levelUnknown(location: Location, scale: Scale, shown: string) {
  return error(
    `${scale.criterion}-unknown`,
    location,
    `${quoteFr(shown)} n'est pas un niveau de ${scale.title.fr.toLowerCase()} : choisissez ${scale.levels.map((l) => quoteFr(l.fr)).join(", ")}`,
    `${quoteEn(shown)} is not a level of ${scale.title.en.toLowerCase()}: choose ${scale.levels.map((l) => quoteEn(l.en)).join(", ")}`
  );
}

export function ratingWithoutPair(location: Location) {
  return warning(
    "rating-without-pair",
    location,
    "ligne notée sans clientèle ni besoin : ignorée (tapez la clientèle et le besoin)",
    "rated row without clientèle or need: ignored (type the clientèle and the need)"
  );
}

/** Why a ratings row names no ticked pair of the table. */
export type OrphanReason = "unknown-clientele" | "unknown-need" | "not-ticked";

export function ratingOrphan(location: Location, dropped: Pair, reason: OrphanReason) {
  const { clientele, need } = dropped;
  const why =
    reason === "unknown-clientele"
      ? {
          fr: `la clientèle ${quoteFr(clientele)} n'est pas dans le tableau`,
          en: `the clientèle ${quoteEn(clientele)} is not in the table`,
        }
      : reason === "unknown-need"
        ? {
            fr: `le besoin ${quoteFr(need)} n'est pas dans le tableau`,
            en: `the need ${quoteEn(need)} is not in the table`,
          }
        : { fr: "la paire n'est pas cochée", en: "the pair is not ticked" };
  return warning(
    "rating-orphan",
    location,
    `notation de ${pairFr(clientele, need)} retirée : ${why.fr}${describeRatings(dropped, "fr")}`,
    `rating of ${pairEn(clientele, need)} dropped: ${why.en}${describeRatings(dropped, "en")}`
  );
}

/** The settings sheet, or a weight's name, was deleted: the default weight is used, and said. */
export function weightMissing(names: readonly string[], weight: number) {
  return warning(
    "weight-missing",
    undefined,
    `poids introuvables (${names.join(", ")} : feuille de paramètres supprimée ?) : le poids ${weight} est pris ; reconstruisez le classeur pour retrouver la feuille`,
    `weights not found (${names.join(", ")}: settings sheet deleted?): the weight ${weight} is used; rebuild the workbook to get the sheet back`
  );
}

// What the property tests of issue 6 found a workbook cannot keep: refused up front, naming the item.

/** A segment's free-text list, as the segments sheet names its row. */
export type SegmentTextList = "channels" | "zones" | "successFactors" | "attributes" | "personas";

const TEXT_LIST: Record<SegmentTextList, Bilingual> = {
  channels: { fr: "canaux", en: "channels" },
  zones: { fr: "zones", en: "zones" },
  successFactors: { fr: "facteurs clés de succès", en: "key success factors" },
  attributes: { fr: "autres attributs", en: "other attributes" },
  personas: { fr: "personas", en: "personas" },
};

/**
 * An entry of a segment's list (channels, zones…) holding a line feed: the workbook keeps a list in
 * one cell, one entry per line, so the entry would come back as several.
 */
export function segmentTextLineFeed(
  location: Location,
  list: SegmentTextList,
  entry: string,
  segment: string
) {
  const shown = entry.split("\n")[0];
  return error(
    "segment-text-line-feed",
    location,
    `l'entrée ${quoteFr(shown + "…")} des ${TEXT_LIST[list].fr} du segment ${quoteFr(segment)} contient un retour à la ligne : dans le classeur, chaque ligne est une entrée, elle reviendrait coupée en plusieurs ; faites-en plusieurs entrées ou remplacez le retour à la ligne par une espace`,
    `the entry ${quoteEn(shown + "…")} of the ${TEXT_LIST[list].en} of the segment ${quoteEn(segment)} holds a line feed: in the workbook each line is an entry, it would come back cut into several; make it several entries or replace the line feed with a space`
  );
}

// The checklist's quantification items and their figures (issue 17 item 6).

/** A figure typed on Segments whose checklist item is not ✓ Ok yet. */
export function quantificationFigureNotOk(
  location: Location | undefined,
  segment: string,
  figure: Bilingual,
  item: Bilingual
) {
  return warning(
    "quantification-figure-not-ok",
    location,
    `le chiffre ${quoteFr(figure.fr)} du segment ${quoteFr(segment)} est saisi mais son critère ${quoteFr(item.fr)} n'est pas ✓ Ok : passez-le à ✓ Ok si le chiffre est fiable`,
    `the figure ${quoteEn(figure.en)} of the segment ${quoteEn(segment)} is entered but its item ${quoteEn(item.en)} is not ✓ Ok: set it to ✓ Ok if the figure is sound`
  );
}

/** A quantification item marked ✓ Ok while its figure is missing on Segments. */
export function quantificationOkWithoutFigure(
  location: Location | undefined,
  segment: string,
  figure: Bilingual,
  item: Bilingual
) {
  return warning(
    "quantification-ok-without-figure",
    location,
    `le critère ${quoteFr(item.fr)} du segment ${quoteFr(segment)} est ✓ Ok mais son chiffre ${quoteFr(figure.fr)} manque sur la feuille des segments : saisissez-le`,
    `the item ${quoteEn(item.en)} of the segment ${quoteEn(segment)} is ✓ Ok but its figure ${quoteEn(figure.en)} is missing on the segments sheet: enter it`
  );
}

/**
 * The same pair twice: in the study file's pairs (`first` is its index there), or in the ratings
 * (`first` is the row that rates it).
 */
export function pairTwice(location: Location, clientele: string, need: string, first: number) {
  return inCell(location)
    ? error(
        "rating-duplicate",
        location,
        `la paire ${pairFr(clientele, need)} est déjà notée en ligne ${first} : gardez une seule ligne`,
        `the pair ${pairEn(clientele, need)} is already rated in row ${first}: keep a single row`
      )
    : error(
        "pair-duplicate",
        location,
        `la paire ${pairFr(clientele, need)} est déjà en pairs[${first}] : gardez-en une seule`,
        `the pair ${pairEn(clientele, need)} is already pairs[${first}]: keep only one`
      );
}

/**
 * A language other than fr or en: refused in the study file; in the workbook's cell, French is used
 * (a consultant's typo there must not stop the reading), and said.
 */
export function unknownLanguage(location: Location, shown: string) {
  return inCell(location)
    ? workbookLanguageUnknown(location, shown)
    : studyLanguageUnknown(location, shown);
}

/** A palette not of the list: refused in the study file; in the workbook, the default is used. */
export function unknownPalette(location: Location, shown: string) {
  return inCell(location)
    ? workbookPaletteUnknown(location, shown)
    : paletteUnknown(location, shown);
}

/**
 * A rating that is not a level of its scale: in the study file a whole number is expected; in the
 * ratings sheet, a label from the list (or its number).
 */
export function levelNotInScale(scale: Scale, location: Location, shown: string) {
  return inCell(location)
    ? levelUnknown(location, scale, shown)
    : pairLevelOutOfRange(scale, location, shown);
}
