/**
 * "Évaluation": one row per ticked pair, its perception, impact and competition as labels from the
 * method's scales, its live score and a comment (docs/method.md §3). The table SM_Ratings holds them.
 */
import {
  COMPETITION,
  Criterion,
  IMPACT,
  PERCEPTION,
  SCALES,
  Scale,
  levelLabel,
  looseKey,
} from "../../method/levels";
import * as msg from "../../messages";
import { OrphanReason } from "../../messages";
import { pairScore, scoreFormula } from "../../method/score";
import {
  Evidence,
  Pair,
  Weights,
  isRated,
  nameKey,
  nameKeyCache,
  pairKey,
  pairsInTableOrder,
} from "../../method/study";
import { PairSet, checkComment, checkLevel } from "../../method/checks/pairs";
import { Location, Problem } from "../../messages";
import { WORKBOOK_TEXTS } from "../../i18n/workbook";
import { cellAddress } from "../a1";
import {
  GridValue,
  WorkbookGrids,
  SheetGrid,
  cellAt,
  cellText,
  gridHeight,
  presentRows,
} from "../grids";
import { COLOURS, emptySheet, fill, heading, put, rect, scoreColours, style, where } from "../kit";
import { GRID } from "./grid";
import { CellValue, SheetPlan, num, text } from "../plan";
import {
  PlanContext,
  ReadContext,
  SheetModule,
  definedName,
  pairPlace,
  sheetNames,
} from "../sheet";

/** The defined names of this sheet's areas (layout/names.ts gathers every sheet's). */
const RATINGS_NAMES = sheetNames(
  "ratingClienteles",
  "ratingNeeds",
  "ratingPerceptions",
  "ratingImpacts",
  "ratingCompetitions",
  /** The score column of the ratings, with the rows under the table. */
  "ratingScores",
  /** Hidden: each ratings row's matrix cell as a number (see ratingRowKeyFormula). */
  "ratingKeys"
);

/** The ratings' table: where the ratings are read from, wherever a consultant moved the sheet. */
export const RATINGS_TABLE = "SM_Ratings";

export const RATINGS = {
  headerRow: 4,
  firstRow: 5,
  /** Columns, 1-based from the table's first column; `key` is hidden (see ratingRowKeyFormula). */
  cols: {
    clientele: 1,
    need: 2,
    perception: 3,
    impact: 4,
    competition: 5,
    score: 6,
    comment: 7,
    key: 8,
    /**
     * Evidence from responses (docs/method.md §3.3), after the hidden key so that every column before
     * stays where workbooks made earlier have it; a workbook without them reads as before.
     */
    respondents: 9,
    feelShare: 10,
    source: 11,
  },
  /** Rows past the table that lookups, names and dropdowns still cover, for rows added by hand. */
  spareRows: 500,
} as const;

/** The score of one ratings row, from its own label cells. */
export function ratingRowScoreFormula(row: number): string {
  const c = (col: number): string => cellAddress(row, col);
  const cols = RATINGS.cols;
  const score = scoreFormula(
    `MATCH(${c(cols.perception)},${definedName("perceptionLevels")},0)`,
    `MATCH(${c(cols.impact)},${definedName("impactLevels")},0)`,
    definedName("weightPerception"),
    definedName("weightImpact")
  );
  return `IF(OR(${c(cols.clientele)}="",${c(cols.need)}=""),"",IFERROR(${score},""))`;
}

/**
 * Where a pair sits in the matrix, as one number: its matrix row × KEY_ROW_FACTOR + its matrix column.
 * 16 384 is Excel's column count, so two cells never share a key; the largest key (about 1.7e10)
 * is an exact number. The matrix finds a cell's ratings row by this number, never by name.
 */
export const KEY_ROW_FACTOR = 16384;

export function matrixKey(row: number, col: number): number {
  return row * KEY_ROW_FACTOR + col;
}

/**
 * The key of one ratings row: the matrix cell of its pair when both names are in the matrix's headers
 * and the pair is ticked (X in any case, spaces ignored), else empty. Names are found with "=", which
 * has no wildcards and no length limit (MATCH has both), so any name matches only itself (Excel's
 * "=" ignores case, as the reader does). The row and the column are each summed over a header:
 * names are unique, so the sum is the one matching position, 0 when none matches (then INDEX fails
 * and the key is empty).
 */
export function ratingRowKeyFormula(row: number): string {
  const c = (col: number): string => cellAddress(row, col);
  const cols = RATINGS.cols;
  const needs = definedName("matrixNeeds");
  const clienteles = definedName("matrixClienteles");
  const matrixRow = `SUMPRODUCT((${needs}=${c(cols.need)})*ROW(${needs}))`;
  const matrixCol = `SUMPRODUCT((${clienteles}=${c(cols.clientele)})*COLUMN(${clienteles}))`;
  // Offsets into SM_Ticks, which has the matrix's shape. MIN(ROW(…)) is the first row in every
  // engine (a bare ROW(range) would spill in Excel's dynamic arrays).
  const tick = `INDEX(${definedName("ticks")},${matrixRow}-MIN(ROW(${needs}))+1,${matrixCol}-MIN(COLUMN(${clienteles}))+1)`;
  return (
    `IF(OR(${c(cols.clientele)}="",${c(cols.need)}=""),"",` +
    `IFERROR(IF(UPPER(TRIM(${tick}))="X",${matrixRow}*${KEY_ROW_FACTOR}+${matrixCol},""),""))`
  );
}

/** What a score formula computes for a pair: its score when rated, else no number. */
export function scoreOf(pair: Pair | undefined, weights: Weights): number | string {
  return pair && isRated(pair) ? pairScore(pair.perception, pair.impact, weights) : "";
}

/**
 * scoreOf for many pairs under the same weights: each (perception, impact) is computed once (there
 * are 16), not once per pair.
 */
export function scorer(weights: Weights): (pair: Pair | undefined) => number | string {
  const known = new Map<number, number>();
  return (pair) => {
    if (!pair || !isRated(pair)) return "";
    const key = pair.perception * 64 + pair.impact;
    let score = known.get(key);
    if (score === undefined) {
      score = pairScore(pair.perception, pair.impact, weights);
      known.set(key, score);
    }
    return score;
  };
}

function plan({ study, language, texts, names, palette }: PlanContext): SheetPlan {
  const pairs = pairsInTableOrder(study.clienteles, study.needs, study.pairs);
  const sheet = emptySheet("ratings", texts.sheets.ratings, RATINGS_SHEET.tabColour);
  const withEvidence = pairs.some((pair) => pair.evidence);
  const cols = RATINGS.cols;
  const headers = [
    texts.ratings.clientele,
    texts.ratings.need,
    PERCEPTION.header[language],
    IMPACT.header[language],
    COMPETITION.header[language],
    texts.ratings.score,
    texts.ratings.comment,
    texts.ratings.key,
    // Only a study with evidence has these columns: the others' workbooks stay as they were (and
    // as light to write and read).
    ...(withEvidence
      ? [texts.ratings.respondents, texts.ratings.feelShare, texts.ratings.source]
      : []),
  ];
  const dataRows = Math.max(pairs.length, 1);
  const reach = dataRows + RATINGS.spareRows;

  heading(sheet, texts.ratings.title, texts.ratings.instructions);
  put(sheet, RATINGS.headerRow, 1, [headers.map((header) => text(header))]);

  // One value per distinct text (names and labels repeat on every row): a large table holds
  // references, not copies.
  const cells = new Map<string, CellValue>();
  const shared = (value: string): CellValue => {
    let cell = cells.get(value);
    if (!cell) cells.set(value, (cell = text(value)));
    return cell;
  };
  const label = (scale: Scale, value: number | undefined): CellValue => {
    const shown = value === undefined ? undefined : levelLabel(scale, value, language);
    return shown === undefined ? null : shared(shown);
  };
  const rows: CellValue[][] = pairs.map((pair) => [
    shared(pair.clientele),
    shared(pair.need),
    label(PERCEPTION, pair.perception),
    label(IMPACT, pair.impact),
    label(COMPETITION, pair.competition),
    null,
    pair.comment ? text(pair.comment) : null,
  ]);
  put(sheet, RATINGS.firstRow, 1, rows);
  // The evidence sits past the key's fill: the pairs without any (hypotheses) leave it empty.
  if (withEvidence)
    put(
      sheet,
      RATINGS.firstRow,
      cols.respondents,
      pairs.map((pair) =>
        pair.evidence
          ? [
              num(pair.evidence.n),
              num(pair.evidence.feel),
              pair.evidence.source ? shared(pair.evidence.source) : null,
            ]
          : [null, null, null]
      )
    );
  // Score and key are table columns, so that rows inserted, deleted or sorted in the table keep
  // them side by side. They also reach past the table, so that rows typed under it count at once,
  // in any spreadsheet.
  const clienteleCol = new Map(
    study.clienteles.map((c, i) => [nameKey(c.name), GRID.firstCol + i])
  );
  const needRow = new Map(study.needs.map((n, i) => [nameKey(n.name), GRID.firstRow + i]));
  const reaching = <T>(value: (pair: Pair) => T): (T | "")[][] =>
    Array.from({ length: reach }, (_, i) => [i < pairs.length ? value(pairs[i]) : ""]);
  fill(
    sheet,
    rect(RATINGS.firstRow, cols.score, reach, 1),
    ratingRowScoreFormula(RATINGS.firstRow),
    reaching(scorer(study.weights))
  );
  fill(
    sheet,
    rect(RATINGS.firstRow, cols.key, reach, 1),
    ratingRowKeyFormula(RATINGS.firstRow),
    reaching((pair) =>
      matrixKey(
        needRow.get(nameKey(pair.need)) ?? 0,
        clienteleCol.get(nameKey(pair.clientele)) ?? 0
      )
    )
  );

  sheet.tables.push({
    name: RATINGS_TABLE,
    rect: rect(RATINGS.headerRow, 1, dataRows + 1, headers.length),
    headers,
    style: "TableStyleMedium2",
  });
  style(sheet, rect(RATINGS.firstRow, cols.perception, dataRows, 3), { fill: COLOURS.input });
  style(sheet, rect(RATINGS.firstRow, cols.score, dataRows, 1), {
    bold: true,
    horizontal: "center",
  });
  style(sheet, rect(RATINGS.firstRow, 1, dataRows, headers.length), { border: true });
  scoreColours(sheet, rect(RATINGS.firstRow, cols.score, reach, 1), palette);
  if (withEvidence) {
    style(sheet, rect(RATINGS.firstRow, cols.respondents, dataRows, 1), { horizontal: "center" });
    style(sheet, rect(RATINGS.firstRow, cols.feelShare, reach, 1), {
      horizontal: "center",
      numberFormat: "0%",
    });
    sheet.columnWidths.push(
      { col: cols.respondents, width: 14 },
      { col: cols.feelShare, width: 14 },
      { col: cols.source, width: 28 }
    );
  }

  const levelColumns: [number, string][] = [
    [cols.perception, definedName("perceptionLevels")],
    [cols.impact, definedName("impactLevels")],
    [cols.competition, definedName("competitionLevels")],
  ];
  for (const [col, list] of levelColumns) {
    sheet.validations.push({
      rect: rect(RATINGS.firstRow, col, reach, 1),
      rule: { kind: "listRange", formula: list },
      error: texts.ratings.levelError,
    });
  }
  sheet.columnWidths.push(
    { col: cols.clientele, width: 36 },
    { col: cols.need, width: 36 },
    { col: cols.perception, width: 18 },
    { col: cols.impact, width: 14 },
    { col: cols.competition, width: 16 },
    { col: cols.score, width: 9 },
    { col: cols.comment, width: 44 },
    // The key is for the matrix's lookups, not for reading.
    { col: cols.key, width: 12, hidden: true }
  );
  sheet.freeze = { rows: RATINGS.headerRow, cols: 0 };
  // The formulas under the table would otherwise make its empty rows part of the printed page.
  sheet.print.area = rect(
    1,
    1,
    RATINGS.headerRow + dataRows,
    withEvidence ? cols.source : cols.comment
  );

  const column = (col: number) => rect(RATINGS.firstRow, col, reach, 1);
  names.push(
    { name: RATINGS_NAMES.ratingClienteles, sheet: sheet.name, rect: column(cols.clientele) },
    { name: RATINGS_NAMES.ratingNeeds, sheet: sheet.name, rect: column(cols.need) },
    { name: RATINGS_NAMES.ratingPerceptions, sheet: sheet.name, rect: column(cols.perception) },
    { name: RATINGS_NAMES.ratingImpacts, sheet: sheet.name, rect: column(cols.impact) },
    { name: RATINGS_NAMES.ratingCompetitions, sheet: sheet.name, rect: column(cols.competition) },
    { name: RATINGS_NAMES.ratingScores, sheet: sheet.name, rect: column(cols.score) },
    { name: RATINGS_NAMES.ratingKeys, sheet: sheet.name, rect: column(cols.key) }
  );
  return sheet;
}

/** The table's header row and first column: from the table, or (a spreadsheet that dropped the
 *  table) from the name of its clientèle column, right under the header. */
function ratingsArea(
  grids: WorkbookGrids
): { grid: SheetGrid; headerRow: number; firstCol: number } | undefined {
  const table = grids.tables.find((t) => t.name === RATINGS_TABLE);
  const column = grids.names.find((n) => n.name === RATINGS_NAMES.ratingClienteles);
  const anchor = table
    ? { sheet: table.sheet, headerRow: table.rect.row, firstCol: table.rect.col }
    : column && {
        sheet: column.sheet,
        headerRow: column.rect.row - (RATINGS.firstRow - RATINGS.headerRow),
        firstCol: column.rect.col - (RATINGS.cols.clientele - 1),
      };
  const grid = anchor && grids.sheets.find((s) => s.name === anchor.sheet);
  return anchor && grid
    ? { grid, headerRow: anchor.headerRow, firstCol: anchor.firstCol }
    : undefined;
}

/** Reads every row under the header (rows added by hand too) into the ticked pairs. */
function read({ grids, problems, draft }: ReadContext): void {
  if (draft.clienteles.length === 0 || draft.needs.length === 0) return;
  const area = ratingsArea(grids);
  if (!area) return;
  const { grid, headerRow, firstCol } = area;
  const col = (offset: number): number => firstCol + offset - 1;
  const cols = RATINGS.cols;
  const clienteleKeys = new Set(draft.clienteles.map((c) => nameKey(c.name)));
  const needKeys = new Set(draft.needs.map((n) => nameKey(n.name)));
  // Pairs found by number (clientèle × needs + need), each name's key made once: a string key made
  // afresh and hashed on each of 400 000 rows cost more than the rest of the read.
  const keyOf = nameKeyCache();
  const clienteleIndex = new Map(draft.clienteles.map((c, i) => [keyOf(c.name), i]));
  const needIndex = new Map(draft.needs.map((n, i) => [keyOf(n.name), i]));
  const pairNumber = (clientele: string, need: string): number | undefined => {
    const c = clienteleIndex.get(keyOf(clientele));
    const n = needIndex.get(keyOf(need));
    return c === undefined || n === undefined ? undefined : pairPlace(c, n, draft.needs.length);
  };
  // The draft's pairs are numbered so already (their names are the lists' own).
  const pairsByNumber = draft.pairs;
  const seen = new PairSet(problems);
  // Workbooks made before the evidence columns have none: their rows read as they always did.
  const evidenceColumns = hasEvidenceColumns(grid, headerRow, col);

  // The level each value a cell holds stands for, once checkLevel found it: a ratings sheet holds a
  // few labels on every one of its rows. A value that is no level is checked (and said) each time.
  const levelOf = {
    perception: new Map<GridValue, number>(),
    impact: new Map<GridValue, number>(),
    competition: new Map<GridValue, number>(),
  };

  // One row in a function of its own: the loop V8 optimises is this one, not the whole reader.
  const readRow = (row: number): void => {
    const clientele = cellText(cellAt(grid, row, col(cols.clientele))).trim();
    const need = cellText(cellAt(grid, row, col(cols.need))).trim();
    const levels: Partial<Record<Criterion, number>> = {};
    let levelsOk = true;
    let anyLevel = false;
    for (const criterion of ["perception", "impact", "competition"] as const) {
      const at = col(cols[criterion]);
      const raw: GridValue = cellAt(grid, row, at);
      const known = levelOf[criterion].get(raw);
      if (known !== undefined) {
        anyLevel = true;
        levels[criterion] = known;
        continue;
      }
      if (raw === null || cellText(raw).trim() === "") continue;
      anyLevel = true;
      const value = typeof raw === "number" ? raw : cellText(raw);
      const level = checkLevel(
        SCALES[criterion],
        value,
        cellText(raw),
        where(grid, row, at),
        problems
      );
      if (level === undefined) levelsOk = false;
      else {
        levels[criterion] = level;
        levelOf[criterion].set(raw, level);
      }
    }
    const comment = cellText(cellAt(grid, row, col(cols.comment))).trim();
    const location = (): Location => where(grid, row, col(cols.clientele));
    if (clientele === "" && need === "") {
      if (anyLevel || comment !== "") problems.push(msg.ratingWithoutPair(location()));
      return;
    }
    const key = pairNumber(clientele, need);
    const pair = key === undefined ? undefined : pairsByNumber.get(key);
    if (!pair || key === undefined) {
      const reason: OrphanReason = !clienteleKeys.has(nameKey(clientele))
        ? "unknown-clientele"
        : !needKeys.has(nameKey(need))
          ? "unknown-need"
          : "not-ticked";
      problems.push(msg.ratingOrphan(location(), { clientele, need, ...levels }, reason));
      return;
    }
    // The pair's number is its key: the same for two rows exactly when their names' keys are.
    if (!seen.add(clientele, need, location, row, key)) return;
    if (!levelsOk) return;
    if (evidenceColumns) {
      const evidence = readEvidence(grid, row, col, problems);
      if (evidence) pair.evidence = evidence;
    }
    Object.assign(pair, levels);
    const checked =
      comment === ""
        ? undefined
        : checkComment(comment, where(grid, row, col(cols.comment)), problems);
    if (checked !== undefined) pair.comment = checked;
  };
  // Rows that hold a cell only (a sparse grid): a stray cell far below costs one row, not a scan.
  for (const row of presentRows(grid, headerRow + 1)) readRow(row);
}

const isBlank = (value: GridValue): boolean => value === null || cellText(value).trim() === "";

/** Whether the table's header names the evidence columns, in either language (any case). */
function hasEvidenceColumns(
  grid: SheetGrid,
  headerRow: number,
  col: (offset: number) => number
): boolean {
  const header = cellText(cellAt(grid, headerRow, col(RATINGS.cols.respondents)));
  return [WORKBOOK_TEXTS.fr, WORKBOOK_TEXTS.en].some(
    (texts) => looseKey(texts.ratings.respondents) === looseKey(header)
  );
}

/**
 * A row's evidence: none when n is empty (a hypothesis); else n a whole number from 1 and the
 * share feeling the need from 0 to 1 (Excel stores 75 % as 0.75), or a problem naming the cell.
 */
function readEvidence(
  grid: SheetGrid,
  row: number,
  col: (offset: number) => number,
  problems: Problem[]
): Evidence | undefined {
  const cols = RATINGS.cols;
  const nAt = col(cols.respondents);
  const feelAt = col(cols.feelShare);
  const n = cellAt(grid, row, nAt);
  const feel = cellAt(grid, row, feelAt);
  if (isBlank(n) && isBlank(feel)) return undefined;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
    problems.push(msg.ratingEvidenceInvalid(where(grid, row, nAt), "n", cellText(n)));
    return undefined;
  }
  if (typeof feel !== "number" || !(feel >= 0 && feel <= 1)) {
    problems.push(msg.ratingEvidenceInvalid(where(grid, row, feelAt), "feel", cellText(feel)));
    return undefined;
  }
  const evidence: Evidence = { n, feel };
  const source = cellText(cellAt(grid, row, col(cols.source))).trim();
  if (source !== "") {
    const checked = checkComment(source, where(grid, row, col(cols.source)), problems);
    if (checked !== undefined) evidence.source = checked;
  }
  return evidence;
}

// The questions others ask of this sheet (the pane's counts, the preview's calculation).

/** Where the ratings table is in a workbook: its sheet and the column of each of its fields. */
export function ratingsTableAt(
  grids: WorkbookGrids
):
  | { sheet: string; headerRow: number; col: (field: keyof typeof RATINGS.cols) => number }
  | undefined {
  const table = grids.tables.find((t) => t.name === RATINGS_TABLE);
  const column = grids.names.find((n) => n.name === RATINGS_NAMES.ratingClienteles);
  const sheet = table?.sheet ?? column?.sheet;
  if (sheet === undefined) return undefined;
  const headerRow = table
    ? table.rect.row
    : (column?.rect.row ?? RATINGS.firstRow) - (RATINGS.firstRow - RATINGS.headerRow);
  const firstCol = table
    ? table.rect.col
    : (column?.rect.col ?? RATINGS.cols.clientele) - (RATINGS.cols.clientele - 1);
  return { sheet, headerRow, col: (field) => firstCol + RATINGS.cols[field] - 1 };
}

/** Pair keys of the rows the ratings sheet holds (whatever their levels). */
export function ratingRowKeys(grids: WorkbookGrids): Set<string> {
  const keys = new Set<string>();
  const at = ratingsTableAt(grids);
  const grid = at && grids.sheets.find((s) => s.name === at.sheet);
  if (!at || !grid) return keys;
  for (let row = at.headerRow + 1; row <= gridHeight(grid); row++) {
    const clientele = cellText(cellAt(grid, row, at.col("clientele"))).trim();
    const need = cellText(cellAt(grid, row, at.col("need"))).trim();
    if (clientele !== "" && need !== "") keys.add(pairKey(clientele, need));
  }
  return keys;
}

export const RATINGS_SHEET = {
  role: "ratings",
  names: RATINGS_NAMES,
  anchor: RATINGS_NAMES.ratingClienteles,
  tabColour: "#BF8F00",
  inTemplate: false,
  plan,
  read,
} satisfies SheetModule<"ratings">;
