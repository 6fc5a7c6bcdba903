/**
 * The preview's cells as a consultant edits them: numbers typed in the workbook's language, every
 * input cell of the segment and targeting sheets editable, the checklist's colours and a ready
 * segment's green following the edits, and no name flagged red before the first X.
 */
import { buildPlan } from "../../src/layout";
import { GRID } from "../../src/layout";
import { cellAt } from "../../src/layout/grids";
import { statusLabels } from "../../src/layout/sheets/checklist";
import { PreviewWorkbook } from "../../src/hosts/preview/workbook";
import { editingText, parseTypedNumber, sheetLook } from "../../src/hosts/preview/look";
import { moveFrom } from "../../src/taskpane/preview/keys";
import { study } from "../support/workbooks";

const small = study({
  language: "fr",
  clienteles: ["Etudiants", "Hautes écoles"],
  needs: ["Innover", "Se former"],
  pairs: [{ clientele: "Etudiants", need: "Innover", perception: 4, impact: 3 }],
  segments: [{ name: "Segment 1", clienteles: ["Etudiants"], needs: ["Innover"] }],
});

function sheetOf(book: PreviewWorkbook, role: string) {
  const found = book.getState().sheets.find((s) => s.plan?.role === role);
  if (!found) throw new Error(`no ${role} sheet`);
  return found;
}
const lookOf = (book: PreviewWorkbook, role: string) =>
  sheetLook(sheetOf(book, role), book.getState());
function named(book: PreviewWorkbook, name: string) {
  const found = book.getState().names.find((n) => n.name === name);
  if (!found) throw new Error(name);
  return found;
}

describe("numbers as typed", () => {
  it("takes a French comma and spaces, an English point and commas, and refuses the rest", () => {
    expect(parseTypedNumber("1200", "fr")).toBe(1200);
    expect(parseTypedNumber("1 200", "fr")).toBe(1200);
    expect(parseTypedNumber("1\u00a0200,5", "fr")).toBe(1200.5);
    expect(parseTypedNumber("2,5", "fr")).toBe(2.5);
    expect(parseTypedNumber("2.5", "fr")).toBe(2.5);
    expect(parseTypedNumber("1,200.5", "en")).toBe(1200.5);
    for (const bad of ["", "1,2,3", "12abc", "1e3", "Infinity", "--1", "1.", "0x10", "1 2,3.4"])
      expect({ bad, value: parseTypedNumber(bad, "fr") }).toEqual({ bad, value: undefined });
    expect(editingText(1.5, "fr")).toBe("1,5");
    expect(editingText(1.5, "en")).toBe("1.5");
    expect(editingText(0.1 + 0.2, "fr")).toBe("0,3");
  });
});

describe("input cells", () => {
  it("makes the segments' names, figures, texts and offerings editable, and computes from them", () => {
    const book = new PreviewWorkbook(buildPlan(small));
    const names = named(book, "SM_SegmentNames");
    const segments = lookOf(book, "segments");
    expect(segments.cell(names.rect.row, names.rect.col).editor).toEqual({ kind: "text" });
    const size = named(book, "SM_SegmentSize");
    expect(segments.cell(size.rect.row, size.rect.col).editor).toMatchObject({ kind: "number" });
    const offerings = named(book, "SM_Offerings");
    expect(segments.cell(offerings.rect.row, offerings.rect.col).editor).toEqual({ kind: "text" });
    // A formula cell (the mean score) is not editable.
    const mean = named(book, "SM_SegmentMeanScore");
    expect(segments.cell(mean.rect.row, mean.rect.col).editor).toBeUndefined();

    // Rename the generated segment and type an offering: Ciblage mirrors both, its marks count.
    book.edit(names.sheet, names.rect.row, names.rect.col, "Jeunes innovants");
    book.edit(offerings.sheet, offerings.rect.row, offerings.rect.col, "Atelier");
    const targets = named(book, "SM_Targets");
    const targeting = () => sheetOf(book, "targeting");
    const at = (row: number, col: number) => cellAt(targeting(), row, col);
    expect(at(targets.rect.row - 1, targets.rect.col)).toBe("Jeunes innovants");
    expect(at(targets.rect.row, targets.rect.col - 1)).toBe("Atelier");
    book.edit(targets.sheet, targets.rect.row, targets.rect.col, "X");
    const strategy = named(book, "SM_TargetStrategy");
    expect(at(strategy.rect.row, strategy.rect.col)).toBe("Concentration");
    // "X par prestation" beside the row, "X par segment" under the column.
    expect(at(targets.rect.row, targets.rect.col + targets.rect.cols)).toBe(1);
    expect(at(targets.rect.row + targets.rect.rows, targets.rect.col)).toBe(1);
    // The conquest order is picked from the segments' names, even when there is one.
    const conquest = named(book, "SM_Conquest");
    expect(lookOf(book, "targeting").cell(conquest.rect.row, conquest.rect.col).editor).toEqual({
      kind: "choice",
      options: ["Jeunes innovants"],
    });
    const plans = named(book, "SM_SegmentPlans");
    expect(lookOf(book, "targeting").cell(plans.rect.row, plans.rect.col).editor).toEqual({
      kind: "text",
    });
  });

  it("follows a share kept typed in the funnel: what remains, the size and the potential", () => {
    const book = new PreviewWorkbook(
      buildPlan(
        study({
          ...small,
          segments: [
            {
              name: "Segment 1",
              clienteles: ["Etudiants"],
              population: 1000,
              trims: [{ family: "qui", criterion: "Master", keep: 0.5 }],
              frequency: 2,
              basket: 10,
            },
          ],
        })
      )
    );
    const trims = named(book, "SM_SegmentTrims");
    const value = (name: string) => {
      const at = named(book, name);
      return cellAt(sheetOf(book, "segments"), at.rect.row, at.rect.col);
    };
    expect(value("SM_SegmentSize")).toBe(500);
    book.edit(trims.sheet, trims.rect.row + 2, trims.rect.col, 0.2);
    expect(cellAt(sheetOf(book, "segments"), trims.rect.row + 3, trims.rect.col)).toBe(200);
    expect(value("SM_SegmentSize")).toBe(200);
    expect(value("SM_SegmentPotential")).toBe(4000);
  });

  it("mirrors a renamed segment on the Diagnostic sheet", () => {
    const book = new PreviewWorkbook(buildPlan(small));
    const names = named(book, "SM_SegmentNames");
    book.edit(names.sheet, names.rect.row, names.rect.col, "Jeunes innovants");
    const swot = named(book, "SM_Swot");
    expect(cellAt(sheetOf(book, "diagnostic"), swot.rect.row - 1, swot.rect.col)).toBe(
      "Jeunes innovants"
    );
  });

  it("colours each checklist status and shows a ready segment in green, as the workbook does", () => {
    const book = new PreviewWorkbook(buildPlan(small));
    const checklist = named(book, "SM_Checklist");
    const [ok] = statusLabels("fr");
    const fillAt = (row: number, col: number) =>
      lookOf(book, "checklist").cell(row, col).style.fill;
    book.edit(checklist.sheet, checklist.rect.row, checklist.rect.col, ok);
    expect(fillAt(checklist.rect.row, checklist.rect.col)).toBe("#C6EFCE");
    expect(fillAt(checklist.rect.row + 1, checklist.rect.col)).toBe("#FFC7CE"); // à faire
    const header = checklist.rect.row - 1;
    expect(fillAt(header, checklist.rect.col)).not.toBe("#C6EFCE");
    for (let i = 1; i < checklist.rect.rows; i++)
      book.edit(checklist.sheet, checklist.rect.row + i, checklist.rect.col, ok);
    const headerLook = lookOf(book, "checklist").cell(header, checklist.rect.col);
    expect(headerLook.style.fill).toBe("#C6EFCE");
    expect(headerLook.style.fontColour).toBe("#006100");
  });

  it("flags no name red before the first X, then those still without one", () => {
    const bare = study({ language: "fr", clienteles: ["A", "B"], needs: ["n"], pairs: [] });
    const book = new PreviewWorkbook(buildPlan(bare));
    const red = (row: number, col: number) =>
      lookOf(book, "ticks").cell(row, col).style.fill === "#FFC7CE";
    expect(red(GRID.headerRow, GRID.firstCol)).toBe(false);
    expect(red(GRID.firstRow, GRID.nameCol)).toBe(false);
    book.edit(sheetOf(book, "ticks").name, GRID.firstRow, GRID.firstCol, "X");
    expect(red(GRID.headerRow, GRID.firstCol)).toBe(false);
    expect(red(GRID.headerRow, GRID.firstCol + 1)).toBe(true);
    // The workbook's rule says the same.
    const rules = buildPlan(bare).sheets.find((s) => s.role === "ticks")?.conditionalFormats ?? [];
    for (const rule of rules.filter((r) => r.rule.kind === "formula"))
      expect(rule.rule.kind === "formula" && rule.rule.formula).toMatch(
        /,SUMPRODUCT\(.*\$.*\)>0\)$/
      );
  });
});

describe("keys", () => {
  const size = { rows: 10, cols: 5 };
  it("moves with the arrows and Enter, stays in a drop-down for Up and Down", () => {
    expect(moveFrom({ row: 3, col: 3 }, "ArrowRight", "button", undefined, size)).toEqual({
      row: 3,
      col: 4,
    });
    expect(moveFrom({ row: 3, col: 3 }, "Enter", "input", undefined, size)).toEqual({
      row: 4,
      col: 3,
    });
    expect(moveFrom({ row: 3, col: 3 }, "Enter", "input", undefined, size, true)).toEqual({
      row: 2,
      col: 3,
    });
    expect(moveFrom({ row: 3, col: 3 }, "ArrowDown", "select", undefined, size)).toBeUndefined();
    expect(moveFrom({ row: 1, col: 1 }, "ArrowUp", "td", undefined, size)).toBeUndefined();
  });
  it("moves the caret inside a typed text until its end", () => {
    const middle = { start: 2, end: 2, length: 4 };
    expect(moveFrom({ row: 3, col: 3 }, "ArrowLeft", "input", middle, size)).toBeUndefined();
    const end = { start: 4, end: 4, length: 4 };
    expect(moveFrom({ row: 3, col: 3 }, "ArrowRight", "input", end, size)).toEqual({
      row: 3,
      col: 4,
    });
  });
});

describe("the matrix's hypotheses", () => {
  const evidenced = study({
    language: "fr",
    clienteles: ["Etudiants", "Hautes écoles"],
    needs: ["Innover", "Se former"],
    pairs: [
      {
        clientele: "Etudiants",
        need: "Innover",
        perception: 4,
        impact: 3,
        evidence: { n: 8, feel: 1 },
      },
      {
        clientele: "Hautes écoles",
        need: "Se former",
        perception: 2,
        impact: 2,
        evidence: { n: 5, feel: 1 },
      },
    ],
  });

  it("follow n typed or emptied on the ratings sheet: italics and the dotted border", () => {
    const book = new PreviewWorkbook(buildPlan(evidenced));
    const first = () => lookOf(book, "matrix").cell(GRID.firstRow, GRID.firstCol).style;
    expect(first().italic).toBeFalsy();
    // (Etudiants, Innover) is the ratings table's first row (row 5); n is column I.
    book.edit(sheetOf(book, "ratings").name, 5, 9, "");
    expect(first()).toMatchObject({ italic: true, dottedBorder: "#404040" });
    book.edit(sheetOf(book, "ratings").name, 5, 9, 3); // a number, as Excel stores it
    expect(first().italic).toBeFalsy();
    // The other pair kept its n all along.
    expect(
      lookOf(book, "matrix").cell(GRID.firstRow + 1, GRID.firstCol + 1).style.italic
    ).toBeFalsy();
  });
});

describe("the figures' source in the preview", () => {
  const quantified = study({
    language: "fr",
    clienteles: ["Etudiants", "Hautes écoles"],
    needs: ["Innover"],
    pairs: [{ clientele: "Etudiants", need: "Innover", perception: 4, impact: 3 }],
    segments: [
      {
        name: "A",
        clienteles: ["Etudiants"],
        size: 24503,
        frequency: 2.1,
        basket: 41.8,
        figuresSource: { asOf: "2026-01-01", customers: 24503 },
      },
      {
        name: "B",
        clienteles: ["Hautes écoles"],
        size: 10,
        frequency: 1,
        basket: 5,
        figuresSource: { asOf: "2026-01-01", customers: 10 },
      },
    ],
  });

  it("stops naming the data for a segment whose figure is typed over, as Excel would", () => {
    const book = new PreviewWorkbook(buildPlan(quantified));
    const sheet = sheetOf(book, "segments");
    const source = named(book, "SM_SegmentSource");
    const basket = named(book, "SM_SegmentBasket");
    const shown = () =>
      [0, 1].map((k) => cellAt(sheetOf(book, "segments"), source.rect.row, source.rect.col + k));
    expect(shown()).toEqual([
      "données clients au 2026-01-01, 24\u00a0503 clients",
      "données clients au 2026-01-01, 10 clients",
    ]);
    book.edit(sheet.name, basket.rect.row, basket.rect.col, 45);
    expect(shown()[0]).toBe("chiffres modifiés depuis les données clients au 2026-01-01");
    expect(shown()[1]).toBe("données clients au 2026-01-01, 10 clients");
    // Another edit elsewhere does not bring the claim back.
    book.edit(sheet.name, basket.rect.row, basket.rect.col + 1, 5);
    expect(shown()[0]).toBe("chiffres modifiés depuis les données clients au 2026-01-01");
    expect(shown()[1]).toBe("données clients au 2026-01-01, 10 clients");
  });
});
