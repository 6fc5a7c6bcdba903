/**
 * Reading through Office.js in phases, against the strict fake: never a call on a possibly-null
 * object, each sheet fetched once, and the number of syncs each kind of workbook costs.
 */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
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
  it("reads the tick and settings sheets in a second sync, and what was typed in them", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = hostOn(excel);
    await host.render(templatePlan("fr"), await host.readWorkbook());
    expect(excel.tableList()).toEqual([]);
    excel.setCells(TICKS, "C5", [["Etudiants"]]);
    excel.setCells(TICKS, "A6", [["Innover"], ["Se former"]]);
    excel.setCells(TICKS, "C6", [["x"]]);

    excel.resetCounters();
    const snapshot = await host.readWorkbook();
    expect(excel.syncs).toBe(2);
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
  it("fetches each sheet once, with the table's range, in a second sync", async () => {
    const excel = new FakeExcel(["Budget"]);
    const host = hostOn(excel);
    await host.render(buildPlan(example), await host.readWorkbook());

    excel.resetCounters();
    const { snapshot } = await read(excel);
    expect(excel.syncs).toBe(2);
    // Five names point into the ratings sheet: it still comes back once.
    expect(calls(excel, USED_RANGE)).toBe(4);
    expect(calls(excel, "Table.getRange")).toBe(1);
    expect(snapshot.grids.sheets.map((grid) => grid.name)).toEqual([
      TICKS,
      RATINGS_SHEET,
      MATRIX,
      SETTINGS,
    ]);
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
    expect(snapshot.grids.sheets.map((grid) => grid.name)).toEqual([TICKS, RATINGS_SHEET, MATRIX]);

    await host.render(buildPlan(example), await host.readWorkbook());
    expect(excel.sheetNames()).toEqual(["Budget", TICKS, RATINGS_SHEET, MATRIX, SETTINGS]);
    expect(excel.nameAddress(NAMES.title)).toBe("Paramètres!B4");
  });
});

describe("Excel read: a moved ratings table", () => {
  it("reads the table's sheet in a third, small sync", async () => {
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
