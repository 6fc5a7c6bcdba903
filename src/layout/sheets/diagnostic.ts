/**
 * "Diagnostic": what the method combines with targeting (docs/method.md §6) — the study's PESTEL
 * (one cell per factor) and, per segment, its SWOT and the risks of targeting it (one column per
 * segment, its name mirrored from the segments sheet). Every cell is a list, one entry per line.
 */
import * as msg from "../../messages";
import { Bilingual } from "../../method/levels";
import { Problem } from "../../messages";
import { diagnosticTexts } from "../../method/checks/diagnostics";
import {
  PESTEL_FACTORS,
  RISKS_LABEL,
  SWOT_PARTS,
  emptyPestel,
  emptySwot,
  nonEmptyLists,
} from "../../method/diagnostics";
import { Segment, nameKey } from "../../method/study";
import { SheetGrid, cellAt, cellText, gridWidth } from "../grids";
import {
  COLOURS,
  emptySheet,
  fill,
  heading,
  mirroredText,
  namedArea,
  namedItemText,
  put,
  rect,
  style,
  where,
} from "../kit";
import { CellValue, SheetPlan, text } from "../plan";
import { PlanContext, ReadContext, SheetModule, definedName, sheetNames } from "../sheet";
import { segmentNameMirror, segmentSlots } from "./checklist";

/** The defined names of this sheet's areas (layout/names.ts gathers every sheet's). */
const DIAGNOSTIC_NAMES = sheetNames(
  /** The diagnostic sheet: the study's PESTEL (one column), the segments' SWOT and risks. */
  "pestel",
  "swot"
);

export const DIAGNOSTIC = {
  pestelHeaderRow: 4,
  labelCol: 1,
  firstCol: 2,
} as const;

/** Points per line of text, for the rows that hold several entries (Excel's largest row: 409). */
const LINE_HEIGHT = 15;

/** The rows under a segment's name: its SWOT's four parts, then its risks. */
const SEGMENT_ROWS: readonly {
  id: keyof NonNullable<Segment["swot"]> | "risks";
  label: Bilingual;
}[] = [...SWOT_PARTS, { id: "risks", label: RISKS_LABEL }];

function layout(): { pestelRow: number; swotHeaderRow: number; swotRow: number } {
  const pestelRow = DIAGNOSTIC.pestelHeaderRow + 1;
  const swotHeaderRow = pestelRow + PESTEL_FACTORS.length + 2;
  return { pestelRow, swotHeaderRow, swotRow: swotHeaderRow + 1 };
}

const lines = (entries: readonly string[] | undefined): CellValue =>
  entries && entries.length > 0 ? text(entries.join("\n")) : null;

function plan({ study, language, texts, names }: PlanContext): SheetPlan {
  const t = texts.diagnostic;
  const sheet = emptySheet("diagnostic", texts.sheets.diagnostic, DIAGNOSTIC_SHEET.tabColour);
  const segments = segmentSlots(study.segments);
  const count = segments.length;
  const { pestelHeaderRow, labelCol, firstCol } = DIAGNOSTIC;
  const { pestelRow, swotHeaderRow, swotRow } = layout();

  heading(sheet, t.title, t.instructions);

  // The study's PESTEL: a factor per row, its findings in one cell.
  put(sheet, pestelHeaderRow, labelCol, [
    [text(t.pestel), text(t.entries)],
    ...PESTEL_FACTORS.map(({ id, label }) => [text(label[language]), lines(study.pestel?.[id])]),
  ]);

  // Each segment's SWOT and risks: its name across (mirrored), the parts down.
  put(sheet, swotHeaderRow - 1, labelCol, [
    [text(t.swot)],
    [text(t.segment)],
    ...SEGMENT_ROWS.map(({ label }) => [text(label[language])]),
  ]);
  fill(sheet, rect(swotHeaderRow, firstCol, 1, count), segmentNameMirror(swotHeaderRow, firstCol), [
    segments.map((s) => s?.name ?? ""),
  ]);
  if (segments.some((s) => s?.swot || s?.risks))
    put(
      sheet,
      swotRow,
      firstCol,
      SEGMENT_ROWS.map(({ id }) =>
        segments.map((s) => lines(id === "risks" ? s?.risks : s?.swot?.[id]))
      )
    );

  const headerStyle = {
    bold: true,
    fill: COLOURS.header,
    border: true,
    wrap: true,
    vertical: "middle" as const,
  };
  const inputStyle = {
    fill: COLOURS.input,
    border: true,
    wrap: true,
    vertical: "top" as const,
  };
  style(sheet, rect(pestelHeaderRow, labelCol, 1, 2), headerStyle);
  style(sheet, rect(swotHeaderRow, labelCol, 1, count + 1), headerStyle);
  style(sheet, rect(swotHeaderRow - 1, labelCol), { bold: true });
  style(sheet, rect(pestelRow, labelCol, PESTEL_FACTORS.length, 1), {
    bold: true,
    border: true,
    vertical: "top",
  });
  style(sheet, rect(swotRow, labelCol, SEGMENT_ROWS.length, 1), {
    bold: true,
    border: true,
    vertical: "top",
  });
  style(sheet, rect(pestelRow, firstCol, PESTEL_FACTORS.length, 1), inputStyle);
  style(sheet, rect(swotRow, firstCol, SEGMENT_ROWS.length, count), inputStyle);
  // Rows whose cells hold several entries grow to show them (only those: each height is a call
  // for Excel, and a study without diagnostics needs none).
  const heights = [
    ...PESTEL_FACTORS.map(({ id }, i) => ({ row: pestelRow + i, lines: [study.pestel?.[id]] })),
    ...SEGMENT_ROWS.map(({ id }, i) => ({
      row: swotRow + i,
      lines: segments.map((s) => (id === "risks" ? s?.risks : s?.swot?.[id])),
    })),
  ].flatMap(({ row, lines }) => {
    const most = Math.max(0, ...lines.map((entries) => entries?.length ?? 0));
    return most > 1 ? [{ row, height: Math.min(409, most * LINE_HEIGHT + 3) }] : [];
  });
  if (heights.length > 0) sheet.rowHeights = heights;
  sheet.columnWidths.push({ col: labelCol, width: 30 });
  for (let col = firstCol; col < firstCol + count; col++)
    sheet.columnWidths.push({ col, width: 40 });

  names.push(
    {
      name: DIAGNOSTIC_NAMES.pestel,
      sheet: sheet.name,
      rect: rect(pestelRow, firstCol, PESTEL_FACTORS.length, 1),
    },
    {
      name: DIAGNOSTIC_NAMES.swot,
      sheet: sheet.name,
      rect: rect(swotRow, firstCol, SEGMENT_ROWS.length, count),
    }
  );
  return sheet;
}

/** A cell's entries, one per line, each with its place. */
function cellEntries(grid: SheetGrid, row: number, col: number): [null, string][] {
  const shown = cellText(cellAt(grid, row, col));
  return shown.trim() === "" ? [] : shown.split("\n").map((line) => [null, line.trim()]);
}

function read({ grids, problems, draft }: ReadContext): void {
  readPestel(grids, problems, draft);
  readSwot(grids, problems, draft);
}

function readPestel(
  grids: ReadContext["grids"],
  problems: Problem[],
  draft: ReadContext["draft"]
): void {
  const area = namedArea(grids, DIAGNOSTIC_NAMES.pestel);
  if (!area) return;
  const { grid, rect: body } = area;
  const pestel = emptyPestel();
  PESTEL_FACTORS.forEach(({ id, label }, index) => {
    if (index >= body.rows) return;
    const row = body.row + index;
    const at = where(grid, row, body.col);
    pestel[id] = diagnosticTexts(
      label,
      cellEntries(grid, row, body.col),
      () => at,
      undefined,
      problems
    );
  });
  const kept = nonEmptyLists(pestel);
  if (kept) draft.pestel = kept;
}

/** Each segment's SWOT and risks, matched by the name its column shows (as the checklist's). */
function readSwot(
  grids: ReadContext["grids"],
  problems: Problem[],
  draft: ReadContext["draft"]
): void {
  const area = namedArea(grids, DIAGNOSTIC_NAMES.swot);
  if (!area) return;
  const { grid, rect: body } = area;
  const bySegment = new Map((draft.segments ?? []).map((s) => [nameKey(s.name), s]));
  const rows = Math.min(body.rows, SEGMENT_ROWS.length);
  // Clamped to the columns the sheet holds: a name stretched to XFD reads what exists.
  const lastCol = Math.min(body.col + body.cols - 1, gridWidth(grid));
  for (let col = body.col; col <= lastCol; col++) {
    const hasText = Array.from({ length: rows }, (_, i) => body.row + i).some(
      (row) => cellText(cellAt(grid, row, col)).trim() !== ""
    );
    if (!hasText) continue;
    const shown = mirroredText(cellAt(grid, body.row - 1, col), () =>
      namedItemText(grids, definedName("segmentNames"), col - body.col)
    ).trim();
    const segment = bySegment.get(nameKey(shown));
    if (!segment) {
      problems.push(msg.diagnosticWithoutSegment(where(grid, body.row - 1, col), shown));
      continue;
    }
    const swot = emptySwot();
    for (let i = 0; i < rows; i++) {
      const { id, label } = SEGMENT_ROWS[i];
      const row = body.row + i;
      const at = where(grid, row, col);
      const entries = diagnosticTexts(
        label,
        cellEntries(grid, row, col),
        () => at,
        segment.name,
        problems
      );
      if (id === "risks") {
        if (entries.length > 0) segment.risks = entries;
      } else swot[id] = entries;
    }
    const kept = nonEmptyLists(swot);
    if (kept) segment.swot = kept;
  }
}

export const DIAGNOSTIC_SHEET = {
  role: "diagnostic",
  names: DIAGNOSTIC_NAMES,
  anchor: DIAGNOSTIC_NAMES.swot,
  tabColour: "#2E75B6",
  inTemplate: false,
  plan,
  read,
} satisfies SheetModule<"diagnostic">;
