/**
 * Agglomerative clustering with average linkage (UPGMA), giving the same linkage as SciPy's
 * `linkage(profiles, method="average", metric="jaccard")`, ties included.
 *
 * Algorithm: the nearest-neighbour chain (Murtagh; Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms"), O(n²) time and memory, valid because average linkage is
 * reducible. It is written here rather than taken from a library because the method needs SciPy's
 * exact conventions on ties, which decide the tree when many distances are equal (they often are
 * between tick profiles); see docs/design.md.
 *
 * Tie rule (SciPy's and fastcluster's, so results equal SciPy's):
 * - the chain starts from the first remaining cluster in original order;
 * - a cluster's nearest neighbour is the chain's previous element unless another is strictly
 *   nearer; among equally near others, the one earliest in original order;
 * - two merged clusters take the place of the later of the two in that order;
 * - merges are then listed by height, equal heights in the order they were found.
 */
import { DistanceMatrix } from "./jaccard";

/**
 * One merge of a linkage, SciPy-shaped: leaves are 0…n−1 and merge i forms cluster n + i.
 * `left` < `right`; `height` is the average distance between the two clusters' members.
 */
export interface Merge {
  left: number;
  right: number;
  height: number;
  /** Number of leaves under this merge. */
  size: number;
}

/**
 * The n − 1 merges of n leaves, in height order (no merge below its children). With `consume`,
 * the matrix itself holds the clusters' distances as they merge (n² fewer bytes at a time, 800 MB
 * at 10 000 items): the caller must not read it afterwards.
 */
export function averageLinkage(
  distances: DistanceMatrix,
  options: { consume?: boolean } = {}
): Merge[] {
  const n = distances.size;
  if (n < 2) return [];
  // Distances between the clusters that occupy each slot; a merged pair keeps the later slot.
  const between = options.consume ? distances.values : Float64Array.from(distances.values);
  const size = new Int32Array(n).fill(1); // 0: slot emptied by a merge
  // The slots still holding a cluster, in increasing order (scans visit only these, in the order
  // the tie rule needs); an emptied slot is taken out with one move of the tail.
  const live = new Int32Array(n).map((_, i) => i);
  let liveCount = n;
  const chain = new Int32Array(n);
  let chainLength = 0;
  const found: { first: number; second: number; height: number }[] = [];

  for (let step = 0; step < n - 1; step++) {
    if (chainLength === 0) {
      chain[0] = live[0];
      chainLength = 1;
    }
    let x: number;
    let y: number;
    let nearest: number;
    for (;;) {
      x = chain[chainLength - 1];
      // Prefer the previous element of the chain: the chain then ends on mutual neighbours.
      if (chainLength > 1) {
        y = chain[chainLength - 2];
        nearest = between[x * n + y];
      } else {
        y = -1;
        nearest = Infinity;
      }
      const row = x * n;
      for (let k = 0; k < liveCount; k++) {
        const i = live[k];
        if (i === x) continue;
        const distance = between[row + i];
        if (distance < nearest) {
          nearest = distance;
          y = i;
        }
      }
      if (chainLength > 1 && y === chain[chainLength - 2]) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;

    const first = Math.min(x, y);
    const second = Math.max(x, y);
    const firstSize = size[first];
    const secondSize = size[second];
    found.push({ first, second, height: nearest });
    size[first] = 0;
    size[second] = firstSize + secondSize;
    const emptied = live.indexOf(first);
    live.copyWithin(emptied, emptied + 1, liveCount);
    liveCount--;
    // The matrix is symmetric: rows `first` and `second` are read along (not down their
    // columns, which would miss the cache at every item); column `second` is written to keep it so.
    const firstRow = first * n;
    const secondRow = second * n;
    for (let k = 0; k < liveCount; k++) {
      const i = live[k];
      if (i === second) continue;
      // Same arithmetic as SciPy's update, so that later ties are decided identically.
      const updated =
        (firstSize * between[firstRow + i] + secondSize * between[secondRow + i]) /
        (firstSize + secondSize);
      between[i * n + second] = updated;
      between[secondRow + i] = updated;
    }
  }

  // The chain finds merges out of height order; Array.prototype.sort is stable.
  found.sort((a, b) => a.height - b.height);
  return labelMerges(found, n);
}

/**
 * Gives each merge, found as a pair of slots (each slot named by a leaf its cluster holds), the
 * ids of the clusters it joins, with a union-find over leaves and formed clusters.
 */
function labelMerges(
  found: readonly { first: number; second: number; height: number }[],
  n: number
): Merge[] {
  const parent = new Int32Array(2 * n - 1).map((_, i) => i);
  const leaves = new Int32Array(2 * n - 1).fill(1);
  const root = (node: number): number => {
    let top = node;
    while (parent[top] !== top) top = parent[top];
    while (parent[node] !== top) {
      const next = parent[node];
      parent[node] = top;
      node = next;
    }
    return top;
  };
  return found.map(({ first, second, height }, index) => {
    const a = root(first);
    const b = root(second);
    const formed = n + index;
    parent[a] = formed;
    parent[b] = formed;
    leaves[formed] = leaves[a] + leaves[b];
    return { left: Math.min(a, b), right: Math.max(a, b), height, size: leaves[formed] };
  });
}

/** The leaves in the tree's own order (left before right), as SciPy's `leaves_list`. */
export function treeLeafOrder(linkage: readonly Merge[]): number[] {
  const n = linkage.length + 1;
  if (linkage.length === 0) return [0];
  const order: number[] = [];
  const stack = [2 * n - 2];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (node < n) {
      order.push(node);
    } else {
      const merge = linkage[node - n];
      stack.push(merge.right, merge.left);
    }
  }
  return order;
}
