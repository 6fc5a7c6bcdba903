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
import {
  DistanceMatrix,
  PackedProfiles,
  Profile,
  bitCount,
  packProfiles,
  packedDistance,
} from "./jaccard";

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

/** The n − 1 merges of n leaves, in height order (no merge below its children). */
export function averageLinkage(distances: DistanceMatrix): Merge[] {
  const n = distances.size;
  if (n < 2) return [];
  // Distances between the clusters that occupy each slot; a merged pair keeps the later slot.
  const between = Float64Array.from(distances.values);
  const size = new Int32Array(n).fill(1); // 0: slot emptied by a merge
  // The slots still holding a cluster, in increasing order (scans visit only these, in the order
  // the tie rule needs); an emptied slot is taken out with one move of the tail.
  const live = new Int32Array(n).map((_, i) => i);
  let liveCount = n;
  const chain = new Int32Array(n);
  let chainLength = 0;
  const mergedFirst = new Int32Array(n - 1);
  const mergedSecond = new Int32Array(n - 1);
  const mergedHeight = new Float64Array(n - 1);

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
    mergedFirst[step] = first;
    mergedSecond[step] = second;
    mergedHeight[step] = nearest;
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

  return labelMerges(mergedFirst, mergedSecond, mergedHeight, n);
}

/**
 * The same linkage as averageLinkage over the profiles' Jaccard distances, merge for merge and bit
 * for bit, without the n × n matrix: the distance between two single items is counted from their
 * packed profiles when needed (a few operations), and only a cluster of several items keeps a row
 * of distances to the others (allocated when it forms, reused when it is merged again). Memory is
 * the largest number of such clusters at once times n (about 0.3 n² bytes on random studies,
 * 0.25 GB at 10 000 items where the matrix takes 0.8 GB); time is the same O(n²). Same chain and
 * arithmetic as averageLinkage; the live single items and clusters are scanned as two lists, each
 * in slot order, and the tie rule is applied across them (the earlier slot wins between equals,
 * the chain's previous element first).
 *
 * What each slot's nearest single item and nearest cluster are is kept between visits of the
 * chain, as long as it stays true: single items only ever leave, and the distances of a slot that
 * did not merge change only towards the cluster just formed, which the update compares. The rows
 * are stored ROW_TILE to a cache line (entry i of eight rows side by side): reading or writing one
 * entry of every cluster's row (an item's distance to each cluster, the new cluster's distance in
 * each row) then touches one line for eight rows, where it took a page for each row.
 */
export function averageLinkageOfProfiles(profiles: readonly Profile[]): Merge[] {
  const packed = packProfiles(profiles);
  const n = packed.size;
  if (n < 2) return [];
  // One word and a table of quotients: the distance of two items is inlined in the scans.
  const oneWord = packed.words === 1 && packed.quotients !== undefined;
  const quotients = packed.quotients ?? new Float64Array(0);
  const size = new Int32Array(n).fill(1);
  // Room for the most clusters there can be at once (n / 2); memory is given by the system
  // untouched, and only the rows used are ever filled (a freed row is the next used).
  const pool = new Float64Array(Math.ceil(Math.floor(n / 2) / ROW_TILE) * ROW_TILE * n);
  /** Where entry 0 of the row of the cluster in each slot is (entry i at + i × ROW_TILE), or −1. */
  const rowOf = new Int32Array(n).fill(-1);
  const freeRows: number[] = [];
  let rowsUsed = 0;
  const distance = (x: number, i: number): number => {
    if (rowOf[x] >= 0) return pool[rowOf[x] + i * ROW_TILE];
    if (rowOf[i] >= 0) return pool[rowOf[i] + x * ROW_TILE];
    return itemDistance(packed, x, i);
  };
  // The live slots holding a single item, and those holding a cluster, each in increasing order.
  const items = new Int32Array(n).map((_, i) => i);
  let itemCount = n;
  const clusters = new Int32Array(n);
  let clusterCount = 0;
  // Each slot's nearest single item (−1: to be found), true while that item is still single.
  const nearestItem = new Int32Array(n).fill(-1);
  const nearestItemDistance = new Float64Array(n);
  // Each slot's nearest cluster (−1: none), kept as clusters form; found again by a scan only when
  // it was one of the two just merged, or when the slot's own cluster is new.
  const nearestCluster = new Int32Array(n).fill(-1);
  const nearestClusterDistance = new Float64Array(n).fill(Infinity);
  const nearestClusterKnown = new Uint8Array(n).fill(1);
  const near: NearestClusters = {
    slot: nearestCluster,
    distance: nearestClusterDistance,
    known: nearestClusterKnown,
  };
  const chain = new Int32Array(n);
  let chainLength = 0;
  const mergedFirst = new Int32Array(n - 1);
  const mergedSecond = new Int32Array(n - 1);
  const mergedHeight = new Float64Array(n - 1);

  for (let step = 0; step < n - 1; step++) {
    if (chainLength === 0) {
      chain[0] =
        itemCount > 0 && (clusterCount === 0 || items[0] < clusters[0]) ? items[0] : clusters[0];
      chainLength = 1;
    }
    let x: number;
    for (;;) {
      x = chain[chainLength - 1];
      const own = rowOf[x];
      let itemSlot = nearestItem[x];
      let itemBest = nearestItemDistance[x];
      if (itemSlot < 0 || rowOf[itemSlot] >= 0 || size[itemSlot] === 0) {
        // The scans are functions of their own: V8 optimises (and inlines into) each apart.
        if (own >= 0) itemSlot = nearestInRow(pool, own, items, itemCount, -1);
        else if (oneWord) itemSlot = nearestByProfile(packed, quotients, x, items, itemCount);
        else {
          itemSlot = -1;
          itemBest = Infinity;
          for (let k = 0; k < itemCount; k++) {
            const i = items[k];
            if (i === x) continue;
            const d = packedDistance(packed, x, i);
            if (d < itemBest) {
              itemBest = d;
              itemSlot = i;
            }
          }
        }
        itemBest = itemSlot < 0 ? Infinity : distance(x, itemSlot);
        nearestItem[x] = itemSlot;
        nearestItemDistance[x] = itemBest;
      }
      if (!nearestClusterKnown[x]) {
        const slot =
          own >= 0
            ? nearestInRow(pool, own, clusters, clusterCount, x)
            : nearestInColumn(pool, rowOf, clusters, clusterCount, x * ROW_TILE);
        nearestCluster[x] = slot;
        nearestClusterDistance[x] = slot < 0 ? Infinity : distance(x, slot);
        nearestClusterKnown[x] = 1;
      }
      const clusterBest = nearestClusterDistance[x];
      const clusterSlot = nearestCluster[x];
      // The earlier slot between equals; then the chain's previous element if it is as near.
      let nearest: number;
      let y: number;
      if (clusterBest < itemBest || (clusterBest === itemBest && clusterSlot < itemSlot)) {
        nearest = clusterBest;
        y = clusterSlot;
      } else {
        nearest = itemBest;
        y = itemSlot;
      }
      if (chainLength > 1 && distance(x, chain[chainLength - 2]) <= nearest) break;
      chain[chainLength++] = y;
    }
    const y = chain[chainLength - 2];
    chainLength -= 2;

    const first = Math.min(x, y);
    const second = Math.max(x, y);
    const firstSize = size[first];
    const secondSize = size[second];
    const total = firstSize + secondSize;
    mergedFirst[step] = first;
    mergedSecond[step] = second;
    mergedHeight[step] = distance(x, y);
    size[first] = 0;
    size[second] = total;
    const firstRow = rowOf[first];
    const secondRow = rowOf[second];
    if (firstRow >= 0) clusterCount = removeSorted(clusters, clusterCount, first);
    else itemCount = removeSorted(items, itemCount, first);
    // The merged cluster's row: the second's own, or the first's, or a free or new one. Each
    // entry is read (as the distance to first or second) before it is written.
    let target = secondRow >= 0 ? secondRow : firstRow;
    if (target < 0) target = freeRows.pop() ?? tileRow(rowsUsed++, n);
    // Same arithmetic as averageLinkage (SciPy's update); one loop for each kind of pair merged,
    // each a function of its own (V8 optimises each apart).
    const merge: MergeUpdate = { pool, target, first, second, firstSize, secondSize, near };
    if (firstRow >= 0 && secondRow >= 0)
      updateItemsFromRows(merge, firstRow, secondRow, items, itemCount);
    else if (firstRow >= 0)
      updateItemsFromRowAndItem(merge, firstRow, firstSize, second, packed, items, itemCount);
    else if (secondRow >= 0)
      updateItemsFromRowAndItem(merge, secondRow, secondSize, first, packed, items, itemCount);
    else updateItemsFromProfiles(merge, packed, items, itemCount);
    updateClusters(merge, firstRow, secondRow, rowOf, clusters, clusterCount);
    if (secondRow < 0) {
      itemCount = removeSorted(items, itemCount, second);
      clusterCount = insertSorted(clusters, clusterCount, second);
    }
    rowOf[first] = -1;
    rowOf[second] = target;
    if (secondRow >= 0 && firstRow >= 0) freeRows.push(firstRow);
    nearestItem[second] = -1;
    nearestClusterKnown[second] = 0;
  }

  return labelMerges(mergedFirst, mergedSecond, mergedHeight, n);
}

/** Each slot's nearest cluster (see averageLinkageOfProfiles). */
interface NearestClusters {
  slot: Int32Array;
  distance: Float64Array;
  known: Uint8Array;
}

/** One merge of averageLinkageOfProfiles: the two slots, their sizes, and the row being written. */
interface MergeUpdate {
  pool: Float64Array;
  target: number;
  first: number;
  second: number;
  firstSize: number;
  secondSize: number;
  near: NearestClusters;
}

/** The slot `i` is at `updated` from the cluster just formed in slot `second`. */
function follow(
  near: NearestClusters,
  i: number,
  updated: number,
  first: number,
  second: number
): void {
  const slot = near.slot[i];
  if (slot === first || slot === second) near.known[i] = 0;
  else if (updated < near.distance[i] || (updated === near.distance[i] && second < slot)) {
    near.slot[i] = second;
    near.distance[i] = updated;
  }
}

/** Distance between the single items a and b (packedDistance, inlined for one word). */
function itemDistance(packed: PackedProfiles, a: number, b: number): number {
  const { quotients, bits, ones, stride } = packed;
  if (packed.words !== 1 || !quotients) return packedDistance(packed, a, b);
  const both = bitCount(bits[a] & bits[b]);
  const either = ones[a] + ones[b] - both;
  return quotients[either * stride + either - both];
}

/** Two clusters merged: the new row's entries for the single items. */
function updateItemsFromRows(
  merge: MergeUpdate,
  firstRow: number,
  secondRow: number,
  items: Int32Array,
  count: number
): void {
  const { pool, target, first, second, firstSize, secondSize, near } = merge;
  const total = firstSize + secondSize;
  for (let k = 0; k < count; k++) {
    const i = items[k];
    const at = i * ROW_TILE;
    const updated = (firstSize * pool[firstRow + at] + secondSize * pool[secondRow + at]) / total;
    pool[target + at] = updated;
    follow(near, i, updated, first, second);
  }
}

/** A cluster (its row, its size) merged with the single item `item`: the entries for the items. */
function updateItemsFromRowAndItem(
  merge: MergeUpdate,
  row: number,
  rowSize: number,
  item: number,
  packed: PackedProfiles,
  items: Int32Array,
  count: number
): void {
  const { pool, target, first, second, near } = merge;
  const total = rowSize + 1;
  for (let k = 0; k < count; k++) {
    const i = items[k];
    if (i === item) continue;
    // The item's size is 1: the same sum as averageLinkage's, in either order.
    const updated = (rowSize * pool[row + i * ROW_TILE] + itemDistance(packed, item, i)) / total;
    pool[target + i * ROW_TILE] = updated;
    follow(near, i, updated, first, second);
  }
}

/** Two single items merged: the new row's entries for the other single items. */
function updateItemsFromProfiles(
  merge: MergeUpdate,
  packed: PackedProfiles,
  items: Int32Array,
  count: number
): void {
  const { pool, target, first, second, near } = merge;
  const { bits, ones, stride, quotients } = packed;
  if (packed.words !== 1 || !quotients) {
    for (let k = 0; k < count; k++) {
      const i = items[k];
      if (i === second) continue;
      const updated = (itemDistance(packed, first, i) + itemDistance(packed, second, i)) / 2;
      pool[target + i * ROW_TILE] = updated;
      follow(near, i, updated, first, second);
    }
    return;
  }
  const bitsFirst = bits[first];
  const onesFirst = ones[first];
  const bitsSecond = bits[second];
  const onesSecond = ones[second];
  for (let k = 0; k < count; k++) {
    const i = items[k];
    if (i === second) continue;
    const bitsI = bits[i];
    const bothFirst = bitCount(bitsFirst & bitsI);
    const eitherFirst = onesFirst + ones[i] - bothFirst;
    const bothSecond = bitCount(bitsSecond & bitsI);
    const eitherSecond = onesSecond + ones[i] - bothSecond;
    const updated =
      (quotients[eitherFirst * stride + eitherFirst - bothFirst] +
        quotients[eitherSecond * stride + eitherSecond - bothSecond]) /
      2;
    pool[target + i * ROW_TILE] = updated;
    follow(near, i, updated, first, second);
  }
}

/** The new row's entries for the other clusters, and their rows' entries for it. */
function updateClusters(
  merge: MergeUpdate,
  firstRow: number,
  secondRow: number,
  rowOf: Int32Array,
  clusters: Int32Array,
  count: number
): void {
  const { pool, target, first, second, firstSize, secondSize, near } = merge;
  const total = firstSize + secondSize;
  const firstColumn = first * ROW_TILE;
  const secondColumn = second * ROW_TILE;
  for (let k = 0; k < count; k++) {
    const i = clusters[k];
    if (i === second) continue;
    const row = rowOf[i];
    const at = i * ROW_TILE;
    const toFirst = firstRow >= 0 ? pool[firstRow + at] : pool[row + firstColumn];
    const toSecond = secondRow >= 0 ? pool[secondRow + at] : pool[row + secondColumn];
    const updated = (firstSize * toFirst + secondSize * toSecond) / total;
    pool[target + at] = updated;
    // Every other cluster's row follows (a single item's distances are counted, not kept).
    pool[row + secondColumn] = updated;
    follow(near, i, updated, first, second);
  }
}

/** The slot, among the first `count` of `slots` but `skip`, nearest in the row at `row`. */
function nearestInRow(
  pool: Float64Array,
  row: number,
  slots: Int32Array,
  count: number,
  skip: number
): number {
  let best = Infinity;
  let slot = -1;
  for (let k = 0; k < count; k++) {
    const i = slots[k];
    const d = pool[row + i * ROW_TILE];
    if (d < best && i !== skip) {
      best = d;
      slot = i;
    }
  }
  return slot;
}

/** The slot, among the first `count` of `slots` (clusters), whose row is nearest at `column`. */
function nearestInColumn(
  pool: Float64Array,
  rowOf: Int32Array,
  slots: Int32Array,
  count: number,
  column: number
): number {
  let best = Infinity;
  let slot = -1;
  for (let k = 0; k < count; k++) {
    const i = slots[k];
    const d = pool[rowOf[i] + column];
    if (d < best) {
      best = d;
      slot = i;
    }
  }
  return slot;
}

/** The single item, among the first `count` of `slots` but x, nearest x (one-word profiles). */
function nearestByProfile(
  packed: PackedProfiles,
  quotients: Float64Array,
  x: number,
  slots: Int32Array,
  count: number
): number {
  const { bits, ones, stride } = packed;
  const bitsX = bits[x];
  const onesX = ones[x];
  let best = Infinity;
  let slot = -1;
  for (let k = 0; k < count; k++) {
    const i = slots[k];
    const both = bitCount(bitsX & bits[i]);
    const either = onesX + ones[i] - both;
    const d = quotients[either * stride + either - both];
    if (d < best && i !== x) {
      best = d;
      slot = i;
    }
  }
  return slot;
}

/** Rows of the pool of averageLinkageOfProfiles stored side by side, entry by entry. */
const ROW_TILE = 8;

/** Where entry 0 of row `row` is in the pool (n entries a row, ROW_TILE rows a tile). */
function tileRow(row: number, n: number): number {
  return Math.floor(row / ROW_TILE) * ROW_TILE * n + (row % ROW_TILE);
}

/** Takes `value` out of the first `count` entries of a sorted list; returns the new count. */
function removeSorted(list: Int32Array, count: number, value: number): number {
  const at = list.subarray(0, count).indexOf(value);
  list.copyWithin(at, at + 1, count);
  return count - 1;
}

/** Puts `value` into the first `count` entries of a sorted list; returns the new count. */
function insertSorted(list: Int32Array, count: number, value: number): number {
  let at = count;
  while (at > 0 && list[at - 1] > value) at--;
  list.copyWithin(at + 1, at, count);
  list[at] = value;
  return count + 1;
}

/**
 * Gives each merge, found as a pair of slots (each slot named by a leaf its cluster holds), the
 * ids of the clusters it joins, with a union-find over leaves and formed clusters. The chain finds
 * merges out of height order: they are listed by height, equal heights in the order found.
 */
function labelMerges(
  first: Int32Array,
  second: Int32Array,
  height: Float64Array,
  n: number
): Merge[] {
  // Array.prototype.sort is stable.
  const order = Array.from(height.keys()).sort((a, b) => height[a] - height[b]);
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
  return order.map((found, index) => {
    const a = root(first[found]);
    const b = root(second[found]);
    const formed = n + index;
    parent[a] = formed;
    parent[b] = formed;
    leaves[formed] = leaves[a] + leaves[b];
    return {
      left: Math.min(a, b),
      right: Math.max(a, b),
      height: height[found],
      size: leaves[formed],
    };
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
