/**
 * A client sheet fitted for print: spreadsheets do not size rows for wrapped text when a file is
 * opened (LibreOffice prints the heights the file says), so the export sizes them itself. From the
 * texts and their styles: columns at least as wide as their longest word (never a word split),
 * rows high enough for their wrapped lines, rotated headers tall enough, a scale that keeps the
 * text readable on A4 landscape (a wider sheet continues on the next page, its title rows and
 * columns repeated) and the study's title in every page's header.
 *
 * Widths are estimated from the export font's advances (DejaVu Sans, `EXPORT_FONT`), on the wide
 * side; the suite measures the printed words (test/e2e/client-pdf.test.ts).
 */
import { CellStyle, PrintSetup, SheetPlan, StyledRange } from "./plan";
import { formatNumber, formatWithNumberFormat } from "../i18n/numbers";

/** The font of every client export: it has ✓ ⊞ ✗, and LibreOffice installs it. */
export const EXPORT_FONT = "DejaVu Sans";

/**
 * Symbols of the add-in's own texts that the export font lacks, and the glyph it has that stands
 * for each: 📊 (the check-list's "to analyse") would print blank or from an emoji font's bitmap, so
 * the export writes ▥, a square of bars.
 */
export const PRINTED_SYMBOLS: ReadonlyMap<string, string> = new Map([["📊", "▥"]]);

/** The text with each symbol the export font lacks replaced by its printed glyph. */
export function printedText(text: string): string {
  let printed = text;
  for (const [symbol, glyph] of PRINTED_SYMBOLS) printed = printed.split(symbol).join(glyph);
  return printed;
}

/** A4 landscape, less the 0.7 in margins on each side, in points. */
const PRINTABLE_WIDTH = 842 - 2 * 0.7 * 72;
/** A4 landscape, less the 0.75 in margins at the top and the bottom. */
const PRINTABLE_HEIGHT = 595 - 2 * 0.75 * 72;
/** A row the sheet leaves at its default height. */
const DEFAULT_ROW = 15;
/**
 * Below this scale, text set at 11 pt prints too small (its words' boxes under 10 pt): a sheet
 * wider than that continues on more pages instead, its title columns repeated.
 */
export const MIN_SCALE = 75;
const DEFAULT_SIZE = 11;
const DEFAULT_SIZE_POINTS = 11;

/**
 * A column's width is counted in digits of the workbook's default font (11 pt DejaVu Sans: a
 * digit is 0.636 em, 7 pt) plus 5 pixels of padding, as Excel and LibreOffice convert it.
 */
const DIGIT = 0.636 * DEFAULT_SIZE_POINTS;
const COLUMN_PADDING = 5 * 0.75;
/** Calibri's digit at 11 pt: 7 pixels. */
const CALIBRI_DIGIT = 7 * 0.75;

export function columnPoints(width: number): number {
  return width * DIGIT + COLUMN_PADDING;
}

function columnChars(points: number): number {
  return Math.ceil(((points - COLUMN_PADDING) / DIGIT) * 4) / 4;
}

const NARROW = new Set([..."iljt'.,:;!|()[] fr-/"]);
const WIDE = new Set([..."mwMWÉÈ@%&«»—"]);

/** The advance of a text in points, on the wide side of DejaVu Sans's. */
export function textPoints(value: string, style: CellStyle): number {
  const size = style.fontSize ?? DEFAULT_SIZE;
  let em = 0;
  for (const char of value) {
    if (NARROW.has(char)) em += 0.34;
    else if (WIDE.has(char) || (char >= "A" && char <= "Z")) em += 0.76;
    else if (char.codePointAt(0)! > 0x2000) em += 1.0;
    else em += 0.6;
  }
  // 5 % to spare: the estimate must not fall short of what LibreOffice draws.
  return em * size * (style.bold ? 1.12 : 1) * 1.05;
}

/** A line's height in points (DejaVu Sans's ascent and descent, plus the cell's padding). */
export function lineHeight(style: CellStyle): number {
  return (style.fontSize ?? DEFAULT_SIZE) * 1.3;
}

const PADDING = 6;
/** Excel's tallest row, in points. */
const MAX_ROW = 409;
/** How long a turned-up header may run before it takes one more line. */
const TURNED_LENGTH = 150;

/** The lines a turned-up text takes: two when wrapped, more for a very long name. */
function turnedLines(cell: { text: string; style: CellStyle }): number {
  if (!cell.style.wrap) return 1;
  return Math.max(2, Math.ceil((textPoints(cell.text, cell.style) * 1.12) / TURNED_LENGTH));
}

/** The lines a text wraps into within `width` points, word by word. */
export function wrappedLines(value: string, style: CellStyle, width: number): number {
  let lines = 0;
  for (const paragraph of value.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(" ").filter(Boolean)) {
      const advance = textPoints(word, style);
      const space = line > 0 ? textPoints(" ", style) : 0;
      if (line > 0 && line + space + advance > width) {
        lines++;
        line = advance;
      } else line += space + advance;
    }
  }
  return lines;
}

interface Cell {
  text: string;
  style: CellStyle;
}

function cells(sheet: SheetPlan): Map<number, Map<number, Cell>> {
  const styleAt = new Map<string, CellStyle>();
  for (const { rect, style } of sheet.styles as StyledRange[])
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        const key = `${r},${c}`;
        styleAt.set(key, { ...styleAt.get(key), ...style });
      }
  const grid = new Map<number, Map<number, Cell>>();
  for (const block of sheet.blocks)
    block.values.forEach((line, i) =>
      line.forEach((value, j) => {
        if (value === null || value.kind === "formula") return;
        const row = block.row + i;
        const col = block.col + j;
        const style = styleAt.get(`${row},${col}`) ?? {};
        // A number as its format shows it (a currency makes it wider), with room to spare: two
        // spaces' worth, one when the format adds a text of its own (the competition's " C3"),
        // whose letters the estimate already counts wide.
        const spare = style.numberFormat?.includes('"') ? " " : "  ";
        const text =
          value.kind === "text"
            ? value.text
            : ((style.numberFormat &&
                formatWithNumberFormat(value.value, style.numberFormat, "fr")) ||
                formatNumber(value.value, "fr")) + spare;
        if (text === "") return;
        const cellsOfRow = grid.get(row) ?? new Map<number, Cell>();
        cellsOfRow.set(col, { text, style });
        grid.set(row, cellsOfRow);
      })
    );
  return grid;
}

export interface FitOptions {
  title: string;
  titleRows?: { first: number; last: number };
  titleCols?: { first: number; last: number };
}

/** The sheet with its widths, heights and page setup fitted for print. */
export function fitForPrint(sheet: SheetPlan, options: FitOptions): SheetPlan {
  const grid = cells(sheet);
  const widths = new Map<number, number>();
  // The sheets' widths are counted in Calibri's digits (the working workbook's font): as wide
  // in points, then widened where the texts need it.
  for (const { col, width, hidden } of sheet.columnWidths)
    if (!hidden) widths.set(col, width * CALIBRI_DIGIT + COLUMN_PADDING);
  const hidden = new Set(sheet.columnWidths.filter((c) => c.hidden).map((c) => c.col));
  const widen = (col: number, points: number): void => {
    if (!hidden.has(col) && points > (widths.get(col) ?? columnPoints(8.43)))
      widths.set(col, points);
  };
  // Columns: the longest word of a wrapped text; the whole text of one that cannot spill over a
  // filled neighbour; a rotated text's lines side by side.
  const lastInRow: { row: number; col: number; cell: Cell }[] = [];
  for (const [row, line] of grid)
    for (const [col, cell] of line) {
      if (cell.style.rotateUp) {
        widen(col, turnedLines(cell) * lineHeight(cell.style) + PADDING);
        continue;
      }
      if (cell.style.wrap) {
        const longest = Math.max(...cell.text.split(/\s+/).map((w) => textPoints(w, cell.style)));
        widen(col, longest + PADDING);
      } else if (
        cell.style.horizontal === "center" ||
        cell.style.horizontal === "right" ||
        // In a bordered table a name stays inside its cell (the conquest order's names).
        cell.style.border
      ) {
        widen(col, textPoints(cell.text, cell.style) + PADDING);
      } else {
        // Spilling to the right is fine up to the next filled cell: short of room, the text's
        // own column takes what is missing.
        const next = [...line.keys()].filter((c) => c > col).sort((a, b) => a - b)[0];
        if (next === undefined) {
          lastInRow.push({ row, col, cell });
          continue;
        }
        const spanned: number[] = [];
        for (let c = col; c < next; c++) if (!hidden.has(c)) spanned.push(c);
        const room = spanned.reduce((sum, c) => sum + (widths.get(c) ?? columnPoints(8.43)), 0);
        // Bold labels run a little wider than the estimate: 5 % more room.
        const missing = textPoints(cell.text, cell.style) * 1.05 + PADDING - room;
        // Shared by the columns it spans (a segment's label over its clientèles).
        if (missing > 0)
          for (const c of spanned)
            widths.set(c, (widths.get(c) ?? columnPoints(8.43)) + missing / spanned.length);
      }
    }
  // A sheet narrower than the page is widened to fill it, its columns in proportion: a page
  // whose content spans a third of its width looks forgotten, and wider columns wrap less.
  let layout = rowsFor(grid, widths, hidden, lastInRow, sheet.rowHeights ?? []);
  let scale = scaleFor(widths, layout.heights, options.titleCols);
  const total = (): number => [...widths.values()].reduce((sum, w) => sum + w, 0);
  if (total() * scale < NARROW_FILL * PRINTABLE_WIDTH * 100) {
    const factor = (FILL * PRINTABLE_WIDTH * 100) / (scale * total());
    for (const [col, width] of widths) widths.set(col, width * factor);
    layout = rowsFor(grid, widths, hidden, lastInRow, sheet.rowHeights ?? []);
    scale = scaleFor(widths, layout.heights, options.titleCols);
  }
  const { heights, merges } = layout;
  const print: PrintSetup = {
    ...sheet.print,
    landscape: true,
    fitToOnePage: false,
    scale,
    header: options.title,
    ...(options.titleRows ? { titleRows: options.titleRows } : {}),
    ...(options.titleCols ? { titleCols: options.titleCols } : {}),
  };
  return {
    ...sheet,
    columnWidths: [
      ...sheet.columnWidths.filter((c) => c.hidden),
      ...[...widths.entries()].map(([col, points]) => ({ col, width: columnChars(points) })),
    ],
    rowHeights: [...heights.entries()].map(([row, height]) => ({ row, height })),
    ...(merges.length > 0
      ? {
          merges: [...(sheet.merges ?? []), ...merges.map((merge) => merge.rect)],
          styles: [...sheet.styles, ...merges],
        }
      : {}),
    print,
  };
}

/** Below this share of the printable width, a sheet is widened… */
const NARROW_FILL = 0.8;
/** …to this share (the estimates run wide: what prints is a little narrower). */
const FILL = 0.92;

interface RowLayout {
  heights: Map<number, number>;
  /** Sentences wider than the sheet, wrapped in a cell merged to the sheet's last column. */
  merges: StyledRange[];
}

/**
 * The rows' heights at these widths: wrapped lines at the column's width, a rotated text wrapped
 * on two lines; a sentence that would run past the sheet's last column (and print on a page of
 * its own) wraps instead, its cell merged across the sheet's width.
 */
function rowsFor(
  grid: Map<number, Map<number, Cell>>,
  widths: Map<number, number>,
  hidden: Set<number>,
  lastInRow: readonly { row: number; col: number; cell: Cell }[],
  given: readonly { row: number; height: number }[]
): RowLayout {
  const lastCol = Math.max(0, ...widths.keys());
  // Each merged range styled as its first cell, as Excel and ExcelJS give it the first's look.
  const merges: StyledRange[] = [];
  const merged = new Map<string, { width: number; style: CellStyle }>();
  for (const { row, col, cell } of lastInRow) {
    let room = 0;
    for (let c = col; c <= lastCol; c++) if (!hidden.has(c)) room += widths.get(c) ?? 0;
    if (col >= lastCol || textPoints(cell.text, cell.style) + PADDING <= room) continue;
    const style: CellStyle = { ...cell.style, wrap: true, vertical: "top" };
    merges.push({ rect: { row, col, rows: 1, cols: lastCol - col + 1 }, style });
    merged.set(`${row},${col}`, { width: room, style });
  }
  const heights = new Map(given.map(({ row, height }) => [row, height]));
  for (const [row, line] of grid) {
    let needed = 0;
    for (const [col, plain] of line) {
      const wide = merged.get(`${row},${col}`);
      const cell = wide ? { ...plain, style: wide.style } : plain;
      const width = (wide?.width ?? widths.get(col) ?? columnPoints(8.43)) - PADDING;
      if (cell.style.rotateUp) {
        const whole = textPoints(cell.text, cell.style);
        const longest = Math.max(...cell.text.split(/\s+/).map((w) => textPoints(w, cell.style)));
        // Lines broken at words come out uneven: a little more than the even share each.
        const lines = turnedLines(cell);
        const along = lines > 1 ? Math.max((whole / lines) * 1.12, longest) : whole;
        needed = Math.max(needed, Math.min(MAX_ROW, along + PADDING));
      } else {
        const lines = cell.style.wrap ? wrappedLines(cell.text, cell.style, width) : 1;
        needed = Math.max(needed, lines * lineHeight(cell.style) + PADDING / 2);
      }
    }
    if (needed > (heights.get(row) ?? DEFAULT_ROW)) heights.set(row, Math.ceil(needed));
  }
  return { heights, merges };
}

/**
 * The print scale: the sheet's width on one page when it fits at a readable scale, and its height
 * too when a little smaller suffices (a matrix whole at a glance); a wider sheet continues on
 * pages to the right at the scale that leaves no page nearly empty.
 */
function scaleFor(
  widths: Map<number, number>,
  heights: Map<number, number>,
  titleCols: FitOptions["titleCols"]
): number {
  const total = [...widths.values()].reduce((sum, w) => sum + w, 0);
  const byWidth = Math.min(100, Math.floor((PRINTABLE_WIDTH / total) * 100));
  if (byWidth < MIN_SCALE) return balancedScale(widths, titleCols);
  const lastRow = Math.max(0, ...heights.keys());
  let tall = 0;
  for (let row = 1; row <= lastRow; row++) tall += heights.get(row) ?? DEFAULT_ROW;
  const byHeight = Math.floor((PRINTABLE_HEIGHT / tall) * 100);
  return byHeight >= MIN_SCALE ? Math.min(byWidth, byHeight) : byWidth;
}

/** How full the emptiest page is, columns set side by side at `scale` (title columns on each). */
function emptiestPage(
  widths: Map<number, number>,
  titleCols: FitOptions["titleCols"],
  scale: number
): number {
  const page = (PRINTABLE_WIDTH * 100) / scale;
  const isTitle = (col: number): boolean =>
    titleCols !== undefined && col >= titleCols.first && col <= titleCols.last;
  const titles = [...widths.entries()].filter(([c]) => isTitle(c)).reduce((t, [, w]) => t + w, 0);
  const rest = [...widths.entries()].filter(([c]) => !isTitle(c)).sort((a, b) => a[0] - b[0]);
  const fills: number[] = [];
  let used = titles;
  for (const [, width] of rest) {
    if (used + width > page && used > titles) {
      fills.push(used / page);
      used = titles;
    }
    used += width;
  }
  fills.push(used / page);
  return Math.min(...fills);
}

/**
 * For a sheet that continues on pages to the right: the scale, from 100 % down to MIN_SCALE,
 * whose emptiest page is the fullest (a last page with one column would look forgotten).
 */
function balancedScale(widths: Map<number, number>, titleCols: FitOptions["titleCols"]): number {
  let best = MIN_SCALE;
  let bestFill = emptiestPage(widths, titleCols, MIN_SCALE);
  for (let scale = 100; scale > MIN_SCALE; scale--) {
    const fill = emptiestPage(widths, titleCols, scale);
    if (fill > bestFill + 0.02) {
      best = scale;
      bestFill = fill;
    }
  }
  return best;
}
