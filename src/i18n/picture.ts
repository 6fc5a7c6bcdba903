/** Every text the picture of the matrix shows, in French (first) and English. */
import { Language } from "../method/levels";
import { SCORE_MIN, SCORE_SCALE, scoreRuleText } from "../method/score";
import { WORKBOOK_TEXTS } from "./workbook";
import { formatNumber } from "./numbers";

export interface PictureTexts {
  /** When the study has no title: the matrix sheet's own title. */
  defaultTitle: string;
  legendTitle: string;
  /** The level meaning, in one line under the colour bar. */
  legendMeaning: string;
  corner: string;
  /** Weights p and i, then the generator's name. */
  footer: (perception: number, impact: number) => string;
  scoresOmitted: string;
  scatteredSegments: (names: string) => string;
  /** What italics and dotted borders mean (a study with evidence only): the client workbook's line. */
  hypotheses: string;
  /** When asked for competition markers that would be too small to read. */
  competitionOmitted: string;
}

const fr: PictureTexts = {
  defaultTitle: WORKBOOK_TEXTS.fr.matrix.title,
  legendTitle: "Score",
  legendMeaning: `${SCORE_MIN} : paire la moins intéressante · ${SCORE_SCALE} : la plus intéressante et accessible · vide : non cochée ou pas notée`,
  corner: WORKBOOK_TEXTS.fr.ticks.corner,
  footer: (p, i) =>
    `Score = ${scoreRuleText("fr", formatNumber(p, "fr"), formatNumber(i, "fr"))} — Segment Matrix`,
  scoresOmitted: "Trop de colonnes pour lire les scores : voir le classeur pour les nombres.",
  scatteredSegments: (names) => `Segments non délimités (clientèles non adjacentes) : ${names}`,
  hypotheses: WORKBOOK_TEXTS.fr.export.hypotheses,
  competitionOmitted: `Cases trop petites pour y lire la concurrence : voir la feuille ${WORKBOOK_TEXTS.fr.sheets.ratings} pour les niveaux.`,
};

const en: PictureTexts = {
  defaultTitle: WORKBOOK_TEXTS.en.matrix.title,
  legendTitle: "Score",
  legendMeaning: `${SCORE_MIN}: least interesting pair · ${SCORE_SCALE}: most interesting and accessible · empty: not ticked or not rated`,
  corner: WORKBOOK_TEXTS.en.ticks.corner,
  footer: (p, i) =>
    `Score = ${scoreRuleText("en", formatNumber(p, "en"), formatNumber(i, "en"))} — Segment Matrix`,
  scoresOmitted: "Too many columns to read the scores: see the workbook for the numbers.",
  scatteredSegments: (names) => `Segments not outlined (clientèles not side by side): ${names}`,
  hypotheses: WORKBOOK_TEXTS.en.export.hypotheses,
  competitionOmitted: `Cells too small to read the competition: see the ${WORKBOOK_TEXTS.en.sheets.ratings} sheet for the levels.`,
};

export const PICTURE_TEXTS: Record<Language, PictureTexts> = { fr, en };
