/**
 * Where a key moves the preview's current cell, as in Excel: arrows to the next cell, Enter down
 * (Shift+Enter up). Inside a cell being typed in, Left and Right move the caret until it reaches an
 * end of the text (or the whole text is selected, as when the cell was just entered); in a drop-down,
 * Up and Down pick a level, so only Left and Right leave it. Pure: the grid view applies it.
 */
export interface CellPosition {
  row: number;
  col: number;
}

export interface Caret {
  start: number;
  end: number;
  length: number;
}

const STEPS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
  Enter: [1, 0],
};

export function moveFrom(
  from: CellPosition,
  key: string,
  element: string,
  caret: Caret | undefined,
  size: { rows: number; cols: number },
  shift = false
): CellPosition | undefined {
  const step = STEPS[key];
  if (!step) return undefined;
  if (element === "select" && (key === "ArrowUp" || key === "ArrowDown" || key === "Enter"))
    return undefined;
  // Enter on a mark toggles it (the button's own click): it does not move.
  if (element === "button" && key === "Enter") return undefined;
  if (caret && (key === "ArrowLeft" || key === "ArrowRight")) {
    const wholeSelected = caret.start === 0 && caret.end === caret.length;
    const atEdge =
      caret.start === caret.end &&
      (key === "ArrowLeft" ? caret.start === 0 : caret.end === caret.length);
    if (!wholeSelected && !atEdge) return undefined;
  }
  const [down, right] = key === "Enter" && shift ? [-1, 0] : step;
  const row = Math.min(Math.max(from.row + down, 1), size.rows);
  const col = Math.min(Math.max(from.col + right, 1), size.cols);
  return row === from.row && col === from.col ? undefined : { row, col };
}
