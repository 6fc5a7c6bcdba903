/**
 * "Check-list": the 11 items of the "good segment" list (docs/method.md §5) down, the segments across,
 * a status from the legend in each cell; live counts of ✓ per family and in all, and the segments
 * whose 11 items are Ok shown as ready.
 */
import { Language } from "../../method/levels";
import { checklistStatus } from "../../method/checks/segments";
import {
  CHECKLIST_FAMILIES,
  CHECKLIST_ITEMS,
  CHECKLIST_STATUSES,
  ChecklistFamily,
  DEFAULT_STATUS,
  StatusLabel,
  isSegmentReady,
  okCount,
  SEGMENT_FIGURES,
  figureEnteredFormula,
  okCountFormula,
  quantificationMismatchFormula,
  quantificationMismatches,
  readyFormula,
  statusCellLabel,
} from "../../method/segments";
import { Segment, nameKey } from "../../method/study";
import { cellAddress } from "../a1";
import { cellAt, cellText } from "../grids";
import {
  COLOURS,
  emptySheet,
  fill,
  heading,
  mirroredText,
  namedItemText,
  put,
  rect,
  style,
  where,
} from "../kit";
import { CellValue, SheetPlan, text } from "../plan";
import { PlanContext, ReadContext, SheetModule, definedName, sheetNames } from "../sheet";
import { SEGMENTS } from "./segments";

/** The defined names of this sheet's areas (layout/names.ts gathers every sheet's). */
const CHECKLIST_NAMES = sheetNames("segmentChecklistOk", "checklist");

export const CHECKLIST = {
  headerRow: 4,
  firstRow: 5,
  familyCol: 1,
  itemCol: 2,
  firstCol: 3,
} as const;

const FAMILIES = Object.keys(CHECKLIST_FAMILIES) as ChecklistFamily[];

/** Fill of each status, and of a ready segment. */
const STATUS_FILLS: Record<StatusLabel["canonical"], string> = {
  ok: "#C6EFCE",
  "en cours": "#FFEB9C",
  "à faire": "#FFC7CE",
  "à analyser": "#DDEBF7",
};

/** Whether a quantification figure is entered on the segments sheet, as its live line shows it. */
export const FIGURE_MARKS = { entered: "✓", missing: "—" } as const;

/** An item that disagrees with its figure: orange, apart from every status's own fill. */
const MISMATCH_FILL = "#F4B183";

/** Rows of the counts under the items: one per family, then the total. */
function countRows(): { family?: ChecklistFamily; row: number }[] {
  const first = CHECKLIST.firstRow + CHECKLIST_ITEMS.length + 1;
  return [
    ...FAMILIES.map((family, i) => ({ family, row: first + i })),
    { row: first + FAMILIES.length },
  ];
}

/** The segment names across, mirrored from the segments sheet by position. */
export function segmentNameMirror(row: number, firstCol: number): string {
  const anchor = cellAddress(row, firstCol, { col: true });
  return `INDEX(${definedName("segmentNames")},COLUMNS(${anchor}:${cellAddress(row, firstCol)}))&""`;
}

/** How many segment columns a sheet that mirrors the segments has (the segments sheet's count). */
export function segmentSlots(segments: readonly Segment[] | undefined): (Segment | undefined)[] {
  return segments && segments.length > 0
    ? [...segments]
    : new Array<undefined>(SEGMENTS.blankSegments).fill(undefined);
}

function plan({ study, language, texts, names }: PlanContext): SheetPlan {
  const t = texts.checklist;
  const sheet = emptySheet("checklist", texts.sheets.checklist, CHECKLIST_SHEET.tabColour);
  const segments = segmentSlots(study.segments);
  const count = segments.length;
  const { headerRow, firstRow, familyCol, itemCol, firstCol } = CHECKLIST;
  const items = CHECKLIST_ITEMS.length;
  const body = rect(firstRow, firstCol, items, count);
  const label = (status: StatusLabel): string => statusCellLabel(status, language);

  heading(sheet, t.title, t.instructions);
  put(sheet, headerRow, familyCol, [[text(t.family), text(t.item)]]);
  fill(sheet, rect(headerRow, firstCol, 1, count), segmentNameMirror(headerRow, firstCol), [
    segments.map((s) => s?.name ?? ""),
  ]);
  let previous: ChecklistFamily | undefined;
  put(
    sheet,
    firstRow,
    familyCol,
    CHECKLIST_ITEMS.map((item): CellValue[] => {
      const family =
        item.family === previous ? null : text(CHECKLIST_FAMILIES[item.family][language]);
      previous = item.family;
      return [family, text(item[language])];
    })
  );
  put(
    sheet,
    firstRow,
    firstCol,
    CHECKLIST_ITEMS.map((_, i) =>
      segments.map((s): CellValue => {
        const status = CHECKLIST_STATUSES.find(
          (l) => l.canonical === (s?.checklist[i] ?? DEFAULT_STATUS)
        );
        return s && status ? text(label(status)) : null;
      })
    )
  );

  // Counts of ✓: per family, then in all (the contract name).
  const column = (from: number, to: number): string =>
    `${cellAddress(from, firstCol, { row: true })}:${cellAddress(to, firstCol, { row: true })}`;
  for (const { family, row } of countRows()) {
    const rows = CHECKLIST_ITEMS.flatMap((item, i) =>
      family === undefined || item.family === family ? [firstRow + i] : []
    );
    const heading = family
      ? `${t.okCount} ${CHECKLIST_FAMILIES[family][language]} (${rows.length})`
      : t.total;
    put(sheet, row, itemCol, [[text(heading)]]);
    fill(
      sheet,
      rect(row, firstCol, 1, count),
      okCountFormula(column(rows[0], rows[rows.length - 1])),
      [segments.map((s) => (s ? okCount(rows.map((r) => s.checklist[r - firstRow])) : 0))]
    );
  }
  const totalRow = countRows()[FAMILIES.length].row;
  const counts = rect(countRows()[0].row, itemCol, FAMILIES.length + 1, count + 1);

  // The quantification items follow their figures (issue 17 item 6): under the counts, whether
  // each figure is entered on the segments sheet (live), and the items in orange where the two
  // disagree. Formulas and a note only: nothing here is read back. The items are consecutive, as
  // their figures' names are listed: one fill and one rule cover the three (fewer calls for Excel).
  const quantified = CHECKLIST_ITEMS.flatMap((item, i) =>
    item.figure ? [{ index: i, figure: item.figure }] : []
  );
  const figureNames = {
    size: definedName("segmentSize"),
    frequency: definedName("segmentFrequency"),
    basket: definedName("segmentBasket"),
  };
  const figuresRow = totalRow + 2;
  const anchor = cellAddress(figuresRow, firstCol, { row: true, col: true });
  const here = cellAddress(figuresRow, firstCol);
  const figureCell = `INDEX(CHOOSE(ROWS(${anchor}:${here}),${quantified
    .map(({ figure }) => figureNames[figure])
    .join(",")}),COLUMNS(${anchor}:${here}))`;
  put(
    sheet,
    figuresRow,
    itemCol,
    quantified.map(({ figure }) => [
      text(`${t.figureEntered} ${SEGMENT_FIGURES[figure][language]}`),
    ])
  );
  fill(
    sheet,
    rect(figuresRow, firstCol, quantified.length, count),
    `IF(${figureEnteredFormula(figureCell)},"${FIGURE_MARKS.entered}","${FIGURE_MARKS.missing}")`,
    quantified.map(({ figure }) =>
      segments.map((s) => (s?.[figure] !== undefined ? FIGURE_MARKS.entered : FIGURE_MARKS.missing))
    )
  );
  // No border: a line to read, not a cell to fill (and a dozen fewer calls for Excel).
  style(sheet, rect(figuresRow, itemCol, quantified.length, count + 1), {
    horizontal: "center",
    italic: true,
  });
  const mismatches = segments.map((s) => (s ? quantificationMismatches(s) : []));
  // The items follow each other (CHECKLIST_ITEMS 9–11), as their lines do: item k meets line k.
  const firstItem = quantified[0].index;
  // First, so that its fill wins over the status's own. Over the figure's line on this sheet (row
  // relative), so that a client export, which bakes the line, keeps a rule over its own cells.
  const mismatchRule = {
    rect: rect(firstRow + firstItem, firstCol, quantified.length, count),
    rule: {
      kind: "formula" as const,
      formula: quantificationMismatchFormula(
        cellAddress(firstRow + firstItem, firstCol),
        `${cellAddress(figuresRow, firstCol)}="${FIGURE_MARKS.entered}"`
      ),
      fill: MISMATCH_FILL,
      bold: true,
      holds: quantified.map(({ index }) =>
        mismatches.map((list) => list.some((m) => m.item === index))
      ),
    },
  };

  style(sheet, rect(headerRow, familyCol, 1, count + 2), {
    bold: true,
    fill: COLOURS.header,
    border: true,
    wrap: true,
    vertical: "middle",
    horizontal: "center",
  });
  style(sheet, rect(firstRow, familyCol, items, 2), { border: true, vertical: "middle" });
  style(sheet, rect(firstRow, familyCol, items, 1), { bold: true });
  style(sheet, body, { border: true, horizontal: "center", fill: COLOURS.input });
  style(sheet, counts, { border: true, bold: true, horizontal: "center" });
  sheet.validations.push({
    rect: body,
    rule: { kind: "listRange", formula: definedName("checklistStatuses") },
    error: t.statusError,
  });
  // `holds`: where each rule holds as written, for an export to fix the look in the cells.
  const statusOf = (s: Segment | undefined, i: number): string | undefined =>
    s ? (s.checklist[i] ?? DEFAULT_STATUS) : undefined;
  sheet.conditionalFormats.push(mismatchRule);
  for (const status of CHECKLIST_STATUSES) {
    sheet.conditionalFormats.push({
      rect: body,
      rule: {
        kind: "formula",
        formula: `TRIM(${cellAddress(firstRow, firstCol)})="${label(status)}"`,
        fill: STATUS_FILLS[status.canonical],
        holds: CHECKLIST_ITEMS.map((_, i) =>
          segments.map((s) => statusOf(s, i) === status.canonical)
        ),
      },
    });
  }
  // A segment whose 11 items are Ok: its name and its total in green.
  const ready = readyFormula(cellAddress(totalRow, firstCol, { row: true }));
  const readyNow = segments.map((s) => s !== undefined && isSegmentReady(s.checklist));
  for (const row of [headerRow, totalRow]) {
    sheet.conditionalFormats.push({
      rect: rect(row, firstCol, 1, count),
      rule: {
        kind: "formula",
        formula: ready,
        fill: STATUS_FILLS.ok,
        fontColour: "#006100",
        bold: true,
        holds: [readyNow],
      },
    });
  }
  sheet.columnWidths.push({ col: familyCol, width: 38 }, { col: itemCol, width: 62 });
  for (let col = firstCol; col < firstCol + count; col++)
    sheet.columnWidths.push({ col, width: 18 });
  sheet.freeze = { rows: headerRow, cols: itemCol };

  names.push(
    { name: CHECKLIST_NAMES.checklist, sheet: sheet.name, rect: body },
    {
      name: CHECKLIST_NAMES.segmentChecklistOk,
      sheet: sheet.name,
      rect: rect(totalRow, firstCol, 1, count),
    }
  );
  return sheet;
}

/** The statuses of each segment, matched by the name its column shows. */
function read({ grids, problems, draft }: ReadContext): void {
  const named = grids.names.find((n) => n.name === CHECKLIST_NAMES.checklist);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid || !draft.segments) return;
  const bySegment = new Map(draft.segments.map((s) => [nameKey(s.name), s]));
  const headerRow = named.rect.row - (CHECKLIST.firstRow - CHECKLIST.headerRow);
  for (let col = named.rect.col; col < named.rect.col + named.rect.cols; col++) {
    const shown = mirroredText(cellAt(grid, headerRow, col), () =>
      namedItemText(grids, definedName("segmentNames"), col - named.rect.col)
    );
    const segment = bySegment.get(nameKey(shown));
    if (!segment) continue;
    CHECKLIST_ITEMS.forEach((_, i) => {
      const row = named.rect.row + i;
      const raw = cellText(cellAt(grid, row, col)).trim();
      const status = checklistStatus(raw, raw, where(grid, row, col), problems);
      if (status) segment.checklist[i] = status;
    });
  }
}

export const CHECKLIST_SHEET = {
  role: "checklist",
  names: CHECKLIST_NAMES,
  anchor: CHECKLIST_NAMES.checklist,
  tabColour: "#C55A11",
  inTemplate: false,
  plan,
  read,
} satisfies SheetModule<"checklist">;

/** The status labels as the dropdown lists them, in the workbook's language. */
export function statusLabels(language: Language): string[] {
  return CHECKLIST_STATUSES.map((status) => statusCellLabel(status, language));
}
