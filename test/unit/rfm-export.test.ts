/**
 * The RFM part of the client exports (issue 15): the summary per RFM segment and the R × F grids
 * read back from an RFM workbook and written as values, coloured, in the client workbook — and
 * never a customer's id, which is the client's personal data. Asked for where there is no RFM
 * summary, or the study's parts asked from an RFM workbook: said, not silently dropped.
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { rfGrid, summarise } from "../../src/analysis/rfm";
import { planToBuffer, readWorkbookFile } from "../../src/hosts/xlsx/file";
import { clientPlan, defaultParts } from "../../src/layout/export";
import { readRfmSummary, rfmPlan, scale } from "../../src/layout/sheets/rfm";
import { hexDigits } from "../../src/layout/deck/model";
import { formatNumber } from "../../src/i18n/numbers";
import { deckModel, rfmDeckModel } from "../../src/layout/deck";
import { studyToJson } from "../../src/layout/study-json";
import { PALETTES, scaleColour } from "../../src/method/colour";
import { segmentedStudy } from "../support/export-fixtures";
import { sampleRfmWorkbook } from "../support/rfm-data";
import { unzip } from "../support/unzip";
import { tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const sample = sampleRfmWorkbook();
const allSheets = (listing: { sheets: { name: string }[] }) =>
  new Set(listing.sheets.map((sheet) => sheet.name));

describe("the RFM part of the client exports", () => {
  let dir: string;
  let rfmFile: string;
  beforeAll(async () => {
    dir = await tempDir("sm-rfm-export-");
    rfmFile = path.join(dir, "rfm.xlsx");
    const plan = rfmPlan({ ...sample, palette: PALETTES.default });
    await fs.writeFile(rfmFile, await planToBuffer(plan));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads the summary and the grids as the RFM workbook shows them", async () => {
    const { grids } = await readWorkbookFile(rfmFile, { sheets: allSheets });
    const read = readRfmSummary(grids);
    const expected = summarise(
      sample.rows,
      sample.rules,
      sample.analysisDay - sample.firstDay
    ).filter((line) => line.customers > 0);
    expect(read?.analysisDate).toBe("2026-01-01");
    expect(read?.language).toBe("fr");
    expect(read?.lines.filter((line) => line.customers > 0)).toEqual(
      expected.map((line) => ({
        segment: line.segment,
        customers: line.customers,
        customerShare: line.customers / sample.rows.length,
        revenue: expect.closeTo(line.revenue, 6) as number,
        revenueShare: expect.closeTo(line.shareOfRevenue, 9) as number,
        basket: expect.closeTo(line.meanBasket, 9) as number,
        purchasesPerYear: expect.closeTo(line.purchasesPerYear, 9) as number,
      }))
    );
    const grid = rfGrid(sample.rows);
    expect(read?.counts).toEqual(grid.counts);
    expect(read?.revenue.flat().map((v) => Math.round(v * 100))).toEqual(
      grid.revenue.flat().map((v) => Math.round(v * 100))
    );
    // Several segments filled, so that the checks below compare real lines.
    expect(expected.length).toBeGreaterThanOrEqual(4);
  });

  it("exports the summary and grids as coloured values, and no customer's id", async () => {
    const out = path.join(dir, "client.xlsx");
    const result = await cli("export", rfmFile, "-o", out);
    expect(result).toEqual({
      code: 0,
      out: [out],
      err: ["Classeur client : Synthèse RFM ; couleurs orange foncé → jaune → vert foncé"],
    });
    const parts = unzip(await fs.readFile(out));
    const xml = [...parts.values()].map((part) => part.toString("utf8")).join("\n");
    expect(xml).not.toContain("client-0");
    expect(xml).not.toContain("<f>");
    expect([...parts.keys()].filter((name) => name.startsWith("xl/worksheets/sheet"))).toEqual([
      "xl/worksheets/sheet1.xml",
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("Synthèse RFM")!;
    expect(sheet.getCell("A1").value).toBe("Synthèse par segment RFM, analyse au 2026-01-01");
    const shown = summarise(sample.rows, sample.rules, sample.analysisDay - sample.firstDay).filter(
      (line) => line.customers > 0
    );
    const names = shown.map((_, i) => sheet.getCell(5 + i, 1).value);
    expect(names).toEqual(shown.map((line) => line.segment));
    // The largest share of revenue in the palette's top colour, fixed in the cell.
    const top = shown.reduce((best, line) =>
      line.shareOfRevenue > best.shareOfRevenue ? line : best
    );
    const { fill } = sheet.getCell(5 + shown.indexOf(top), 5).style;
    const topColour = PALETTES.default.stops[2].colour.replace("#", "").toUpperCase();
    expect((fill as ExcelJS.FillPattern).fgColor?.argb?.toUpperCase()).toContain(topColour);
  });

  it("says so when the study's parts are asked from an RFM workbook, or rfm from a study", async () => {
    const matrixOnly = await cli(
      "export",
      rfmFile,
      "-o",
      path.join(dir, "m.xlsx"),
      "--sheets",
      "matrix"
    );
    expect(matrixOnly.code).toBe(1);
    expect(matrixOnly.err).toEqual([
      "attention: --sheets: « matrix » demandé, mais ce classeur RFM ne contient pas d'étude : seule la partie « rfm » est exportée",
      "erreur: --sheets: aucune feuille à exporter : un classeur RFM n'a que la partie rfm (--sheets rfm)",
    ]);
    await expect(fs.stat(path.join(dir, "m.xlsx"))).rejects.toThrow();

    const english = path.join(dir, "en.xlsx");
    const both = await cli(
      "export",
      rfmFile,
      "-o",
      english,
      "--sheets",
      "matrix,rfm",
      "--lang",
      "en"
    );
    expect(both.code).toBe(0);
    expect(both.err[0]).toBe(
      'warning: --sheets: "matrix" asked for, but this RFM workbook holds no study: only the "rfm" part is exported'
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(english);
    const sheet = workbook.getWorksheet("RFM summary")!;
    expect(sheet.getCell("A1").value).toBe("Summary per RFM segment, analysis date 2026-01-01");
    expect(sheet.getCell("A4").value).toBe("Segment");

    const studyFile = path.join(dir, "etude.json");
    await fs.writeFile(studyFile, JSON.stringify(studyToJson(segmentedStudy())));
    const fromStudy = await cli(
      "export",
      studyFile,
      "-o",
      path.join(dir, "s.xlsx"),
      "--sheets",
      "matrix,rfm"
    );
    expect(fromStudy.code).toBe(0);
    expect(fromStudy.err[0]).toBe(
      "attention: --sheets: « rfm » demandé, mais le fichier n'a pas de feuille Synthèse RFM : la partie est laissée de côté (exportez le classeur écrit par segment-matrix rfm)"
    );
  });

  it("adds the RFM summary after the study's sheets when a workbook holds both", async () => {
    const { grids } = await readWorkbookFile(rfmFile, { sheets: allSheets });
    const rfm = readRfmSummary(grids)!;
    const study = segmentedStudy();
    expect(defaultParts(study, rfm)).toContain("rfm");
    expect(defaultParts(study)).not.toContain("rfm");
    const { plan, problems } = clientPlan(study, { created: new Date("2026-01-02"), rfm });
    expect(problems).toEqual([]);
    expect(plan?.sheets.map((sheet) => sheet.role)).toEqual([
      "matrix",
      "legend",
      "segments",
      "checklist",
      "targeting",
      "rfmSummary",
    ]);
  });

  // The pptx itself is written by the compiled CLI in test/e2e/deck-cli.test.ts (jest's sandbox
  // refuses pptxgenjs's dynamic imports).
  it("puts the summary and the two R × F grids on deck slides as native tables", async () => {
    const { grids } = await readWorkbookFile(rfmFile, { sheets: allSheets });
    const rfm = readRfmSummary(grids)!;
    const { model, problems } = rfmDeckModel(rfm, { created: new Date("2026-01-02") });
    expect(problems).toEqual([]);
    expect(model?.slides.map((slide) => slide.part)).toEqual(["rfm", "rfm"]);
    const table = model!.slides[0].shapes.find((shape) => shape.kind === "table");
    const shown = rfm.lines.filter((line) => line.customers > 0);
    expect(table?.kind === "table" && table.rows.map((row) => row[0].text)).toEqual([
      "Segment",
      ...shown.map((line) => line.segment),
    ]);

    // The grids: R from 5 down, F from 1 across, the figures of the workbook's grids, each cell
    // on the palette's colour from 0 to the grid's largest value; both grids on the slide.
    const tables = model!.slides[1].shapes.filter((shape) => shape.kind === "table");
    expect(tables).toHaveLength(2);
    const expected = rfGrid(sample.rows);
    const palette = PALETTES.default;
    for (const [table, values] of [
      [tables[0], expected.counts],
      [tables[1], expected.revenue],
    ] as const) {
      if (table.kind !== "table") throw new Error("not a table");
      expect(table.rows.map((row) => row[0].text)).toEqual(["R \\ F", "5", "4", "3", "2", "1"]);
      expect(table.rows[0].map((cell) => cell.text)).toEqual(["R \\ F", "1", "2", "3", "4", "5"]);
      const max = Math.max(...values.flat());
      for (let r = 0; r < 5; r++)
        for (let f = 0; f < 5; f++) {
          const cell = table.rows[5 - r][f + 1];
          expect(cell.text).toBe(formatNumber(values[r][f], "fr", { decimals: 0 }));
          expect(cell.fill).toBe(hexDigits(scaleColour(values[r][f], scale(max, palette))));
        }
      // The largest value gets the palette's best colour, a 0 its worst.
      const fills = table.rows.slice(1).flatMap((row) => row.slice(1).map((cell) => cell.fill));
      expect(fills).toContain(hexDigits(palette.stops[2].colour));
      expect(table.fontSize).toBeGreaterThanOrEqual(10);
      // Side by side, inside the slide.
      const width = table.columnWidths.reduce((sum, w) => sum + w, 0);
      expect(table.x + width).toBeLessThanOrEqual(13.333 - 0.44);
    }
    const [counts, revenue] = tables;
    if (counts.kind === "table" && revenue.kind === "table")
      expect(revenue.x).toBeGreaterThan(counts.x + counts.columnWidths.reduce((a, b) => a + b, 0));
    expect(
      model!.slides[1].shapes[0].kind === "text" && model!.slides[1].shapes[0].paragraphs[0].text
    ).toBe("Grilles récence × fréquence, analyse au 2026-01-01");

    // Asked of a study without an RFM summary: said, not silently dropped.
    const fromStudy = deckModel(segmentedStudy(), {
      parts: ["matrix", "rfm"],
      created: new Date("2026-01-02"),
    });
    expect(fromStudy.problems.map((p) => p.code)).toEqual(["export-no-rfm"]);
    expect(fromStudy.model?.slides.some((slide) => slide.part === "rfm")).toBe(false);
    const withRfm = deckModel(segmentedStudy(), { created: new Date("2026-01-02"), rfm });
    expect(withRfm.model?.slides.slice(-2).map((slide) => slide.part)).toEqual(["rfm", "rfm"]);
  });
});
