/**
 * The cross-table geometry that the tick table and the score matrix share, so that the same pair
 * sits at the same address on both: names across, needs down, one cell per pair.
 */
import { Rect } from "../a1";
import { COLOURS, rect, style } from "../kit";
import { CellStyle, SheetPlan } from "../plan";

export const GRID = {
  titleRow: 1,
  instructionsRow: 2,
  /** A line of help on the tick table; the group labels of segments on the matrix. */
  helpRow: 3,
  typeRow: 4,
  headerRow: 5,
  firstRow: 6,
  nameCol: 1,
  typeCol: 2,
  firstCol: 3,
} as const;

/** Where the rows and columns of a cross table sit, from the top-left cell of its body. */
export function crossTableFrom(body: Pick<Rect, "row" | "col">): {
  typeRow: number;
  headerRow: number;
  nameCol: number;
  typeCol: number;
} {
  return {
    typeRow: body.row - (GRID.firstRow - GRID.typeRow),
    headerRow: body.row - (GRID.firstRow - GRID.headerRow),
    nameCol: body.col - (GRID.firstCol - GRID.nameCol),
    typeCol: body.col - (GRID.firstCol - GRID.typeCol),
  };
}

export const CLIENTELE_WIDTH = 15;

/** Kinds above the clientèle names: small and wrapped, so "bénéficiaire indirect" fits its column. */
export const TYPE_STYLE: CellStyle = {
  italic: true,
  fontSize: 8,
  wrap: true,
  horizontal: "center",
  vertical: "middle",
};

export const HEADER_ROWS = [
  { row: GRID.typeRow, height: 24 },
  { row: GRID.headerRow, height: 78 },
];

const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: COLOURS.header,
  border: true,
  wrap: true,
  vertical: "middle",
};

/** Clientèle names across, need names and kinds down: the same on the tick table and the matrix. */
export function styleNameHeaders(
  sheet: SheetPlan,
  cols: number,
  rows: number,
  typeFill?: string
): void {
  style(sheet, rect(GRID.headerRow, GRID.nameCol, 1, 2 + cols), {
    ...HEADER_STYLE,
    horizontal: "center",
  });
  // No wrapping in body rows: their heights are not fitted when the file opens, so wrapped text
  // would spill over the next row.
  style(sheet, rect(GRID.firstRow, GRID.nameCol, rows, 1), {
    bold: true,
    border: true,
    fill: COLOURS.header,
    vertical: "middle",
  });
  style(sheet, rect(GRID.firstRow, GRID.typeCol, rows, 1), {
    italic: true,
    border: true,
    vertical: "middle",
    ...(typeFill ? { fill: typeFill } : {}),
  });
}

/** Column widths and frozen panes of a cross table with `cols` clientèle columns. */
export function crossTableLayout(sheet: SheetPlan, cols: number): void {
  sheet.columnWidths.push({ col: GRID.nameCol, width: 36 }, { col: GRID.typeCol, width: 16 });
  for (let col = GRID.firstCol; col < GRID.firstCol + cols; col++)
    sheet.columnWidths.push({ col, width: CLIENTELE_WIDTH });
  sheet.rowHeights = HEADER_ROWS;
  sheet.freeze = { rows: GRID.headerRow, cols: GRID.typeCol };
}
