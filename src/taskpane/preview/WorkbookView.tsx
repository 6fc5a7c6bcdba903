/**
 * The preview's workbook, drawn beside the pane: one tab per sheet, each sheet a grid with the plan's
 * looks (look.ts) and editable input cells (tick, pick a level or a kind, type a weight). Every value
 * is rendered as text by React: a name is shown exactly as typed, never as markup.
 */
import React, {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters } from "../../layout/a1";
import { GRID, RATINGS } from "../../layout";
import { CellStyle } from "../../layout/plan";
import { SheetLook, sheetLook } from "../../hosts/preview/look";
import { PreviewSelection, PreviewWorkbook } from "../../hosts/preview/workbook";
import { PaneTexts } from "../../i18n/pane";
import { CellEditor } from "./CellEditor";
import { moveFrom } from "./keys";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: "0", minHeight: "0", height: "100%" },
  tabs: { flexWrap: "wrap" },
  scroller: {
    flex: "1",
    overflow: "auto",
    minHeight: "200px",
    // A sheet is white and its text black whatever the pane's theme, as in Excel.
    backgroundColor: "#FFFFFF",
    color: "#000000",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    // The sheet's visible width, for the lines wrapped to it (lineText).
    containerType: "inline-size",
  },
  // Separate borders (no spacing), each cell drawing its right and bottom lines: a frozen cell then
  // carries its own lines as it stays, and its background hides whatever scrolls under it (with
  // collapsed borders the table draws the lines, those of the cells passing under included).
  table: {
    borderCollapse: "separate",
    borderSpacing: "0",
    tableLayout: "fixed",
    fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif",
    fontSize: "13px",
  },
  heading: {
    backgroundColor: "#F0F0F0",
    color: "#333333",
    fontWeight: "normal",
    borderRight: "1px solid #D0D0D0",
    borderBottom: "1px solid #D0D0D0",
    padding: "0 4px",
    position: "sticky",
    top: "0",
  },
  rowHeading: { position: "sticky", left: "0", textAlign: "right", top: "auto" },
  cell: {
    borderRight: "1px solid #E4E4E4",
    borderBottom: "1px solid #E4E4E4",
    padding: "1px 4px",
    height: "20px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "bottom",
  },
  // Text longer than its cell runs on over the empty cells to its right, as in Excel.
  spills: { overflow: "visible", textOverflow: "clip" },
  // A line alone on its row (a title, the instructions) is wrapped to the visible width, whole.
  // Overflow visible: the text's sticky box keeps to the sheet's view, not to the wide cell.
  line: { whiteSpace: "normal", height: "auto", overflow: "visible" },
  // Sticky where it starts (the row numbers, then the cell's padding): it does not move sideways.
  lineText: { position: "sticky", left: "44px", maxWidth: "calc(100cqw - 60px)" },
  selected: { outline: "2px solid #217346", outlineOffset: "-2px" },
  focusable: { ":focus": { outline: "2px solid #217346", outlineOffset: "-2px" } },
  frozen: { position: "sticky", backgroundColor: "#FFFFFF" },
  empty: { padding: tokens.spacingHorizontalM },
  // A refused entry's note above the sheet, in the sheet's own red (the validation's).
  stale: {
    margin: `${tokens.spacingVerticalXS} 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "1px solid #C00000",
    backgroundColor: "#FFF4F4",
    color: "#000000",
  },
});

/** Excel's column width (characters) in pixels, roughly. */
const pixels = (width: number): number => Math.round(width * 7 + 5);

/**
 * A cell's look. A border of the plan is drawn on the cell's right and bottom sides, and on its top
 * and left where the cell above or to the left has none of its own (`edges`): one line between two
 * bordered cells, as Excel shows them.
 */
function cssOf(
  style: CellStyle,
  edges: { top: boolean; left: boolean } = { top: true, left: true }
): React.CSSProperties {
  const line = style.dottedBorder
    ? `1px dotted ${style.dottedBorder}`
    : style.border
      ? "1px solid #8C8C8C"
      : undefined;
  return {
    ...(style.fill ? { backgroundColor: style.fill } : {}),
    ...(style.fontColour ? { color: style.fontColour } : {}),
    ...(style.bold ? { fontWeight: "bold" } : {}),
    ...(style.italic ? { fontStyle: "italic" } : {}),
    ...(style.fontSize ? { fontSize: `${Math.round(style.fontSize * 1.333)}px` } : {}),
    ...(style.horizontal ? { textAlign: style.horizontal } : {}),
    ...(style.vertical ? { verticalAlign: style.vertical } : {}),
    ...(line
      ? {
          borderRight: line,
          borderBottom: line,
          ...(edges.top ? { borderTop: line } : {}),
          ...(edges.left ? { borderLeft: line } : {}),
        }
      : {}),
    ...(style.wrap ? { whiteSpace: "normal" as const } : {}),
  };
}

const inside = (selection: PreviewSelection | undefined, sheet: string, row: number, col: number) =>
  selection !== undefined &&
  selection.sheet === sheet &&
  row >= selection.rect.row &&
  row < selection.rect.row + selection.rect.rows &&
  col >= selection.rect.col &&
  col < selection.rect.col + selection.rect.cols;

/** A text in column A with nothing else on its row and no editor: a title or a line of instructions. */
function aloneOnRow(look: SheetLook, row: number): boolean {
  const first = look.cell(row, 1);
  if (first.editor || first.text === "" || look.cols < 2) return false;
  // A label that fits its column stays a cell (a row label beside figures to come).
  const scale = ((first.style.fontSize ?? 11) / 11) * (first.style.bold ? 1.15 : 1);
  if (first.text.length * 7 * scale < pixels(look.widths.get(1) ?? 8.43)) return false;
  for (let col = 2; col <= look.cols; col++) {
    const cell = look.cell(row, col);
    if (cell.text !== "" || cell.editor || cell.style.fill || cell.style.border) return false;
  }
  return true;
}

/** A row's height as the plan sets it (points), else as its content needs. */
function rowHeight(look: SheetLook, row: number): React.CSSProperties | undefined {
  const points = look.heights.get(row);
  return points === undefined ? undefined : { height: `${Math.round(points * 1.333)}px` };
}

/** What a screen reader says for an input cell: the pair or the row it belongs to. */
function cellLabel(
  look: SheetLook,
  role: string | undefined,
  row: number,
  col: number,
  texts: PaneTexts
): string {
  const text = (r: number, c: number): string => look.cell(r, c).text;
  if (role === "ticks") {
    if (row === GRID.typeRow)
      return `${text(GRID.typeRow, GRID.nameCol)} — ${text(GRID.headerRow, col)}`;
    if (col === GRID.typeCol)
      return `${text(GRID.headerRow, GRID.typeCol)} — ${text(row, GRID.nameCol)}`;
    return texts.workbook.tick(text(GRID.headerRow, col), text(row, GRID.nameCol));
  }
  if (role === "ratings" && row > RATINGS.headerRow)
    return `${text(RATINGS.headerRow, col)} — ${text(row, RATINGS.cols.clientele)} × ${text(row, RATINGS.cols.need)}`;
  const header = col > 1 ? text(row, col - 1) : "";
  return header !== ""
    ? `${header} (${cellAddress(row, col)})`
    : texts.workbook.cell(cellAddress(row, col));
}

/** Where each frozen row starts below the column letters, measured once the rows are drawn. */
function useFrozenTops(
  table: React.RefObject<HTMLTableElement>,
  frozenRows: number,
  version: unknown
): number[] {
  const [tops, setTops] = useState<number[]>([]);
  useLayoutEffect(() => {
    const element = table.current;
    if (!element || frozenRows === 0) return;
    const measured: number[] = [];
    let top = element.tHead?.getBoundingClientRect().height ?? 0;
    for (let row = 0; row < frozenRows && row < element.tBodies[0].rows.length; row++) {
      measured.push(top);
      top += element.tBodies[0].rows[row].getBoundingClientRect().height;
    }
    setTops((before) => (before.join() === measured.join() ? before : measured));
  }, [table, frozenRows, version]);
  return tops;
}

function SheetTable(props: {
  book: PreviewWorkbook;
  look: SheetLook;
  role?: string;
  selection?: PreviewSelection;
  texts: PaneTexts;
  /** A refused entry stands somewhere: the computed figures are struck out, they are out of date. */
  stale: boolean;
  onRefused: (address: string, typed: string | undefined, kept: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { look, book } = props;
  const table = useRef<HTMLTableElement>(null);
  const rows = Array.from({ length: look.rows }, (_, i) => i + 1);
  const cols = Array.from({ length: look.cols }, (_, i) => i + 1);
  const select = (row: number, col: number, extend: boolean): void => {
    const anchor = props.selection;
    if (extend && anchor && anchor.sheet === look.name) {
      const top = Math.min(anchor.rect.row, row);
      const left = Math.min(anchor.rect.col, col);
      const bottom = Math.max(anchor.rect.row + anchor.rect.rows - 1, row);
      const right = Math.max(anchor.rect.col + anchor.rect.cols - 1, col);
      book.select({
        sheet: look.name,
        cell: `${cellAddress(top, left)}:${cellAddress(bottom, right)}`,
      });
    } else book.select({ sheet: look.name, cell: cellAddress(row, col) });
  };
  const widths = cols.map((col) => pixels(look.widths.get(col) ?? 8.43));
  const width = 40 + widths.reduce((sum, w) => sum + w, 0);
  // Excel's frozen panes: the header rows and the name columns stay in view.
  const { freeze } = look;
  const lefts: number[] = [];
  for (let col = 1, left = 40; col <= freeze.cols; left += widths[col - 1] ?? 0, col++)
    lefts.push(left);
  const tops = useFrozenTops(table, freeze.rows, look);
  const frozenStyle = (row: number, col: number): React.CSSProperties | undefined => {
    const inRows = row <= freeze.rows && tops[row - 1] !== undefined;
    const inCols = col <= freeze.cols;
    if (!inRows && !inCols) return undefined;
    return {
      ...(inRows ? { top: `${tops[row - 1]}px` } : {}),
      ...(inCols ? { left: `${lefts[col - 1]}px` } : {}),
      zIndex: inRows && inCols ? 3 : inRows ? 2 : 1,
    };
  };

  /** A title or a line of instructions in the frozen rows stays too, and hides what scrolls under. */
  const frozenLine = (row: number): React.CSSProperties | undefined =>
    row <= freeze.rows && tops[row - 1] !== undefined
      ? { top: `${tops[row - 1]}px`, zIndex: 2 }
      : undefined;

  /** Where a cell's border is the edge of a bordered block: no bordered cell above, or to the left. */
  const hasLine = (row: number, col: number): boolean => {
    if (row < 1 || col < 1) return false;
    const style = look.cell(row, col).style;
    return Boolean(style.border || style.dottedBorder);
  };
  const bordered = (row: number, col: number) => ({
    top: !hasLine(row - 1, col),
    left: !hasLine(row, col - 1),
  });

  /** Arrow keys, Enter and Tab move between cells as in Excel; the cell's control takes the focus. */
  const onKeyDown = (event: React.KeyboardEvent<HTMLTableElement>): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const cell = target.closest<HTMLElement>("td[data-row]");
    if (!cell) return;
    const caret =
      target instanceof HTMLInputElement
        ? {
            start: target.selectionStart ?? 0,
            end: target.selectionEnd ?? 0,
            length: target.value.length,
          }
        : undefined;
    const to = moveFrom(
      { row: Number(cell.dataset.row), col: Number(cell.dataset.col) },
      event.key,
      target.tagName.toLowerCase(),
      caret,
      { rows: look.rows, cols: look.cols },
      event.shiftKey
    );
    if (!to) return;
    const next = table.current?.querySelector<HTMLElement>(
      `td[data-row="${to.row}"][data-col="${to.col}"]`
    );
    if (!next) return;
    event.preventDefault();
    const control = next.querySelector<HTMLElement>("button, select, input");
    (control ?? next).focus();
    next.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (!control) select(to.row, to.col, false);
  };

  return (
    <table
      ref={table}
      className={styles.table}
      style={{ width: `${width}px` }}
      data-sheet={look.name}
      aria-label={look.name}
      onKeyDown={onKeyDown}
    >
      <colgroup>
        <col style={{ width: "40px" }} />
        {widths.map((w, i) => (
          <col key={i} style={{ width: `${w}px` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <td
            className={mergeClasses(styles.heading, styles.rowHeading)}
            style={{ top: 0, zIndex: 4 }}
          />
          {cols.map((col) => (
            <th
              key={col}
              scope="col"
              className={styles.heading}
              style={{
                zIndex: col <= freeze.cols ? 4 : 3,
                ...(col <= freeze.cols ? { left: `${lefts[col - 1]}px` } : {}),
              }}
            >
              {columnLetters(col)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row} style={rowHeight(look, row)}>
            <th
              scope="row"
              className={mergeClasses(styles.heading, styles.rowHeading)}
              style={
                row <= freeze.rows && tops[row - 1] !== undefined
                  ? { top: `${tops[row - 1]}px`, zIndex: 3 }
                  : { zIndex: 1 }
              }
            >
              {row}
            </th>
            {aloneOnRow(look, row) ? (
              <td
                data-cell={cellAddress(row, 1)}
                data-row={row}
                data-col={1}
                colSpan={look.cols}
                tabIndex={-1}
                className={mergeClasses(
                  styles.cell,
                  styles.line,
                  styles.focusable,
                  frozenLine(row) && styles.frozen
                )}
                style={{ ...frozenLine(row), ...cssOf(look.cell(row, 1).style) }}
                onClick={(event) => select(row, 1, event.shiftKey)}
              >
                <div className={styles.lineText}>{look.cell(row, 1).text}</div>
              </td>
            ) : (
              cols.map((col) => {
                const cell = look.cell(row, col);
                const selected = inside(props.selection, look.name, row, col);
                const address = cellAddress(row, col);
                const frozen = frozenStyle(row, col);
                const outOfDate = props.stale && cell.computed === true && cell.text !== "";
                const spills =
                  !cell.editor &&
                  !cell.style.wrap &&
                  cell.text !== "" &&
                  col < look.cols &&
                  look.cell(row, col + 1).text === "";
                return (
                  <td
                    key={col}
                    data-cell={address}
                    data-row={row}
                    data-col={col}
                    tabIndex={cell.editor ? undefined : -1}
                    className={mergeClasses(
                      styles.cell,
                      spills && styles.spills,
                      !cell.editor && styles.focusable,
                      frozen && styles.frozen,
                      selected && styles.selected
                    )}
                    style={{
                      ...frozen,
                      ...cssOf(cell.style, bordered(row, col)),
                      ...(outOfDate ? { textDecoration: "line-through" } : {}),
                    }}
                    data-stale={outOfDate || undefined}
                    title={
                      outOfDate
                        ? `${cell.text} — ${props.texts.workbook.staleFigure}`
                        : cell.editor
                          ? undefined
                          : cell.text || undefined
                    }
                    onClick={(event) => {
                      if (!cell.editor) select(row, col, event.shiftKey);
                    }}
                  >
                    <CellEditor
                      look={cell}
                      label={cellLabel(look, props.role, row, col, props.texts)}
                      language={look.language}
                      onEdit={(value) => book.edit(look.name, row, col, value)}
                      onRefused={(typed) => props.onRefused(address, typed, cell.text)}
                    />
                  </td>
                );
              })
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WorkbookView({
  book,
  texts,
}: {
  book: PreviewWorkbook;
  texts: PaneTexts;
}): React.JSX.Element {
  const styles = useStyles();
  const state = useSyncExternalStore(book.subscribe, book.getState);
  const sheet = state.sheets.find((s) => s.name === state.active) ?? state.sheets[0];
  const look = useMemo(() => sheet && sheetLook(sheet, state), [sheet, state]);
  const scroller = useRef<HTMLDivElement>(null);
  // Typed values the sheets refused, still in their cells: the workbook holds the values before.
  const [refusals, setRefusals] = useState<{ cell: string; typed: string; kept: string }[]>([]);
  const onRefused = (address: string, typed: string | undefined, kept: string): void => {
    const cell = `${sheet?.name ?? ""}!${address}`;
    setRefusals((before) => [
      ...before.filter((refusal) => refusal.cell !== cell),
      ...(typed === undefined ? [] : [{ cell, typed, kept }]),
    ]);
  };

  // A selection made from the pane (a link to a cell) is brought into view.
  useEffect(() => {
    const selection = state.selection;
    if (!selection || !scroller.current || selection.sheet !== sheet?.name) return;
    const cell = scroller.current.querySelector(
      `td[data-cell="${cellAddress(selection.rect.row, selection.rect.col)}"]`
    );
    cell?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [state.selection, state.active]);

  return (
    <section className={styles.root} aria-label={texts.workbook.region}>
      {state.sheets.length === 0 || !sheet || !look ? (
        <Text as="p" className={styles.empty}>
          {texts.workbook.empty}
        </Text>
      ) : (
        <>
          <TabList
            className={styles.tabs}
            aria-label={texts.workbook.tabs}
            selectedValue={sheet.name}
            onTabSelect={(_, data) => book.activate(String(data.value))}
            size="small"
          >
            {state.sheets.map((s) => (
              <Tab
                key={s.name}
                value={s.name}
                style={s.plan?.tabColour ? { borderBottom: `3px solid ${s.plan.tabColour}` } : {}}
              >
                {s.name}
              </Tab>
            ))}
          </TabList>
          {sheet.stale && (
            <div role="status" className={styles.stale}>
              <Text as="p" block>
                {texts.workbook.staleSheet}
              </Text>
            </div>
          )}
          {refusals.length > 0 && (
            <div role="alert" className={styles.stale}>
              {refusals.map((refusal) => (
                <Text as="p" block key={refusal.cell}>
                  {texts.workbook.stale(refusal.cell, refusal.typed, refusal.kept)}
                </Text>
              ))}
            </div>
          )}
          <div
            key={sheet.name}
            ref={scroller}
            className={styles.scroller}
            role="region"
            aria-label={sheet.name}
            tabIndex={0}
          >
            <SheetTable
              book={book}
              look={look}
              role={sheet.plan?.role}
              selection={state.selection}
              texts={texts}
              stale={refusals.length > 0 || sheet.stale === true}
              onRefused={onRefused}
            />
          </div>
        </>
      )}
    </section>
  );
}
