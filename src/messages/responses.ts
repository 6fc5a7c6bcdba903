/**
 * Messages of evidence from responses (survey answers, workshop votes), docs/method.md §3.3.
 */
import type { Scale } from "../method/levels";
import { Location, quoteEn, quoteFr } from "./problem";
import { error, pairEn, pairFr, warning } from "./shared";

// Evidence from responses (survey answers, workshop votes), docs/method.md §3.3.

/** A pair's `evidence` that is not {n: whole number ≥ 1, feel: 0 to 1, source?: text}. */
export function pairEvidenceInvalid(location: Location, shown: string) {
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
) {
  return error(
    "responses-column-missing",
    { file },
    `ligne ${headerRow} (en-têtes) : il manque la colonne ${quoteFr(column.fr)} (ou ${quoteFr(column.en)}) ; les colonnes attendues sont répondant, clientèle, besoin, ressent, et au choix perception, impact, concurrence`,
    `row ${headerRow} (headers): the column ${quoteEn(column.en)} (or ${quoteEn(column.fr)}) is missing; the columns expected are respondent, clientele, need, feels, and optionally perception, impact, competition`
  );
}

export function responsesColumnDuplicate(file: string, header: string, headerRow: number) {
  return error(
    "responses-column-duplicate",
    { file },
    `ligne ${headerRow} (en-têtes) : la colonne ${quoteFr(header)} est donnée deux fois ; gardez-en une seule`,
    `row ${headerRow} (headers): the column ${quoteEn(header)} is given twice; keep only one`
  );
}

export function responsesNoRows(file: string) {
  return error(
    "responses-no-rows",
    { file },
    "aucune réponse : le fichier n'a pas de ligne d'en-têtes suivie de lignes de réponses",
    "no responses: the file has no header row followed by rows of responses"
  );
}

export function responsesTooLarge(file: string, what: "bytes" | "cells", limit: number) {
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
export function responsesCsvQuote(file: string, line: number, kind: "open" | "after") {
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

export function responseRespondentEmpty(file: string, row: number) {
  return warning(
    "response-respondent-empty",
    { file },
    `ligne ${row} : le répondant est vide ; ligne non comptée : nommez ou numérotez le répondant`,
    `row ${row}: the respondent is empty; row not counted: name or number the respondent`
  );
}

export function responseNameEmpty(file: string, row: number, missing: "clientele" | "need") {
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

export function responseFeelsUnknown(file: string, row: number, value: string) {
  return warning(
    "response-feels-unknown",
    { file },
    `ligne ${row} : ${quoteFr(value)} n'est pas une réponse à « ressent » ; ligne non comptée : écrivez X, oui ou 1 pour oui, et laissez vide ou écrivez non ou 0 pour non`,
    `row ${row}: ${quoteEn(value)} is not an answer to "feels"; row not counted: write X, yes or 1 for yes, and leave it empty or write no or 0 for no`
  );
}

export function responseLevelUnknown(file: string, row: number, scale: Scale, value: string) {
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
) {
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
) {
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
export function ratingEvidenceInvalid(location: Location, field: "n" | "feel", shown: string) {
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

// The *Réponses* sheet and *Intégrer les réponses* in the pane.

/** The pane integrates responses into a study the workbook holds. */
export function responsesNeedStudy() {
  return error(
    "responses-need-study",
    undefined,
    "Intégrer les réponses : ce classeur n'a pas encore d'étude lisible ; construisez-la d'abord à partir des listes (ou corrigez ce qui est signalé), puis intégrez les réponses.",
    "Integrate responses: this workbook has no readable study yet; build it from the lists first (or fix what is reported), then integrate the responses."
  );
}

/** The responses sheet's filled area is larger than the pane reads. */
export function responsesSheetTooLarge(sheet: string, address: string, limit: number) {
  return error(
    "responses-sheet-too-large",
    { sheet, cell: address },
    `La feuille ${quoteFr(sheet)} a des cellules remplies sur ${address}, plus de ${limit} cellules : au-delà de ce que des réponses d'enquête ou d'atelier occupent. Supprimez ce qui dépasse les réponses, ou intégrez-les en ligne de commande (responses).`,
    `The sheet ${quoteEn(sheet)} has filled cells over ${address}, more than ${limit} cells: beyond what survey or workshop responses take. Delete what lies past the responses, or integrate them on the command line (responses).`
  );
}

/** A name of the responses the study lacks, as the pane says it (it offers to add them). */
export function responsesUnknownNameInSheet(
  sheet: string,
  row: number,
  kind: "clientele" | "need",
  name: string
) {
  const what =
    kind === "clientele"
      ? { fr: "la clientèle", en: "the clientèle" }
      : { fr: "le besoin", en: "the need" };
  return error(
    "responses-unknown-name-in-sheet",
    { sheet, cell: `A${row}` },
    `ligne ${row} : ${what.fr} ${quoteFr(name)} n'est pas dans l'étude : corrigez le nom (la casse et les espaces autour ne comptent pas), ou acceptez de l'ajouter quand le volet le propose`,
    `row ${row}: ${what.en} ${quoteEn(name)} is not in the study: correct the name (case and surrounding spaces do not matter), or accept to add it when the pane offers to`
  );
}
