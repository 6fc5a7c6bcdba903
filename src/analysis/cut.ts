/**
 * Cutting a clustering tree into K groups, and the K suggested to the consultant with its reason.
 * The words that present a suggestion live in the i18n layer (src/i18n/ordering.ts).
 */
import { Merge } from "./linkage";

/**
 * The leaves in K groups: the first n − K merges are made, the others are not. Groups come in the
 * order their leaves first appear in `leafOrder`, members in that order too (with a leaf order of
 * the same tree, each group is a run of neighbours). Equal heights at the cut are decided by merge
 * order, so the result always has exactly K groups.
 */
export function cutTree(
  linkage: readonly Merge[],
  leafOrder: readonly number[],
  groups: number
): number[][] {
  const n = leafOrder.length;
  if (linkage.length !== Math.max(n - 1, 0)) throw new RangeError("linkage and leaves disagree");
  if (!Number.isInteger(groups) || groups < 1 || groups > n)
    throw new RangeError(`cannot cut ${n} leaves into ${groups} groups`);
  const parent = new Int32Array(2 * n - 1).map((_, i) => i);
  const root = (node: number): number => {
    while (parent[node] !== node) node = parent[node];
    return node;
  };
  for (let i = 0; i < n - groups; i++) {
    parent[root(linkage[i].left)] = n + i;
    parent[root(linkage[i].right)] = n + i;
  }
  const byRoot = new Map<number, number[]>();
  for (const leaf of leafOrder) {
    const top = root(leaf);
    const group = byRoot.get(top);
    if (group) group.push(leaf);
    else byRoot.set(top, [leaf]);
  }
  return [...byRoot.values()];
}

/** Why a number of groups is suggested: the widest gap between two successive merge heights. */
export interface CutSuggestion {
  /** Number of groups suggested. */
  k: number;
  /** upperHeight − lowerHeight. */
  gap: number;
  /** Height of the last merge made (groups are this close inside, at worst). */
  lowerHeight: number;
  /** Height of the first merge left out (the groups are this far apart, at least). */
  upperHeight: number;
}

/** Gaps this close count as equal; the smaller K then wins (fewer segments to work with). */
const TIE = 1e-12;

/**
 * The K whose cut lies in the widest gap between successive merge heights: the groups are much
 * closer inside than to each other. K goes from 2 to ⌊n/2⌋ (at least 2, at most n − 1): a segment
 * groups clientèles, two on average at least. Without that bound, identical profiles (merged at
 * height 0) make the first real merge the widest gap and suggest almost one segment per clientèle
 * (the worked example would get 11 of 13). Undefined under 3 leaves (nothing to choose).
 * `linkage` must be in height order, as averageLinkage returns it.
 */
export function suggestCut(linkage: readonly Merge[]): CutSuggestion | undefined {
  const n = linkage.length + 1;
  const largest = Math.min(n - 1, Math.max(2, Math.floor(n / 2)));
  let suggestion: CutSuggestion | undefined;
  for (let k = 2; k <= largest; k++) {
    const lowerHeight = linkage[n - k - 1].height;
    const upperHeight = linkage[n - k].height;
    const gap = upperHeight - lowerHeight;
    if (!suggestion || gap > suggestion.gap + TIE) {
      suggestion = { k, gap, lowerHeight, upperHeight };
    }
  }
  return suggestion;
}
