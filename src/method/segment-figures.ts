/**
 * A segment's live figures (docs/method.md §4–§5), each a TypeScript rule beside the Excel formula
 * generated from the same definition: the mean score of the pairs it holds, its mean competition,
 * its size trimmed from a population (docs/method.md §1), and its yearly potential
 * (size × frequency × basket). The segments sheet writes the formulas with its cell
 * references and caches what the rules compute; the targeting sheet ranks segments by both.
 */
import { markFormula } from "./marks";
import { excelRound, pairScore } from "./score";
import { Pair, Segment, Weights, isRated, nameKey } from "./study";

/**
 * The mean of the scores of the pairs a segment holds — its clientèles × its needs, ticked and
 * rated — not rounded; undefined when it holds none.
 */
export function segmentMeanScore(
  segment: Pick<Segment, "clienteles" | "needs">,
  pairs: readonly Pair[],
  weights: Weights
): number | undefined {
  const clienteles = new Set(segment.clienteles.map(nameKey));
  const needs = new Set(segment.needs.map(nameKey));
  let sum = 0;
  let count = 0;
  for (const pair of pairs) {
    if (
      !isRated(pair) ||
      !clienteles.has(nameKey(pair.clientele)) ||
      !needs.has(nameKey(pair.need))
    )
      continue;
    sum += pairScore(pair.perception, pair.impact, weights);
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

/**
 * The mean score over the score matrix (`matrix`: needs down, clientèles across, a number where a
 * pair is scored) and the segment's marks (`clienteleMarks`: a column, one cell per matrix column;
 * `needMarks`: a column, one per matrix row); empty when it holds no scored pair. Written without
 * IF or TRANSPOSE over arrays, so that Excel 2019 and LibreOffice evaluate it without array entry:
 * MMULT of the matrix (its empty cells as 0 through 0&cell) by the clientèle marks, summed over the
 * need marks.
 */
export function meanScoreFormula(
  matrix: string,
  clienteleMarks: string,
  needMarks: string
): string {
  const over = (values: string): string =>
    `SUMPRODUCT(${markFormula(needMarks)},MMULT(${values},${markFormula(clienteleMarks)}))`;
  const count = over(`--ISNUMBER(${matrix})`);
  const sum = over(`--(0&${matrix})`);
  return `IF(${count}=0,"",${sum}/${count})`;
}

/**
 * The mean competition (0–4) of the pairs a segment holds — its clientèles × its needs, ticked —
 * that have a competition level, not rounded; undefined when none has one.
 */
export function segmentCompetition(
  segment: Pick<Segment, "clienteles" | "needs">,
  pairs: readonly Pair[]
): number | undefined {
  const clienteles = new Set(segment.clienteles.map(nameKey));
  const needs = new Set(segment.needs.map(nameKey));
  let sum = 0;
  let count = 0;
  for (const pair of pairs) {
    if (pair.competition === undefined) continue;
    if (!clienteles.has(nameKey(pair.clientele)) || !needs.has(nameKey(pair.need))) continue;
    sum += pair.competition;
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

/** Where the competition formula finds the ratings and the segment's marks. */
export interface CompetitionRanges {
  /** Each ratings row's matrix cell as one number (row × keyRowFactor + column), "" when unticked. */
  keys: string;
  /** Each ratings row's competition label, in the same rows as `keys`. */
  competitions: string;
  /** The competition scale's labels, level 0 first. */
  levels: string;
  /** How many levels the scale has. */
  levelCount: number;
  keyRowFactor: number;
  /** The matrix's need headings (a column): their rows say which need a key's row is. */
  matrixNeeds: string;
  /** The matrix's clientèle headings (a row): their columns say which clientèle. */
  matrixClienteles: string;
  /** The segment's marks, one per matrix column (clienteleMarks) and per matrix row (needMarks). */
  clienteleMarks: string;
  needMarks: string;
}

/**
 * The mean competition over the ratings rows, empty when none counts. A row counts when its key is
 * a number (its pair is ticked), the need mark of its matrix row and the clientèle mark of its
 * matrix column are marks, and its label is one of the scale's; its level is the label's place on
 * the scale. LOOKUP over the headings' ROW and COLUMN numbers (ascending) finds each row's marks
 * without INDEX, IF or TRANSPOSE over arrays, so Excel 2019 and LibreOffice evaluate it without
 * array entry; an unticked row looks up the first cell (it is counted out by ISNUMBER).
 */
export function competitionFormula(r: CompetitionRanges): string {
  const first = `MIN(ROW(${r.matrixNeeds}))*${r.keyRowFactor}+MIN(COLUMN(${r.matrixClienteles}))`;
  const key = `(("0"&${r.keys})+(${r.keys}="")*(${first}))`;
  const need = `LOOKUP(INT(${key}/${r.keyRowFactor}),ROW(${r.matrixNeeds}),${r.needMarks})`;
  const clientele = `LOOKUP(MOD(${key},${r.keyRowFactor}),COLUMN(${r.matrixClienteles}),${r.clienteleMarks})`;
  const held = `ISNUMBER(${r.keys})*${markFormula(need)}*${markFormula(clientele)}`;
  const is = (level: number): string => `(${r.competitions}=INDEX(${r.levels},${level + 1}))`;
  const levels = Array.from({ length: r.levelCount }, (_, level) => level);
  const count = `SUMPRODUCT(${held}*(${levels.map(is).join("+")}))`;
  const sum = `SUMPRODUCT(${held}*(${levels
    .slice(1)
    .map((level) => `${level}*${is(level)}`)
    .join("+")}))`;
  return `IF(${count}=0,"",${sum}/${count})`;
}

/** The figures whose product is the yearly potential, in the order they multiply. */
export const POTENTIAL_FACTORS = ["size", "frequency", "basket"] as const;

/**
 * Size × frequency × basket; undefined while one of them is missing. Beyond Excel's largest number
 * the cell computes #NUM!, not a number, and a cached "Infinity" is not a number a spreadsheet can
 * read from the file: undefined too.
 */
export function segmentPotential(
  figures: Partial<Pick<Segment, (typeof POTENTIAL_FACTORS)[number]>>
): number | undefined {
  const { size, frequency, basket } = figures;
  if (size === undefined || frequency === undefined || basket === undefined) return undefined;
  const potential = size * frequency * basket;
  return Number.isFinite(potential) ? potential : undefined;
}

/**
 * The potential over the figures' cells (`cells`, in POTENTIAL_FACTORS order, inside the range
 * `first`:`last`), empty while one of them is not a number.
 */
export function potentialFormula(first: string, last: string, cells: readonly string[]): string {
  return `IF(COUNT(${first}:${last})<${cells.length},"",${cells.join("*")})`;
}

/**
 * The size a population trimmed by its criteria leaves (docs/method.md §1): ROUND(population × the
 * product of the kept shares, 0), Excel's ROUND; the population itself when no criterion trims it.
 * The shares multiply first, then the population, as the formula does (the same rounding of the
 * same doubles). Undefined beyond Excel's largest number (the cell computes #NUM!).
 */
export function trimmedSize(population: number, keeps: readonly number[]): number | undefined {
  let kept = 1;
  for (const keep of keeps) kept *= keep;
  const size = excelRound(population * kept);
  return Number.isFinite(size) ? size : undefined;
}

/**
 * The same over cells: `population` a cell, `keeps` the cells of the kept shares. PRODUCT skips an
 * empty share (a criterion not filled in yet keeps everyone) and its leading 1 makes the product of
 * no share 1, not 0; empty while the population is not a number.
 */
export function trimmedSizeFormula(population: string, keeps: readonly string[]): string {
  return `IF(ISNUMBER(${population}),ROUND(${population}*PRODUCT(${["1", ...keeps].join(",")}),0),"")`;
}

/** The figures a segment's source (`figuresSource`, issue 15 §2) can vouch for. */
export const SOURCED_FIGURES = ["size", "frequency", "basket"] as const;
export type SourcedFigure = (typeof SOURCED_FIGURES)[number];
export type SourcedValues = Partial<Record<SourcedFigure, number>>;

/**
 * The figures the customers' data gave a segment: its frequency and basket, and its size unless it
 * is sized from a population (then the size is the consultant's trimming, not the data's).
 */
export function sourcedFigures(segment: Pick<Segment, "population">): SourcedFigure[] {
  return segment.population === undefined ? [...SOURCED_FIGURES] : ["frequency", "basket"];
}

/** How near a figure must stay to the data's to be the data's: the doubles' noise, no more. */
export const SOURCE_TOLERANCE = 1e-12;

/**
 * Whether the figures are still those the data gave (`data`, written when the workbook was built):
 * each vouched-for figure is a number within SOURCE_TOLERANCE (relative) of the data's, or empty
 * where the data gave none. A figure typed over, cleared or added makes it false: the sheet then
 * no longer attributes the figures to the data, and `read` gives no source back.
 */
export function figuresFromData(
  current: Partial<Record<SourcedFigure, unknown>>,
  data: SourcedValues,
  figures: readonly SourcedFigure[]
): boolean {
  return figures.every((figure) => {
    const value = current[figure];
    const expected = data[figure];
    if (expected === undefined) return typeof value !== "number";
    return (
      typeof value === "number" &&
      Math.abs(value - expected) <= Math.abs(expected) * SOURCE_TOLERANCE
    );
  });
}

/**
 * The same over the figures' cells, showing `fromData` while it holds and `changed` once a figure is
 * no longer the data's (the data's figures written as constants). N() makes a text typed into a
 * figure 0 rather than an error; an error in a figure shows `changed`.
 */
export function figuresSourceFormula(
  cells: Record<SourcedFigure, string>,
  data: SourcedValues,
  figures: readonly SourcedFigure[],
  fromData: string,
  changed: string
): string {
  const literal = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const conditions = figures.map((figure) => {
    const cell = cells[figure];
    const expected = data[figure];
    if (expected === undefined) return `COUNT(${cell})=0`;
    const constant = `(${numberLiteral(expected)})`;
    return `AND(ISNUMBER(${cell}),ABS(N(${cell})-${constant})<=ABS(${constant})*${numberLiteral(SOURCE_TOLERANCE)})`;
  });
  const holds = conditions.length === 0 ? "TRUE" : `AND(${conditions.join(",")})`;
  return `IFERROR(IF(${holds},${literal(fromData)},${literal(changed)}),${literal(changed)})`;
}

/** A number as a formula constant: JavaScript's shortest exact digits, Excel's E for exponents. */
function numberLiteral(value: number): string {
  return String(value).toUpperCase();
}
