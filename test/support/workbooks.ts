/** Helpers for tests that build, edit and inspect real .xlsx files. */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { validateStudy } from "../../src/method/validate";
import { Study } from "../../src/method/study";
import { buildPlan } from "../../src/layout";
import { planToBuffer, readWorkbookFile } from "../../src/hosts/xlsx/file";
import { GridValue, WorkbookGrids } from "../../src/layout/grids";
import { parseSheetRef } from "../../src/layout/a1";

export async function tempDir(prefix = "sm-test-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export function study(input: unknown): Study {
  const { study: valid, problems } = validateStudy(input);
  if (!valid) throw new Error(JSON.stringify(problems));
  return valid;
}

export async function buildFile(
  input: Study,
  dir: string,
  name = "study.xlsx",
  language?: "fr" | "en"
): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await planToBuffer(buildPlan(input, { language })));
  return file;
}

export async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The cells a defined name covers, as values (row by row). */
export function namedValues(workbook: ExcelJS.Workbook, name: string): GridValue[][] {
  const found = workbook.definedNames.model.find((n) => n.name === name);
  const parsed = found && parseSheetRef(found.ranges[0]);
  const sheet = parsed && workbook.getWorksheet(parsed.sheet);
  if (!parsed || !sheet) throw new Error(`no defined name ${name} on a sheet`);
  const { row, col, rows, cols } = parsed.rect;
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => plainValue(sheet.getCell(row + i, col + j).value))
  );
}

export async function readExample(name: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(path.join(__dirname, "..", "..", "examples", name), "utf8"));
}

/** A cell's shown value in an ExcelJS workbook: a formula's cached result, rich text joined. */
export function plainValue(value: ExcelJS.CellValue): GridValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value.getTime() / 86400000 + 25569;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && "error" in result) return result.error;
    return plainValue(result as ExcelJS.CellValue);
  }
  if ("error" in value) return value.error;
  if ("text" in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}

/** The grids of a workbook file, as the command line reads them. */
export async function gridsOf(file: string): Promise<WorkbookGrids> {
  return (await readWorkbookFile(file)).grids;
}
