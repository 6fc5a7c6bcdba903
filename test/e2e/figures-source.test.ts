/**
 * The figures' source on the Segments sheet, live (issue 15 §2): a workbook built from a study whose
 * figures came from the customers' data, a consultant's edits typed into the file (a basket typed
 * over, a size typed again unchanged, a share kept changed in a segment sized from its population),
 * LibreOffice recalculates, and the source cell stops naming the data only where a figure it vouched
 * for changed; `read` then gives the source back only there where the sheet still shows it, and a
 * rebuild from that study keeps it.
 */
import ExcelJS from "exceljs";
import path from "path";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { parseSheetRef } from "../../src/layout/a1";
import { NAMES } from "../../src/layout/names";
import { Study } from "../../src/method/study";
import { recalculate } from "../support/libreoffice";
import { buildFile, load, namedValues, study, tempDir } from "../support/workbooks";
import { cellAt } from "../../src/layout/grids";

jest.setTimeout(120000);

const SOURCE = { asOf: "2026-01-01", customers: 24503 };

const STUDY = study({
  language: "fr",
  clienteles: ["Familles", "Pros", "Seniors"],
  needs: ["Pain"],
  pairs: [
    { clientele: "Familles", need: "Pain", perception: 3, impact: 4 },
    { clientele: "Pros", need: "Pain" },
    { clientele: "Seniors", need: "Pain" },
  ],
  segments: [
    {
      name: "Familles",
      clienteles: ["Familles"],
      size: 24503,
      frequency: 2.1,
      basket: 41.8,
      figuresSource: SOURCE,
    },
    {
      name: "Pros",
      clienteles: ["Pros"],
      population: 50000,
      trims: [{ family: "qui", criterion: "Artisans", keep: 0.4 }],
      frequency: 1.5,
      basket: 30,
      figuresSource: { asOf: "2026-01-01", customers: 812 },
    },
    {
      name: "Seniors",
      clienteles: ["Seniors"],
      size: 100,
      frequency: 1,
      basket: 10,
      figuresSource: { asOf: "2026-01-01", customers: 100 },
    },
  ],
});

/** Types into cell (i, j) of a defined name's range, as a consultant would. */
function type(workbook: ExcelJS.Workbook, name: string, i: number, j: number, value: number) {
  const found = workbook.definedNames.model.find((n) => n.name === name);
  const at = found && parseSheetRef(found.ranges[0]);
  const sheet = at && workbook.getWorksheet(at.sheet);
  if (!at || !sheet) throw new Error(`no name ${name}`);
  sheet.getCell(at.rect.row + i, at.rect.col + j).value = value;
}

describe("a figure typed over, recalculated by LibreOffice", () => {
  let recalculated: ExcelJS.Workbook;
  let file: string;

  beforeAll(async () => {
    const dir = await tempDir("sm-source-");
    const built = await buildFile(STUDY, dir);
    const workbook = await load(built);
    type(workbook, NAMES.segmentBasket, 0, 0, 45); // Familles: 41.8 → 45
    type(workbook, NAMES.segmentTrims, 2, 1, 0.5); // Pros: a share kept 40 % → 50 %
    type(workbook, NAMES.segmentSize, 0, 2, 100); // Seniors: the same size typed again
    const edited = path.join(dir, "edited.xlsx");
    await workbook.xlsx.writeFile(edited);
    file = await recalculate(edited);
    recalculated = await load(file);
  });

  it("stops naming the data only where a figure it vouched for changed", () => {
    expect(namedValues(recalculated, NAMES.segmentSource)[0]).toEqual([
      "chiffres modifiés depuis les données clients au 2026-01-01",
      // The size is the consultant's trimming: the source never vouched for it.
      "fréquence et panier : données clients au 2026-01-01, 812 clients",
      "données clients au 2026-01-01, 100 clients",
    ]);
    expect(namedValues(recalculated, NAMES.segmentSize)[0][1]).toBe(25000);
  });

  it("reads the source back only where the sheet still shows it, and a rebuild keeps that", async () => {
    const { study: read, problems } = readStudy((await readWorkbookFile(file)).grids);
    expect(problems.filter((p) => p.code.includes("source"))).toEqual([]);
    const segments = read!.segments!;
    expect(segments.map((s) => s.figuresSource)).toEqual([
      undefined,
      { asOf: "2026-01-01", customers: 812 },
      { asOf: "2026-01-01", customers: 100 },
    ]);
    expect(segments[0].basket).toBe(45);

    // Actualiser / a rebuild plans the study read: the source row as read, the edit kept.
    const grids = planGrids(buildPlan(read as Study));
    const named = grids.names.find((n) => n.name === NAMES.segmentSource)!;
    const grid = grids.sheets.find((s) => s.name === named.sheet)!;
    expect([0, 1, 2].map((k) => cellAt(grid, named.rect.row, named.rect.col + k))).toEqual([
      null,
      "fréquence et panier : données clients au 2026-01-01, 812 clients",
      "données clients au 2026-01-01, 100 clients",
    ]);
  });
});
