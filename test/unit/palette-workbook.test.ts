/**
 * The palette in the live workbook: the study file's field, the scales and the text rule of every
 * scored range in each host (plan, ExcelJS file, Office.js), the settings cell read back, rebuilds.
 */
import JSZip from "jszip";
import { buildPlan, readStudy, NAMES } from "../../src/layout";
import { rectAddress } from "../../src/layout/a1";
import { planGrids } from "../../src/layout/plan-grids";
import { SheetPlan, WorkbookPlan } from "../../src/layout/plan";
import { studyToJson } from "../../src/layout/study-json";
import { planToBuffer, readWorkbookFile } from "../../src/hosts/xlsx/file";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { PALETTES } from "../../src/method/colour";
import { formatProblem } from "../../src/messages";
import { validateStudy } from "../../src/method/validate";
import { FakeExcel } from "../support/fake-excel";
import { study } from "../support/workbooks";

const base = {
  clienteles: ["Etudiants", "Hautes écoles"],
  needs: ["Innover"],
  pairs: [
    { clientele: "Etudiants", need: "Innover", perception: 4, impact: 4 },
    { clientele: "Hautes écoles", need: "Innover", perception: 1, impact: 1 },
  ],
};

function sheetOf(plan: WorkbookPlan, role: SheetPlan["role"]): SheetPlan {
  const found = plan.sheets.find((sheet) => sheet.role === role);
  if (!found) throw new Error(`no ${role} sheet`);
  return found;
}

describe("the study file's palette", () => {
  it("is kept when colourblind, and default is the same as none", () => {
    expect(study({ ...base, palette: "colourblind" }).palette).toBe("colourblind");
    expect(study({ ...base, palette: " Colourblind " }).palette).toBe("colourblind");
    expect(study({ ...base, palette: "default" }).palette).toBeUndefined();
    expect(studyToJson(study({ ...base, palette: "colourblind" })).palette).toBe("colourblind");
    expect(studyToJson(study(base))).not.toHaveProperty("palette");
  });

  it("refuses any other value, naming the field", () => {
    const { study: refused, problems } = validateStudy({ ...base, palette: "rainbow" }, "s.json");
    expect(refused).toBeUndefined();
    expect(problems.map((p) => formatProblem(p, "en"))).toEqual([
      's.json: palette: unknown palette "rainbow": use "default" or "colourblind"',
    ]);
  });
});

describe("the palette of a built workbook", () => {
  const blind = study({ ...base, palette: "colourblind" });

  it("colours every scored range with its stops, white text above 88", () => {
    const plan = buildPlan(blind);
    for (const role of ["matrix", "ratings", "settings"] as const) {
      const formats = sheetOf(plan, role).conditionalFormats;
      const scales = formats.filter((f) => f.rule.kind === "colourScale");
      expect(scales.length).toBeGreaterThan(0);
      for (const scale of scales) {
        expect(scale.rule).toEqual({ kind: "colourScale", stops: PALETTES.colourblind.stops });
        // Each scale has its text rule over the same cells.
        expect(
          formats.filter(
            (f) => f.rule.kind === "cellValue" && rectAddress(f.rect) === rectAddress(scale.rect)
          )
        ).toEqual([
          {
            rect: scale.rect,
            rule: { kind: "cellValue", operator: "greaterThan", value: 88, fontColour: "#FFFFFF" },
          },
        ]);
      }
    }
  });

  it("keeps the method's scale and black text by default; --palette overrides the study", () => {
    const plan = buildPlan(study(base));
    const matrix = sheetOf(plan, "matrix").conditionalFormats;
    expect(matrix.some((f) => f.rule.kind === "cellValue")).toBe(false);
    expect(matrix[0].rule).toEqual({ kind: "colourScale", stops: PALETTES.default.stops });
    const forced = buildPlan(blind, { palette: "default" });
    expect(sheetOf(forced, "matrix").conditionalFormats[0].rule).toEqual({
      kind: "colourScale",
      stops: PALETTES.default.stops,
    });
  });

  it("says the palette in the settings sheet, reads it back and keeps it through rebuilds", () => {
    const grids = planGrids(buildPlan(blind));
    const named = grids.names.find((n) => n.name === NAMES.palette);
    expect(named?.sheet).toBe("Paramètres");
    const read = readStudy(grids).study;
    expect(read?.palette).toBe("colourblind");
    const again = readStudy(planGrids(buildPlan(read!))).study;
    expect(again?.palette).toBe("colourblind");
    expect(readStudy(planGrids(buildPlan(study(base)))).study).not.toHaveProperty("palette");
  });

  it("reads an unknown palette cell as the default, with a warning naming the cell", () => {
    const grids = planGrids(buildPlan(blind));
    const named = grids.names.find((n) => n.name === NAMES.palette)!;
    const sheet = grids.sheets.find((s) => s.name === named.sheet)!;
    sheet.values[named.rect.row - 1][named.rect.col - 1] = "arc-en-ciel";
    const { study: read, problems } = readStudy(grids);
    expect(read).toBeDefined();
    expect(read).not.toHaveProperty("palette");
    expect(problems.map((p) => formatProblem(p, "fr"))).toEqual([
      `'Paramètres'!${rectAddress(named.rect)}: palette « arc-en-ciel » inconnue : la palette par défaut est utilisée ; choisissez "default" ou "colourblind" dans la liste`,
    ]);
  });

  it("is written by ExcelJS as a cell-value rule, and read back from the file", async () => {
    const buffer = await planToBuffer(buildPlan(blind));
    const zip = await JSZip.loadAsync(buffer);
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async("string"))
    );
    const matrix = sheets.find(
      (xml) => xml.includes('sqref="C6:D6"') && xml.includes("colorScale")
    );
    // Both rules in one element: LibreOffice applies only the first element over a cell.
    expect(matrix).toMatch(
      /<conditionalFormatting sqref="C6:D6"><cfRule type="colorScale"[^]*?<\/cfRule><cfRule type="cellIs"[^>]*operator="greaterThan"/
    );
    expect(matrix).toContain("<formula>88</formula>");
    expect(matrix).toContain('<color rgb="FF2F5597"/>');
    const { grids } = await readWorkbookFile("blind.xlsx", { source: buffer });
    expect(readStudy(grids).study?.palette).toBe("colourblind");
  });

  it("is drawn by the Office.js host as a cell-value format with white text", async () => {
    const excel = new FakeExcel();
    const host = createExcelHost({ run: excel.run, isSetSupported: () => true });
    await host.render(buildPlan(blind), await host.readWorkbook());
    const rules = excel
      .sheet("Matrice")
      .conditionalFormats.filter((cf) => rectAddress(cf.rect) === "C6:D6");
    expect(rules.map((cf) => cf.type)).toEqual(["ColorScale", "CellValue"]);
    expect(rules[1]).toMatchObject({
      cellRule: { formula1: "=88", operator: "GreaterThan" },
      fontColour: "#FFFFFF",
    });
    expect(rules[0].criteria).toMatchObject({ maximum: { color: "#2F5597" } });
  });
});
