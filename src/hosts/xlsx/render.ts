/** ExcelJS host: renders a WorkbookPlan into an .xlsx workbook. */
import ExcelJS from "exceljs";
import { Rect, rectAddress, sheetRef } from "../../layout/a1";
import { CellStyle, CellValue, SheetPlan, WorkbookPlan } from "../../layout/plan";
import { escapeExcelText } from "./xml";

const argb = (hex: string): string => "FF" + hex.replace("#", "").toUpperCase();

export function renderWorkbook(
  plan: WorkbookPlan,
  workbook: ExcelJS.Workbook = new ExcelJS.Workbook()
): ExcelJS.Workbook {
  workbook.creator = "Segment Matrix";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheetPlan of plan.sheets) renderSheet(workbook, sheetPlan);
  for (const name of plan.names)
    workbook.definedNames.add(sheetRef(name.sheet, rectAddress(name.rect, true)), name.name);
  const active = plan.sheets.findIndex((sheet) => sheet.role === plan.activeSheet);
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(active, 0),
      visibility: "visible",
    },
  ];
  return workbook;
}

function renderSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const sheet = workbook.addWorksheet(plan.name, {
    properties: plan.tabColour ? { tabColor: { argb: argb(plan.tabColour) } } : {},
    pageSetup: {
      orientation: plan.print.landscape ? "landscape" : "portrait",
      fitToPage: plan.print.fitToOnePage,
      fitToWidth: 1,
      fitToHeight: 1,
      paperSize: 9,
    },
    views: plan.freeze
      ? [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows, activeCell: "A1" }]
      : [{ state: "normal" }],
  });

  for (const { col, width } of plan.columnWidths) sheet.getColumn(col).width = width;
  for (const { row, height } of plan.rowHeights ?? []) sheet.getRow(row).height = height;

  // Tables write their own header and body cells; values blocks then fill them in.
  for (const table of plan.tables) {
    sheet.addTable({
      name: table.name,
      ref: rectAddress({ ...table.rect, rows: 1, cols: 1 }),
      headerRow: true,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: table.headers.map((header) => ({ name: header, filterButton: true })),
      rows: Array.from({ length: table.rect.rows - 1 }, () => table.headers.map(() => null)),
    });
  }

  for (const block of plan.blocks) {
    block.values.forEach((line, i) =>
      line.forEach((value, j) => {
        const cell = sheet.getCell(block.row + i, block.col + j);
        cell.value = toExcelValue(value);
      })
    );
  }
  // One shared formula per fill: the file holds its text once, whatever the size.
  for (const { rect, formula, results } of plan.fills) {
    if (rect.rows === 1 && rect.cols === 1) {
      const result = results?.[0]?.[0];
      sheet.getCell(rect.row, rect.col).value = (
        result === undefined ? { formula } : { formula, result: cachedResult(result) }
      ) as ExcelJS.CellFormulaValue;
    } else {
      const cached = results?.map((line) => line.map(cachedResult));
      sheet.fillFormula(rectAddress(rect), formula, cached as number[][] | undefined);
    }
  }
  for (const { rect, style } of plan.styles) {
    for (let row = rect.row; row < rect.row + rect.rows; row++) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) {
        const cell = sheet.getCell(row, col);
        applyStyle(cell, style);
        if (style.outline) outlineEdges(cell, rect, row, col);
      }
    }
  }

  for (const validation of plan.validations) {
    const rule = validation.rule;
    const common = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: validation.error.title,
      error: validation.error.message,
      showInputMessage: Boolean(validation.prompt),
      promptTitle: validation.prompt?.title,
      prompt: validation.prompt?.message,
    };
    const model: ExcelJS.DataValidation =
      rule.kind === "decimal"
        ? { ...common, type: "decimal", operator: "between", formulae: [rule.min, rule.max] }
        : {
            ...common,
            type: "list",
            formulae: [rule.kind === "list" ? `"${rule.source.join(",")}"` : rule.formula],
          };
    (
      sheet as unknown as {
        dataValidations: { add(address: string, v: ExcelJS.DataValidation): void };
      }
    ).dataValidations.add(rectAddress(validation.rect), model);
  }

  plan.conditionalFormats.forEach((format, index) => {
    const rule = format.rule;
    const priority = index + 1;
    const excelRule: ExcelJS.ConditionalFormattingRule =
      rule.kind === "colourScale"
        ? {
            type: "colorScale",
            priority,
            cfvo: rule.stops.map((stop) => ({ type: "num", value: stop.value })),
            color: rule.stops.map((stop) => ({ argb: argb(stop.colour) })),
          }
        : {
            type: "expression",
            priority,
            formulae: [rule.formula],
            style: {
              ...(rule.fill
                ? {
                    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } },
                  }
                : {}),
              ...(rule.fontColour || rule.bold
                ? {
                    font: {
                      ...(rule.fontColour ? { color: { argb: argb(rule.fontColour) } } : {}),
                      ...(rule.bold ? { bold: true } : {}),
                    },
                  }
                : {}),
            },
          };
    sheet.addConditionalFormatting({ ref: rectAddress(format.rect), rules: [excelRule] });
  });
}

/** A formula's cached text is read back like any text: escaped the same way (mirrored names). */
function cachedResult(result: string | number): string | number {
  return typeof result === "string" ? escapeExcelText(result) : result;
}

function toExcelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  switch (value.kind) {
    case "text":
      // Excel reads "_x0041_" in a file as "A": escaped so that every text comes back as written.
      return escapeExcelText(value.text);
    case "number":
      return value.value;
    case "formula":
      return (
        value.result === undefined
          ? { formula: value.formula }
          : {
              formula: value.formula,
              result:
                typeof value.result === "string" ? escapeExcelText(value.result) : value.result,
            }
      ) as ExcelJS.CellFormulaValue;
  }
}

const OUTLINE: Partial<ExcelJS.Border> = { style: "medium", color: { argb: "FF404040" } };

/** The sides of a cell that lie on the rectangle's edge get the outline; the others stay. */
function outlineEdges(cell: ExcelJS.Cell, rect: Rect, row: number, col: number): void {
  cell.border = {
    ...cell.border,
    ...(row === rect.row ? { top: OUTLINE } : {}),
    ...(row === rect.row + rect.rows - 1 ? { bottom: OUTLINE } : {}),
    ...(col === rect.col ? { left: OUTLINE } : {}),
    ...(col === rect.col + rect.cols - 1 ? { right: OUTLINE } : {}),
  };
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.fontSize || style.fontColour) {
    cell.font = {
      ...cell.font,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.fontColour ? { color: { argb: argb(style.fontColour) } } : {}),
    };
  }
  if (style.fill)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap || style.horizontal || style.vertical || style.rotateUp) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.rotateUp ? { textRotation: 90 } : {}),
    };
  }
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}
