/**
 * The client workbook with `competition`: each scored pair's score cell on the matrix keeps its
 * number and shows its "C0"–"C4" marker through its number format, the other cells none, and a
 * legend line names the levels under the sheet; by default none of it. The xlsx writer keeps the
 * format (read back with ExcelJS).
 */
import ExcelJS from "exceljs";
import { clientPlan } from "../../src/layout/export";
import { clientPlanToBuffer } from "../../src/hosts/xlsx/file";
import { competitionLegend } from "../../src/i18n/competition";
import { GRID } from "../../src/layout/sheets/grid";
import { SheetPlan } from "../../src/layout/plan";
import { study } from "../support/workbooks";

const CREATED = new Date("2026-12-07T10:00:00Z");

const RATED = {
  language: "fr",
  clienteles: ["Artisans", "Banques"],
  needs: ["Financement", "Locaux"],
  pairs: [
    { clientele: "Artisans", need: "Financement", perception: 4, impact: 4, competition: 4 },
    { clientele: "Artisans", need: "Locaux", perception: 2, impact: 3 },
    { clientele: "Banques", need: "Locaux", perception: 1, impact: 2, competition: 0 },
    { clientele: "Banques", need: "Financement", competition: 2 },
  ],
  weights: { perception: 1, impact: 1 },
};

function matrixOf(competition?: boolean): SheetPlan {
  const { plan } = clientPlan(study(RATED), { parts: ["matrix"], created: CREATED, competition });
  return plan!.sheets.find((sheet) => sheet.role === "matrix")!;
}

const formatAt = (sheet: SheetPlan, row: number, col: number): string | undefined =>
  sheet.styles
    .filter(
      (s) =>
        s.rect.row <= row &&
        row < s.rect.row + s.rect.rows &&
        s.rect.col <= col &&
        col < s.rect.col + s.rect.cols
    )
    .reduce<string | undefined>((format, s) => s.style.numberFormat ?? format, undefined);

const texts = (sheet: SheetPlan): string[] =>
  sheet.blocks.flatMap((b) => b.values.flat()).flatMap((v) => (v?.kind === "text" ? [v.text] : []));

describe("competition in the client workbook", () => {
  it("shows the marker through the number format of exactly the scored pairs with a level", () => {
    const sheet = matrixOf(true);
    const at = (need: number, clientele: number) =>
      formatAt(sheet, GRID.firstRow + need, GRID.firstCol + clientele);
    expect(at(0, 0)).toBe('0" C4"');
    expect(at(1, 1)).toBe('0" C0"');
    // The matrix's own format ("0") where there is no level.
    expect(at(1, 0) ?? "").not.toContain("C");
    expect(at(0, 1) ?? "").not.toContain("C");
    expect(texts(sheet)).toContain(competitionLegend("fr"));
  });

  it("writes the format into the file, the value still the score", async () => {
    const { plan } = clientPlan(study(RATED), {
      parts: ["matrix"],
      created: CREATED,
      competition: true,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await clientPlanToBuffer(plan!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((ws) => ws.name === plan!.sheets[0].name)!;
    const { value, numFmt } = sheet.getCell(GRID.firstRow, GRID.firstCol);
    expect({ value, numFmt }).toEqual({ value: 100, numFmt: '0" C4"' });
  });

  it("shows none of it by default", () => {
    const sheet = matrixOf();
    expect(sheet.styles.some((s) => s.style.numberFormat?.includes(" C"))).toBe(false);
    expect(texts(sheet)).not.toContain(competitionLegend("fr"));
  });
});
