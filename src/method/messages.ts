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
  | "segment-data-without-name"
  | "not-a-mark"
  | "mark-without-name"
  // Ordering by need profile and candidate segments.
  | "segments-count-invalid"
  | "segments-no-tick"
  | "segments-too-many"
  | "segments-would-be-replaced"
  | "segments-replaced"
  | "segments-would-be-replaced-in-workbook"
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
  | "output-foreign-picture"
  // The Office.js host: Excel's own failures, bounded reads, names Excel refuses.
  | "excel-failed"
  | "excel-cell-edit"
  | "excel-selection-invalid"
  | "sheet-too-large"
  | "values-unavailable"
  | "selection-too-large"
  | "plan-sheet-name-invalid"
  | "plan-name-invalid"
  | "sheet-partly-read"
  // Hostile and broken files, the output guard, Excel's limits, the add-in's state (issue 6).
  | "workbook-empty"
  | "workbook-encrypted"
  | "workbook-not-zip"
  | "workbook-damaged"
  | "workbook-not-excel"
  | "workbook-binary"
  | "workbook-too-large"
  | "workbook-too-many-cells"
  | "workbook-newer"
  | "workbook-state-damaged"
  | "merged-cells"
  | "sheet-missing"
  | "name-misplaced"
  | "study-not-utf8"
  | "study-too-large"
  | "output-is-input"
  | "output-not-file"
  | "output-unwritable"
  | "output-macros"
  | "output-foreign-study"
  | "output-extension"
  | "excel-limit"
  | "more-problems"
  // The task pane's summaries and hints (issue 7).
  | "without-ticks"
  | "nothing-ticked"
  | "similar-problems"
  | "long-list"
  // Client deliverables: the export, its PDF, the palette (issue 8).
  | "palette-unknown"
  | "client-export-not-study"
  | "export-no-segments"
  | "export-nothing"
  | "output-working-workbook"
  | "output-client-export"
  | "output-foreign-pdf"
  | "libreoffice-missing"
  | "libreoffice-failed"
  // What the property tests of issue 6 found a workbook cannot keep.
  | "segment-text-line-feed"
  // The method's warnings (issue 17, docs/method.md §9.2).
  | "segment-too-broad"
  | "too-many-targets"
  | "full-coverage"
  | "target-unquantified"
  | "busy-market"
  | "empty-market"
  // Trust at the command line (issue 13 A): study files, outputs, ordering at scale.
  | "study-duplicate-key"
  | "study-number-out-of-range"
  | "output-read-only"
  | "ordering-heuristic"
  | "ordering-too-large"
  // Evidence from responses (survey answers, workshop votes): the study field and the responses file.
  | "pair-evidence-invalid"
  | "responses-column-missing"
  | "responses-column-duplicate"
  | "responses-no-rows"
  | "responses-too-large"
  | "responses-csv-quote"
  | "response-respondent-empty"
  | "response-name-empty"
  | "response-feels-unknown"
  | "response-level-unknown"
  | "response-answered-twice"
  | "responses-unknown-name"
  | "responses-name-added"
  | "rating-evidence-invalid"
  // Hostile files, read without a silent change (issue 13 A).
  | "workbook-cell-invalid"
  | "workbook-value-invalid"
  | "workbook-part-twice"
  | "study-too-large-to-read"
  // The client deck and the study's organisation and currency (issue 14).
  | "study-text-not-text"
  | "study-text-bad-character"
  | "study-text-too-long"
  | "output-foreign-deck"
  // RFM from the client's transactions (issue 15).
  | "rfm-empty"
  | "rfm-not-table"
  | "rfm-column-missing"
  | "rfm-blank-ids"
  | "rfm-bad-amounts"
  | "rfm-bad-dates"
  | "rfm-ambiguous-dates"
  | "rfm-returns"
  | "rfm-duplicates"
  | "rfm-after-analysis"
  | "rfm-returns-only"
  | "rfm-no-customers"
  | "rfm-single-customer"
  | "rfm-bad-scored-row"
  | "rfm-output-study"
  | "rfm-clientele-missing"
  | "rfm-unknown-clientele"
  | "rfm-segment-unquantified"
  | "rfm-clientele-conflict"
  | "rfm-latin1"
  // RFM in the task pane (rfm-pane)
  | "rfm-selection-empty"
  | "rfm-selection-too-large";

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

/** The settings sheet, or a weight's name, was deleted: the default weight is used, and said. */
export function weightMissing(names: readonly string[], weight: number): Problem {
  return warning(
    "weight-missing",
    undefined,
    `poids introuvables (${names.join(", ")} : feuille de paramètres supprimée ?) : le poids ${weight} est pris ; reconstruisez le classeur pour retrouver la feuille`,
    `weights not found (${names.join(", ")}: settings sheet deleted?): the weight ${weight} is used; rebuild the workbook to get the sheet back`
  );
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
  reason: string | Bilingual,
  state: { planSheets: string[]; temporarySheets: string[]; oldSheets: string[] } | undefined
): Bilingual {
  const cause = typeof reason === "string" ? { fr: reason, en: reason } : reason;
  if (!state) {
    return {
      fr: `Excel a refusé la construction (${cause.fr}) et l'état du classeur n'a pas pu être relu : vérifiez les feuilles, puis recommencez. Vos listes et vos saisies restent dans le volet.`,
      en: `Excel refused the build (${cause.en}) and the workbook could not be read back: check its sheets, then try again. Your lists and entries are kept in the pane.`,
    };
  }
  const list = (names: readonly string[], quote: (text: string) => string, none: string): string =>
    names.length > 0 ? names.map(quote).join(", ") : none;
  return {
    fr: [
      `Excel a arrêté la construction en cours de route (${cause.fr}).`,
      `Feuilles de Segment Matrix présentes, peut-être incomplètes : ${list(state.planSheets, quoteFr, "aucune")}.`,
      `Feuilles temporaires restées : ${list(state.temporarySheets, quoteFr, "aucune")}.`,
      `Anciennes feuilles encore là : ${list(state.oldSheets, quoteFr, "aucune")}.`,
      "Vos listes et vos saisies restent dans le volet : relancez la construction, puis supprimez les feuilles temporaires qui resteraient.",
    ].join(" "),
    en: [
      `Excel stopped the build half-way (${cause.en}).`,
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

export function outputForeignPicture(file: string): Problem {
  return error(
    "output-foreign-picture",
    { file },
    "ce fichier existe et n'est pas une image faite par Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a picture Segment Matrix made; choose another output file, or add --force to replace it"
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

export function segmentDataWithoutName(location: Location, nameCell: string): Problem {
  return warning(
    "segment-data-without-name",
    location,
    `colonne remplie sans nom de segment en ${nameCell} : ignorée (tapez le nom du segment)`,
    `column filled in without a segment name in ${nameCell}: ignored (type the segment's name)`
  );
}

export function notAMark(location: Location, shown: string): Problem {
  return error(
    "not-a-mark",
    location,
    `${quoteFr(shown)} n'est pas une marque : tapez X pour l'inclure, sinon videz la cellule`,
    `${quoteEn(shown)} is not a mark: type X to include it, otherwise clear the cell`
  );
}

export function markWithoutName(location: Location, nameCell: string): Problem {
  return error(
    "mark-without-name",
    location,
    `X sans nom en ${nameCell} : tapez le nom ou retirez le X`,
    `X without a name in ${nameCell}: type the name or remove the X`
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
// Ordering by need profile and candidate segments.

export function segmentsCountInvalid(k: number): Problem {
  return error(
    "segments-count-invalid",
    undefined,
    `${quoteFr(String(k))} n'est pas un nombre de segments : mettez un nombre entier à partir de 1`,
    `${quoteEn(String(k))} is not a number of segments: use a whole number from 1`
  );
}

export function segmentsNoTick(): Problem {
  return error(
    "segments-no-tick",
    undefined,
    "aucune clientèle n'a de X : cochez d'abord qui ressent quoi",
    "no clientèle has any X yet: tick who feels what first"
  );
}

export function segmentsTooMany(k: number, available: number): Problem {
  return available === 1
    ? error(
        "segments-too-many",
        undefined,
        `${k} segments demandés, mais une seule clientèle a au moins un X : choisissez 1 segment`,
        `${k} segments asked for, but only one clientèle has at least one X: choose 1 segment`
      )
    : error(
        "segments-too-many",
        undefined,
        `${k} segments demandés, mais seules ${available} clientèles ont au moins un X : choisissez au plus ${available} segments`,
        `${k} segments asked for, but only ${available} clientèles have at least one X: choose at most ${available} segments`
      );
}

export function segmentsWouldBeReplaced(file: string, names: readonly string[]): Problem {
  return error(
    "segments-would-be-replaced",
    { file, field: "segments" },
    `l'étude contient déjà des segments (${names.map(quoteFr).join(", ")}) que --segments remplacerait : ajoutez --force pour les remplacer, ou retirez --segments pour seulement réordonner`,
    `the study already holds segments (${names.map(quoteEn).join(", ")}) that --segments would replace: add --force to replace them, or leave out --segments to reorder only`
  );
}

export function segmentsReplaced(file: string, names: readonly string[]): Problem {
  return warning(
    "segments-replaced",
    { file, field: "segments" },
    `segments remplacés par les segments candidats, avec leurs cibles et l'ordre de conquête : ${names.map(quoteFr).join(", ")}`,
    `segments replaced by the candidate segments, with their targets and conquest order: ${names.map(quoteEn).join(", ")}`
  );
}

export function segmentsWouldBeReplacedInWorkbook(names: readonly string[]): Problem {
  return error(
    "segments-would-be-replaced-in-workbook",
    undefined,
    `le classeur contient déjà des segments (${names.map(quoteFr).join(", ")}) que les segments candidats remplaceraient : confirmez pour les remplacer, ou réordonnez sans découper`,
    `the workbook already holds segments (${names.map(quoteEn).join(", ")}) that the candidate segments would replace: confirm to replace them, or reorder without cutting`
  );
}

// ---------------------------------------------------------------------------------------------
// The Office.js host: Excel's own failures, bounded reads, names Excel refuses.

/** What the host was doing when Excel failed. */
export type ExcelStep = "read" | "render" | "selection";

const EXCEL_STEP: Record<ExcelStep, Bilingual> = {
  read: { fr: "la lecture du classeur", en: "reading the workbook" },
  render: { fr: "la construction", en: "the build" },
  selection: { fr: "la lecture de la sélection", en: "reading the selection" },
};

/** 1 000 000 in French, 1,000,000 in English. */
const count = (n: number): Bilingual => ({
  fr: String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00A0"),
  en: String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","),
});

/**
 * Excel's error as shown inside a message: its code, the call that failed when Excel says which
 * (debugInfo.errorLocation, "Range.formulas") and its own text, which Excel gives in its language.
 */
export function excelCause(
  code: string | undefined,
  location: string | undefined,
  detail: string | undefined
): Bilingual {
  const text = detail && detail !== code ? detail : undefined;
  const line = (step: string | undefined, colon: string): string => {
    const head = [code, step].filter(Boolean).join(" ");
    return head && text ? `${head}${colon}${text}` : head || text || "?";
  };
  return {
    fr: line(location && `à l'étape ${location}`, " : "),
    en: line(location && `at step ${location}`, ": "),
  };
}

/** Excel refused a read, or a build before anything was changed. */
export function excelFailed(step: ExcelStep, cause: Bilingual): Problem {
  return error(
    "excel-failed",
    undefined,
    `Excel a refusé ${EXCEL_STEP[step].fr} (${cause.fr}) ; rien n'a été modifié. Recommencez ; si l'erreur revient, enregistrez le classeur, rouvrez-le, puis recommencez.`,
    `Excel refused ${EXCEL_STEP[step].en} (${cause.en}); nothing was changed. Try again; if the error comes back, save the workbook, reopen it, then try again.`
  );
}

/** Excel refused because a cell was being edited (an Excel that does not wait for the edit). */
export function excelCellEdit(step: ExcelStep): Problem {
  return error(
    "excel-cell-edit",
    undefined,
    `Excel n'a pas permis ${EXCEL_STEP[step].fr} pendant la saisie d'une cellule : appuyez sur Entrée ou Échap, puis recommencez.`,
    `Excel did not allow ${EXCEL_STEP[step].en} while a cell is being edited: press Enter or Esc, then try again.`
  );
}

/** Several blocks selected, or a picture or chart rather than cells. */
export function excelSelectionInvalid(): Problem {
  return error(
    "excel-selection-invalid",
    undefined,
    "Sélectionnez un seul bloc de cellules (la liste des noms), puis recommencez.",
    "Select a single block of cells (the list of names), then try again."
  );
}

/** A sheet whose content (or a name) reaches past what one read takes. */
export function sheetTooLarge(sheet: string, lastCell: string, limit: number): Problem {
  const cells = count(limit);
  return error(
    "sheet-too-large",
    { sheet, cell: lastCell },
    `La feuille ${quoteFr(sheet)} a du contenu jusqu'en ${lastCell} : Segment Matrix en lit au plus ${cells.fr} cellules à partir de A1. Supprimez ce qui dépasse le tableau (Ctrl+Fin montre la dernière cellule remplie), puis recommencez.`,
    `The sheet ${quoteEn(sheet)} has content down to ${lastCell}: Segment Matrix reads at most ${cells.en} cells from A1. Delete what lies past the table (Ctrl+End shows the last filled cell), then try again.`
  );
}

/** A stray cell far beyond the tables: the sheet is read around its tables only, and that is said. */
export function sheetPartlyRead(sheet: string, readTo: string, lastCell: string): Problem {
  return warning(
    "sheet-partly-read",
    { sheet, cell: lastCell },
    `La feuille ${quoteFr(sheet)} a du contenu jusqu'en ${lastCell}, loin de ses tableaux : seules les cellules jusqu'en ${readTo} sont lues. Si ce contenu lointain est une erreur de frappe, supprimez-le (Ctrl+Fin montre la dernière cellule remplie).`,
    `The sheet ${quoteEn(sheet)} has content down to ${lastCell}, far from its tables: only the cells up to ${readTo} are read. If that far content is a slip, delete it (Ctrl+End shows the last filled cell).`
  );
}

/** Excel answered without the values of a range (it does so over 5 million cells). */
export function valuesUnavailable(sheet: string, address: string): Problem {
  return error(
    "values-unavailable",
    { sheet, cell: address },
    `Excel n'a pas renvoyé les valeurs de la plage ${address} de la feuille ${quoteFr(sheet)} (trop de cellules pour une lecture) : supprimez ce qui dépasse le tableau, puis recommencez.`,
    `Excel did not return the values of the range ${address} of the sheet ${quoteEn(sheet)} (too many cells for one read): delete what lies past the table, then try again.`
  );
}

/** The selection's filled area is larger than a list of names can be. */
export function selectionTooLarge(cells: number, limit: number): Problem {
  const found = count(cells);
  const most = count(limit);
  return error(
    "selection-too-large",
    undefined,
    `La sélection s'étend sur ${found.fr} cellules remplies ; Segment Matrix en lit au plus ${most.fr} : sélectionnez seulement la liste des noms, puis recommencez.`,
    `The selection spans ${found.en} filled cells; Segment Matrix reads at most ${most.en}: select only the list of names, then try again.`
  );
}

/** Why Excel would refuse a sheet name of a plan. */
export type SheetNameFault = "reserved" | "length" | "character" | "quote";

const SHEET_NAME_FAULT: Record<SheetNameFault, Bilingual> = {
  reserved: { fr: "Excel réserve ce nom", en: "Excel reserves this name" },
  length: { fr: "il faut de 1 à 31 caractères", en: "it needs 1 to 31 characters" },
  character: {
    fr: "les caractères : \\ / ? * [ ] sont interdits",
    en: "the characters : \\ / ? * [ ] are not allowed",
  },
  quote: {
    fr: "une apostrophe ne peut ni commencer ni finir le nom",
    en: "an apostrophe can neither start nor end the name",
  },
};

/** A sheet name Excel would refuse, found before anything was changed. */
export function planSheetNameInvalid(sheet: string, fault: SheetNameFault): Problem {
  return error(
    "plan-sheet-name-invalid",
    { sheet },
    `Excel refuserait le nom de feuille ${quoteFr(sheet)} (${SHEET_NAME_FAULT[fault].fr}) : rien n'a été modifié.`,
    `Excel would refuse the sheet name ${quoteEn(sheet)} (${SHEET_NAME_FAULT[fault].en}): nothing was changed.`
  );
}

/** A table or defined name Excel would refuse (it reads as a cell reference, or has a bad character). */
export function planNameInvalid(kind: "table" | "name", name: string): Problem {
  const what =
    kind === "table"
      ? { fr: "de tableau", en: "table name" }
      : { fr: "défini", en: "defined name" };
  return error(
    "plan-name-invalid",
    undefined,
    `Excel refuserait le nom ${what.fr} ${quoteFr(name)} (il doit commencer par une lettre ou « _ », sans espace, et ne pas ressembler à une référence de cellule comme A1 ou R1C1) : rien n'a été modifié.`,
    `Excel would refuse the ${what.en} ${quoteEn(name)} (it must start with a letter or "_", have no space, and not look like a cell reference such as A1 or R1C1): nothing was changed.`
  );
}

// ---------------------------------------------------------------------------------------------
// Hostile and broken files, the output guard, Excel's limits and the add-in's state (issue 6).

const mib = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mio`;
const mibEn = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
/** 1 048 576 in French, 1,048,576 in English. */
const countFr = (n: number): string => n.toLocaleString("fr-FR").replace(/\s/g, " ");
const countEn = (n: number): string => n.toLocaleString("en-US");

export function workbookEmpty(file: string): Problem {
  return error(
    "workbook-empty",
    { file },
    "le fichier est vide (0 octet) : enregistrez de nouveau le classeur depuis Excel",
    "the file is empty (0 bytes): save the workbook again from Excel"
  );
}

export function workbookEncrypted(file: string): Problem {
  return error(
    "workbook-encrypted",
    { file },
    "classeur protégé par mot de passe, ou ancien format .xls : ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur) et enregistrez-le au format .xlsx",
    "password-protected workbook, or the old .xls format: open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx"
  );
}

/** What a file that is not a zip looks like from its first bytes. */
export type NotZipKind = "text" | "pdf" | "other";

export function workbookNotZip(file: string, kind: NotZipKind): Problem {
  if (kind === "pdf")
    return error(
      "workbook-not-zip",
      { file },
      "ce n'est pas un classeur .xlsx mais un PDF : indiquez le classeur .xlsx (ou l'étude .json) dont il a été tiré",
      "not an .xlsx workbook but a PDF: give the .xlsx workbook (or the .json study) it was made from"
    );
  return kind === "text"
    ? error(
        "workbook-not-zip",
        { file },
        "ce n'est pas un classeur .xlsx mais un fichier texte (un CSV renommé ?) : ouvrez-le dans Excel et enregistrez-le au format .xlsx",
        "not an .xlsx workbook but a text file (a renamed CSV?): open it in Excel and save it as .xlsx"
      )
    : error(
        "workbook-not-zip",
        { file },
        "ce n'est pas un classeur .xlsx : ouvrez-le dans Excel et enregistrez-le au format .xlsx",
        "not an .xlsx workbook: open it in Excel and save it as .xlsx"
      );
}

export function workbookDamaged(file: string, detail: string): Problem {
  return error(
    "workbook-damaged",
    { file },
    `classeur endommagé ou incomplet (${detail}) : copiez-le de nouveau ou enregistrez-le encore depuis Excel`,
    `damaged or incomplete workbook (${detail}): copy it again or save it again from Excel`
  );
}

export function workbookNotExcel(file: string): Problem {
  return error(
    "workbook-not-excel",
    { file },
    "ce zip n'est pas un classeur Excel (un document Word, un fichier .ods ?) : enregistrez le classeur au format .xlsx",
    "this zip is not an Excel workbook (a Word document, an .ods file?): save the workbook as .xlsx"
  );
}

export function workbookBinary(file: string): Problem {
  return error(
    "workbook-binary",
    { file },
    "classeur binaire (.xlsb) : enregistrez-le au format .xlsx",
    "binary workbook (.xlsb): save it as .xlsx"
  );
}

export function workbookTooLarge(file: string, bytes: number, limit: number): Problem {
  return error(
    "workbook-too-large",
    { file },
    `une fois décompressé, le classeur ferait ${mib(bytes)}, au-delà de la limite de ${mib(limit)} (archive piégée ?) : il n'est pas lu`,
    `once unzipped, the workbook would take ${mibEn(bytes)}, beyond the limit of ${mibEn(limit)} (a zip bomb?): it is not read`
  );
}

/** Where nothing was filled by mistake, the study itself is past the reader's stated limits. */
const TOO_LARGE_STUDY: Bilingual = {
  fr: "Segment Matrix relit jusqu'à 500 000 paires d'un classeur qu'il a construit (environ 100 000 d'un classeur sans son état) : au-delà, scindez l'étude (par segment, par zone)",
  en: "Segment Matrix reads back up to 500,000 pairs from a workbook it built (about 100,000 from a workbook without its state): beyond that, split the study (by segment, by zone)",
};

/** One part over the limit: a sheet the study is read from, or another part of the package. */
export function workbookPartTooLarge(
  file: string,
  part: { sheet?: string; name: string },
  bytes: number,
  limit: number
): Problem {
  return part.sheet !== undefined
    ? error(
        "workbook-too-large",
        { file, sheet: part.sheet },
        `cette feuille ferait ${mib(bytes)} une fois décompressée, au-delà de la limite de ${mib(limit)} : supprimez les lignes remplies par erreur, puis recommencez ; ${TOO_LARGE_STUDY.fr}`,
        `this sheet would take ${mibEn(bytes)} once unzipped, beyond the limit of ${mibEn(limit)}: delete the rows filled by mistake, then try again; ${TOO_LARGE_STUDY.en}`
      )
    : error(
        "workbook-too-large",
        { file, field: part.name },
        `cette partie du classeur ferait ${mib(bytes)} une fois décompressée, au-delà de la limite de ${mib(limit)} : le classeur n'est pas lu`,
        `this part of the workbook would take ${mibEn(bytes)} once unzipped, beyond the limit of ${mibEn(limit)}: the workbook is not read`
      );
}

export function workbookTooManyParts(file: string, count: number, limit: number): Problem {
  return error(
    "workbook-too-large",
    { file },
    `l'archive compte ${countFr(count)} parties, au-delà de la limite de ${countFr(limit)} : le classeur n'est pas lu`,
    `the archive holds ${countEn(count)} parts, beyond the limit of ${countEn(limit)}: the workbook is not read`
  );
}

export function workbookTooManyCells(file: string, sheet: string, limit: number): Problem {
  return error(
    "workbook-too-many-cells",
    { file, sheet },
    `les feuilles de Segment Matrix contiennent plus de ${countFr(limit)} cellules remplies (limite de lecture) : supprimez les lignes ou colonnes remplies par erreur, puis recommencez ; ${TOO_LARGE_STUDY.fr}`,
    `the Segment Matrix sheets hold more than ${countEn(limit)} filled cells (the reading limit): delete the rows or columns filled by mistake, then try again; ${TOO_LARGE_STUDY.en}`
  );
}

export function workbookNewer(
  file: string | undefined,
  version: number,
  supported: number
): Problem {
  return error(
    "workbook-newer",
    { file },
    `ce classeur a été écrit par une version plus récente de Segment Matrix (disposition ${version}, celle-ci connaît la ${supported}) : mettez Segment Matrix à jour`,
    `this workbook was written by a newer Segment Matrix (layout ${version}; this one knows layout ${supported}): update Segment Matrix`
  );
}

export function workbookStateDamaged(file: string | undefined, detail: string): Problem {
  return warning(
    "workbook-state-damaged",
    { file },
    `l'état de Segment Matrix enregistré dans le classeur est illisible (${detail}) : les feuilles sont reconnues à leurs noms définis ; la prochaine construction le réécrit`,
    `the Segment Matrix state stored in the workbook cannot be read (${detail}): the sheets are recognised by their defined names; the next build writes it again`
  );
}

export function mergedCells(location: Location): Problem {
  return warning(
    "merged-cells",
    location,
    "cellules fusionnées : seule la première est lue ; annulez la fusion (Accueil › Fusionner) si les autres contenaient des saisies",
    "merged cells: only the first one is read; unmerge them (Home › Merge) if the others held entries"
  );
}

export function sheetMissing(role: Bilingual): Problem {
  return warning(
    "sheet-missing",
    undefined,
    `la feuille ${quoteFr(role.fr)} de Segment Matrix a disparu (supprimée ?) : ce qu'elle contenait n'est pas lu ; reconstruisez le classeur pour la retrouver`,
    `the Segment Matrix sheet ${quoteEn(role.en)} is gone (deleted?): what it held is not read; rebuild the workbook to get it back`
  );
}

export function nameMisplaced(name: string, location: Location): Problem {
  return error(
    "name-misplaced",
    location,
    `le nom défini ${name} ne désigne plus l'endroit où Segment Matrix l'a placé (redéfini à la main ?) : remettez-le (Formules › Gestionnaire de noms) ou reconstruisez le classeur`,
    `the defined name ${name} no longer points where Segment Matrix put it (redefined by hand?): restore it (Formulas › Name Manager) or rebuild the workbook`
  );
}

export function studyNotUtf8(file: string, offset: number, line: number, byte: number): Problem {
  const hex = "0x" + byte.toString(16).toUpperCase().padStart(2, "0");
  return error(
    "study-not-utf8",
    { file },
    `le fichier n'est pas en UTF-8 (octet ${hex} à la position ${offset}, ligne ${line}) ; enregistrez-le en UTF-8 (Windows-1252 ou Latin-1 ne sont pas lus, pour ne changer aucun accent)`,
    `the file is not UTF-8 (byte ${hex} at offset ${offset}, line ${line}); save it as UTF-8 (Windows-1252 or Latin-1 are not read, so that no accent is changed)`
  );
}

export function studyBadUtf16(file: string, offset: number): Problem {
  return error(
    "study-not-utf8",
    { file },
    `le fichier est en UTF-16 mais abîmé à la position ${offset} (caractère incomplet) ; enregistrez-le de nouveau, de préférence en UTF-8`,
    `the file is UTF-16 but broken at offset ${offset} (an incomplete character); save it again, preferably as UTF-8`
  );
}

export function studyTooLarge(file: string, bytes: number, limit: number): Problem {
  return error(
    "study-too-large",
    { file },
    `le fichier fait ${mib(bytes)}, au-delà de la limite de ${mib(limit)} pour une étude : ce n'est sans doute pas une étude`,
    `the file takes ${mibEn(bytes)}, beyond the limit of ${mibEn(limit)} for a study: it is probably not a study`
  );
}

export function outputIsInput(file: string): Problem {
  return error(
    "output-is-input",
    { file },
    "le fichier de sortie est le fichier lu : il serait remplacé ; choisissez un autre nom de sortie (--force n'y change rien)",
    "the output file is the input file: it would be replaced; choose another output name (--force does not change this)"
  );
}

export function outputNotFile(file: string, what: "directory" | "special" | "link"): Problem {
  if (what === "link")
    return error(
      "output-not-file",
      { file },
      "c'est un lien qui ne mène à aucun fichier (lien cassé, sortie d'un tube…) : donnez le nom d'un fichier ordinaire",
      "is a link that leads to no file (a broken link, a pipe's end…): give the name of a regular file"
    );
  return what === "directory"
    ? error(
        "output-not-file",
        { file },
        "c'est un dossier : donnez un nom de fichier, par ex. -o dossier/etude.xlsx",
        "is a directory: give a file name, e.g. -o folder/study.xlsx"
      )
    : error(
        "output-not-file",
        { file },
        "ce n'est pas un fichier ordinaire (tube, périphérique…) : donnez un nom de fichier ordinaire",
        "is not a regular file (a pipe, a device…): give the name of a regular file"
      );
}

export function outputUnwritable(file: string, reason: string): Problem {
  return error(
    "output-unwritable",
    { file },
    `impossible d'écrire ici (${reason}) : choisissez un dossier où vous pouvez écrire`,
    `cannot write here (${reason}): choose a folder you can write to`
  );
}

export function outputMacros(file: string): Problem {
  return error(
    "output-macros",
    { file },
    "ce classeur contient des macros (projet VBA) qui seraient perdues : enregistrez sous un autre nom (--force n'y change rien)",
    "this workbook holds macros (a VBA project) that would be lost: save under another name (--force does not change this)"
  );
}

export function outputExtension(file: string, kind: "workbook" | "study"): Problem {
  return kind === "workbook"
    ? error(
        "output-extension",
        { file },
        "Segment Matrix écrit un classeur .xlsx (sans macros) : nommez la sortie en .xlsx, ou ajoutez --force",
        "Segment Matrix writes an .xlsx workbook (without macros): name the output .xlsx, or add --force"
      )
    : error(
        "output-extension",
        { file },
        "read écrit une étude (JSON), pas un classeur : nommez la sortie en .json, ou ajoutez --force",
        "read writes a study (JSON), not a workbook: name the output .json, or add --force"
      );
}

export function outputForeignStudy(file: string): Problem {
  return error(
    "output-foreign-study",
    { file },
    "ce fichier existe et n'est pas une étude Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a Segment Matrix study; choose another output file, or add --force to replace it"
  );
}

/** A list or table of the study that would not fit Excel's sheet (checked before writing). */
export function excelLimit(
  location: Location,
  what: "clienteles" | "needs" | "pairs",
  count: number,
  max: number,
  sheet: string
): Problem {
  const fr = {
    clienteles: `${countFr(count)} clientèles, mais la feuille ${quoteFr(sheet)} n'a de colonnes que pour ${countFr(max)} (16 384 colonnes dans Excel)`,
    needs: `${countFr(count)} besoins, mais la feuille ${quoteFr(sheet)} n'a de lignes que pour ${countFr(max)} (1 048 576 lignes dans Excel)`,
    pairs: `${countFr(count)} paires cochées, mais la feuille ${quoteFr(sheet)} n'a de lignes que pour ${countFr(max)} (1 048 576 lignes dans Excel)`,
  }[what];
  const en = {
    clienteles: `${countEn(count)} clientèles, but the sheet ${quoteEn(sheet)} has columns for only ${countEn(max)} (Excel has 16,384 columns)`,
    needs: `${countEn(count)} needs, but the sheet ${quoteEn(sheet)} has rows for only ${countEn(max)} (Excel has 1,048,576 rows)`,
    pairs: `${countEn(count)} ticked pairs, but the sheet ${quoteEn(sheet)} has rows for only ${countEn(max)} (Excel has 1,048,576 rows)`,
  }[what];
  return error("excel-limit", location, `${fr} : divisez l'étude`, `${en}: split the study`);
}

/** After the first few problems of one kind, one line for the rest. */
export function moreProblems(code: ProblemCode, count: number): Problem {
  return warning(
    "more-problems",
    undefined,
    `… et ${countFr(count)} autres problèmes du même genre (${code})`,
    `… and ${countEn(count)} more problems of the same kind (${code})`
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

const nounFr = (n: number, one: string, many: string): string => `${n} ${n <= 1 ? one : many}`;
const nounEn = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "13 clientèles et 13 besoins sans X": stands for the clientele/need-without-… warnings. */
export function withoutTicks(clienteles: number, needs: number): Problem {
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

// ---------------------------------------------------------------------------------------------
// Client deliverables (issue 8): the client workbook, its PDF, the colour palette.

const PALETTE_CHOICES = '"default" ou "colourblind"';
const PALETTE_CHOICES_EN = '"default" or "colourblind"';

/** The study file's `palette` is not one of the palettes. */
export function paletteUnknown(location: Location, shown: string): Problem {
  return error(
    "palette-unknown",
    location,
    `palette ${quoteFr(shown)} inconnue : mettez ${PALETTE_CHOICES}`,
    `unknown palette ${quoteEn(shown)}: use ${PALETTE_CHOICES_EN}`
  );
}

/** The workbook's palette cell holds something else: the default scale is used. */
export function workbookPaletteUnknown(location: Location, shown: string): Problem {
  return warning(
    "palette-unknown",
    location,
    `palette ${quoteFr(shown)} inconnue : la palette par défaut est utilisée ; choisissez ${PALETTE_CHOICES} dans la liste`,
    `unknown palette ${quoteEn(shown)}: the default palette is used; pick ${PALETTE_CHOICES_EN} from the list`
  );
}

/** A client export was given where a study is read (read, build from a workbook, the pane). */
export function clientExportNotStudy(): Problem {
  return error(
    "client-export-not-study",
    undefined,
    "ce classeur est un livrable client exporté par Segment Matrix : il ne garde que des valeurs figées, sans les coches ni les évaluations. Ouvrez le classeur de travail (ou l'étude .json) dont il a été exporté",
    "this workbook is a client deliverable exported by Segment Matrix: it keeps fixed values only, without the ticks or the ratings. Open the working workbook (or the .json study) it was exported from"
  );
}

/** Segments or targeting asked for, but the study has no segment to show: left out, said. */
export function exportNoSegments(sheet: string): Problem {
  return warning(
    "export-no-segments",
    { field: "--sheets" },
    `${quoteFr(sheet)} demandé, mais l'étude n'a aucun segment : la feuille est laissée de côté (définissez d'abord les segments pour l'exporter)`,
    `${quoteEn(sheet)} asked for, but the study has no segment: the sheet is left out (define the segments first to export it)`
  );
}

/** Nothing left to export once the sheets without content are left out. */
export function exportNothing(): Problem {
  return error(
    "export-nothing",
    { field: "--sheets" },
    "aucune feuille à exporter : ajoutez matrix ou legend à --sheets",
    "no sheet to export: add matrix or legend to --sheets"
  );
}

export function outputWorkingWorkbook(file: string): Problem {
  return error(
    "output-working-workbook",
    { file },
    "ce fichier est un classeur de travail Segment Matrix (coches, évaluations) : un export ne le remplace jamais, --force ou non. Choisissez un autre nom, par ex. etude-client.xlsx",
    "this is a Segment Matrix working workbook (ticks, ratings): an export never replaces it, --force or not. Choose another name, e.g. study-client.xlsx"
  );
}

export function outputClientExport(file: string): Problem {
  return error(
    "output-client-export",
    { file },
    "ce fichier est un livrable client exporté par Segment Matrix, pas un classeur de travail : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "this is a client deliverable exported by Segment Matrix, not a working workbook; choose another output file, or add --force to replace it"
  );
}

export function outputForeignPdf(file: string): Problem {
  return error(
    "output-foreign-pdf",
    { file },
    "ce fichier existe et n'est pas un PDF exporté par Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a PDF Segment Matrix exported; choose another output file, or add --force to replace it"
  );
}

/** No LibreOffice to print the PDF: how to get it, in one line (the command never installs it). */
export function libreOfficeMissing(file: string): Problem {
  return error(
    "libreoffice-missing",
    { file },
    "le PDF passe par LibreOffice, introuvable ici : installez-le (Debian/Ubuntu : sudo apt-get install libreoffice-calc ; macOS et Windows : libreoffice.org ; ou bash scripts/ensure-test-tools.sh), ou indiquez son programme soffice dans SEGMENT_MATRIX_SOFFICE. Le classeur client (.xlsx) s'exporte sans lui",
    "the PDF goes through LibreOffice, which is not found here: install it (Debian/Ubuntu: sudo apt-get install libreoffice-calc; macOS and Windows: libreoffice.org; or bash scripts/ensure-test-tools.sh), or give its soffice program in SEGMENT_MATRIX_SOFFICE. The client workbook (.xlsx) exports without it"
  );
}

export function libreOfficeFailed(file: string, detail: string): Problem {
  return error(
    "libreoffice-failed",
    { file },
    `LibreOffice n'a pas produit le PDF (${detail}) : réessayez, ou exportez le classeur client (.xlsx) et imprimez-le en PDF depuis Excel (Fichier › Exporter)`,
    `LibreOffice did not produce the PDF (${detail}): try again, or export the client workbook (.xlsx) and print it to PDF from Excel (File › Export)`
  );
}

// ---------------------------------------------------------------------------------------------
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
): Problem {
  const shown = entry.split("\n")[0];
  return error(
    "segment-text-line-feed",
    location,
    `l'entrée ${quoteFr(shown + "…")} des ${TEXT_LIST[list].fr} du segment ${quoteFr(segment)} contient un retour à la ligne : dans le classeur, chaque ligne est une entrée, elle reviendrait coupée en plusieurs ; faites-en plusieurs entrées ou remplacez le retour à la ligne par une espace`,
    `the entry ${quoteEn(shown + "…")} of the ${TEXT_LIST[list].en} of the segment ${quoteEn(segment)} holds a line feed: in the workbook each line is an entry, it would come back cut into several; make it several entries or replace the line feed with a space`
  );
}

// ---------------------------------------------------------------------------------------------
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
): Problem {
  return warning(
    "segment-too-broad",
    location,
    `le segment ${quoteFr(segment)} regroupe ${held} des ${ticked} clientèles qui ont un X, plus de la moitié : « mon marché, c'est tout le monde » n'est pas un segment. Scindez-le jusqu'à ce que ses membres partagent une même offre, un même message et un même prix`,
    `the segment ${quoteEn(segment)} holds ${held} of the ${ticked} clientèles that have an X, more than half: "my market is everyone" is not a segment. Split it until its members share the same offer, the same message and the same price`
  );
}

export function tooManyTargets(location: Location | undefined, targeted: number): Problem {
  return warning(
    "too-many-targets",
    location,
    `${targeted} segments sont ciblés et aucun ordre de conquête n'est donné : trop de segments à la fois. Commencez par un seul segment, conquérez-le, puis passez au suivant, que le premier rend plus facile (preuve sociale) ; indiquez l'ordre de conquête sur la feuille Ciblage`,
    `${targeted} segments are targeted and no conquest order is given: too many segments at once. Start with one segment, conquer it, then move to the next, which the first makes easier (social proof); give the conquest order on the Targeting sheet`
  );
}

export function fullCoverage(
  location: Location | undefined,
  offerings: number,
  segments: number
): Problem {
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
): Problem {
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
): Problem {
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
): Problem {
  return warning(
    "empty-market",
    location,
    `le segment ${quoteFr(segment)} a une concurrence moyenne de ${meanFr(meanCompetition)} sur 4 : personne ou presque n'y est. L'absence de concurrence n'est pas forcément une bonne nouvelle : demandez-vous pourquoi personne n'y est (besoin peu ressenti, marché trop petit, obstacle) avant d'y voir une opportunité`,
    `the segment ${quoteEn(segment)} has a mean competition of ${meanEn(meanCompetition)} out of 4: almost nobody is there. No competition is not automatically good: ask why nobody is there (a need hardly felt, a market too small, a barrier) before taking it as an opportunity`
  );
}

// ---------------------------------------------------------------------------------------------
// Trust at the command line (issue 13 A): study files, outputs, ordering at scale.

/** A key given twice in one object of a study file: JSON readers keep one silently. */
export function studyDuplicateKey(file: string, field: string, key: string): Problem {
  return error(
    "study-duplicate-key",
    { file, field },
    `la clé ${quoteFr(key)} figure deux fois dans le même objet : une seule serait lue, sans rien dire ; gardez-en une seule (fusionnez les deux si besoin)`,
    `the key ${quoteEn(key)} is given twice in the same object: only one would be read, silently; keep one (merge the two if needed)`
  );
}

/** A number beyond what a double holds (1e309), or so near 0 it reads as 0 (1e-400): named as typed. */
export function studyNumberOutOfRange(
  file: string,
  field: string | undefined,
  typed: string
): Problem {
  return error(
    "study-number-out-of-range",
    field ? { file, field } : { file },
    `le nombre ${typed} ne peut pas être lu tel quel (hors de l'étendue d'un nombre : au-delà de 1,8 × 10^308 ou si près de 0 qu'il se lirait 0) : écrivez la valeur voulue`,
    `the number ${typed} cannot be read as typed (beyond a number's range: over 1.8 × 10^308, or so near 0 it would read as 0): write the value meant`
  );
}

// ---------------------------------------------------------------------------------------------
// One set of checkers (issue 12): a rule checked alike in the study file and in the workbook
// (method/checks/), its wording fitted to where the value is. In a cell, a message refers to cells
// (B5, row 7); in a field of the study file or the pane's lists, to fields (clienteles[0]), which
// the pane turns into line numbers (listLine). The codes stay those of each place.

/** The value is in a workbook cell, not in a field of the study file. */
const inCell = (location: Location): boolean => location.cell !== undefined;

/** A clientèle, need or offering whose name a cell cannot hold (empty, too long, control character). */
export function nameBad(field: ListField, location: Location, fault: Bilingual): Problem {
  return error(inCell(location) ? "bad-name" : `${field}-bad-name`, location, fault.fr, fault.en);
}

/** The same name twice in a list; `first` is where it was first (a cell, or a field such as needs[0]). */
export function nameDuplicate(
  field: ListField,
  location: Location,
  name: string,
  first: string
): Problem {
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
): Problem {
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
export function commentBad(location: Location, fault: Bilingual): Problem {
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
export function outputReadOnly(file: string, forceable = true): Problem {
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
export function orderingHeuristic(
  side: "clienteles" | "needs",
  count: number,
  exactLimit: number
): Problem {
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
export function orderingTooLarge(
  side: "clienteles" | "needs",
  count: number,
  max: number
): Problem {
  const items =
    side === "clienteles" ? { fr: "clientèles", en: "clientèles" } : { fr: "besoins", en: "needs" };
  return error(
    "ordering-too-large",
    undefined,
    `${count} ${items.fr} ont un X : l'ordre par profil en regroupe au plus ${max} (la mémoire nécessaire croît avec le carré du nombre) ; ordonnez une partie de l'étude, par exemple les ${items.fr} d'un même marché`,
    `${count} ${items.en} have an X: ordering by profile groups at most ${max} (the memory needed grows with the square of the number); order part of the study, for instance the ${items.en} of one market`
  );
}

// ---------------------------------------------------------------------------------------------
// Evidence from responses (survey answers, workshop votes), docs/method.md §3.3.

/** A pair's `evidence` that is not {n: whole number ≥ 1, feel: 0 to 1, source?: text}. */
export function pairEvidenceInvalid(location: Location, shown: string): Problem {
  return error(
    "pair-evidence-invalid",
    location,
    `${shown} : attendu {"n": nombre entier de répondants à partir de 1, "feel": part de 0 à 1 de ceux qui ressentent le besoin, "source": texte facultatif}`,
    `${shown}: expected {"n": whole number of respondents from 1, "feel": share from 0 to 1 of those feeling the need, "source": optional text}`
  );
}

/** The responses' header names each column; the French name comes first in the message. */
export function responsesColumnMissing(
  file: string,
  column: { fr: string; en: string },
  headerRow: number
): Problem {
  return error(
    "responses-column-missing",
    { file },
    `ligne ${headerRow} (en-têtes) : il manque la colonne ${quoteFr(column.fr)} (ou ${quoteFr(column.en)}) ; les colonnes attendues sont répondant, clientèle, besoin, ressent, et au choix perception, impact, concurrence`,
    `row ${headerRow} (headers): the column ${quoteEn(column.en)} (or ${quoteEn(column.fr)}) is missing; the columns expected are respondent, clientele, need, feels, and optionally perception, impact, competition`
  );
}

export function responsesColumnDuplicate(file: string, header: string, headerRow: number): Problem {
  return error(
    "responses-column-duplicate",
    { file },
    `ligne ${headerRow} (en-têtes) : la colonne ${quoteFr(header)} est donnée deux fois ; gardez-en une seule`,
    `row ${headerRow} (headers): the column ${quoteEn(header)} is given twice; keep only one`
  );
}

export function responsesNoRows(file: string): Problem {
  return error(
    "responses-no-rows",
    { file },
    "aucune réponse : le fichier n'a pas de ligne d'en-têtes suivie de lignes de réponses",
    "no responses: the file has no header row followed by rows of responses"
  );
}

export function responsesTooLarge(file: string, what: "bytes" | "cells", limit: number): Problem {
  return error(
    "responses-too-large",
    { file },
    what === "bytes"
      ? `le fichier dépasse ${limit} octets : au-delà de ce que des réponses d'enquête ou d'atelier occupent ; découpez-le`
      : `le fichier a plus de ${limit} cellules : au-delà de ce que des réponses d'enquête ou d'atelier occupent ; découpez-le`,
    what === "bytes"
      ? `the file is over ${limit} bytes: beyond what survey or workshop responses take; split it`
      : `the file has over ${limit} cells: beyond what survey or workshop responses take; split it`
  );
}

/** A CSV quote left open to the end, or text glued after a closing quote. */
export function responsesCsvQuote(file: string, line: number, kind: "open" | "after"): Problem {
  return error(
    "responses-csv-quote",
    { file },
    kind === "open"
      ? `ligne ${line} : un guillemet ouvert n'est jamais refermé ; le reste du fichier serait une seule valeur : corrigez le guillemet ou réenregistrez le fichier en CSV depuis Excel`
      : `ligne ${line} : du texte suit un guillemet fermant dans la même valeur ; doublez les guillemets à l'intérieur d'une valeur entre guillemets ("")`,
    kind === "open"
      ? `line ${line}: a quote opened is never closed; the rest of the file would be one value: fix the quote or save the file again as CSV from Excel`
      : `line ${line}: text follows a closing quote in the same value; double the quotes inside a quoted value ("")`
  );
}

export function responseRespondentEmpty(file: string, row: number): Problem {
  return warning(
    "response-respondent-empty",
    { file },
    `ligne ${row} : le répondant est vide ; ligne non comptée : nommez ou numérotez le répondant`,
    `row ${row}: the respondent is empty; row not counted: name or number the respondent`
  );
}

export function responseNameEmpty(
  file: string,
  row: number,
  missing: "clientele" | "need"
): Problem {
  return warning(
    "response-name-empty",
    { file },
    missing === "clientele"
      ? `ligne ${row} : la clientèle est vide ; ligne non comptée`
      : `ligne ${row} : le besoin est vide ; ligne non comptée`,
    missing === "clientele"
      ? `row ${row}: the clientèle is empty; row not counted`
      : `row ${row}: the need is empty; row not counted`
  );
}

export function responseFeelsUnknown(file: string, row: number, value: string): Problem {
  return warning(
    "response-feels-unknown",
    { file },
    `ligne ${row} : ${quoteFr(value)} n'est pas une réponse à « ressent » ; ligne non comptée : écrivez X, oui ou 1 pour oui, et laissez vide ou écrivez non ou 0 pour non`,
    `row ${row}: ${quoteEn(value)} is not an answer to "feels"; row not counted: write X, yes or 1 for yes, and leave it empty or write no or 0 for no`
  );
}

export function responseLevelUnknown(
  file: string,
  row: number,
  scale: Scale,
  value: string
): Problem {
  const levels = (language: "fr" | "en") =>
    scale.levels.map((level) => `${level.value} ${level[language]}`).join(", ");
  return warning(
    "response-level-unknown",
    { file },
    `ligne ${row} : ${quoteFr(value)} n'est pas un niveau de ${quoteFr(scale.title.fr)} ; ligne non comptée : écrivez un nombre ou un libellé parmi ${levels("fr")}, ou laissez vide`,
    `row ${row}: ${quoteEn(value)} is not a level of ${quoteEn(scale.title.en)}; row not counted: write a number or a label among ${levels("en")}, or leave it empty`
  );
}

/** Both rows are left out: which answer the respondent meant cannot be told. */
export function responseAnsweredTwice(
  file: string,
  row: number,
  firstRow: number,
  respondent: string,
  clientele: string,
  need: string
): Problem {
  return warning(
    "response-answered-twice",
    { file },
    `ligne ${row} : le répondant ${quoteFr(respondent)} répond déjà pour la paire ${pairFr(clientele, need)} ligne ${firstRow} ; aucune de ses réponses à cette paire n'est comptée : gardez-en une seule`,
    `row ${row}: respondent ${quoteEn(respondent)} already answers for the pair ${pairEn(clientele, need)} at row ${firstRow}; none of their answers to this pair is counted: keep only one`
  );
}

/** A name the responses give that the study does not have: refused, or added with --add-new. */
export function responsesUnknownName(
  file: string,
  kind: "clientele" | "need",
  name: string,
  firstRow: number,
  added: boolean
): Problem {
  const what =
    kind === "clientele"
      ? { fr: "la clientèle", en: "the clientèle" }
      : { fr: "le besoin", en: "the need" };
  return added
    ? warning(
        "responses-name-added",
        { file },
        `ligne ${firstRow} : ${what.fr} ${quoteFr(name)} n'était pas dans l'étude : ajouté${kind === "clientele" ? "e" : ""} (--add-new)`,
        `row ${firstRow}: ${what.en} ${quoteEn(name)} was not in the study: added (--add-new)`
      )
    : error(
        "responses-unknown-name",
        { file },
        `ligne ${firstRow} : ${what.fr} ${quoteFr(name)} n'est pas dans l'étude : corrigez le nom (la casse et les espaces autour ne comptent pas), ou ajoutez --add-new pour l'ajouter`,
        `row ${firstRow}: ${what.en} ${quoteEn(name)} is not in the study: correct the name (case and surrounding spaces do not matter), or add --add-new to add it`
      );
}

/** An *Évaluation* row whose n or % feeling is not evidence: the row keeps its ratings, no evidence. */
export function ratingEvidenceInvalid(
  location: Location,
  field: "n" | "feel",
  shown: string
): Problem {
  return warning(
    "rating-evidence-invalid",
    location,
    field === "n"
      ? `${quoteFr(shown)} n'est pas un nombre de répondants : écrivez un nombre entier à partir de 1, ou videz n et % pour une hypothèse ; paire lue sans réponses`
      : `${quoteFr(shown)} n'est pas une part de répondants : écrivez un pourcentage de 0 % à 100 % ; paire lue sans réponses`,
    field === "n"
      ? `${quoteEn(shown)} is not a number of respondents: write a whole number from 1, or empty n and % for a hypothesis; pair read without responses`
      : `${quoteEn(shown)} is not a share of respondents: write a percentage from 0% to 100%; pair read without responses`
  );
}

// ---------------------------------------------------------------------------------------------
// Hostile files, read without a silent change (issue 13 A): what the file says that the reader
// cannot take as it is is refused naming the sheet and cell or the part, never read as another study.

/** Text taken from a file, cut to a length a message can show. */
const excerpt = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Why a cell of a sheet part cannot be placed. */
export type CellFault =
  /** `r="ZZZZ6"`, past XFD1048576, or not an address. */
  | { kind: "address"; ref: string }
  /** `<row r="…">` that is not a row number of Excel's grid. */
  | { kind: "row"; ref: string }
  /** The same cell given twice. */
  | { kind: "twice"; ref: string };

export function workbookCellInvalid(file: string, sheet: string, fault: CellFault): Problem {
  const ref = excerpt(fault.ref);
  const fr = {
    address: `une cellule y porte l'adresse ${quoteFr(ref)}, hors de la grille d'Excel (A1 à XFD1048576)`,
    row: `une ligne y porte le numéro ${quoteFr(ref)}, hors de la grille d'Excel (1 à 1 048 576)`,
    twice: `la cellule ${ref} y figure deux fois, avec deux valeurs`,
  }[fault.kind];
  const en = {
    address: `a cell in it has the address ${quoteEn(ref)}, outside Excel's grid (A1 to XFD1048576)`,
    row: `a row in it has the number ${quoteEn(ref)}, outside Excel's grid (1 to 1,048,576)`,
    twice: `the cell ${ref} is in it twice, with two values`,
  }[fault.kind];
  return error(
    "workbook-cell-invalid",
    { file, sheet },
    `${fr} : le classeur est endommagé et n'est pas lu, pour ne rien lire à la mauvaise place ; ouvrez-le dans Excel et enregistrez-le de nouveau`,
    `${en}: the workbook is damaged and is not read, so that nothing is read in the wrong place; open it in Excel and save it again`
  );
}

/** Why a cell's stored value cannot be read. */
export type ValueFault =
  /** t="s" whose index is not a number or past the shared strings (`count` of them). */
  | { kind: "shared-string"; raw: string; count: number }
  | { kind: "number"; raw: string }
  | { kind: "boolean"; raw: string }
  | { kind: "date"; raw: string };

export function workbookValueInvalid(
  file: string,
  sheet: string,
  cell: string,
  fault: ValueFault
): Problem {
  const raw = excerpt(fault.raw);
  const fr = {
    "shared-string": `la cellule renvoie au texte partagé n° ${quoteFr(raw)}, que le classeur n'a pas (il en a ${countFr(fault.kind === "shared-string" ? fault.count : 0)}, numérotés à partir de 0)`,
    number: `la valeur enregistrée ${quoteFr(raw)} n'est pas un nombre`,
    boolean: `la valeur enregistrée ${quoteFr(raw)} n'est ni VRAI (1) ni FAUX (0)`,
    date: `la valeur enregistrée ${quoteFr(raw)} n'est pas une date`,
  }[fault.kind];
  const en = {
    "shared-string": `the cell refers to shared text number ${quoteEn(raw)}, which the workbook does not have (it has ${countEn(fault.kind === "shared-string" ? fault.count : 0)}, numbered from 0)`,
    number: `the stored value ${quoteEn(raw)} is not a number`,
    boolean: `the stored value ${quoteEn(raw)} is neither TRUE (1) nor FALSE (0)`,
    date: `the stored value ${quoteEn(raw)} is not a date`,
  }[fault.kind];
  return error(
    "workbook-value-invalid",
    { file, sheet, cell },
    `${fr} : le classeur est endommagé et n'est pas lu, pour ne pas lire la cellule vide ; ouvrez-le dans Excel, vérifiez la cellule et enregistrez-le de nouveau`,
    `${en}: the workbook is damaged and is not read, rather than reading the cell as empty; open it in Excel, check the cell and save it again`
  );
}

export function workbookPartTwice(file: string, part: string): Problem {
  return error(
    "workbook-part-twice",
    { file, field: excerpt(part) },
    "cette partie figure deux fois dans l'archive, peut-être avec deux contenus différents : le classeur n'est pas lu, faute de savoir laquelle est la bonne ; ouvrez-le dans Excel et enregistrez-le de nouveau",
    "this part is stored twice in the archive, perhaps with two different contents: the workbook is not read, since which one is right cannot be told; open it in Excel and save it again"
  );
}

/** A study the file reader could not read back once built: refused before anything is written. */
export function studyTooLargeToRead(
  location: Location,
  what: "pairs" | "cells",
  count: number,
  max: number
): Problem {
  const fr = {
    pairs: `${countFr(count)} paires cochées, au-delà des ${countFr(max)} que Segment Matrix sait relire depuis un classeur`,
    cells: `${countFr(count)} cellules dans la matrice (clientèles × besoins), au-delà des ${countFr(max)} que Segment Matrix sait relire depuis un classeur`,
  }[what];
  const en = {
    pairs: `${countEn(count)} ticked pairs, beyond the ${countEn(max)} Segment Matrix can read back from a workbook`,
    cells: `${countEn(count)} cells in the matrix (clientèles × needs), beyond the ${countEn(max)} Segment Matrix can read back from a workbook`,
  }[what];
  return error(
    "study-too-large-to-read",
    location,
    `${fr} : le classeur ne serait pas relu ; divisez l'étude`,
    `${en}: the workbook could not be read back; split the study`
  );
}

// ---------------------------------------------------------------------------------------------
// The client deck and the study's organisation and currency (issue 14).

/** The optional one-line texts of a study that its deliverables show. */
export type StudyTextField = "organisation" | "currency";

const STUDY_TEXT_FIELD: Record<StudyTextField, Bilingual> = {
  organisation: { fr: "l'organisation", en: "the organisation" },
  currency: { fr: "la monnaie", en: "the currency" },
};

export function studyTextNotText(location: Location, field: StudyTextField): Problem {
  return error(
    "study-text-not-text",
    location,
    `${STUDY_TEXT_FIELD[field].fr} doit être un texte, par exemple ${field === "currency" ? '"CHF" ou "€"' : '"Incubateur du Léman"'}`,
    `${STUDY_TEXT_FIELD[field].en} must be a text, for example ${field === "currency" ? '"CHF" or "€"' : '"Lake Geneva Incubator"'}`
  );
}

export function studyTextBadCharacter(location: Location, fault: Bilingual): Problem {
  return error("study-text-bad-character", location, fault.fr, fault.en);
}

export function studyTextTooLong(
  location: Location,
  field: StudyTextField,
  length: number,
  max: number
): Problem {
  return error(
    "study-text-too-long",
    location,
    `${STUDY_TEXT_FIELD[field].fr} compte ${length} caractères : au plus ${max}, raccourcissez-la`,
    `${STUDY_TEXT_FIELD[field].en} has ${length} characters: at most ${max}, shorten it`
  );
}

export function outputForeignDeck(file: string): Problem {
  return error(
    "output-foreign-deck",
    { file },
    "ce fichier existe et n'est pas une présentation faite par Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a deck Segment Matrix made; choose another output file, or add --force to replace it"
  );
}

// ---------------------------------------------------------------------------------------------
// RFM from the client's transactions (issue 15): every row left out is counted and said.

const ROLE_NAMES: Record<"id" | "date" | "amount", Bilingual> = {
  id: { fr: "identifiant client", en: "customer id" },
  date: { fr: "date", en: "date" },
  amount: { fr: "montant", en: "amount" },
};

export function rfmEmpty(file: string): Problem {
  return error(
    "rfm-empty",
    { file },
    "aucune transaction : le fichier est vide ou n'a qu'une ligne d'en-tête",
    "no transactions: the file is empty or holds only a header line"
  );
}

export function rfmNotTable(file: string, reason: string): Problem {
  return error(
    "rfm-not-table",
    { file },
    `ce fichier ne se lit pas comme une table de transactions (${reason}) : donnez un CSV, un TSV, un Parquet ou un classeur .xlsx avec une ligne d'en-tête`,
    `this file does not read as a table of transactions (${reason}): give a CSV, TSV, Parquet file or an .xlsx workbook with a header line`
  );
}

export function rfmColumnMissing(
  file: string,
  role: "id" | "date" | "amount",
  named: string | undefined,
  headers: readonly string[]
): Problem {
  const list = headers.map((h) => `"${h}"`).join(", ");
  const flag = `--columns ${role}=…`;
  return error(
    "rfm-column-missing",
    { file },
    named !== undefined
      ? `pas de colonne ${quoteFr(named)} pour ${ROLE_NAMES[role].fr} ; en-têtes : ${list}`
      : `aucune colonne ne dit ${ROLE_NAMES[role].fr} ; en-têtes : ${list} : nommez-la avec ${flag}`,
    named !== undefined
      ? `no column ${quoteEn(named)} for the ${ROLE_NAMES[role].en}; headers: ${list}`
      : `no column says ${ROLE_NAMES[role].en}; headers: ${list}: name it with ${flag}`
  );
}

export function rfmBlankIds(location: Location, column: string, count: number): Problem {
  return warning(
    "rfm-blank-ids",
    location,
    `${countFr(count)} lignes sans identifiant client (colonne ${quoteFr(column)}) ne sont pas comptées`,
    `${countEn(count)} rows without a customer id (column ${quoteEn(column)}) are not counted`
  );
}

export function rfmBadAmounts(
  location: Location,
  column: string,
  count: number,
  example: string
): Problem {
  return warning(
    "rfm-bad-amounts",
    location,
    `${countFr(count)} lignes dont le montant n'est pas un nombre (colonne ${quoteFr(column)}, par exemple ${quoteFr(example)}) ne sont pas comptées`,
    `${countEn(count)} rows whose amount is not a number (column ${quoteEn(column)}, for example ${quoteEn(example)}) are not counted`
  );
}

export function rfmBadDates(
  location: Location,
  column: string,
  count: number,
  example: string
): Problem {
  return warning(
    "rfm-bad-dates",
    location,
    `${countFr(count)} lignes dont la date ne se lit pas (colonne ${quoteFr(column)}, par exemple ${quoteFr(example)} ; formats lus : 2025-04-03, 03/04/2025, 03.04.2025, numéro de série Excel) ne sont pas comptées`,
    `${countEn(count)} rows whose date does not read (column ${quoteEn(column)}, for example ${quoteEn(example)}; formats read: 2025-04-03, 03/04/2025, 03.04.2025, Excel serial number) are not counted`
  );
}

export function rfmAmbiguousDates(
  location: Location,
  count: number,
  example: string,
  /** Day first (a French study) or month first (an English one). */
  dayFirst: boolean
): Problem {
  return warning(
    "rfm-ambiguous-dates",
    location,
    `${countFr(count)} dates comme ${quoteFr(example)} se lisent de deux façons : lues ${dayFirst ? "jour/mois/année (étude en français)" : "mois/jour/année (étude en anglais)"} ; ${dayFirst ? "--lang en" : "--lang fr"} les lit dans l'autre sens`,
    `${countEn(count)} dates such as ${quoteEn(example)} read two ways: read as ${dayFirst ? "day/month/year (a French study)" : "month/day/year (an English study)"}; ${dayFirst ? "--lang en" : "--lang fr"} reads them the other way`
  );
}

export function rfmReturns(location: Location, count: number): Problem {
  return warning(
    "rfm-returns",
    location,
    `${countFr(count)} montants négatifs (retours) sont déduits du montant de leur client, sans compter comme achats`,
    `${countEn(count)} negative amounts (returns) are deducted from their customer's monetary value, not counted as purchases`
  );
}

export function rfmDuplicates(location: Location, count: number): Problem {
  return warning(
    "rfm-duplicates",
    location,
    `${countFr(count)} lignes répètent exactement une autre ligne (même client, date et montant) : gardées et comptées comme achats ; retirez-les du fichier si ce sont des doublons d'export`,
    `${countEn(count)} rows repeat another row exactly (same customer, date and amount): kept and counted as purchases; remove them from the file if they are export duplicates`
  );
}

export function rfmAfterAnalysis(location: Location, count: number): Problem {
  return warning(
    "rfm-after-analysis",
    location,
    `${countFr(count)} transactions datées du jour d'analyse ou après ne sont pas comptées`,
    `${countEn(count)} transactions dated on or after the analysis date are not counted`
  );
}

export function rfmReturnsOnly(location: Location, count: number): Problem {
  return warning(
    "rfm-returns-only",
    location,
    `${countFr(count)} clients n'ont que des retours, aucun achat : ils ne sont pas notés`,
    `${countEn(count)} customers have returns only, no purchase: they are not scored`
  );
}

export function rfmNoCustomers(file: string): Problem {
  return error(
    "rfm-no-customers",
    { file },
    "aucun client à noter : aucune ligne n'a à la fois un identifiant, une date lisible avant la date d'analyse et un montant",
    "no customer to score: no row has a customer id, a readable date before the analysis date and an amount"
  );
}

export function rfmSingleCustomer(location: Location): Problem {
  return warning(
    "rfm-single-customer",
    location,
    "un seul client : ses scores valent 1 (personne n'est en dessous de lui) ; les scores RFM comparent des clients entre eux",
    "a single customer: its scores are 1 (nobody is below it); RFM scores compare customers with each other"
  );
}

export function rfmBadScoredRow(location: Location): Problem {
  return warning(
    "rfm-bad-scored-row",
    location,
    "ligne de résultat SQL incomplète (identifiant, récence, fréquence, montant et scores R, F, M de 1 à 5 attendus) : pas reprise",
    "incomplete SQL result row (a customer id, recency, frequency, monetary and R, F, M scores from 1 to 5 expected): not taken"
  );
}

export function rfmOutputStudy(file: string): Problem {
  return error(
    "rfm-output-study",
    { file },
    "ce classeur contient une étude (grille, notes, segments) qui serait perdue : écrivez l'analyse RFM dans un autre fichier (--force n'y change rien)",
    "this workbook holds a study (grid, ratings, segments) that would be lost: write the RFM analysis to another file (--force does not change this)"
  );
}

export function rfmClienteleMissing(
  file: string,
  named: string,
  headers: readonly string[]
): Problem {
  const list = headers.map((h) => `"${h}"`).join(", ");
  return error(
    "rfm-clientele-missing",
    { file },
    `pas de colonne ${quoteFr(named)} pour la clientèle (ni d'identifiant client reconnu) ; en-têtes : ${list}`,
    `no column ${quoteEn(named)} for the clientèle (or no customer id column recognised); headers: ${list}`
  );
}

export function rfmUnknownClientele(
  location: Location,
  clientele: string,
  customers: number
): Problem {
  return warning(
    "rfm-unknown-clientele",
    location,
    clientele === ""
      ? `${countFr(customers)} clients acheteurs de l'année n'ont pas de clientèle : ils ne comptent dans aucun segment`
      : `la clientèle ${quoteFr(clientele)} des données n'est pas une clientèle de l'étude : ses ${countFr(customers)} clients acheteurs ne comptent dans aucun segment`,
    clientele === ""
      ? `${countEn(customers)} customers who bought in the year have no clientèle: they count in no segment`
      : `the clientèle ${quoteEn(clientele)} of the data is not a clientèle of the study: its ${countEn(customers)} buying customers count in no segment`
  );
}

export function rfmSegmentUnquantified(location: Location, segment: string): Problem {
  return warning(
    "rfm-segment-unquantified",
    location,
    `le segment ${quoteFr(segment)} : aucun client de ses clientèles n'a acheté dans l'année (ou les retours dépassent les achats) : sa taille, sa fréquence et son panier restent ceux de l'étude`,
    `the segment ${quoteEn(segment)}: no customer of its clientèles bought in the year (or returns exceed purchases): its size, frequency and basket stay the study's`
  );
}

export function rfmClienteleConflict(location: Location, count: number): Problem {
  return warning(
    "rfm-clientele-conflict",
    location,
    `${countFr(count)} clients ont plusieurs clientèles dans les données : la plus récente (ou la première du fichier clients) est retenue`,
    `${countEn(count)} customers have several clientèles in the data: the latest (or the customers file's first) is taken`
  );
}

export function rfmLatin1(location: Location): Problem {
  return warning(
    "rfm-latin1",
    location,
    "le fichier n'est pas en UTF-8 : lu comme un export Windows (Latin-1) ; vérifiez les accents des identifiants",
    "the file is not UTF-8: read as a Windows export (Latin-1); check the accents of the ids"
  );
}

/**
 * The same pair twice: in the study file's pairs (`first` is its index there), or in the ratings
 * (`first` is the row that rates it).
 */
export function pairTwice(
  location: Location,
  clientele: string,
  need: string,
  first: number
): Problem {
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
export function unknownLanguage(location: Location, shown: string): Problem {
  return inCell(location)
    ? workbookLanguageUnknown(location, shown)
    : studyLanguageUnknown(location, shown);
}

/** A palette not of the list: refused in the study file; in the workbook, the default is used. */
export function unknownPalette(location: Location, shown: string): Problem {
  return inCell(location)
    ? workbookPaletteUnknown(location, shown)
    : paletteUnknown(location, shown);
}

/**
 * A rating that is not a level of its scale: in the study file a whole number is expected; in the
 * ratings sheet, a label from the list (or its number).
 */
export function levelNotInScale(scale: Scale, location: Location, shown: string): Problem {
  return inCell(location)
    ? levelUnknown(location, scale, shown)
    : pairLevelOutOfRange(scale, location, shown);
}

// ---- RFM in the task pane (rfm-pane) ----------------------------------------------------------

export function rfmSelectionEmpty(): Problem {
  return error(
    "rfm-selection-empty",
    undefined,
    "La sélection est vide : sélectionnez la table des transactions (identifiant client, date, montant), sa ligne d'en-tête comprise, puis recommencez.",
    "The selection is empty: select the table of transactions (customer id, date, amount), its header line included, then try again."
  );
}

export function rfmSelectionTooLarge(
  sheet: string,
  address: string,
  rows: number,
  limit: number
): Problem {
  const found = count(rows);
  const most = count(limit);
  return error(
    "rfm-selection-too-large",
    { sheet, cell: address },
    `La sélection compte ${found.fr} lignes ; le volet en lit au plus ${most.fr} : pour une table plus longue, utilisez la ligne de commande (segment-matrix rfm).`,
    `The selection holds ${found.en} rows; the pane reads at most ${most.en}: for a longer table, use the command line (segment-matrix rfm).`
  );
}
