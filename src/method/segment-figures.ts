/**
 * A segment's live figures (docs/method.md §4–§5), each a TypeScript rule beside the Excel formula
 * generated from the same definition: the mean score of the pairs it holds, and its yearly
 * potential (size × frequency × basket). The segments sheet writes the formulas with its cell
 * references and caches what the rules compute; the targeting sheet ranks segments by both.
 */
import { markFormula } from "./marks";
import { pairScore } from "./score";
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
