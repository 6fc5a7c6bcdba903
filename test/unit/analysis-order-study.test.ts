/** Cutting the tree, the suggested K, and orderStudy on the worked example and random studies. */
import example from "../../examples/exemple-incubateur.json";
import { cutTree, suggestCut } from "../../src/analysis/cut";
import { jaccardDistances } from "../../src/analysis/jaccard";
import { Merge, averageLinkage } from "../../src/analysis/linkage";
import { orderStudy } from "../../src/analysis/order-study";
import { EXACT_LEAF_ORDER_MAX, ORDER_MAX_ITEMS } from "../../src/analysis/order-items";
import { tickTable } from "../../src/analysis/ticks";
import { CHECKLIST_ITEMS } from "../../src/method/segments";
import { Pair, Study, emptySegment } from "../../src/method/study";
import { validateStudy } from "../../src/method/validate";
import { EXAMPLE_GROUPS } from "../support/example-groups";
import { randomTicks, seededRandom } from "../support/random";

function workedExample(): Study {
  const { study } = validateStudy(example);
  if (!study) throw new Error("the worked example is invalid");
  return study;
}

/** A study from a tick table: clientèle c feels need n when ticks[c][n]; ratings vary. */
function studyOf(ticks: boolean[][], needs = ticks[0]?.length ?? 0): Study {
  const pairs: Pair[] = [];
  ticks.forEach((row, c) =>
    row.forEach((ticked, n) => {
      if (ticked)
        pairs.push({
          clientele: `C${c + 1}`,
          need: `N${n + 1}`,
          perception: 1 + ((c + n) % 4),
          impact: 1 + ((c * 3 + n) % 4),
          ...((c + n) % 5 === 0 ? { competition: (c + n) % 5, comment: `note ${c}-${n}` } : {}),
        });
    })
  );
  return {
    language: "fr",
    clienteles: ticks.map((_, c) => ({ name: `C${c + 1}` })),
    needs: Array.from({ length: needs }, (_, n) => ({ name: `N${n + 1}` })),
    pairs,
    weights: { perception: 1, impact: 1 },
  };
}

const names = (items: readonly { name: string }[]): string[] => items.map((item) => item.name);
const sortedPairs = (pairs: readonly Pair[]): string[] =>
  pairs.map((p) => JSON.stringify(p)).sort();

describe("cutTree", () => {
  // ((0 1) 2) (3 4): heights 0.1, 0.2, 0.3, 0.8
  const linkage: Merge[] = [
    { left: 0, right: 1, height: 0.1, size: 2 },
    { left: 3, right: 4, height: 0.2, size: 2 },
    { left: 2, right: 5, height: 0.3, size: 3 },
    { left: 6, right: 7, height: 0.8, size: 5 },
  ];
  const leafOrder = [2, 0, 1, 4, 3];

  it("makes the first n − K merges and lists groups and members in leaf order", () => {
    expect(cutTree(linkage, leafOrder, 1)).toEqual([[2, 0, 1, 4, 3]]);
    expect(cutTree(linkage, leafOrder, 2)).toEqual([
      [2, 0, 1],
      [4, 3],
    ]);
    expect(cutTree(linkage, leafOrder, 3)).toEqual([[2], [0, 1], [4, 3]]);
    expect(cutTree(linkage, leafOrder, 5)).toEqual([[2], [0], [1], [4], [3]]);
  });

  it("refuses a K it cannot give", () => {
    expect(() => cutTree(linkage, leafOrder, 0)).toThrow(RangeError);
    expect(() => cutTree(linkage, leafOrder, 6)).toThrow(RangeError);
    expect(() => cutTree(linkage, leafOrder, 2.5)).toThrow(RangeError);
  });
});

describe("suggestCut", () => {
  /** A caterpillar tree: leaf 0 and leaf 1 merge first, then each next leaf joins. */
  const chain = (heights: number[]): Merge[] =>
    heights.map((height, i) => {
      const previous = i === 0 ? 0 : heights.length + i; // leaf 0, then merge i − 1
      return {
        left: Math.min(previous, i + 1),
        right: Math.max(previous, i + 1),
        height,
        size: i + 2,
      };
    });

  it("picks the widest gap between successive merge heights, with its heights", () => {
    // 7 leaves; K from 2 to 3. K = 2: gap 0.9 − 0.5; K = 3: gap 0.5 − 0.2.
    expect(suggestCut(chain([0.1, 0.1, 0.15, 0.2, 0.5, 0.9]))).toEqual({
      k: 2,
      gap: 0.9 - 0.5,
      lowerHeight: 0.5,
      upperHeight: 0.9,
    });
    expect(suggestCut(chain([0.1, 0.1, 0.15, 0.2, 0.7, 0.8]))?.k).toBe(3);
  });

  it("prefers fewer segments on equal gaps", () => {
    expect(suggestCut(chain([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]))?.k).toBe(2);
  });

  it("suggests at most ⌊n/2⌋ segments, so identical profiles merged at 0 do not win", () => {
    // 6 leaves: the widest gap (0 → 0.6) would mean K = 4; the bound keeps K ≤ 3.
    expect(suggestCut(chain([0, 0.6, 0.65, 0.7, 0.9]))).toEqual({
      k: 2,
      gap: 0.9 - 0.7,
      lowerHeight: 0.7,
      upperHeight: 0.9,
    });
  });

  it("suggests nothing under 3 leaves, and 2 for 3 leaves", () => {
    expect(suggestCut([])).toBeUndefined();
    expect(suggestCut(chain([0.5]))).toBeUndefined();
    expect(suggestCut(chain([0.2, 0.5]))?.k).toBe(2);
  });
});

describe("orderStudy on the worked example", () => {
  const study = workedExample();
  const { ordered, problems } = orderStudy(study, { segments: 3 });

  it("cuts into the three groups the method expects", () => {
    expect(problems).toEqual([]);
    const groups = (ordered?.segments ?? []).map((segment) => [...segment.clienteles].sort());
    expect(groups.sort((a, b) => a[0].localeCompare(b[0]))).toEqual(
      EXAMPLE_GROUPS.map((group) => [...group].sort()).sort((a, b) => a[0].localeCompare(b[0]))
    );
  });

  it("suggests 3 segments: the widest gap, between merges at 0.75 and 0.903", () => {
    expect(ordered?.suggestion?.k).toBe(3);
    expect(ordered?.suggestion?.lowerHeight).toBeCloseTo(0.75, 12);
    expect(ordered?.suggestion?.upperHeight).toBeCloseTo(0.9033968253968254, 12);
  });

  it("puts each segment's clientèles side by side in the new order", () => {
    const order = names(ordered?.study.clienteles ?? []);
    expect((ordered?.segments ?? []).flatMap((segment) => segment.clienteles)).toEqual(order);
  });

  it("gives each segment the needs at least half of its clientèles feel, in the new need order", () => {
    const needOrder = names(ordered?.study.needs ?? []);
    const segments = ordered?.segments ?? [];
    const funders = segments.find((s) => s.clienteles.includes("Bailleurs de fonds"));
    expect(funders?.needs).toEqual(["Comparer des projets"]);
    for (const segment of segments) {
      expect(segment.needs).toEqual(needOrder.filter((need) => segment.needs.includes(need)));
      for (const need of needOrder) {
        const feeling = segment.clienteles.filter((clientele) =>
          study.pairs.some((p) => p.clientele === clientele && p.need === need)
        ).length;
        expect(segment.needs.includes(need)).toBe(2 * feeling >= segment.clienteles.length);
      }
    }
  });

  it("makes segments the consultant fills: named, checklist to do, every other list empty", () => {
    const segments = ordered?.segments ?? [];
    expect(names(segments)).toEqual(["Segment 1", "Segment 2", "Segment 3"]);
    expect(ordered?.study.segments).toEqual(segments);
    for (const segment of segments) {
      expect(segment.checklist).toEqual(CHECKLIST_ITEMS.map(() => "à faire"));
      expect(segment.checklist).toHaveLength(11);
      expect(segment).toMatchObject({
        offerings: [],
        channels: [],
        zones: [],
        successFactors: [],
        attributes: [],
        personas: [],
        plans: {},
      });
      expect(segment.type).toBeUndefined();
    }
  });

  it("keeps every pair, rating and comment, in table order", () => {
    const pairs = ordered?.study.pairs ?? [];
    expect(sortedPairs(pairs)).toEqual(sortedPairs(study.pairs));
    const rank = (list: readonly { name: string }[], name: string): number =>
      list.findIndex((item) => item.name === name);
    const keys = pairs.map((p) => [
      rank(ordered?.study.clienteles ?? [], p.clientele),
      rank(ordered?.study.needs ?? [], p.need),
    ]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(keys).toEqual(sorted);
  });

  it("keeps items, types, title, language and weights; nothing is out of the method", () => {
    const result = ordered?.study;
    expect([...(result?.clienteles ?? [])].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...study.clienteles].sort((a, b) => a.name.localeCompare(b.name))
    );
    expect(new Set(names(result?.needs ?? []))).toEqual(new Set(names(study.needs)));
    expect(result).toMatchObject({
      title: study.title,
      language: "fr",
      weights: study.weights,
    });
    expect(ordered?.outOfMethod).toEqual({ clienteles: [], needs: [] });
  });

  it("does not change the study it was given", () => {
    const before = JSON.stringify(workedExample());
    orderStudy(study, { segments: 3 });
    expect(JSON.stringify(study)).toBe(before);
  });
});

describe("orderStudy", () => {
  it("puts clientèles and needs without any X last, in original order, and names them", () => {
    const study = studyOf([
      [false, false, false, false],
      [true, false, true, false],
      [false, false, false, false],
      [true, false, false, false],
      [false, false, true, false],
    ]);
    study.clienteles.push({ name: "C6" });
    const { ordered } = orderStudy(study);
    expect(ordered?.outOfMethod).toEqual({ clienteles: ["C1", "C3", "C6"], needs: ["N2", "N4"] });
    expect(names(ordered?.study.clienteles ?? []).slice(-3)).toEqual(["C1", "C3", "C6"]);
    expect(names(ordered?.study.needs ?? []).slice(-2)).toEqual(["N2", "N4"]);
    expect(ordered?.study.pairs).toHaveLength(study.pairs.length);
  });

  it("cuts exactly the clientèles with at least one X into K segments, on random studies", () => {
    const random = seededRandom(55);
    for (let run = 0; run < 60; run++) {
      const clienteles = 2 + Math.floor(random() * 25);
      const study = studyOf(randomTicks(random, clienteles, 2 + Math.floor(random() * 20), 0.3));
      const withX = new Set(study.pairs.map((p) => p.clientele));
      if (withX.size === 0) continue;
      const k = 1 + Math.floor(random() * withX.size);
      const { ordered, problems } = orderStudy(study, { segments: k });
      expect(problems).toEqual([]);
      const members = (ordered?.segments ?? []).flatMap((segment) => segment.clienteles);
      expect(ordered?.segments).toHaveLength(k);
      expect(members).toHaveLength(withX.size);
      expect(new Set(members)).toEqual(withX);
      expect(sortedPairs(ordered?.study.pairs ?? [])).toEqual(sortedPairs(study.pairs));
      expect(orderStudy(study, { segments: k })).toEqual({ ordered, problems });
    }
  });

  it("is deterministic on tables full of ties", () => {
    const random = seededRandom(9);
    for (let run = 0; run < 20; run++) {
      const study = studyOf(randomTicks(random, 20, 3, 0.5));
      const first = orderStudy(study, { segments: 2 });
      const second = orderStudy(JSON.parse(JSON.stringify(study)) as Study, { segments: 2 });
      expect(second).toEqual(first);
    }
  });

  it("keeps the segments a study holds when no K is asked for", () => {
    const study = workedExample();
    const segment = { ...emptySegment("Mes porteurs"), clienteles: ["Etudiants"] };
    study.segments = [segment];
    expect(orderStudy(study).ordered?.study.segments).toEqual([segment]);
    expect(orderStudy(study).ordered?.segments).toBeUndefined();
  });

  it("drops the targets and conquest order of the segments it replaces, so the study still builds", () => {
    const study = workedExample();
    study.offerings = ["Atelier"];
    study.segments = [{ ...emptySegment("Mes porteurs"), clienteles: ["Etudiants"] }];
    study.targets = [{ segment: "Mes porteurs", offering: "Atelier" }];
    study.conquest = ["Mes porteurs"];
    const ordered = orderStudy(study, { segments: 3 }).ordered?.study;
    expect(ordered?.targets).toBeUndefined();
    expect(ordered?.conquest).toBeUndefined();
    expect(ordered?.offerings).toEqual(["Atelier"]);
    expect(validateStudy(ordered as Study).problems.filter((p) => p.severity === "error")).toEqual(
      []
    );
    // Reordering only keeps them.
    expect(orderStudy(study).ordered?.study.targets).toEqual(study.targets);
  });

  it.each([
    [14, "segments-too-many", /14 segments asked for, but only 13 clientèles have at least one X/],
    [0, "segments-count-invalid", /"0" is not a number of segments/],
    [2.5, "segments-count-invalid", /"2.5" is not a number of segments/],
  ])("refuses %p segments with a clear problem", (k, code, message) => {
    const { ordered, problems } = orderStudy(workedExample(), { segments: k });
    expect(ordered).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(problems[0].message.en).toMatch(message);
    expect(problems[0].message.fr).not.toBe("");
  });

  it("refuses segments when no clientèle has an X, and orders such a study as it is", () => {
    const study = studyOf([[false], [false]]);
    expect(orderStudy(study, { segments: 1 }).problems[0].code).toBe("segments-no-tick");
    const { ordered } = orderStudy(study);
    expect(names(ordered?.study.clienteles ?? [])).toEqual(["C1", "C2"]);
    expect(ordered?.suggestion).toBeUndefined();
  });

  it("orders a single clientèle with an X, into one segment at most", () => {
    const study = studyOf([[true, false]]);
    expect(orderStudy(study, { segments: 1 }).ordered?.segments?.[0].clienteles).toEqual(["C1"]);
    expect(orderStudy(study, { segments: 2 }).problems[0].message.en).toMatch(
      /only one clientèle has at least one X: choose 1 segment/
    );
  });
});

describe("orderStudy at scale", () => {
  /** One clientèle per group of needs: every need has an X, the needs side has `count` items. */
  const manyNeeds = (count: number): Study =>
    studyOf(
      Array.from({ length: 12 }, (_, c) =>
        Array.from({ length: count }, (_, n) => (n * 7 + c * 3) % 5 < 2 || n % 12 === c)
      )
    );

  it("orders a side exactly up to EXACT_LEAF_ORDER_MAX items, without a word", () => {
    const { ordered, problems } = orderStudy(manyNeeds(60));
    expect(problems).toEqual([]);
    expect(ordered?.needs.method).toBe("optimal");
    expect(ordered?.clienteles.method).toBe("optimal");
  });

  it("says, with the size and the method, when a side is beyond it", () => {
    const count = EXACT_LEAF_ORDER_MAX + 1;
    const { ordered, problems } = orderStudy(manyNeeds(count));
    expect(ordered?.needs.method).toBe("gruvaeus-wainer");
    expect(ordered?.clienteles.method).toBe("optimal");
    expect(problems.map((p) => [p.code, p.severity])).toEqual([["ordering-heuristic", "warning"]]);
    expect(problems[0].message.en).toMatch(
      new RegExp(
        `^${count} needs: too many for the exact optimal leaf ordering .*beyond ${EXACT_LEAF_ORDER_MAX}.*Gruvaeus–Wainer`
      )
    );
    expect(problems[0].message.fr).toMatch(
      new RegExp(`^${count} besoins : .*ordonnés par l'heuristique de Gruvaeus et Wainer`)
    );
    // The same tree as the exact side would have (built without the distance matrix).
    const needProfiles = tickTable(manyNeeds(count)).needProfiles;
    expect(ordered?.needs.linkage).toStrictEqual(averageLinkage(jaccardDistances(needProfiles)));
    // Every need kept, each once; ticks unchanged.
    expect(new Set(names(ordered?.study.needs ?? [])).size).toBe(count);
    expect(ordered?.study.pairs).toHaveLength(manyNeeds(count).pairs.length);
  });

  it("refuses a side beyond ORDER_MAX_ITEMS before computing anything", () => {
    const study = studyOf([Array.from({ length: ORDER_MAX_ITEMS + 1 }, () => true)]);
    const { ordered, problems } = orderStudy(study);
    expect(ordered).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(["ordering-too-large"]);
    expect(problems[0].message.en).toMatch(
      new RegExp(
        `^${ORDER_MAX_ITEMS + 1} needs have an X: ordering by profile groups at most ${ORDER_MAX_ITEMS}`
      )
    );
  });
});
