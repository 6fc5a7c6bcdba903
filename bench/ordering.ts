/**
 * Ordering a study (issue 5 §1): Jaccard distances, average linkage and optimal leaf ordering on
 * both sides, then a cut into K candidate segments. Goal: 200 × 200 in under 200 ms. The plain
 * reference is the two Jaccard distance matrices alone, which any ordering by profile computes.
 */
import { performance } from "perf_hooks";
import { candidateSegments } from "../src/analysis/candidate-segments";
import { jaccardDistances } from "../src/analysis/jaccard";
import { averageLinkage } from "../src/analysis/linkage";
import { optimalLeafOrder } from "../src/analysis/leaf-order";
import { orderStudy } from "../src/analysis/order-study";
import { EXACT_LEAF_ORDER_MAX, ORDER_MAX_ITEMS } from "../src/analysis/order-items";
import { tickTable } from "../src/analysis/ticks";
import { Study } from "../src/method/study";
import { randomStudy } from "./studies";

function medianMs(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function benchStudy(label: string, study: Study, runs: number, k: number): void {
  const { clienteleProfiles, needProfiles } = tickTable(study);
  const clienteleDistances = jaccardDistances(clienteleProfiles);
  const clienteleLinkage = averageLinkage(clienteleDistances);
  const distances = medianMs(runs, () => {
    jaccardDistances(clienteleProfiles);
    jaccardDistances(needProfiles);
  });
  const linkage = medianMs(runs, () => averageLinkage(clienteleDistances));
  const leafOrder = medianMs(runs, () => optimalLeafOrder(clienteleLinkage, clienteleDistances));
  const whole = medianMs(runs, () => orderStudy(study));
  const ordered = orderStudy(study).ordered;
  if (!ordered) throw new Error(`${label}: ordering failed`);
  const cut = medianMs(runs, () => candidateSegments(ordered.study, ordered.clienteles, k));
  console.log(
    [
      label.padEnd(26),
      `order ${whole.toFixed(1).padStart(7)} ms`,
      `(reference, distances both ways ${distances.toFixed(1).padStart(6)} ms;`,
      `clientèles: linkage ${linkage.toFixed(1).padStart(5)} ms,`,
      `leaf order ${leafOrder.toFixed(1).padStart(6)} ms)`,
      `cut K=${k} ${cut.toFixed(1).padStart(5)} ms`,
    ].join("  ")
  );
}

export function benchOrdering(worked: Study): void {
  console.log(
    "\n== ordering: Jaccard + average linkage + optimal leaf ordering, both ways (goal: 200x200 < 200 ms)"
  );
  benchStudy("example 13x13", worked, 21, 3);
  benchStudy("random 50x50, 40% X", randomStudy(50, 50, 0.4), 11, 5);
  benchStudy("random 200x200, 40% X", randomStudy(200, 200, 0.4), 9, 8);
  benchStudy("random 400x400, 40% X", randomStudy(400, 400, 0.4), 3, 10);
  benchTallStudies();
}

/**
 * Tall studies (issue 13 A): 20 clientèles × 1 000 / 4 000 / 10 000 needs, 40 % ticked. The needs
 * side is exact up to EXACT_LEAF_ORDER_MAX, then ordered by the Gruvaeus–Wainer heuristic; the
 * linkage stays O(n²). Printed: each stage once (too slow to repeat), the method, the heap's and
 * typed arrays' growth, and the exact method's time where it still runs (1 000).
 */
function benchTallStudies(): void {
  console.log(
    `\n== ordering tall studies: 20 clientèles × N needs, 40% X (exact leaf order up to ${EXACT_LEAF_ORDER_MAX}, Gruvaeus–Wainer beyond; refused beyond ${ORDER_MAX_ITEMS})`
  );
  for (const needs of [1000, 4000, 10000]) {
    const study = randomStudy(20, needs, 0.4, 13);
    const { needProfiles } = tickTable(study);
    const clustered = needProfiles.filter((profile) => profile.some(Boolean));
    const before = process.memoryUsage();
    let start = performance.now();
    const distances = jaccardDistances(clustered);
    const distanceMs = performance.now() - start;
    start = performance.now();
    const linkage = averageLinkage(distances, { consume: needs > EXACT_LEAF_ORDER_MAX });
    const linkageMs = performance.now() - start;
    const after = process.memoryUsage();
    const grownMiB =
      (after.arrayBuffers - before.arrayBuffers + after.heapUsed - before.heapUsed) / 2 ** 20;
    start = performance.now();
    const result = orderStudy(study);
    const wholeMs = performance.now() - start;
    const method = result.ordered?.needs.method ?? "refused";
    let exact = "";
    if (needs <= EXACT_LEAF_ORDER_MAX) {
      start = performance.now();
      optimalLeafOrder(linkage, distances);
      exact = `, exact leaf order alone ${(performance.now() - start).toFixed(0)} ms`;
    }
    console.log(
      [
        `20x${needs}`.padEnd(10),
        `order (both sides) ${wholeMs.toFixed(0).padStart(6)} ms${exact};`,
        `needs: distances ${distanceMs.toFixed(0).padStart(5)} ms,`,
        `linkage ${linkageMs.toFixed(0).padStart(5)} ms,`,
        `+${grownMiB.toFixed(0)} MiB held;`,
        `leaf order: ${method}`,
      ].join("  ")
    );
  }
}
