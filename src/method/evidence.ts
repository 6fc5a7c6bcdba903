/**
 * A pair's evidence in the study file (docs/method.md §3.3): {n, feel, source?}, checked on its own so
 * that the study's validation only calls it. n respondents answered for the pair, a share `feel`
 * of them feel the need; `source` says where the responses come from.
 */
import * as msg from "../messages";
import { Location, Problem, isControl } from "../messages";
import { CELL_TEXT_MAX, Evidence, Pair, Segment, Study, isRated, nameKey } from "./study";

const EVIDENCE_FIELDS = new Set(["n", "feel", "source"]);

/** The evidence, or a problem naming the field and what is expected. */
export function checkEvidence(
  value: unknown,
  location: Location
): { evidence: Evidence } | { problem: Problem } {
  const refuse = (shown: string) => ({ problem: msg.pairEvidenceInvalid(location, shown) });
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return refuse(shownValue(value));
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!EVIDENCE_FIELDS.has(key)) return refuse(`"${key}"`);
  const { n, feel, source } = raw;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1)
    return refuse(`"n": ${shownValue(n)}`);
  if (typeof feel !== "number" || !Number.isFinite(feel) || feel < 0 || feel > 1)
    return refuse(`"feel": ${shownValue(feel)}`);
  const evidence: Evidence = { n, feel };
  if (source !== undefined && source !== null) {
    if (typeof source !== "string" || !plainText(source))
      return refuse(`"source": ${shownValue(source)}`);
    if (source.trim() !== "") evidence.source = source.trim();
  }
  return { evidence };
}

/** Text a cell can hold as it is: not too long, no control character except tab and line breaks. */
function plainText(text: string): boolean {
  if (text.length > CELL_TEXT_MAX) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code) && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return true;
}

/** A value as the message shows it: JSON, cut short (a hostile file may hold megabytes). */
function shownValue(value: unknown): string {
  const shown = value === undefined ? "absent" : (JSON.stringify(value) ?? String(value));
  return shown.length > 60 ? shown.slice(0, 57) + "…" : shown;
}

/** Whether any pair of the study has responses behind it: only then does anything show the evidence. */
export function studyHasEvidence(study: Pick<Study, "pairs">): boolean {
  return study.pairs.some((pair) => pair.evidence !== undefined);
}

/**
 * A hypothesis (docs/method.md §3.3): a scored pair — ticked, since only ticked pairs are listed, and
 * rated on both criteria — with no responses behind it. The matrix, the picture, the exports and the
 * deck draw it in italics with a dotted border; the workbook's live rule says the same of a ratings
 * row whose n is empty (sheets/matrix.ts).
 */
export function isHypothesis(pair: Pair): boolean {
  return isRated(pair) && pair.evidence === undefined;
}

/** How much of a set of pairs the responses back: scored pairs, those with evidence, their median n. */
export interface EvidenceCoverage {
  /** Pairs rated on both criteria (they have a score). */
  rated: number;
  /** Of those, pairs with responses behind them. */
  backed: number;
  /** Median n of the backed pairs (an even count: the mean of the two middle values); none unbacked. */
  medianN?: number;
}

/** The coverage of the given pairs (a whole study's, or a segment's). */
export function evidenceCoverage(pairs: Iterable<Pair>): EvidenceCoverage {
  let rated = 0;
  const counts: number[] = [];
  for (const pair of pairs) {
    if (!isRated(pair)) continue;
    rated++;
    if (pair.evidence) counts.push(pair.evidence.n);
  }
  const coverage: EvidenceCoverage = { rated, backed: counts.length };
  if (counts.length > 0) {
    counts.sort((a, b) => a - b);
    const middle = counts.length >> 1;
    coverage.medianN =
      counts.length % 2 === 1 ? counts[middle] : (counts[middle - 1] + counts[middle]) / 2;
  }
  return coverage;
}

/** The pairs a segment covers: every listed pair of one of its clientèles and one of its needs. */
export function segmentPairs(study: Pick<Study, "pairs">, segment: Segment): Pair[] {
  const clienteles = new Set(segment.clienteles.map(nameKey));
  const needs = new Set(segment.needs.map(nameKey));
  return study.pairs.filter(
    (pair) => clienteles.has(nameKey(pair.clientele)) && needs.has(nameKey(pair.need))
  );
}

/**
 * How a hypothesis looks wherever the matrix is drawn: its score in italics, its cell edged with a
 * dotted line of this dark grey (visible on every colour of the scale, and without colour at all).
 */
export const HYPOTHESIS_LOOK = { italic: true, dottedBorder: "#404040" } as const;

/** The share of scored pairs backed by responses, in whole percent (rounded half up); 0 unscored. */
export function backedPercent(coverage: Pick<EvidenceCoverage, "rated" | "backed">): number {
  return coverage.rated === 0 ? 0 : Math.round((100 * coverage.backed) / coverage.rated);
}

/** A segment's name and the coverage of its pairs, for the pane's segments step. */
export interface SegmentEvidence extends EvidenceCoverage {
  segment: string;
}

/** Each segment's coverage, in the study's order. */
export function segmentsEvidence(study: Pick<Study, "pairs" | "segments">): SegmentEvidence[] {
  return (study.segments ?? []).map((segment) => ({
    segment: segment.name,
    ...evidenceCoverage(segmentPairs(study, segment)),
  }));
}
