/**
 * The words of `responses` in French (first) and English: how many pairs the responses back,
 * the ticks added and removed, each rating changed before → after, and the rows not counted.
 * Plain spaces (the command line prints these).
 */
import { PairChange, PairState, ResponsesOutcome } from "../analysis/responses";
import { Criterion, Language, SCALES, levelRange } from "../method/levels";
import { quoteEn, quoteFr } from "../messages";

const CRITERIA: readonly Criterion[] = ["perception", "impact", "competition"];
/** Row numbers listed one by one before the rest are summed up. */
const ROWS_SHOWN = 30;

function share(value: number, language: Language): string {
  const percent = Math.round(value * 1000) / 10;
  return language === "fr" ? `${String(percent).replace(".", ",")} %` : `${percent}%`;
}

function pairName(change: PairChange, language: Language): string {
  const quote = language === "fr" ? quoteFr : quoteEn;
  return `(${quote(change.clientele)}, ${quote(change.need)})`;
}

function ratings(state: PairState, language: Language): string {
  const given = CRITERIA.filter((criterion) => state[criterion] !== undefined).map(
    (criterion) => `${SCALES[criterion].header[language].toLowerCase()} ${state[criterion]}`
  );
  if (given.length > 0) return given.join(", ");
  return language === "fr" ? "non notée" : "unrated";
}

/** One line per change: a tick added or removed, or the ratings that moved. */
export function describeChange(change: PairChange, language: Language): string {
  const fr = language === "fr";
  // A tick or rating that was there and came from no responses: the consultant's own judgement.
  const hand =
    change.handMade && change.before.ticked
      ? fr
        ? " (saisie à la main)"
        : " (typed by hand)"
      : "";
  const { before, after } = change;
  let what: string;
  if (!before.ticked)
    what = fr
      ? `coche ajoutée, ${ratings(after, language)}`
      : `tick added, ${ratings(after, language)}`;
  else if (!after.ticked)
    what = fr
      ? `coche retirée (était ${ratings(before, language)})`
      : `tick removed (was ${ratings(before, language)})`;
  else
    what = CRITERIA.filter((criterion) => before[criterion] !== after[criterion])
      .map(
        (criterion) =>
          `${SCALES[criterion].header[language].toLowerCase()} ${before[criterion] ?? "—"} → ${after[criterion] ?? "—"}`
      )
      .join(", ");
  return `  ${pairName(change, language)}${fr ? " : " : ": "}${what}${hand}`;
}

export interface ResponsesSummary {
  outcome: ResponsesOutcome;
  threshold: number;
  respondents: number;
  rowsCounted: number;
  badRows: readonly number[];
}

/** "1 paire appuyée", "3 paires appuyées", "0 paire" (French: singular up to 1; English: at 1). */
function counted(count: number, one: string, many: string, language: Language): string {
  const singular = language === "fr" ? count <= 1 : count === 1;
  return `${count} ${singular ? one : many}`;
}

/** What the command did, line by line. */
export function describeResponses(summary: ResponsesSummary, language: Language): string[] {
  const { outcome, threshold, respondents, rowsCounted, badRows } = summary;
  const fr = language === "fr";
  const c = (count: number, one: string, many: string): string =>
    counted(count, one, many, language);
  const added = outcome.changes.filter((change) => !change.before.ticked).length;
  const removed = outcome.changes.filter((change) => !change.after.ticked).length;
  const rated = outcome.changes.filter((ch) => ch.before.ticked && ch.after.ticked).length;
  const notTicked = outcome.backed - outcome.ticked;
  const lines = [
    fr
      ? `${c(outcome.backed, "paire appuyée", "paires appuyées")} par ${c(respondents, "répondant", "répondants")} (${c(rowsCounted, "ligne comptée", "lignes comptées")}) : ${c(outcome.ticked, "cochée", "cochées")}, ${c(notTicked, "non cochée", "non cochées")} (seuil ${share(threshold, language)})`
      : `${c(outcome.backed, "pair", "pairs")} backed by ${c(respondents, "respondent", "respondents")} (${c(rowsCounted, "row", "rows")} counted): ${outcome.ticked} ticked, ${notTicked} not ticked (threshold ${share(threshold, language)})`,
    fr
      ? `${c(added, "coche ajoutée", "coches ajoutées")}, ${c(removed, "retirée", "retirées")}, ${c(rated, "paire aux notes changées", "paires aux notes changées")}`
      : `${c(added, "tick", "ticks")} added, ${removed} removed, ${c(rated, "pair", "pairs")} with ratings changed`,
    ...outcome.changes.map((change) => describeChange(change, language)),
  ];
  const clienteles = outcome.added.clienteles.length;
  const needs = outcome.added.needs.length;
  if (clienteles + needs > 0)
    lines.push(
      fr
        ? `${c(clienteles, "clientèle", "clientèles")} et ${c(needs, "besoin", "besoins")} ${clienteles + needs > 1 ? "ajoutés" : "ajouté"}`
        : `${c(clienteles, "clientèle", "clientèles")} and ${c(needs, "need", "needs")} added`
    );
  if (badRows.length > 0) {
    const shown = badRows.slice(0, ROWS_SHOWN).join(", ");
    const more = badRows.length > ROWS_SHOWN ? "…" : "";
    lines.push(
      fr
        ? `${c(badRows.length, "ligne non comptée", "lignes non comptées")} : ${shown}${more}`
        : `${c(badRows.length, "row", "rows")} not counted: ${shown}${more}`
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The *Réponses* sheet (layout/sheets/responses.ts) and *Intégrer les réponses* in the pane.

/** "1 à 4", "0 to 4": a scale's levels as the sheet's instruction states them. */
function rangeText(criterion: Criterion, language: Language): string {
  const { min, max } = levelRange(SCALES[criterion]);
  return language === "fr" ? `${min} à ${max}` : `${min} to ${max}`;
}

export interface ResponsesSheetTexts {
  /** The sheet's name when the pane adds it. */
  name: string;
  title: string;
  /** What to paste and how, one line each. */
  instructions: string[];
}

export function responsesSheetTexts(language: Language): ResponsesSheetTexts {
  const levels = CRITERIA.map(
    (criterion) =>
      `${SCALES[criterion].header[language].toLowerCase()} (${rangeText(criterion, language)})`
  ).join(", ");
  return language === "fr"
    ? {
        name: "Réponses",
        title: "Réponses d'enquête ou d'atelier",
        instructions: [
          `Collez sous les en-têtes une ligne par répondant et par paire, les noms de clientèle et de besoin écrits comme dans l'étude ; ressent : X, oui ou 1 si le répondant ressent le besoin, vide, non ou 0 sinon ; ${levels} : un niveau ou son libellé, facultatifs.`,
          "Puis, dans le volet Segment Matrix : Intégrer les réponses. Cette feuille est la vôtre : construire ou actualiser l'étude n'y touche jamais.",
        ],
      }
    : {
        name: "Responses",
        title: "Survey or workshop responses",
        instructions: [
          `Paste under the headers one row per respondent and pair, the clientèle and need names written as in the study; feels: X, yes or 1 when the respondent feels the need, empty, no or 0 otherwise; ${levels}: a level or its label, optional.`,
          "Then, in the Segment Matrix pane: Integrate responses. This sheet is yours: building or refreshing the study never touches it.",
        ],
      };
}

/** Every name the sheet may have (the pane looks for it by its table first, then by these). */
export const RESPONSES_SHEET_NAMES: readonly string[] = [
  responsesSheetTexts("fr").name,
  responsesSheetTexts("en").name,
];

/** The pane's words for *Intégrer les réponses* (src/taskpane/ResponsesDialog.tsx, responses-actions.ts). */
export interface ResponsesPaneTexts {
  button: string;
  /** Under the button: where the responses come from. */
  hint: string;
  /** The share of respondents feeling a need from which the pair is ticked, in per cent. */
  threshold: string;
  /** Said when the threshold typed is not a whole number from 1 to 100. */
  thresholdInvalid: string;
  sheetAdded: (sheet: string) => string;
  noRows: (sheet: string) => string;
  done: string;
  /** The responses changed between the question and the answer: asked again. */
  changedSince: string;
  dialog: {
    title: string;
    intro: (handMade: number, unknown: number) => string;
    handMade: string;
    unknown: string;
    clientele: (name: string) => string;
    need: (name: string) => string;
    badRows: (count: number) => string;
    apply: string;
    addAndApply: string;
    cancel: string;
  };
}

const NBSP = "\u00a0";

export function responsesPaneTexts(language: Language): ResponsesPaneTexts {
  if (language === "fr") {
    const q = (text: string): string => `«${NBSP}${text}${NBSP}»`;
    return {
      button: "Intégrer les réponses",
      hint: `Réponses d'enquête ou votes d'atelier collés dans la feuille Réponses${NBSP}: ils cochent et notent les paires qu'ils mentionnent, avec leur poids (n, % qui ressentent).`,
      threshold: "Cocher à partir de (% qui ressentent)",
      thresholdInvalid: "Un nombre entier de 1 à 100.",
      sheetAdded: (sheet) =>
        `Feuille ${q(sheet)} ajoutée${NBSP}: collez-y les réponses sous les en-têtes (une ligne par répondant et par paire), puis cliquez de nouveau sur Intégrer les réponses. Cette feuille est la vôtre${NBSP}: construire ou actualiser l'étude n'y touche jamais.`,
      noRows: (sheet) =>
        `La feuille ${q(sheet)} n'a pas encore de réponses${NBSP}: collez-les sous ses en-têtes, puis cliquez de nouveau sur Intégrer les réponses.`,
      done: "Réponses intégrées",
      changedSince: `Les réponses ou l'étude ont changé depuis la question${NBSP}: relisez ce qui change, puis confirmez de nouveau.`,
      dialog: {
        title: `Intégrer les réponses${NBSP}?`,
        intro: (handMade, unknown) =>
          [
            handMade > 0
              ? `Les réponses changent ${handMade} ${handMade > 1 ? "paires saisies" : "paire saisie"} à la main (avant → après).`
              : "",
            unknown > 0
              ? `Elles nomment ${unknown} ${unknown > 1 ? "clientèles ou besoins absents" : "clientèle ou besoin absent"} de l'étude${NBSP}: les ajouter, ou annuler et corriger les noms dans la feuille.`
              : "",
          ]
            .filter((line) => line !== "")
            .join(" "),
        handMade: "Saisies à la main que les réponses changent",
        unknown: "Noms absents de l'étude",
        clientele: (name) => `Clientèle ${q(name)}`,
        need: (name) => `Besoin ${q(name)}`,
        badRows: (count) =>
          `${count} ${count > 1 ? "lignes ne sont pas comptées" : "ligne n'est pas comptée"} (voir les messages).`,
        apply: "Intégrer",
        addAndApply: "Ajouter ces noms et intégrer",
        cancel: "Annuler",
      },
    };
  }
  const q = (text: string): string => `"${text}"`;
  return {
    button: "Integrate responses",
    hint: "Survey answers or workshop votes pasted into the Responses sheet: they tick and rate the pairs they mention, with their weight (n, % feeling).",
    threshold: "Tick from (% feeling)",
    thresholdInvalid: "A whole number from 1 to 100.",
    sheetAdded: (sheet) =>
      `Sheet ${q(sheet)} added: paste the responses under its headers (one row per respondent and pair), then click Integrate responses again. This sheet is yours: building or refreshing the study never touches it.`,
    noRows: (sheet) =>
      `The sheet ${q(sheet)} has no responses yet: paste them under its headers, then click Integrate responses again.`,
    done: "Responses integrated",
    changedSince:
      "The responses or the study changed since the question: read what changes, then confirm again.",
    dialog: {
      title: "Integrate the responses?",
      intro: (handMade, unknown) =>
        [
          handMade > 0
            ? `The responses change ${handMade} ${handMade > 1 ? "pairs" : "pair"} typed by hand (before → after).`
            : "",
          unknown > 0
            ? `They name ${unknown} ${unknown > 1 ? "clientèles or needs" : "clientèle or need"} the study lacks: add them, or cancel and correct the names in the sheet.`
            : "",
        ]
          .filter((line) => line !== "")
          .join(" "),
      handMade: "Typed by hand, changed by the responses",
      unknown: "Names the study lacks",
      clientele: (name) => `Clientèle ${q(name)}`,
      need: (name) => `Need ${q(name)}`,
      badRows: (count) =>
        `${count} ${count > 1 ? "rows are" : "row is"} not counted (see the messages).`,
      apply: "Integrate",
      addAndApply: "Add these names and integrate",
      cancel: "Cancel",
    },
  };
}
