/** The Office.js host against the recording fake: what it writes, in how many requests, how big. */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { RenderInterrupted } from "../../src/hosts/excel/interrupted";
import { RenderRefused, WorkbookHost } from "../../src/hosts/host";
import { buildFromLists } from "../../src/app/operations";
import { cellAddress, parseSheetRef, rectAddress } from "../../src/layout/a1";
import { buildPlan } from "../../src/layout";
import { matrixCellFormula } from "../../src/layout/sheets/matrix";
import { GRID, RATINGS, RATINGS_TABLE } from "../../src/layout";
import { cellAt } from "../../src/layout/grids";
import { SheetPlan, WorkbookPlan } from "../../src/layout/plan";
import { readStudy } from "../../src/layout";
import { Study } from "../../src/method/study";
import { FakeExcel } from "../support/fake-excel";
import { readExample, study } from "../support/workbooks";

const ONE_MB = 1_000_000;
const TICKS = "Qui ressent quoi";
const RATINGS_SHEET = "Évaluation";
const MATRIX = "Matrice";
const SETTINGS = "Paramètres";
/** Every sheet of a built study, in workbook order. */
const ALL_SHEETS = [
  TICKS,
  RATINGS_SHEET,
  MATRIX,
  "Segments",
  "Check-list",
  "Ciblage",
  "Diagnostic",
  SETTINGS,
];

function hostOn(
  excel: FakeExcel,
  sets: { pageLayout?: boolean; build?: boolean } = {}
): WorkbookHost {
  return createExcelHost({
    run: excel.run,
    isSetSupported: (set, version) =>
      set === "ExcelApi" && (version === "1.9" ? (sets.pageLayout ?? true) : (sets.build ?? true)),
  });
}

function sheetOf(plan: WorkbookPlan, role: SheetPlan["role"]): SheetPlan {
  const found = plan.sheets.find((sheet) => sheet.role === role);
  if (!found) throw new Error(`no ${role} sheet`);
  return found;
}

/** Column of a clientèle and row of a need in the tick table (and the matrix). */
function pairCell(s: Study, clientele: string, need: string): string {
  const col = GRID.firstCol + s.clienteles.findIndex((c) => c.name === clientele);
  const row = GRID.firstRow + s.needs.findIndex((n) => n.name === need);
  return cellAddress(row, col);
}

async function buildOnce(excel: FakeExcel, s: Study): Promise<void> {
  const host = hostOn(excel);
  await host.render(buildPlan(s), await host.readWorkbook());
}

/** Builds the example again with Excel failing at the first call named `call`; returns the failure. */
async function buildStoppedAt(excel: FakeExcel, call: string): Promise<RenderInterrupted> {
  excel.failAt((queued) => queued === call);
  const host = hostOn(excel);
  const failure = await host
    .render(buildPlan(example), await host.readWorkbook())
    .catch((caught: unknown) => caught);
  expect(failure).toBeInstanceOf(RenderInterrupted);
  return failure as RenderInterrupted;
}

let example: Study;
beforeAll(async () => {
  example = study(await readExample("exemple-incubateur.json"));
});

describe("Excel host: building the worked example in a fresh workbook", () => {
  let excel: FakeExcel;
  let plan: WorkbookPlan;

  beforeAll(async () => {
    excel = new FakeExcel(["Feuil1"]);
    const host = hostOn(excel);
    const snapshot = await host.readWorkbook();
    plan = buildPlan(example);
    const report = await host.render(plan, snapshot);
    expect(report).toEqual({ written: [...ALL_SHEETS], replaced: [] });
  });

  it("reads in one sync and renders in two, every request under 1 MB", () => {
    // Nothing of the add-in's in a fresh workbook: the read stops after listing; the render lists
    // the workbook again, then sends everything in one request.
    expect(excel.syncs).toBe(3);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(ONE_MB);
  });

  it("adds its sheets after the existing one, under their final names", () => {
    expect(excel.sheetNames()).toEqual(["Feuil1", ...ALL_SHEETS]);
    expect(excel.activeSheetName()).toBe(MATRIX);
  });

  it("points every SM_ name at its range", () => {
    expect(excel.nameAddress("SM_Matrix")).toBe("Matrice!C6:O18");
    expect(excel.nameAddress("SM_Ticks")).toBe("'Qui ressent quoi'!C6:O18");
    expect(excel.nameAddress("SM_MatrixClienteles")).toBe("Matrice!C5:O5");
    expect(excel.nameAddress("SM_MatrixNeeds")).toBe("Matrice!A6:A18");
    expect(excel.nameAddress("SM_WeightPerception")).toBe("Paramètres!B8");
    expect(excel.nameAddress("SM_WeightImpact")).toBe("Paramètres!B9");
    for (const name of plan.names) {
      expect(parseSheetRef(excel.nameAddress(name.name) ?? "")).toEqual({
        sheet: name.sheet,
        rect: name.rect,
      });
    }
  });

  it("writes the plan's formulas in the matrix, bound to the tick sheet", () => {
    for (let row = GRID.firstRow; row < GRID.firstRow + 13; row++) {
      for (let col = GRID.firstCol; col < GRID.firstCol + 13; col++) {
        expect(excel.cell(MATRIX, cellAddress(row, col))).toEqual({
          value: null,
          formula: `=${matrixCellFormula()}`,
        });
      }
    }
  });

  it("ticks exactly the study's pairs", () => {
    const ticked = new Set(example.pairs.map((p) => pairCell(example, p.clientele, p.need)));
    for (let row = GRID.firstRow; row < GRID.firstRow + 13; row++) {
      for (let col = GRID.firstCol; col < GRID.firstCol + 13; col++) {
        const address = cellAddress(row, col);
        expect(excel.cell(TICKS, address)).toEqual(
          ticked.has(address) ? { value: "X" } : undefined
        );
      }
    }
  });

  it("creates the ratings table over the written headers", () => {
    const ratings = sheetOf(plan, "ratings");
    expect(excel.tableList()).toEqual([
      {
        name: RATINGS_TABLE,
        sheet: RATINGS_SHEET,
        address: rectAddress(ratings.tables[0].rect),
        headers: ratings.tables[0].headers,
        style: "TableStyleMedium2",
      },
    ]);
    expect(ratings.tables[0].headers).toHaveLength(8);
  });

  it("puts the colour scale on the matrix", () => {
    const scales = excel
      .sheet(MATRIX)
      .conditionalFormats.filter((cf) => rectAddress(cf.rect) === "C6:O18");
    expect(scales).toEqual([
      {
        rect: { row: 6, col: 3, rows: 13, cols: 13 },
        type: "ColorScale",
        criteria: {
          minimum: { formula: "0", type: "Number", color: "#C55A11" },
          midpoint: { formula: "50", type: "Number", color: "#FFEB84" },
          maximum: { formula: "100", type: "Number", color: "#548235" },
        },
      },
    ]);
  });

  it("adds the flag rules, dropdowns and layout", () => {
    const ticks = excel.sheet(TICKS);
    expect(ticks.conditionalFormats.map((cf) => [rectAddress(cf.rect), cf.type, cf.fill])).toEqual([
      ["C5:O5", "Custom", "#FFC7CE"],
      ["A6:A18", "Custom", "#FFC7CE"],
    ]);
    expect(ticks.conditionalFormats[0].formula).toMatch(/^=AND\(C\$5<>"",SUMPRODUCT/);
    expect(ticks.validations.find((v) => rectAddress(v.rect) === "C6:O18")?.rule).toEqual({
      list: { inCellDropDown: true, source: "X" },
    });
    const levels = excel
      .sheet(RATINGS_SHEET)
      .validations.find((v) => v.rect.col === RATINGS.cols.perception);
    expect(levels?.rule).toEqual({
      list: { inCellDropDown: true, source: "=SM_PerceptionLevels" },
    });
    const weights = excel.sheet(SETTINGS).validations.find((v) => rectAddress(v.rect) === "B8:B9");
    expect(weights?.rule).toEqual({ decimal: { formula1: 0, formula2: 5, operator: "Between" } });
    expect(ticks.freeze).toEqual({ rows: 5, cols: 2 });
    expect(excel.sheet(RATINGS_SHEET).freeze).toEqual({ rows: 4, cols: 0 });
    expect(ticks.tabColor).toBe("#2F5597");
    expect(ticks.columnWidths.get(1)).toBeCloseTo(36 * 5.6 + 4);
    // The ratings' key column, for the matrix's lookups, is hidden; nothing else is.
    expect([...excel.sheet(RATINGS_SHEET).hiddenColumns]).toEqual([RATINGS.cols.key]);
    expect(ticks.hiddenColumns.size).toBe(0);
    expect(excel.sheet(RATINGS_SHEET).pageLayout.printArea).toBe("A1:G51");
    expect(ticks.rowHeights.get(5)).toBe(78);
    expect(ticks.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
    });
    expect(excel.formatAt(MATRIX, "D7", "numberFormat")).toBe("0");
    expect(excel.formatAt(TICKS, "A5", "font.bold")).toBe(true);
  });
});

describe("Excel host: text stays text", () => {
  const tricky = study({
    title: '=HYPERLINK("x")',
    clienteles: ["=1+1", "+33 6", "@home"],
    needs: ["2024", "'quoted", "TRUE", "-moins"],
    pairs: [
      { clientele: "=1+1", need: "2024", perception: 4, impact: 3, comment: "=cmd|' /C calc'!A0" },
      { clientele: "+33 6", need: "'quoted" },
      { clientele: "@home", need: "TRUE" },
      { clientele: "@home", need: "-moins" },
    ],
  });

  it("stores every name exactly as text, and reads the study back unchanged", async () => {
    const excel = new FakeExcel();
    await buildOnce(excel, tricky);
    const text = (value: string) => ({ value });
    expect(excel.cell(TICKS, "C5")).toEqual(text("=1+1"));
    expect(excel.cell(TICKS, "D5")).toEqual(text("+33 6"));
    expect(excel.cell(TICKS, "E5")).toEqual(text("@home"));
    expect(excel.cell(TICKS, "A6")).toEqual(text("2024"));
    expect(excel.cell(TICKS, "A7")).toEqual(text("'quoted"));
    expect(excel.cell(TICKS, "A8")).toEqual(text("TRUE"));
    expect(excel.cell(TICKS, "A9")).toEqual(text("-moins"));
    expect(excel.cell(RATINGS_SHEET, "G5")).toEqual(text("=cmd|' /C calc'!A0"));
    expect(excel.cell(SETTINGS, "B4")).toEqual(text('=HYPERLINK("x")'));

    const snapshot = await hostOn(excel).readWorkbook();
    const { study: read, problems } = readStudy(snapshot.grids);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read).toEqual(tricky);
  });
});

describe("Excel host: rebuilding keeps the consultant's work and foreign sheets", () => {
  it("replaces only its own sheets and names, and keeps ticks and ratings of remaining pairs", async () => {
    const excel = new FakeExcel(["Budget"]);
    excel.setCells("Budget", "A1", [
      ["Poste", "Montant"],
      ["Loyer", 1200],
      ["Total", "=SUM(B2:B2)"],
    ]);
    excel.defineName("MyTotal", "Budget", "B3");
    excel.defineBrokenName("SM_Stale");
    await buildOnce(excel, example);

    // The consultant ticks one more pair by hand, then edits the lists in the pane.
    const extra = pairCell(
      example,
      "Structures de conseil et accompagnement",
      "Comparer des projets"
    );
    expect(excel.cell(TICKS, extra)).toBeUndefined();
    excel.setCells(TICKS, extra, [["x"]]);

    const host = hostOn(excel);
    excel.resetCounters();
    const snapshot = await host.readWorkbook();
    expect(snapshot.sheets).toEqual([
      { name: "Budget", managed: false },
      ...ALL_SHEETS.map((name) => ({ name, managed: true })),
    ]);
    const removed = "Concours et prix";
    const clienteles = [
      ...example.clienteles.map((c) => c.name).filter((name) => name !== removed),
      "Nouvelle clientèle",
    ];
    const outcome = buildFromLists(
      snapshot,
      clienteles,
      example.needs.map((n) => n.name),
      "fr"
    );
    if (!outcome.plan || !outcome.study) throw new Error(JSON.stringify(outcome.problems));
    const report = await host.render(outcome.plan, snapshot);
    // Read: list, addresses, values; render: list again, then one request. At most 3 each.
    expect(excel.syncs).toBe(5);
    expect(report.replaced).toEqual([...ALL_SHEETS]);

    // Budget and its name untouched; no duplicate or temporary sheet; stale SM_ name gone.
    expect(excel.sheetNames()).toEqual(["Budget", ...ALL_SHEETS]);
    expect(excel.cell("Budget", "A2")).toEqual({ value: "Loyer" });
    expect(excel.cell("Budget", "B2")).toEqual({ value: 1200 });
    expect(excel.cell("Budget", "B3")).toEqual({ value: null, formula: "=SUM(B2:B2)" });
    expect(excel.nameAddress("MyTotal")).toBe("Budget!B3");
    expect(excel.nameAddress("SM_Stale")).toBeUndefined();
    expect(
      excel
        .nameList()
        .filter((name) => name.startsWith("SM_"))
        .sort()
    ).toEqual(outcome.plan.names.map((n) => n.name).sort());
    expect(excel.tableList().map((t) => t.name)).toEqual([RATINGS_TABLE]);

    // Ticks and ratings of the remaining pairs, and the hand-made tick, are all there.
    const rebuilt = outcome.study;
    const kept = example.pairs.filter((p) => p.clientele !== removed);
    for (const pair of kept)
      expect(excel.cell(TICKS, pairCell(rebuilt, pair.clientele, pair.need))).toEqual({
        value: "X",
      });
    expect(
      excel.cell(
        TICKS,
        pairCell(rebuilt, "Structures de conseil et accompagnement", "Comparer des projets")
      )
    ).toEqual({
      value: "X",
    });
    expect(excel.cell(TICKS, "O5")).toEqual({ value: "Nouvelle clientèle" });

    const { study: read } = readStudy((await host.readWorkbook()).grids);
    const ratingsOf = (s: Study | undefined) =>
      new Map((s?.pairs ?? []).map((p) => [`${p.clientele}|${p.need}`, [p.perception, p.impact]]));
    const after = ratingsOf(read);
    for (const pair of kept)
      expect(after.get(`${pair.clientele}|${pair.need}`)).toEqual([pair.perception, pair.impact]);
    expect(after.has(`Structures de conseil et accompagnement|Comparer des projets`)).toBe(true);
    expect([...after.keys()].some((k) => k.startsWith(`${removed}|`))).toBe(false);
  });

  it("refuses to replace a sheet it did not create, before queuing anything", async () => {
    const excel = new FakeExcel(["Budget", "matrice"]);
    const host = hostOn(excel);
    const snapshot = await host.readWorkbook();
    excel.resetCounters();
    const refusal = host.render(buildPlan(example), snapshot);
    await expect(refusal).rejects.toBeInstanceOf(RenderRefused);
    await expect(refusal).rejects.toThrow(/"matrice" already exists/);
    const problems = await refusal.then(
      () => [],
      (failure: RenderRefused) => failure.problems
    );
    expect(problems.map((p) => p.message.fr)).toEqual([
      "La feuille « matrice » existe déjà et n'a pas été créée par Segment Matrix : renommez-la, puis recommencez.",
    ]);
    expect(excel.calls).toBe(0);
    expect(excel.syncs).toBe(0);
    expect(excel.sheetNames()).toEqual(["Budget", "matrice"]);
  });

  it("never takes a temporary name already in use", async () => {
    const excel = new FakeExcel(["SM temp 1"]);
    await buildOnce(excel, example);
    expect(excel.sheetNames()).toEqual(["SM temp 1", ...ALL_SHEETS]);
  });
});

describe("Excel host: when Excel stops half-way", () => {
  it("says what is left in both languages, and a second build cleans up", async () => {
    const excel = new FakeExcel(["Budget"]);
    await buildOnce(excel, example);
    const interrupted = await buildStoppedAt(excel, "TableCollection.add");
    expect(interrupted.state).toEqual({
      planSheets: [...ALL_SHEETS],
      temporarySheets: [],
      oldSheets: [],
    });
    expect(interrupted.message).toMatch(/Excel a arrêté la construction.*« Matrice »/);
    // Excel's code and the call that failed (debugInfo.errorLocation), in each language.
    expect(interrupted.text.fr).toMatch(
      /^Excel a arrêté .*\(GeneralException à l'étape TableCollection.add : injected failure\)/
    );
    expect(interrupted.text.en).toMatch(
      /\(GeneralException at step TableCollection.add: injected failure\)/
    );
    expect(interrupted.text.en).toMatch(/^Excel stopped the build/);
    expect(interrupted.message).toMatch(/Excel stopped the build.*"Matrice"/);

    // The sheets it did write carry the add-in's names: the next build replaces them.
    await buildOnce(excel, example);
    expect(excel.sheetNames()).toEqual(["Budget", ...ALL_SHEETS]);
    expect(excel.tableList().map((t) => t.name)).toEqual([RATINGS_TABLE]);
  });

  it("names the temporary and the old sheets when it stopped before deleting the old ones", async () => {
    const excel = new FakeExcel(["Budget"]);
    await buildOnce(excel, example);
    const failure = await buildStoppedAt(excel, "Worksheet.delete");
    expect(failure.state).toEqual({
      planSheets: [],
      temporarySheets: ALL_SHEETS.map((_, i) => `SM temp ${i + 1}`),
      oldSheets: [...ALL_SHEETS],
    });
    expect(failure.message).toMatch(/Feuilles temporaires restées : « SM temp 1 »/);
    expect(failure.message).toMatch(/Old sheets still there: "Qui ressent quoi"/);

    // The old sheets kept their names, so the next build still recognises and replaces them.
    await buildOnce(excel, example);
    expect(excel.sheetNames()).toEqual([
      "Budget",
      ...ALL_SHEETS.map((_, k) => `SM temp ${k + 1}`),
      ...ALL_SHEETS,
    ]);
  });

  it("leaves new sheets it could not rename carrying its names, so the next build replaces them", async () => {
    const excel = new FakeExcel(["Budget"]);
    await buildOnce(excel, example);
    const failure = await buildStoppedAt(excel, "Worksheet.name");
    expect(failure.state).toEqual({
      planSheets: [],
      temporarySheets: ALL_SHEETS.map((_, i) => `SM temp ${i + 1}`),
      oldSheets: [],
    });
    expect(excel.nameAddress("SM_Matrix")).toBe("'SM temp 3'!C6:O18");

    await buildOnce(excel, example);
    expect(excel.sheetNames()).toEqual(["Budget", ...ALL_SHEETS]);
    expect(excel.nameAddress("SM_Matrix")).toBe("Matrice!C6:O18");
  });
});

describe("Excel host: a large study", () => {
  function largeStudy(clienteles: number, needs: number): Study {
    const c = Array.from({ length: clienteles }, (_, i) => ({ name: `Clientèle n° ${i + 1}` }));
    const n = Array.from({ length: needs }, (_, j) => ({ name: `Besoin n° ${j + 1}` }));
    const pairs = [];
    for (let i = 0; i < clienteles; i++)
      for (let j = 0; j < needs; j++)
        if ((i * needs + j) % 3 === 0)
          pairs.push({
            clientele: c[i].name,
            need: n[j].name,
            perception: 1 + ((i + j) % 4),
            impact: 1 + ((i * 3 + j) % 4),
            competition: (i + j) % 5,
          });
    return study({ language: "fr", clienteles: c, needs: n, pairs });
  }

  it("renders in at most 3 syncs of at most 1 MB on ExcelApi 1.9 and writes every cell", async () => {
    const big = largeStudy(80, 200);
    const plan = buildPlan(big);
    const excel = new FakeExcel();
    const host = hostOn(excel);
    const snapshot = await host.readWorkbook();
    expect(excel.syncs).toBe(1);
    await host.render(plan, snapshot);

    const renderSyncs = excel.syncs - 1;
    console.log(
      `80 × 200, ${big.pairs.length} pairs: ${renderSyncs} render syncs, largest request ` +
        `${excel.maxRequestBytes} bytes, total ${excel.requestBytes.reduce((a, b) => a + b, 0)} bytes`
    );
    expect(excel.requestBytes.every((bytes) => bytes <= ONE_MB)).toBe(true);
    expect(renderSyncs).toBeLessThanOrEqual(3);

    const lastRow = GRID.firstRow + 199;
    const lastCol = GRID.firstCol + 79;
    expect(excel.cell(MATRIX, cellAddress(lastRow, lastCol))?.formula).toBe(
      `=${matrixCellFormula()}`
    );
    expect(excel.cell(MATRIX, cellAddress(GRID.firstRow, GRID.firstCol))?.formula).toBe(
      `=${matrixCellFormula()}`
    );
    expect(excel.cell(TICKS, cellAddress(GRID.headerRow, lastCol))).toEqual({
      value: "Clientèle n° 80",
    });
    const lastRating = RATINGS.firstRow + big.pairs.length - 1;
    const lastPair = big.pairs[big.pairs.length - 1];
    expect(excel.cell(RATINGS_SHEET, cellAddress(lastRating, 1))).toEqual({
      value: lastPair.clientele,
    });
    expect(excel.cell(RATINGS_SHEET, cellAddress(lastRating, 2))).toEqual({
      value: lastPair.need,
    });

    // And it reads back as the same study.
    const { study: read } = readStudy((await host.readWorkbook()).grids);
    expect(read?.pairs).toHaveLength(big.pairs.length);
    expect(read?.pairs[read.pairs.length - 1]).toEqual(lastPair);
  });
});

describe("Excel host: capabilities", () => {
  it("cannot build without ExcelApi 1.8, and says why, French first", async () => {
    const capabilities = await hostOn(new FakeExcel(), { build: false }).capabilities();
    expect(capabilities).toEqual({
      canBuild: false,
      name: "Excel",
      reason: {
        fr: "Excel est trop ancien : Segment Matrix a besoin de l'API ExcelApi 1.8 (Excel 2019, Microsoft 365 ou Excel sur le web).",
        en: "Excel is too old: Segment Matrix needs ExcelApi 1.8 (Excel 2019, Microsoft 365 or Excel on the web).",
      },
    });
  });

  it("refuses to render without ExcelApi 1.8, before calling Excel", async () => {
    const excel = new FakeExcel();
    const snapshot = await hostOn(excel).readWorkbook();
    excel.resetCounters();
    const render = hostOn(excel, { build: false }).render(buildPlan(example), snapshot);
    await expect(render).rejects.toBeInstanceOf(RenderRefused);
    await expect(render).rejects.toThrow(/needs ExcelApi 1.8/);
    expect(excel.calls).toBe(0);
  });

  it("builds with ExcelApi 1.8", async () => {
    expect(await hostOn(new FakeExcel()).capabilities()).toEqual({ canBuild: true, name: "Excel" });
  });

  it("leaves page layout alone without ExcelApi 1.9", async () => {
    const excel = new FakeExcel();
    const host = hostOn(excel, { pageLayout: false });
    await host.render(buildPlan(example), await host.readWorkbook());
    expect(excel.sheet(MATRIX).pageLayout).toEqual({});
  });
});

describe("Excel host: reading", () => {
  it("reads from A1 to the farthest cell, so that values[0][0] is A1", async () => {
    const excel = new FakeExcel(["Notes", TICKS]);
    excel.setCells(TICKS, "B3", [
      ["b3", null, "d3"],
      [null, 7, null],
    ]);
    excel.defineName("SM_Ticks", TICKS, "C6:D7");
    excel.setCells("Notes", "A1", [["not read"]]);
    const snapshot = await hostOn(excel).readWorkbook();
    expect(excel.syncs).toBe(3);
    expect(snapshot.sheets).toEqual([
      { name: "Notes", managed: false },
      { name: TICKS, managed: true },
    ]);
    expect(snapshot.grids.names).toEqual([
      { name: "SM_Ticks", sheet: TICKS, rect: { row: 6, col: 3, rows: 2, cols: 2 } },
    ]);
    expect(snapshot.grids.sheets.map((s) => s.name)).toEqual([TICKS]);
    const grid = snapshot.grids.sheets[0];
    expect(grid.values[0]).toEqual([null, null, null, null]);
    expect(grid.values[2]).toEqual([null, "b3", null, "d3"]);
    expect(cellAt(grid, 3, 2)).toBe("b3");
    expect(cellAt(grid, 4, 3)).toBe(7);
    expect(cellAt(grid, 1, 1)).toBeNull();
  });

  it("reads every sheet a name points into in the same syncs, a moved name's too", async () => {
    const excel = new FakeExcel(["Feuil1", "Réglages", TICKS]);
    excel.setCells(TICKS, "C5", [["Etudiants"]]);
    excel.defineName("SM_Ticks", TICKS, "C6:C6");
    excel.setCells("Réglages", "B4", [["Titre déplacé"]]);
    excel.defineName("SM_Title", "Réglages", "B4");
    const snapshot = await hostOn(excel).readWorkbook();
    expect(excel.syncs).toBe(3);
    expect(snapshot.sheets.map((s) => s.managed)).toEqual([false, true, true]);
    const settings = snapshot.grids.sheets.find((s) => s.name === "Réglages");
    expect(settings && cellAt(settings, 4, 2)).toBe("Titre déplacé");
  });

  it("finds the ratings table and the sheets through the table alone", async () => {
    const excel = new FakeExcel(["Feuil1", "Notes"]);
    excel.setCells("Notes", "A4", [
      ["Clientèle", "Besoin"],
      ["a", "b"],
    ]);
    excel.addTable(RATINGS_TABLE, "Notes", "A4:B5");
    const snapshot = await hostOn(excel).readWorkbook();
    // No name points into its sheet: the listing gives the table's sheet, read with the others.
    expect(excel.syncs).toBe(3);
    expect(snapshot.grids.tables).toEqual([
      { name: RATINGS_TABLE, sheet: "Notes", rect: { row: 4, col: 1, rows: 2, cols: 2 } },
    ]);
    expect(snapshot.sheets.find((s) => s.name === "Notes")?.managed).toBe(true);
    expect(cellAt(snapshot.grids.sheets[0], 5, 2)).toBe("b");
  });

  it("reads the selection as trimmed text, row by row, skipping empty cells", async () => {
    const excel = new FakeExcel();
    excel.setCells("Feuil1", "B2", [
      ["  Etudiants ", null],
      [42, "Hautes écoles"],
      [null, true],
    ]);
    excel.select("Feuil1", "B2:C4");
    expect(await hostOn(excel).readSelection()).toEqual([
      "Etudiants",
      "42",
      "Hautes écoles",
      "TRUE",
    ]);
  });
});
