import { PERCEPTION, IMPACT, levelRange } from "./levels";
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

/** The score as an Excel formula over four sub-expressions (no leading "="). */
export function scoreFormula(
  perception: string,
  impact: string,
  weightPerception: string,
  weightImpact: string
): string {
  return (
    `MAX(${SCORE_MIN},ROUND(${SCORE_SCALE}*(${perception}/${PERCEPTION_MAX})^${weightPerception}` +
    `*(${impact}/${IMPACT_MAX})^${weightImpact},0))`
  );
}

/** The colour scale of the score matrix: dark orange (worst) → yellow → dark green (best). */
export interface ColourStop {
  value: number;
  colour: string;
}
export const SCORE_COLOUR_STOPS: readonly [ColourStop, ColourStop, ColourStop] = [
  { value: 0, colour: "#C55A11" },
  { value: 50, colour: "#FFEB84" },
  { value: 100, colour: "#548235" },
];

/** The fill a 3-colour scale gives a value (linear RGB interpolation between stops, as Excel draws it). */
export function scaleColour(
  value: number,
  stops: readonly ColourStop[] = SCORE_COLOUR_STOPS
): string {
  const clamped = Math.min(Math.max(value, stops[0].value), stops[stops.length - 1].value);
  let index = 0;
  while (index < stops.length - 2 && clamped > stops[index + 1].value) index++;
  const low = stops[index];
  const high = stops[index + 1];
  const t = high.value === low.value ? 0 : (clamped - low.value) / (high.value - low.value);
  const a = hexToRgb(low.colour);
  const b = hexToRgb(high.colour);
  const mix = a.map((channel, i) => Math.round(channel + (b[i] - channel) * t));
  return "#" + mix.map((channel) => channel.toString(16).padStart(2, "0").toUpperCase()).join("");
}

export function hexToRgb(hex: string): [number, number, number] {
  const digits = hex.replace("#", "");
  return [0, 2, 4].map((at) => parseInt(digits.slice(at, at + 2), 16)) as [number, number, number];
}

/** WCAG contrast ratio between two colours (1–21); 4.5 is the bar for normal text. */
export function contrastRatio(first: string, second: string): number {
  const luminance = (hex: string): number => {
    const [r, g, b] = hexToRgb(hex).map((channel) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
