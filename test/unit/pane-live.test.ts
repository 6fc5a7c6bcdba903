/**
 * The pane while the consultant types in the sheets: a problem on one sheet leaves the other steps'
 * counts in place, its message is shown at once and points to a cell the consultant types in (not a
 * formula mirroring another sheet), and a success message does not outlive the counts it states.
 */
import { buildPlan } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { SheetGrid, WorkbookGrids } from "../../src/layout/grids";
import { WorkbookSnapshot } from "../../src/hosts/host";
import { stepOf, workbookState } from "../../src/app/steps";
import { liveNotices } from "../../src/taskpane/actions";
import { Notice } from "../../src/taskpane/notices";
import { cellAddress } from "../../src/layout/a1";
import { sheetsByRole } from "../../src/layout/registry";
import { pairMatrixCell } from "../../src/layout/sheets/matrix";
import { ratingRowKeys } from "../../src/layout/sheets/ratings";
import { study } from "../support/workbooks";

const withTargets = study({
  language: "fr",
  clienteles: ["Etudiants", "Hautes écoles"],
  needs: ["Innover", "Se former"],
  pairs: [
    { clientele: "Etudiants", need: "Innover", perception: 4, impact: 3 },
    { clientele: "Hautes écoles", need: "Se former", perception: 2, impact: 2 },
  ],
  segments: [
    { name: "Jeunes", clienteles: ["Etudiants"], needs: ["Innover"] },
    { name: "Écoles", clienteles: ["Hautes écoles"], needs: ["Se former"] },
  ],
});

function snapshotOf(grids: WorkbookGrids): WorkbookSnapshot {
  return { sheets: grids.sheets.map((s) => ({ name: s.name, managed: true })), grids };
}

function put(grid: SheetGrid, row: number, col: number, value: string): void {
  while (grid.values.length < row) grid.values.push([]);
  const line = grid.values[row - 1];
  while (line.length < col) line.push(null);
  line[col - 1] = value;
}

/** A fresh workbook (no offering typed yet) with one X in Ciblage. */
function strayX(): { grids: WorkbookGrids; cell: string } {
  const grids = planGrids(buildPlan(withTargets));
  const targets = grids.names.find((n) => n.name === "SM_Targets");
  if (!targets) throw new Error("no SM_Targets");
  const grid = grids.sheets.find((s) => s.name === targets.sheet) as SheetGrid;
  const row = targets.rect.row;
  put(grid, row, targets.rect.col, "X");
  return { grids, cell: `B${row}` };
}

describe("a stray X in Ciblage", () => {
  it("leaves every other step's status and counts in place", () => {
    const clean = workbookState(snapshotOf(planGrids(buildPlan(withTargets))));
    const { grids } = strayX();
    const state = workbookState(snapshotOf(grids));
    expect(state.study).toBeUndefined();
    expect(state.counted?.clienteles).toHaveLength(2);
    for (const id of ["lists", "ticks", "ratings", "matrix", "segments"] as const)
      expect(stepOf(state.steps, id)).toEqual(stepOf(clean.steps, id));
    expect(stepOf(state.steps, "ratings")).toMatchObject({ status: "ok", rated: 2, ticked: 2 });
    expect(stepOf(state.steps, "segments")).toMatchObject({ segments: 2 });
    expect(stepOf(state.steps, "targeting")).toMatchObject({ status: "à faire", targets: 0 });
  });

  it("names the cell of the segments sheet where offerings are typed, not the mirror", () => {
    const { grids, cell } = strayX();
    const state = workbookState(snapshotOf(grids));
    const problem = state.problems.find((p) => p.code === "mark-without-name");
    expect(problem?.location).toEqual({ sheet: "Ciblage", cell });
    const offerings = grids.names.find((n) => n.name === "SM_Offerings");
    if (!offerings) throw new Error("no SM_Offerings");
    const typedIn = `${offerings.sheet}!A${offerings.rect.row}`;
    expect(problem?.message.fr).toContain(typedIn);
    expect(problem?.message.fr).not.toContain("Ciblage!");
    // That cell is one the consultant types in: no formula fills it.
    const segments = buildPlan(withTargets).sheets.find((s) => s.role === "segments");
    const formulaAt = segments?.fills.some(
      ({ rect }) =>
        offerings.rect.row >= rect.row &&
        offerings.rect.row < rect.row + rect.rows &&
        offerings.rect.col >= rect.col &&
        offerings.rect.col < rect.col + rect.cols
    );
    expect(formulaAt).toBe(false);
  });

  it("is said at once after the edit, and the message goes once the X is removed", () => {
    const success: Notice = { intent: "success", text: "47 paires cochées dont 0 notée." };
    const hint: Notice = { intent: "info", text: "un conseil" };
    const { grids } = strayX();
    const broken = liveNotices([success, hint], workbookState(snapshotOf(grids)), "fr");
    expect(broken.map((n) => n.intent)).toEqual(["error"]);
    expect(broken[0].text).toContain("X sans nom");
    const fixed = workbookState(snapshotOf(planGrids(buildPlan(withTargets))));
    expect(liveNotices(broken, fixed, "fr")).toEqual([]);
    // A success's counts go stale at the first edit: it goes; other notices stay.
    expect(liveNotices([success, hint], fixed, "fr")).toEqual([hint]);
  });
});

describe("a segment's mark beside a clientèle whose name was cleared", () => {
  it("points to the tick table's heading, where the name is typed, not the Segments mirror", () => {
    const grids = planGrids(buildPlan(withTargets));
    const ticks = grids.names.find((n) => n.name === "SM_Ticks");
    if (!ticks) throw new Error("no SM_Ticks");
    const tickGrid = grids.sheets.find((s) => s.name === ticks.sheet) as SheetGrid;
    // Etudiants (first column): its name and its X cleared in the tick table.
    put(tickGrid, ticks.rect.row - 1, ticks.rect.col, "");
    for (let r = 0; r < ticks.rect.rows; r++) put(tickGrid, ticks.rect.row + r, ticks.rect.col, "");
    const members = grids.names.find((n) => n.name === "SM_SegmentClienteles");
    if (!members) throw new Error("no SM_SegmentClienteles");
    const segments = grids.sheets.find((s) => s.name === members.sheet) as SheetGrid;
    put(segments, members.rect.row, members.rect.col - 1, ""); // the mirror shows it blank too
    const { problems } = workbookState(snapshotOf(grids));
    const problem = problems.find((p) => p.code === "mark-without-name");
    expect(problem?.location).toEqual({ sheet: members.sheet, cell: `B${members.rect.row}` });
    expect(problem?.message.fr).toContain(`'Qui ressent quoi'!C${ticks.rect.row - 1}`);
  });
});

describe("the pane asks the sheet modules where things are", () => {
  it("finds each sheet, the ratings rows and a pair's matrix cell through the layout", () => {
    const grids = planGrids(buildPlan(withTargets));
    expect(sheetsByRole(grids)).toEqual({
      ticks: "Qui ressent quoi",
      ratings: "Évaluation",
      matrix: "Matrice",
      segments: "Segments",
      checklist: "Check-list",
      targeting: "Ciblage",
      diagnostic: "Diagnostic",
      settings: "Paramètres",
    });
    expect([...ratingRowKeys(grids)]).toHaveLength(2);
    const matrix = grids.names.find((n) => n.name === "SM_Matrix");
    if (!matrix) throw new Error("no SM_Matrix");
    // Hautes écoles (2nd clientèle) × Se former (2nd need): one row and one column in.
    expect(pairMatrixCell(withTargets, "hautes écoles", "Se former")).toBe(
      cellAddress(matrix.rect.row + 1, matrix.rect.col + 1)
    );
    expect(pairMatrixCell(withTargets, "Nobody", "Se former")).toBeUndefined();
  });
});
