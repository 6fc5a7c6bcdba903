/**
 * The legend line of the competition markers (method/competition-look.ts), the same words in the
 * picture, the deck and the client workbook, French first.
 */
import { Language } from "../method/levels";
import { competitionLevelsText } from "../method/competition-look";

export function competitionLegend(language: Language): string {
  return language === "fr"
    ? `Concurrence de chaque paire notée : ${competitionLevelsText("fr")}`
    : `Competition of each scored pair: ${competitionLevelsText("en")}`;
}
