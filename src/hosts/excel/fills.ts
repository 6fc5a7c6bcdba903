/**
 * A formula fill (one relative formula over a rectangle) through Office.js.
 *
 * ExcelApi 1.9: the top-left formula is written once, then `Range.copyFrom(source, "Formulas")`
 * fills the rest of the first row from that cell and the rows below from the first row. The
 * reference documents it: the formulas type "transfers the formulas in the source cells and
 * preserves the relative positioning of those formulas' ranges", and "if the destination range is an
 * exact multiple greater than the source range in either rows or columns, then the source content
 * is replicated". Source and destination never overlap. A build sends bytes, whatever the size.
 *
 * ExcelApi 1.8: every cell gets the same R1C1 text (`formulasR1C1`, 1.2), written in pieces that
 * fit the request budget: megabytes for a large matrix, but within Excel's limits.
 */
import { Rect, rectAddress } from "../../layout/a1";
import { FormulaFill } from "../../layout/plan";
import { RequestBudget } from "./budget";
import { writeInPieces } from "./chunks";
import { queue } from "./format";

export async function writeFill(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  fill: FormulaFill,
  copyFormulas: boolean
): Promise<void> {
  if (copyFormulas) await copyFill(budget, sheet, fill);
  else await writeR1C1(budget, sheet, fill);
}

async function copyFill(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  { rect, formula }: FormulaFill
): Promise<void> {
  const corner: Rect = { ...rect, rows: 1, cols: 1 };
  const firstRow: Rect = { ...rect, rows: 1 };
  const text = `=${formula}`;
  const source = await queue(budget, [rectAddress(corner), text], () => {
    const range = sheet.getRange(rectAddress(corner));
    range.formulas = [[text]];
    return range;
  });
  // The string "Formulas" is Excel.RangeCopyType.formulas: the enum exists only inside Office.
  if (rect.cols > 1) {
    const rest = rectAddress({ ...firstRow, col: rect.col + 1, cols: rect.cols - 1 });
    await queue(budget, [rest, "Formulas"], () =>
      sheet.getRange(rest).copyFrom(source, "Formulas")
    );
  }
  if (rect.rows > 1) {
    const from = rectAddress(firstRow);
    const below = rectAddress({ ...rect, row: rect.row + 1, rows: rect.rows - 1 });
    await queue(budget, [from, below, "Formulas"], () =>
      sheet.getRange(below).copyFrom(sheet.getRange(from), "Formulas")
    );
  }
}

async function writeR1C1(
  budget: RequestBudget,
  sheet: Excel.Worksheet,
  { rect, formulaR1C1 }: FormulaFill
): Promise<void> {
  const grid = Array.from({ length: rect.rows }, () =>
    new Array<string>(rect.cols).fill(`=${formulaR1C1}`)
  );
  await writeInPieces(budget, rect, grid, (piece) => {
    sheet.getRange(rectAddress(piece.rect)).formulasR1C1 = piece.values;
  });
}
