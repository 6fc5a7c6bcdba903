/**
 * The client sheets sized for print (src/layout/print-fit.ts), checked on the plan: words never
 * split, wrapped text given the rows it needs, a readable scale, the title in the header, a
 * sentence wider than the sheet wrapped in a merged cell. The printed result is measured in
 * test/e2e/client-pdf.test.ts.
 */
import { clientPlan } from "../../src/layout/export";
import { CellStyle, SheetPlan } from "../../src/layout/plan";
import {
  MIN_SCALE,
  columnPoints,
  fitForPrint,
  lineHeight,
  textPoints,
  wrappedLines,
} from "../../src/layout/print-fit";
import { segmentedStudy } from "../support/export-fixtures";
import { AWKWARD_SHAPES, awkwardStudy } from "../support/awkward-studies";

function sheet(values: string[][], wrap: boolean, width = 10): SheetPlan {
  return {
    role: "segments",
    name: "Essai",
    blocks: [
      {
        row: 1,
        col: 1,
        values: values.map((line) => line.map((t) => ({ kind: "text", text: t }))),
      },
    ],
    fills: [],
    styles: [
      { rect: { row: 1, col: 1, rows: values.length, cols: 2 }, style: { wrap, border: true } },
    ],
    columnWidths: [
      { col: 1, width },
      { col: 2, width },
    ],
    validations: [],
    conditionalFormats: [],
    tables: [],
    print: { landscape: true, fitToOnePage: true },
  };
}

describe("a client sheet sized for print", () => {
  it("widens a column to its longest word and gives a wrapped text the rows it needs", () => {
    const text = "Écosystème d'accompagnement segmenté";
    const plan = sheet([[text, "x"]], true, 4);
    // A third column as wide as the page, bordered: the sheet is not widened to fill it.
    plan.columnWidths.push({ col: 3, width: 130 });
    plan.styles.push({ rect: { row: 1, col: 3, rows: 1, cols: 1 }, style: { border: true } });
    const fitted = fitForPrint(plan, { title: "Étude & co" });
    const width = fitted.columnWidths.find((c) => c.col === 1)!.width;
    expect(columnPoints(width)).toBeGreaterThanOrEqual(textPoints("d'accompagnement", {}));
    const lines = wrappedLines(text, { wrap: true }, columnPoints(width) - 6);
    expect(lines).toBeGreaterThanOrEqual(2);
    const height = fitted.rowHeights!.find((r) => r.row === 1)!.height;
    expect(height).toBeGreaterThanOrEqual(lines * lineHeight({}));
    expect(fitted.print).toMatchObject({ fitToOnePage: false, header: "Étude & co" });
    expect(fitted.print.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(fitted.print.scale).toBeLessThanOrEqual(100);
  });

  it("wraps a sentence wider than the sheet in a cell merged across it", () => {
    const sentence = "Une phrase qui court bien plus loin que la feuille ".repeat(4).trim();
    const plan = sheet(
      [
        ["Titre", "Valeur"],
        [sentence, ""],
      ],
      false
    );
    plan.blocks[0].values[1][1] = null;
    // A plain note, as the sheets' instructions are (a bordered name would widen its column).
    plan.styles = [];
    const fitted = fitForPrint(plan, { title: "T" });
    expect(fitted.merges).toEqual([{ row: 2, col: 1, rows: 1, cols: 2 }]);
    expect(fitted.rowHeights!.find((r) => r.row === 2)!.height).toBeGreaterThan(2 * lineHeight({}));
  });

  it("widens a sheet narrower than the page, its columns in proportion, to fill the page", () => {
    const plan = sheet(
      [
        ["Clientèle", "Segment"],
        ["Artisans", "X"],
      ],
      false,
      12
    );
    const fitted = fitForPrint(plan, { title: "T" });
    const points = fitted.columnWidths.map((c) => columnPoints(c.width));
    const printed = (points.reduce((a, b) => a + b, 0) * fitted.print.scale!) / 100;
    // A4 landscape less its margins: 741 pt.
    expect(printed).toBeGreaterThan(0.85 * 741);
    expect(printed).toBeLessThanOrEqual(741);
    expect(points[0]).toBeCloseTo(points[1], 0);
  });

  it("widens a narrow body by its fill column alone, down to the scale allowed beside it", () => {
    const plan = sheet(
      [
        ["Prestation", "X"],
        ["Rang", "1"],
      ],
      false,
      12
    );
    // A column beside the body, as the targeting's ranking runs right of its grid.
    plan.columnWidths.push({ col: 3, width: 50 });
    plan.blocks.push({ row: 2, col: 3, values: [[{ kind: "text", text: "Concurrence" }]] });
    plan.styles.push({ rect: { row: 2, col: 3, rows: 1, cols: 1 }, style: { border: true } });
    const body = { first: 1, last: 2 };
    const plain = fitForPrint(plan, { title: "T", bodyCols: body });
    const filled = fitForPrint(plan, {
      title: "T",
      bodyCols: body,
      fillCol: 1,
      besideScale: MIN_SCALE / 100,
    });
    const width = (fitted: SheetPlan, col: number): number =>
      columnPoints(fitted.columnWidths.find((c) => c.col === col)!.width);
    // The second column keeps its width (12 Calibri digits of 5.25 pt and the padding, within a
    // quarter digit's rounding); the first takes the slack, the scale readable.
    expect(Math.abs(width(filled, 2) - (12 * 5.25 + 3.75))).toBeLessThan(2);
    expect(width(plain, 2)).toBeGreaterThan(width(filled, 2) + 10);
    expect(width(filled, 1)).toBeGreaterThan(width(plain, 1));
    expect(filled.print.scale).toBeGreaterThanOrEqual(MIN_SCALE);
    const printed = ((width(filled, 1) + width(filled, 2)) * filled.print.scale!) / 100;
    expect(printed).toBeGreaterThan(0.7 * 741);
  });

  it.each(["quarante-cinq-offres", "deux-segments-45-offres", "forty-five-offerings"])(
    "%s: a tall targeting grid repeats its header row and spans most of the page",
    (name) => {
      const shape = AWKWARD_SHAPES.find((s) => s.name === name)!;
      const { plan } = clientPlan(awkwardStudy(shape), { created: new Date("2025-03-12") });
      const targeting = plan!.sheets.find((s) => s.role === "targeting")!;
      expect(targeting.print.titleRows).toEqual({ first: 4, last: 4 });
      expect(targeting.print.colBreaks).toBeUndefined();
      expect(targeting.print.scale).toBeGreaterThanOrEqual(MIN_SCALE);
      // The grid: the offerings' column, one per segment, the marks per offering.
      const gridPoints = targeting.columnWidths
        .filter((c) => c.col <= 2 + shape.segments && !c.hidden)
        .reduce((total, c) => total + columnPoints(c.width), 0);
      expect((gridPoints * targeting.print.scale!) / 100).toBeGreaterThan(0.7 * 741);
    }
  );

  it("leaves a short targeting grid's print titles alone", () => {
    const { plan } = clientPlan(segmentedStudy(), { created: new Date("2025-03-12") });
    const targeting = plan!.sheets.find((s) => s.role === "targeting")!;
    expect(targeting.print.titleRows).toBeUndefined();
  });

  it("breaks a tall sheet's pages so that each holds a row reaching across the page", () => {
    // 25 rows across two wide columns (a page's worth), then 12 short names in the first only:
    // filled row by row, the second page would hold only the short names.
    const rows = [
      ...Array.from({ length: 25 }, (_, i) => [`Prestation ${i + 1}`, "X"]),
      ...Array.from({ length: 12 }, (_, i) => [`Nom ${i + 1}`, ""]),
    ];
    const plan = sheet(rows, false, 60);
    plan.styles.push({
      rect: { row: 1, col: 2, rows: rows.length, cols: 1 },
      style: { horizontal: "right" },
    });
    const fitted = fitForPrint(plan, { title: "T" });
    const breaks = fitted.print.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThanOrEqual(1);
    // The last page starts among the wide rows, not at the short names.
    expect(breaks[breaks.length - 1]).toBeLessThan(25);
    expect(breaks.every((row, i) => i === 0 || row > breaks[i - 1])).toBe(true);
  });

  it("leaves a sheet that fits on one page to the spreadsheet, without breaks", () => {
    const fitted = fitForPrint(sheet([["Titre", "Valeur"]], false, 60), { title: "T" });
    expect(fitted.print.rowBreaks).toBeUndefined();
  });

  it.each(["six-segments", "nine-segments", "douze-segments"])(
    "%s: sheets with a column per segment print in even bands, each page full, labels repeated",
    (name) => {
      const shape = AWKWARD_SHAPES.find((s) => s.name === name)!;
      const { plan } = clientPlan(awkwardStudy(shape), { created: new Date("2025-03-12") });
      let banded = 0;
      for (const role of ["segments", "checklist"] as const) {
        const fitted = plan!.sheets.find((s) => s.role === role)!;
        // A sheet that fits on one page at a readable scale stays whole.
        if (!fitted.print.colBreaks) {
          expect(fitted.print.scale).toBeGreaterThanOrEqual(MIN_SCALE);
          continue;
        }
        banded++;
        const [labels, firstItem] = role === "segments" ? [1, 2] : [2, 3];
        expect(fitted.print.titleCols).toEqual({ first: 1, last: labels });
        const breaks = fitted.print.colBreaks;
        const shown = fitted.columnWidths.filter((c) => !c.hidden);
        const width = (from: number, to: number): number =>
          shown
            .filter((c) => c.col >= from && c.col <= to)
            .reduce((sum, c) => sum + columnPoints(c.width), 0);
        const ends = [...breaks, Math.max(...shown.map((c) => c.col))];
        const counts = ends.map((end, i) => end - (i === 0 ? firstItem : ends[i - 1] + 1) + 1);
        // An even share: the pages' counts of segments differ by one at most.
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        // Each page, the labels and its band, fills the printable width at the sheet's scale.
        const page = ((842 - 2 * 0.7 * 72) * 100) / fitted.print.scale!;
        ends.forEach((end, i) => {
          const filled = width(1, labels) + width(i === 0 ? firstItem : ends[i - 1] + 1, end);
          expect(filled / page).toBeGreaterThan(0.85);
          expect(filled / page).toBeLessThanOrEqual(1);
        });
        // A title or instructions left in the repeated labels fits in them: wider, it would
        // print cut at the labels' edge on every band's first page.
        for (const block of fitted.blocks)
          block.values.forEach((line, i) =>
            line.forEach((value, j) => {
              if (block.row + i > 2 || block.col + j > labels || value?.kind !== "text") return;
              expect(textPoints(value.text, { bold: true, fontSize: 14 })).toBeLessThan(
                width(block.col + j, labels)
              );
            })
          );
      }
      if (name !== "six-segments") expect(banded).toBeGreaterThanOrEqual(1);
    }
  );

  it("turns the matrix's clientèle names up, repeats its headers and prints every sheet so", () => {
    const { plan } = clientPlan(segmentedStudy(), { created: new Date("2025-03-12T12:00:00Z") });
    const matrix = plan!.sheets.find((s) => s.role === "matrix")!;
    expect(matrix.print).toMatchObject({
      titleRows: { first: 3, last: 5 },
      titleCols: { first: 1, last: 2 },
    });
    expect(matrix.styles.some((s) => s.rect.row === 5 && s.style.rotateUp)).toBe(true);
    expect(plan!.font).toBe("DejaVu Sans");
    for (const s of plan!.sheets) expect(s.print.header).toBe(segmentedStudy().title);
  });

  // A segment's label over its clientèles (the matrix's row 3): wrapped within their columns,
  // each word whole or cut short with "…", and the columns as wide as with short names.
  it.each(["etiquettes-segments", "long-segment-labels"])(
    "%s: the segments' labels stay within their columns and do not widen them",
    (name) => {
      const shape = AWKWARD_SHAPES.find((s) => s.name === name)!;
      const matrixOf = (longWord: boolean, long: boolean): SheetPlan =>
        clientPlan(awkwardStudy({ ...shape, longWord, long }), {
          created: new Date("2025-03-12"),
          parts: ["matrix"],
        }).plan!.sheets[0];
      const matrix = matrixOf(shape.longWord ?? false, shape.long ?? false);
      const plain = matrixOf(false, false);
      const widthOf = (plan: SheetPlan, col: number): number =>
        plan.columnWidths.find((c) => c.col === col && !c.hidden)?.width ?? 0;
      // Continued to the right, the widths depend on the names only: as with short segment names
      // (52 pages, one clientèle each, when the long labels widened their columns).
      if (name === "long-segment-labels") {
        for (let col = 3; col < 3 + shape.clienteles; col++)
          expect(widthOf(matrix, col)).toBeCloseTo(widthOf(plain, col), 5);
        expect(matrix.print.scale).toBe(plain.print.scale);
      }
      const labels = matrix.blocks
        .filter((block) => block.row === 3 && block.col >= 3)
        .flatMap((block) =>
          block.values[0].flatMap((cell, j) =>
            cell?.kind === "text" ? [{ col: block.col + j, text: cell.text }] : []
          )
        );
      expect(labels.length).toBeGreaterThanOrEqual(shape.segments);
      const height = matrix.rowHeights!.find((r) => r.row === 3)!.height;
      for (const label of labels) {
        const merge = matrix.merges?.find((m) => m.row === 3 && m.col === label.col);
        const cols = merge?.cols ?? 1;
        const room =
          Array.from({ length: cols }, (_, k) =>
            columnPoints(widthOf(matrix, label.col + k))
          ).reduce((a, b) => a + b, 0) - 6;
        const style = matrix.styles
          .filter((s) => s.rect.row === 3 && s.rect.col === label.col && s.rect.rows === 1)
          .reduce<CellStyle>((all, s) => ({ ...all, ...s.style }), {});
        expect(style.wrap).toBe(true);
        expect(style.fontSize ?? 11).toBeGreaterThanOrEqual(9);
        for (const word of label.text.split(" "))
          expect(textPoints(word, style)).toBeLessThanOrEqual(room);
        // The row holds the label's lines.
        expect(height).toBeGreaterThanOrEqual(
          wrappedLines(label.text, style, room * 0.88) * lineHeight(style)
        );
      }
    }
  );
});
