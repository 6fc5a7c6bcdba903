/** ExcelJS host: reads an .xlsx workbook's grids, defined names and tables (values as last computed). */
import ExcelJS from "exceljs";
import { parseRect, parseSheetRef } from "../../layout/a1";
import { GridValue, NamedRect, SheetGrid, WorkbookGrids } from "../../layout/grids";

export function readGrids(workbook: ExcelJS.Workbook): WorkbookGrids {
  const sheets: SheetGrid[] = [];
  const tables: NamedRect[] = [];
  workbook.eachSheet((sheet) => {
    const values: GridValue[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const line: GridValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        line[colNumber - 1] = plainValue(cell.value);
      });
      for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = null;
      values[rowNumber - 1] = line;
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
    sheets.push({ name: sheet.name, values });
    // ExcelJS's typings say tuples; at run time getTables() returns the tables themselves.
    for (const table of sheet.getTables() as unknown as ExcelJS.Table[]) {
      const model = (
        table as unknown as { table?: { name: string; tableRef?: string; ref?: string } }
      ).table;
      const ref = model?.tableRef ?? model?.ref;
      const rect = ref ? parseRect(ref) : undefined;
      if (model && rect) tables.push({ name: model.name, sheet: sheet.name, rect });
    }
  });
  const names: NamedRect[] = [];
  for (const defined of workbook.definedNames.model) {
    if (defined.ranges.length !== 1) continue;
    const parsed = parseSheetRef(defined.ranges[0]);
    if (parsed) names.push({ name: defined.name, sheet: parsed.sheet, rect: parsed.rect });
  }
  return { sheets, names, tables };
}

/** A cell's shown value: a formula's cached result, rich text joined, dates as Excel serial numbers. */
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
