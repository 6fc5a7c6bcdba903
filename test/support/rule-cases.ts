/**
 * One table of cases per rule of the method, with what the method says each gives. The unit test
 * (test/unit/rules.test.ts) holds each TypeScript rule to these answers; the end-to-end test
 * (test/e2e/rules.test.ts) writes each rule's Excel formula over the same cases, lets LibreOffice
 * recalculate them and holds the formula to the TypeScript rule, case by case. Edges in every
 * table: nothing, zero, ties, the largest weights or figures the workbook accepts.
 */
import { isMark } from "../../src/method/marks";
import {
  SourcedFigure,
  SourcedValues,
  segmentCompetition,
  segmentMeanScore,
  trimmedSize,
} from "../../src/method/segment-figures";
import {
  ChecklistStatus,
  Strategy,
  findStatus,
  targetingStrategy,
} from "../../src/method/segments";
import { Pair, Weights } from "../../src/method/study";

// The score: 100 × (p/4)^wp × (i/4)^wi, rounded as Excel's ROUND, at least 1.
export interface ScoreCase {
  perception: number;
  impact: number;
  weights: Weights;
  score: number;
}

const W = (perception: number, impact: number): Weights => ({ perception, impact });

export const SCORE_CASES: readonly ScoreCase[] = [
  { perception: 4, impact: 4, weights: W(1, 1), score: 100 },
  { perception: 1, impact: 1, weights: W(1, 1), score: 6 },
  { perception: 1, impact: 2, weights: W(1, 1), score: 13 }, // 12.5: a half, away from zero
  { perception: 2, impact: 1, weights: W(1, 1), score: 13 }, // the same tie the other way
  { perception: 3, impact: 3, weights: W(1, 1), score: 56 },
  { perception: 2, impact: 3, weights: W(2, 0.5), score: 22 }, // 21.65
  { perception: 1, impact: 1, weights: W(5, 5), score: 1 }, // 0.0000954: the floor
  { perception: 4, impact: 4, weights: W(5, 5), score: 100 }, // the largest weights at the top
  { perception: 3, impact: 4, weights: W(5, 5), score: 24 }, // 23.73
  { perception: 1, impact: 4, weights: W(0, 0), score: 100 }, // zero weights: every pair 100
  { perception: 2, impact: 2, weights: W(0, 5), score: 3 }, // 3.125: only the impact counts
  { perception: 3, impact: 1, weights: W(1, 0), score: 75 },
];

// The mark: X in any case, spaces around it ignored.
export const MARK_CASES: readonly { text: string; mark: boolean }[] = [
  { text: "X", mark: true },
  { text: "x", mark: true },
  { text: "  X ", mark: true },
  { text: "", mark: false },
  { text: "XX", mark: false },
  { text: "X.", mark: false },
  { text: "✗", mark: false },
  { text: "oui", mark: false },
  // Excel's TRIM takes only U+0020: a non-breaking space or a tab beside the X leaves no mark.
  { text: "X\u00A0", mark: false },
  { text: "\tX", mark: false },
];

/**
 * A segment's mean score over a 3 × 3 matrix (needs n1–n3 down, clientèles c1–c3 across). Pairs:
 * [clientèle, need, perception?, impact?]; members: the mark typed in front of each clientèle and
 * need (any text; what the mark rule accepts counts).
 */
export interface MeanScoreCase {
  label: string;
  pairs: readonly [number, number, number?, number?][];
  weights: Weights;
  clienteleMarks: readonly [string, string, string];
  needMarks: readonly [string, string, string];
  mean: number | undefined;
}

export const MEAN_SCORE_CASES: readonly MeanScoreCase[] = [
  {
    label: "no member",
    pairs: [[0, 0, 4, 4]],
    weights: W(1, 1),
    clienteleMarks: ["", "", ""],
    needMarks: ["", "", ""],
    mean: undefined,
  },
  {
    label: "members, no ticked pair among them",
    pairs: [[2, 2, 4, 4]],
    weights: W(1, 1),
    clienteleMarks: ["X", "X", ""],
    needMarks: ["X", "", ""],
    mean: undefined,
  },
  {
    label: "a ticked pair not rated yet",
    pairs: [
      [0, 0],
      [0, 1, 4],
    ],
    weights: W(1, 1),
    clienteleMarks: ["X", "", ""],
    needMarks: ["X", "X", ""],
    mean: undefined,
  },
  {
    label: "one rated pair",
    pairs: [[1, 1, 3, 3]],
    weights: W(1, 1),
    clienteleMarks: ["", "X", ""],
    needMarks: ["", "X", ""],
    mean: 56,
  },
  {
    label: "a mean that is not whole (6 and 13)",
    pairs: [
      [0, 0, 1, 1],
      [1, 0, 1, 2],
      [2, 2, 4, 4],
    ],
    weights: W(1, 1),
    clienteleMarks: ["X", "X", ""],
    needMarks: ["X", "", ""],
    mean: 9.5,
  },
  {
    label: "a tie: every pair the same score",
    pairs: [
      [0, 0, 2, 2],
      [1, 1, 2, 2],
      [0, 1, 2, 2],
    ],
    weights: W(1, 1),
    clienteleMarks: ["X", "X", ""],
    needMarks: ["X", "X", ""],
    mean: 25,
  },
  {
    label: "pairs outside the segment left out; marks in any case",
    pairs: [
      [0, 0, 4, 4],
      [0, 2, 1, 1],
      [2, 0, 1, 1],
    ],
    weights: W(1, 1),
    clienteleMarks: [" x", "", ""],
    needMarks: ["X ", "x", ""],
    mean: 100,
  },
  {
    label: "the whole matrix at the top, largest weights",
    pairs: [0, 1, 2].flatMap((c) =>
      [0, 1, 2].map((n): [number, number, number, number] => [c, n, 4, 4])
    ),
    weights: W(5, 5),
    clienteleMarks: ["X", "X", "X"],
    needMarks: ["X", "X", "X"],
    mean: 100,
  },
  {
    label: "largest weights at the floor, with one unrated pair",
    pairs: [
      [0, 0, 1, 1],
      [1, 1, 1, 2],
      [2, 2],
    ],
    weights: W(5, 5),
    clienteleMarks: ["X", "X", "X"],
    needMarks: ["X", "X", "X"],
    mean: 1,
  },
  {
    label: "zero weights",
    pairs: [
      [0, 0, 1, 1],
      [2, 1, 3, 2],
    ],
    weights: W(0, 0),
    clienteleMarks: ["X", "", "X"],
    needMarks: ["X", "X", ""],
    mean: 100,
  },
];

// The yearly potential: size × frequency × basket, empty while one is missing.
export interface PotentialCase {
  size?: number;
  frequency?: number;
  basket?: number;
  potential: number | undefined;
}

export const POTENTIAL_CASES: readonly PotentialCase[] = [
  { size: 1200, frequency: 2, basket: 35, potential: 84000 },
  { size: 0.5, frequency: 3, basket: 2.25, potential: 3.375 },
  { size: 0, frequency: 12, basket: 40, potential: 0 },
  { size: 1000, frequency: 0, basket: 0, potential: 0 },
  { frequency: 2, basket: 35, potential: undefined },
  { size: 1200, basket: 35, potential: undefined },
  { size: 1200, frequency: 2, potential: undefined },
  { potential: undefined },
  // The largest figure the sheet's validation accepts, in each of the three cells.
  { size: 1e15, frequency: 1e15, basket: 1e15, potential: 1e15 * 1e15 * 1e15 },
];

/**
 * A segment's size trimmed from its population (docs/method.md §1): ROUND(population × the product
 * of the kept shares, 0). `keeps`: the shares as typed in the funnel's steps, undefined for a step
 * left blank (it keeps everyone); without a population, no size.
 */
export interface TrimCase {
  label: string;
  population?: number;
  keeps: readonly (number | undefined)[];
  size: number | undefined;
}

export const TRIM_CASES: readonly TrimCase[] = [
  { label: "the method's example", population: 50000, keeps: [0.4], size: 20000 },
  { label: "two criteria", population: 50000, keeps: [0.4, 0.25], size: 5000 },
  { label: "no criterion: the population", population: 1234, keeps: [], size: 1234 },
  { label: "a blank step keeps everyone", population: 1000, keeps: [undefined, 0.5], size: 500 },
  { label: "every step blank", population: 1000, keeps: [undefined, undefined], size: 1000 },
  { label: "a half, away from zero", population: 5, keeps: [0.5], size: 3 }, // 2.5
  { label: "below a half", population: 7, keeps: [0.3], size: 2 }, // 2.1
  { label: "nothing kept", population: 50000, keeps: [0.4, 0], size: 0 },
  { label: "all kept", population: 777, keeps: [1, 1, 1], size: 777 },
  { label: "a population of zero", population: 0, keeps: [0.5], size: 0 },
  { label: "three thirds", population: 100000, keeps: [1 / 3, 1 / 3, 1 / 3], size: 3704 }, // 3703.7
  { label: "no population", keeps: [0.4], size: undefined },
  { label: "the largest population", population: 1e15, keeps: [0.1], size: 1e14 },
];

/**
 * The checklist: eleven cells as typed (labels in either language, words alone, old spellings);
 * how many are Ok, and whether the segment is ready (all eleven Ok).
 */
export interface ChecklistCase {
  label: string;
  cells: readonly string[];
  ok: number;
  ready: boolean;
}

const ELEVEN = (text: string): string[] => new Array<string>(11).fill(text);

export const CHECKLIST_CASES: readonly ChecklistCase[] = [
  { label: "all empty", cells: ELEVEN(""), ok: 0, ready: false },
  { label: "all Ok (labels)", cells: ELEVEN("✓ Ok"), ok: 11, ready: true },
  {
    label: "all Ok, typed in every way",
    cells: ["ok", " OK ", "Ok", "✓ Ok", "✓  ok", "✓ OK", "ok", "ok", "Ok", "ok", "✓ Ok"],
    ok: 11,
    ready: true,
  },
  {
    label: "ten Ok and one to do",
    cells: [...ELEVEN("✓ Ok").slice(0, 10), "✗ À faire"],
    ok: 10,
    ready: false,
  },
  {
    label: "ten Ok and one empty (a missing status is to do)",
    cells: [...ELEVEN("✓ Ok").slice(0, 10), ""],
    ok: 10,
    ready: false,
  },
  {
    label: "every other status, old and new spellings, both languages",
    cells: [
      "✗ À faire",
      "✗ A faire",
      "📊 À analyser",
      "📊 A analyser",
      "⊞ En cours",
      "⊞ In progress",
      "✗ To do",
      "📊 To analyse",
      "en cours",
      "✓ Ok",
      "",
    ],
    ok: 1,
    ready: false,
  },
  {
    // Spaces as Excel's TRIM counts them: a no-break space or a tab is no space, the symbol alone
    // is Ok (the reader and the Ok count agree on each).
    label: "the symbol alone, no-break spaces and a tab",
    cells: ["✓", " ✓ ", "✓\u00A0Ok", "Ok\u00A0", "\tok", ...ELEVEN("✓ Ok").slice(0, 6)],
    ok: 8,
    ready: false,
  },
];

/**
 * The targeting strategy over an offerings × segments table: names ("" for a slot left blank)
 * and the marks typed, one string per row (X or x marks a pair, "." none).
 */
export interface StrategyCase {
  label: string;
  offerings: readonly string[];
  segments: readonly string[];
  marks: readonly string[];
  strategy: Strategy | undefined;
}

export const STRATEGY_CASES: readonly StrategyCase[] = [
  {
    label: "no mark",
    offerings: ["o1", "o2", "o3"],
    segments: ["s1", "s2", "s3"],
    marks: ["...", "...", "..."],
    strategy: undefined,
  },
  {
    label: "one mark",
    offerings: ["o1", "o2", "o3"],
    segments: ["s1", "s2", "s3"],
    marks: ["...", ".X.", "..."],
    strategy: "concentration",
  },
  {
    label: "one mark in a 1 × 1 table: concentration before full coverage",
    offerings: ["o1", "", ""],
    segments: ["s1", "", ""],
    marks: ["X..", "...", "..."],
    strategy: "concentration",
  },
  {
    label: "several offerings, one segment",
    offerings: ["o1", "o2", "o3"],
    segments: ["s1", "s2", "s3"],
    marks: [".X.", "...", ".x."],
    strategy: "segment-specialisation",
  },
  {
    label: "one offering, several segments",
    offerings: ["o1", "o2", "o3"],
    segments: ["s1", "s2", "s3"],
    marks: ["...", "X.X", "..."],
    strategy: "offering-specialisation",
  },
  {
    label: "every offering × every segment",
    offerings: ["o1", "o2", "o3"],
    segments: ["s1", "s2", "s3"],
    marks: ["XXX", "xXx", "XXX"],
    strategy: "full-coverage",
  },
  {
    label: "every named offering × every named segment, blank slots left",
    offerings: ["o1", "o2", ""],
    segments: ["s1", "", "s3"],
    marks: ["X.X", "X.X", "..."],
    strategy: "full-coverage",
  },
  {
    label: "a few chosen pairs",
    offerings: ["o1", "o2", "o3"],
    segments: ["s1", "s2", "s3"],
    marks: ["X..", ".X.", "..X"],
    strategy: "selective-specialisation",
  },
  {
    label: "all but one pair",
    offerings: ["o1", "o2", "o3"],
    segments: ["s1", "s2", "s3"],
    marks: ["XXX", "XX.", "XXX"],
    strategy: "selective-specialisation",
  },
];

/**
 * A segment's mean competition over the same 3 × 3 matrix. Pairs: [clientèle, need, level?] each
 * a ticked ratings row; `unticked`: ratings rows whose pair is not ticked (their key is empty),
 * which never count; marks as in the mean score's cases.
 */
export interface CompetitionCase {
  label: string;
  pairs: readonly [number, number, number?][];
  unticked?: readonly [number, number, number][];
  clienteleMarks: readonly [string, string, string];
  needMarks: readonly [string, string, string];
  mean: number | undefined;
}

export const COMPETITION_CASES: readonly CompetitionCase[] = [
  {
    label: "no member",
    pairs: [[0, 0, 3]],
    clienteleMarks: ["", "", ""],
    needMarks: ["", "", ""],
    mean: undefined,
  },
  {
    label: "members, their pairs without a level",
    pairs: [
      [0, 0],
      [1, 0],
    ],
    clienteleMarks: ["X", "X", ""],
    needMarks: ["X", "", ""],
    mean: undefined,
  },
  {
    label: "one pair at level 0 (counted: a level, not a blank)",
    pairs: [[1, 1, 0]],
    clienteleMarks: ["", "X", ""],
    needMarks: ["", "X", ""],
    mean: 0,
  },
  {
    label: "a mean that is not whole (4, 3 and 1), pairs without a level left out",
    pairs: [
      [0, 0, 4],
      [1, 0, 3],
      [0, 1, 1],
      [1, 1],
    ],
    clienteleMarks: ["X", "X", ""],
    needMarks: ["X", "X", ""],
    mean: 8 / 3,
  },
  {
    label: "pairs outside the segment and unticked rows left out; marks in any case",
    pairs: [
      [0, 0, 2],
      [2, 0, 4],
      [0, 2, 4],
    ],
    unticked: [[0, 1, 4]],
    clienteleMarks: [" x", "", ""],
    needMarks: ["X ", "x", ""],
    mean: 2,
  },
  {
    label: "the whole matrix at the top",
    pairs: [0, 1, 2].flatMap((c) => [0, 1, 2].map((n): [number, number, number] => [c, n, 4])),
    clienteleMarks: ["X", "X", "X"],
    needMarks: ["X", "X", "X"],
    mean: 4,
  },
  {
    label: "the last clientèle and need only (the lookups' far end)",
    pairs: [
      [2, 2, 1],
      [0, 0, 4],
    ],
    clienteleMarks: ["", "", "X"],
    needMarks: ["", "", "X"],
    mean: 1,
  },
];

/**
 * A quantification item against its figure (issue 17 item 6): the status typed in its cell (any
 * text; what the checklist's Ok rule accepts counts) and the figure typed on the segments sheet.
 */
export const QUANTIFICATION_CASES: readonly {
  status: string;
  figure: number | undefined;
  mismatch: boolean;
}[] = [
  { status: "", figure: undefined, mismatch: false },
  { status: "✓ Ok", figure: 1200, mismatch: false },
  { status: "ok", figure: 0, mismatch: false }, // zero is a figure
  { status: "", figure: 3, mismatch: true }, // no status: to do
  { status: "⊞ En cours", figure: 2.5, mismatch: true },
  { status: "✓ Ok", figure: undefined, mismatch: true },
  { status: " OK ", figure: undefined, mismatch: true },
  { status: "📊 A analyser", figure: undefined, mismatch: false },
];

// Each case as the TypeScript rules take it.

export const CLIENTELES = ["c1", "c2", "c3"];
export const NEEDS = ["n1", "n2", "n3"];

export function casePairs(c: MeanScoreCase): Pair[] {
  return c.pairs.map(([clientele, need, perception, impact]) => ({
    clientele: CLIENTELES[clientele],
    need: NEEDS[need],
    ...(perception !== undefined ? { perception } : {}),
    ...(impact !== undefined ? { impact } : {}),
  }));
}

/** The TypeScript mean score of a case: members are the names whose typed mark is a mark. */
export function tsMeanScore(c: MeanScoreCase): number | undefined {
  const members = (names: string[], marks: readonly string[]): string[] =>
    names.filter((_, i) => isMark(marks[i]));
  return segmentMeanScore(
    { clienteles: members(CLIENTELES, c.clienteleMarks), needs: members(NEEDS, c.needMarks) },
    casePairs(c),
    c.weights
  );
}

/** The TypeScript mean competition of a case (its ticked pairs only: unticked rows are no pairs). */
export function tsCompetition(c: CompetitionCase): number | undefined {
  const members = (names: string[], marks: readonly string[]): string[] =>
    names.filter((_, i) => isMark(marks[i]));
  return segmentCompetition(
    { clienteles: members(CLIENTELES, c.clienteleMarks), needs: members(NEEDS, c.needMarks) },
    c.pairs.map(([clientele, need, competition]) => ({
      clientele: CLIENTELES[clientele],
      need: NEEDS[need],
      ...(competition !== undefined ? { competition } : {}),
    }))
  );
}

/** The statuses a checklist case's cells give (undefined for an empty cell). */
export function caseStatuses(c: ChecklistCase): (ChecklistStatus | undefined)[] {
  return c.cells.map((cell) => findStatus(cell)?.canonical);
}

/** The TypeScript strategy of a case: its marks in named rows and columns. */
export function tsStrategy(c: StrategyCase): Strategy | undefined {
  const marks = c.marks.flatMap((row, offering) =>
    [...row].flatMap((cell, segment) =>
      isMark(cell) && c.offerings[offering] !== "" && c.segments[segment] !== ""
        ? [{ offering, segment }]
        : []
    )
  );
  const named = (names: readonly string[]): number => names.filter((n) => n !== "").length;
  return targetingStrategy(marks, named(c.offerings), named(c.segments));
}

/** The TypeScript size of a trimming case: blank steps keep everyone, as PRODUCT skips them. */
export function tsTrimmedSize(c: TrimCase): number | undefined {
  if (c.population === undefined) return undefined;
  return trimmedSize(
    c.population,
    c.keeps.flatMap((keep) => (keep === undefined ? [] : [keep]))
  );
}

// The figures' source: it names the data while each vouched-for figure is the data's (within the
// doubles' noise), and stops once one is typed over, cleared, typed as text or added.
export interface SourceCase {
  label: string;
  /** What the cells hold now (a string: typed as text). */
  cells: Partial<Record<SourcedFigure, number | string>>;
  /** The figures the data gave, written into the formula. */
  data: SourcedValues;
  figures: readonly SourcedFigure[];
  fromData: boolean;
}

const ALL: readonly SourcedFigure[] = ["size", "frequency", "basket"];
const DATA: SourcedValues = { size: 24503, frequency: 2.1, basket: 41.8 };

export const SOURCE_CASES: readonly SourceCase[] = [
  { label: "unchanged", cells: { ...DATA }, data: DATA, figures: ALL, fromData: true },
  {
    label: "basket typed over",
    cells: { ...DATA, basket: 45 },
    data: DATA,
    figures: ALL,
    fromData: false,
  },
  {
    label: "size typed over by one",
    cells: { ...DATA, size: 24504 },
    data: DATA,
    figures: ALL,
    fromData: false,
  },
  {
    label: "frequency cleared",
    cells: { size: 24503, basket: 41.8 },
    data: DATA,
    figures: ALL,
    fromData: false,
  },
  {
    label: "basket typed as text",
    cells: { ...DATA, basket: "41,8" },
    data: DATA,
    figures: ALL,
    fromData: false,
  },
  {
    label: "the same value typed again (0.1 + 0.2 against 0.3)",
    cells: { size: 10, frequency: 0.1 + 0.2, basket: 1e15 },
    data: { size: 10, frequency: 0.3, basket: 1e15 },
    figures: ALL,
    fromData: true,
  },
  {
    label: "sized from a population: the size is not the data's",
    cells: { size: 999, frequency: 2.1, basket: 41.8 },
    data: { frequency: 2.1, basket: 41.8 },
    figures: ["frequency", "basket"],
    fromData: true,
  },
  {
    label: "a basket the data did not give, typed in",
    cells: { size: 5, frequency: 1, basket: 20 },
    data: { size: 5, frequency: 1 },
    figures: ALL,
    fromData: false,
  },
  {
    label: "a basket the data did not give, left empty",
    cells: { size: 5, frequency: 1 },
    data: { size: 5, frequency: 1 },
    figures: ALL,
    fromData: true,
  },
  {
    label: "a zero basket kept, then cleared",
    cells: { size: 5, frequency: 1 },
    data: { size: 5, frequency: 1, basket: 0 },
    figures: ALL,
    fromData: false,
  },
  {
    label: "a zero basket kept",
    cells: { size: 5, frequency: 1, basket: 0 },
    data: { size: 5, frequency: 1, basket: 0 },
    figures: ALL,
    fromData: true,
  },
  {
    label: "the largest figures",
    cells: { size: 1e15, frequency: 1e15, basket: 123456789.12 },
    data: { size: 1e15, frequency: 1e15, basket: 123456789.12 },
    figures: ALL,
    fromData: true,
  },
];
