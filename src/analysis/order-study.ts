/**
 * Reveal segments (issue 5 §1): a study with its clientèles and needs reordered by need profile,
 * so that similar columns and rows sit side by side, and optionally K candidate segments.
 * Pairs are keyed by names, so reordering the lists (and the pairs into table order) keeps every
 * tick, rating and comment.
 */
import * as msg from "../messages";
import { Problem } from "../messages";
import { Pair, Segment, Study, nameKey } from "../method/study";
import { candidateSegments } from "./candidate-segments";
import { CutSuggestion, suggestCut } from "./cut";
import {
  EXACT_LEAF_ORDER_MAX,
  ItemOrdering,
  ORDER_MAX_ITEMS,
  clusteredCount,
  orderProfiles,
} from "./order-items";
import { tickTable } from "./ticks";

export interface OrderOptions {
  /** Number of candidate segments to put in the study (replacing any it holds). */
  segments?: number;
}

export interface OrderedStudy {
  /** The same study, clientèles and needs in the new order, pairs in table order. */
  study: Study;
  /** Items without any X, left out of the method (they close the lists, in original order). */
  outOfMethod: { clienteles: string[]; needs: string[] };
  /** Suggested number of segments and its reason; absent under 3 clientèles with an X. */
  suggestion?: CutSuggestion;
  /** With `segments: K`: the K candidate segments (also in `study.segments`). */
  segments?: Segment[];
  /** The clustering of each side, over the input study's indices (to cut again, or draw). */
  clienteles: ItemOrdering;
  needs: ItemOrdering;
}

export interface OrderResult {
  ordered?: OrderedStudy;
  /** Why there is no ordering (errors), or, with one, notices such as the method used (warnings). */
  problems: Problem[];
}

/**
 * Clientèles clustered over their need profiles and needs over their clientèle profiles (Jaccard
 * distance, average linkage), each side then in its optimal leaf order; items without any X last.
 * Deterministic: ties follow original order (see linkage.ts and leaf-order.ts for the exact rules).
 * With `segments: K`, the K candidate segments replace the study's segments, with the targets and
 * the conquest order that named them (the caller decides whether existing ones may be replaced); a K that cannot be given is a problem, not an exception.
 */
export function orderStudy(study: Study, options: OrderOptions = {}): OrderResult {
  const { clienteleProfiles, needProfiles } = tickTable(study);
  // Refused before any work: the distances alone would exhaust memory.
  const counts = {
    clienteles: clusteredCount(clienteleProfiles),
    needs: clusteredCount(needProfiles),
  };
  const tooLarge = (["clienteles", "needs"] as const)
    .filter((side) => counts[side] > ORDER_MAX_ITEMS)
    .map((side) => msg.orderingTooLarge(side, counts[side], ORDER_MAX_ITEMS));
  if (tooLarge.length > 0) return { problems: tooLarge };
  const clienteles = orderProfiles(clienteleProfiles);
  const needs = downTheDiagonal(clienteles, orderProfiles(needProfiles), clienteleProfiles);
  // Said, with the size and the method, whenever a side is not in its exact optimal order.
  const notices = (["clienteles", "needs"] as const)
    .filter((side) => (side === "clienteles" ? clienteles : needs).method !== "optimal")
    .map((side) => msg.orderingHeuristic(side, counts[side], EXACT_LEAF_ORDER_MAX));

  const k = options.segments;
  if (k !== undefined) {
    const problem = segmentCountProblem(k, clienteles.leaves.length);
    if (problem) return { problems: [problem] };
  }

  const ordered: Study = {
    ...study,
    clienteles: clienteles.order.map((i) => study.clienteles[i]),
    needs: needs.order.map((i) => study.needs[i]),
  };
  ordered.pairs = pairsInOrder(study.pairs, ordered);
  const segments = k === undefined ? undefined : candidateSegments(ordered, clienteles, k);
  if (segments) {
    // The targets and the conquest order name the segments replaced: they go with them, or the
    // ordered study would not build.
    ordered.segments = segments;
    delete ordered.targets;
    delete ordered.conquest;
  }

  const suggestion = suggestCut(clienteles.linkage);
  return {
    ordered: {
      study: ordered,
      outOfMethod: {
        clienteles: clienteles.outOfMethod.map((i) => study.clienteles[i].name),
        needs: needs.outOfMethod.map((i) => study.needs[i].name),
      },
      ...(suggestion ? { suggestion } : {}),
      ...(segments ? { segments } : {}),
      clienteles,
      needs,
    },
    problems: notices,
  };
}

/**
 * The needs' order turned, when need be, so that the blocks of X run down the diagonal from the
 * top-left (the first clientèles' needs at the top), as consultants read a matrix: an optimal leaf
 * order read backwards is as good, so only its direction is chosen here. The direction is the sign
 * of the covariance between the column and the row of every X; the needs out of the method stay last.
 */
export function downTheDiagonal(
  clienteles: ItemOrdering,
  needs: ItemOrdering,
  clienteleProfiles: readonly (readonly boolean[])[]
): ItemOrdering {
  const clustered = needs.order.length - needs.outOfMethod.length;
  const column = new Map(clienteles.order.map((original, position) => [original, position]));
  const row = new Map(
    needs.order.slice(0, clustered).map((original, position) => [original, position])
  );
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  let sumXY = 0;
  clienteleProfiles.forEach((profile, c) =>
    profile.forEach((ticked, n) => {
      const x = column.get(c);
      const y = row.get(n);
      if (!ticked || x === undefined || y === undefined) return;
      count++;
      sumX += x;
      sumY += y;
      sumXY += x * y;
    })
  );
  const covariance = count === 0 ? 0 : sumXY / count - (sumX / count) * (sumY / count);
  // Ties keep the order as it is (deterministic); a tiny negative is rounding, not a direction.
  if (covariance >= -1e-9) return needs;
  return {
    ...needs,
    order: [...needs.order.slice(0, clustered).reverse(), ...needs.outOfMethod],
    leafOrder: [...needs.leafOrder].reverse(),
  };
}

/**
 * Every pair, in table order (clientèle by clientèle, then need by need); a pair naming an item
 * not in the lists, or repeated, is kept too (after, or next to its twin): nothing is dropped here.
 */
function pairsInOrder(pairs: readonly Pair[], study: Pick<Study, "clienteles" | "needs">): Pair[] {
  const clienteleRank = new Map(study.clienteles.map((item, i) => [nameKey(item.name), i]));
  const needRank = new Map(study.needs.map((item, i) => [nameKey(item.name), i]));
  const rank = (pair: Pair): [number, number] => [
    clienteleRank.get(nameKey(pair.clientele)) ?? Infinity,
    needRank.get(nameKey(pair.need)) ?? Infinity,
  ];
  return pairs
    .map((pair) => ({ pair, rank: rank(pair) }))
    .sort((a, b) => compareRanks(a.rank[0], b.rank[0]) || compareRanks(a.rank[1], b.rank[1]))
    .map(({ pair }) => pair);
}

function compareRanks(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Why K candidate segments cannot be made from `available` clientèles with an X, if so. */
export function segmentCountProblem(k: number, available: number): Problem | undefined {
  if (!Number.isInteger(k) || k < 1) return msg.segmentsCountInvalid(k);
  if (available === 0) return msg.segmentsNoTick();
  if (k > available) return msg.segmentsTooMany(k, available);
  return undefined;
}
