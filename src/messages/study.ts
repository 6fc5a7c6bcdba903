/**
 * Messages about a study file (JSON) and the pane's typed lists: its fields, its lists of names,
 * its pairs, its segments, offerings, targeting and conquest order.
 */
import type { Bilingual, Kind, Scale } from "../method/levels";
import type { Pair } from "../method/study";
import { describeRatings } from "./fragments";
import { Location, quoteEn, quoteFr, Severity } from "./problem";
import { error, listEn, ListField, listFr, pairEn, pairFr, warning, WHAT } from "./shared";

// The study file (JSON) and the pane's lists.

export function studyNotObject(file: string | undefined) {
  return error(
    "study-not-object",
    { file },
    'l\'étude doit être un objet JSON { "clienteles": [...], "needs": [...], ... }',
    'the study must be a JSON object { "clienteles": [...], "needs": [...], ... }'
  );
}

export function unknownField(location: Location, known: readonly string[]) {
  return warning(
    "unknown-field",
    location,
    `champ inconnu, ignoré (champs reconnus : ${known.join(", ")})`,
    `unknown field, ignored (known fields: ${known.join(", ")})`
  );
}

export function titleNotText(location: Location) {
  return error(
    "title-not-text",
    location,
    "le titre doit être un texte",
    "the title must be a text"
  );
}

export function titleBadCharacter(location: Location, fault: Bilingual) {
  return error("title-bad-character", location, fault.fr, fault.en);
}

export function studyLanguageUnknown(location: Location, shown: string) {
  return error(
    "language-unknown",
    location,
    `langue ${quoteFr(shown)} inconnue : mettez "fr" ou "en"`,
    `unknown language ${quoteEn(shown)}: use "fr" or "en"`
  );
}

export function listMissing(field: ListField, location: Location, present: boolean) {
  const what = WHAT[field];
  return error(
    `${field}-missing`,
    location,
    present
      ? `doit être une liste de noms, par ex. "${field}": ["…"]`
      : `liste manquante : donnez au moins un(e) ${what.fr}, par ex. "${field}": ["…"]`,
    present
      ? `must be a list of names, e.g. "${field}": ["…"]`
      : `missing list: give at least one ${what.en}, e.g. "${field}": ["…"]`
  );
}

export function listEmpty(field: ListField, location: Location) {
  const what = WHAT[field];
  return error(
    `${field}-empty`,
    location,
    `la liste est vide : donnez au moins un(e) ${what.fr}`,
    `the list is empty: give at least one ${what.en}`
  );
}

export function itemNotText(field: ListField, location: Location) {
  const what = WHAT[field];
  return error(
    `${field}-not-text`,
    location,
    `chaque ${what.fr} est un nom (texte) ou un objet {"name": "…", "type": "…"}`,
    `each ${what.en} is a name (text) or an object {"name": "…", "type": "…"}`
  );
}

export function weightsNotObject(location: Location) {
  return error(
    "weights-not-object",
    location,
    'les poids s\'écrivent {"perception": 1, "impact": 1}',
    'weights are written {"perception": 1, "impact": 1}'
  );
}

export function weightsUnknownField(location: Location) {
  return warning(
    "weights-unknown-field",
    location,
    "poids inconnu, ignoré (seuls perception et impact ont un poids)",
    "unknown weight, ignored (only perception and impact have a weight)"
  );
}

/** A weight that is not a number from min to max, shown as it was given. */
export function weightOutOfRange(
  shown: string,
  location: Location,
  range: { min: number; max: number }
) {
  return error(
    "weight-out-of-range",
    location,
    `${quoteFr(shown)} n'est pas un poids valable : mettez un nombre de ${range.min} à ${range.max}`,
    `${quoteEn(shown)} is not a valid weight: use a number from ${range.min} to ${range.max}`
  );
}

export function pairsNotList(location: Location) {
  return error(
    "pairs-not-list",
    location,
    'doit être une liste de paires {"clientele": "…", "need": "…"}',
    'must be a list of pairs {"clientele": "…", "need": "…"}'
  );
}

export function pairNotObject(location: Location) {
  return error(
    "pair-not-object",
    location,
    'une paire s\'écrit {"clientele": "…", "need": "…", "perception": 1–4, "impact": 1–4, "competition": 0–4}',
    'a pair is written {"clientele": "…", "need": "…", "perception": 1–4, "impact": 1–4, "competition": 0–4}'
  );
}

export function pairUnknownField(location: Location, known: readonly string[]) {
  return warning(
    "pair-unknown-field",
    location,
    `champ inconnu, ignoré (champs d'une paire : ${known.join(", ")})`,
    `unknown field, ignored (fields of a pair: ${known.join(", ")})`
  );
}

export function pairNameMissing(key: "clientele" | "need", location: Location) {
  return key === "clientele"
    ? error(
        "pair-clientele-missing",
        location,
        "nommez la clientèle de la paire",
        "name the pair's clientèle"
      )
    : error("pair-need-missing", location, "nommez le besoin de la paire", "name the pair's need");
}

export function pairLevelOutOfRange(scale: Scale, location: Location, shown: string) {
  const values = scale.levels.map((l) => l.value);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const choices = scale.levels.map((l) => `${l.value} ${l.fr}`).join(", ");
  const choicesEn = scale.levels.map((l) => `${l.value} ${l.en}`).join(", ");
  return error(
    `pair-${scale.criterion}-out-of-range`,
    location,
    `${quoteFr(shown)} n'est pas un niveau : mettez un entier de ${min} à ${max} (${choices})`,
    `${quoteEn(shown)} is not a level: use a whole number from ${min} to ${max} (${choicesEn})`
  );
}

export function pairCommentNotText(location: Location) {
  return error(
    "pair-comment-not-text",
    location,
    "le commentaire doit être un texte",
    "the comment must be a text"
  );
}

/**
 * A pair naming a clientèle or need that is not in the lists. A warning where the pairs are dropped
 * on purpose (the pane asked first); an error where nobody was asked, so a typo costs no data.
 */
export function pairOrphan(
  location: Location,
  pair: Pair,
  missing: "clientele" | "need",
  severity: Severity
) {
  const missingFr =
    missing === "clientele"
      ? `clientèle ${quoteFr(pair.clientele)}`
      : `besoin ${quoteFr(pair.need)}`;
  const missingEn =
    missing === "clientele" ? `clientèle ${quoteEn(pair.clientele)}` : `need ${quoteEn(pair.need)}`;
  return severity === "warning"
    ? warning(
        "pair-orphan",
        location,
        `paire ${pairFr(pair.clientele, pair.need)} retirée : ${missingFr} n'est plus dans la liste${describeRatings(pair, "fr")}`,
        `pair ${pairEn(pair.clientele, pair.need)} dropped: ${missingEn} is no longer in the list${describeRatings(pair, "en")}`
      )
    : error(
        "pair-orphan",
        location,
        `paire ${pairFr(pair.clientele, pair.need)} : ${missingFr} n'est pas dans la liste${describeRatings(pair, "fr")} ; corrigez le nom, ou ajoutez --drop-orphans pour retirer ces paires`,
        `pair ${pairEn(pair.clientele, pair.need)}: ${missingEn} is not in the list${describeRatings(pair, "en")}; correct the name, or add --drop-orphans to drop such pairs`
      );
}

/** Where the pane shows a problem of its typed lists: "Clientèles, ligne 2 : …". */
export function listLine(field: ListField, line: number, message: Bilingual): Bilingual {
  const list =
    field === "clienteles"
      ? { fr: "Clientèles", en: "Clientèles" }
      : { fr: "Besoins", en: "Needs" };
  const lines = (text: string, word: string): string =>
    text.replace(/\b(?:clienteles|needs)\[(\d+)\]/g, (_, n: string) => `${word} ${Number(n) + 1}`);
  return {
    fr: `${list.fr}, ligne ${line} : ${lines(message.fr, "ligne")}`,
    en: `${list.en}, line ${line}: ${lines(message.en, "line")}`,
  };
}

// Segments, offerings, targeting and conquest order in the study file.

export function notAList(
  code:
    | "segments-not-list"
    | "segment-list-not-list"
    | "checklist-not-list"
    | "targets-not-list"
    | "conquest-not-list",
  location: Location,
  example: string
) {
  return error(
    code,
    location,
    `doit être une liste, par ex. ${example}`,
    `must be a list, e.g. ${example}`
  );
}

export function segmentNotObject(location: Location) {
  return error(
    "segment-not-object",
    location,
    'un segment s\'écrit {"name": "…", "clienteles": ["…"], "needs": ["…"], …}',
    'a segment is written {"name": "…", "clienteles": ["…"], "needs": ["…"], …}'
  );
}

export function segmentUnknownField(location: Location, known: readonly string[]) {
  return warning(
    "segment-unknown-field",
    location,
    `champ inconnu, ignoré (champs d'un segment : ${known.join(", ")})`,
    `unknown field, ignored (fields of a segment: ${known.join(", ")})`
  );
}

export function segmentBadName(location: Location, fault: Bilingual) {
  return error(
    "segment-bad-name",
    location,
    `nom du segment : ${fault.fr}`,
    `segment name: ${fault.en}`
  );
}

export function segmentDuplicate(location: Location, name: string, first: string) {
  return error(
    "segment-duplicate",
    location,
    `le segment ${quoteFr(name)} est en double (déjà en ${first}, majuscules et espaces ignorés) : renommez l'un des deux`,
    `the segment ${quoteEn(name)} is a duplicate (already in ${first}, ignoring case and spaces): rename one of them`
  );
}

export function segmentTypeUnknown(
  location: Location,
  shown: string,
  segment: string,
  kinds: readonly Kind[]
) {
  return error(
    "segment-type-unknown",
    location,
    `type ${quoteFr(shown)} inconnu pour le segment ${quoteFr(segment)} : choisissez parmi ${listFr(kinds)}`,
    `unknown type ${quoteEn(shown)} for the segment ${quoteEn(segment)}: choose one of ${listEn(kinds)}`
  );
}

const MEMBER: Record<ListField, { fr: string; frList: string; frAbsent: string; en: string }> = {
  clienteles: {
    fr: "la clientèle",
    frList: "des clientèles",
    frAbsent: "absente",
    en: "clientèle",
  },
  needs: { fr: "le besoin", frList: "des besoins", frAbsent: "absent", en: "need" },
  offerings: {
    fr: "la prestation",
    frList: "des prestations",
    frAbsent: "absente",
    en: "offering",
  },
};

export function segmentUnknownMember(
  location: Location,
  field: ListField,
  name: string,
  segment: string
) {
  const what = MEMBER[field];
  return error(
    "segment-unknown-member",
    location,
    `le segment ${quoteFr(segment)} nomme ${what.fr} ${quoteFr(name)}, ${what.frAbsent} de la liste ${what.frList} : corrigez le nom ou ajoutez-le à la liste`,
    `the segment ${quoteEn(segment)} names the ${what.en} ${quoteEn(name)}, which is not in the list of ${what.en}s: correct the name or add it to the list`
  );
}

export function segmentMemberDuplicate(location: Location, name: string, segment: string) {
  return warning(
    "segment-member-duplicate",
    location,
    `${quoteFr(name)} figure deux fois dans le segment ${quoteFr(segment)} : gardé une fois`,
    `${quoteEn(name)} appears twice in the segment ${quoteEn(segment)}: kept once`
  );
}

export function segmentTextBad(location: Location, fault: Bilingual) {
  return error("segment-text-bad", location, fault.fr, fault.en);
}

export function segmentNumberInvalid(location: Location, shown: string, what: Bilingual) {
  return error(
    "segment-number-invalid",
    location,
    `${quoteFr(shown)} n'est pas un(e) ${what.fr} valable : mettez un nombre positif ou nul, ou laissez vide`,
    `${quoteEn(shown)} is not a valid ${what.en}: use a number of zero or more, or leave it empty`
  );
}

export function checklistTooLong(location: Location, length: number, max: number) {
  return error(
    "checklist-too-long",
    location,
    `la check-list a ${length} statuts pour ${max} critères : un statut par critère, dans l'ordre de la méthode`,
    `the checklist has ${length} statuses for ${max} items: one status per item, in the method's order`
  );
}

export function statusUnknown(location: Location, shown: string, statuses: readonly Bilingual[]) {
  return error(
    "status-unknown",
    location,
    `${quoteFr(shown)} n'est pas un statut : choisissez ${statuses.map((s) => quoteFr(s.fr)).join(", ")}`,
    `${quoteEn(shown)} is not a status: choose ${statuses.map((s) => quoteEn(s.en)).join(", ")}`
  );
}

export function plansNotObject(location: Location) {
  return error(
    "plans-not-object",
    location,
    'les plans s\'écrivent {"acquisition": "…", "conversion": "…", "retention": "…", "loyalty": "…"}',
    'plans are written {"acquisition": "…", "conversion": "…", "retention": "…", "loyalty": "…"}'
  );
}

export function planNotText(location: Location) {
  return error("plan-not-text", location, "le plan doit être un texte", "the plan must be a text");
}

export function planUnknownField(location: Location, known: readonly string[]) {
  return warning(
    "plan-unknown-field",
    location,
    `levier inconnu, ignoré (leviers : ${known.join(", ")})`,
    `unknown lever, ignored (levers: ${known.join(", ")})`
  );
}

export function targetNotObject(location: Location) {
  return error(
    "target-not-object",
    location,
    'une cible s\'écrit {"segment": "…", "offering": "…"}',
    'a target is written {"segment": "…", "offering": "…"}'
  );
}

export function targetUnknown(location: Location, what: "segment" | "offering", name: string) {
  return what === "segment"
    ? error(
        "target-unknown",
        location,
        `le segment ${quoteFr(name)} n'existe pas : corrigez le nom ou ajoutez le segment`,
        `the segment ${quoteEn(name)} does not exist: correct the name or add the segment`
      )
    : error(
        "target-unknown",
        location,
        `la prestation ${quoteFr(name)} n'est pas dans la liste des prestations : corrigez le nom ou ajoutez-la`,
        `the offering ${quoteEn(name)} is not in the list of offerings: correct the name or add it`
      );
}

export function targetDuplicate(location: Location, segment: string, offering: string) {
  return warning(
    "target-duplicate",
    location,
    `la cible (${quoteFr(segment)}, ${quoteFr(offering)}) est en double : gardée une fois`,
    `the target (${quoteEn(segment)}, ${quoteEn(offering)}) is a duplicate: kept once`
  );
}

export function segmentDataWithoutName(location: Location, nameCell: string) {
  return warning(
    "segment-data-without-name",
    location,
    `colonne remplie sans nom de segment en ${nameCell} : ignorée (tapez le nom du segment)`,
    `column filled in without a segment name in ${nameCell}: ignored (type the segment's name)`
  );
}

export function notAMark(location: Location, shown: string) {
  return error(
    "not-a-mark",
    location,
    `${quoteFr(shown)} n'est pas une marque : tapez X pour l'inclure, sinon videz la cellule`,
    `${quoteEn(shown)} is not a mark: type X to include it, otherwise clear the cell`
  );
}

export function markWithoutName(location: Location, nameCell: string) {
  return error(
    "mark-without-name",
    location,
    `X sans nom en ${nameCell} : tapez le nom ou retirez le X`,
    `X without a name in ${nameCell}: type the name or remove the X`
  );
}

export function conquestUnknown(location: Location, name: string) {
  return error(
    "conquest-unknown",
    location,
    `le segment ${quoteFr(name)} de l'ordre de conquête n'existe pas : corrigez le nom ou ajoutez le segment`,
    `the segment ${quoteEn(name)} in the conquest order does not exist: correct the name or add the segment`
  );
}

export function conquestDuplicate(location: Location, name: string) {
  return warning(
    "conquest-duplicate",
    location,
    `le segment ${quoteFr(name)} figure deux fois dans l'ordre de conquête : gardé à sa première place`,
    `the segment ${quoteEn(name)} appears twice in the conquest order: kept at its first place`
  );
}

// ---------------------------------------------------------------------------------------------
// Trimming that sizes a segment, and diagnostics (issue 17 items 2–3; docs/method.md §1, §6).

export function trimsNotList(location: Location, segment: string) {
  return error(
    "trims-not-list",
    location,
    `les critères de rognage du segment ${quoteFr(segment)} doivent être une liste : [{"family": "qui", "criterion": "25–45 ans", "keep": 0.4}, …]`,
    `the trimming criteria of the segment ${quoteEn(segment)} must be a list: [{"family": "who", "criterion": "25–45", "keep": 0.4}, …]`
  );
}

export function trimNotObject(location: Location, segment: string) {
  return error(
    "trim-not-object",
    location,
    `un critère de rognage du segment ${quoteFr(segment)} doit être un objet : {"family": "qui", "criterion": "25–45 ans", "keep": 0.4}`,
    `a trimming criterion of the segment ${quoteEn(segment)} must be an object: {"family": "who", "criterion": "25–45", "keep": 0.4}`
  );
}

export function trimUnknownField(location: Location, known: readonly string[]) {
  return warning(
    "trim-unknown-field",
    location,
    `champ inconnu, ignoré (champs d'un critère de rognage : ${known.join(", ")})`,
    `unknown field, ignored (fields of a trimming criterion: ${known.join(", ")})`
  );
}

export function trimFamilyUnknown(
  location: Location,
  shown: string,
  segment: string,
  families: readonly Kind[]
) {
  const list = (language: "fr" | "en"): string =>
    families.map((f) => (language === "fr" ? f.fr : f.en)).join(", ");
  return error(
    "trim-family-unknown",
    location,
    `${quoteFr(shown)} n'est pas une famille de critères (segment ${quoteFr(segment)}) : choisissez ${list("fr")} (ou nature, qui, où, pourquoi)`,
    `${quoteEn(shown)} is not a family of criteria (segment ${quoteEn(segment)}): choose ${list("en")} (or nature, who, where, why)`
  );
}

export function trimKeepInvalid(location: Location, shown: string, segment: string) {
  return error(
    "trim-keep-invalid",
    location,
    `${quoteFr(shown)} n'est pas une part gardée valable (segment ${quoteFr(segment)}) : mettez une part de 0 à 1 (0,4 ou 40 % garde 4 individus sur 10)`,
    `${quoteEn(shown)} is not a valid share kept (segment ${quoteEn(segment)}): use a share from 0 to 1 (0.4 or 40 % keeps 4 individuals in 10)`
  );
}

/** A criterion given without its family, its text or its share (`missing` names the parts). */
export function trimIncomplete(
  location: Location,
  segment: string,
  missing: readonly ("family" | "criterion" | "keep")[]
) {
  const parts: Record<"family" | "criterion" | "keep", Bilingual> = {
    family: { fr: "la famille", en: "the family" },
    criterion: { fr: "le critère", en: "the criterion" },
    keep: { fr: "la part gardée", en: "the share kept" },
  };
  return error(
    "trim-incomplete",
    location,
    `un critère de rognage du segment ${quoteFr(segment)} est incomplet, il manque ${missing.map((m) => parts[m].fr).join(" et ")} : complétez-le ou videz-le`,
    `a trimming criterion of the segment ${quoteEn(segment)} is incomplete, it lacks ${missing.map((m) => parts[m].en).join(" and ")}: complete it or clear it`
  );
}

/** The study file gives a size that is not its population trimmed. */
export function segmentSizeNotTrimmed(
  location: Location,
  segment: string,
  given: number,
  trimmed: number
) {
  return error(
    "segment-size-not-trimmed",
    location,
    `la taille ${given} du segment ${quoteFr(segment)} n'est pas sa population rognée (${trimmed}) : avec une population, la taille se calcule ; retirez "size" ou la population`,
    `the size ${given} of the segment ${quoteEn(segment)} is not its trimmed population (${trimmed}): with a population the size is computed; remove "size" or the population`
  );
}

/** A size typed in the sheet over a population: the population trimmed is what counts. */
export function segmentSizeReplaced(
  location: Location,
  segment: string,
  typed: number,
  trimmed: number
) {
  return warning(
    "segment-size-replaced",
    location,
    `la taille ${typed} tapée pour le segment ${quoteFr(segment)} est remplacée par sa population rognée (${trimmed}) : videz la population pour garder une taille tapée`,
    `the size ${typed} typed for the segment ${quoteEn(segment)} is replaced by its trimmed population (${trimmed}): clear the population to keep a typed size`
  );
}

/** A SWOT or a PESTEL that is not an object of lists. */
export function diagnosticNotObject(location: Location, example: string) {
  return error(
    "diagnostic-not-object",
    location,
    `doit être un objet de listes : ${example}`,
    `must be an object of lists: ${example}`
  );
}

export function diagnosticUnknownField(location: Location, known: readonly string[]) {
  return warning(
    "diagnostic-unknown-field",
    location,
    `champ inconnu, ignoré (champs : ${known.join(", ")})`,
    `unknown field, ignored (fields: ${known.join(", ")})`
  );
}

export function diagnosticNotList(location: Location) {
  return error(
    "diagnostic-not-list",
    location,
    `doit être une liste de textes : ["…", "…"]`,
    `must be a list of texts: ["…", "…"]`
  );
}

/**
 * An entry of a SWOT part, of the risks or of a PESTEL factor holding a line feed: the workbook
 * keeps a list in one cell, one entry per line. `segment` is undefined for the study's PESTEL.
 */
export function diagnosticTextLineFeed(
  location: Location,
  what: Bilingual,
  entry: string,
  segment: string | undefined
) {
  const shown = entry.split("\n")[0];
  const ofFr = segment === undefined ? "de l'étude" : `du segment ${quoteFr(segment)}`;
  const ofEn = segment === undefined ? "of the study" : `of the segment ${quoteEn(segment)}`;
  return error(
    "diagnostic-text-line-feed",
    location,
    `l'entrée ${quoteFr(shown + "…")} (${what.fr} ${ofFr}) contient un retour à la ligne : dans le classeur, chaque ligne est une entrée ; faites-en plusieurs entrées ou remplacez le retour à la ligne par une espace`,
    `the entry ${quoteEn(shown + "…")} (${what.en} ${ofEn}) holds a line feed: in the workbook each line is an entry; make it several entries or replace the line feed with a space`
  );
}

/** SWOT or risks typed in a column of the diagnostic sheet whose segment the workbook does not hold. */
export function diagnosticWithoutSegment(location: Location, shown: string) {
  return warning(
    "diagnostic-without-segment",
    location,
    shown === ""
      ? `SWOT ou risques sous un segment sans nom, ignorés : nommez le segment sur la feuille des segments`
      : `SWOT ou risques sous ${quoteFr(shown)}, qui n'est pas un segment de l'étude, ignorés : nommez le segment sur la feuille des segments`,
    shown === ""
      ? `SWOT or risks under a segment without a name, ignored: name the segment on the segments sheet`
      : `SWOT or risks under ${quoteEn(shown)}, which is not a segment of the study, ignored: name the segment on the segments sheet`
  );
}

/** `rfm … --study`: a segment sized from its population keeps that size; the data gives the rest. */
export function rfmSizeFromPopulation(location: Location, segment: string) {
  return warning(
    "rfm-size-from-population",
    location,
    `le segment ${quoteFr(segment)} garde sa taille tirée de sa population rognée ; seuls sa fréquence et son panier viennent des données clients`,
    `the segment ${quoteEn(segment)} keeps its size from its trimmed population; only its frequency and basket come from the customers' data`
  );
}
