/** Excel's limits, from the sheets' own geometry, checked before any plan is made. */
import { buildFromLists } from "../../src/app/operations";
import { buildPlan } from "../../src/layout";
import { EXCEL_LIMITS, STUDY_ROOM, excelLimitProblems } from "../../src/layout/limits";
import { WorkbookPlan } from "../../src/layout/plan";
import { formatProblem } from "../../src/messages";
import { study } from "../support/workbooks";

/** The last row and column any sheet of the plan writes, names or formats. */
function extent(plan: WorkbookPlan): { row: number; col: number } {
  let row = 0;
  let col = 0;
  const reach = (r: { row: number; col: number; rows: number; cols: number }): void => {
    row = Math.max(row, r.row + r.rows - 1);
    col = Math.max(col, r.col + r.cols - 1);
  };
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks)
      reach({
        row: block.row,
        col: block.col,
        rows: block.values.length,
        cols: block.values[0].length,
      });
    for (const styled of sheet.styles) reach(styled.rect);
    for (const rule of [...sheet.validations, ...sheet.conditionalFormats]) reach(rule.rect);
    for (const table of sheet.tables) reach(table.rect);
  }
  for (const name of plan.names) reach(name.rect);
  return { row, col };
}

describe("the room of a study, from the geometry of its sheets", () => {
  it("a study at the limits ends exactly at Excel's last row and column", () => {
    // Small studies stand for big ones: every extent grows by one per item.
    const small = (c: number, n: number, pairs: number) =>
      study({
        clienteles: Array.from({ length: c }, (_, i) => `c${i}`),
        needs: Array.from({ length: n }, (_, i) => `n${i}`),
        pairs: Array.from({ length: pairs }, (_, i) => ({
          clientele: `c${i % c}`,
          need: `n${Math.floor(i / c)}`,
        })),
      });
    const a = extent(buildPlan(small(7, 9, 3)));
    const wider = extent(buildPlan(small(8, 9, 3)));
    expect(wider.col - a.col).toBe(1);
    // The last column used is the last clientèle's: room = columns from there to XFD.
    expect(EXCEL_LIMITS.cols - a.col + 7).toBe(STUDY_ROOM.clienteles);
    // Rows: the matrix below its needs (legend), or the ratings with their spare rows.
    const needsOnly = buildPlan(small(1, 9, 1));
    const rowsOf = (plan: WorkbookPlan, role: string): number =>
      extent({ ...plan, sheets: plan.sheets.filter((s) => s.role === role), names: [] }).row;
    expect(EXCEL_LIMITS.rows - rowsOf(needsOnly, "matrix") + 9).toBe(STUDY_ROOM.needs);
    expect(EXCEL_LIMITS.rows - rowsOf(needsOnly, "ratings") + 1).toBe(STUDY_ROOM.pairs);
  });

  it("names the field and the room; nothing within the limits is refused", () => {
    const wide = { clienteles: new Array(16383).fill({ name: "x" }), needs: [], pairs: [] };
    expect(excelLimitProblems(wide, "fr", "s.json").map((p) => formatProblem(p, "fr"))).toEqual([
      "s.json: clienteles: 16 383 clientèles, mais la feuille « Qui ressent quoi » n'a de colonnes que pour 16 382 (16 384 colonnes dans Excel) : divisez l'étude",
    ]);
    const fits = { clienteles: new Array(16382).fill({ name: "x" }), needs: [], pairs: [] };
    expect(excelLimitProblems(fits, "fr")).toEqual([]);
  });

  it("the pane refuses lists that would not fit, before any plan", () => {
    const names = Array.from({ length: 16400 }, (_, i) => `c${i}`);
    const outcome = buildFromLists(
      { sheets: [], grids: { sheets: [], names: [], tables: [] } },
      names,
      ["n"],
      "en"
    );
    expect(outcome.plan).toBeUndefined();
    expect(outcome.problems.map((p) => p.code)).toEqual(["excel-limit"]);
  });
});
