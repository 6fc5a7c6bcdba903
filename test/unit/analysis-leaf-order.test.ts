/**
 * Optimal leaf ordering, proved against an exhaustive search over the 2^(n−1) leaf orders a tree
 * allows (every merge shown either way round), for trees of up to 8 leaves; and the
 * Gruvaeus–Wainer heuristic used beyond the exact method's size, against its defining rule.
 */
import { DistanceMatrix, jaccardDistances } from "../../src/analysis/jaccard";
import { Merge, averageLinkage, treeLeafOrder } from "../../src/analysis/linkage";
import { flippedLeafOrder, optimalLeafOrder, orderCost } from "../../src/analysis/leaf-order";
import { randomTicks, seededRandom } from "../support/random";
import { clusteredProfiles, fixtureCases } from "../support/tick-fixtures";

/** Every leaf order the tree allows: one per choice of flipped merges. */
function treeOrders(linkage: readonly Merge[]): number[][] {
  const n = linkage.length + 1;
  const orders: number[][] = [];
  for (let flips = 0; flips < 2 ** linkage.length; flips++) {
    const unfold = (node: number): number[] => {
      if (node < n) return [node];
      const { left, right } = linkage[node - n];
      const flipped = (flips >> (node - n)) & 1;
      return flipped ? [...unfold(right), ...unfold(left)] : [...unfold(left), ...unfold(right)];
    };
    orders.push(unfold(2 * n - 2));
  }
  return orders;
}

function exhaustiveBest(linkage: readonly Merge[], distances: DistanceMatrix): number {
  return Math.min(...treeOrders(linkage).map((order) => orderCost(order, distances)));
}

/** Whether every merge's leaves sit side by side in the order. */
function allowedByTree(order: readonly number[], linkage: readonly Merge[]): boolean {
  const n = linkage.length + 1;
  const position = new Map(order.map((leaf, i) => [leaf, i]));
  const leaves: number[][] = [];
  const under = (node: number): number[] => (node < n ? [node] : leaves[node - n]);
  return linkage.every((merge) => {
    const members = [...under(merge.left), ...under(merge.right)];
    leaves.push(members);
    const places = members.map((leaf) => position.get(leaf) as number);
    return Math.max(...places) - Math.min(...places) + 1 === members.length;
  });
}

function randomSmallTables(count: number): boolean[][][] {
  const random = seededRandom(2001);
  return Array.from({ length: count }, () => {
    const items = 2 + Math.floor(random() * 7); // 2 to 8 leaves
    const width = 2 + Math.floor(random() * 9);
    const density = 0.15 + random() * 0.6;
    return randomTicks(random, items, width, density).filter((p) => p.some(Boolean));
  }).filter((profiles) => profiles.length >= 2);
}

describe("optimalLeafOrder", () => {
  const tables = randomSmallTables(400);

  it("checks many small random tables", () => {
    expect(tables.length).toBeGreaterThan(300);
    expect(tables.filter((t) => t.length === 8).length).toBeGreaterThan(20);
  });

  it("reaches the exhaustive search's best total on every small random table", () => {
    for (const profiles of tables) {
      const distances = jaccardDistances(profiles);
      const linkage = averageLinkage(distances);
      const order = optimalLeafOrder(linkage, distances);
      expect(allowedByTree(order, linkage)).toBe(true);
      expect(orderCost(order, distances)).toBeCloseTo(exhaustiveBest(linkage, distances), 12);
    }
  });

  it("reaches it on the SciPy fixtures of at most 8 leaves too", () => {
    const small = fixtureCases.filter((c) => c.reference.leaves.length >= 2);
    const checked = small.filter((c) => c.reference.leaves.length <= 8);
    expect(checked.length).toBeGreaterThanOrEqual(10);
    for (const fixture of checked) {
      const distances = jaccardDistances(clusteredProfiles(fixture));
      const linkage = averageLinkage(distances);
      const order = optimalLeafOrder(linkage, distances);
      expect(orderCost(order, distances)).toBeCloseTo(exhaustiveBest(linkage, distances), 12);
    }
  });

  it("is never worse than SciPy's optimal_leaf_ordering, which is not always optimal (scipy#11227)", () => {
    let better = 0;
    for (const fixture of fixtureCases.filter((c) => c.reference.leaves.length >= 2)) {
      const distances = jaccardDistances(clusteredProfiles(fixture));
      const linkage = averageLinkage(distances);
      const order = optimalLeafOrder(linkage, distances);
      expect(allowedByTree(order, linkage)).toBe(true);
      expect(allowedByTree(fixture.reference.oloOrder, linkage)).toBe(true);
      const cost = orderCost(order, distances);
      expect(cost).toBeLessThanOrEqual(fixture.reference.oloCost + 1e-9);
      if (cost < fixture.reference.oloCost - 1e-9) better++;
    }
    expect(better).toBeGreaterThan(0);
  });

  it("is deterministic and begins with the end that comes first in the original order", () => {
    const random = seededRandom(7);
    for (let run = 0; run < 50; run++) {
      // Few needs: many equal distances, hence many orders of the same total.
      const profiles = randomTicks(random, 12, 3, 0.5).filter((p) => p.some(Boolean));
      if (profiles.length < 2) continue;
      const distances = jaccardDistances(profiles);
      const linkage = averageLinkage(distances);
      const order = optimalLeafOrder(linkage, distances);
      expect(optimalLeafOrder(averageLinkage(jaccardDistances(profiles)), distances)).toEqual(
        order
      );
      expect(order[0]).toBeLessThan(order[order.length - 1]);
      expect([...order].sort((a, b) => a - b)).toEqual(profiles.map((_, i) => i));
    }
  });

  it("orders one leaf and two leaves trivially", () => {
    expect(optimalLeafOrder([], jaccardDistances([[true]]))).toEqual([0]);
    const two = jaccardDistances([[true], [true]]);
    expect(optimalLeafOrder(averageLinkage(two), two)).toEqual([0, 1]);
  });

  it("orders 200 leaves, each a permutation of the leaves the tree allows", () => {
    const profiles = randomTicks(seededRandom(200), 200, 200, 0.4);
    const distances = jaccardDistances(profiles);
    const linkage = averageLinkage(distances);
    const order = optimalLeafOrder(linkage, distances);
    expect(new Set(order).size).toBe(200);
    expect(allowedByTree(order, linkage)).toBe(true);
  });
});

/**
 * The Gruvaeus–Wainer rule, checked on a finished order: at every merge, the two blocks of its
 * children touch at ends no farther apart than any other pair of their ends (each child's block
 * may only be reversed whole).
 */
function flipsAreNearest(
  order: readonly number[],
  linkage: readonly Merge[],
  distance: (a: number, b: number) => number
): boolean {
  const n = linkage.length + 1;
  const position = new Int32Array(n);
  order.forEach((leaf, i) => (position[leaf] = i));
  const from = new Int32Array(2 * n - 1);
  const to = new Int32Array(2 * n - 1);
  for (let leaf = 0; leaf < n; leaf++) from[leaf] = to[leaf] = position[leaf];
  return linkage.every(({ left, right }, i) => {
    from[n + i] = Math.min(from[left], from[right]);
    to[n + i] = Math.max(to[left], to[right]);
    const [before, after] = from[left] < from[right] ? [left, right] : [right, left];
    const touching = distance(order[to[before]], order[from[after]]);
    const ends = (node: number): number[] => [order[from[node]], order[to[node]]];
    const nearest = Math.min(
      ...ends(before).flatMap((a) => ends(after).map((b) => distance(a, b)))
    );
    return touching <= nearest + 1e-12;
  });
}

describe("flippedLeafOrder (Gruvaeus–Wainer)", () => {
  const tables = randomSmallTables(200);

  it("gives an order the tree allows, its merges flipped so that the touching ends are nearest", () => {
    for (const profiles of tables) {
      const distances = jaccardDistances(profiles);
      const linkage = averageLinkage(distances);
      const at = (a: number, b: number): number => distances.values[a * distances.size + b];
      const order = flippedLeafOrder(linkage, at);
      expect([...order].sort((a, b) => a - b)).toEqual(profiles.map((_, i) => i));
      expect(allowedByTree(order, linkage)).toBe(true);
      expect(flipsAreNearest(order, linkage, at)).toBe(true);
      expect(orderCost(order, distances)).toBeGreaterThanOrEqual(
        exhaustiveBest(linkage, distances) - 1e-12
      );
      expect(order[0]).toBeLessThan(order[order.length - 1]);
    }
  });

  it("orders 2 000 leaves with four distances per merge, deterministically", () => {
    const profiles = randomTicks(seededRandom(2000), 2000, 20, 0.4).filter((p) => p.some(Boolean));
    const distances = jaccardDistances(profiles);
    const linkage = averageLinkage(distances);
    let lookups = 0;
    const at = (a: number, b: number): number => {
      lookups++;
      return distances.values[a * distances.size + b];
    };
    const order = flippedLeafOrder(linkage, at);
    expect(lookups).toBe(4 * linkage.length); // four ways round per merge, nothing more
    expect(new Set(order).size).toBe(profiles.length);
    expect(allowedByTree(order, linkage)).toBe(true);
    expect(flipsAreNearest(order, linkage, at)).toBe(true);
    expect(flippedLeafOrder(linkage, at)).toEqual(order);
  });

  it("comes within a few per cent of the exact optimum on 300 leaves", () => {
    const profiles = randomTicks(seededRandom(300), 300, 20, 0.4).filter((p) => p.some(Boolean));
    const distances = jaccardDistances(profiles);
    const linkage = averageLinkage(distances);
    const at = (a: number, b: number): number => distances.values[a * distances.size + b];
    const heuristic = orderCost(flippedLeafOrder(linkage, at), distances);
    const exact = orderCost(optimalLeafOrder(linkage, distances), distances);
    expect(heuristic).toBeGreaterThanOrEqual(exact - 1e-9);
    expect(heuristic).toBeLessThan(exact * 1.1);
    // and far better than the tree's own order, which flips nothing
    const unflipped = orderCost(treeLeafOrder(linkage), distances);
    expect(heuristic).toBeLessThan(unflipped);
  });
});
