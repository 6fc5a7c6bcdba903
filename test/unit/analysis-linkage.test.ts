/**
 * Average-linkage Jaccard clustering against SciPy's `linkage(method="average", metric="jaccard")`,
 * on the committed fixtures (generated once by scripts/fixtures/linkage.py; no Python needed here).
 */
import fixtures from "../fixtures/linkage-scipy.json";
import { jaccardDistance, jaccardDistances, distanceAt } from "../../src/analysis/jaccard";
import {
  averageLinkage,
  averageLinkageOfProfiles,
  treeLeafOrder,
} from "../../src/analysis/linkage";
import { clusteredProfiles, fixtureCases as cases } from "../support/tick-fixtures";
import { randomTicks, seededRandom } from "../support/random";

describe("the SciPy fixtures", () => {
  it("cover at least 20 random tables up to 30 × 30, both ways, ties included", () => {
    expect(fixtures.tables.length).toBeGreaterThanOrEqual(20);
    for (const table of fixtures.tables) {
      expect(table.ticks.length).toBeLessThanOrEqual(30);
      expect(table.ticks[0].length).toBeLessThanOrEqual(30);
    }
    expect(fixtures.tables.filter((t) => t.name.startsWith("ties-")).length).toBeGreaterThan(0);
    expect(Math.max(...cases.map((c) => c.reference.leaves.length))).toBe(30);
  });

  it("leave out, as the method does, the items without any X", () => {
    for (const { profiles, reference } of cases) {
      expect(reference.leaves).toEqual(
        profiles.flatMap((profile, i) => (profile.some(Boolean) ? [i] : []))
      );
    }
  });
});

describe("jaccardDistance", () => {
  it("is the share of ticked positions ticked in only one profile", () => {
    expect(jaccardDistance([true, true, false, false], [true, false, true, false])).toBe(2 / 3);
    expect(jaccardDistance([true, false], [true, false])).toBe(0);
    expect(jaccardDistance([true, false], [false, true])).toBe(1);
  });

  it("is 0 between two profiles without any tick, as SciPy's jaccard", () => {
    expect(jaccardDistance([false, false, false], [false, false, false])).toBe(
      fixtures.jaccardOfTwoEmptyProfiles
    );
  });

  it("fills a symmetric matrix with a zero diagonal", () => {
    const distances = jaccardDistances([
      [true, false],
      [true, true],
      [false, true],
    ]);
    expect(distanceAt(distances, 0, 1)).toBe(0.5);
    expect(distanceAt(distances, 1, 0)).toBe(0.5);
    expect(distanceAt(distances, 0, 2)).toBe(1);
    expect(distanceAt(distances, 1, 1)).toBe(0);
  });

  it("computes, packed in words, exactly the distances jaccardDistance gives", () => {
    const random = seededRandom(32);
    for (const length of [0, 1, 31, 32, 33, 64, 65, 200]) {
      const profiles = randomTicks(random, 12, length, 0.3);
      profiles.push(profiles[0].map(() => false));
      const distances = jaccardDistances(profiles);
      profiles.forEach((a, i) =>
        profiles.forEach((b, j) => expect(distanceAt(distances, i, j)).toBe(jaccardDistance(a, b)))
      );
    }
    expect(() => jaccardDistances([[true], [true, false]])).toThrow(RangeError);
  });
});

describe("averageLinkage equals SciPy's linkage", () => {
  it.each(cases)("$label: same merge heights", (fixture) => {
    const { reference } = fixture;
    const linkage = averageLinkage(jaccardDistances(clusteredProfiles(fixture)));
    expect(linkage).toHaveLength(reference.linkage.length);
    const heights = linkage.map((merge) => merge.height).sort((a, b) => a - b);
    const expected = reference.linkage.map((row) => row[2]).sort((a, b) => a - b);
    heights.forEach((height, i) =>
      expect(Math.abs(height - expected[i])).toBeLessThanOrEqual(1e-12)
    );
  });

  it.each(cases)("$label: same merges, in the same order (ties included)", (fixture) => {
    const { reference } = fixture;
    const linkage = averageLinkage(jaccardDistances(clusteredProfiles(fixture)));
    expect(linkage.map((m) => [m.left, m.right, m.size])).toEqual(
      reference.linkage.map((row) => [row[0], row[1], row[3]])
    );
    linkage.forEach((merge, i) =>
      expect(Math.abs(merge.height - reference.linkage[i][2])).toBeLessThanOrEqual(1e-12)
    );
  });

  it("gives no merge for fewer than two leaves, one for two", () => {
    expect(averageLinkage(jaccardDistances([]))).toEqual([]);
    expect(averageLinkage(jaccardDistances([[true]]))).toEqual([]);
    expect(averageLinkage(jaccardDistances([[true], [true]]))).toEqual([
      { left: 0, right: 1, height: 0, size: 2 },
    ]);
  });

  it("lists the leaves in the tree's order, left before right, as SciPy's leaves_list", () => {
    const linkage = [
      { left: 1, right: 2, height: 0.1, size: 2 },
      { left: 0, right: 3, height: 0.5, size: 3 },
    ];
    expect(treeLeafOrder(linkage)).toEqual([0, 1, 2]);
    expect(treeLeafOrder([])).toEqual([0]);
  });
});

describe("averageLinkageOfProfiles (no distance matrix) equals averageLinkage", () => {
  it.each(cases)("$label: SciPy's merges, in the same order, at the same heights", (fixture) => {
    const { reference } = fixture;
    const linkage = averageLinkageOfProfiles(clusteredProfiles(fixture));
    expect(linkage.map((m) => [m.left, m.right, m.size])).toEqual(
      reference.linkage.map((row) => [row[0], row[1], row[3]])
    );
    linkage.forEach((merge, i) =>
      expect(Math.abs(merge.height - reference.linkage[i][2])).toBeLessThanOrEqual(1e-12)
    );
  });

  it("gives merge for merge, bit for bit, the matrix's linkage: ties, duplicates, long profiles", () => {
    const random = seededRandom(13);
    // [items, positions, density]: short profiles give many equal distances and identical items;
    // 33 and 65 positions take two and three words, 65 and 200 divide instead of looking up.
    const shapes: [number, number, number][] = [
      [2, 3, 0.5],
      [40, 3, 0.5],
      [300, 6, 0.4],
      [300, 20, 0.4],
      [250, 20, 0.1],
      [200, 33, 0.3],
      [200, 65, 0.2],
      [120, 200, 0.05],
      [400, 12, 0.7],
    ];
    for (const [items, positions, density] of shapes) {
      const profiles = randomTicks(random, items, positions, density).filter((p) =>
        p.some(Boolean)
      );
      const expected = averageLinkage(jaccardDistances(profiles));
      // toStrictEqual compares heights with Object.is: the same doubles, not merely close.
      expect(averageLinkageOfProfiles(profiles)).toStrictEqual(expected);
    }
  });

  it("gives no merge for fewer than two leaves, one for two", () => {
    expect(averageLinkageOfProfiles([])).toEqual([]);
    expect(averageLinkageOfProfiles([[true]])).toEqual([]);
    expect(averageLinkageOfProfiles([[true], [true]])).toEqual([
      { left: 0, right: 1, height: 0, size: 2 },
    ]);
  });
});
