/**
 * The colour scales a score matrix can be drawn with, and the text colour that stays readable on
 * each fill. `default` is the method's dark orange → dark green; `colourblind` keeps the same worst
 * and middle colours and ends in dark blue, because dark orange and dark green look almost alike to
 * people with protanopia or deuteranopia (see test/unit/palette.test.ts for the figures).
 * Pure data and one function; the fill itself is always `scaleColour(score, palette.stops)`.
 */
import { Bilingual } from "./levels";
import { ColourStop, SCORE_COLOUR_STOPS } from "./score";

export type PaletteName = "default" | "colourblind";
export const PALETTE_NAMES: readonly PaletteName[] = ["default", "colourblind"];

export const BLACK_TEXT = "#000000";
export const WHITE_TEXT = "#FFFFFF";

/**
 * Which scores get white text; every other score gets black. Thresholds on the score, strict
 * (`score < whiteTextBelow`, `score > whiteTextAbove`), so that a live Excel conditional format
 * ("cell value less than / greater than") can say exactly the same thing.
 */
export interface TextColourRule {
  whiteTextBelow?: number;
  whiteTextAbove?: number;
}

export interface Palette {
  name: PaletteName;
  stops: readonly [ColourStop, ColourStop, ColourStop];
  text: TextColourRule;
  /** What the scale runs through, for a legend or a menu. */
  label: Bilingual;
}

export const PALETTES: Record<PaletteName, Palette> = {
  default: {
    name: "default",
    stops: SCORE_COLOUR_STOPS,
    // Black text reaches 4.5:1 on every fill of this scale, dark orange included.
    text: {},
    label: { fr: "orange foncé → jaune → vert foncé", en: "dark orange → yellow → dark green" },
  },
  colourblind: {
    name: "colourblind",
    stops: [
      { value: 0, colour: "#C55A11" },
      { value: 50, colour: "#FFEB84" },
      // Excel's "Blue, Accent 1, darker 25%": a blue every office user has seen; dark enough to
      // stay far from the yellow middle under tritanopia too.
      { value: 100, colour: "#2F5597" },
    ],
    // Black falls under 4.5:1 from score 89 on, where the blue darkens; white reaches it from 88.
    text: { whiteTextAbove: 88 },
    label: {
      fr: "orange foncé → jaune → bleu (lisible par les daltoniens)",
      en: "dark orange → yellow → blue (colour-blind safe)",
    },
  },
};

export function isPaletteName(text: string): text is PaletteName {
  return (PALETTE_NAMES as readonly string[]).includes(text);
}

/** The text colour for a score's cell under a palette's rule. */
export function textColour(score: number, rule: TextColourRule): string {
  const white =
    (rule.whiteTextBelow !== undefined && score < rule.whiteTextBelow) ||
    (rule.whiteTextAbove !== undefined && score > rule.whiteTextAbove);
  return white ? WHITE_TEXT : BLACK_TEXT;
}
