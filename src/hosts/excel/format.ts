/** Cell styles and sheet layout (widths, heights, freeze panes, tab colour, printing) through Office.js. */
import { Rect, columnLetters, rectAddress } from "../../layout/a1";
import { CellStyle, SheetPlan, StyledRange } from "../../layout/plan";
import { RequestBudget, jsonBytes } from "./budget";
import { writeInPieces } from "./chunks";

const BORDER_COLOUR = "#BFBFBF";
const OUTLINE_COLOUR = "#404040";
const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Queues one call after making room for its arguments in the current request. */
export async function queue<T>(budget: RequestBudget, payload: unknown, call: () => T): Promise<T> {
  await budget.reserve(jsonBytes(payload));
  return call();
}

/** The plan's widths are ExcelJS character widths; Office.js wants points (about 5.6 pt a character). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 5.6 + 4) * 100) / 100;
}

export async function applyStyle(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  { rect, style }: StyledRange
): Promise<void> {
  const address = rectAddress(rect);
  // The range is created with the first call, so that it travels in the same request.
  const range = await queue(budget, address, () => sheet.getRange(address));
  for (const [payload, call] of styleCalls(range, rect, style)) await queue(budget, payload, call);
  if (style.numberFormat) {
    const format = style.numberFormat;
    const grid = Array.from({ length: rect.rows }, () => new Array<string>(rect.cols).fill(format));
    await writeInPieces(budget, rect, grid, (piece) => {
      sheet.getRange(rectAddress(piece.rect)).numberFormat = piece.values;
    });
  }
}

function styleCalls(range: Excel.Range, rect: Rect, style: CellStyle): [unknown, () => void][] {
  const format = range.format;
  const calls: [unknown, () => void][] = [];
  if (style.bold) calls.push([true, () => (format.font.bold = true)]);
  if (style.italic) calls.push([true, () => (format.font.italic = true)]);
  if (style.fontSize) {
    const size = style.fontSize;
    calls.push([size, () => (format.font.size = size)]);
  }
  if (style.fontColour) {
    const colour = style.fontColour;
    calls.push([colour, () => (format.font.color = colour)]);
  }
  if (style.fill) {
    const fill = style.fill;
    calls.push([fill, () => (format.fill.color = fill)]);
  }
  if (style.wrap) calls.push([true, () => (format.wrapText = true)]);
  if (style.horizontal) {
    const alignment = HORIZONTAL[style.horizontal];
    calls.push([alignment, () => (format.horizontalAlignment = alignment)]);
  }
  if (style.vertical) {
    const alignment = VERTICAL[style.vertical];
    calls.push([alignment, () => (format.verticalAlignment = alignment)]);
  }
  if (style.rotateUp) calls.push([90, () => (format.textOrientation = 90)]);
  if (style.border || style.dottedBorder) {
    const edges: Excel.BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"].concat(
      rect.rows > 1 ? ["InsideHorizontal"] : [],
      rect.cols > 1 ? ["InsideVertical"] : []
    ) as Excel.BorderIndex[];
    const line = style.dottedBorder ? "Dot" : "Continuous";
    const colour = style.dottedBorder ?? BORDER_COLOUR;
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      calls.push([edge, () => (border.style = line)]);
      calls.push([colour, () => (border.color = colour)]);
    }
  }
  if (style.outline) {
    const edges: Excel.BorderIndex[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ] as Excel.BorderIndex[];
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      calls.push([edge, () => (border.style = "Continuous")]);
      calls.push(["Medium", () => (border.weight = "Medium")]);
      calls.push([OUTLINE_COLOUR, () => (border.color = OUTLINE_COLOUR)]);
    }
  }
  return calls;
}

/** Widths (runs of equal widths in one call), heights, freeze panes, tab colour and printing. */
export async function applyLayout(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  pageLayout: boolean
): Promise<void> {
  for (const run of widthRuns(plan.columnWidths)) {
    const points = columnWidthPoints(run.width);
    const address = `${columnLetters(run.first)}:${columnLetters(run.last)}`;
    await queue(budget, [address, points], () => {
      sheet.getRange(address).format.columnWidth = points;
    });
    if (run.hidden) {
      await queue(budget, [address, true], () => {
        sheet.getRange(address).columnHidden = true;
      });
    }
  }
  for (const { row, height } of plan.rowHeights ?? []) {
    await queue(budget, [row, height], () => {
      sheet.getRange(`${row}:${row}`).format.rowHeight = height;
    });
  }
  for (const merge of plan.merges ?? []) {
    const address = rectAddress(merge);
    await queue(budget, address, () => sheet.getRange(address).merge(false));
  }
  const freeze = plan.freeze;
  if (freeze && freeze.rows > 0 && freeze.cols > 0) {
    const corner = rectAddress({ row: 1, col: 1, rows: freeze.rows, cols: freeze.cols });
    await queue(budget, corner, () => sheet.freezePanes.freezeAt(corner));
  } else if (freeze && freeze.rows > 0) {
    await queue(budget, freeze.rows, () => sheet.freezePanes.freezeRows(freeze.rows));
  } else if (freeze && freeze.cols > 0) {
    await queue(budget, freeze.cols, () => sheet.freezePanes.freezeColumns(freeze.cols));
  }
  if (plan.tabColour) {
    const colour = plan.tabColour;
    await queue(budget, colour, () => (sheet.tabColor = colour));
  }
  if (pageLayout) {
    const orientation = plan.print.landscape ? "Landscape" : "Portrait";
    await queue(budget, orientation, () => (sheet.pageLayout.orientation = orientation));
    if (plan.print.fitToOnePage) {
      const zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      await queue(budget, zoom, () => (sheet.pageLayout.zoom = zoom));
    }
    const { scale, titleRows, titleCols, header } = plan.print;
    if (scale && !plan.print.fitToOnePage) {
      const zoom = { scale };
      await queue(budget, zoom, () => (sheet.pageLayout.zoom = zoom));
    }
    if (titleRows) {
      const rows = `$${titleRows.first}:$${titleRows.last}`;
      await queue(budget, rows, () => sheet.pageLayout.setPrintTitleRows(rows));
    }
    if (titleCols) {
      const cols = `$${columnLetters(titleCols.first)}:$${columnLetters(titleCols.last)}`;
      await queue(budget, cols, () => sheet.pageLayout.setPrintTitleColumns(cols));
    }
    if (header !== undefined) {
      const left = header.replace(/&/g, "&&");
      await queue(budget, left, () => {
        sheet.pageLayout.headersFooters.defaultForAllPages.leftHeader = left;
      });
    }
    if (plan.print.area) {
      const area = rectAddress(plan.print.area);
      await queue(budget, area, () => sheet.pageLayout.setPrintArea(area));
    }
  }
}

interface WidthRun {
  first: number;
  last: number;
  width: number;
  hidden: boolean;
}

function widthRuns(widths: SheetPlan["columnWidths"]): WidthRun[] {
  const sorted = [...widths].sort((a, b) => a.col - b.col);
  const runs: WidthRun[] = [];
  for (const { col, width, hidden = false } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.last + 1 === col && last.width === width && last.hidden === hidden)
      last.last = col;
    else runs.push({ first: col, last: col, width, hidden });
  }
  return runs;
}
