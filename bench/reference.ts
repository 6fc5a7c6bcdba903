/**
 * The reference of `npm run bench`: a straightforward ExcelJS writer of the same workbook as a real
 * build. It takes the same plan and writes it the obvious way: an in-memory ExcelJS.Workbook filled
 * cell by cell, one formula text per cell (no shared formulas), one style object per cell, then
 * validations, conditional formats, the table, names and printing — only the way of writing differs
 * from the CLI's streaming writer. It is the pane's ExcelJS writer (src/hosts/xlsx/browser-render.ts)
 * with a formula per cell; test/unit/bench-reference.test.ts checks that ExcelJS reads the same
 * workbook from it as from the CLI.
 *
 *   node dist-bench/reference.js STUDY.json OUT.xlsx
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { planToWorkbook } from "../src/hosts/xlsx/browser-render";
import { buildPlan } from "../src/layout";
import { Study } from "../src/method/study";
import { validateStudy } from "../src/method/validate";

/** The reference workbook of a study: its plan, written the straightforward way. */
export function referenceWorkbook(study: Study): ExcelJS.Workbook {
  return planToWorkbook(buildPlan(study), new ExcelJS.Workbook(), { formulaPerCell: true });
}

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const { study } = validateStudy(JSON.parse(await fs.readFile(input, "utf8")), input);
  if (!study) throw new Error(`${input}: not a valid study`);
  const workbook = referenceWorkbook(study);
  await fs.writeFile(output, Buffer.from(await workbook.xlsx.writeBuffer()));
}

if (require.main === module) {
  main().catch((failure) => {
    console.error(failure);
    process.exitCode = 1;
  });
}
