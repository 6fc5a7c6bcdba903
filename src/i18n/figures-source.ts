/**
 * Where a segment's figures come from (issue 15 §2), as the Segments sheet shows it beside them:
 * « données clients au 2026-01-01, 24 503 clients » / "customer data as of 2026-01-01, 24,503
 * customers" (« fréquence et panier : … » when the size is the consultant's trimming), and what it
 * shows once a figure is typed over. The sheet's reader takes the source back from that text, in
 * either language: read with fixed words and a bounded scan, never a pattern over the cell.
 */
import { Language } from "../method/levels";
import { FiguresSource } from "../method/study";
import { isIsoDate } from "../method/validate";
import { formatNumber } from "./numbers";

interface SourceWords {
  /** Before the rest when the source gives only the frequency and the basket. */
  partial: string;
  before: string;
  customers: string;
  changed: string;
}

export const FIGURES_SOURCE_WORDS: Record<Language, SourceWords> = {
  fr: {
    partial: "fréquence et panier : ",
    before: "données clients au ",
    customers: " clients",
    changed: "chiffres modifiés depuis les données clients au ",
  },
  en: {
    partial: "frequency and basket: ",
    before: "customer data as of ",
    customers: " customers",
    changed: "figures changed since the customer data as of ",
  },
};

/** « données clients au 2026-01-01, 24 503 clients »; `sized` false: the size is not the data's. */
export function figuresSourceText(
  source: FiguresSource,
  language: Language,
  sized: boolean
): string {
  const w = FIGURES_SOURCE_WORDS[language];
  const customers = formatNumber(source.customers, language, { decimals: 0 });
  return `${sized ? "" : w.partial}${w.before}${source.asOf}, ${customers}${w.customers}`;
}

/**
 * The source as a line of its own (the deck's segment card): « Taille, fréquence et panier :
 * données clients au 2026-01-01, 24 503 clients », or « Fréquence et panier : … ».
 */
export function figuresSourceLine(
  source: FiguresSource,
  language: Language,
  sized: boolean
): string {
  const figures =
    language === "fr"
      ? sized
        ? "Taille, fréquence et panier\u00A0: "
        : "Fréquence et panier\u00A0: "
      : sized
        ? "Size, frequency and basket: "
        : "Frequency and basket: ";
  return figures + figuresSourceText(source, language, true);
}

/** What the sheet shows once a figure is no longer the data's: no claim on any of them. */
export function figuresChangedText(source: FiguresSource, language: Language): string {
  return `${FIGURES_SOURCE_WORDS[language].changed}${source.asOf}`;
}

/** The separators a count may hold as either language writes it (and a narrow no-break space). */
const GROUPING = new Set([" ", "\u00A0", "\u202F", ","]);

/**
 * The source a cell of the source row shows: `source` for the text of figuresSourceText (either
 * language, with or without the partial words); `changed` for figuresChangedText's (the figures are
 * the consultant's now); undefined for anything else.
 */
export function readFiguresSourceText(
  text: string
): { kind: "source"; source: FiguresSource } | { kind: "changed" } | undefined {
  const shown = text.trim();
  for (const language of ["fr", "en"] as const) {
    const w = FIGURES_SOURCE_WORDS[language];
    if (shown.startsWith(w.changed) && isIsoDate(shown.slice(w.changed.length)))
      return { kind: "changed" };
    const rest = shown.startsWith(w.partial) ? shown.slice(w.partial.length) : shown;
    if (!rest.startsWith(w.before) || !rest.endsWith(w.customers)) continue;
    const asOf = rest.slice(w.before.length, w.before.length + 10);
    const afterDate = w.before.length + 10;
    if (!isIsoDate(asOf) || rest.slice(afterDate, afterDate + 2) !== ", ") continue;
    const count = rest.slice(afterDate + 2, rest.length - w.customers.length);
    let digits = "";
    let holds = count.length > 0 && count[0] >= "0" && count[0] <= "9";
    for (const ch of count) {
      if (ch >= "0" && ch <= "9") digits += ch;
      else if (!GROUPING.has(ch)) holds = false;
    }
    const customers = Number(digits);
    if (holds && Number.isSafeInteger(customers))
      return { kind: "source", source: { asOf, customers } };
  }
  return undefined;
}
