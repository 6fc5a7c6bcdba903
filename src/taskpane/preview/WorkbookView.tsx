/**
 * The preview's workbook, drawn beside the pane: one tab per sheet, each sheet a grid with the plan's
 * looks (look.ts) and editable input cells (tick, pick a level or a kind, type a weight). Every value
 * is rendered as text by React: a name is shown exactly as typed, never as markup.
 */
import React, { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { Tab, TabList, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetters } from "../../layout/a1";
import { GRID, RATINGS } from "../../layout";
import { CellStyle } from "../../layout/plan";
import { CellLook, SheetLook, sheetLook } from "../../hosts/preview/look";
import { PreviewSelection, PreviewWorkbook } from "../../hosts/preview/workbook";
import { PaneTexts } from "../../i18n/pane";

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
  },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontFamily: "Calibri, 'Segoe UI', Arial, sans-serif",
    fontSize: "13px",
  },
  heading: {
    backgroundColor: "#F0F0F0",
    color: "#333333",
    fontWeight: "normal",
    border: "1px solid #D0D0D0",
    padding: "0 4px",
    position: "sticky",
    top: "0",
  },
  rowHeading: { position: "sticky", left: "0", textAlign: "right", top: "auto" },
  cell: {
    border: "1px solid #E4E4E4",
    padding: "1px 4px",
    height: "20px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "bottom",
  },
  selected: { outline: "2px solid #217346", outlineOffset: "-2px" },
  toggle: {
    width: "100%",
    minHeight: "18px",
    border: "none",
    background: "transparent",
    font: "inherit",
    fontWeight: "bold",
    color: "inherit",
    cursor: "pointer",
  },
  select: { width: "100%", font: "inherit", color: "#000000", backgroundColor: "#FFFFFF" },
  number: { width: "100%", font: "inherit", boxSizing: "border-box" },
  empty: { padding: tokens.spacingHorizontalM },
});

/** Excel's column width (characters) in pixels, roughly. */
const pixels = (width: number): number => Math.round(width * 7 + 5);

function cssOf(style: CellStyle): React.CSSProperties {
  return {
    ...(style.fill ? { backgroundColor: style.fill } : {}),
    ...(style.fontColour ? { color: style.fontColour } : {}),
    ...(style.bold ? { fontWeight: "bold" } : {}),
    ...(style.italic ? { fontStyle: "italic" } : {}),
    ...(style.fontSize ? { fontSize: `${Math.round(style.fontSize * 1.333)}px` } : {}),
    ...(style.horizontal ? { textAlign: style.horizontal } : {}),
    ...(style.vertical ? { verticalAlign: style.vertical } : {}),
    ...(style.border ? { border: "1px solid #8C8C8C" } : {}),
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

interface CellProps {
  look: CellLook;
  label: string;
  onEdit: (value: string | number) => void;
}

function Editor({ look, label, onEdit }: CellProps): React.JSX.Element {
  const styles = useStyles();
  const editor = look.editor;
  if (!editor) return <>{look.text}</>;
  if (editor.kind === "toggle") {
    const on = look.text.trim().toUpperCase() === editor.on.toUpperCase();
    return (
      <button
        type="button"
        className={styles.toggle}
        aria-pressed={on}
        aria-label={label}
        onClick={() => onEdit(on ? "" : editor.on)}
      >
        {look.text}
      </button>
    );
  }
  if (editor.kind === "choice") {
    const known = editor.options.some((option) => option === look.text);
    return (
      <select
        className={styles.select}
        aria-label={label}
        value={look.text}
        onChange={(event) => onEdit(event.target.value)}
      >
        <option value="" />
        {!known && look.text !== "" && <option value={look.text}>{look.text}</option>}
        {editor.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className={styles.number}
      type="number"
      aria-label={label}
      min={editor.min}
      max={editor.max}
      step={0.5}
      defaultValue={look.number ?? ""}
      key={look.text}
      onChange={(event) => {
        const value = Number(event.target.value);
        if (event.target.value !== "" && value >= editor.min && value <= editor.max) onEdit(value);
      }}
    />
  );
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

function SheetTable(props: {
  book: PreviewWorkbook;
  look: SheetLook;
  role?: string;
  selection?: PreviewSelection;
  texts: PaneTexts;
}): React.JSX.Element {
  const styles = useStyles();
  const { look, book } = props;
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
  return (
    <table
      className={styles.table}
      style={{ width: `${width}px` }}
      data-sheet={look.name}
      aria-label={look.name}
    >
      <colgroup>
        <col style={{ width: "40px" }} />
        {widths.map((w, i) => (
          <col key={i} style={{ width: `${w}px` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <td className={styles.heading} />
          {cols.map((col) => (
            <th key={col} scope="col" className={styles.heading}>
              {columnLetters(col)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row}>
            <th scope="row" className={mergeClasses(styles.heading, styles.rowHeading)}>
              {row}
            </th>
            {cols.map((col) => {
              const cell = look.cell(row, col);
              const selected = inside(props.selection, look.name, row, col);
              const address = cellAddress(row, col);
              return (
                <td
                  key={col}
                  data-cell={address}
                  className={mergeClasses(styles.cell, selected && styles.selected)}
                  style={cssOf(cell.style)}
                  title={cell.editor ? undefined : cell.text || undefined}
                  onClick={(event) => {
                    if (!cell.editor) select(row, col, event.shiftKey);
                  }}
                >
                  <Editor
                    look={cell}
                    label={cellLabel(look, props.role, row, col, props.texts)}
                    onEdit={(value) => book.edit(look.name, row, col, value)}
                  />
                </td>
              );
            })}
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
            />
          </div>
        </>
      )}
    </section>
  );
}
