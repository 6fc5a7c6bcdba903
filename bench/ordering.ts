/**
 * Ordering a study (issue 5 §1): Jaccard distances, average linkage and optimal leaf ordering on
 * both sides, then a cut into K candidate segments. Goal: 200 × 200 in under 200 ms. The plain
 * reference is the two Jaccard distance matrices alone, which any ordering by profile computes.
 */
import os from "os";
import { performance } from "perf_hooks";
import { candidateSegments } from "../src/analysis/candidate-segments";
import { jaccardDistances } from "../src/analysis/jaccard";
import { averageLinkage, averageLinkageOfProfiles } from "../src/analysis/linkage";
import { optimalLeafOrder } from "../src/analysis/leaf-order";
import { orderStudy } from "../src/analysis/order-study";
import { EXACT_LEAF_ORDER_MAX, ORDER_MAX_ITEMS } from "../src/analysis/order-items";
import { tickTable } from "../src/analysis/ticks";
import { Study } from "../src/method/study";
import { randomStudy } from "./studies";

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

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
 * Tall and wide studies (issue 13 A): 20 clientèles × 1 000 / 4 000 / 10 000 needs and 10 000
 * clientèles × 20 needs, 40 % ticked. The long side is exact up to EXACT_LEAF_ORDER_MAX, then
 * ordered by the Gruvaeus–Wainer heuristic over a tree built without the distance matrix
 * (averageLinkageOfProfiles); the linkage stays O(n²) in time. Printed: each once (too slow to
 * repeat), with the long side's linkage alone, the method, and the exact leaf order's time where
 * it still runs (1 000); wall time and, as the machine may be shared, CPU time (user + system) and
 * the load average. Goal: each under 3 s. Alone: `npx tsx bench/ordering-tall.ts`.
 */
export function benchTallStudies(): void {
  console.log(
    `\n== ordering tall and wide studies, 40% X (exact leaf order up to ${EXACT_LEAF_ORDER_MAX} items, Gruvaeus–Wainer beyond; refused beyond ${ORDER_MAX_ITEMS}; goal: 20x10000 and 10000x20 under 3 s)`
  );
  const shapes: [number, number][] = [
    [20, 1000],
    [20, 4000],
    [20, 10000],
    [10000, 20],
  ];
  for (const [clienteles, needs] of shapes) {
    const study = randomStudy(clienteles, needs, 0.4, 13);
    const { clienteleProfiles, needProfiles } = tickTable(study);
    const long = (needs >= clienteles ? needProfiles : clienteleProfiles).filter((profile) =>
      profile.some(Boolean)
    );
    const exactSide = long.length <= EXACT_LEAF_ORDER_MAX;
    let start = performance.now();
    let cpuStart = process.cpuUsage();
    const distances = exactSide ? jaccardDistances(long) : undefined;
    const linkage = distances ? averageLinkage(distances) : averageLinkageOfProfiles(long);
    const linkageMs = performance.now() - start;
    const linkageCpuMs = cpuMs(process.cpuUsage(cpuStart));
    start = performance.now();
    cpuStart = process.cpuUsage();
    const result = orderStudy(study);
    const wholeMs = performance.now() - start;
    const wholeCpuMs = cpuMs(process.cpuUsage(cpuStart));
    const side = needs >= clienteles ? result.ordered?.needs : result.ordered?.clienteles;
    let exact = "";
    if (distances) {
      start = performance.now();
      optimalLeafOrder(linkage, distances);
      exact = `, exact leaf order alone ${(performance.now() - start).toFixed(0)} ms`;
    }
    console.log(
      [
        `${clienteles}x${needs}`.padEnd(10),
        `order (both sides) ${wholeMs.toFixed(0).padStart(6)} ms, CPU ${wholeCpuMs.toFixed(0).padStart(6)} ms${exact};`,
        `long side: distances + linkage ${linkageMs.toFixed(0).padStart(5)} ms, CPU ${linkageCpuMs.toFixed(0).padStart(5)} ms;`,
        `leaf order: ${side?.method ?? "refused"};`,
        `load ${os.loadavg()[0].toFixed(1)}`,
      ].join("  ")
    );
  }
}
