import { IMPACT, Language, PERCEPTION, levelRange } from "./levels";
import { Weights } from "./study";

/**
 * The score of a rated pair, 1–100 as the method says: 100 × (perception/4)^wp × (impact/4)^wi,
 * rounded as Excel's ROUND, and at least 1 (heavy weights would otherwise round a weak pair to 0).
 * The workbook formula text is generated from the same constants (scoreFormula) and tested against this.
 */
export const SCORE_SCALE = 100;
export const SCORE_MIN = 1;
export const PERCEPTION_MAX = levelRange(PERCEPTION).max;
export const IMPACT_MAX = levelRange(IMPACT).max;

export function pairScore(perception: number, impact: number, weights: Weights): number {
  const raw =
    SCORE_SCALE *
    Math.pow(perception / PERCEPTION_MAX, weights.perception) *
    Math.pow(impact / IMPACT_MAX, weights.impact);
  return Math.max(SCORE_MIN, excelRound(raw));
}

/** Excel's ROUND(x, 0): halves away from zero, after Excel's 15-significant-digit view of the number. */
export function excelRound(value: number): number {
  if (!Number.isFinite(value)) return value;
  const shown = Number(Math.abs(value).toPrecision(15));
  return Math.sign(value) * Math.round(shown);
}

/** How the score's expression is written: as Excel reads it, or as a person reads it. */
interface Notation {
  max: string;
  round: string;
  separator: string;
  times: string;
}

const EXCEL_NOTATION: Notation = { max: "MAX", round: "ROUND", separator: ",", times: "*" };

/** The rule as the workbook's and the picture's texts state it, in each language's own words. */
const SPOKEN_NOTATION: Record<Language, Notation> = {
  fr: { max: "MAX", round: "ARRONDI", separator: " ; ", times: " × " },
  en: { max: "MAX", round: "ROUND", separator: ", ", times: " × " },
};

/** The one definition of the score's expression, in either notation. */
function scoreExpression(
  perception: string,
  impact: string,
  weightPerception: string,
  weightImpact: string,
  n: Notation
): string {
  return (
    `${n.max}(${SCORE_MIN}${n.separator}${n.round}(${SCORE_SCALE}${n.times}(${perception}/${PERCEPTION_MAX})^${weightPerception}` +
    `${n.times}(${impact}/${IMPACT_MAX})^${weightImpact}${n.separator}0))`
  );
}

/** The score as an Excel formula over four sub-expressions (no leading "="). */
export function scoreFormula(
  perception: string,
  impact: string,
  weightPerception: string,
  weightImpact: string
): string {
  return scoreExpression(perception, impact, weightPerception, weightImpact, EXCEL_NOTATION);
}

/**
 * The rule as a sentence shows it, e.g. "MAX(1 ; ARRONDI(100 × (perception/4)^poids × …; 0))":
 * the weights are words ("poids") or the study's figures.
 */
export function scoreRuleText(
  language: Language,
  weightPerception: string,
  weightImpact: string
): string {
  return scoreExpression(
    "perception",
    "impact",
    weightPerception,
    weightImpact,
    SPOKEN_NOTATION[language]
  );
}
