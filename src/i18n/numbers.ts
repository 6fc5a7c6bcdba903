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
  /** Thousands grouped (the default); false for scores and levels, written as plain digits. */
  grouping?: boolean;
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
  const grouping = format.grouping ?? true;
  for (let i = 0; i < whole.length; i++) {
    if (grouping && i > 0 && (whole.length - i) % 3 === 0) grouped += group;
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
  return currencyLeadsWithSpace(unit) ? `${unit}${NO_BREAK_SPACE}${number}` : `${unit}${number}`;
}

/** In English a code is set off by a space (`CHF 840,000`), a symbol is not (`€840,000`). */
function currencyLeadsWithSpace(unit: string): boolean {
  return /^[A-Za-z]+$/.test(unit);
}

/**
 * The spreadsheet number format of an amount: `#,##0` or `#,##0.00` with the currency where
 * formatAmount puts it (`#,##0" €"` in French, `"€"#,##0` or `"CHF "#,##0` in English, the
 * spaces no-break). The format's separators are Excel's invariant ones; the application shows the
 * locale's (the client PDF is printed in the study's). The currency is a quoted literal, any `"`
 * in it escaped, a line break or tab a space.
 */
export function amountNumberFormat(
  language: Language,
  currency: string | undefined,
  decimals: 0 | 2
): string {
  const number = decimals === 0 ? "#,##0" : "#,##0.00";
  const unit = currency?.trim();
  if (!unit) return number;
  if (language === "fr") return `${number}${formatLiteral(NO_BREAK_SPACE + unit)}`;
  const lead = currencyLeadsWithSpace(unit) ? unit + NO_BREAK_SPACE : unit;
  return `${formatLiteral(lead)}${number}`;
}

/** A text shown as it is by a number format: quoted, a quote as `\"` between quoted pieces. */
function formatLiteral(text: string): string {
  let plain = "";
  for (const ch of text) plain += ch < " " ? " " : ch;
  return plain
    .split('"')
    .map((piece) => (piece === "" ? "" : `"${piece}"`))
    .join('\\"');
}

/** What a number format shows around the number, and how it writes the number itself. */
export interface NumberFormatParts {
  before: string;
  after: string;
  decimals: number;
  grouping: boolean;
  /** `%`: the value is shown times 100, the sign after it. */
  percent: boolean;
}

/**
 * Reads the single-section formats the layout writes (`0`, `0.0`, `#,##0.00`, `0%`, with quoted or
 * backslash-escaped literals around): undefined for anything else (sections, colours, dates).
 * One pass over the code, each character looked at once.
 */
export function numberFormatParts(code: string): NumberFormatParts | undefined {
  let before = "";
  let after = "";
  let core = "";
  let percent = false;
  const literal = (text: string): void => {
    if (core === "") before += text;
    else after += text;
  };
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return undefined;
      literal(code.slice(i + 1, end));
      i = end;
    } else if (ch === "\\") {
      if (i + 1 >= code.length) return undefined;
      literal(code[i + 1]);
      i++;
    } else if (ch === "#" || ch === "0" || ch === "," || ch === ".") {
      if (after !== "" || percent) return undefined;
      core += ch;
    } else if (ch === "%") {
      percent = true;
    } else if (ch === ";" || ch === "[" || ch === "@" || /[A-Za-z]/.test(ch)) {
      return undefined;
    } else {
      literal(ch);
    }
  }
  if (core === "") return undefined;
  const point = core.indexOf(".");
  const decimals = point < 0 ? 0 : core.length - point - 1;
  return { before, after, decimals, grouping: core.includes(","), percent };
}

/** A number as a layout's number format shows it in the language; undefined for a format not read. */
export function formatWithNumberFormat(
  value: number,
  code: string,
  language: Language
): string | undefined {
  const parts = numberFormatParts(code);
  if (!parts) return undefined;
  const number = formatNumber(parts.percent ? value * 100 : value, language, {
    decimals: parts.decimals,
    grouping: parts.grouping,
  });
  return `${parts.before}${number}${parts.percent ? "%" : ""}${parts.after}`;
}
