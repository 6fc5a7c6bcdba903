import { buildPlan, templatePlan } from "../../src/layout";
import { GRID, NAMES, RATINGS_TABLE, TEMPLATE_CAPACITY } from "../../src/layout";
import { rectAddress } from "../../src/layout/a1";
import { CellValue, SheetPlan, WorkbookPlan, formula } from "../../src/layout/plan";
import { r1c1ToA1 } from "../support/fake-excel";
import { matrixCellFormula } from "../../src/layout/sheets/matrix";
import { ratingRowKeyFormula, ratingRowScoreFormula } from "../../src/layout/sheets/ratings";
import { study } from "../support/workbooks";

const small = study({
  title: "Vélo",
  clienteles: [{ name: "=1+1", type: "client" }, "Etudiants", "a*b"],
  needs: ["Réparer vite", { name: "Pièces", type: "opportunité" }],
  pairs: [
    {
      clientele: "=1+1",
      need: "Réparer vite",
      perception: 4,
      impact: 3,
      competition: 2,
      comment: "vu en atelier",
    },
    { clientele: "a*b", need: "Pièces" },
  ],
  weights: { perception: 2, impact: 0.5 },
});

function sheet(plan: WorkbookPlan, role: SheetPlan["role"]): SheetPlan {
  const found = plan.sheets.find((s) => s.role === role);
  if (!found) throw new Error(`no ${role} sheet`);
  return found;
}

/**
 * The value the plan writes at a cell (blocks, then fills, the last one wins, as when rendered). A
 * fill's cell is its R1C1 text resolved at that cell, as Excel does (the test's own converter).
 */
function cellOf(s: SheetPlan, row: number, col: number): CellValue | undefined {
  let value: CellValue | undefined;
  for (const block of s.blocks) {
    const line = block.values[row - block.row];
    if (line && col >= block.col && col - block.col < line.length) value = line[col - block.col];
  }
  for (const { rect, formulaR1C1, results } of s.fills) {
    const [i, j] = [row - rect.row, col - rect.col];
    if (i < 0 || j < 0 || i >= rect.rows || j >= rect.cols) continue;
    const result = results?.[i]?.[j];
    value = formula(r1c1ToA1(`=${formulaR1C1}`, row, col).slice(1), result);
  }
  return value;
}

function nameAddress(plan: WorkbookPlan, name: string): string {
  const found = plan.names.find((n) => n.name === name);
  if (!found) throw new Error(`no name ${name}`);
  return `${found.sheet}!${rectAddress(found.rect)}`;
}

describe("buildPlan", () => {
  const plan = buildPlan(small);

  it("names the eight sheets in the workbook's language, as Excel allows", () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      "Qui ressent quoi",
      "Évaluation",
      "Matrice",
      "Segments",
      "Check-list",
      "Ciblage",
      "Diagnostic",
      "Paramètres",
    ]);
    expect(buildPlan(small, { language: "en" }).sheets.map((s) => s.name)).toEqual([
      "Who feels what",
      "Ratings",
      "Matrix",
      "Segments",
      "Checklist",
      "Targeting",
      "Diagnosis",
      "Settings",
    ]);
    for (const s of [...plan.sheets, ...buildPlan(small, { language: "en" }).sheets]) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }
  });

  it("defines the contract names over the right ranges", () => {
    expect(nameAddress(plan, NAMES.ticks)).toBe("Qui ressent quoi!C6:E7");
    expect(nameAddress(plan, NAMES.matrix)).toBe("Matrice!C6:E7");
    expect(nameAddress(plan, NAMES.matrixClienteles)).toBe("Matrice!C5:E5");
    expect(nameAddress(plan, NAMES.matrixNeeds)).toBe("Matrice!A6:A7");
    expect(nameAddress(plan, NAMES.weightPerception)).toBe("Paramètres!B8");
    expect(nameAddress(plan, NAMES.weightImpact)).toBe("Paramètres!B9");
    expect(new Set(plan.names.map((n) => n.name)).size).toBe(plan.names.length);
  });

  it("writes user text as text, never as a formula", () => {
    const ticks = sheet(plan, "ticks");
    expect(cellOf(ticks, GRID.headerRow, GRID.firstCol)).toEqual({ kind: "text", text: "=1+1" });
    expect(cellOf(ticks, GRID.headerRow, GRID.firstCol + 2)).toEqual({ kind: "text", text: "a*b" });
    const ratings = sheet(plan, "ratings");
    expect(cellOf(ratings, 5, 1)).toEqual({ kind: "text", text: "=1+1" });
    expect(cellOf(ratings, 5, 7)).toEqual({ kind: "text", text: "vu en atelier" });
  });

  it("ticks the pairs and writes their types and level labels", () => {
    const ticks = sheet(plan, "ticks");
    expect(cellOf(ticks, 6, 3)).toEqual({ kind: "text", text: "X" });
    expect(cellOf(ticks, 6, 4)).toBeNull();
    expect(cellOf(ticks, 7, 5)).toEqual({ kind: "text", text: "X" });
    expect(cellOf(ticks, GRID.typeRow, 3)).toEqual({ kind: "text", text: "client" });
    expect(cellOf(ticks, 7, GRID.typeCol)).toEqual({ kind: "text", text: "opportunité" });
    const ratings = sheet(plan, "ratings");
    expect([3, 4, 5].map((c) => cellOf(ratings, 5, c))).toEqual([
      { kind: "text", text: "Fort ressenti" },
      { kind: "text", text: "Moyen" },
      { kind: "text", text: "Moyenne" },
    ]);
    expect([3, 4, 5].map((c) => cellOf(ratings, 6, c))).toEqual([null, null, null]);
  });

  it("puts the score formula in every matrix cell, ticked or not", () => {
    const matrix = sheet(plan, "matrix");
    for (let r = 6; r <= 7; r++)
      for (let c = 3; c <= 5; c++) {
        expect(cellOf(matrix, r, c)).toMatchObject({
          kind: "formula",
          formula: matrixCellFormula(),
        });
      }
  });

  it("stores what each formula computes, for viewers that do not calculate", () => {
    const matrix = sheet(plan, "matrix");
    const result = (r: number, c: number): unknown => {
      const value = cellOf(matrix, r, c);
      return value?.kind === "formula" ? value.result : "not a formula";
    };
    // 100 × (4/4)^2 × (3/4)^0.5 = 86.6; a ticked pair without ratings and unticked pairs: no number.
    expect([result(6, 3), result(6, 4), result(7, 5), result(7, 3)]).toEqual([87, "", "", ""]);
    expect([result(5, 3), result(5, 5), result(6, 1), result(7, 2), result(4, 3)]).toEqual([
      "=1+1",
      "a*b",
      "Réparer vite",
      "opportunité",
      "client",
    ]);
    const ratings = sheet(plan, "ratings");
    expect(cellOf(ratings, 5, 6)).toMatchObject({ kind: "formula", result: 87 });
    expect(cellOf(ratings, 6, 6)).toMatchObject({ kind: "formula", result: "" });
  });

  it("compares names with = only, so that wildcards and operators in names cannot match others", () => {
    const key = ratingRowKeyFormula(5);
    expect(key).not.toMatch(/COUNTIF|SUMIF|MATCH|LOOKUP|SEARCH|FIND/);
    expect(key).toContain("(SM_MatrixClienteles=A5)");
    expect(key).toContain("(SM_MatrixNeeds=B5)");
    expect(key).toContain(`IF(UPPER(TRIM(INDEX(SM_Ticks,`);
    // The matrix looks up a number among numbers: no name, no sheet, no shifting reference.
    const cell = matrixCellFormula();
    expect(cell).toBe(
      'IFERROR(INDEX(SM_RatingScores,MATCH(ROW()*16384+COLUMN(),SM_RatingKeys,0)),"")'
    );
    expect(cell.length).toBeLessThan(80);
    const fill = sheet(plan, "matrix").fills.find((f) => rectAddress(f.rect) === "C6:E7");
    expect(fill?.formulaR1C1).toBe(cell);
    // The score is computed once, in the ratings row, from the method's formula.
    const score = ratingRowScoreFormula(5);
    expect(score).toContain("^SM_WeightPerception");
    expect(score).toContain("^SM_WeightImpact");
    expect(score).toContain("ROUND(100*(");
  });

  it("keys each ratings row by its pair's matrix cell, over the rows under the table too", () => {
    const ratings = sheet(plan, "ratings");
    // (=1+1, Réparer vite) is matrix cell C6; (a*b, Pièces) is E7.
    expect(cellOf(ratings, 5, 8)).toMatchObject({ kind: "formula", result: 6 * 16384 + 3 });
    expect(cellOf(ratings, 6, 8)).toMatchObject({ kind: "formula", result: 7 * 16384 + 5 });
    expect(cellOf(ratings, 7, 8)).toMatchObject({ kind: "formula", result: "" });
    expect(cellOf(ratings, 6 + 500, 8)).toMatchObject({ kind: "formula", result: "" });
    expect(cellOf(ratings, 7 + 500, 8)).toBeUndefined();
    expect(cellOf(ratings, 6 + 500, 6)).toMatchObject({ kind: "formula", result: "" });
    expect(nameAddress(plan, NAMES.ratingKeys)).toBe("Évaluation!H5:H506");
    expect(nameAddress(plan, NAMES.ratingScores)).toBe("Évaluation!F5:F506");
    expect(ratings.columnWidths.filter((w) => w.hidden).map((w) => w.col)).toEqual([8]);
  });

  it("covers the whole matrix with the 3-colour scale and flags empty columns and rows", () => {
    const matrix = sheet(plan, "matrix");
    const scale = matrix.conditionalFormats.find((f) => rectAddress(f.rect) === "C6:E7");
    expect(scale?.rule).toEqual({
      kind: "colourScale",
      stops: [
        { value: 0, colour: "#C55A11" },
        { value: 50, colour: "#FFEB84" },
        { value: 100, colour: "#548235" },
      ],
    });
    const ticks = sheet(plan, "ticks");
    const flagged = ticks.conditionalFormats
      .filter((f) => f.rule.kind === "formula")
      .map((f) => rectAddress(f.rect));
    expect(flagged).toEqual(["C5:E5", "A6:A7"]);
  });

  it("makes the ratings table with one row per ticked pair and dropdowns past it", () => {
    const ratings = sheet(plan, "ratings");
    expect(ratings.tables).toHaveLength(1);
    expect(ratings.tables[0].name).toBe(RATINGS_TABLE);
    // The hidden key is the table's last column, so that it moves with its row.
    expect(rectAddress(ratings.tables[0].rect)).toBe("A4:H6");
    const lists = ratings.validations.map((v) => [rectAddress(v.rect), v.rule]);
    expect(lists).toContainEqual([
      "C5:C506",
      { kind: "listRange", formula: "SM_PerceptionLevels" },
    ]);
  });

  it("freezes headers and prints each sheet on one landscape page", () => {
    for (const s of plan.sheets)
      expect(s.print).toMatchObject({ landscape: true, fitToOnePage: true });
    // The ratings print their table (title, header and rows), not the formulas waiting under it.
    expect(rectAddress(sheet(plan, "ratings").print.area!)).toBe("A1:G6");
    expect(sheet(plan, "ticks").freeze).toEqual({ rows: 5, cols: 2 });
    expect(sheet(plan, "ratings").freeze).toEqual({ rows: 4, cols: 0 });
  });

  it("keeps an empty ratings table valid when nothing is ticked yet", () => {
    const empty = buildPlan(study({ clienteles: ["c"], needs: ["n"] }));
    expect(rectAddress(sheet(empty, "ratings").tables[0].rect)).toBe("A4:H5");
  });
});

describe("templatePlan", () => {
  it("holds the settings and an empty tick table with room for names", () => {
    const plan = templatePlan("fr");
    expect(plan.sheets.map((s) => s.role)).toEqual(["ticks", "settings"]);
    const ticks = plan.names.find((n) => n.name === NAMES.ticks);
    expect(ticks?.rect).toEqual({
      row: 6,
      col: 3,
      rows: TEMPLATE_CAPACITY.needs,
      cols: TEMPLATE_CAPACITY.clienteles,
    });
    expect(plan.names.map((n) => n.name)).not.toContain(NAMES.matrix);
    const instructions = cellOf(plan.sheets[0], GRID.instructionsRow, 1);
    expect(instructions).toMatchObject({ kind: "text", text: expect.stringContaining("X") });
  });
});
