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
}
