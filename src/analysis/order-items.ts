/**
 * Ordering one side of the table (clientèles over their need profiles, or needs over their
 * clientèle profiles): average-linkage Jaccard clustering, then a leaf order. Items without any tick
 * are out of the method: left out of the clustering and put last, in original order.
 *
 * Bounded work: the exact optimal leaf ordering is cubic (0.5 s at 1 000 items, 7 s at 2 000), so
 * beyond EXACT_LEAF_ORDER_MAX items the Gruvaeus–Wainer heuristic orders the same tree in linear
 * time, and the tree is built without the matrix of distances (averageLinkageOfProfiles: the same
 * linkage, a third of the memory); the linkage stays quadratic in time and, at worst, in memory
 * (4 bytes per pair of items), so beyond ORDER_MAX_ITEMS the side is refused up front.
 */
import { Profile, jaccardDistance, jaccardDistances } from "./jaccard";
import { Merge, averageLinkage, averageLinkageOfProfiles } from "./linkage";
import { flippedLeafOrder, optimalLeafOrder } from "./leaf-order";
import { hasTick } from "./ticks";

/** Items with an X up to which the leaf order is the exact optimum (within a second). */
export const EXACT_LEAF_ORDER_MAX = 1000;
/** Items with an X beyond which a side is not clustered (at worst 400 MB of cluster distances). */
export const ORDER_MAX_ITEMS = 10000;

export type LeafOrderMethod = "optimal" | "gruvaeus-wainer";

export interface ItemOrdering {
  /** Original indices in the new order: the clustered items, then those out of the method. */
  order: number[];
  /** Original indices of the items without any tick, in original order. */
  outOfMethod: number[];
  /** Original index of each leaf of `linkage` (the items with a tick, in original order). */
  leaves: number[];
  /** SciPy-shaped linkage over `leaves`. */
  linkage: Merge[];
  /** Leaf numbers of `linkage` in the chosen order. */
  leafOrder: number[];
  /** How the leaves were ordered: exactly, or by the heuristic beyond EXACT_LEAF_ORDER_MAX. */
  method: LeafOrderMethod;
}

/** The number of items of a side that would be clustered (those with an X). */
export function clusteredCount(profiles: readonly Profile[]): number {
  return profiles.filter(hasTick).length;
}

/** Orders one side; the caller checks clusteredCount against ORDER_MAX_ITEMS first. */
export function orderProfiles(profiles: readonly Profile[]): ItemOrdering {
  const leaves: number[] = [];
  const outOfMethod: number[] = [];
  profiles.forEach((profile, i) => (hasTick(profile) ? leaves : outOfMethod).push(i));
  if (leaves.length > ORDER_MAX_ITEMS)
    throw new RangeError(`${leaves.length} items: beyond ${ORDER_MAX_ITEMS}, not clustered`);
  const clustered = leaves.map((i) => profiles[i]);
  const exact = leaves.length <= EXACT_LEAF_ORDER_MAX;
  let linkage: Merge[];
  let leafOrder: number[];
  if (exact) {
    // The exact leaf order reads every distance: the matrix is made once for both.
    const distances = jaccardDistances(clustered);
    linkage = averageLinkage(distances);
    leafOrder = leaves.length === 0 ? [] : optimalLeafOrder(linkage, distances);
  } else {
    // The heuristic needs only O(n) distances, counted from the profiles, and so does the linkage
    // (filling an n × n matrix was most of the time at 10 000 items: 0.8 GB of fresh memory).
    linkage = averageLinkageOfProfiles(clustered);
    leafOrder = flippedLeafOrder(linkage, (a, b) => jaccardDistance(clustered[a], clustered[b]));
  }
  return {
    order: [...leafOrder.map((leaf) => leaves[leaf]), ...outOfMethod],
    outOfMethod,
    leaves,
    linkage,
    leafOrder,
    method: exact ? "optimal" : "gruvaeus-wainer",
  };
}
