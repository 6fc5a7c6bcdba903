/**
 * The ordered matrix reads down the diagonal from the top-left, as consultants expect: the first
 * clientèles' needs at the top. Checked on the worked example, block by block, and on tables built
 * to come out the other way.
 */
import { readFileSync } from "fs";
import path from "path";
import { orderStudy } from "../../src/analysis/order-study";
import { Study } from "../../src/method/study";
import { study } from "../support/workbooks";

const example: Study = study(
  JSON.parse(
    readFileSync(path.join(__dirname, "..", "..", "examples", "exemple-incubateur.json"), "utf8")
  )
);

/** The mean row of the X's of each group of columns, in column order. */
function blockRows(ordered: Study, groups: readonly (readonly string[])[]): number[] {
  const row = new Map(ordered.needs.map((need, i) => [need.name, i]));
  return groups.map((group) => {
    const rows = ordered.pairs
      .filter((pair) => group.includes(pair.clientele))
      .map((pair) => row.get(pair.need) ?? 0);
    return rows.reduce((sum, r) => sum + r, 0) / rows.length;
  });
}

/** The covariance of the columns and rows of every X (positive: down from the top-left). */
function direction(ordered: Study): number {
  const col = new Map(ordered.clienteles.map((c, i) => [c.name, i]));
  const row = new Map(ordered.needs.map((n, i) => [n.name, i]));
  const points = ordered.pairs.map((p) => [col.get(p.clientele) ?? 0, row.get(p.need) ?? 0]);
  const mean = (k: 0 | 1) => points.reduce((sum, p) => sum + p[k], 0) / points.length;
  const [mx, my] = [mean(0), mean(1)];
  return points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0) / points.length;
}

describe("the ordered matrix's blocks run down from the top-left", () => {
  it("on the worked example: each group of columns, left to right, has its X's lower down", () => {
    const result = orderStudy(example, { segments: 3 });
    const ordered = result.ordered;
    if (!ordered) throw new Error("not ordered");
    const groups = (ordered.segments ?? []).map((segment) => segment.clienteles);
    expect(groups).toHaveLength(3);
    const rows = blockRows(ordered.study, groups);
    expect(rows[0]).toBeLessThan(rows[1]);
    expect(rows[1]).toBeLessThan(rows[2]);
    expect(direction(ordered.study)).toBeGreaterThan(0);
  });

  it("turns the needs when the ticks would run from bottom-left to top-right", () => {
    // Listed so that the first clientèles feel the last needs.
    const antiDiagonal = study({
      language: "fr",
      clienteles: ["A", "B", "C", "D"],
      needs: ["n1", "n2", "n3", "n4"],
      pairs: [
        { clientele: "A", need: "n4" },
        { clientele: "B", need: "n4" },
        { clientele: "B", need: "n3" },
        { clientele: "C", need: "n2" },
        { clientele: "D", need: "n2" },
        { clientele: "D", need: "n1" },
      ],
    });
    for (const input of [
      antiDiagonal,
      { ...antiDiagonal, needs: [...antiDiagonal.needs].reverse() },
    ]) {
      const ordered = orderStudy(input).ordered;
      if (!ordered) throw new Error("not ordered");
      expect(direction(ordered.study)).toBeGreaterThan(0);
      // Every pair kept, needs without an X still last.
      expect(ordered.study.pairs).toHaveLength(input.pairs.length);
    }
  });

  it("keeps needs without any X last when it turns the others", () => {
    const input = study({
      language: "fr",
      clienteles: ["A", "B", "C"],
      needs: ["n1", "nobody", "n2", "n3"],
      pairs: [
        { clientele: "A", need: "n3" },
        { clientele: "B", need: "n2" },
        { clientele: "C", need: "n1" },
        { clientele: "A", need: "n2" },
      ],
    });
    const ordered = orderStudy(input).ordered;
    if (!ordered) throw new Error("not ordered");
    expect(ordered.study.needs.map((n) => n.name).slice(-1)).toEqual(["nobody"]);
    expect(direction(ordered.study)).toBeGreaterThan(0);
  });
});
