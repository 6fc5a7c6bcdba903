/**
 * The declarative workbook plan: what every host (Office.js, ExcelJS, the preview) renders.
 * Pure data; no host knowledge. Formulas are written without the leading "=".
 */
import { Language } from "../method/levels";
import { Rect } from "./a1";

export type CellValue =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  /** `result`: the value the formula computes when written, stored as the file's cached value so
   *  that viewers which do not calculate (previews, mail clients) show the right thing. */
  | { kind: "formula"; formula: string; result?: string | number }
  | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColour?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Thin border around every cell of the range. */
  border?: boolean;
  /**
   * A thin dotted border of this colour around every cell, in place of `border`'s (a hypothesis in
   * the matrix, docs/method.md §3.3).
   */
  dottedBorder?: string;
  /** A medium dark border around the range as a whole (a group of columns). */
  outline?: boolean;
  /**
   * Medium dark borders on these sides of every cell of the range: how a host that styles cell by
   * cell draws an outline (see `outlineEdges`).
   */
  edges?: readonly Edge[];
  numberFormat?: string;
  /** Rotate text up (column headers of long names). */
  rotateUp?: boolean;
}

export type Edge = "top" | "bottom" | "left" | "right";

/** An outlined range as the ranges of its edges, each with the side to draw (top row: top…). */
export function outlineEdges(rect: Rect): { rect: Rect; edge: Edge }[] {
  const { row, col, rows, cols } = rect;
  return [
    { rect: { row, col, rows: 1, cols }, edge: "top" },
    { rect: { row: row + rows - 1, col, rows: 1, cols }, edge: "bottom" },
    { rect: { row, col, rows, cols: 1 }, edge: "left" },
    { rect: { row, col: col + cols - 1, rows, cols: 1 }, edge: "right" },
  ];
}

/** A rectangle of values written in one go (a 2-D array for Office.js). */
export interface ValueBlock {
  row: number;
  col: number;
  values: CellValue[][];
}

/**
 * One relative formula over a rectangle, as Excel's fill-down makes it: written in the top-left cell
 * and filled over the rest, its relative references shifting cell by cell. Hosts send it once, not
 * once per cell (a shared formula in a file, a copy or one R1C1 text in Excel).
 */
export interface FormulaFill {
  rect: Rect;
  /** The top-left cell's formula, A1 notation, without "=". */
  formula: string;
  /** The same formula in R1C1 notation: the text of every cell of the rectangle. */
  formulaR1C1: string;
  /** What each cell computes when written (row by row), stored as the file's cached values. */
  results?: (string | number)[][];
}

export interface StyledRange {
  rect: Rect;
  style: CellStyle;
}

export type ValidationRule =
  | { kind: "list"; source: string[] }
  | { kind: "listRange"; formula: string }
  | { kind: "decimal"; min: number; max: number };

export interface ValidationPlan {
  rect: Rect;
  rule: ValidationRule;
  prompt?: { title: string; message: string };
  error: { title: string; message: string };
}

export type ConditionalRule =
  | { kind: "colourScale"; stops: readonly { value: number; colour: string }[] }
  /**
   * Formula relative to the top-left cell of the range. `holds`: where the rule holds when written
   * (row by row), as fills keep their results, so that an export can fix its look in the cells.
   */
  | {
      kind: "formula";
      formula: string;
      fill?: string;
      fontColour?: string;
      bold?: boolean;
      italic?: boolean;
      /** A thin dotted border of this colour around each cell where the rule holds. */
      dottedBorder?: string;
      holds?: boolean[][];
    }
  /** The cell's own value compared with a number (Excel's "Cell value greater than…"). */
  | {
      kind: "cellValue";
      operator: "greaterThan" | "lessThan";
      value: number;
      fontColour: string;
    };

export interface ConditionalFormatPlan {
  rect: Rect;
  rule: ConditionalRule;
}

export interface TablePlan {
  name: string;
  /** Header row included. */
  rect: Rect;
  headers: string[];
  style: string;
}

/** Which sheet of the method a sheet plan is: derived from the registry's list of sheets. */
export type { SheetRole } from "./registry";
import type { SheetRole } from "./registry";

export interface SheetPlan {
  role: SheetRole;
  name: string;
  tabColour?: string;
  blocks: ValueBlock[];
  /** Written after the blocks. */
  fills: FormulaFill[];
  styles: StyledRange[];
  /** Widths in characters; `hidden` columns hold helpers that would confuse the reader. */
  columnWidths: { col: number; width: number; hidden?: boolean }[];
  rowHeights?: { row: number; height: number }[];
  /**
   * Cells merged into one, the value in the top-left one: a sentence that wraps across the
   * sheet's width (client exports, print-fit.ts).
   */
  merges?: Rect[];
  freeze?: { rows: number; cols: number };
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  tables: TablePlan[];
  print: PrintSetup;
}

/**
 * How a sheet prints (A4 always). `fitToOnePage` shrinks the sheet to one page whatever its size;
 * without it, `scale` (percent) sets the size and a sheet larger than a page continues on the next
 * ones, repeating `titleRows` at the top and `titleCols` at the left of each. `header` is printed
 * at the top of every page (the study's title in a client export). `area`, when set, is what
 * prints (else the cells in use).
 */
export interface PrintSetup {
  landscape: boolean;
  fitToOnePage: boolean;
  scale?: number;
  /** First and last row (1-based) repeated at the top of every page. */
  titleRows?: { first: number; last: number };
  /** First and last column (1-based) repeated at the left of every page. */
  titleCols?: { first: number; last: number };
  header?: string;
  area?: Rect;
  /**
   * Rows (1-based) after which a new page starts, chosen by the export so that every page is a
   * band as wide as the sheet's content (print-fit.ts); else the spreadsheet breaks where it fills.
   */
  rowBreaks?: number[];
  /**
   * Columns (1-based) after which a new page starts: a sheet printed in bands of segments, each
   * page an even share of them beside the repeated `titleCols` (print-fit.ts).
   */
  colBreaks?: number[];
}

export interface NamePlan {
  name: string;
  sheet: string;
  rect: Rect;
}

/** The document's properties (File › Info in Excel, the PDF's title). */
export interface DocumentProperties {
  title: string;
  subject?: string;
  /** Also what tells a client export from other files (see layout/export.ts). */
  keywords?: string;
  created: Date;
}

export interface WorkbookPlan {
  language: Language;
  sheets: SheetPlan[];
  names: NamePlan[];
  activeSheet: SheetRole;
  properties?: DocumentProperties;
  /** The font every cell is drawn in, named in every font of the file (default DEFAULT_FONT). */
  font?: string;
}

/** Excel's default body font: the working workbook's. */
export const DEFAULT_FONT = "Calibri";

export const text = (value: string): CellValue => ({ kind: "text", text: value });
export const num = (value: number): CellValue => ({ kind: "number", value });
export const formula = (value: string, result?: string | number): CellValue =>
  result === undefined
    ? { kind: "formula", formula: value }
    : { kind: "formula", formula: value, result };
