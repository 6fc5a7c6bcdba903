/**
 * Numbers as the study's language writes them, whatever the machine's locale: French `41,8` and
 * `840 000`, English `41.8` and `840,000`; every count and amount grouped by thousands, and an
 * amount with the study's currency when it has one. Pure: the digits come from a fixed locale
 * ("en-US", no grouping) and the separators are set here, so no machine setting can change them.
 */
import { Language } from "../method/levels";

/**
 * The French thousands separator: a no-break space, so that a number never breaks across lines
 * (fonts that lack U+202F, the narrow one, would draw it as a box).
 */
export const NO_BREAK_SPACE = "\u00A0";

const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  fr: { group: NO_BREAK_SPACE, decimal: "," },
  en: { group: ",", decimal: "." },
};

export interface NumberFormat {
  /** Exactly this many decimals (rounded); by default as many as the number has, up to 6. */
  decimals?: number;
}

/** `840000` → `840 000` (fr) or `840,000` (en); `41.75`, `{decimals: 1}` → `41,8` or `41.8`. */
export function formatNumber(value: number, language: Language, format: NumberFormat = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = plainDigits(Math.abs(value), format.decimals);
  const point = digits.indexOf(".");
  const whole = point < 0 ? digits : digits.slice(0, point);
  const fraction = point < 0 ? "" : digits.slice(point + 1);
  const { group, decimal } = SEPARATORS[language];
  let grouped = "";
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += group;
    grouped += whole[i];
  }
  // "-0" after rounding is no number a reader expects.
  const negative = value < 0 && /[1-9]/.test(digits);
  return `${negative ? "-" : ""}${grouped}${fraction ? decimal + fraction : ""}`;
}

/** Made once per number of decimals: a formatter costs far more to make than to use. */
const FORMATTERS = new Map<number | undefined, Intl.NumberFormat>();

/** The digits of a non-negative number, "." before the decimals, no grouping. */
function plainDigits(value: number, decimals: number | undefined): string {
  // Scores, counts and most figures: whole numbers that String writes exactly.
  if (decimals === undefined && Number.isInteger(value) && value < 1e21) return String(value);
  let formatter = FORMATTERS.get(decimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", {
      useGrouping: false,
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? 6,
    });
    FORMATTERS.set(decimals, formatter);
  }
  return formatter.format(value);
}

/**
 * An amount with its currency, if the study names one: French after the number (`840 000 CHF`,
 * `840 000 €`); English a symbol before it (`€840,000`), a code before it with a space
 * (`CHF 840,000`).
 */
export function formatAmount(
  value: number,
  language: Language,
  currency: string | undefined,
  format: NumberFormat = {}
): string {
  const number = formatNumber(value, language, format);
  const unit = currency?.trim();
  if (!unit) return number;
  if (language === "fr") return `${number}${NO_BREAK_SPACE}${unit}`;
  const letters = /^[A-Za-z]+$/.test(unit);
  return letters ? `${unit}${NO_BREAK_SPACE}${number}` : `${unit}${number}`;
}
