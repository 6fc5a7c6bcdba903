/**
 * The client export's plan (layout/export.ts): the sheets chosen, every value fixed, every scored
 * cell's colour fixed in the cell, readable text, nothing of the working workbook, names kept true.
 * And its file: no state, no hidden sheet, no formula, the document's properties.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildPlan, readStudy, GRID, NAMES } from "../../src/layout";
import { cellAddress, parseSheetRef, rectAddress } from "../../src/layout/a1";
import {
  CLIENT_EXPORT_KEYWORDS,
  ExportPart,
  clientPlan,
  defaultParts,
} from "../../src/layout/export";
import { COLOURS } from "../../src/layout/kit";
import { planGrids } from "../../src/layout/plan-grids";
import { CellStyle, CellValue, SheetPlan, WorkbookPlan } from "../../src/layout/plan";
import { clientPlanToBuffer } from "../../src/hosts/xlsx/file";
import {
  PALETTES,
  PaletteName,
  textColour,
  contrastRatio,
  scaleColour,
} from "../../src/method/colour";
import { pairScore } from "../../src/method/score";
import { formatProblem } from "../../src/messages";
import { HOSTILE_NAMES, segmentedStudy } from "../support/export-fixtures";
import { plainValue, study } from "../support/workbooks";

const CREATED = new Date("2025-03-12T12:00:00Z");
const segmented = segmentedStudy();

function exported(
  s = segmented,
  options: { parts?: ExportPart[]; palette?: PaletteName; language?: "fr" | "en" } = {}
): WorkbookPlan {
  const { plan, problems } = clientPlan(s, { ...options, created: CREATED });
  if (!plan) throw new Error(JSON.stringify(problems));
  return plan;
}

function sheetOf(plan: WorkbookPlan, role: SheetPlan["role"]): SheetPlan {
  const found = plan.sheets.find((sheet) => sheet.role === role);
  if (!found) throw new Error(`no ${role} sheet`);
  return found;
}

/** A cell's value and the style its ranges give it, later ranges first to last (as hosts apply them). */
function cellOf(
  sheet: SheetPlan,
  row: number,
  col: number
): { value: CellValue; style: CellStyle } {
  let value: CellValue = null;
  for (const block of sheet.blocks) {
    const line = block.values[row - block.row];
    if (line && col >= block.col && col < block.col + line.length) value = line[col - block.col];
  }
  let style: CellStyle = {};
  for (const styled of sheet.styles) {
    const r = styled.rect;
    if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols)
      style = { ...style, ...styled.style };
  }
  return { value, style };
}

describe("the sheets of a client export", () => {
  it("are the matrix and its legend, with segments, check-list and targeting when there are segments", () => {
    expect(exported().sheets.map((s) => s.role)).toEqual([
      "matrix",
      "legend",
      "segments",
      "checklist",
      "targeting",
    ]);
    const plain = study({ clienteles: ["a"], needs: ["n"], pairs: [] });
    expect(defaultParts(plain)).toEqual(["matrix", "legend"]);
    expect(exported(plain).sheets.map((s) => s.name)).toEqual(["Matrice", "Légende"]);
    expect(exported(plain, { language: "en" }).sheets.map((s) => s.name)).toEqual([
      "Matrix",
      "Legend",
    ]);
  });

  it("follow --sheets, in the workbook's order whatever the order asked", () => {
    const plan = exported(segmented, { parts: ["targeting", "matrix"] });
    expect(plan.sheets.map((s) => s.role)).toEqual(["matrix", "targeting"]);
    expect(exported(segmented, { parts: ["segments"] }).sheets.map((s) => s.role)).toEqual([
      "segments",
      "checklist",
    ]);
  });

  it("leaves out segments and targeting for a study without segments, saying so", () => {
    const plain = study({ clienteles: ["a"], needs: ["n"], pairs: [] });
    const { plan, problems } = clientPlan(plain, {
      parts: ["matrix", "segments", "targeting"],
      created: CREATED,
    });
    expect(plan?.sheets.map((s) => s.role)).toEqual(["matrix"]);
    expect(problems.map((p) => [p.severity, formatProblem(p, "en")])).toEqual([
      [
        "warning",
        '--sheets: "segments" asked for, but the study has no segment: the sheet is left out (define the segments first to export it)',
      ],
      [
        "warning",
        '--sheets: "targeting" asked for, but the study has no segment: the sheet is left out (define the segments first to export it)',
      ],
    ]);
    const nothing = clientPlan(plain, { parts: ["segments"], created: CREATED });
    expect(nothing.plan).toBeUndefined();
    expect(nothing.problems.map((p) => p.code)).toEqual(["export-no-segments", "export-nothing"]);
  });

  it("hold no formula: every formula of the working workbook had its value to give", () => {
    const working = buildPlan(segmented);
    for (const role of ["matrix", "segments", "checklist", "targeting"] as const) {
      const sheet = sheetOf(working, role);
      for (const fill of sheet.fills) {
        expect(fill.results).toHaveLength(fill.rect.rows);
        for (const line of fill.results ?? []) expect(line).toHaveLength(fill.rect.cols);
      }
      for (const block of sheet.blocks)
        for (const cell of block.values.flat())
          if (cell?.kind === "formula") expect(cell.result).toBeDefined();
    }
    for (const sheet of exported().sheets) {
      expect(sheet.fills).toEqual([]);
      expect(sheet.blocks.flatMap((b) => b.values.flat()).some((c) => c?.kind === "formula")).toBe(
        false
      );
      expect(sheet.validations).toEqual([]);
      expect(sheet.columnWidths.some((width) => width.hidden)).toBe(false);
      expect(sheet.styles.some((s) => s.style.fill === COLOURS.input)).toBe(false);
      // Sized for print (print-fit.ts): A4 landscape at a readable scale, the title in the header.
      expect(sheet.print).toMatchObject({ landscape: true, fitToOnePage: false });
      expect(sheet.print.scale).toBeGreaterThanOrEqual(75);
      expect(sheet.print.header).toBe(segmented.title);
      // What formulas remain are the live rules', over the sheet's own cells.
      for (const format of sheet.conditionalFormats)
        if (format.rule.kind === "formula") expect(format.rule.formula).not.toMatch(/!|SM_/);
    }
  });

  it("show the names, the scores and the segment labels the working workbook computes", () => {
    const matrix = sheetOf(exported(), "matrix");
    segmented.clienteles.forEach((c, j) =>
      expect(cellOf(matrix, GRID.headerRow, GRID.firstCol + j).value).toEqual({
        kind: "text",
        text: c.name,
      })
    );
    segmented.needs.forEach((n, i) =>
      expect(cellOf(matrix, GRID.firstRow + i, GRID.nameCol).value).toEqual({
        kind: "text",
        text: n.name,
      })
    );
    expect(cellOf(matrix, GRID.firstRow, GRID.firstCol).value).toEqual({
      kind: "number",
      value: 100,
    });
    expect(cellOf(matrix, GRID.firstRow + 3, GRID.firstCol).value).toBeNull();
    expect(cellOf(matrix, GRID.helpRow, GRID.firstCol).value).toEqual({
      kind: "text",
      text: "Pressés & « connectés »",
    });
    expect(cellOf(matrix, GRID.helpRow, GRID.firstCol + 3).value).toEqual({
      kind: "text",
      text: "@Prudents",
    });
    // The segments side by side are outlined, as in the working workbook and the picture.
    const outlined = matrix.styles
      .filter((styled) => styled.style.outline && styled.rect.row === GRID.headerRow)
      .map((styled) => rectAddress(styled.rect));
    expect(outlined).toEqual(["C5:E9", "F5:G9"]);
    // The instructions speak to a reader, and name no sheet the export leaves out.
    const texts = exported().sheets.flatMap((sheet) =>
      sheet.blocks
        .flatMap((b) => b.values.flat())
        .flatMap((c) => (c?.kind === "text" ? [c.text] : []))
    );
    expect(texts.some((t) => /Paramètres|Tapez|tapez/.test(t))).toBe(false);
  });
});

describe("the colours of a client export", () => {
  for (const palette of ["default", "colourblind"] as const) {
    it(`fixes each scored cell's fill and a readable text colour (${palette})`, () => {
      const plan = exported(segmented, { palette });
      const { stops, text } = PALETTES[palette];
      const matrix = sheetOf(plan, "matrix");
      let scored = 0;
      segmented.needs.forEach((need, i) =>
        segmented.clienteles.forEach((clientele, j) => {
          const pair = segmented.pairs.find(
            (p) => p.clientele === clientele.name && p.need === need.name
          );
          const cell = cellOf(matrix, GRID.firstRow + i, GRID.firstCol + j);
          if (pair?.perception === undefined || pair.impact === undefined) {
            expect(cell.style.fill).toBeUndefined();
            return;
          }
          const score = pairScore(pair.perception, pair.impact, segmented.weights);
          expect(cell.value).toEqual({ kind: "number", value: score });
          expect(cell.style.fill).toBe(scaleColour(score, stops));
          expect(cell.style.fontColour).toBe(textColour(score, text));
          expect(contrastRatio(cell.style.fill!, cell.style.fontColour!)).toBeGreaterThanOrEqual(
            4.5
          );
          scored++;
        })
      );
      expect(scored).toBe(8);
      // The live rule stays too.
      expect(
        matrix.conditionalFormats.find(
          (f) => rectAddress(f.rect) === rectAddress({ row: 6, col: 3, rows: 4, cols: 8 })
        )?.rule
      ).toEqual({ kind: "colourScale", stops });
      // The legend's samples, every tenth, carry their colours as well.
      const legend = sheetOf(plan, "legend");
      const samples = legend.blocks
        .flatMap((b) => b.values.map((line, i) => ({ row: b.row + i, col: b.col, cell: line[0] })))
        .filter((c) => c.col === 1 && c.cell?.kind === "number" && c.cell.value % 10 === 0);
      const fills = samples
        .map((s) => ({ s, look: cellOf(legend, s.row, 1) }))
        .filter(({ look }) => look.style.fill !== undefined);
      expect(fills.map(({ look }) => (look.value as { value: number }).value)).toEqual([
        0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
      ]);
      for (const { look } of fills) {
        const score = (look.value as { value: number }).value;
        expect(look.style.fill).toBe(scaleColour(score, stops));
        expect(
          contrastRatio(look.style.fill!, look.style.fontColour ?? "#000000")
        ).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it("fixes the check-list's status fills and the ready segment's green", () => {
    const checklist = sheetOf(exported(), "checklist");
    const first = cellOf(checklist, 5, 3);
    expect(first.value).toEqual({ kind: "text", text: "✓ Ok" });
    expect(first.style.fill).toBe("#C6EFCE");
    const second = cellOf(checklist, 6, 4);
    expect(second.value).toEqual({ kind: "text", text: "✗ À faire" });
    expect(second.style.fill).toBe("#FFC7CE");
    // The first segment's 11 items are Ok: its name is green; the second's is not.
    expect(cellOf(checklist, 4, 3).style).toMatchObject({ fill: "#C6EFCE", fontColour: "#006100" });
    expect(cellOf(checklist, 4, 4).style.fontColour).toBeUndefined();
  });

  it("prints 'to analyse' with ▥, which the export font has, and keeps a consultant's emoji", () => {
    const withEmoji = segmentedStudy({ title: "Étude 📊 du client" });
    for (const language of ["fr", "en"] as const) {
      const checklist = sheetOf(exported(withEmoji, { language }), "checklist");
      const label = language === "fr" ? "▥ À analyser" : "▥ To analyse";
      expect(cellOf(checklist, 7, 4)).toMatchObject({
        value: { kind: "text", text: label },
        style: { fill: "#DDEBF7" },
      });
      const texts = checklist.blocks.flatMap((b) =>
        b.values.flat().flatMap((v) => (v?.kind === "text" ? [v.text] : []))
      );
      expect(texts.filter((t) => t.includes("📊"))).toEqual([]);
      expect(texts.some((t) => t.includes("▥") && t.includes("⊞"))).toBe(true);
      // The live rule still holds where the fixed look says: it compares with the printed label.
      const rules = checklist.conditionalFormats.flatMap((f) =>
        f.rule.kind === "formula" ? [f.rule.formula] : []
      );
      expect(rules).toContain(`TRIM(C5)="${label}"`);
      expect(rules.join(" ")).not.toContain("📊");
    }
    // The consultant's own text stays as typed, emoji and all.
    const legend = sheetOf(exported(withEmoji), "legend");
    expect(JSON.stringify(legend.blocks)).toContain("Étude 📊 du client");
  });
});

describe("the names and properties of a client export", () => {
  it("keeps the names of the sheets present, each pointing into one, and marks the export", () => {
    const plan = exported();
    const sheets = new Set(plan.sheets.map((s) => s.name));
    for (const name of plan.names) expect(sheets.has(name.sheet)).toBe(true);
    const names = plan.names.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining([
        NAMES.matrix,
        NAMES.matrixClienteles,
        NAMES.matrixNeeds,
        NAMES.segmentNames,
        NAMES.segmentMeanScore,
        NAMES.segmentCompetition,
        NAMES.checklist,
        NAMES.targets,
        NAMES.clientExport,
      ])
    );
    expect(names).not.toContain(NAMES.ticks);
    expect(names).not.toContain(NAMES.weightPerception);
    expect(names).not.toContain(NAMES.ratingClienteles);
    const matrixOnly = exported(segmented, { parts: ["matrix"] });
    expect(matrixOnly.names.map((n) => n.name)).toEqual([
      NAMES.matrix,
      NAMES.matrixClienteles,
      NAMES.matrixNeeds,
      NAMES.clientExport,
    ]);
    expect(matrixOnly.names.find((n) => n.name === NAMES.matrix)?.rect).toEqual({
      row: 6,
      col: 3,
      rows: 4,
      cols: 8,
    });
  });

  it("says the title, the date and the export in the document's properties", () => {
    expect(exported().properties).toEqual({
      title: segmented.title,
      subject: "Matrice des scores — clientèles × besoins",
      keywords: CLIENT_EXPORT_KEYWORDS,
      created: CREATED,
    });
  });

  it("is refused by read, which says what it is", () => {
    const { study: read, problems } = readStudy(planGrids(exported()));
    expect(read).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(["client-export-not-study"]);
    expect(problems[0].message.fr).toMatch(/^ce classeur est un livrable client exporté/);
  });
});

describe("the client workbook file", () => {
  let zip: JSZip;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const buffer = await clientPlanToBuffer(exported(segmented, { palette: "colourblind" }));
    zip = await JSZip.loadAsync(buffer);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  });
  const part = (name: string): Promise<string> => zip.file(name)!.async("string");

  it("has no state, no hidden sheet, no formula, no dropdown", async () => {
    const names = Object.keys(zip.files);
    expect(names.some((n) => n.startsWith("customXml/"))).toBe(false);
    const book = await part("xl/workbook.xml");
    expect(book).not.toMatch(/state="(hidden|veryHidden)"/);
    const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(5);
    for (const sheet of sheets) {
      const xml = await part(sheet);
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).not.toContain("<dataValidation");
      expect(xml).toMatch(/orientation="landscape"/);
      expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" scale="\d+"\/>/);
      expect(xml).toMatch(/<oddHeader>&amp;L/);
    }
  });

  it("names point at the sheets it holds, where they should", () => {
    const model = workbook.definedNames.model;
    const sheets = new Set(workbook.worksheets.map((w) => w.name));
    for (const defined of model) {
      const ref = parseSheetRef(defined.ranges[0]);
      expect(ref && sheets.has(ref.sheet)).toBe(true);
    }
    const matrix = model.find((n) => n.name === NAMES.matrix);
    expect(matrix?.ranges).toEqual(["Matrice!$C$6:$J$9"]);
  });

  it("keeps every name exactly, with the fill and the font of each score", () => {
    const sheet = workbook.getWorksheet("Matrice")!;
    HOSTILE_NAMES.forEach((name, j) =>
      expect(plainValue(sheet.getCell(GRID.headerRow, GRID.firstCol + j).value)).toBe(name)
    );
    // An ExcelJS cell's style (the Office add-in lint rule takes `.font` for Office.js).
    const { value, style } = sheet.getCell(cellAddress(GRID.firstRow, GRID.firstCol));
    expect(value).toBe(100);
    expect(style).toMatchObject({
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF2F5597" } },
      font: { color: { argb: "FFFFFFFF" } },
    });
    const legend = workbook.getWorksheet("Légende")!;
    const shown: unknown[] = [];
    legend.eachRow((row) => row.eachCell((cell) => shown.push(plainValue(cell.value))));
    for (const name of HOSTILE_NAMES) expect(shown).toContain(name);
  });

  it("fills the document's properties and marks the export", async () => {
    const core = await part("docProps/core.xml");
    expect(core).toContain("<dc:creator>Segment Matrix</dc:creator>");
    expect(core).toContain(`<cp:keywords>${CLIENT_EXPORT_KEYWORDS}</cp:keywords>`);
    expect(core).toContain("Étude « client » &amp; co");
    expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-12T12:00:00Z/);
  });
});
