/**
 * The words of `responses` in French (first) and English: how many pairs the responses back,
 * the ticks added and removed, each rating changed before → after, and the rows not counted.
 * Plain spaces (the command line prints these).
 */
import { PairChange, PairState, ResponsesOutcome } from "../analysis/responses";
import { Criterion, Language, SCALES } from "../method/levels";
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

/** What the command did, line by line. */
export function describeResponses(summary: ResponsesSummary, language: Language): string[] {
  const { outcome, threshold, respondents, rowsCounted, badRows } = summary;
  const fr = language === "fr";
  const added = outcome.changes.filter((c) => !c.before.ticked).length;
  const removed = outcome.changes.filter((c) => !c.after.ticked).length;
  const rated = outcome.changes.filter((c) => c.before.ticked && c.after.ticked).length;
  const lines = [
    fr
      ? `${outcome.backed} paires appuyées par ${respondents} répondants (${rowsCounted} lignes comptées) : ${outcome.ticked} cochées, ${outcome.backed - outcome.ticked} non cochées (seuil ${share(threshold, language)})`
      : `${outcome.backed} pairs backed by ${respondents} respondents (${rowsCounted} rows counted): ${outcome.ticked} ticked, ${outcome.backed - outcome.ticked} not ticked (threshold ${share(threshold, language)})`,
    fr
      ? `${added} coches ajoutées, ${removed} retirées, ${rated} paires aux notes changées`
      : `${added} ticks added, ${removed} removed, ${rated} pairs with ratings changed`,
    ...outcome.changes.map((change) => describeChange(change, language)),
  ];
  if (outcome.added.clienteles.length + outcome.added.needs.length > 0)
    lines.push(
      fr
        ? `${outcome.added.clienteles.length} clientèles et ${outcome.added.needs.length} besoins ajoutés`
        : `${outcome.added.clienteles.length} clientèles and ${outcome.added.needs.length} needs added`
    );
  if (badRows.length > 0) {
    const shown = badRows.slice(0, ROWS_SHOWN).join(", ");
    const more = badRows.length > ROWS_SHOWN ? "…" : "";
    lines.push(
      fr
        ? `${badRows.length} lignes non comptées : ${shown}${more}`
        : `${badRows.length} rows not counted: ${shown}${more}`
    );
  }
  return lines;
}
