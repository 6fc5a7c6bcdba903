/**
 * `npm run bench` compares the CLI with a straightforward ExcelJS writer (bench/reference.ts). The
 * comparison is fair only if both write the same workbook: ExcelJS must read the same sheets, cells,
 * formulas, cached values, styles, validations, conditional formats, table, names and printing from
 * both. When the layout changes, bench/reference.ts must follow (this test says where they differ).
 */
import ExcelJS from "exceljs";
import { referenceWorkbook } from "../../bench/reference";
import { squareStudy } from "../../bench/studies";
import { planToXlsx } from "../../src/hosts/xlsx/render";
import { buildPlan } from "../../src/layout";
import { Study } from "../../src/method/study";
import { digestDifferences, digestWorkbook } from "../support/layout-digest";
import { readExample, study } from "../support/workbooks";

async function digestOf(buffer: Buffer | ExcelJS.Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as ExcelJS.Buffer);
  return digestWorkbook(workbook);
}

const odd = (): Study =>
  study({
    title: "Vélo « test »",
    language: "en",
    clienteles: [{ name: "=1+1", type: "client" }, "a*b?c~", "<b>&amp;", "x".repeat(255)],
    needs: ["Réparer vite", { name: "+33 6", type: "opportunité" }],
    pairs: [
      {
        clientele: "=1+1",
        need: "Réparer vite",
        perception: 4,
        impact: 3,
        comment: "vu\nen atelier",
      },
      { clientele: "a*b?c~", need: "+33 6" },
      { clientele: "x".repeat(255), need: "+33 6", perception: 1, impact: 2, competition: 4 },
    ],
    weights: { perception: 2, impact: 0.5 },
  });

describe("the bench's reference writer writes the same workbook as the CLI", () => {
  it.each([
    ["the worked example", async () => study(await readExample("exemple-incubateur.json"))],
    ["the small English example", async () => study(await readExample("small-en.json"))],
    ["odd names, a title, weights", async () => odd()],
    ["nothing ticked", async () => study({ clienteles: ["c"], needs: ["n"] })],
    ["a synthetic 30 × 20 study, 40 % ticked", async () => squareStudy(30, 20, 0.4)],
  ])("%s", async (_label, make) => {
    const s = await make();
    const reference = await digestOf(await referenceWorkbook(s).xlsx.writeBuffer());
    const cli = await digestOf(await planToXlsx(buildPlan(s)));
    expect(digestDifferences(reference, cli)).toEqual([]);
  });
});
