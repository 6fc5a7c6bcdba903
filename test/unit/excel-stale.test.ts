/**
 * The workbook changes between the pane's read and the build (the consultant keeps working): render
 * lists sheets and names again in its own batch and acts on what it finds, so the result is either
 * a whole new build or nothing changed — never a half-replaced workbook.
 */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { RenderRefused, WorkbookHost, WorkbookSnapshot } from "../../src/hosts/host";
import { NAMES, RATINGS_TABLE, buildPlan } from "../../src/layout";
import { Study } from "../../src/method/study";
import { FakeExcel } from "../support/fake-excel";
import { readExample, study } from "../support/workbooks";

const TICKS = "Qui ressent quoi";
const RATINGS_SHEET = "Évaluation";
const MATRIX = "Matrice";
const SETTINGS = "Paramètres";
const SEGMENT_SHEETS = ["Segments", "Check-list", "Ciblage", "Diagnostic"];
const BUILT = ["Budget", TICKS, RATINGS_SHEET, MATRIX, ...SEGMENT_SHEETS, SETTINGS];

let example: Study;
beforeAll(async () => {
  example = study(await readExample("exemple-incubateur.json"));
});

/** A workbook with a build in it, and the snapshot the pane read from it. */
async function builtAndRead(): Promise<{
  excel: FakeExcel;
  host: WorkbookHost;
  snapshot: WorkbookSnapshot;
}> {
  const excel = new FakeExcel(["Budget"]);
  const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  await host.render(buildPlan(example), await host.readWorkbook());
  return { excel, host, snapshot: await host.readWorkbook() };
}

/** Everything of a finished build: the sheets, each name on its sheet, one ratings table. */
function expectWholeBuild(excel: FakeExcel): void {
  expect(excel.sheetNames()).toEqual(BUILT);
  expect(excel.nameAddress(NAMES.matrix)).toBe("Matrice!C6:O18");
  expect(excel.nameAddress(NAMES.ticks)).toBe(`'${TICKS}'!C6:O18`);
  expect(excel.tableList().map((t) => [t.name, t.sheet])).toEqual([[RATINGS_TABLE, RATINGS_SHEET]]);
}

describe("Excel host: a stale snapshot", () => {
  it("builds over a sheet deleted since the read", async () => {
    const { excel, host, snapshot } = await builtAndRead();
    excel.deleteSheet(excel.sheet(MATRIX));
    const report = await host.render(buildPlan(example), snapshot);
    expect(report.replaced).toEqual([TICKS, RATINGS_SHEET, ...SEGMENT_SHEETS, SETTINGS]);
    expectWholeBuild(excel);
  });

  it("replaces a sheet of the add-in renamed since the read (its names still point into it)", async () => {
    const { excel, host, snapshot } = await builtAndRead();
    excel.renameSheet(excel.sheet(MATRIX), "Matrice (copie)");
    const report = await host.render(buildPlan(example), snapshot);
    expect(report.replaced).toEqual([
      TICKS,
      RATINGS_SHEET,
      "Matrice (copie)",
      ...SEGMENT_SHEETS,
      SETTINGS,
    ]);
    expectWholeBuild(excel);
  });

  it("finds the ratings table moved to another sheet since the read, and replaces that sheet", async () => {
    const { excel, host, snapshot } = await builtAndRead();
    // The ratings sheet renamed and its names deleted: only the table says whose it is.
    excel.renameSheet(excel.sheet(RATINGS_SHEET), "Archive");
    for (const name of excel.nameList().filter((n) => n.startsWith("SM_Rating"))) {
      const named = excel.findName(name);
      if (named) excel.deleteName(named);
    }
    await host.render(buildPlan(example), snapshot);
    expectWholeBuild(excel);
  });

  it("changes nothing when a sheet the snapshot thought the add-in's is no longer", async () => {
    const { excel, host, snapshot } = await builtAndRead();
    // The consultant took the matrix over: its names are gone, so it is now theirs.
    for (const name of [NAMES.matrix, NAMES.matrixClienteles, NAMES.matrixNeeds]) {
      const named = excel.findName(name);
      if (named) excel.deleteName(named);
    }
    const namesBefore = excel.nameList();
    excel.resetCounters();
    const refusal = await host
      .render(buildPlan(example), snapshot)
      .catch((caught: unknown) => caught);
    expect(refusal).toBeInstanceOf(RenderRefused);
    expect((refusal as RenderRefused).problems.map((p) => p.code)).toEqual(["sheet-name-taken"]);
    // Only the listing went out.
    expect(excel.syncs).toBe(1);
    expect(excel.sheetNames()).toEqual(BUILT);
    expect(excel.nameList()).toEqual(namesBefore);
  });

  it("changes nothing when a sheet of a plan name was added since the read", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    const snapshot = await host.readWorkbook();
    excel.addSheet(SETTINGS);
    await expect(host.render(buildPlan(example), snapshot)).rejects.toBeInstanceOf(RenderRefused);
    expect(excel.sheetNames()).toEqual(["Feuil1", SETTINGS]);
  });

  it("avoids a temporary name taken since the read", async () => {
    const { excel, host, snapshot } = await builtAndRead();
    excel.addSheet("SM temp 1");
    await host.render(buildPlan(example), snapshot);
    expect(excel.sheetNames()).toEqual(["Budget", "SM temp 1", ...BUILT.slice(1)]);
  });

  it("deletes an SM_ name added since the read", async () => {
    const { excel, host, snapshot } = await builtAndRead();
    excel.defineBrokenName("SM_Extra");
    await host.render(buildPlan(example), snapshot);
    expect(excel.nameAddress("SM_Extra")).toBeUndefined();
    expectWholeBuild(excel);
  });
});
