/**
 * Optimal leaf ordering (Bar-Joseph, Gifford, Jaakkola 2001, "Fast optimal leaf ordering for
 * hierarchical clustering"): among the 2^(n−1) leaf orders a tree allows (each merge may show its
 * two children either way round), the one whose adjacent leaves are nearest in total.
 *
 * Exact dynamic programme over the tree, O(n³) time at worst and O(n²) memory. For a merge v of
 * children a and b, and leaves u under a and w under b, best(u, w) is the least total of an order
 * of v's leaves that starts at u and ends at w:
 *   best(u, w) = min over m, k of best(u, m) + d(m, k) + best(k, w)
 * where m is a leaf of a's other child than u's (or u itself when a is a leaf), and likewise k for
 * w under b. Each pair of leaves has exactly one such merge (their lowest common ancestor), so one
 * n × n table holds every best(u, w). The minimum over m is taken first for every (u, k), which
 * gives the O(n³) bound (the paper's further pruning is not needed at the sizes of a study).
 *
 * Ties: totals within TIE of each other count as equal (rounding noise of sums of distances); the
 * first found wins, scanning leaves in the tree's own order, so the result is deterministic. Of the
 * order and its mirror image (same total), the one that begins with the leaf earlier in original
 * order is returned.
 */
import { DistanceMatrix } from "./jaccard";
import { Merge, treeLeafOrder } from "./linkage";

/** Totals closer than this are the same total (sums of at most a few hundred distances ≤ 1). */
const TIE = 1e-12;

export function optimalLeafOrder(linkage: readonly Merge[], distances: DistanceMatrix): number[] {
  const n = linkage.length + 1;
  if (distances.size !== n) throw new RangeError("distances and linkage disagree on the leaves");
  if (n <= 2) return n === 1 ? [0] : [0, 1];
  const d = distances.values;

  // Every node's leaves are one contiguous range of the tree's own order.
  const treeOrder = treeLeafOrder(linkage);
  const start = new Int32Array(2 * n - 1);
  const end = new Int32Array(2 * n - 1);
  treeOrder.forEach((leaf, position) => {
    start[leaf] = position;
    end[leaf] = position + 1;
  });
  linkage.forEach((merge, i) => {
    start[n + i] = start[merge.left];
    end[n + i] = end[merge.right];
  });
  const holds = (node: number, leaf: number): boolean =>
    start[node] <= start[leaf] && start[leaf] < end[node];
  /** Leaves that can sit next to the sibling subtree when `leaf` is the outer end of `node`. */
  const innerRange = (node: number, leaf: number): [number, number] => {
    if (node < n) return [start[node], end[node]];
    const { left, right } = linkage[node - n];
    const other = holds(left, leaf) ? right : left;
    return [start[other], end[other]];
  };

  const best = new Float64Array(n * n); // best(u, w), symmetric; 0 for u = w
  // For each pair (from, to): the two adjacent leaves where from's side meets to's side.
  const meetFrom = new Int32Array(n * n);
  const meetTo = new Int32Array(n * n);
  // Scratch for one merge: bestToward(u, k) = min over m of best(u, m) + d(m, k), and its m.
  const toward = new Float64Array(n * n);
  const towardVia = new Int32Array(n * n);

  for (const merge of linkage) {
    const a = merge.left;
    const b = merge.right;
    for (let pu = start[a]; pu < end[a]; pu++) {
      const u = treeOrder[pu];
      const [mFrom, mTo] = innerRange(a, u);
      for (let pk = start[b]; pk < end[b]; pk++) {
        const k = treeOrder[pk];
        let value = Infinity;
        let via = -1;
        for (let pm = mFrom; pm < mTo; pm++) {
          const m = treeOrder[pm];
          const candidate = best[u * n + m] + d[m * n + k];
          if (candidate < value - TIE) {
            value = candidate;
            via = m;
          }
        }
        toward[u * n + k] = value;
        towardVia[u * n + k] = via;
      }
    }
    for (let pw = start[b]; pw < end[b]; pw++) {
      const w = treeOrder[pw];
      const [kFrom, kTo] = innerRange(b, w);
      for (let pu = start[a]; pu < end[a]; pu++) {
        const u = treeOrder[pu];
        let value = Infinity;
        let viaK = -1;
        for (let pk = kFrom; pk < kTo; pk++) {
          const k = treeOrder[pk];
          const candidate = toward[u * n + k] + best[k * n + w];
          if (candidate < value - TIE) {
            value = candidate;
            viaK = k;
          }
        }
        const viaM = towardVia[u * n + viaK];
        best[u * n + w] = value;
        best[w * n + u] = value;
        meetFrom[u * n + w] = viaM;
        meetTo[u * n + w] = viaK;
        meetFrom[w * n + u] = viaK;
        meetTo[w * n + u] = viaM;
      }
    }
  }

  const root = 2 * n - 2;
  const { left, right } = linkage[n - 2];
  let first = -1;
  let last = -1;
  let total = Infinity;
  for (let pu = start[left]; pu < end[left]; pu++) {
    for (let pw = start[right]; pw < end[right]; pw++) {
      const u = treeOrder[pu];
      const w = treeOrder[pw];
      if (best[u * n + w] < total - TIE) {
        total = best[u * n + w];
        first = u;
        last = w;
      }
    }
  }

  // Unfold: an order of `node` from `from` to `to` is from's side up to the meeting leaf, then
  // to's side from the other meeting leaf.
  const order: number[] = [];
  const pending: [number, number, number][] = [[root, first, last]];
  while (pending.length > 0) {
    const [node, from, to] = pending.pop() as [number, number, number];
    if (node < n) {
      order.push(node);
      continue;
    }
    const merge = linkage[node - n];
    const fromSide = holds(merge.left, from) ? merge.left : merge.right;
    const toSide = fromSide === merge.left ? merge.right : merge.left;
    pending.push([toSide, meetTo[from * n + to], to]);
    pending.push([fromSide, from, meetFrom[from * n + to]]);
  }
  return order[0] > order[n - 1] ? order.reverse() : order;
}

/** Sum of the distances between neighbours in an order. */
export function orderCost(order: readonly number[], distances: DistanceMatrix): number {
  let total = 0;
  for (let i = 1; i < order.length; i++) {
    total += distances.values[order[i - 1] * distances.size + order[i]];
  }
  return total;
}

/**
 * The Gruvaeus–Wainer heuristic (Gruvaeus & Wainer 1972, "Two additions to hierarchical cluster
 * analysis"), for trees too large for the exact programme: bottom-up, each merge shows its two
 * children the way round (of the four) whose touching end leaves are nearest; orders chosen below
 * are kept, only reversed whole. O(n) distance look-ups, O(n) memory: `distance` may compute each
 * one on demand. Ties: the first way round found (as they are, then left reversed, right reversed,
 * both), so the result is deterministic; of an order and its mirror image, the one that begins
 * with the leaf earlier in original order, as optimalLeafOrder.
 */
export function flippedLeafOrder(
  linkage: readonly Merge[],
  distance: (a: number, b: number) => number
): number[] {
  const n = linkage.length + 1;
  if (n <= 2) return n === 1 ? [0] : [0, 1];
  const first = new Int32Array(2 * n - 1);
  const last = new Int32Array(2 * n - 1);
  const flipLeft = new Uint8Array(n - 1);
  const flipRight = new Uint8Array(n - 1);
  for (let leaf = 0; leaf < n; leaf++) {
    first[leaf] = leaf;
    last[leaf] = leaf;
  }
  linkage.forEach(({ left: a, right: b }, i) => {
    // [touching distance, left reversed, right reversed]
    const ways: [number, number, number][] = [
      [distance(last[a], first[b]), 0, 0],
      [distance(first[a], first[b]), 1, 0],
      [distance(last[a], last[b]), 0, 1],
      [distance(first[a], last[b]), 1, 1],
    ];
    let chosen = ways[0];
    for (const way of ways) if (way[0] < chosen[0] - TIE) chosen = way;
    flipLeft[i] = chosen[1];
    flipRight[i] = chosen[2];
    first[n + i] = chosen[1] ? last[a] : first[a];
    last[n + i] = chosen[2] ? first[b] : last[b];
  });

  const order: number[] = [];
  const pending: [number, number][] = [[2 * n - 2, 0]]; // node, shown reversed (0/1)
  while (pending.length > 0) {
    const [node, reversed] = pending.pop() as [number, number];
    if (node < n) {
      order.push(node);
      continue;
    }
    const i = node - n;
    const left: [number, number] = [linkage[i].left, reversed ^ flipLeft[i]];
    const right: [number, number] = [linkage[i].right, reversed ^ flipRight[i]];
    // Shown reversed, the right child comes first: the one shown first is pushed last.
    if (reversed) pending.push(left, right);
    else pending.push(right, left);
  }
  return order[0] > order[n - 1] ? order.reverse() : order;
}
