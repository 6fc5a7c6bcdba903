/** Files: build, template and read .xlsx on disk, written atomically (no partial file is ever left). */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { WorkbookPlan } from "../../layout/plan";
import { WorkbookGrids } from "../../layout/grids";
import { readGrids } from "./read";
import { planToXlsx } from "./render";

export async function planToBuffer(plan: WorkbookPlan): Promise<Buffer> {
  return planToXlsx(plan);
}

/** Writes next to the target, then renames: readers never see half a file, a failure leaves none. */
export async function writeFileAtomic(target: string, data: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const temporary = path.join(
    path.dirname(path.resolve(target)),
    `.${path.basename(target)}.${process.pid}.tmp`
  );
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, target);
  } catch (failure) {
    await fs.rm(temporary, { force: true });
    throw failure;
  }
}

export async function readWorkbookFile(
  file: string
): Promise<{ workbook: ExcelJS.Workbook; grids: WorkbookGrids }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { workbook, grids: readGrids(workbook) };
}
