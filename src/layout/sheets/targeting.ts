/**
 * "Ciblage": the offerings × segments table where the consultant marks the pairs to pursue, the
 * strategy the marks form (docs/method.md §6) named live with a sentence, the segments ranked by mean
 * score and potential, the conquest order and, per segment, one line per growth lever (docs/method.md §7.2–§7.3).
 */
import { describeConquestReason, describeWarning } from "../../i18n/advice";
import { amountNumberFormat } from "../../i18n/numbers";
import { advise } from "../../method/advice";
import { WORKBOOK_TEXTS } from "../../i18n/workbook";
import { Language } from "../../method/levels";
import * as msg from "../../messages";
import { markCountFormula, isMark } from "../../method/marks";
import {
  GROWTH_LEVERS,
  STRATEGIES,
  strategyFormula,
  strategySentence,
} from "../../method/segments";
import { strategyOfTargets } from "../../method/targeting";
import { Segment, Study, nameKey } from "../../method/study";
import { byKey } from "../../method/checks/names";
import { segmentPlan } from "../../method/checks/segments";
import {
  ConquestEntry,
  TargetEntry,
  checkConquest,
  checkTargets,
} from "../../method/checks/targeting";
import { Rect, cellAddress } from "../a1";
import { cellAt, cellText, gridHeight } from "../grids";
import {
  COLOURS,
  NOTE_STYLE,
  emptySheet,
  fill,
  heading,
  mirroredText,
  namedItemAddress,
  namedItemText,
  put,
  rect,
  style,
  where,
} from "../kit";
import { CellValue, SheetPlan, num, text } from "../plan";
import { PlanContext, ReadContext, SheetModule, definedName, sheetNames } from "../sheet";
import { segmentNameMirror, segmentSlots } from "./checklist";
import { SEGMENTS, competitionOf, meanScore, potentialOf } from "./segments";

/** The defined names of this sheet's areas (layout/names.ts gathers every sheet's). */
const TARGETING_NAMES = sheetNames("targets", "targetStrategy", "conquest", "segmentPlans");

/**
 * The method's judgement as Ciblage writes it when the workbook is built: the suggested order's lines
 * and the warnings' lines (docs/method.md §9). Advice to the consultant: the client export leaves
 * these texts out (layout/export.ts), the client sees the order the consultant chose.
 */
export function adviceTexts(
  study: Study,
  language: Language
): { conquest: string[]; warnings: string[] } {
  const advice = advise(study);
  const t = WORKBOOK_TEXTS[language].targeting;
  return {
    conquest: advice.conquest.map(
      (step) => `${step.segment} — ${describeConquestReason(step, language, true)}`
    ),
    warnings:
      advice.warnings.length === 0
        ? [t.noWarning]
        : advice.warnings.map((warning) => describeWarning(warning, language)),
  };
}

export const TARGETING = {
  headerRow: 4,
  firstRow: 5,
  labelCol: 1,
  firstCol: 2,
} as const;

interface Layout {
  offerings: number;
  segments: number;
  countsRow: number;
  countsCol: number;
  strategyRow: number;
  rankingRow: number;
  conquestRow: number;
  leversRow: number;
}

function layout(offerings: number, segments: number): Layout {
  const countsRow = TARGETING.firstRow + offerings;
  const strategyRow = countsRow + 2;
  const rankingRow = strategyRow + 3;
  const conquestRow = rankingRow + segments + 3;
  return {
    offerings,
    segments,
    countsRow,
    countsCol: TARGETING.firstCol + segments,
    strategyRow,
    rankingRow,
    conquestRow,
    leversRow: conquestRow + segments + 3,
  };
}

function offeringSlots(study: Study): (string | undefined)[] {
  return study.offerings && study.offerings.length > 0
    ? study.offerings
    : new Array<undefined>(SEGMENTS.blankOfferings).fill(undefined);
}

/**
 * The rows headed by the segments' names, one column each from `TARGETING.firstCol` on (the
 * marks' grid, the growth levers): what the client export turns up when they are many.
 */
export function segmentHeaderRows(study: Study): { rows: number[]; segments: number } {
  const at = layout(offeringSlots(study).length, segmentSlots(study.segments).length);
  return { rows: [TARGETING.headerRow, at.leversRow], segments: at.segments };
}

/** The marks' grid's last row (the marks per segment) and its last column (the marks per offering). */
export function targetingGrid(study: Study): { lastRow: number; lastCol: number } {
  const at = layout(offeringSlots(study).length, segmentSlots(study.segments).length);
  return { lastRow: at.countsRow, lastCol: at.countsCol };
}

function plan({ study, language, texts, names }: PlanContext): SheetPlan {
  const t = texts.targeting;
  const sheet = emptySheet("targeting", texts.sheets.targeting, TARGETING_SHEET.tabColour);
  const segments = segmentSlots(study.segments);
  const offerings = offeringSlots(study);
  const at = layout(offerings.length, segments.length);
  const { headerRow, firstRow, labelCol, firstCol } = TARGETING;
  const table = rect(firstRow, firstCol, at.offerings, at.segments);
  const lastCol = firstCol + at.segments - 1;
  const lastRow = firstRow + at.offerings - 1;
  const targets = new Set(
    (study.targets ?? []).map(
      (target) => `${nameKey(target.offering)}\u0000${nameKey(target.segment)}`
    )
  );

  heading(sheet, t.title, t.instructions);

  // The table: offerings (mirrored from the segments sheet) × segments (mirrored), marks typed.
  put(sheet, headerRow, labelCol, [[text(t.corner)]]);
  fill(sheet, rect(headerRow, firstCol, 1, at.segments), segmentNameMirror(headerRow, firstCol), [
    segments.map((s) => s?.name ?? ""),
  ]);
  put(sheet, headerRow, at.countsCol, [[text(t.marksPerOffering)]]);
  const anchor = cellAddress(firstRow, labelCol, { row: true });
  fill(
    sheet,
    rect(firstRow, labelCol, at.offerings, 1),
    `INDEX(${definedName("offerings")},ROWS(${anchor}:${cellAddress(firstRow, labelCol)}))&""`,
    offerings.map((o) => [o ?? ""])
  );
  put(
    sheet,
    firstRow,
    firstCol,
    offerings.map((offering) =>
      segments.map((segment): CellValue =>
        offering !== undefined &&
        segment &&
        targets.has(`${nameKey(offering)}\u0000${nameKey(segment.name)}`)
          ? text("X")
          : null
      )
    )
  );
  const rowRange = `${cellAddress(firstRow, firstCol, { col: true })}:${cellAddress(firstRow, lastCol, { col: true })}`;
  const colRange = `${cellAddress(firstRow, firstCol, { row: true })}:${cellAddress(lastRow, firstCol, { row: true })}`;
  const markCount = (offering: string | undefined, segment: Segment | undefined): number =>
    offering !== undefined &&
    segment !== undefined &&
    targets.has(`${nameKey(offering)}\u0000${nameKey(segment.name)}`)
      ? 1
      : 0;
  fill(
    sheet,
    rect(firstRow, at.countsCol, at.offerings, 1),
    markCountFormula(rowRange),
    offerings.map((o) => [segments.reduce((n, s) => n + markCount(o, s), 0)])
  );
  put(sheet, at.countsRow, labelCol, [[text(t.marksPerSegment)]]);
  fill(sheet, rect(at.countsRow, firstCol, 1, at.segments), markCountFormula(colRange), [
    segments.map((s) => offerings.reduce((n, o) => n + markCount(o, s), 0)),
  ]);

  // The strategy and its sentence.
  const perSegment = `${cellAddress(at.countsRow, firstCol, { row: true, col: true })}:${cellAddress(at.countsRow, lastCol, { row: true, col: true })}`;
  const perOffering = `${cellAddress(firstRow, at.countsCol, { row: true, col: true })}:${cellAddress(lastRow, at.countsCol, { row: true, col: true })}`;
  const strategy = strategyOfTargets(
    study.targets ?? [],
    offerings,
    segments.map((s) => s?.name)
  );
  const strategyCell = cellAddress(at.strategyRow, firstCol);
  put(sheet, at.strategyRow, labelCol, [[text(t.strategy)]]);
  fill(
    sheet,
    rect(at.strategyRow, firstCol),
    strategyFormula(
      perSegment,
      perOffering,
      {
        segments: `${cellAddress(headerRow, firstCol, { row: true, col: true })}:${cellAddress(headerRow, lastCol, { row: true, col: true })}`,
        offerings: `${cellAddress(firstRow, labelCol, { row: true, col: true })}:${cellAddress(lastRow, labelCol, { row: true, col: true })}`,
      },
      language
    ),
    [[strategy ? STRATEGIES[strategy][language] : ""]]
  );
  fill(
    sheet,
    rect(at.strategyRow + 1, firstCol),
    `IF(${strategyCell}="","",INDEX(${definedName("strategyExplanations")},MATCH(${strategyCell},${definedName("strategyLabels")},0)))`,
    [[strategy ? strategySentence(strategy, language) : ""]]
  );

  // The segments ranked by mean score and by potential, to support the choice.
  const r = at.rankingRow;
  put(sheet, r - 1, labelCol, [[text(t.ranking)]]);
  put(sheet, r, labelCol, [
    [t.segment, t.meanScore, t.scoreRank, t.potential, t.potentialRank, t.competition].map((h) =>
      text(h)
    ),
  ]);
  const index = (name: string, col: number): string =>
    `INDEX(${name},ROWS(${cellAddress(r + 1, col, { row: true })}:${cellAddress(r + 1, col)}))`;
  const ranked = rect(r + 1, labelCol, at.segments, 6);
  const means = segments.map((s) => (s ? meanScore(s, study) : ""));
  const potentials = segments.map((s) => (s ? potentialOf(s) : ""));
  fill(
    sheet,
    rect(r + 1, labelCol, at.segments, 1),
    `${index(definedName("segmentNames"), labelCol)}&""`,
    segments.map((s) => [s?.name ?? ""])
  );
  const rankFormula = (valueCol: number): string => {
    const value = cellAddress(r + 1, valueCol);
    const all = `${cellAddress(r + 1, valueCol, { row: true })}:${cellAddress(r + at.segments, valueCol, { row: true })}`;
    return `IF(ISNUMBER(${value}),RANK(${value},${all}),"")`;
  };
  const rankOf = (values: (number | "")[], value: number | ""): number | "" =>
    value === "" ? "" : 1 + values.filter((v) => v !== "" && v > value).length;
  const figure = (name: string, valueCol: number, values: (number | "")[]): void => {
    fill(
      sheet,
      rect(r + 1, valueCol, at.segments, 1),
      `IF(${index(name, valueCol)}="","",${index(name, valueCol)})`,
      values.map((v) => [v])
    );
    fill(
      sheet,
      rect(r + 1, valueCol + 1, at.segments, 1),
      rankFormula(valueCol),
      values.map((v) => [rankOf(values, v)])
    );
  };
  figure(definedName("segmentMeanScore"), labelCol + 1, means);
  figure(definedName("segmentPotential"), labelCol + 3, potentials);
  // Competition beside them, not ranked: high can mean a busy market or a proven one.
  fill(
    sheet,
    rect(r + 1, labelCol + 5, at.segments, 1),
    `IF(${index(definedName("segmentCompetition"), labelCol + 5)}="","",${index(definedName("segmentCompetition"), labelCol + 5)})`,
    segments.map((s) => [s ? competitionOf(s, study) : ""])
  );

  // The conquest order: the first segment to win, then the next.
  const c = at.conquestRow;
  put(sheet, c - 1, labelCol, [[text(t.conquest)], [text(t.conquestNote)]]);
  const conquest = study.conquest ?? [];
  put(
    sheet,
    c + 1,
    labelCol,
    segments.map((_, i): CellValue[] => [
      num(i + 1),
      conquest[i] !== undefined ? text(conquest[i]) : null,
    ])
  );
  const conquestCells = rect(c + 1, firstCol, at.segments, 1);

  // The method's judgement (docs/method.md §9), as text fixed when the workbook is built: its
  // suggested order beside the consultant's, then its warnings under the levers. Nothing reads it
  // back; the pane and `advise` give the current judgement.
  // Its heading on the title's row: on the note's row it would stop the note's spill to the right.
  const advice = adviceTexts(study, language);
  put(sheet, c - 1, firstCol + 1, [[text(t.suggestedConquest)]]);
  put(
    sheet,
    c + 1,
    firstCol + 1,
    advice.conquest.map((line) => [text(line)])
  );

  // Growth levers, one line each per segment.
  const l = at.leversRow;
  put(sheet, l - 1, labelCol, [[text(t.levers)]]);
  put(sheet, l, labelCol, [[text(t.lever)]]);
  fill(sheet, rect(l, firstCol, 1, at.segments), segmentNameMirror(l, firstCol), [
    segments.map((s) => s?.name ?? ""),
  ]);
  put(
    sheet,
    l + 1,
    labelCol,
    GROWTH_LEVERS.map((lever) => [
      text(lever[language]),
      ...segments.map((s): CellValue =>
        s?.plans[lever.id] ? text(s.plans[lever.id] as string) : null
      ),
    ])
  );
  const plans = rect(l + 1, firstCol, GROWTH_LEVERS.length, at.segments);

  const w = l + GROWTH_LEVERS.length + 3;
  put(sheet, w - 1, labelCol, [[text(t.warnings)], ...advice.warnings.map((line) => [text(line)])]);

  // Styles, dropdowns, names.
  const headerStyle = {
    bold: true,
    fill: COLOURS.header,
    border: true,
    wrap: true,
    vertical: "middle" as const,
  };
  style(sheet, rect(headerRow, labelCol, 1, at.segments + 2), {
    ...headerStyle,
    horizontal: "center",
  });
  style(sheet, rect(firstRow, labelCol, at.offerings, 1), {
    bold: true,
    border: true,
    fill: COLOURS.header,
  });
  style(sheet, table, { border: true, horizontal: "center", bold: true, fill: COLOURS.input });
  style(sheet, rect(firstRow, at.countsCol, at.offerings, 1), {
    border: true,
    horizontal: "center",
    italic: true,
  });
  style(sheet, rect(at.countsRow, labelCol, 1, at.segments + 1), {
    border: true,
    horizontal: "center",
    italic: true,
  });
  style(sheet, rect(at.strategyRow, labelCol, 1, 2), { bold: true, fontSize: 12 });
  style(sheet, rect(at.strategyRow + 1, firstCol), NOTE_STYLE);
  // The conquest title's style also covers the suggested order's heading on its row.
  for (const [row, cols] of [
    [r - 1, 1],
    [c - 1, 3],
    [l - 1, 1],
    [w - 1, 1],
  ])
    style(sheet, rect(row, labelCol, 1, cols), { bold: true, fontSize: 12 });
  style(sheet, rect(c, labelCol), NOTE_STYLE);
  style(sheet, rect(r, labelCol, 1, 6), headerStyle);
  style(sheet, ranked, { border: true });
  style(sheet, rect(r + 1, labelCol + 1, at.segments, 1), { numberFormat: "0.0" });
  style(sheet, rect(r + 1, labelCol + 3, at.segments, 1), {
    numberFormat: amountNumberFormat(language, study.currency, 0),
  });
  style(sheet, rect(r + 1, labelCol + 5, at.segments, 1), { numberFormat: "0.0" });
  // The suggested order's lines beside the consultant's bordered order, unbordered: each runs to the
  // right as one line (a bordered cell would widen its column to the longest reason).
  style(sheet, rect(c + 1, labelCol, at.segments, 2), { border: true });
  style(sheet, conquestCells, { fill: COLOURS.input });
  style(sheet, rect(l, labelCol, 1, at.segments + 1), headerStyle);
  style(sheet, rect(l + 1, labelCol, GROWTH_LEVERS.length, 1), {
    bold: true,
    border: true,
    vertical: "top",
  });
  style(sheet, plans, { fill: COLOURS.input, border: true, wrap: true, vertical: "top" });
  sheet.rowHeights = GROWTH_LEVERS.map((_, i) => ({ row: l + 1 + i, height: 36 }));
  sheet.validations.push(
    { rect: table, rule: { kind: "list", source: ["X"] }, error: texts.segments.markError },
    {
      rect: conquestCells,
      rule: { kind: "listRange", formula: definedName("segmentNames") },
      error: t.conquestError,
    }
  );
  sheet.columnWidths.push({ col: labelCol, width: 40 });
  for (let col = firstCol; col <= Math.max(at.countsCol, labelCol + 5); col++)
    sheet.columnWidths.push({ col, width: 22 });
  sheet.freeze = { rows: headerRow, cols: labelCol };

  names.push(
    { name: TARGETING_NAMES.targets, sheet: sheet.name, rect: table },
    {
      name: TARGETING_NAMES.targetStrategy,
      sheet: sheet.name,
      rect: rect(at.strategyRow, firstCol),
    },
    { name: TARGETING_NAMES.conquest, sheet: sheet.name, rect: conquestCells },
    { name: TARGETING_NAMES.segmentPlans, sheet: sheet.name, rect: plans }
  );
  return sheet;
}

// Reading.

function read({ grids, problems, draft }: ReadContext): void {
  const table = grids.names.find((n) => n.name === TARGETING_NAMES.targets);
  const grid = table && grids.sheets.find((s) => s.name === table.sheet);
  if (!table || !grid) return;
  const segments = new Map((draft.segments ?? []).map((s) => [nameKey(s.name), s]));
  const segmentNames = byKey((draft.segments ?? []).map((s) => s.name));
  const offerings = byKey(draft.offerings ?? []);
  const headerRow = table.rect.row - (TARGETING.firstRow - TARGETING.headerRow);
  const labelCol = table.rect.col - (TARGETING.firstCol - TARGETING.labelCol);

  // Each mark with the names its row and column show, in reading order; a cell that holds something
  // else than X, or a mark under or beside no name, is said here (they are the sheet's own faults).
  const marks = function* (): Generator<[Cell, TargetEntry]> {
    for (let row = table.rect.row; row < table.rect.row + table.rect.rows; row++) {
      for (let col = table.rect.col; col < table.rect.col + table.rect.cols; col++) {
        const mark = cellText(cellAt(grid, row, col)).trim();
        if (mark === "") continue;
        const location = where(grid, row, col);
        if (!isMark(mark)) {
          problems.push(msg.notAMark(location, mark));
          continue;
        }
        const offering = mirroredText(cellAt(grid, row, labelCol), () =>
          namedItemText(grids, definedName("offerings"), row - table.rect.row)
        ).trim();
        const segment = mirroredText(cellAt(grid, headerRow, col), () =>
          namedItemText(grids, definedName("segmentNames"), col - table.rect.col)
        ).trim();
        if (segment === "" || offering === "") {
          // The cell to type the name in: the segments sheet's, which this one mirrors.
          // The offering first: its row is where the mark was typed.
          const missing =
            offering === ""
              ? (namedItemAddress(grids, definedName("offerings"), row - table.rect.row) ??
                cellAddress(row, labelCol))
              : (namedItemAddress(grids, definedName("segmentNames"), col - table.rect.col) ??
                cellAddress(headerRow, col));
          problems.push(msg.markWithoutName(location, missing));
          continue;
        }
        yield [
          { row, col },
          { segment, offering },
        ];
      }
    }
  };
  // Every message of a mark is on the mark's cell, the one to change.
  const { targets } = checkTargets(
    marks(),
    segmentNames,
    offerings,
    ({ row, col }) => where(grid, row, col),
    problems
  );
  if (targets.length > 0) draft.targets = targets;
  readConquest(grids, segmentNames, problems, draft);
  readPlans(grids, segments, problems);
}

interface Cell {
  row: number;
  col: number;
}

function readConquest(
  grids: ReadContext["grids"],
  segments: ReadonlyMap<string, string>,
  problems: ReadContext["problems"],
  draft: ReadContext["draft"]
): void {
  const named = grids.names.find((n) => n.name === TARGETING_NAMES.conquest);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) return;
  const last = Math.min(named.rect.row + named.rect.rows - 1, gridHeight(grid));
  const col = named.rect.col;
  const entries: [number, ConquestEntry][] = [];
  for (let row = named.rect.row; row <= last; row++) {
    const raw = cellText(cellAt(grid, row, col)).trim();
    if (raw !== "") entries.push([row, { name: raw, shown: raw }]);
  }
  const { order } = checkConquest(entries, segments, (row) => where(grid, row, col), problems);
  if (order.length > 0) draft.conquest = order;
}

function readPlans(
  grids: ReadContext["grids"],
  segments: Map<string, Segment>,
  problems: ReadContext["problems"]
): void {
  const named = grids.names.find((n) => n.name === TARGETING_NAMES.segmentPlans);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) return;
  const area: Rect = named.rect;
  const headerRow = area.row - 1;
  for (let col = area.col; col < area.col + area.cols; col++) {
    const shown = mirroredText(cellAt(grid, headerRow, col), () =>
      namedItemText(grids, definedName("segmentNames"), col - area.col)
    );
    const segment = segments.get(nameKey(shown));
    if (!segment) continue;
    GROWTH_LEVERS.forEach((lever, i) => {
      const row = area.row + i;
      const text = cellText(cellAt(grid, row, col)).trim();
      const plan = segmentPlan(text, where(grid, row, col), problems);
      if (plan !== undefined) segment.plans[lever.id] = plan;
    });
  }
}

export const TARGETING_SHEET = {
  role: "targeting",
  names: TARGETING_NAMES,
  anchor: TARGETING_NAMES.targets,
  tabColour: "#C00000",
  inTemplate: false,
  plan,
  read,
} satisfies SheetModule<"targeting">;
