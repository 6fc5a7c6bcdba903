/**
 * The reference of `npm run bench`: a straightforward ExcelJS writer of the same workbook as a real
 * build. It takes the same plan and writes it the obvious way: an in-memory ExcelJS.Workbook filled
 * cell by cell, one formula text per cell (no shared formulas), one style object per cell, then
 * validations, conditional formats, the table, names and printing — only the way of writing differs
 * from the CLI's streaming writer. test/unit/bench-reference.test.ts checks that ExcelJS reads the
 * same workbook from both.
 *
 *   node dist-bench/reference.js STUDY.json OUT.xlsx
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { buildPlan } from "../src/layout";
import { Rect, columnLetters, rectAddress, sheetRef } from "../src/layout/a1";
import { CellStyle, CellValue, SheetPlan, WorkbookPlan } from "../src/layout/plan";
import { Study } from "../src/method/study";
import { validateStudy } from "../src/method/validate";

const argb = (hex: string): string => "FF" + hex.replace("#", "").toUpperCase();
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const OUTLINE: Partial<ExcelJS.Border> = { style: "medium", color: { argb: "FF404040" } };

/**
 * The A1 text of an R1C1 formula in the cell (row, col): what a writer without shared formulas
 * must send for every cell of a fill. Written for the bench (the layout writes A1 once).
 */
function a1At(formulaR1C1: string, row: number, col: number): string {
  const token =
    /"(?:[^"]|"")*"|'(?:[^']|'')*'!|(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_.(])/g;
  return formulaR1C1.replace(token, (whole, r?: string, c?: string) => {
    if (whole.startsWith('"') || whole.startsWith("'")) return whole;
    const part = (spec: string | undefined, here: number): [number, boolean] =>
      spec === undefined
        ? [here, false]
        : spec.startsWith("[")
          ? [here + Number(spec.slice(1, -1)), false]
          : [Number(spec), true];
    const [refRow, rowAbs] = part(r, row);
    const [refCol, colAbs] = part(c, col);
    return `${colAbs ? "$" : ""}${columnLetters(refCol)}${rowAbs ? "$" : ""}${refRow}`;
  });
}

/** Excel reads "_x0041_" in a file as "A": escaped so that every text comes back as written. */
const escaped = (text: string): string =>
  text.includes("_x") ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : text;

function cellValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  switch (value.kind) {
    case "text":
      return escaped(value.text);
    case "number":
      return value.value;
    case "formula":
      return (
        value.result === undefined
          ? { formula: value.formula }
          : {
              formula: value.formula,
              result: typeof value.result === "string" ? escaped(value.result) : value.result,
            }
      ) as ExcelJS.CellFormulaValue;
  }
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
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

/** The sides of a cell on an outlined rectangle's edge get the outline; the others stay. */
function outline(cell: ExcelJS.Cell, rect: Rect, row: number, col: number): void {
  cell.border = {
    ...cell.border,
    ...(row === rect.row ? { top: OUTLINE } : {}),
    ...(row === rect.row + rect.rows - 1 ? { bottom: OUTLINE } : {}),
    ...(col === rect.col ? { left: OUTLINE } : {}),
    ...(col === rect.col + rect.cols - 1 ? { right: OUTLINE } : {}),
  };
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const sheet = workbook.addWorksheet(plan.name, {
    properties: plan.tabColour ? { tabColor: { argb: argb(plan.tabColour) } } : {},
    pageSetup: {
      orientation: plan.print.landscape ? "landscape" : "portrait",
      fitToPage: plan.print.fitToOnePage,
      fitToWidth: 1,
      fitToHeight: 1,
      paperSize: 9,
      ...(plan.print.area ? { printArea: rectAddress(plan.print.area) } : {}),
    },
    views: plan.freeze
      ? [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows, activeCell: "A1" }]
      : [{ state: "normal" }],
  });
  for (const { col, width, hidden } of plan.columnWidths) {
    const column = sheet.getColumn(col);
    column.width = width;
    if (hidden) column.hidden = true;
  }
  for (const { row, height } of plan.rowHeights ?? []) sheet.getRow(row).height = height;
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
  for (const block of plan.blocks)
    block.values.forEach((line, i) =>
      line.forEach((value, j) => {
        sheet.getCell(block.row + i, block.col + j).value = cellValue(value);
      })
    );
  for (const { rect, formulaR1C1, results } of plan.fills)
    for (let i = 0; i < rect.rows; i++)
      for (let j = 0; j < rect.cols; j++) {
        const result = results?.[i]?.[j];
        const formula = a1At(formulaR1C1, rect.row + i, rect.col + j);
        sheet.getCell(rect.row + i, rect.col + j).value = cellValue({
          kind: "formula",
          formula,
          ...(result === undefined ? {} : { result }),
        });
      }
  for (const { rect, style } of plan.styles)
    for (let row = rect.row; row < rect.row + rect.rows; row++)
      for (let col = rect.col; col < rect.col + rect.cols; col++) {
        const cell = sheet.getCell(row, col);
        applyStyle(cell, style);
        if (style.outline) outline(cell, rect, row, col);
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
  plan.conditionalFormats.forEach(({ rect, rule }, index) => {
    const priority = index + 1;
    if (rule.kind === "cellValue") {
      // The palette's text rule (issue 8): "cell value greater / less than", white text.
      sheet.addConditionalFormatting({
        ref: rectAddress(rect),
        rules: [
          {
            type: "cellIs",
            priority,
            operator: rule.operator,
            formulae: [rule.value],
            style: { font: { color: { argb: argb(rule.fontColour) } } },
          },
        ],
      });
      return;
    }
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
    sheet.addConditionalFormatting({ ref: rectAddress(rect), rules: [excelRule] });
  });
}

export function planWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Segment Matrix";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) writeSheet(workbook, sheet);
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

/** The reference workbook of a study: its plan, written the straightforward way. */
export function referenceWorkbook(study: Study): ExcelJS.Workbook {
  return planWorkbook(buildPlan(study));
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
