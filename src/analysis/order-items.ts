/**
 * Ordering one side of the table (clientèles over their need profiles, or needs over their
 * clientèle profiles): average-linkage Jaccard clustering, then optimal leaf ordering. Items
 * without any tick are out of the method: left out of the clustering and put last, in original
 * order.
 */
import { Profile, jaccardDistances } from "./jaccard";
import { Merge, averageLinkage } from "./linkage";
import { optimalLeafOrder } from "./leaf-order";
import { hasTick } from "./ticks";

export interface ItemOrdering {
  /** Original indices in the new order: the clustered items, then those out of the method. */
  order: number[];
  /** Original indices of the items without any tick, in original order. */
  outOfMethod: number[];
  /** Original index of each leaf of `linkage` (the items with a tick, in original order). */
  leaves: number[];
  /** SciPy-shaped linkage over `leaves`. */
  linkage: Merge[];
  /** Leaf numbers of `linkage` in the optimal order. */
  leafOrder: number[];
}

export function orderProfiles(profiles: readonly Profile[]): ItemOrdering {
  const leaves: number[] = [];
  const outOfMethod: number[] = [];
  profiles.forEach((profile, i) => (hasTick(profile) ? leaves : outOfMethod).push(i));
  const distances = jaccardDistances(leaves.map((i) => profiles[i]));
  const linkage = averageLinkage(distances);
  const leafOrder = leaves.length === 0 ? [] : optimalLeafOrder(linkage, distances);
  return {
    order: [...leafOrder.map((leaf) => leaves[leaf]), ...outOfMethod],
    outOfMethod,
    leaves,
    linkage,
    leafOrder,
  };
}
