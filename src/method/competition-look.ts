/**
 * How the picture, the deck and the client workbook show a pair's competition when asked
 * (`--competition`, docs/method.md §3): a short text marker "C0"–"C4" — the level's number after
 * the letter both languages' word starts with (Concurrence, Competition) — small in a corner of
 * the cell. Text, not colour or dots: it reads at a glance, prints in black and white, and every
 * host (SVG, PowerPoint table cell, Excel number format) can write it the same way.
 */
import { COMPETITION, Language } from "./levels";
import { Pair, isRated } from "./study";

/** The letter before the level: the first letter of "Concurrence" and of "Competition". */
export const COMPETITION_LETTER = "C";

/** The marker of a competition level: "C3". */
export function competitionMarker(level: number): string {
  return `${COMPETITION_LETTER}${level}`;
}

/**
 * The level a cell of the matrix shows: only a scored pair (ticked and rated on both criteria, so
 * its cell is drawn) with a competition level; none otherwise.
 */
export function shownCompetition(pair: Pair): number | undefined {
  return isRated(pair) && pair.competition !== undefined ? pair.competition : undefined;
}

/** "C0 Inexistante · C1 Faible · …": each level's marker and label, for the legend line. */
export function competitionLevelsText(language: Language): string {
  return COMPETITION.levels
    .map((level) => `${competitionMarker(level.value)} ${level[language]}`)
    .join(" · ");
}
