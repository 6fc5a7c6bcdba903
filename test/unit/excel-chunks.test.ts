/** Splitting large writes so that every request stays within the budget. */
import { CALL_OVERHEAD_BYTES, RequestBudget, jsonBytes } from "../../src/hosts/excel/budget";
import {
  FormulaInput,
  filledColumnRuns,
  formulaGrid,
  formulaInput,
} from "../../src/hosts/excel/cells";
import { GridPiece, writeInPieces } from "../../src/hosts/excel/chunks";
import { formula, num, text } from "../../src/layout/plan";

/** Runs writeInPieces with a small budget, recording each request's pieces and their bytes. */
async function split(grid: string[][], limit: number) {
  const requests: GridPiece<string>[][] = [[]];
  const budget = new RequestBudget(async () => {
    requests.push([]);
  }, limit);
  await writeInPieces(budget, { row: 3, col: 2 }, grid, (piece) =>
    requests[requests.length - 1].push(piece)
  );
  const bytes = requests.map((pieces) =>
    pieces.reduce((sum, piece) => sum + jsonBytes(piece.values) + CALL_OVERHEAD_BYTES, 0)
  );
  return { requests: requests.filter((pieces) => pieces.length > 0), bytes, budget };
}

/** Puts the pieces back together, checking that they tile the grid exactly once. */
function reassemble(pieces: GridPiece<string>[], rows: number, cols: number): string[][] {
  const grid: (string | undefined)[][] = Array.from({ length: rows }, () =>
    new Array<string | undefined>(cols).fill(undefined)
  );
  for (const { rect, values } of pieces) {
    expect(values).toHaveLength(rect.rows);
    values.forEach((line, i) => {
      expect(line).toHaveLength(rect.cols);
      line.forEach((value, j) => {
        const r = rect.row - 3 + i;
        const c = rect.col - 2 + j;
        expect(grid[r][c]).toBeUndefined();
        grid[r][c] = value;
      });
    });
  }
  return grid.map((line) => line.map((value) => value ?? "<missing>"));
}

describe("writeInPieces", () => {
  const grid = Array.from({ length: 40 }, (_, i) =>
    Array.from({ length: 5 }, (_, j) => `r${i}c${j}-${"x".repeat(10)}`)
  );

  it("sends a grid that fits in one piece, without syncing", async () => {
    const { requests, budget } = await split(grid, 100_000);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toHaveLength(1);
    expect(budget.syncs).toBe(0);
    expect(reassemble(requests.flat(), 40, 5)).toEqual(grid);
  });

  it("cuts rows so that no request passes the limit", async () => {
    const { requests, bytes } = await split(grid, 1_000);
    expect(requests.length).toBeGreaterThan(3);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(1_000);
    expect(reassemble(requests.flat(), 40, 5)).toEqual(grid);
  });

  it("cuts a row wider than a whole request into column pieces", async () => {
    const wide = [Array.from({ length: 60 }, (_, j) => `cell ${j} ${"y".repeat(20)}`)];
    const { requests, bytes } = await split(wide, 600);
    expect(requests.flat().length).toBeGreaterThan(1);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(600);
    expect(reassemble(requests.flat(), 1, 60)).toEqual(wide);
  });
});

describe("formulaInput", () => {
  it("marks text with an apostrophe, writes formulas with '=' and leaves numbers alone", () => {
    expect(formulaInput(text("=1+1"))).toBe("'=1+1");
    expect(formulaInput(text("'quoted"))).toBe("''quoted");
    expect(formulaInput(text(""))).toBe("");
    expect(formulaInput(num(2024))).toBe(2024);
    expect(formulaInput(formula("SUM(A1:A2)"))).toBe("=SUM(A1:A2)");
    expect(formulaInput(null)).toBe("");
  });

  it("pads ragged blocks to a rectangle", () => {
    expect(formulaGrid([[text("a")], [null, num(1)]])).toEqual([
      ["'a", ""],
      ["", 1],
    ]);
  });
});

describe("filledColumnRuns: empty columns of a new sheet are not sent", () => {
  const rows = (count: number, line: FormulaInput[]): FormulaInput[][] =>
    Array.from({ length: count }, () => [...line]);

  it("leaves out a trailing empty column and an empty one between filled ones when it pays", () => {
    const grid = rows(1000, ["a", "b", "", "c", ""]);
    expect(filledColumnRuns(grid, 400)).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 4 },
    ]);
  });

  it("keeps a gap inside one run when a second call would cost more than the gap", () => {
    expect(filledColumnRuns(rows(3, ["a", "", "c"]), 400)).toEqual([{ start: 0, end: 3 }]);
  });

  it("keeps a column with a single filled cell, and sends nothing for an empty grid", () => {
    const grid = rows(1000, ["a", "", ""]);
    grid[999][2] = "'note";
    expect(filledColumnRuns(grid, 400)).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 3 },
    ]);
    expect(filledColumnRuns(rows(5, ["", ""]), 400)).toEqual([]);
    expect(filledColumnRuns([], 400)).toEqual([]);
  });
});
