/**
 * Every message the product gives about a study, a file or a workbook: one named function each,
 * with its stable code, its French (first) and English text and its location. Nothing else builds
 * a Problem, so the codes below are the whole list and the texts can be reviewed in one place.
 */
import { Bilingual, Criterion, Kind, SCALES, Scale } from "./levels";
import { Location, Problem, Severity, quoteEn, quoteFr } from "./problems";
import { Pair } from "./study";

/** The lists of names of a study, as their JSON fields are named. */
export type ListField = "clienteles" | "needs" | "offerings";

export type ProblemCode =
  // The study file (JSON) and the pane's lists.
  | "study-not-object"
  | "unknown-field"
  | "title-not-text"
  | "title-bad-character"
  | "language-unknown"
  | `${ListField}-missing`
  | `${ListField}-empty`
  | `${ListField}-not-text`
  | `${ListField}-bad-name`
  | `${ListField}-duplicate`
  | `${ListField}-type-unknown`
  | "segments-not-list"
  | "segment-not-object"
  | "segment-unknown-field"
  | "segment-bad-name"
  | "segment-duplicate"
  | "segment-type-unknown"
  | "segment-unknown-member"
  | "segment-member-duplicate"
  | "segment-list-not-list"
  | "segment-text-bad"
  | "segment-number-invalid"
  | "checklist-not-list"
  | "checklist-too-long"
  | "status-unknown"
  | "plans-not-object"
  | "plan-not-text"
  | "plan-unknown-field"
  | "targets-not-list"
  | "target-not-object"
  | "target-unknown"
  | "target-duplicate"
  | "conquest-not-list"
  | "conquest-unknown"
  | "conquest-duplicate"
  | "weights-not-object"
  | "weights-unknown-field"
  | "weight-out-of-range"
  | "pairs-not-list"
  | "pair-not-object"
  | "pair-unknown-field"
  | "pair-clientele-missing"
  | "pair-need-missing"
  | `pair-${Criterion}-out-of-range`
  | "pair-comment-not-text"
  | "pair-comment-bad-character"
  | "pair-orphan"
  | "pair-duplicate"
  // The workbook, read back.
  | "not-a-study"
  | "type-without-name"
  | "bad-name"
  | "duplicate-name"
  | "type-unknown"
  | "not-a-tick"
  | "tick-without-name"
  | "no-clienteles"
  | "no-needs"
  | "clientele-without-need"
  | "need-without-clientele"
  | `${Criterion}-unknown`
  | "rating-without-pair"
  | "rating-orphan"
  | "rating-duplicate"
  | "comment-bad-character"
  | "weight-missing"
  // The pane's operations.
  | "nothing-to-refresh"
  | "template-over-study"
  | "pair-will-drop"
  // Excel.
  | "excel-too-old"
  | "sheet-name-taken"
  // Files on disk (command line).
  | "file-unreadable"
  | "file-not-json"
  | "file-missing"
  | "file-not-workbook"
  | "output-foreign-file"
  | "output-foreign-sheets"
  // The task pane's summaries and hints (issue 7).
  | "without-ticks"
  | "nothing-ticked"
  | "similar-problems"
  | "long-list";

function problem(
  code: ProblemCode,
  severity: Severity,
  location: Location | undefined,
  message: Bilingual
): Problem {
  return { code, severity, message, location };
}

const error = (code: ProblemCode, location: Location | undefined, fr: string, en: string) =>
  problem(code, "error", location, { fr, en });
const warning = (code: ProblemCode, location: Location | undefined, fr: string, en: string) =>
  problem(code, "warning", location, { fr, en });

const WHAT: Record<ListField, Bilingual> = {
  clienteles: { fr: "clientèle", en: "clientèle" },
  needs: { fr: "besoin", en: "need" },
  offerings: { fr: "prestation", en: "offering" },
};

const listFr = (kinds: readonly Kind[]): string => kinds.map((k) => quoteFr(k.fr)).join(", ");
const listEn = (kinds: readonly Kind[], key: "en" | "canonical" = "en"): string =>
  kinds.map((k) => quoteEn(k[key])).join(", ");
const pairFr = (clientele: string, need: string): string =>
  `(${quoteFr(clientele)}, ${quoteFr(need)})`;
const pairEn = (clientele: string, need: string): string =>
  `(${quoteEn(clientele)}, ${quoteEn(need)})`;

// ---------------------------------------------------------------------------------------------
// Why a text cannot go into a cell as it is: fragments that the problems below carry.

export function controlCharacterFault(codePoint: number, position: number): Bilingual {
  const hex = "U+" + codePoint.toString(16).toUpperCase().padStart(4, "0");
  return {
    fr: `contient un caractère de contrôle invisible (${hex}, position ${position}) : supprimez-le`,
    en: `contains an invisible control character (${hex}, position ${position}): remove it`,
  };
}

export function brokenUnicodeFault(position: number): Bilingual {
  return {
    fr: `contient un caractère Unicode incomplet (position ${position}) : retapez le texte`,
    en: `contains a broken Unicode character (position ${position}): retype the text`,
  };
}

export function emptyNameFault(): Bilingual {
  return { fr: "le nom est vide", en: "the name is empty" };
}

export function textTooLongFault(length: number, max: number): Bilingual {
  return {
    fr: `le texte a ${length} caractères, plus qu'une cellule Excel n'en peut contenir (${max}) : raccourcissez-le`,
    en: `the text has ${length} characters, more than an Excel cell can hold (${max}): shorten it`,
  };
}

export function nameTooLongFault(length: number, max: number): Bilingual {
  return {
    fr: `le nom a ${length} caractères ; raccourcissez-le à ${max} au plus`,
    en: `the name has ${length} characters; shorten it to ${max} at most`,
  };
}

/** " (it had perception 3, impact 2)": so that a dropped pair's ratings can be entered again. */
export function describeRatings(pair: Pair, language: "fr" | "en"): string {
  const parts: string[] = [];
  for (const criterion of ["perception", "impact", "competition"] as const) {
    const level = pair[criterion];
    if (level !== undefined)
      parts.push(`${SCALES[criterion].header[language].toLowerCase()} ${level}`);
  }
  if (parts.length === 0) return "";
  return language === "fr" ? ` (elle avait ${parts.join(", ")})` : ` (it had ${parts.join(", ")})`;
}

// ---------------------------------------------------------------------------------------------
// The study file (JSON) and the pane's lists.

export function studyNotObject(file: string | undefined): Problem {
  return error(
    "study-not-object",
    { file },
    'l\'étude doit être un objet JSON { "clienteles": [...], "needs": [...], ... }',
    'the study must be a JSON object { "clienteles": [...], "needs": [...], ... }'
  );
}

export function unknownField(location: Location, known: readonly string[]): Problem {
  return warning(
    "unknown-field",
    location,
    `champ inconnu, ignoré (champs reconnus : ${known.join(", ")})`,
    `unknown field, ignored (known fields: ${known.join(", ")})`
  );
}

export function titleNotText(location: Location): Problem {
  return error(
    "title-not-text",
    location,
    "le titre doit être un texte",
    "the title must be a text"
  );
}

export function titleBadCharacter(location: Location, fault: Bilingual): Problem {
  return error("title-bad-character", location, fault.fr, fault.en);
}

export function studyLanguageUnknown(location: Location, shown: string): Problem {
  return error(
    "language-unknown",
    location,
    `langue ${quoteFr(shown)} inconnue : mettez "fr" ou "en"`,
    `unknown language ${quoteEn(shown)}: use "fr" or "en"`
  );
}

export function listMissing(field: ListField, location: Location, present: boolean): Problem {
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

export function listEmpty(field: ListField, location: Location): Problem {
  const what = WHAT[field];
  return error(
    `${field}-empty`,
    location,
    `la liste est vide : donnez au moins un(e) ${what.fr}`,
    `the list is empty: give at least one ${what.en}`
  );
}

export function itemNotText(field: ListField, location: Location): Problem {
  const what = WHAT[field];
  return error(
    `${field}-not-text`,
    location,
    `chaque ${what.fr} est un nom (texte) ou un objet {"name": "…", "type": "…"}`,
    `each ${what.en} is a name (text) or an object {"name": "…", "type": "…"}`
  );
}

export function itemBadName(field: ListField, location: Location, fault: Bilingual): Problem {
  return error(`${field}-bad-name`, location, fault.fr, fault.en);
}

export function itemDuplicate(
  field: ListField,
  location: Location,
  name: string,
  firstIndex: number
): Problem {
  return error(
    `${field}-duplicate`,
    location,
    `${quoteFr(name)} est en double (déjà en ${field}[${firstIndex}], majuscules et espaces ignorés) : renommez l'un des deux`,
    `${quoteEn(name)} is a duplicate (same as ${field}[${firstIndex}], ignoring case and spaces): rename one of them`
  );
}

export function itemTypeUnknown(
  field: ListField,
  location: Location,
  shown: string,
  name: string,
  kinds: readonly Kind[]
): Problem {
  return error(
    `${field}-type-unknown`,
    location,
    `type ${quoteFr(shown)} inconnu pour ${quoteFr(name)} : choisissez parmi ${listFr(kinds)}`,
    `unknown type ${quoteEn(shown)} for ${quoteEn(name)}: choose one of ${listEn(kinds, "canonical")}`
  );
}

export function weightsNotObject(location: Location): Problem {
  return error(
    "weights-not-object",
    location,
    'les poids s\'écrivent {"perception": 1, "impact": 1}',
    'weights are written {"perception": 1, "impact": 1}'
  );
}

export function weightsUnknownField(location: Location): Problem {
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
): Problem {
  return error(
    "weight-out-of-range",
    location,
    `${quoteFr(shown)} n'est pas un poids valable : mettez un nombre de ${range.min} à ${range.max}`,
    `${quoteEn(shown)} is not a valid weight: use a number from ${range.min} to ${range.max}`
  );
}

export function pairsNotList(location: Location): Problem {
  return error(
    "pairs-not-list",
    location,
    'doit être une liste de paires {"clientele": "…", "need": "…"}',
    'must be a list of pairs {"clientele": "…", "need": "…"}'
  );
}

export function pairNotObject(location: Location): Problem {
  return error(
    "pair-not-object",
    location,
    'une paire s\'écrit {"clientele": "…", "need": "…", "perception": 1–4, "impact": 1–4, "competition": 0–4}',
    'a pair is written {"clientele": "…", "need": "…", "perception": 1–4, "impact": 1–4, "competition": 0–4}'
  );
}

export function pairUnknownField(location: Location, known: readonly string[]): Problem {
  return warning(
    "pair-unknown-field",
    location,
    `champ inconnu, ignoré (champs d'une paire : ${known.join(", ")})`,
    `unknown field, ignored (fields of a pair: ${known.join(", ")})`
  );
}

export function pairNameMissing(key: "clientele" | "need", location: Location): Problem {
  return key === "clientele"
    ? error(
        "pair-clientele-missing",
        location,
        "nommez la clientèle de la paire",
        "name the pair's clientèle"
      )
    : error("pair-need-missing", location, "nommez le besoin de la paire", "name the pair's need");
}

export function pairLevelOutOfRange(scale: Scale, location: Location, shown: string): Problem {
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

export function pairCommentNotText(location: Location): Problem {
  return error(
    "pair-comment-not-text",
    location,
    "le commentaire doit être un texte",
    "the comment must be a text"
  );
}

export function pairCommentBadCharacter(location: Location, fault: Bilingual): Problem {
  return error("pair-comment-bad-character", location, fault.fr, fault.en);
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
): Problem {
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

export function pairDuplicate(
  location: Location,
  clientele: string,
  need: string,
  firstIndex: number
): Problem {
  return error(
    "pair-duplicate",
    location,
    `la paire ${pairFr(clientele, need)} est déjà en pairs[${firstIndex}] : gardez-en une seule`,
    `the pair ${pairEn(clientele, need)} is already pairs[${firstIndex}]: keep only one`
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

// ---------------------------------------------------------------------------------------------
// The workbook, read back.

export function notAStudy(ticksName: string): Problem {
  return error(
    "not-a-study",
    undefined,
    `pas de tableau de coches (nom défini ${ticksName}) : ce classeur n'a pas été préparé par Segment Matrix. Créez d'abord un modèle vierge.`,
    `no tick table (defined name ${ticksName}): this workbook was not prepared by Segment Matrix. Create a blank template first.`
  );
}

export function workbookLanguageUnknown(location: Location, shown: string): Problem {
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
): Problem {
  const what = WHAT[field];
  return warning(
    "type-without-name",
    location,
    `type ${quoteFr(shown)} sans ${what.fr} en ${nameCell} : ignoré`,
    `type ${quoteEn(shown)} without a ${what.en} in ${nameCell}: ignored`
  );
}

export function badName(location: Location, fault: Bilingual): Problem {
  return error("bad-name", location, fault.fr, fault.en);
}

export function duplicateName(
  location: Location,
  field: ListField,
  name: string,
  firstCell: string
): Problem {
  const what = WHAT[field];
  return error(
    "duplicate-name",
    location,
    `${what.fr} ${quoteFr(name)} en double (déjà en ${firstCell}, majuscules et espaces ignorés) : renommez l'une des deux`,
    `${what.en} ${quoteEn(name)} is a duplicate (already in ${firstCell}, ignoring case and spaces): rename one of them`
  );
}

export function typeUnknown(location: Location, shown: string, kinds: readonly Kind[]): Problem {
  return error(
    "type-unknown",
    location,
    `type ${quoteFr(shown)} inconnu : choisissez ${listFr(kinds)} ou laissez vide`,
    `unknown type ${quoteEn(shown)}: choose ${listEn(kinds)} or leave it empty`
  );
}

export function notATick(location: Location, shown: string): Problem {
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
): Problem {
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

export function noClienteles(location: Location, headerRow: number, firstCell: string): Problem {
  return error(
    "no-clienteles",
    location,
    `aucune clientèle : tapez leurs noms en ligne ${headerRow}, à partir de ${firstCell}`,
    `no clientèle: type their names across row ${headerRow}, from ${firstCell}`
  );
}

export function noNeeds(location: Location, column: string, firstCell: string): Problem {
  return error(
    "no-needs",
    location,
    `aucun besoin : tapez-les en colonne ${column}, à partir de ${firstCell}`,
    `no need: type them down column ${column}, from ${firstCell}`
  );
}

export function clienteleWithoutNeed(location: Location, name: string): Problem {
  return warning(
    "clientele-without-need",
    location,
    `la clientèle ${quoteFr(name)} n'a aucun X : la méthode l'écarte du projet`,
    `the clientèle ${quoteEn(name)} has no X: the method drops it from the project`
  );
}

export function needWithoutClientele(location: Location, name: string): Problem {
  return warning(
    "need-without-clientele",
    location,
    `le besoin ${quoteFr(name)} n'a aucun X : la méthode l'écarte du projet`,
    `the need ${quoteEn(name)} has no X: the method drops it from the project`
  );
}

export function levelUnknown(location: Location, scale: Scale, shown: string): Problem {
  return error(
    `${scale.criterion}-unknown`,
    location,
    `${quoteFr(shown)} n'est pas un niveau de ${scale.title.fr.toLowerCase()} : choisissez ${scale.levels.map((l) => quoteFr(l.fr)).join(", ")}`,
    `${quoteEn(shown)} is not a level of ${scale.title.en.toLowerCase()}: choose ${scale.levels.map((l) => quoteEn(l.en)).join(", ")}`
  );
}

export function ratingWithoutPair(location: Location): Problem {
  return warning(
    "rating-without-pair",
    location,
    "ligne notée sans clientèle ni besoin : ignorée (tapez la clientèle et le besoin)",
    "rated row without clientèle or need: ignored (type the clientèle and the need)"
  );
}

/** Why a ratings row names no ticked pair of the table. */
export type OrphanReason = "unknown-clientele" | "unknown-need" | "not-ticked";

export function ratingOrphan(location: Location, dropped: Pair, reason: OrphanReason): Problem {
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

export function ratingDuplicate(
  location: Location,
  clientele: string,
  need: string,
  firstRow: number
): Problem {
  return error(
    "rating-duplicate",
    location,
    `la paire ${pairFr(clientele, need)} est déjà notée en ligne ${firstRow} : gardez une seule ligne`,
    `the pair ${pairEn(clientele, need)} is already rated in row ${firstRow}: keep a single row`
  );
}

/** The settings sheet, or a weight's name, was deleted: the default weight is used, and said. */
export function weightMissing(names: readonly string[], weight: number): Problem {
  return warning(
    "weight-missing",
    undefined,
    `poids introuvables (${names.join(", ")} : feuille de paramètres supprimée ?) : le poids ${weight} est pris ; reconstruisez le classeur pour retrouver la feuille`,
    `weights not found (${names.join(", ")}: settings sheet deleted?): the weight ${weight} is used; rebuild the workbook to get the sheet back`
  );
}

export function commentBadCharacter(location: Location, fault: Bilingual): Problem {
  return error("comment-bad-character", location, fault.fr, fault.en);
}

// ---------------------------------------------------------------------------------------------
// The pane's operations.

export function nothingToRefresh(): Problem {
  return error(
    "nothing-to-refresh",
    undefined,
    "Ce classeur n'a pas encore de feuilles Segment Matrix : créez un modèle vierge ou construisez à partir des listes.",
    "This workbook has no Segment Matrix sheets yet: create a blank template or build from the lists."
  );
}

export function templateOverStudy(): Problem {
  return error(
    "template-over-study",
    undefined,
    "Ce classeur contient déjà une étude Segment Matrix : le modèle vierge l'effacerait. Utilisez Actualiser, ou ouvrez un nouveau classeur.",
    "This workbook already holds a Segment Matrix study: a blank template would erase it. Use Refresh, or open a new workbook."
  );
}

export function pairWillDrop(pair: Pair): Problem {
  return warning(
    "pair-will-drop",
    undefined,
    `la paire ${pairFr(pair.clientele, pair.need)} sera retirée${describeRatings(pair, "fr")}`,
    `the pair ${pairEn(pair.clientele, pair.need)} will be dropped${describeRatings(pair, "en")}`
  );
}

// ---------------------------------------------------------------------------------------------
// Excel.

export function excelTooOldReason(): Bilingual {
  return {
    fr: "Excel est trop ancien : Segment Matrix a besoin de l'API ExcelApi 1.8 (Excel 2019, Microsoft 365 ou Excel sur le web).",
    en: "Excel is too old: Segment Matrix needs ExcelApi 1.8 (Excel 2019, Microsoft 365 or Excel on the web).",
  };
}

export function excelTooOld(): Problem {
  const reason = excelTooOldReason();
  return error("excel-too-old", undefined, reason.fr, reason.en);
}

export function sheetNameTaken(sheet: string): Problem {
  return error(
    "sheet-name-taken",
    { sheet },
    `La feuille ${quoteFr(sheet)} existe déjà et n'a pas été créée par Segment Matrix : renommez-la, puis recommencez.`,
    `The sheet ${quoteEn(sheet)} already exists and was not created by Segment Matrix: rename it, then try again.`
  );
}

/** What a build stopped half-way left in the workbook (sheet lists as found afterwards). */
export function buildInterrupted(
  cause: string,
  state: { planSheets: string[]; temporarySheets: string[]; oldSheets: string[] } | undefined
): Bilingual {
  if (!state) {
    return {
      fr: `Excel a refusé la construction (${cause}) et l'état du classeur n'a pas pu être relu : vérifiez les feuilles, puis recommencez. Vos listes et vos saisies restent dans le volet.`,
      en: `Excel refused the build (${cause}) and the workbook could not be read back: check its sheets, then try again. Your lists and entries are kept in the pane.`,
    };
  }
  const list = (names: readonly string[], quote: (text: string) => string, none: string): string =>
    names.length > 0 ? names.map(quote).join(", ") : none;
  return {
    fr: [
      `Excel a arrêté la construction en cours de route (${cause}).`,
      `Feuilles de Segment Matrix présentes, peut-être incomplètes : ${list(state.planSheets, quoteFr, "aucune")}.`,
      `Feuilles temporaires restées : ${list(state.temporarySheets, quoteFr, "aucune")}.`,
      `Anciennes feuilles encore là : ${list(state.oldSheets, quoteFr, "aucune")}.`,
      "Vos listes et vos saisies restent dans le volet : relancez la construction, puis supprimez les feuilles temporaires qui resteraient.",
    ].join(" "),
    en: [
      `Excel stopped the build half-way (${cause}).`,
      `Segment Matrix sheets present, perhaps incomplete: ${list(state.planSheets, quoteEn, "none")}.`,
      `Temporary sheets left: ${list(state.temporarySheets, quoteEn, "none")}.`,
      `Old sheets still there: ${list(state.oldSheets, quoteEn, "none")}.`,
      "Your lists and entries are kept in the pane: run the build again, then delete any temporary sheet still there.",
    ].join(" "),
  };
}

// ---------------------------------------------------------------------------------------------
// Files on disk (command line).

export function fileUnreadable(file: string, reason: string): Problem {
  return error(
    "file-unreadable",
    { file },
    `impossible de lire le fichier (${reason})`,
    `cannot read the file (${reason})`
  );
}

export function fileNotJson(file: string, detail: string): Problem {
  return error(
    "file-not-json",
    { file },
    `ce n'est pas du JSON valable (${detail})`,
    `not valid JSON (${detail})`
  );
}

export function fileMissing(file: string): Problem {
  return error("file-missing", { file }, "fichier introuvable", "no such file");
}

export function fileNotWorkbook(file: string, detail: string): Problem {
  return error(
    "file-not-workbook",
    { file },
    `ce n'est pas un classeur .xlsx (${detail})`,
    `not an .xlsx workbook (${detail})`
  );
}

export function outputForeignFile(file: string): Problem {
  return error(
    "output-foreign-file",
    { file },
    "ce fichier existe et n'est pas un classeur Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a Segment Matrix workbook; choose another output file, or add --force to replace it"
  );
}

export function outputForeignSheets(file: string, sheets: readonly string[]): Problem {
  return error(
    "output-foreign-sheets",
    { file },
    `ce fichier contient des feuilles que Segment Matrix n'a pas créées (${sheets.join(", ")}) : choisissez un autre fichier de sortie, ou ajoutez --force pour remplacer tout le fichier`,
    `exists and holds sheets Segment Matrix did not create (${sheets.join(", ")}); choose another output file, or add --force to replace the whole file`
  );
}

// ---------------------------------------------------------------------------------------------
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
): Problem {
  return error(
    code,
    location,
    `doit être une liste, par ex. ${example}`,
    `must be a list, e.g. ${example}`
  );
}

export function segmentNotObject(location: Location): Problem {
  return error(
    "segment-not-object",
    location,
    'un segment s\'écrit {"name": "…", "clienteles": ["…"], "needs": ["…"], …}',
    'a segment is written {"name": "…", "clienteles": ["…"], "needs": ["…"], …}'
  );
}

export function segmentUnknownField(location: Location, known: readonly string[]): Problem {
  return warning(
    "segment-unknown-field",
    location,
    `champ inconnu, ignoré (champs d'un segment : ${known.join(", ")})`,
    `unknown field, ignored (fields of a segment: ${known.join(", ")})`
  );
}

export function segmentBadName(location: Location, fault: Bilingual): Problem {
  return error(
    "segment-bad-name",
    location,
    `nom du segment : ${fault.fr}`,
    `segment name: ${fault.en}`
  );
}

export function segmentDuplicate(location: Location, name: string, first: string): Problem {
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
): Problem {
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
): Problem {
  const what = MEMBER[field];
  return error(
    "segment-unknown-member",
    location,
    `le segment ${quoteFr(segment)} nomme ${what.fr} ${quoteFr(name)}, ${what.frAbsent} de la liste ${what.frList} : corrigez le nom ou ajoutez-le à la liste`,
    `the segment ${quoteEn(segment)} names the ${what.en} ${quoteEn(name)}, which is not in the list of ${what.en}s: correct the name or add it to the list`
  );
}

export function segmentMemberDuplicate(location: Location, name: string, segment: string): Problem {
  return warning(
    "segment-member-duplicate",
    location,
    `${quoteFr(name)} figure deux fois dans le segment ${quoteFr(segment)} : gardé une fois`,
    `${quoteEn(name)} appears twice in the segment ${quoteEn(segment)}: kept once`
  );
}

export function segmentTextBad(location: Location, fault: Bilingual): Problem {
  return error("segment-text-bad", location, fault.fr, fault.en);
}

export function segmentNumberInvalid(location: Location, shown: string, what: Bilingual): Problem {
  return error(
    "segment-number-invalid",
    location,
    `${quoteFr(shown)} n'est pas un(e) ${what.fr} valable : mettez un nombre positif ou nul, ou laissez vide`,
    `${quoteEn(shown)} is not a valid ${what.en}: use a number of zero or more, or leave it empty`
  );
}

export function checklistTooLong(location: Location, length: number, max: number): Problem {
  return error(
    "checklist-too-long",
    location,
    `la check-list a ${length} statuts pour ${max} critères : un statut par critère, dans l'ordre de la méthode`,
    `the checklist has ${length} statuses for ${max} items: one status per item, in the method's order`
  );
}

export function statusUnknown(
  location: Location,
  shown: string,
  statuses: readonly Bilingual[]
): Problem {
  return error(
    "status-unknown",
    location,
    `${quoteFr(shown)} n'est pas un statut : choisissez ${statuses.map((s) => quoteFr(s.fr)).join(", ")}`,
    `${quoteEn(shown)} is not a status: choose ${statuses.map((s) => quoteEn(s.en)).join(", ")}`
  );
}

export function plansNotObject(location: Location): Problem {
  return error(
    "plans-not-object",
    location,
    'les plans s\'écrivent {"acquisition": "…", "conversion": "…", "retention": "…", "loyalty": "…"}',
    'plans are written {"acquisition": "…", "conversion": "…", "retention": "…", "loyalty": "…"}'
  );
}

export function planNotText(location: Location): Problem {
  return error("plan-not-text", location, "le plan doit être un texte", "the plan must be a text");
}

export function planUnknownField(location: Location, known: readonly string[]): Problem {
  return warning(
    "plan-unknown-field",
    location,
    `levier inconnu, ignoré (leviers : ${known.join(", ")})`,
    `unknown lever, ignored (levers: ${known.join(", ")})`
  );
}

export function targetNotObject(location: Location): Problem {
  return error(
    "target-not-object",
    location,
    'une cible s\'écrit {"segment": "…", "offering": "…"}',
    'a target is written {"segment": "…", "offering": "…"}'
  );
}

export function targetUnknown(
  location: Location,
  what: "segment" | "offering",
  name: string
): Problem {
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

export function targetDuplicate(location: Location, segment: string, offering: string): Problem {
  return warning(
    "target-duplicate",
    location,
    `la cible (${quoteFr(segment)}, ${quoteFr(offering)}) est en double : gardée une fois`,
    `the target (${quoteEn(segment)}, ${quoteEn(offering)}) is a duplicate: kept once`
  );
}

export function conquestUnknown(location: Location, name: string): Problem {
  return error(
    "conquest-unknown",
    location,
    `le segment ${quoteFr(name)} de l'ordre de conquête n'existe pas : corrigez le nom ou ajoutez le segment`,
    `the segment ${quoteEn(name)} in the conquest order does not exist: correct the name or add the segment`
  );
}

export function conquestDuplicate(location: Location, name: string): Problem {
  return warning(
    "conquest-duplicate",
    location,
    `le segment ${quoteFr(name)} figure deux fois dans l'ordre de conquête : gardé à sa première place`,
    `the segment ${quoteEn(name)} appears twice in the conquest order: kept at its first place`
  );
}

// ---------------------------------------------------------------------------------------------
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

const countFr = (n: number, one: string, many: string): string => `${n} ${n <= 1 ? one : many}`;
const countEn = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "13 clientèles et 13 besoins sans X": stands for the clientele/need-without-… warnings. */
export function withoutTicks(clienteles: number, needs: number): Problem {
  const fr = [
    clienteles > 0 ? countFr(clienteles, "clientèle", "clientèles") : "",
    needs > 0 ? countFr(needs, "besoin", "besoins") : "",
  ].filter((part) => part !== "");
  const en = [
    clienteles > 0 ? countEn(clienteles, "clientèle", "clientèles") : "",
    needs > 0 ? countEn(needs, "need", "needs") : "",
  ].filter((part) => part !== "");
  return warning(
    "without-ticks",
    undefined,
    `${fr.join(" et ")} sans X : la méthode les écarte du projet, à moins d'y cocher un X`,
    `${en.join(" and ")} without an X: the method drops them from the project unless you tick one`
  );
}

/** Nothing ticked yet: not a fault, the next thing to do. */
export function nothingTicked(ticksSheet: string): Problem {
  return warning(
    "nothing-ticked",
    undefined,
    `Aucun X pour l'instant : dans ${quoteFr(ticksSheet)}, tapez X là où la clientèle ressent réellement le besoin, puis Actualiser`,
    `No X yet: in ${quoteEn(ticksSheet)}, type X where the clientèle really feels the need, then Refresh`
  );
}

/** Many problems of one kind, shown as one line with the list to expand. */
export function similarProblems(count: number, example: Problem): Problem {
  return problem("similar-problems", example.severity, undefined, {
    fr: `${count} problèmes du même genre, dont : ${example.message.fr}`,
    en: `${count} problems of the same kind, such as: ${example.message.en}`,
  });
}

/** A typed list much longer than the method's tables: allowed, said. */
export function longList(field: "clienteles" | "needs", count: number, readable: number): Problem {
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
