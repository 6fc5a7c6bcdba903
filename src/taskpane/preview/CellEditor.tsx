/**
 * How one input cell of the preview is edited, as in Excel: a mark is ticked with a click, Space or
 * by typing X; a level is picked from its list; a number or a text is typed whole (the cell keeps
 * what is being typed and the focus, and writes it when the consultant leaves the cell or presses
 * Enter), a French number with a comma. A value the sheet would refuse stays in the cell, marked,
 * with the sheet's own message, and is not written.
 */
import React, { useEffect, useRef, useState } from "react";
import { makeStyles } from "@fluentui/react-components";
import { CellLook, editingText, parseTypedNumber } from "../../hosts/preview/look";

const useStyles = makeStyles({
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
  typed: {
    width: "100%",
    font: "inherit",
    color: "inherit",
    boxSizing: "border-box",
    border: "none",
    padding: "0",
    backgroundColor: "transparent",
  },
  invalid: { outline: "2px solid #C00000", outlineOffset: "-2px" },
});

export interface CellEditorProps {
  look: CellLook;
  label: string;
  language: "fr" | "en";
  onEdit: (value: string | number) => void;
  /**
   * Told when a typed value is refused and stays in the cell (what was typed), and when it no longer
   * does (undefined): meanwhile the workbook still holds the value before, and so do its figures.
   */
  onRefused?: (typed: string | undefined) => void;
}

/** Keys that tick a mark cell, as typing X in Excel does. */
const TICK_KEYS = new Set(["x", "X"]);

export function CellEditor(props: CellEditorProps): React.JSX.Element {
  const { look, label, onEdit } = props;
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
        onKeyDown={(event) => {
          if (event.ctrlKey || event.metaKey || event.altKey) return;
          if (TICK_KEYS.has(event.key) && !on) onEdit(editor.on);
          else if ((event.key === "Delete" || event.key === "Backspace") && on) onEdit("");
        }}
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
  return <TypedCell {...props} />;
}

/** A number or a text typed whole: kept as typed while the focus is in the cell. */
function TypedCell({
  look,
  label,
  language,
  onEdit,
  onRefused,
}: CellEditorProps): React.JSX.Element {
  const styles = useStyles();
  const editor = look.editor;
  const numeric = editor?.kind === "number";
  const shown =
    numeric && look.number !== undefined ? editingText(look.number, language) : look.text;
  // Undefined while the consultant is not typing: the cell shows the workbook's value.
  const [draft, setDraftState] = useState<string>();
  const [refused, setRefusedState] = useState<string>();
  const told = useRef<(typed: string | undefined) => void>();
  told.current = onRefused;
  const refusedNow = useRef(false);
  const setRefused = (message: string | undefined, typed?: string): void => {
    setRefusedState(message);
    if (message === undefined && !refusedNow.current) return;
    refusedNow.current = message !== undefined;
    told.current?.(message === undefined ? undefined : typed);
  };
  // A cell taken off the screen (another sheet shown) takes its refused value with it.
  useEffect(
    () => () => {
      if (refusedNow.current) told.current?.(undefined);
    },
    []
  );
  // The draft as of now (Enter then the move's blur both commit, in one event, before a render).
  const current = useRef<string>();
  const setDraft = (value: string | undefined): void => {
    current.current = value;
    setDraftState(value);
  };

  /** Writes what was typed; false when the sheet would refuse it (it stays, marked). */
  const commit = (): boolean => {
    const typed = current.current;
    if (typed === undefined) return true;
    if (typed.trim() === "") {
      setDraft(undefined);
      setRefused(undefined);
      if (shown !== "") onEdit("");
      return true;
    }
    if (editor?.kind !== "number") {
      setDraft(undefined);
      if (typed !== shown) onEdit(typed);
      return true;
    }
    const value = parseTypedNumber(typed, language);
    if (value === undefined || value < editor.min || value > editor.max) {
      setRefused(editor.error ?? label, typed);
      return false; // kept as typed, marked: never a different number written
    }
    setDraft(undefined);
    setRefused(undefined);
    if (value !== look.number) onEdit(value);
    return true;
  };

  return (
    <input
      className={refused ? `${styles.typed} ${styles.invalid}` : styles.typed}
      type="text"
      inputMode={numeric ? "decimal" : undefined}
      aria-label={label}
      aria-invalid={refused !== undefined}
      title={refused}
      value={draft ?? shown}
      onChange={(event) => setDraft(event.target.value)}
      onFocus={(event) => event.target.select()}
      onBlur={() => void commit()}
      onKeyDown={(event) => {
        // Refused: the focus stays in the cell (the grid does not move on), as Excel's check does.
        if (event.key === "Enter" && !commit()) event.preventDefault();
        else if (event.key === "Escape") {
          setDraft(undefined);
          setRefused(undefined);
        }
      }}
    />
  );
}
