/**
 * The plan as an .xlsx written in the browser, through ExcelJS's browser build: what the pane needs
 * for the client workbook (src/app/client-workbook.ts), fetched on first use. The command line and
 * the Node hosts write with the streaming writer (render.ts), which needs Node's zlib; both write the
 * same workbook from the same plan (test/unit/browser-render.test.ts reads both back).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Rect, rectAddress, sheetRef } from "../../layout/a1";
import {
  CellStyle,
  CellValue,
  ConditionalRule,
  DocumentProperties,
  SheetPlan,
  WorkbookPlan,
  DEFAULT_FONT,
} from "../../layout/plan";
import { pageBreaksXml, pageHeader, printTitleRanges } from "./page-setup";
import { fromR1C1 } from "../../layout/r1c1";
import { escapeExcelText } from "./xml";

const argb = (hex: string): string => "FF" + hex.replace("#", "").toUpperCase();

export interface WorkbookOptions {
  /**
   * Each cell of a fill gets its own formula text instead of one shared formula per fill: the
   * straightforward writing that `npm run bench` measures the product's writers against.
   */
  formulaPerCell?: boolean;
}

/**
 * The plan as .xlsx bytes: ExcelJS's workbook, with the column page breaks ExcelJS cannot write
 * (a sheet printed in bands of segments) put into its sheets' parts as the streaming writer
 * writes them, after the row breaks.
 */
export async function planToXlsxBytes(plan: WorkbookPlan): Promise<Uint8Array> {
  const written = new Uint8Array((await planToWorkbook(plan).xlsx.writeBuffer()) as ArrayBuffer);
  if (!plan.sheets.some((sheet) => (sheet.print.colBreaks ?? []).length > 0)) return written;
  const zip = await JSZip.loadAsync(written);
  for (const [i, sheet] of plan.sheets.entries()) {
    const breaks = pageBreaksXml("colBreaks", sheet.print.colBreaks ?? []);
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const file = zip.file(part);
    if (breaks === "" || !file) continue;
    zip.file(part, withColumnBreaks(await file.async("string"), breaks));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The sheet part's XML with `breaks` where SpreadsheetML orders them: before any drawing or table. */
function withColumnBreaks(xml: string, breaks: string): string {
  // After the cells: a cell's text holds no "<" of its own, but the search need not cross them.
  const from = xml.lastIndexOf("</sheetData>");
  const ends = ["<drawing", "<legacyDrawing", "<picture", "<tableParts", "<extLst", "</worksheet>"]
    .map((tag) => xml.indexOf(tag, from))
    .filter((at) => at >= 0);
  const at = Math.min(...ends);
  return xml.slice(0, at) + breaks + xml.slice(at);
}

export function planToWorkbook(
  plan: WorkbookPlan,
  workbook: ExcelJS.Workbook = new ExcelJS.Workbook(),
  options: WorkbookOptions = {}
): ExcelJS.Workbook {
  workbook.creator = "Segment Matrix";
  workbook.calcProperties.fullCalcOnLoad = true;
  if (plan.properties) renderProperties(workbook, plan.properties);
  const font = plan.font ?? DEFAULT_FONT;
  for (const sheetPlan of plan.sheets) renderSheet(workbook, sheetPlan, options, font);
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

function renderSheet(
  workbook: ExcelJS.Workbook,
  plan: SheetPlan,
  options: WorkbookOptions,
  font: string
): void {
  const titles = printTitleRanges(plan.print);
  const sheet = workbook.addWorksheet(plan.name, {
    properties: plan.tabColour ? { tabColor: { argb: argb(plan.tabColour) } } : {},
    pageSetup: {
      orientation: plan.print.landscape ? "landscape" : "portrait",
      fitToPage: plan.print.fitToOnePage,
      fitToWidth: 1,
      fitToHeight: 1,
      ...(plan.print.scale && !plan.print.fitToOnePage
        ? { scale: Math.round(plan.print.scale) }
        : {}),
      ...(titles.rows ? { printTitlesRow: titles.rows } : {}),
      ...(titles.cols ? { printTitlesColumn: titles.cols } : {}),
      paperSize: 9,
      ...(plan.print.area ? { printArea: rectAddress(plan.print.area) } : {}),
    },
    views: plan.freeze
      ? [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows, activeCell: "A1" }]
      : [{ state: "normal" }],
  });

  const header = pageHeader(plan.print, font);
  if (header) sheet.headerFooter.oddHeader = header;

  for (const { col, width, hidden } of plan.columnWidths) {
    sheet.getColumn(col).width = width;
    if (hidden) sheet.getColumn(col).hidden = true;
  }
  for (const { row, height } of plan.rowHeights ?? []) sheet.getRow(row).height = height;
  for (const row of plan.print.rowBreaks ?? []) sheet.getRow(row).addPageBreak();
  // Without style: mergeCells gives the other cells the first's style object itself, so that a
  // border set on one (a segment's outline, its edges per cell) would change them all.
  for (const merge of plan.merges ?? []) sheet.mergeCellsWithoutStyle(rectAddress(merge));

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
        // Every font names its face, as the streaming writer's do (ExcelJS would leave it out).
        if (value !== null) cell.font = { name: font, family: 2, size: 11 };
      })
    );
  }
  // One shared formula per fill: the file holds its text once, whatever the size.
  for (const { rect, formula, formulaR1C1, results } of plan.fills) {
    if (options.formulaPerCell) {
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.cols; j++) {
          const result = results?.[i]?.[j];
          sheet.getCell(rect.row + i, rect.col + j).value = toExcelValue({
            kind: "formula",
            formula: fromR1C1(formulaR1C1, rect.row + i, rect.col + j),
            ...(result === undefined ? {} : { result }),
          });
        }
    } else if (rect.rows === 1 && rect.cols === 1) {
      const result = results?.[0]?.[0];
      sheet.getCell(rect.row, rect.col).value = toExcelValue({
        kind: "formula",
        formula,
        ...(result === undefined ? {} : { result }),
      });
    } else {
      // Cached texts are escaped as every text is (a segment named "_x0041_" stays itself).
      const cached = results?.map((line) =>
        line.map((result) => (typeof result === "string" ? escapeExcelText(result) : result))
      );
      sheet.fillFormula(rectAddress(rect), formula, cached as number[][] | undefined);
    }
  }
  // Formula cells name their font too (the streaming writer gives every cell its font's name).
  for (const { rect } of plan.fills)
    for (let row = rect.row; row < rect.row + rect.rows; row++)
      for (let col = rect.col; col < rect.col + rect.cols; col++) {
        const cell = sheet.getCell(row, col);
        cell.font = { name: font, family: 2, size: 11 };
      }
  for (const { rect, style } of plan.styles) {
    for (let row = rect.row; row < rect.row + rect.rows; row++) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) {
        const cell = sheet.getCell(row, col);
        applyStyle(cell, style, font);
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

  // The rules of one range go in one element: LibreOffice applies only the first of several
  // elements over a cell (a colour scale would hide the palette's text rule), Excel applies all.
  const rulesByRange = new Map<string, ExcelJS.ConditionalFormattingRule[]>();
  const addRule = (ref: string, rule: ExcelJS.ConditionalFormattingRule): void => {
    rulesByRange.set(ref, [...(rulesByRange.get(ref) ?? []), rule]);
  };
  plan.conditionalFormats.forEach((format, index) => {
    const rule = format.rule;
    const priority = index + 1;
    if (rule.kind === "cellValue") {
      addRule(rectAddress(format.rect), cellValueRule(rule, priority));
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
              ...(rule.fontColour || rule.bold || rule.italic
                ? {
                    font: {
                      ...(rule.fontColour ? { color: { argb: argb(rule.fontColour) } } : {}),
                      ...(rule.bold ? { bold: true } : {}),
                      ...(rule.italic ? { italic: true } : {}),
                    },
                  }
                : {}),
              ...(rule.dottedBorder ? { border: dottedBorder(rule.dottedBorder) } : {}),
            },
          };
    addRule(rectAddress(format.rect), excelRule);
  });
  for (const [ref, rules] of rulesByRange) sheet.addConditionalFormatting({ ref, rules });
}

/** The document's core properties (File › Info; LibreOffice carries them into a PDF). */
function renderProperties(workbook: ExcelJS.Workbook, properties: DocumentProperties): void {
  workbook.title = properties.title;
  if (properties.subject) workbook.subject = properties.subject;
  if (properties.keywords) workbook.keywords = properties.keywords;
  workbook.created = properties.created;
  workbook.modified = properties.created;
  workbook.lastModifiedBy = workbook.creator;
}

/** "Cell value greater / less than": the text colour a palette asks for on its darkest fills. */
function cellValueRule(
  rule: Extract<ConditionalRule, { kind: "cellValue" }>,
  priority: number
): ExcelJS.ConditionalFormattingRule {
  return {
    type: "cellIs",
    priority,
    operator: rule.operator,
    formulae: [rule.value],
    style: { font: { color: { argb: argb(rule.fontColour) } } },
  };
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

/** A thin dotted line of the colour on every side (a hypothesis in the matrix). */
function dottedBorder(colour: string): Partial<ExcelJS.Borders> {
  const dotted: Partial<ExcelJS.Border> = { style: "dotted", color: { argb: argb(colour) } };
  return { top: dotted, left: dotted, bottom: dotted, right: dotted };
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

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, font: string): void {
  // Every styled cell names its face (ExcelJS would leave it out, or keep its Calibri default).
  const previous: Partial<ExcelJS.Font> = cell.font ?? {};
  const bold = style.bold ?? previous.bold;
  const italic = style.italic ?? previous.italic;
  const colour = style.fontColour ? { argb: argb(style.fontColour) } : previous.color;
  cell.font = {
    name: font,
    family: 2,
    size: style.fontSize ?? previous.size ?? 11,
    ...(bold ? { bold: true } : {}),
    ...(italic ? { italic: true } : {}),
    ...(colour ? { color: colour } : {}),
  };
  if (style.fill)
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.horizontal || style.vertical || style.rotateUp) {
    cell.alignment = {
      ...cell.alignment,
      // A later style's `wrap: false` undoes an earlier one's, as mergeStyles does.
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
      ...(style.rotateUp ? { textRotation: 90 } : {}),
    };
  }
  if (style.dottedBorder) {
    // A group's outline (medium) keeps its sides, as the streaming writer's edges do.
    const dotted = dottedBorder(style.dottedBorder);
    const kept = (side: "top" | "left" | "bottom" | "right") =>
      cell.border?.[side]?.style === "medium" ? cell.border[side] : dotted[side];
    cell.border = {
      top: kept("top"),
      left: kept("left"),
      bottom: kept("bottom"),
      right: kept("right"),
    };
  } else if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}
