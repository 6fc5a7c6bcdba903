import { Language } from "./levels";

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
}

export interface Weights {
  perception: number;
  impact: number;
}

export interface Study {
  title?: string;
  language: Language;
  clienteles: Item[];
  needs: Item[];
  pairs: Pair[];
  weights: Weights;
}

export const DEFAULT_WEIGHTS: Weights = { perception: 1, impact: 1 };
export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 5;
/** Longest name accepted: long enough for any real label, short enough for a column header. */
export const NAME_MAX_LENGTH = 255;

/** Key under which two names count as the same: trimmed, NFC, case-folded (Excel's `=` ignores case). */
export function nameKey(name: string): string {
  return name.trim().normalize("NFC").toLowerCase();
}

export function pairKey(clientele: string, need: string): string {
  return `${nameKey(clientele)}\u0000${nameKey(need)}`;
}

export function isRated(pair: Pair): pair is Pair & { perception: number; impact: number } {
  return pair.perception !== undefined && pair.impact !== undefined;
}

/** Pairs in the tick table's reading order: clientèle by clientèle (columns), then its needs (rows). */
export function pairsInTableOrder(
  clienteles: readonly { name: string }[],
  needs: readonly { name: string }[],
  pairs: Iterable<Pair>
): Pair[] {
  const byKey = new Map<string, Pair>();
  for (const pair of pairs) byKey.set(pairKey(pair.clientele, pair.need), pair);
  const ordered: Pair[] = [];
  for (const clientele of clienteles) {
    for (const need of needs) {
      const pair = byKey.get(pairKey(clientele.name, need.name));
      if (pair) ordered.push(pair);
    }
  }
  return ordered;
}
