/**
 * Reading through Office.js in phases, against the strict fake: never a call on a possibly-null
 * object, each sheet fetched once, and the number of syncs each kind of workbook costs: one for a
 * workbook without the add-in's sheets, three otherwise (list; addresses; values).
 */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { ExcelFailure } from "../../src/hosts/excel/failure";
import { WorkbookRead, readWorkbook } from "../../src/hosts/excel/read";
import { WorkbookHost } from "../../src/hosts/host";
import { buildPlan, templatePlan } from "../../src/layout";
import { NAMES, RATINGS_TABLE } from "../../src/layout";
import { cellAt } from "../../src/layout/grids";
import { readStudy } from "../../src/layout";
import { Study } from "../../src/method/study";
import { FakeExcel, FakeRichApiError } from "../support/fake-excel";
import { readExample, study } from "../support/workbooks";

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
const USED_RANGE = "Worksheet.getUsedRangeOrNullObject";

function hostOn(excel: FakeExcel): WorkbookHost {
  return createExcelHost({ run: excel.run, isSetSupported: () => true });
}

/** The read itself, for what the snapshot does not carry (ownNames). */
function read(excel: FakeExcel): Promise<WorkbookRead> {
  return excel.run((context) => readWorkbook(context));
}

function calls(excel: FakeExcel, name: string): number {
  return excel.callCounts.get(name) ?? 0;
}

let example: Study;
beforeAll(async () => {
  example = study(await readExample("exemple-incubateur.json"));
});

describe("Excel read: a fresh workbook", () => {
  it("lists sheets, names and tables in one sync and asks for nothing else", async () => {
    const excel = new FakeExcel(["Feuil1", "Budget"]);
    excel.setCells("Budget", "A1", [["Loyer", 1200]]);
    excel.defineName("MyTotal", "Budget", "B1");
    const { snapshot, ownNames } = await read(excel);
    expect(excel.syncs).toBe(1);
    expect(calls(excel, USED_RANGE)).toBe(0);
    expect(snapshot.sheets).toEqual([
      { name: "Feuil1", managed: false },
      { name: "Budget", managed: false },
    ]);
    expect(snapshot.grids).toEqual({ sheets: [], names: [], tables: [] });
    expect(ownNames).toEqual([]);
  });
});

describe("Excel read: a blank template (no ratings table)", () => {
  it("reads the tick and settings sheets in three syncs, and what was typed in them", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = hostOn(excel);
    await host.render(templatePlan("fr"), await host.readWorkbook());
    expect(excel.tableList()).toEqual([]);
    excel.setCells(TICKS, "C5", [["Etudiants"]]);
    excel.setCells(TICKS, "A6", [["Innover"], ["Se former"]]);
    excel.setCells(TICKS, "C6", [["x"]]);

    excel.resetCounters();
    const snapshot = await host.readWorkbook();
    expect(excel.syncs).toBe(3);
    expect(calls(excel, USED_RANGE)).toBe(2);
    expect(calls(excel, "TableCollection.getItem")).toBe(0);
    expect(snapshot.sheets).toEqual([
      { name: "Feuil1", managed: false },
      { name: TICKS, managed: true },
      { name: SETTINGS, managed: true },
    ]);
    expect(snapshot.grids.sheets.map((grid) => grid.name)).toEqual([TICKS, SETTINGS]);
    expect(snapshot.grids.tables).toEqual([]);
    expect(snapshot.grids.names.map((named) => named.name)).toContain(NAMES.ticks);

    const { study: typed, problems } = readStudy(snapshot.grids);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(typed?.clienteles).toEqual([{ name: "Etudiants" }]);
    expect(typed?.pairs).toEqual([{ clientele: "Etudiants", need: "Innover" }]);
  });
});

describe("Excel read: a workbook the add-in built", () => {
  it("fetches each sheet's extent once, with the table's range, then its values once", async () => {
    const excel = new FakeExcel(["Budget"]);
    const host = hostOn(excel);
    await host.render(buildPlan(example), await host.readWorkbook());

    excel.resetCounters();
    const { snapshot } = await read(excel);
    expect(excel.syncs).toBe(3);
    // Five names point into the ratings sheet: it still comes back once.
    expect(calls(excel, USED_RANGE)).toBe(ALL_SHEETS.length);
    expect(calls(excel, "Range.load")).toBe(ALL_SHEETS.length + 1 + ALL_SHEETS.length);
    expect(calls(excel, "Table.getRange")).toBe(1);
    expect(snapshot.grids.sheets.map((grid) => grid.name)).toEqual([...ALL_SHEETS]);
    expect(snapshot.grids.tables.map((table) => table.sheet)).toEqual([RATINGS_SHEET]);
    expect(snapshot.grids.names.map((named) => named.name)).toEqual(
      Object.values(NAMES).filter((name) => excel.nameList().includes(name))
    );
  });
});

describe("Excel read: broken names", () => {
  it("lists a #REF! name among its own, keeps it out of the grids, and render deletes it", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    excel.defineBrokenName(NAMES.matrix);
    const { snapshot, ownNames } = await read(excel);
    expect(ownNames).toEqual([NAMES.matrix]);
    expect(snapshot.grids.names).toEqual([]);
    // Nothing to fetch: a broken name points nowhere.
    expect(excel.syncs).toBe(1);

    const host = hostOn(excel);
    await host.render(buildPlan(example), await host.readWorkbook());
    expect(excel.nameAddress(NAMES.matrix)).toBe("Matrice!C6:O18");
  });

  it("drops the names of a sheet the consultant deleted, and reads the others", async () => {
    const excel = new FakeExcel(["Budget"]);
    const host = hostOn(excel);
    await host.render(buildPlan(example), await host.readWorkbook());
    excel.deleteSheet(excel.sheet(SETTINGS));

    const { snapshot, ownNames } = await read(excel);
    expect(ownNames).toContain(NAMES.title);
    expect(snapshot.grids.names.map((named) => named.name)).not.toContain(NAMES.title);
    expect(snapshot.grids.names.every((named) => named.sheet !== SETTINGS)).toBe(true);
    expect(snapshot.grids.sheets.map((grid) => grid.name)).toEqual(
      ALL_SHEETS.filter((sheet) => sheet !== SETTINGS)
    );

    await host.render(buildPlan(example), await host.readWorkbook());
    expect(excel.sheetNames()).toEqual(["Budget", ...ALL_SHEETS]);
    expect(excel.nameAddress(NAMES.title)).toBe("Paramètres!B4");
  });
});

describe("Excel read: a moved ratings table", () => {
  it("reads the table's sheet, known from the listing, with the others", async () => {
    const excel = new FakeExcel(["Feuil1", TICKS, "Archive"]);
    excel.setCells(TICKS, "C5", [["Etudiants"]]);
    excel.defineName(NAMES.ticks, TICKS, "C6:C6");
    excel.setCells("Archive", "A4", [
      ["Clientèle", "Besoin"],
      ["Etudiants", "Innover"],
    ]);
    excel.addTable(RATINGS_TABLE, "Archive", "A4:B5");

    const { snapshot } = await read(excel);
    expect(excel.syncs).toBe(3);
    expect(calls(excel, USED_RANGE)).toBe(2);
    expect(snapshot.sheets.map((sheet) => sheet.managed)).toEqual([false, true, true]);
    expect(snapshot.grids.tables).toEqual([
      { name: RATINGS_TABLE, sheet: "Archive", rect: { row: 4, col: 1, rows: 2, cols: 2 } },
    ]);
    const archive = snapshot.grids.sheets.find((grid) => grid.name === "Archive");
    expect(archive && cellAt(archive, 5, 2)).toBe("Innover");
  });
});

describe("The fake's null objects are strict", () => {
  it.each<[string, (context: Excel.RequestContext) => void]>([
    [
      "a missing name's range",
      (context) => {
        context.workbook.names.getItemOrNullObject(NAMES.ticks).getRangeOrNullObject();
      },
    ],
    [
      "a missing table's range",
      (context) => {
        context.workbook.tables.getItemOrNullObject(RATINGS_TABLE).getRange().load("address");
      },
    ],
    [
      "the worksheet of an empty sheet's used range",
      (context) => {
        const used = context.workbook.worksheets.getItem("Feuil1").getUsedRangeOrNullObject(true);
        used.worksheet.getUsedRangeOrNullObject(true).load("address");
      },
    ],
  ])("refuses %s at sync", async (_what, attempt) => {
    const failure = await new FakeExcel(["Feuil1"])
      .run(async (context) => {
        attempt(context);
        await context.sync();
      })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(FakeRichApiError);
    expect((failure as FakeRichApiError).code).toBe("NullObject");
  });

  it("lets a null object be loaded and tested, but not read", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    await excel.run(async (context) => {
      const named = context.workbook.names.getItemOrNullObject(NAMES.ticks);
      named.load("name");
      await context.sync();
      expect(named.isNullObject).toBe(true);
      expect(() => named.name).toThrow(expect.objectContaining({ code: "NullObject" }));
    });
  });

  it("throws ItemNotFound for a missing table, and gives names' formulas as Excel does", async () => {
    const excel = new FakeExcel(["Feuil1", TICKS]);
    excel.defineName(NAMES.ticks, TICKS, "C6:O18");
    excel.defineBrokenName(NAMES.matrix);
    const missing = excel.run(async (context) => {
      context.workbook.tables.getItem(RATINGS_TABLE).getRange().load("address");
      await context.sync();
    });
    await expect(missing).rejects.toMatchObject({ code: "ItemNotFound" });

    const names = await excel.run(async (context) => {
      const collection = context.workbook.names.load("items/name,items/type,items/formula");
      await context.sync();
      return collection.items.map(({ name, type, formula }) => ({ name, type, formula }));
    });
    expect(names).toEqual([
      { name: NAMES.ticks, type: "Range", formula: "='Qui ressent quoi'!$C$6:$O$18" },
      { name: NAMES.matrix, type: "Error", formula: "=#REF!$A$1" },
    ]);
  });
});

describe("Excel read: bounded", () => {
  async function built(): Promise<FakeExcel> {
    const excel = new FakeExcel(["Budget"]);
    const host = hostOn(excel);
    await host.render(buildPlan(example), await host.readWorkbook());
    return excel;
  }

  it("picks up names typed past the tick table and ratings rows added under the named rows", async () => {
    const excel = await built();
    // Past the table (C..O), and a ratings row far below the 500 spare rows the names cover.
    excel.setCells(TICKS, "P5", [["Nouvelle clientèle"]]);
    excel.setCells(TICKS, "P6", [["X"]]);
    const farRow = 5 + example.pairs.length + 600;
    excel.setCells(RATINGS_SHEET, `A${farRow}`, [
      ["Nouvelle clientèle", example.needs[0].name, "Fort ressenti", "Fort"],
    ]);
    excel.resetCounters();
    const { snapshot } = await read(excel);
    expect(excel.syncs).toBe(3);
    const { study: typed, problems } = readStudy(snapshot.grids);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(typed?.clienteles.map((c) => c.name)).toContain("Nouvelle clientèle");
    expect(typed?.pairs).toContainEqual({
      clientele: "Nouvelle clientèle",
      need: example.needs[0].name,
      perception: 4,
      impact: 4,
    });
  });

  it("reads a sheet a stray value has stretched to XFD1048576 around its tables only, and says so", async () => {
    const excel = await built();
    excel.setCells(TICKS, "XFD1048576", [["oups"]]);
    excel.resetCounters();
    const { snapshot } = await read(excel);
    // Sync 1 lists, sync 2 loads addresses, sync 3 the bounded areas: never the whole used range.
    expect(excel.syncs).toBe(3);
    expect(excel.maxResponseBytes).toBeLessThan(5_000_000);
    const { study: read_, problems } = readStudy(snapshot.grids);
    expect(read_?.clienteles).toEqual(example.clienteles);
    const note = problems.find((p) => p.code === "sheet-partly-read");
    expect(note?.severity).toBe("warning");
    expect(note?.location).toEqual({ sheet: TICKS, cell: "XFD1048576" });
    expect(note?.message.en).toMatch(
      /far from its tables: only the cells up to [A-Z]+\d+ are read/
    );
  });

  it("refuses a sheet whose own tables and their margin are already too large", async () => {
    const excel = await built();
    excel.setCells(TICKS, "XFD1048576", [["oups"]]);
    // The consultant stretched the tick table's name far (as Name Manager allows).
    excel.deleteName(excel.findName("SM_Ticks") as NonNullable<ReturnType<FakeExcel["findName"]>>);
    excel.defineName("SM_Ticks", TICKS, "C6:ZZ9000");
    excel.resetCounters();
    const failure = await read(excel).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ExcelFailure);
    const [problem] = (failure as ExcelFailure).problems;
    expect(problem.code).toBe("sheet-too-large");
    expect(problem.location).toEqual({ sheet: TICKS, cell: "XFD1048576" });
    // No values were asked for.
    expect(excel.syncs).toBe(2);
  });

  it("says so when Excel answers without the values", async () => {
    const excel = await built();
    excel.valuesCellLimit = 100;
    const failure = await read(excel).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ExcelFailure);
    const [problem] = (failure as ExcelFailure).problems;
    expect(problem.code).toBe("values-unavailable");
    expect(problem.message.en).toMatch(/^Excel did not return the values of the range A1:/);
  });

  it("reads a large sheet in bands of at most SYNC_READ_CELLS cells, one sync each", async () => {
    const excel = await built();
    // 7 columns down to row 60 000: 420 000 cells on the ratings sheet.
    excel.setCells(RATINGS_SHEET, "G60000", [["note tout en bas"]]);
    excel.resetCounters();
    const { snapshot } = await read(excel);
    // List, addresses; then the tick sheet, a first band of ratings, the second with the rest.
    expect(excel.syncs).toBe(5);
    expect(excel.maxResponseBytes).toBeLessThan(5_000_000);
    const ratings = snapshot.grids.sheets.find((grid) => grid.name === RATINGS_SHEET);
    expect(ratings && cellAt(ratings, 60000, 7)).toBe("note tout en bas");
    const problems = readStudy(snapshot.grids).problems.map((p) => p.code);
    expect(problems).toContain("rating-without-pair");
  });

  it('reads formula cells with their value: a tick typed as ="X" is a tick', async () => {
    const excel = await built();
    const ticks = excel.sheet(TICKS);
    const empty = [...Array(13).keys()]
      .map((i) => `C${6 + i}`)
      .find((address) => excel.cell(TICKS, address) === undefined);
    if (!empty) throw new Error("no empty tick cell in column C");
    excel.setCells(TICKS, empty, [['="X"']]);
    expect(ticks.cells.size).toBeGreaterThan(0);
    const { snapshot } = await read(excel);
    const { study: typed } = readStudy(snapshot.grids);
    const row = Number(empty.slice(1));
    expect(typed?.pairs).toContainEqual(
      expect.objectContaining({
        clientele: example.clienteles[0].name,
        need: example.needs[row - 6].name,
      })
    );
  });
});

describe("Excel read: the selection", () => {
  it("reads a whole selected column through its used range only", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    excel.setCells("Feuil1", "B3", [["Etudiants"], [null], ["Chercheurs"]]);
    excel.select("Feuil1", "B:B");
    const names = await hostOn(excel).readSelection();
    expect(names).toEqual(["Etudiants", "Chercheurs"]);
    expect(excel.maxResponseBytes).toBeLessThan(1_000);
  });

  it("gives nothing for an empty selection, in one sync", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    excel.select("Feuil1", "A:XFD");
    expect(await hostOn(excel).readSelection()).toEqual([]);
    expect(excel.syncs).toBe(1);
  });

  it("refuses a selection larger than a list of names, before asking for its values", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    excel.setCells("Feuil1", "A1", [["Etudiants"]]);
    excel.setCells("Feuil1", "Z10000", [["loin"]]);
    excel.select("Feuil1", "A:XFD");
    const failure = await hostOn(excel)
      .readSelection()
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(ExcelFailure);
    expect((failure as ExcelFailure).problems.map((p) => p.message.en)).toEqual([
      "The selection spans 260,000 filled cells; Segment Matrix reads at most 100,000: select only the list of names, then try again.",
    ]);
    expect(excel.syncs).toBe(1);
  });
});
