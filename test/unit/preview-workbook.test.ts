/**
 * The preview's in-browser workbook: edits recomputed by the method's own score function, the
 * look of each cell (colour scale by scaleColour, flags, editors), and the PaneHost extensions.
 */
import { buildPlan, readStudy } from "../../src/layout";
import { cellAt } from "../../src/layout/grids";
import { NAMES, RATINGS } from "../../src/layout";
import { GRID } from "../../src/layout";
import { pairScore } from "../../src/method/score";
import { scaleColour } from "../../src/method/colour";
import { PreviewWorkbook } from "../../src/hosts/preview/workbook";
import { formatValue, sheetLook } from "../../src/hosts/preview/look";
import { createMemoryHost } from "../../src/hosts/preview/memory-host";
import { RenderRefused, freeSheetName } from "../../src/hosts/host";
import { study } from "../support/workbooks";

const small = study({
  language: "fr",
  clienteles: ["Etudiants", "Hautes écoles"],
  needs: ["Innover", "Se former"],
  pairs: [
    { clientele: "Etudiants", need: "Innover", perception: 4, impact: 3 },
    { clientele: "Hautes écoles", need: "Se former" },
  ],
  weights: { perception: 1, impact: 1 },
});

function sheet(book: PreviewWorkbook, role: string) {
  const found = book.getState().sheets.find((s) => s.plan?.role === role);
  if (!found) throw new Error(`no ${role} sheet`);
  return found;
}
const value = (book: PreviewWorkbook, role: string, row: number, col: number) =>
  cellAt({ name: "", values: sheet(book, role).values }, row, col);

describe("PreviewWorkbook", () => {
  it("recomputes segments, checklist and targeting from the study, as the method says", () => {
    const withSegments = study({
      ...small,
      offerings: ["Atelier", "Cours"],
      segments: [
        { name: "Jeunes", clienteles: ["Etudiants"], needs: ["Innover"] },
        { name: "Écoles", clienteles: ["Hautes écoles"], needs: ["Se former"] },
      ],
    });
    const book = new PreviewWorkbook(buildPlan(withSegments));
    const named = (name: string) => {
      const found = book.snapshot().grids.names.find((n) => n.name === name);
      if (!found) throw new Error(name);
      return found;
    };
    const at = (name: string, j = 0) => {
      const { sheet, rect } = named(name);
      return { sheet, row: rect.row, col: rect.col + j };
    };
    const read = (name: string, j = 0) => {
      const { sheet, row, col } = at(name, j);
      const grid = book.snapshot().grids.sheets.find((g) => g.name === sheet);
      return grid ? cellAt(grid, row, col) : undefined;
    };
    expect(read("SM_SegmentMeanScore")).toBe(pairScore(4, 3, small.weights));
    expect(read("SM_SegmentPotential")).toBeNull();
    for (const [name, value] of [
      ["SM_SegmentSize", 100],
      ["SM_SegmentFrequency", 2],
      ["SM_SegmentBasket", 30],
    ] as const) {
      const { sheet, row, col } = at(name);
      book.edit(sheet, row, col, value);
    }
    expect(read("SM_SegmentPotential")).toBe(6000);
    const targets = at("SM_Targets");
    book.edit(targets.sheet, targets.row, targets.col, "X");
    expect(read("SM_TargetStrategy")).toBe("Concentration");
    book.edit(targets.sheet, targets.row + 1, targets.col, "x");
    expect(read("SM_TargetStrategy")).toBe("Spécialisation par segment");
    const checklist = at("SM_Checklist");
    book.edit(checklist.sheet, checklist.row, checklist.col, "✓ Ok");
    expect(read("SM_SegmentChecklistOk")).toBe(1);
    // An X beside an offering without a name: the study cannot be read back, so the figures it
    // gives stay as they were, and the sheets that show them say so (stale) until it is removed.
    const staleRoles = () =>
      book
        .getState()
        .sheets.filter((s) => s.stale)
        .map((s) => s.plan?.role)
        .sort();
    expect(staleRoles()).toEqual([]);
    // The second offering's name erased where offerings are typed: its X is left without a name.
    const offering = named("SM_Offerings");
    const second = { sheet: offering.sheet, row: offering.rect.row + 1, col: offering.rect.col };
    book.edit(second.sheet, second.row, second.col, "");
    expect(readStudy(book.snapshot().grids).study).toBeUndefined();
    expect(staleRoles()).toEqual(["checklist", "diagnostic", "segments", "targeting"]);
    book.edit(second.sheet, second.row, second.col, "Cours");
    expect(staleRoles()).toEqual([]);
  });

  it("shows the scores the plan computed, and reads back as the same study", () => {
    const book = new PreviewWorkbook(buildPlan(small));
    expect(value(book, "matrix", GRID.firstRow, GRID.firstCol)).toBe(
      pairScore(4, 3, small.weights)
    );
    expect(value(book, "matrix", GRID.firstRow + 1, GRID.firstCol + 1)).toBeNull();
    expect(readStudy(book.snapshot().grids).study).toEqual(small);
  });

  it("recomputes a row's score and the matrix when a level is picked", () => {
    const book = new PreviewWorkbook(buildPlan(small));
    const ratings = sheet(book, "ratings");
    // Row of (Hautes écoles, Se former): the second ticked pair in table order.
    const row = RATINGS.firstRow + 1;
    book.edit(ratings.name, row, RATINGS.cols.perception, "Ressenti moyen");
    expect(value(book, "ratings", row, RATINGS.cols.score)).toBeNull();
    book.edit(ratings.name, row, RATINGS.cols.impact, "fort"); // MATCH ignores case
    expect(value(book, "ratings", row, RATINGS.cols.score)).toBe(pairScore(3, 4, small.weights));
    expect(value(book, "matrix", GRID.firstRow + 1, GRID.firstCol + 1)).toBe(75);
  });

  it("recomputes every score when a weight changes", () => {
    const book = new PreviewWorkbook(buildPlan(small));
    book.writeNamed(NAMES.weightPerception, 2);
    expect(value(book, "matrix", GRID.firstRow, GRID.firstCol)).toBe(
      pairScore(4, 3, { perception: 2, impact: 1 })
    );
    book.writeNamed(NAMES.weightImpact, 0);
    expect(value(book, "matrix", GRID.firstRow, GRID.firstCol)).toBe(100);
  });

  it("empties a matrix cell when its tick goes, and mirrors renamed headers", () => {
    const book = new PreviewWorkbook(buildPlan(small));
    const ticks = sheet(book, "ticks");
    book.edit(ticks.name, GRID.firstRow, GRID.firstCol, "");
    expect(value(book, "matrix", GRID.firstRow, GRID.firstCol)).toBeNull();
    book.edit(ticks.name, GRID.firstRow, GRID.firstCol, "x");
    expect(value(book, "matrix", GRID.firstRow, GRID.firstCol)).toBe(75);
    book.edit(ticks.name, GRID.headerRow, GRID.firstCol, "Étudiants");
    expect(value(book, "matrix", GRID.headerRow, GRID.firstCol)).toBe("Étudiants");
    // The ratings row still names "Etudiants": Excel's "=" ignores case, not accents.
    expect(value(book, "matrix", GRID.firstRow, GRID.firstCol)).toBeNull();
  });

  it("draws scores with the colour scale and names with no X flagged", () => {
    const book = new PreviewWorkbook(buildPlan(small));
    const state = book.getState();
    const matrix = sheetLook(sheet(book, "matrix"), state);
    const scored = matrix.cell(GRID.firstRow, GRID.firstCol);
    expect(scored.text).toBe("75");
    expect(scored.style.fill).toBe(scaleColour(75));
    expect(matrix.cell(GRID.firstRow, GRID.firstCol + 1).style.fill).toBeUndefined();

    const ticksSheet = sheet(book, "ticks");
    book.edit(ticksSheet.name, GRID.firstRow + 1, GRID.firstCol + 1, "");
    const ticks = sheetLook(sheet(book, "ticks"), book.getState());
    expect(ticks.cell(GRID.headerRow, GRID.firstCol + 1).style.fill).toBe("#FFC7CE");
    expect(ticks.cell(GRID.headerRow, GRID.firstCol).style.fill).not.toBe("#FFC7CE");
    expect(ticks.cell(GRID.firstRow + 1, GRID.nameCol).style.fill).toBe("#FFC7CE");
    expect(ticks.cell(GRID.firstRow, GRID.firstCol).editor).toEqual({ kind: "toggle", on: "X" });
    const levels = sheetLook(sheet(book, "ratings"), book.getState()).cell(
      RATINGS.firstRow,
      RATINGS.cols.perception
    );
    expect(levels.editor).toEqual({
      kind: "choice",
      options: ["Inconscient", "Ressenti léger", "Ressenti moyen", "Fort ressenti"],
    });
  });
});

describe("the memory host", () => {
  it("activates, selects, copies values and tells the consultant's edits only", async () => {
    const host = createMemoryHost({ initialPlan: buildPlan(small) });
    const seen: number[] = [];
    const stop = await host.onUserChange(() => seen.push(1));
    await host.activateSheet("Évaluation");
    expect(host.workbook.getState().active).toBe("Évaluation");
    await host.selectRange({ sheet: "Qui ressent quoi", cell: "C5:D5" });
    expect(await host.readSelection()).toEqual(["Etudiants", "Hautes écoles"]);
    expect(seen).toHaveLength(0);
    await host.writeNamedValue(NAMES.weightImpact, 2);
    expect(seen).toHaveLength(1);
    stop();

    const copy = await host.keepCopy("Évaluation", "Évaluation (copie)");
    expect(copy).toBe("Évaluation (copie)");
    expect(await host.keepCopy("Évaluation", "Évaluation (copie)")).toBe("Évaluation (copie) 2");
    const snapshot = await host.readWorkbook();
    expect(snapshot.sheets.filter((s) => !s.managed).map((s) => s.name)).toEqual([
      "Évaluation (copie)",
      "Évaluation (copie) 2",
    ]);
    // A rebuild keeps the copies and never overwrites them.
    await host.render(buildPlan(small), snapshot);
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).toContain("Évaluation (copie)");
  });

  it("reports progress per sheet and refuses to replace a sheet it did not create", async () => {
    const host = createMemoryHost();
    const progress: string[] = [];
    await host.render(buildPlan(small), await host.readWorkbook(), {
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    const total = buildPlan(small).sheets.length;
    expect(progress).toEqual(Array.from({ length: total + 1 }, (_, done) => `${done}/${total}`));
    const copy = await host.keepCopy("Matrice", "Copie");
    const plan = buildPlan(small);
    plan.sheets[0].name = copy;
    await expect(host.render(plan, await host.readWorkbook())).rejects.toBeInstanceOf(
      RenderRefused
    );
  });

  it("finds a free sheet name within Excel's 31 characters", () => {
    expect(freeSheetName("Copie", ["copie"])).toBe("Copie 2");
    const long = "x".repeat(40);
    expect(freeSheetName(long, [])).toHaveLength(31);
    expect(freeSheetName(long, ["x".repeat(31)])).toBe("x".repeat(29) + " 2");
  });
});

describe("number formats in the preview, as Excel shows them", () => {
  it("rounds and separates by the layout's format and the workbook's language", () => {
    expect(formatValue(41.842105263, "0.0", "fr")).toBe("41,8");
    expect(formatValue(41.842105263, "0.0", "en")).toBe("41.8");
    expect(formatValue(1234567, "#,##0", "fr")).toBe("1\u00a0234\u00a0567");
    expect(formatValue(1234567, "#,##0", "en")).toBe("1,234,567");
    expect(formatValue(74.5, "0", "fr")).toBe("75");
    expect(formatValue(2.5, undefined, "fr")).toBe("2,5");
    expect(formatValue(2.5, undefined, "en")).toBe("2.5");
    expect(formatValue("Étudiants", "0.0", "fr")).toBe("Étudiants");
  });
});
