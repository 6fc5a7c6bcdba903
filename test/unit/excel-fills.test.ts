/**
 * Formula fills through Office.js: on ExcelApi 1.9 one formula and two copyFrom calls per fill, on
 * 1.8 the R1C1 text of every cell; either way every cell holds what the layout's per-cell builder
 * gives (tested against the builders, never against a literal formula).
 */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { cellAddress } from "../../src/layout/a1";
import { GRID, RATINGS, buildPlan } from "../../src/layout";
import { FormulaFill, SheetRole, WorkbookPlan } from "../../src/layout/plan";
import { ratingRowKeyFormula, ratingRowScoreFormula } from "../../src/layout/sheets/ratings";
import { matrixCellFormula, mirrorFormula } from "../../src/layout/sheets/matrix";
import { FakeApiVersion, FakeExcel, r1c1ToA1 } from "../support/fake-excel";
import { tickedStudy } from "../support/office-figures";

const TICKS = "Qui ressent quoi";

/** The formula the layout gives each cell of each fill, by sheet role and fill position. */
function expectedFormula(role: SheetRole, fill: FormulaFill, row: number, col: number): string {
  if (role === "ratings")
    return fill.rect.col === RATINGS.cols.score
      ? ratingRowScoreFormula(row)
      : ratingRowKeyFormula(row);
  if (role === "matrix") {
    if (fill.rect.row === GRID.firstRow && fill.rect.col === GRID.firstCol)
      return matrixCellFormula();
    if (fill.rect.rows === 1) return mirrorFormula(TICKS, row, col, { row: true });
    return mirrorFormula(TICKS, row, col, { col: true });
  }
  // Other sheets' fills have no per-cell builder: their R1C1 text, resolved as Excel does.
  return r1c1ToA1(`=${fill.formulaR1C1}`, row, col).slice(1);
}

async function built(api: FakeApiVersion, plan: WorkbookPlan): Promise<FakeExcel> {
  const excel = new FakeExcel(["Feuil1"], { api });
  const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  await host.render(plan, await host.readWorkbook());
  return excel;
}

describe.each<FakeApiVersion>(["1.9", "1.8"])("Excel host, ExcelApi %s: formula fills", (api) => {
  const plan = buildPlan(tickedStudy(30, 50, 0.4));
  let excel: FakeExcel;

  beforeAll(async () => {
    excel = await built(api, plan);
  });

  it("puts the layout's formula in every cell of every fill", () => {
    let checked = 0;
    for (const sheet of plan.sheets) {
      for (const fill of sheet.fills) {
        for (let row = fill.rect.row; row < fill.rect.row + fill.rect.rows; row++) {
          for (let col = fill.rect.col; col < fill.rect.col + fill.rect.cols; col++) {
            const cell = excel.cell(sheet.name, cellAddress(row, col));
            expect(cell?.formula).toBe(`=${expectedFormula(sheet.role, fill, row, col)}`);
            checked++;
          }
        }
      }
    }
    const cells = plan.sheets
      .flatMap((sheet) => sheet.fills)
      .reduce((n, fill) => n + fill.rect.rows * fill.rect.cols, 0);
    expect(checked).toBe(cells);
    // Among them the 30 × 50 matrix, its 2 mirrored header rows and 2 mirrored columns.
    expect(cells).toBeGreaterThan(30 * 50 + 2 * 30 + 2 * 50 + 600);
    expect(plan.sheets[1].fills[0].rect).toMatchObject({
      row: RATINGS.firstRow,
      rows: 600 + RATINGS.spareRows,
    });
  });

  it(api === "1.9" ? "copies each fill from its first cell" : "never calls copyFrom", () => {
    // A fill of one cell has nothing to copy.
    const fills = plan.sheets
      .flatMap((sheet) => sheet.fills)
      .filter((fill) => fill.rect.rows * fill.rect.cols > 1).length;
    const copies = excel.callCounts.get("Range.copyFrom") ?? 0;
    if (api === "1.9") expect(copies).toBeGreaterThanOrEqual(fills);
    else expect(copies).toBe(0);
    expect(excel.callCounts.has("Range.formulasR1C1")).toBe(api === "1.8");
  });
});

describe("Excel host: a fill over one cell, one row, one column", () => {
  it("copies only where there is something to copy", async () => {
    const plan = buildPlan(tickedStudy(1, 1, 1));
    const excel = await built("1.9", plan);
    expect(excel.cell("Matrice", "C6")?.formula).toBe(`=${matrixCellFormula()}`);
    // One copy along a row of more than one cell, one down more than one row; none for one cell.
    const expected = plan.sheets
      .flatMap((sheet) => sheet.fills)
      .reduce((n, fill) => n + (fill.rect.cols > 1 ? 1 : 0) + (fill.rect.rows > 1 ? 1 : 0), 0);
    expect(excel.callCounts.get("Range.copyFrom") ?? 0).toBe(expected);
  });
});

describe("Excel host: progress of a build that takes several requests", () => {
  it("tells, after each request, the sheet it reached, in order", async () => {
    // ExcelApi 1.8 sends every formula: a 120 × 120 study takes several 1 MB requests.
    const plan = buildPlan(tickedStudy(120, 120, 0.4));
    const excel = new FakeExcel(["Feuil1"], { api: "1.8" });
    const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const snapshot = await host.readWorkbook();
    const told: { done: number; total: number; sheet?: string }[] = [];
    await host.render(plan, snapshot, { onProgress: (progress) => told.push(progress) });
    expect(excel.syncs).toBeGreaterThan(3);
    expect(told.length).toBeGreaterThan(0);
    for (const progress of told) {
      expect(progress.total).toBe(plan.sheets.length);
      expect(progress.sheet).toBe(plan.sheets[progress.done].name);
    }
    const reached = told.map((progress) => progress.done);
    expect(reached).toEqual([...reached].sort((a, b) => a - b));
    // The ratings sheet (one formula pair per rated pair) and the matrix each fill a request.
    const names = new Set(told.map((progress) => progress.sheet));
    expect(names.size).toBeGreaterThan(1);
  });
});
