import { Language } from "./levels";
import type { PaletteName } from "./colour";
import { CHECKLIST_ITEMS, ChecklistStatus, DEFAULT_STATUS, GrowthLever } from "./segments";

/** A clientèle (column) or a need (row). `type` holds a canonical kind (see levels.ts). */
export interface Item {
  name: string;
  type?: string;
}

/** A ticked pair: this clientèle really feels this need. Ratings are optional. */
export interface Pair {
  clientele: string;
  need: string;
  perception?: number;
  impact?: number;
  competition?: number;
  comment?: string;
  /** What survey answers or workshop votes say of this pair (docs/method.md §3.3); absent: a hypothesis. */
  evidence?: Evidence;
}

/** The weight of responses behind a pair: n respondents, the share of them feeling the need. */
export interface Evidence {
  /** Distinct respondents who answered for the pair (a whole number from 1). */
  n: number;
  /** Share of them who feel the need, from 0 to 1. */
  feel: number;
  /** Where the responses come from (a file, a workshop), as the consultant named it. */
  source?: string;
}

export interface Weights {
  perception: number;
  impact: number;
}

/**
 * A segment (docs/method.md §4): an empty shell the consultant fills. Names of clientèles, needs and
 * offerings refer to the study's lists; a clientèle or a need may appear in several segments.
 */
export interface Segment {
  name: string;
  /** Canonical Business Model Canvas type (see segments.ts). */
  type?: string;
  clienteles: string[];
  needs: string[];
  offerings: string[];
  channels: string[];
  zones: string[];
  successFactors: string[];
  attributes: string[];
  personas: string[];
  /** Number of individuals in the covered zone. */
  size?: number;
  /** Purchases per year. */
  frequency?: number;
  /** Average basket. */
  basket?: number;
  /** The 11 items of the "good segment" checklist, in docs/method.md §5 order. */
  checklist: ChecklistStatus[];
  plans: Partial<Record<GrowthLever, string>>;
  /**
   * The population the segment is trimmed from (docs/method.md §1): when given, `size` is
   * ROUND(population × the product of the trims' kept shares, 0) (segment-figures.ts).
   */
  population?: number;
  /** The criteria that narrow the population, in the order applied; absent when none. */
  trims?: Trim[];
  /** Its SWOT (docs/method.md §6); absent when all four lists are empty. */
  swot?: Swot;
  /** The risks of pursuing it, one entry each; absent when none. */
  risks?: string[];
  /** Where its figures come from when `rfm … --study` drew them from the customers' data. */
  figuresSource?: FiguresSource;
}

/**
 * The customers' data a segment's size, frequency and basket were drawn from (issue 15 §2): the
 * analysis date and the customers of its clientèles who bought in the year before it.
 */
export interface FiguresSource {
  /** The analysis date, YYYY-MM-DD. */
  asOf: string;
  customers: number;
}

/** One trimming criterion: its family, what it keeps, and the share of the population kept. */
export interface Trim {
  /** Canonical family (diagnostics.ts): "nature", "qui", "où" or "pourquoi". */
  family: string;
  criterion: string;
  /** Share kept, from 0 to 1. */
  keep: number;
}

/** Strengths, weaknesses, opportunities and threats, one entry per line each. */
export interface Swot {
  strengths: string[];
  weaknesses: string[];
  opportunities: string[];
  threats: string[];
}

/** The study's PESTEL: the six factors of its environment, one entry per line each. */
export interface Pestel {
  political: string[];
  economic: string[];
  social: string[];
  technological: string[];
  environmental: string[];
  legal: string[];
}

/** A segment with only its name: every list empty, every checklist item still to do. */
export function emptySegment(name: string): Segment {
  return {
    name,
    clienteles: [],
    needs: [],
    offerings: [],
    channels: [],
    zones: [],
    successFactors: [],
    attributes: [],
    personas: [],
    checklist: CHECKLIST_ITEMS.map(() => DEFAULT_STATUS),
    plans: {},
  };
}

/** An offering × segment pair the consultant chose to pursue (an X of the targeting table). */
export interface Target {
  segment: string;
  offering: string;
}

export interface Study {
  title?: string;
  language: Language;
  clienteles: Item[];
  needs: Item[];
  pairs: Pair[];
  weights: Weights;
  /** Offerings (prestations): the rows of the targeting table. */
  offerings?: string[];
  segments?: Segment[];
  targets?: Target[];
  /** Segment names, the first to win first (docs/method.md §7.2). */
  conquest?: string[];
  /** The study's PESTEL (docs/method.md §6); absent when all six lists are empty. */
  pestel?: Pestel;
  /** The colour scale of the matrix; absent is "default" (the method's). */
  palette?: PaletteName;
  /** Who the study is for or by: a line on the deck's title slide. */
  organisation?: string;
  /** The currency of the baskets and potentials ("CHF", "€"), shown with every amount. */
  currency?: string;
}

export const DEFAULT_WEIGHTS: Weights = { perception: 1, impact: 1 };
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 5;
/** Most characters an Excel cell holds. */
export const CELL_TEXT_MAX = 32767;
/** Longest name accepted: long enough for any real label, short enough for a column header. */
export const NAME_MAX_LENGTH = 255;

/** Key under which two names count as the same: trimmed, NFC, case-folded (Excel's `=` ignores case). */
export function nameKey(name: string): string {
  return name.trim().normalize("NFC").toLowerCase();
}

export function pairKey(clientele: string, need: string): string {
  return `${nameKey(clientele)}\u0000${nameKey(need)}`;
}

/**
 * nameKey remembered per text: a read meets the same few names on every one of its rows (400 000
 * ratings rows, a thousand names), and normalising each again was most of its time.
 */
export function nameKeyCache(): (name: string) => string {
  const keys = new Map<string, string>();
  return (name) => {
    let found = keys.get(name);
    if (found === undefined) {
      found = nameKey(name);
      keys.set(name, found);
    }
    return found;
  };
}

/** pairKey with each name's key computed once (see nameKeyCache). */
export function pairKeyCache(): (clientele: string, need: string) => string {
  const key = nameKeyCache();
  return (clientele, need) => `${key(clientele)}\u0000${key(need)}`;
}

export function isRated(pair: Pair): pair is Pair & { perception: number; impact: number } {
  return pair.perception !== undefined && pair.impact !== undefined;
}

/**
 * Each pair at its place in the tick table: the key is clientèle index × needs + need index, so that
 * ascending keys are the table's reading order. A pair whose clientèle or need is not in the lists
 * has no place; of two pairs at one place, the last counts. Linear in the lists and the pairs.
 */
export function pairPlaces(
  clienteles: readonly { name: string }[],
  needs: readonly { name: string }[],
  pairs: Iterable<Pair>
): Map<number, Pair> {
  const column = positions(clienteles);
  const row = positions(needs);
  const places = new Map<number, Pair>();
  for (const pair of pairs) {
    const c = column.exact.get(pair.clientele) ?? column.byKey.get(nameKey(pair.clientele));
    const n = row.exact.get(pair.need) ?? row.byKey.get(nameKey(pair.need));
    if (c !== undefined && n !== undefined) places.set(c * needs.length + n, pair);
  }
  return places;
}

/**
 * Each name's first position, by its key and, for the common case of a validated study whose pairs
 * use the lists' own spelling, by the name as it is (found without computing a key).
 */
function positions(items: readonly { name: string }[]): {
  exact: Map<string, number>;
  byKey: Map<string, number>;
} {
  const exact = new Map<string, number>();
  const byKey = new Map<string, number>();
  items.forEach((item, index) => {
    const key = nameKey(item.name);
    if (byKey.has(key)) return;
    byKey.set(key, index);
    exact.set(item.name, index);
  });
  return { exact, byKey };
}

/** Pairs in the tick table's reading order: clientèle by clientèle (columns), then its needs (rows). */
export function pairsInTableOrder(
  clienteles: readonly { name: string }[],
  needs: readonly { name: string }[],
  pairs: Iterable<Pair>
): Pair[] {
  const places = pairPlaces(clienteles, needs, pairs);
  // The places sorted as numbers in a typed array: no comparator called 400 000 × 19 times.
  const order = Float64Array.from(places.keys()).sort();
  return Array.from(order, (place) => places.get(place) as Pair);
}

/**
 * The study's fields in the order of the study file (the interchange contract): what the validator
 * accepts, the order studyToJson writes, the fields a workbook's reader hands back. A field added to
 * Study and not listed here is a type error (below), so a new field is written in this file only.
 */
export const STUDY_FIELDS = [
  "title",
  "language",
  "clienteles",
  "needs",
  "pairs",
  "weights",
  "offerings",
  "segments",
  "targets",
  "conquest",
  "pestel",
  "palette",
  "organisation",
  "currency",
] as const;
export type StudyField = (typeof STUDY_FIELDS)[number];

/** True only when STUDY_FIELDS lists every field of Study and nothing else. */
export const STUDY_FIELDS_LISTED: [keyof Study] extends [StudyField]
  ? [StudyField] extends [keyof Study]
    ? true
    : never
  : never = true;
