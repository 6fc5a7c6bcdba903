/**
 * The legend line of the competition markers (method/competition-look.ts), the same words in the
 * picture, the deck and the client workbook, French first.
 */
import { Language } from "../method/levels";
import { competitionLevelsText } from "../method/competition-look";

export function competitionLegend(language: Language): string {
  return language === "fr"
    ? `Concurrence (en coin de case) : ${competitionLevelsText("fr")}`
    : `Competition (in the cell's corner): ${competitionLevelsText("en")}`;
}
