/**
 * The colours of the score (docs/method.md §3: dark orange for the worst pair, dark green for the best),
 * in one place: the named colours, the scale's stops, the palettes built from them with their
 * labels, the fill a score gets (`scaleColour`), the text colour that stays readable on it and the
 * WCAG contrast behind that choice. Every legend, menu and note that names a palette's colours
 * takes them from here, so a colour changed here changes everywhere it is drawn or said.
 */
import { Bilingual, Language } from "./levels";
import { SCORE_SCALE } from "./score";

/** A colour of a scale and what people call it. */
export interface NamedColour {
  hex: string;
  name: Bilingual;
}

const DARK_ORANGE: NamedColour = {
  hex: "#C55A11",
  name: { fr: "orange foncé", en: "dark orange" },
};
const YELLOW: NamedColour = { hex: "#FFEB84", name: { fr: "jaune", en: "yellow" } };
const DARK_GREEN: NamedColour = { hex: "#548235", name: { fr: "vert foncé", en: "dark green" } };
// Excel's "Blue, Accent 1, darker 25%": a blue every office user has seen; dark enough to stay far
// from the yellow middle under tritanopia too.
const BLUE: NamedColour = { hex: "#2F5597", name: { fr: "bleu", en: "blue" } };

/** A point of a colour scale: the fill at that score. */
export interface ColourStop {
  value: number;
  colour: string;
}

/** Worst, middle and best, as every scale of the matrix has them. */
export type Three<T> = readonly [T, T, T];

/** Where the three stops sit on the score: the floor, the middle and the top of the scale. */
const STOP_VALUES: Three<number> = [0, SCORE_SCALE / 2, SCORE_SCALE];

/** What the worst and best stops mean, whatever their colour. */
const STOP_MEANINGS: Three<Bilingual | undefined> = [
  { fr: "paire la moins intéressante", en: "least interesting pair" },
  undefined,
  { fr: "paire la plus intéressante et accessible", en: "most interesting and accessible pair" },
];

/** The method's colours: dark orange (worst) → yellow → dark green (best). */
const SCORE_COLOURS: Three<NamedColour> = [DARK_ORANGE, YELLOW, DARK_GREEN];

/** The method's scale, the one every palette starts from. */
export const SCORE_COLOUR_STOPS: Three<ColourStop> = [
  { value: STOP_VALUES[0], colour: SCORE_COLOURS[0].hex },
  { value: STOP_VALUES[1], colour: SCORE_COLOURS[1].hex },
  { value: STOP_VALUES[2], colour: SCORE_COLOURS[2].hex },
];

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
  stops: Three<ColourStop>;
  /** The stops' colours as people name them, worst first. */
  colours: Three<NamedColour>;
  text: TextColourRule;
  /** What the scale runs through, for a legend or a menu: generated from its colours. */
  label: Bilingual;
}

/** A palette: the method's worst and middle stops, then its own best colour. */
function palette(
  name: PaletteName,
  best: NamedColour,
  text: TextColourRule,
  note?: Bilingual
): Palette {
  const colours: Three<NamedColour> = [SCORE_COLOURS[0], SCORE_COLOURS[1], best];
  const [worst, middle, top] = SCORE_COLOUR_STOPS;
  const stops: Three<ColourStop> =
    best === SCORE_COLOURS[2]
      ? SCORE_COLOUR_STOPS
      : [worst, middle, { value: top.value, colour: best.hex }];
  const label = (language: Language): string =>
    colours.map((colour) => colour.name[language]).join(" → ") +
    (note ? ` (${note[language]})` : "");
  return { name, stops, colours, text, label: { fr: label("fr"), en: label("en") } };
}

/**
 * `default` is the method's dark orange → dark green; `colourblind` keeps the same worst and middle
 * colours and ends in blue, because dark orange and dark green look almost alike to people with
 * protanopia or deuteranopia (see test/unit/palette.test.ts for the figures).
 */
export const PALETTES: Record<PaletteName, Palette> = {
  // Black text reaches 4.5:1 on every fill of this scale, dark orange included.
  default: palette("default", DARK_GREEN, {}),
  // Black falls under 4.5:1 from score 89 on, where the blue darkens; white reaches it from 88.
  colourblind: palette(
    "colourblind",
    BLUE,
    { whiteTextAbove: 88 },
    {
      fr: "lisible par les daltoniens",
      en: "colour-blind safe",
    }
  ),
};

export function isPaletteName(text: string): text is PaletteName {
  return (PALETTE_NAMES as readonly string[]).includes(text);
}

/** "0 : orange foncé — paire la moins intéressante", "50 : jaune", …: each stop of a palette. */
export function stopLabels(scale: Palette, language: Language): Three<string> {
  const colon = language === "fr" ? " : " : ": ";
  return scale.stops.map((stop, i) => {
    const meaning = STOP_MEANINGS[i];
    return (
      `${stop.value}${colon}${scale.colours[i].name[language]}` +
      (meaning ? ` — ${meaning[language]}` : "")
    );
  }) as unknown as Three<string>;
}

/** "orange foncé → vert foncé": a palette's worst and best colours, as a note compares palettes. */
export function paletteEnds(scale: Palette, language: Language): string {
  return `${scale.colours[0].name[language]} → ${scale.colours[2].name[language]}`;
}

/** The text colour for a score's cell under a palette's rule. */
export function textColour(score: number, rule: TextColourRule): string {
  const white =
    (rule.whiteTextBelow !== undefined && score < rule.whiteTextBelow) ||
    (rule.whiteTextAbove !== undefined && score > rule.whiteTextAbove);
  return white ? WHITE_TEXT : BLACK_TEXT;
}

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
