/** Every text the picture of the matrix shows, in French (first) and English. */
import { Language } from "../method/levels";
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
}

const fr: PictureTexts = {
  defaultTitle: WORKBOOK_TEXTS.fr.matrix.title,
  legendTitle: "Score",
  legendMeaning:
    "1 : paire la moins intéressante · 100 : la plus intéressante et accessible · vide : non cochée ou pas notée",
  corner: WORKBOOK_TEXTS.fr.ticks.corner,
  footer: (p, i) =>
    `Score = MAX(1 ; ARRONDI(100 × (perception/4)^${formatNumber(p, "fr")} × (impact/4)^${formatNumber(i, "fr")} ; 0)) — Segment Matrix`,
  scoresOmitted: "Trop de colonnes pour lire les scores : voir le classeur pour les nombres.",
  scatteredSegments: (names) => `Segments non délimités (clientèles non adjacentes) : ${names}`,
};

const en: PictureTexts = {
  defaultTitle: WORKBOOK_TEXTS.en.matrix.title,
  legendTitle: "Score",
  legendMeaning:
    "1: least interesting pair · 100: most interesting and accessible · empty: not ticked or not rated",
  corner: WORKBOOK_TEXTS.en.ticks.corner,
  footer: (p, i) =>
    `Score = MAX(1, ROUND(100 × (perception/4)^${formatNumber(p, "en")} × (impact/4)^${formatNumber(i, "en")}, 0)) — Segment Matrix`,
  scoresOmitted: "Too many columns to read the scores: see the workbook for the numbers.",
  scatteredSegments: (names) => `Segments not outlined (clientèles not side by side): ${names}`,
};

export const PICTURE_TEXTS: Record<Language, PictureTexts> = { fr, en };
