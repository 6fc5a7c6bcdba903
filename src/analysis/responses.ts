/**
 * Survey answers and workshop votes → ticks and ratings with their evidence (docs/method.md §3.3).
 * Pure: a table of cells in (a CSV's or a sheet's), a study out, with every row that could not be
 * counted named by its row number and every tick or rating the responses change listed before →
 * after, so that nothing the consultant typed changes silently.
 */
import { Criterion, SCALES, Scale, looseKey } from "../method/levels";
import * as msg from "../messages";
import { Location, Problem } from "../messages";
import { Evidence, Item, Pair, Study, nameKey, pairKey } from "../method/study";

/** A cell as a file gives it: text, a number, a boolean, or nothing. */
export type ResponseCell = string | number | boolean | null | undefined;

const CRITERIA: readonly Criterion[] = ["perception", "impact", "competition"];

type Column = "respondent" | "clientele" | "need" | "feels" | Criterion;

/** Each column's names, French then English; headers are matched ignoring case and accents. */
export const RESPONSE_COLUMNS: Record<Column, { fr: string; en: string }> = {
  respondent: { fr: "répondant", en: "respondent" },
  clientele: { fr: "clientèle", en: "clientele" },
  need: { fr: "besoin", en: "need" },
  feels: { fr: "ressent", en: "feels" },
  perception: { fr: "perception", en: "perception" },
  impact: { fr: "impact", en: "impact" },
  competition: { fr: "concurrence", en: "competition" },
};

const REQUIRED: readonly Column[] = ["respondent", "clientele", "need", "feels"];

const FEELS_YES = new Set(["x", "oui", "yes", "1", "true", "vrai"]);
const FEELS_NO = new Set(["", "non", "no", "0", "false", "faux"]);

/** One counted answer: a respondent's view of one (clientèle, need) pair. */
export interface ResponseRow {
  /** The row's number in the file (the header is a row too), as Excel numbers rows. */
  row: number;
  respondent: string;
  clientele: string;
  need: string;
  feels: boolean;
  levels: Partial<Record<Criterion, number>>;
}

export interface ResponseTable {
  rows: ResponseRow[];
  /** Errors (a missing column…) mean nothing can be counted; warnings name rows left out. */
  problems: Problem[];
  /** Row numbers left out, in order. */
  badRows: number[];
}

function text(cell: ResponseCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

/** A level typed as a number or as the method's label in either language (case, accents ignored). */
export function parseLevel(scale: Scale, cell: ResponseCell): number | "none" | "unknown" {
  if (typeof cell === "number")
    return scale.levels.some((level) => level.value === cell) ? cell : "unknown";
  const typed = text(cell);
  if (typed === "") return "none";
  const key = looseKey(typed);
  const byLabel = scale.levels.find(
    (level) => looseKey(level.fr) === key || looseKey(level.en) === key
  );
  if (byLabel) return byLabel.value;
  if (/^\d{1,3}$/.test(key)) {
    const value = Number(key);
    if (scale.levels.some((level) => level.value === value)) return value;
  }
  return "unknown";
}

/** X / oui / yes / 1 (or TRUE) for yes; empty / non / no / 0 (or FALSE) for no. */
export function parseFeels(cell: ResponseCell): boolean | "unknown" {
  if (typeof cell === "boolean") return cell;
  const key = looseKey(text(cell));
  if (FEELS_YES.has(key)) return true;
  if (FEELS_NO.has(key)) return false;
  return "unknown";
}

function isEmptyRow(line: readonly ResponseCell[] | undefined): boolean {
  if (!line) return true;
  for (let i = 0; i < line.length; i++) if (text(line[i]) !== "") return false;
  return true;
}

/** Each column by the loose key of its French and English names. */
function columnKeys(): Map<string, Column> {
  const byKey = new Map<string, Column>();
  for (const column of Object.keys(RESPONSE_COLUMNS) as Column[]) {
    byKey.set(looseKey(RESPONSE_COLUMNS[column].fr), column);
    byKey.set(looseKey(RESPONSE_COLUMNS[column].en), column);
  }
  return byKey;
}

/** Non-empty rows looked at for the headers (a title and a few lines of instructions above them). */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header row's index: the first of the first non-empty rows that names at least two of the
 * columns (the *Réponses* sheet has a title and instructions above its headers), else the first
 * non-empty row (whose missing columns are then said); -1 when every row is empty.
 */
function headerIndexOf(
  cells: readonly (readonly ResponseCell[] | undefined)[],
  byKey: ReadonlyMap<string, Column>
): number {
  let first = -1;
  let seen = 0;
  for (let i = 0; i < cells.length && seen < HEADER_SEARCH_ROWS; i++) {
    const line = cells[i];
    if (!line || isEmptyRow(line)) continue;
    if (first < 0) first = i;
    seen++;
    const named = new Set<Column>();
    for (let col = 0; col < line.length; col++) {
      const column = byKey.get(looseKey(text(line[col])));
      if (column !== undefined) named.add(column);
    }
    if (named.size >= 2) return i;
  }
  return first;
}

/**
 * The answers of a table whose header row is the first naming at least two of the columns (else
 * the first non-empty row); rows above it (a title, instructions) are not read. `cells[0]` is row 1.
 * Rows left empty are skipped (they hold nothing), and so are the headers repeated (an export
 * pasted with its headers under the sheet's own); every other row is counted or named as left out.
 * A respondent who answers one pair twice has none of those answers counted.
 */
export function readResponseTable(
  cells: readonly (readonly ResponseCell[] | undefined)[],
  file: string,
  locate?: (row: number) => Location
): ResponseTable {
  const table = readRows(cells, file);
  if (!locate) return table;
  // In a sheet, each problem goes to its row's first cell (the pane links to it).
  const problems = table.problems.map((problem, i) => {
    const row = table.problemRows[i];
    return row === undefined ? problem : { ...problem, location: locate(row) };
  });
  return { rows: table.rows, problems, badRows: table.badRows };
}

function readRows(
  cells: readonly (readonly ResponseCell[] | undefined)[],
  file: string
): ResponseTable & { problemRows: (number | undefined)[] } {
  const problems: Problem[] = [];
  const problemRows: (number | undefined)[] = [];
  const byKey = columnKeys();
  const headerIndex = headerIndexOf(cells, byKey);
  if (headerIndex < 0)
    return { rows: [], problems: [msg.responsesNoRows(file)], badRows: [], problemRows: [] };
  const headerRow = headerIndex + 1;
  const header = cells[headerIndex] ?? [];
  const at = new Map<Column, number>();
  for (let col = 0; col < header.length; col++) {
    const column = byKey.get(looseKey(text(header[col])));
    if (column === undefined) continue; // a survey export's other columns: not ours to read
    if (at.has(column)) {
      problems.push(msg.responsesColumnDuplicate(file, text(header[col]), headerRow));
      problemRows.push(headerRow);
    } else at.set(column, col);
  }
  for (const column of REQUIRED)
    if (!at.has(column)) {
      problems.push(msg.responsesColumnMissing(file, RESPONSE_COLUMNS[column], headerRow));
      problemRows.push(headerRow);
    }
  if (problems.length > 0) return { rows: [], problems, badRows: [], problemRows };

  const cell = (line: readonly ResponseCell[], column: Column): ResponseCell => {
    const col = at.get(column);
    return col === undefined ? undefined : line[col];
  };
  const found: { row: number; problems: Problem[] }[] = [];
  const candidates: ResponseRow[] = [];
  let anyRow = false;
  for (let i = headerIndex + 1; i < cells.length; i++) {
    const line = cells[i];
    if (!line || isEmptyRow(line)) continue;
    // The headers again (an export pasted, headers included, under the sheet's own): not an answer.
    if (REQUIRED.every((column) => byKey.get(looseKey(text(cell(line, column)))) === column))
      continue;
    anyRow = true;
    const row = i + 1;
    const rowProblems: Problem[] = [];
    const respondent = text(cell(line, "respondent"));
    if (respondent === "") rowProblems.push(msg.responseRespondentEmpty(file, row));
    const clientele = text(cell(line, "clientele"));
    if (clientele === "") rowProblems.push(msg.responseNameEmpty(file, row, "clientele"));
    const need = text(cell(line, "need"));
    if (need === "") rowProblems.push(msg.responseNameEmpty(file, row, "need"));
    const feels = parseFeels(cell(line, "feels"));
    if (feels === "unknown")
      rowProblems.push(msg.responseFeelsUnknown(file, row, text(cell(line, "feels"))));
    const levels: ResponseRow["levels"] = {};
    for (const criterion of CRITERIA) {
      const level = parseLevel(SCALES[criterion], cell(line, criterion));
      if (level === "unknown")
        rowProblems.push(
          msg.responseLevelUnknown(file, row, SCALES[criterion], text(cell(line, criterion)))
        );
      else if (level !== "none") levels[criterion] = level;
    }
    if (rowProblems.length > 0 || feels === "unknown") {
      found.push({ row, problems: rowProblems });
      continue;
    }
    candidates.push({ row, respondent, clientele, need, feels, levels });
  }
  if (!anyRow)
    return {
      rows: [],
      problems: [msg.responsesNoRows(file)],
      badRows: [],
      problemRows: [headerRow],
    };

  // A respondent answering one pair twice: which answer they meant cannot be told, so neither counts.
  const firstRow = new Map<string, number>();
  const twice = new Set<string>();
  const answerKey = (r: ResponseRow) =>
    `${nameKey(r.respondent)}\u0000${pairKey(r.clientele, r.need)}`;
  for (const r of candidates) {
    const key = answerKey(r);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, r.row);
    else {
      twice.add(key);
      found.push({
        row: r.row,
        problems: [
          msg.responseAnsweredTwice(file, r.row, first, r.respondent, r.clientele, r.need),
        ],
      });
    }
  }
  const rows: ResponseRow[] = [];
  const badRows = found.map((entry) => entry.row);
  for (const r of candidates) {
    const key = answerKey(r);
    if (!twice.has(key)) rows.push(r);
    else if (firstRow.get(key) === r.row) badRows.push(r.row);
  }
  found.sort((a, b) => a.row - b.row);
  for (const entry of found)
    for (const problem of entry.problems) {
      problems.push(problem);
      problemRows.push(entry.row);
    }
  badRows.sort((a, b) => a - b);
  return { rows, problems, badRows, problemRows };
}

/** A pair's tick and ratings, as the before → after list shows them. */
export interface PairState {
  ticked: boolean;
  perception?: number;
  impact?: number;
  competition?: number;
}

/** A tick or a rating the responses change. `handMade`: the pair had no evidence before. */
export interface PairChange {
  clientele: string;
  need: string;
  before: PairState;
  after: PairState;
  handMade: boolean;
}

export interface ResponsesOptions {
  /** The file the responses come from, for messages. */
  file: string;
  /** Share of respondents feeling the need from which the pair is ticked (default 0.5). */
  threshold?: number;
  /** Kept in each backed pair's evidence. */
  source?: string;
  /** Add the clientèles and needs the study does not have, instead of refusing them. */
  addNew?: boolean;
}

export interface ResponsesOutcome {
  /** The study with the responses applied; absent when names are refused. */
  study?: Study;
  /** Names refused (errors) or added (warnings). */
  problems: Problem[];
  /** Pairs the responses mention, and of them the ones ticked. */
  backed: number;
  ticked: number;
  /** In the tick table's reading order. */
  changes: PairChange[];
  added: { clienteles: string[]; needs: string[] };
}

export const DEFAULT_THRESHOLD = 0.5;

/** The median; with an even count, the mean of the two middle values rounded half up. */
export function medianLevel(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle];
  return Math.floor((sorted[middle - 1] + sorted[middle] + 1) / 2);
}

interface Tally {
  clientele: string;
  need: string;
  n: number;
  yes: number;
  values: Record<Criterion, number[]>;
}

function stateOf(pair: Pair | undefined): PairState {
  if (!pair) return { ticked: false };
  const state: PairState = { ticked: true };
  for (const criterion of CRITERIA)
    if (pair[criterion] !== undefined) state[criterion] = pair[criterion];
  return state;
}

function sameState(a: PairState, b: PairState): boolean {
  return a.ticked === b.ticked && CRITERIA.every((criterion) => a[criterion] === b[criterion]);
}

/**
 * Per (clientèle, need) the responses mention: n distinct respondents, feel the share answering
 * yes, ticked iff feel ≥ threshold, each rating the median of the values the yes-sayers gave
 * (unrated when none gave one). Pairs not mentioned keep their values. Names are matched as the
 * study matches them (nameKey); names the study lacks are refused unless `addNew`.
 */
export function applyResponses(
  study: Study,
  rows: readonly ResponseRow[],
  options: ResponsesOptions
): ResponsesOutcome {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const clienteleByKey = new Map<string, string>();
  for (const item of study.clienteles)
    if (!clienteleByKey.has(nameKey(item.name))) clienteleByKey.set(nameKey(item.name), item.name);
  const needByKey = new Map<string, string>();
  for (const item of study.needs)
    if (!needByKey.has(nameKey(item.name))) needByKey.set(nameKey(item.name), item.name);

  // Names the study lacks, each with the first row naming it.
  const problems: Problem[] = [];
  const newClienteles = new Map<string, { name: string; row: number }>();
  const newNeeds = new Map<string, { name: string; row: number }>();
  for (const r of rows) {
    const c = nameKey(r.clientele);
    if (!clienteleByKey.has(c) && !newClienteles.has(c))
      newClienteles.set(c, { name: r.clientele, row: r.row });
    const n = nameKey(r.need);
    if (!needByKey.has(n) && !newNeeds.has(n)) newNeeds.set(n, { name: r.need, row: r.row });
  }
  const addNew = Boolean(options.addNew);
  for (const { name, row } of newClienteles.values())
    problems.push(msg.responsesUnknownName(options.file, "clientele", name, row, addNew));
  for (const { name, row } of newNeeds.values())
    problems.push(msg.responsesUnknownName(options.file, "need", name, row, addNew));
  const added = {
    clienteles: [...newClienteles.values()].map((entry) => entry.name),
    needs: [...newNeeds.values()].map((entry) => entry.name),
  };
  const empty = { problems, backed: 0, ticked: 0, changes: [], added };
  if (!addNew && (newClienteles.size > 0 || newNeeds.size > 0)) return empty;

  const clienteles: Item[] = [...study.clienteles, ...added.clienteles.map((name) => ({ name }))];
  const needs: Item[] = [...study.needs, ...added.needs.map((name) => ({ name }))];
  for (const name of added.clienteles) clienteleByKey.set(nameKey(name), name);
  for (const name of added.needs) needByKey.set(nameKey(name), name);

  const tallies = new Map<string, Tally>();
  for (const r of rows) {
    const clientele = clienteleByKey.get(nameKey(r.clientele)) as string;
    const need = needByKey.get(nameKey(r.need)) as string;
    const key = pairKey(clientele, need);
    let tally = tallies.get(key);
    if (!tally) {
      tally = {
        clientele,
        need,
        n: 0,
        yes: 0,
        values: { perception: [], impact: [], competition: [] },
      };
      tallies.set(key, tally);
    }
    tally.n++;
    if (!r.feels) continue;
    tally.yes++;
    for (const criterion of CRITERIA) {
      const value = r.levels[criterion];
      if (value !== undefined) tally.values[criterion].push(value);
    }
  }

  const backedPair = (tally: Tally, before: Pair | undefined): Pair | undefined => {
    const feel = tally.yes / tally.n;
    if (!(feel >= threshold)) return undefined;
    const pair: Pair = { clientele: tally.clientele, need: tally.need };
    for (const criterion of CRITERIA) {
      const median = medianLevel(tally.values[criterion]);
      if (median !== undefined) pair[criterion] = median;
    }
    if (before?.comment !== undefined) pair.comment = before.comment;
    const evidence: Evidence = { n: tally.n, feel };
    if (options.source !== undefined && options.source !== "") evidence.source = options.source;
    pair.evidence = evidence;
    return pair;
  };

  const changes: PairChange[] = [];
  const noteChange = (tally: Tally, before: Pair | undefined, after: Pair | undefined) => {
    const was = stateOf(before);
    const now = stateOf(after);
    if (!sameState(was, now))
      changes.push({
        clientele: tally.clientele,
        need: tally.need,
        before: was,
        after: now,
        handMade: before?.evidence === undefined,
      });
  };

  const pairs: Pair[] = [];
  const existing = new Set<string>();
  let ticked = 0;
  for (const pair of study.pairs) {
    const key = pairKey(pair.clientele, pair.need);
    existing.add(key);
    const tally = tallies.get(key);
    if (!tally) {
      pairs.push(pair);
      continue;
    }
    const after = backedPair(tally, pair);
    noteChange(tally, pair, after);
    if (after) {
      pairs.push(after);
      ticked++;
    }
  }
  const fresh: Pair[] = [];
  for (const [key, tally] of tallies) {
    if (existing.has(key)) continue;
    const after = backedPair(tally, undefined);
    noteChange(tally, undefined, after);
    if (after) {
      fresh.push(after);
      ticked++;
    }
  }
  const order = tableOrder(clienteles, needs);
  fresh.sort((a, b) => order(a) - order(b));
  changes.sort((a, b) => order(a) - order(b));

  return {
    study: { ...study, clienteles, needs, pairs: [...pairs, ...fresh] },
    problems,
    backed: tallies.size,
    ticked,
    changes,
    added,
  };
}

/** A pair's place in the tick table's reading order: clientèle by clientèle, then need. */
function tableOrder(
  clienteles: readonly Item[],
  needs: readonly Item[]
): (pair: { clientele: string; need: string }) => number {
  const column = new Map(clienteles.map((item, index) => [nameKey(item.name), index]));
  const row = new Map(needs.map((item, index) => [nameKey(item.name), index]));
  return (pair) =>
    (column.get(nameKey(pair.clientele)) ?? 0) * needs.length + (row.get(nameKey(pair.need)) ?? 0);
}
