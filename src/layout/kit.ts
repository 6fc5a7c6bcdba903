/** What every sheet module shares: colours, styles, and small helpers to plan and read cells. */
import { Kind, Language } from "../method/levels";
import { BLACK_TEXT, Palette, WHITE_TEXT } from "../method/colour";
import { Location } from "../messages";
import { Rect, cellAddress, sheetRef } from "./a1";
import { GridValue, SheetGrid, WorkbookGrids, cellAt, cellText } from "./grids";
import { CellStyle, CellValue, SheetPlan, SheetRole, text } from "./plan";
import { toR1C1 } from "./r1c1";

export const COLOURS = {
  header: "#D9E1F2",
  input: "#FFF9E6",
  flagFill: "#FFC7CE",
  flagText: "#9C0006",
  title: "#1F3864",
} as const;

export const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14, fontColour: COLOURS.title };
export const NOTE_STYLE: CellStyle = { italic: true, fontColour: "#404040" };

export function emptySheet(role: SheetRole, name: string, tabColour: string): SheetPlan {
  return {
    role,
    name,
    tabColour,
    blocks: [],
    fills: [],
    styles: [],
    columnWidths: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    print: { landscape: true, fitToOnePage: true },
  };
}

export function rect(row: number, col: number, rows = 1, cols = 1): Rect {
  return { row, col, rows, cols };
}

/** Writes a rectangle of values (skipped when empty). */
export function put(sheet: SheetPlan, row: number, col: number, values: CellValue[][]): void {
  if (values.length > 0 && values[0].length > 0) sheet.blocks.push({ row, col, values });
}

/**
 * Fills a rectangle with one relative formula, given as the top-left cell's; `results` are what each
 * cell computes when written (row by row).
 */
export function fill(
  sheet: SheetPlan,
  area: Rect,
  formula: string,
  results?: (string | number)[][]
): void {
  if (area.rows <= 0 || area.cols <= 0) return;
  sheet.fills.push({
    rect: area,
    formula,
    formulaR1C1: toR1C1(formula, area.row, area.col),
    ...(results ? { results } : {}),
  });
}

export function style(sheet: SheetPlan, area: Rect, cellStyle: CellStyle): void {
  if (area.rows > 0 && area.cols > 0) sheet.styles.push({ rect: area, style: cellStyle });
}

/**
 * Scores coloured live by the palette's scale, and white text where its rule says black would not
 * read (a "cell value" rule: the same thresholds as `textColour`, so the workbook and the exports agree).
 */
export function scoreColours(sheet: SheetPlan, area: Rect, palette: Palette): void {
  if (area.rows <= 0 || area.cols <= 0) return;
  sheet.conditionalFormats.push({
    rect: area,
    rule: { kind: "colourScale", stops: palette.stops },
  });
  const { whiteTextAbove, whiteTextBelow } = palette.text;
  if (whiteTextAbove !== undefined)
    sheet.conditionalFormats.push({
      rect: area,
      rule: {
        kind: "cellValue",
        operator: "greaterThan",
        value: whiteTextAbove,
        fontColour: WHITE_TEXT,
      },
    });
  if (whiteTextBelow !== undefined)
    sheet.conditionalFormats.push({
      rect: area,
      rule: {
        kind: "cellValue",
        operator: "lessThan",
        value: whiteTextBelow,
        fontColour: WHITE_TEXT,
      },
    });
}

/**
 * The fixed font colour of scored cells: black where the palette reads in black throughout; none
 * where its rule turns some white, since a fixed colour would win over the rule in LibreOffice
 * (Excel lets the rule win either way).
 */
export function scoreFont(palette: Palette): Pick<CellStyle, "fontColour"> {
  const { whiteTextAbove, whiteTextBelow } = palette.text;
  return whiteTextAbove === undefined && whiteTextBelow === undefined
    ? { fontColour: BLACK_TEXT }
    : {};
}

/** A sheet's title and its line of instructions, in rows 1 and 2. */
export function heading(sheet: SheetPlan, title: string, instructions: string): void {
  put(sheet, 1, 1, [[text(title)]]);
  style(sheet, rect(1, 1), TITLE_STYLE);
  put(sheet, 2, 1, [[text(instructions)]]);
  style(sheet, rect(2, 1), NOTE_STYLE);
}

/** A kind's label in the workbook's language (a canonical value not found is shown as it is). */
export function kindLabel(
  kinds: readonly Kind[],
  canonical: string | undefined,
  language: Language
): CellValue {
  if (!canonical) return null;
  const kind = kinds.find((k) => k.canonical === canonical);
  return text(kind ? kind[language] : canonical);
}

/** The text a cell value shows (for the results stored with formulas). */
export function shownText(value: CellValue): string {
  return value?.kind === "text" ? value.text : "";
}

// Reading.

export function where(grid: SheetGrid, row: number, col: number): Location {
  return { sheet: grid.name, cell: cellAddress(row, col) };
}

/** The sheet and the top-left cell of a defined name, when both are in the workbook. */
export function namedArea(
  grids: WorkbookGrids,
  name: string
): { grid: SheetGrid; rect: Rect } | undefined {
  const named = grids.names.find((n) => n.name === name);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  return named && grid ? { grid, rect: named.rect } : undefined;
}

/**
 * The text of the cell at `index` (from 0) of a defined name that is one row or one column; "" when
 * the name, its sheet or the cell is missing, or the index is past the name's end (where INDEX would
 * give #REF!).
 */
export function namedItemText(grids: WorkbookGrids, name: string, index: number): string {
  const area = namedArea(grids, name);
  if (!area || index < 0) return "";
  const { grid, rect } = area;
  const alongRow = rect.rows === 1;
  if (index >= (alongRow ? rect.cols : rect.rows)) return "";
  return cellText(
    alongRow ? cellAt(grid, rect.row, rect.col + index) : cellAt(grid, rect.row + index, rect.col)
  );
}

/**
 * The cell at `index` (from 0) of a defined name that is one row or one column, as "'Sheet'!B5": where
 * the consultant types what another sheet mirrors (an offering, a segment's name). Undefined past
 * the name's end.
 */
export function namedItemAddress(
  grids: WorkbookGrids,
  name: string,
  index: number
): string | undefined {
  const area = namedArea(grids, name);
  if (!area || index < 0) return undefined;
  const { rect } = area;
  const alongRow = rect.rows === 1;
  if (index >= (alongRow ? rect.cols : rect.rows)) return undefined;
  const address = alongRow
    ? cellAddress(rect.row, rect.col + index)
    : cellAddress(rect.row + index, rect.col);
  return sheetRef(area.grid.name, address);
}

/**
 * A label that a formula mirrors from another cell (a segment's name, a clientèle's): the value the
 * spreadsheet computed or, where the file holds none (a workbook saved by a program that does not
 * calculate, such as a script editing the file), the cell it mirrors, found by position as the
 * formula finds it. Without this, a mark beside such a label would read as a mark without a name.
 */
export function mirroredText(shown: GridValue, source: () => string): string {
  const text = cellText(shown);
  return text.trim() !== "" ? text : source();
}
