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
import {
  CellStyle,
  CellValue,
  PrintSetup,
  SheetPlan,
  StyledRange,
  ValueBlock,
  text as textValue,
} from "./plan";
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
  /**
   * The columns most rows fill (the matrix's names, kinds and clientèles; not the colour samples
   * under it): a narrow sheet is widened so that these fill the page. Default: every column.
   */
  bodyCols?: { first: number; last: number };
  /** The rows of the body (the matrix's needs): a page to the right holds some of them. */
  bodyRows?: { first: number; last: number };
  /**
   * The body column that takes all the widening of a narrow body (the targeting grid's offering
   * names), instead of every body column in proportion: a centred mark or count in a widened
   * column would stay short of the page's right side.
   */
  fillCol?: number;
  /**
   * The scale the columns beside a widened body may push the sheet down to (default
   * BESIDE_SCALE); at least MIN_SCALE.
   */
  besideScale?: number;
  /**
   * Label columns and, from `firstItem` on, one column per item (a segment): a sheet too wide for
   * one page prints in bands of items, each page an even share of them, its label columns
   * repeated at the left (the segments, the check-list, the targeting).
   */
  bands?: { labels: { first: number; last: number }; firstItem: number };
  /**
   * Labels that belong over a run of columns (a segment's label over its clientèles): the text at
   * (`row`, `first`) wraps within columns `first`..`last` and never widens them; `short` stands in
   * when not even a few letters of a word fit.
   */
  spans?: readonly LabelSpan[];
}

export interface LabelSpan {
  row: number;
  first: number;
  last: number;
  short: string;
}

/** A name in a bordered table wider than this (in points) may wrap when the sheet is too wide. */
const COMPACT_NAME = 150;
/** Compact, a column's width before its texts widen it, and a paragraph's width at most. */
const COMPACT_BASE = 60;
const COMPACT_TEXT = 110;

interface Columns {
  grid: Map<number, Map<number, Cell>>;
  widths: Map<number, number>;
  lastInRow: { row: number; col: number; cell: Cell }[];
  /** The names wrapped to make a sheet too wide for the page narrower (compact columns). */
  wrapped: StyledRange[];
}

/**
 * The columns' widths in points: the longest word of a wrapped text; the whole text of one that
 * cannot spill over a filled neighbour; a rotated text's lines side by side. `compact`: a long
 * name in a bordered table wraps within COMPACT_NAME rather than widening its column to the whole
 * name (a sheet that would otherwise continue on a page to the right).
 */
function columnsFor(
  sheet: SheetPlan,
  plain: Map<number, Map<number, Cell>>,
  hidden: Set<number>,
  compact: boolean
): Columns {
  const widths = new Map<number, number>();
  // The sheets' widths are counted in Calibri's digits (the working workbook's font): as wide
  // in points, then widened where the texts need it.
  // Compact, a column starts narrow and takes only what its texts need.
  for (const { col, width, hidden: isHidden } of sheet.columnWidths)
    if (!isHidden)
      widths.set(
        col,
        compact
          ? Math.min(COMPACT_BASE, width * CALIBRI_DIGIT + COLUMN_PADDING)
          : width * CALIBRI_DIGIT + COLUMN_PADDING
      );
  const widen = (col: number, points: number): void => {
    if (!hidden.has(col) && points > (widths.get(col) ?? columnPoints(8.43)))
      widths.set(col, points);
  };
  const wrapped: StyledRange[] = [];
  const grid = new Map<number, Map<number, Cell>>();
  const lastInRow: { row: number; col: number; cell: Cell }[] = [];
  for (const [row, plainLine] of plain) {
    const line = new Map<number, Cell>();
    grid.set(row, line);
    for (const [col, plainCell] of plainLine) {
      let cell = plainCell;
      line.set(col, cell);
      if (cell.style.rotateUp) {
        widen(col, turnedLines(cell) * lineHeight(cell.style) + PADDING);
        continue;
      }
      const fixedInCell =
        cell.style.horizontal === "center" ||
        cell.style.horizontal === "right" ||
        // In a bordered table a name stays inside its cell (the conquest order's names).
        cell.style.border;
      const whole = textPoints(cell.text, cell.style);
      if (
        compact &&
        !cell.style.wrap &&
        fixedInCell &&
        cell.text.trim().includes(" ") &&
        whole + PADDING > COMPACT_NAME
      ) {
        cell = { text: cell.text, style: { ...cell.style, wrap: true } };
        line.set(col, cell);
        wrapped.push({ rect: { row, col, rows: 1, cols: 1 }, style: { wrap: true } });
        widen(col, COMPACT_NAME);
      }
      if (cell.style.wrap) {
        const longest = Math.max(...cell.text.split(/\s+/).map((w) => textPoints(w, cell.style)));
        widen(col, longest + PADDING);
        // A paragraph keeps a few words a line.
        if (compact) widen(col, Math.min(whole + PADDING, COMPACT_TEXT));
      } else if (fixedInCell) {
        widen(col, whole + PADDING);
      } else {
        // Spilling to the right is fine up to the next filled cell: short of room, the text's
        // own column takes what is missing.
        const next = [...plainLine.keys()].filter((c) => c > col).sort((a, b) => a - b)[0];
        if (next === undefined) {
          lastInRow.push({ row, col, cell });
          continue;
        }
        const spanned: number[] = [];
        for (let c = col; c < next; c++) if (!hidden.has(c)) spanned.push(c);
        const room = spanned.reduce((sum, c) => sum + (widths.get(c) ?? columnPoints(8.43)), 0);
        // Bold labels run a little wider than the estimate: 5 % more room.
        const missing = whole * 1.05 + PADDING - room;
        // Shared by the columns it spans (a segment's label over its clientèles).
        if (missing > 0)
          for (const c of spanned)
            widths.set(c, (widths.get(c) ?? columnPoints(8.43)) + missing / spanned.length);
      }
    }
  }
  return { grid, widths, lastInRow, wrapped };
}

/** The sheet with its widths, heights and page setup fitted for print. */
export function fitForPrint(sheet: SheetPlan, options: FitOptions): SheetPlan {
  const hidden = new Set(sheet.columnWidths.filter((c) => c.hidden).map((c) => c.col));
  const plain = cells(sheet);
  // A label over a run of columns is fitted to their widths once these are set, not the reverse.
  const spanned: { span: LabelSpan; cell: Cell }[] = [];
  for (const span of options.spans ?? []) {
    const cell = plain.get(span.row)?.get(span.first);
    if (!cell) continue;
    spanned.push({ span, cell });
    plain.get(span.row)!.delete(span.first);
  }
  let columns = columnsFor(sheet, plain, hidden, false);
  // Too wide for one page at a readable scale: long names in tables wrap, if that helps.
  if (byWidthOf(columns.widths) < MIN_SCALE && sheet.role !== "matrix") {
    const compact = columnsFor(sheet, plain, hidden, true);
    if (byWidthOf(compact.widths) > byWidthOf(columns.widths)) columns = compact;
  }
  const { grid, widths, wrapped } = columns;
  let { lastInRow } = columns;
  let blocks = sheet.blocks;
  const moved: StyledRange[] = [];
  // Columns right of everything the sheet shows (a matrix of one clientèle keeps the working
  // sheet's widths for more) print nothing: they count neither in the width nor in the scale.
  const used = Math.max(
    0,
    ...[...grid.values()].flatMap((line) => [...line.keys()]),
    ...sheet.styles
      .filter(({ style }) => style.border || style.fill)
      .map(({ rect }) => rect.col + rect.cols - 1)
  );
  for (const col of [...widths.keys()]) if (col > used) widths.delete(col);
  // A sheet narrower than the page is widened to fill it, its columns in proportion: a page
  // whose content spans a third of its width looks forgotten, and wider columns wrap less.
  const lastRow = Math.max(0, ...grid.keys());
  let layout = rowsFor(grid, widths, hidden, lastInRow, sheet.rowHeights ?? []);
  let scale = scaleFor(widths, layout.heights, lastRow, options.titleCols);
  const body = options.bodyCols ?? { first: 1, last: Infinity };
  const inBody = (col: number): boolean => col >= body.first && col <= body.last;
  const sum = (keep: (col: number) => boolean): number =>
    [...widths.entries()].filter(([col]) => keep(col)).reduce((total, [, w]) => total + w, 0);
  const bodyWidth = sum(inBody);
  if (bodyWidth > 0 && bodyWidth * scale < NARROW_FILL * PRINTABLE_WIDTH * 100) {
    const rest = sum((col) => !inBody(col));
    // The body across the page; the other columns beside it may not shrink the scale much.
    const beside = Math.max(options.besideScale ?? BESIDE_SCALE, (MIN_SCALE + 1) / 100);
    const factor = Math.min(
      (FILL * PRINTABLE_WIDTH * 100) / (scale * bodyWidth),
      (PRINTABLE_WIDTH / beside - rest) / bodyWidth
    );
    const { fillCol } = options;
    if (factor > 1 && fillCol !== undefined && inBody(fillCol))
      widths.set(fillCol, (widths.get(fillCol) ?? 0) + bodyWidth * (factor - 1));
    else if (factor > 1)
      for (const [col, width] of widths) if (inBody(col)) widths.set(col, width * factor);
    layout = rowsFor(grid, widths, hidden, lastInRow, sheet.rowHeights ?? []);
    scale = scaleFor(widths, layout.heights, lastRow, options.titleCols);
  }
  // A sheet continued on pages to the right with its title columns on each (the matrix): its
  // other columns shared evenly between the pages, each as wide as fills them, so that the last
  // page is no narrow strip.
  if (byWidthOf(widths) < MIN_SCALE && options.titleCols)
    evenBands(widths, options.titleCols, scale);
  const spanLabels = fittedSpans(spanned, widths, hidden, scale, options);
  for (const piece of spanLabels.pieces) {
    const line = grid.get(piece.row) ?? new Map<number, Cell>();
    line.set(piece.col, piece.cell);
    grid.set(piece.row, line);
  }
  blocks = [
    ...spanned.reduce((kept, { span }) => clearedCell(kept, span.row, span.first), blocks),
    ...spanLabels.pieces.map((p) => ({
      row: p.row,
      col: p.col,
      values: [[textValue(p.cell.text)]],
    })),
  ];
  if (spanLabels.pieces.length > 0) {
    layout = rowsFor(
      grid,
      widths,
      hidden,
      lastInRow,
      sheet.rowHeights ?? [],
      undefined,
      spanLabels.widths
    );
    // Their lines make the label row taller: the page's height is checked again.
    scale = scaleFor(widths, layout.heights, lastRow, options.titleCols);
  }
  // One column per segment, too many for a page: bands of segments, the labels on each page, the
  // pages broken after each band; a sentence wider than the first page wraps within it (merged
  // across the sheet it would run onto the next band's page, under the repeated labels).
  const banded =
    options.bands && byWidthOf(widths) < MIN_SCALE ? itemBands(widths, options.bands) : undefined;
  if (banded) scale = banded.scale;
  // The labels repeated on every page to the right: the sheet's bands, or its title columns when
  // it continues to the right (the matrix).
  const repeated = banded
    ? options.bands
    : options.titleCols && byWidthOf(widths) < MIN_SCALE
      ? { labels: options.titleCols, firstItem: options.titleCols.last + 1 }
      : undefined;
  if (repeated) {
    const { labels, firstItem } = repeated;
    const isLabel = (col: number): boolean => col >= labels.first && col <= labels.last;
    // The labels repeat on every page, each cell cut at their right edge (though the PDF holds
    // the whole text): a sentence in them that runs past it would print cut on the next pages,
    // over what they hold there. Below the table's top it wraps within the labels; above (the
    // sheet's title and instructions), in bands, it moves to the first segment's column and
    // wraps across the first page.
    const room = (col: number): number => {
      let points = 0;
      for (let c = col; c <= labels.last; c++) points += widths.get(c) ?? 0;
      return points;
    };
    const toEnd = (col: number): number => {
      let points = 0;
      for (const [c, w] of widths) if (c >= col) points += w;
      return points;
    };
    const tableTop = Math.min(
      ...[...grid.entries()]
        .filter(([, line]) => [...line.keys()].some((col) => col >= firstItem))
        .map(([row]) => row)
    );
    lastInRow = lastInRow.map((entry) => {
      const { row, col, cell } = entry;
      if (!isLabel(col) || textPoints(cell.text, cell.style) + PADDING <= room(col)) return entry;
      // Continued without bands (the matrix), only a sentence merged across the sheet would be
      // drawn twice: one that runs past the sheet's last column. Above the table, no page to
      // move it to: left as it is.
      if (!banded && (row <= tableTop || textPoints(cell.text, cell.style) + PADDING <= toEnd(col)))
        return entry;
      if (row > tableTop) {
        const style: CellStyle = { ...cell.style, wrap: true };
        grid.get(row)!.set(col, { text: cell.text, style });
        moved.push({ rect: { row, col, rows: 1, cols: 1 }, style: { wrap: true } });
        return { row, col, cell: { text: cell.text, style } };
      }
      grid.get(row)!.delete(col);
      grid.get(row)!.set(firstItem, cell);
      blocks = movedText(blocks, row, col, firstItem);
      moved.push({ rect: { row, col: firstItem, rows: 1, cols: 1 }, style: cell.style });
      return { row, col: firstItem, cell };
    });
    const sheetEnd = Math.max(0, ...widths.keys());
    const mergeTo = (col: number): number =>
      isLabel(col) ? labels.last : (banded?.firstPageEnd ?? sheetEnd);
    layout = rowsFor(
      grid,
      widths,
      hidden,
      lastInRow,
      sheet.rowHeights ?? [],
      mergeTo,
      spanLabels.widths
    );
  }
  const titleCols = banded ? options.bands?.labels : options.titleCols;
  const { heights, merges } = layout;
  // In bands, the first band's pages are what must each reach across (the tables under the
  // targeting's grid print there): its columns count, the next bands' do not.
  const firstBand = (col: number): boolean => !banded || col <= banded.firstPageEnd;
  const rowBreaks = pageBreaks(
    banded
      ? new Map(
          [...grid].map(([row, line]) => [row, new Map([...line].filter(([c]) => firstBand(c)))])
        )
      : grid,
    banded ? new Map([...widths].filter(([c]) => firstBand(c))) : widths,
    hidden,
    heights,
    scale,
    options.titleRows,
    Boolean(banded) || byWidthOf(widths) >= MIN_SCALE,
    repeated && !banded ? options.bodyRows : undefined
  );
  const print: PrintSetup = {
    ...sheet.print,
    landscape: true,
    fitToOnePage: false,
    scale,
    header: options.title,
    ...(rowBreaks.length > 0 ? { rowBreaks } : {}),
    ...(banded ? { colBreaks: banded.colBreaks } : {}),
    ...(options.titleRows ? { titleRows: options.titleRows } : {}),
    ...(titleCols ? { titleCols } : {}),
  };
  return {
    ...sheet,
    columnWidths: [
      ...sheet.columnWidths.filter((c) => c.hidden),
      ...[...widths.entries()].map(([col, points]) => ({ col, width: columnChars(points) })),
    ],
    rowHeights: [...heights.entries()].map(([row, height]) => ({ row, height })),
    ...(merges.length > 0
      ? { merges: [...(sheet.merges ?? []), ...merges.map((m) => m.rect)] }
      : {}),
    blocks,
    ...(spanLabels.merges.length > 0
      ? { merges: [...(sheet.merges ?? []), ...merges.map((m) => m.rect), ...spanLabels.merges] }
      : {}),
    ...(merges.length + wrapped.length + moved.length + spanLabels.styles.length > 0
      ? { styles: [...sheet.styles, ...moved, ...wrapped, ...merges, ...spanLabels.styles] }
      : {}),
    print,
  };
}

/** Below this share of the printable width, a sheet is widened… */
const NARROW_FILL = 0.8;
/** …to this share (the estimates run wide: what prints is a little narrower). */
const FILL = 0.92;
/** The scale under which columns beside the body may not push a widened sheet. */
const BESIDE_SCALE = 0.85;

interface RowLayout {
  heights: Map<number, number>;
  /** Sentences wider than the sheet, wrapped in a cell merged to the sheet's last column. */
  merges: StyledRange[];
}

/**
 * The rows' heights at these widths: wrapped lines at the column's width, a rotated text wrapped
 * on two lines; a sentence that would run past the sheet's last column (and print on a page of
 * its own) wraps instead, its cell merged across the sheet's width (or up to the column `mergeTo`
 * gives: a sheet printed in bands).
 */
function rowsFor(
  grid: Map<number, Map<number, Cell>>,
  widths: Map<number, number>,
  hidden: Set<number>,
  lastInRow: readonly { row: number; col: number; cell: Cell }[],
  given: readonly { row: number; height: number }[],
  mergeTo?: (col: number) => number,
  spanWidths?: ReadonlyMap<string, number>
): RowLayout {
  const sheetEnd = Math.max(0, ...widths.keys());
  // Each merged range styled as its first cell, as Excel and ExcelJS give it the first's look.
  const merges: StyledRange[] = [];
  const merged = new Map<string, { width: number; style: CellStyle }>();
  for (const { row, col, cell } of lastInRow) {
    const lastCol = mergeTo?.(col) ?? sheetEnd;
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
      const width =
        (wide?.width ?? spanWidths?.get(`${row},${col}`) ?? widths.get(col) ?? columnPoints(8.43)) -
        PADDING;
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
  lastRow: number,
  titleCols: FitOptions["titleCols"]
): number {
  const byWidth = byWidthOf(widths);
  if (byWidth < MIN_SCALE) return balancedScale(widths, titleCols);
  let tall = 0;
  for (let row = 1; row <= lastRow; row++) tall += heights.get(row) ?? DEFAULT_ROW;
  const byHeight = Math.floor((PRINTABLE_HEIGHT / tall) * 100);
  return byHeight >= MIN_SCALE ? Math.min(byWidth, byHeight) : byWidth;
}

/** The largest scale (at most 100 %) at which the sheet's columns fit the page's width. */
function byWidthOf(widths: Map<number, number>): number {
  const total = [...widths.values()].reduce((sum, w) => sum + w, 0);
  return Math.min(100, Math.floor((PRINTABLE_WIDTH / total) * 100));
}

/** The page's width and the share of the page's width its content should span. */
const PAGE_WIDTH = 842;
const WIDE_SPAN = 0.64;
/** What a page may hold of its printable height: the heights are estimates. */
const PAGE_FILL = 0.96;

/**
 * How far right each row's text reaches, in points from the sheet's left edge at 100 %: a centred
 * text to its column's middle and half its width, a right-aligned one (or a number) to its
 * column's edge, a left-aligned one as far as it runs (spilling over empty neighbours).
 */
function rowReach(
  grid: Map<number, Map<number, Cell>>,
  widths: Map<number, number>,
  hidden: Set<number>
): Map<number, number> {
  const lastCol = Math.max(
    0,
    ...widths.keys(),
    ...[...grid.values()].flatMap((l) => [...l.keys()])
  );
  const starts: number[] = [];
  let x = 0;
  for (let c = 1; c <= lastCol + 1; c++) {
    starts[c] = x;
    if (!hidden.has(c)) x += widths.get(c) ?? columnPoints(8.43);
  }
  const reach = new Map<number, number>();
  for (const [row, line] of grid) {
    let right = 0;
    const filled = [...line.keys()].sort((a, b) => a - b);
    for (const [col, cell] of line) {
      if (hidden.has(col)) continue;
      const width = starts[col + 1] - starts[col];
      const advance = textPoints(cell.text.split("\n")[0], cell.style) / 1.05;
      const numeric = /^[-\d\s.,%]+$/.test(cell.text) && cell.style.horizontal === undefined;
      let end: number;
      if (cell.style.horizontal === "center" || cell.style.rotateUp)
        end = starts[col] + width / 2 + Math.min(advance, width) / 2;
      else if (cell.style.horizontal === "right" || numeric) end = starts[col + 1] - PADDING / 2;
      else {
        const next = filled.find((c) => c > col) ?? lastCol + 1;
        const room = cell.style.wrap ? width : starts[next] - starts[col];
        end = starts[col] + PADDING / 2 + Math.min(advance, room);
      }
      right = Math.max(right, end);
    }
    reach.set(row, right);
  }
  return reach;
}

/**
 * Where pages break down a sheet one page wide: rows fill each page as the spreadsheet would, but a
 * page whose rows all stop short of the page's width (the conquest order under the wide targeting
 * table) starts earlier, at the previous page's last row that reaches across, so that every page
 * is a band as wide as the sheet. The rows after which a page breaks; none when it fits on one.
 */
function pageBreaks(
  grid: Map<number, Map<number, Cell>>,
  widths: Map<number, number>,
  hidden: Set<number>,
  heights: Map<number, number>,
  scale: number,
  titleRows: FitOptions["titleRows"],
  across: boolean,
  bodyRows?: { first: number; last: number }
): number[] {
  let onePageWide = across || bodyRows !== undefined;
  const lastRow = Math.max(0, ...grid.keys());
  const height = (row: number): number => heights.get(row) ?? DEFAULT_ROW;
  const page = (PRINTABLE_HEIGHT * PAGE_FILL * 100) / scale;
  let repeated = 0;
  if (titleRows) for (let r = titleRows.first; r <= titleRows.last; r++) repeated += height(r);
  const reach = rowReach(grid, widths, hidden);
  const needed = (WIDE_SPAN * PAGE_WIDTH * 100) / scale;
  // A sheet continued on pages to the right (the matrix): each page holds some of its body's
  // rows (needs), not the legend's lines under it alone, under the repeated headers.
  const wide = (row: number): boolean =>
    bodyRows !== undefined
      ? row >= bodyRows.first && row <= bodyRows.last
      : (reach.get(row) ?? 0) >= needed;
  // Repeated wide title rows make every page wide already: filled as the spreadsheet fills them.
  if (titleRows && bodyRows === undefined) {
    let titlesWide = false;
    for (let r = titleRows.first; r <= titleRows.last; r++) titlesWide ||= wide(r);
    if (titlesWide) onePageWide = false;
  }
  /** A row with one bold text outside any table: a heading. */
  const heading = (row: number): boolean => {
    const line = grid.get(row);
    if (!line || line.size !== 1) return false;
    const [cell] = line.values();
    return Boolean(cell.style.bold) && !cell.style.border;
  };
  /** The pages' first rows, filling from `from` on (the first page from row 1). */
  const fill = (starts: number[], from: number): number[] => {
    const firsts = [...starts];
    let start = from;
    while (start <= lastRow) {
      firsts.push(start);
      let used = firsts.length > 1 && titleRows && start > titleRows.last ? repeated : 0;
      let row = start;
      while (row <= lastRow && (row === start || used + height(row) <= page)) used += height(row++);
      // A heading stays with what it heads: a page ending on one ends before it.
      while (row <= lastRow && row - 1 > start && heading(row - 1)) row--;
      while (row <= lastRow && row - 1 > start && !grid.has(row - 1)) row--;
      start = row;
    }
    return firsts;
  };
  // Whole on one page, as the scale was chosen for: no break.
  let tall = 0;
  for (let row = 1; row <= lastRow; row++) tall += height(row);
  if (tall <= page / PAGE_FILL) return [];
  // Pages side by side (the rows' reach says nothing of each band's), or every page wide already:
  // only a last page of a few rows (one lever alone) is avoided, the last two sharing their rows.
  if (!onePageWide) return balancedTail(fill([], 1), height, lastRow, page);
  let firsts = fill([], 1);
  for (let p = 1; p < firsts.length; p++) {
    const end = p + 1 < firsts.length ? firsts[p + 1] - 1 : lastRow;
    let pageWide = false;
    for (let r = firsts[p]; r <= end && !pageWide; r++) pageWide = wide(r);
    if (pageWide) continue;
    // The previous page's last wide row, when that page keeps a wide row before it.
    const wideRows: number[] = [];
    for (let r = firsts[p - 1]; r < firsts[p]; r++) if (wide(r)) wideRows.push(r);
    if (wideRows.length < 2) continue;
    firsts = fill(firsts.slice(0, p), wideRows[wideRows.length - 1]);
  }
  // The matrix's last page holding a need or two above its legend: the last two pages share.
  if (bodyRows) return balancedTail(firsts, height, lastRow, page);
  return firsts.slice(1).map((first) => first - 1);
}

/**
 * The pages' first rows with a last page of fewer than a quarter page's rows moved up: the last
 * two pages share their rows evenly. The rows after which a page breaks.
 */
function balancedTail(
  firsts: number[],
  height: (row: number) => number,
  lastRow: number,
  page: number
): number[] {
  if (firsts.length < 2) return [];
  const last = firsts[firsts.length - 1];
  const before = firsts[firsts.length - 2];
  let tail = 0;
  for (let r = last; r <= lastRow; r++) tail += height(r);
  if (tail < page / 4) {
    let both = 0;
    for (let r = before; r <= lastRow; r++) both += height(r);
    let upper = 0;
    let row = before;
    while (row < last && upper + height(row) <= both / 2) upper += height(row++);
    firsts[firsts.length - 1] = Math.max(before + 1, row);
  }
  return firsts.slice(1).map((first) => first - 1);
}

/**
 * The columns right of the title columns made equally wide, as many on each page as the pages at
 * `scale` need, each page full (a little to spare for the estimates' rounding).
 */
function evenBands(
  widths: Map<number, number>,
  titleCols: NonNullable<FitOptions["titleCols"]>,
  scale: number
): void {
  const page = (PRINTABLE_WIDTH * 100) / scale;
  const isTitle = (col: number): boolean => col >= titleCols.first && col <= titleCols.last;
  const titles = [...widths.entries()].filter(([c]) => isTitle(c)).reduce((t, [, w]) => t + w, 0);
  const rest = [...widths.entries()].filter(([c]) => !isTitle(c));
  if (rest.length === 0 || titles >= page) return;
  let pages = 1;
  let used = 0;
  for (const [, width] of rest.sort((a, b) => a[0] - b[0])) {
    if (used + width > page - titles && used > 0) {
      pages++;
      used = 0;
    }
    used += width;
  }
  const perPage = Math.ceil(rest.length / pages);
  const even = ((page - titles) * 0.985) / perPage;
  if (even > Math.max(...rest.map(([, w]) => w))) for (const [col] of rest) widths.set(col, even);
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

/** The blocks with the text at (`row`, `from`) moved to (`row`, `to`), an empty cell there. */
function movedText(
  blocks: readonly ValueBlock[],
  row: number,
  from: number,
  to: number
): ValueBlock[] {
  let value: CellValue = null;
  const emptied = blocks.map((block) => {
    const i = row - block.row;
    const j = from - block.col;
    if (i < 0 || i >= block.values.length || j < 0 || j >= (block.values[i]?.length ?? 0))
      return block;
    value = block.values[i][j];
    const values = block.values.map((line, k) =>
      k === i ? line.map((cell, l) => (l === j ? null : cell)) : line
    );
    return { ...block, values };
  });
  return [...emptied, { row, col: to, values: [[value]] }];
}

/** A sheet printed in bands of items: its scale, the columns a page ends after, the first's end. */
interface ItemBands {
  scale: number;
  colBreaks: number[];
  firstPageEnd: number;
}

/** What a band's columns may fill of the page: the widths are estimates, rounded to ¼ digit. */
const BAND_FILL = 0.97;

/**
 * The items' columns in bands: as few pages as the widest item allows at MIN_SCALE, at the largest
 * scale that still needs no more; the items shared evenly (the bands' counts differ by one at
 * most) and each band's columns widened alike to fill its page beside the labels, so that no page
 * is a narrow strip. A column right of the items (the targeting's total) counts as one more.
 * Undefined when the labels leave no room for one item a page.
 */
function itemBands(
  widths: Map<number, number>,
  bands: NonNullable<FitOptions["bands"]>
): ItemBands | undefined {
  const { labels, firstItem } = bands;
  const labelWidth = [...widths.entries()]
    .filter(([col]) => col >= labels.first && col <= labels.last)
    .reduce((total, [, w]) => total + w, 0);
  const items = [...widths.keys()].filter((col) => col >= firstItem).sort((a, b) => a - b);
  if (items.length < 2) return undefined;
  const widest = Math.max(...items.map((col) => widths.get(col)!));
  const room = (scale: number): number =>
    ((PRINTABLE_WIDTH * 100) / scale) * BAND_FILL - labelWidth;
  const perPage = (scale: number): number => Math.floor(room(scale) / widest);
  if (perPage(MIN_SCALE) < 1) return undefined;
  const pages = Math.ceil(items.length / perPage(MIN_SCALE));
  let scale = MIN_SCALE;
  while (scale < 100 && Math.ceil(items.length / Math.max(1, perPage(scale + 1))) <= pages) scale++;
  const colBreaks: number[] = [];
  let next = 0;
  for (let page = 0; page < pages; page++) {
    // An even share: the first pages take the one more when the items do not divide evenly.
    const count = Math.floor(items.length / pages) + (page < items.length % pages ? 1 : 0);
    const band = items.slice(next, next + count);
    next += count;
    const natural = band.reduce((total, col) => total + widths.get(col)!, 0);
    const factor = Math.max(1, room(scale) / natural);
    for (const col of band) widths.set(col, widths.get(col)! * factor);
    if (page < pages - 1) colBreaks.push(band[band.length - 1]);
  }
  return { scale, colBreaks, firstPageEnd: colBreaks[0] ?? items[items.length - 1] };
}

/** The blocks with the cell at (`row`, `col`) emptied. */
function clearedCell(blocks: readonly ValueBlock[], row: number, col: number): ValueBlock[] {
  return blocks.map((block) => {
    const i = row - block.row;
    const j = col - block.col;
    if (i < 0 || i >= block.values.length || j < 0 || j >= (block.values[i]?.length ?? 0))
      return block;
    const values = block.values.map((line, k) =>
      k === i ? line.map((cell, l) => (l === j ? null : cell)) : line
    );
    return { ...block, values };
  });
}

/** Labels over runs of columns, fitted: one piece per page the run prints on. */
interface FittedSpans {
  pieces: { row: number; col: number; cell: Cell }[];
  /** Each piece's width in points, by "row,col". */
  widths: Map<string, number>;
  merges: { row: number; col: number; rows: number; cols: number }[];
  styles: StyledRange[];
}

/** The share of its columns' widths a merged label has to itself. */
const MERGED_ROOM = 0.88;
/** The smallest font a label may shrink to before its words are cut short, in points. */
const SMALLEST_LABEL = 9;
/** Fewer letters than this kept of a word, and the label's short form stands in. */
const FEWEST_LETTERS = 3;

/**
 * Each label wrapped within its run's columns at their final widths, merged across them; a run
 * cut by a page to the right gets the label on each page's part (so no word is cut by the page's
 * edge). A word wider than its part: a smaller font, down to 9 pt, then the word
 * cut short with "…" (the full name is on the segments' pages), or the short form.
 */
function fittedSpans(
  spanned: readonly { span: LabelSpan; cell: Cell }[],
  widths: Map<number, number>,
  hidden: Set<number>,
  scale: number,
  options: FitOptions
): FittedSpans {
  const fitted: FittedSpans = { pieces: [], widths: new Map(), merges: [], styles: [] };
  if (spanned.length === 0) return fitted;
  const pageOf = pagesAcross(widths, hidden, scale, options);
  const smallest = SMALLEST_LABEL;
  for (const { span, cell } of spanned) {
    const parts: number[][] = [];
    for (let col = span.first; col <= span.last; col++) {
      if (hidden.has(col) || !widths.has(col)) continue;
      const last = parts[parts.length - 1];
      if (last && pageOf(last[last.length - 1]) === pageOf(col)) last.push(col);
      else parts.push([col]);
    }
    for (const part of parts) {
      // Merged cells print narrower than their columns' estimated widths add up to (by a tenth,
      // measured): the label is fitted, and its lines counted, in what prints.
      const room = part.reduce((total, col) => total + widths.get(col)!, 0) * MERGED_ROOM;
      const label = fittedLabel(cell, room - PADDING, smallest, span.short);
      const col = part[0];
      fitted.pieces.push({ row: span.row, col, cell: label });
      fitted.widths.set(`${span.row},${col}`, room);
      const area = { row: span.row, col, rows: 1, cols: part[part.length - 1] - col + 1 };
      if (area.cols > 1) fitted.merges.push(area);
      fitted.styles.push({ rect: area, style: label.style });
    }
  }
  return fitted;
}

/** The page to the right each column prints on (0 when the sheet is one page wide). */
function pagesAcross(
  widths: Map<number, number>,
  hidden: Set<number>,
  scale: number,
  options: FitOptions
): (col: number) => number {
  const titleCols = options.titleCols;
  if (!titleCols || byWidthOf(widths) >= MIN_SCALE) return () => 0;
  const page = (PRINTABLE_WIDTH * 100) / scale;
  const isTitle = (col: number): boolean => col >= titleCols.first && col <= titleCols.last;
  const titles = [...widths.entries()].filter(([c]) => isTitle(c)).reduce((t, [, w]) => t + w, 0);
  const pages = new Map<number, number>();
  let used = titles;
  let index = 0;
  for (const [col, width] of [...widths.entries()].sort((a, b) => a[0] - b[0])) {
    if (isTitle(col) || hidden.has(col)) continue;
    if (used + width > page && used > titles) {
      index++;
      used = titles;
    }
    used += width;
    pages.set(col, index);
  }
  return (col) => pages.get(col) ?? 0;
}

/** A label whose every word fits `room` points: its font smaller, else its long words cut. */
function fittedLabel(cell: Cell, room: number, smallest: number, short: string): Cell {
  const base: CellStyle = { ...cell.style, wrap: true, horizontal: "center", vertical: "middle" };
  const words = cell.text.split(/\s+/).filter(Boolean);
  const widest = (style: CellStyle): number =>
    Math.max(0, ...words.map((word) => textPoints(word, style)));
  const size = cell.style.fontSize ?? DEFAULT_SIZE;
  for (let points = size; points >= smallest; points--) {
    const style = points === size ? base : { ...base, fontSize: points };
    if (widest(style) <= room) return { text: cell.text, style };
  }
  const style = { ...base, fontSize: Math.min(size, smallest) };
  let tooShort = false;
  const cut = words.map((word) => {
    if (textPoints(word, style) <= room) return word;
    const letters = [...word];
    while (letters.length > 0 && textPoints(`${letters.join("")}…`, style) > room) letters.pop();
    if (letters.length < FEWEST_LETTERS) tooShort = true;
    return `${letters.join("")}…`;
  });
  return { text: tooShort ? short : cut.join(" "), style };
}
