/**
 * The method's judgement on a study (docs/method.md §9): the conquest order it suggests and the
 * mistakes it warns about. Pure: the command line prints it, the pane and Ciblage can show it.
 * Nothing here changes the study; the consultant decides.
 */
import { Bilingual } from "./levels";
import * as msg from "../messages";
import { Problem } from "../messages";
import { segmentCompetition, segmentMeanScore, segmentPotential } from "./segment-figures";
import { SEGMENT_FIGURES } from "./segments";
import { Pair, Segment, Study, nameKey } from "./study";
import { strategyOfTargets } from "./targeting";
// Sheet-independent functions, to move into src/method with the rest of issue 12 item 1.

/** The warnings' codes, in the order they are listed (docs/method.md §9.2). */
export const ADVICE_CODES = [
  "segment-too-broad",
  "too-many-targets",
  "full-coverage",
  "target-unquantified",
  "busy-market",
  "empty-market",
] as const;
export type AdviceCode = (typeof ADVICE_CODES)[number];

/** Thresholds of the warnings (docs/method.md §9.2). */
export const ADVICE_THRESHOLDS = {
  /** A segment holding more than this share of the clientèles that have an X is too broad. */
  broadShare: 0.5,
  /** More targeted segments than this, without a conquest order, are too many at once. */
  maxTargetsWithoutOrder: 3,
  /** Mean competition at or above this: a busy market. */
  busyFrom: 3,
  /** Mean competition at or below this: an empty market. */
  emptyUpTo: 0.5,
} as const;

/** Why a segment comes at its place in the suggested order. */
export type ConquestReason =
  /** The first step: the best rank (highest mean score, then potential, then the study's order). */
  | { kind: "best-rank"; meanScore?: number; potential?: number }
  /** A later step: the Jaccard overlap (0–1) with the clientèles and needs already chosen. */
  | { kind: "overlap"; overlap: number };

export interface ConquestStep {
  segment: string;
  reason: ConquestReason;
}

export interface MethodWarning {
  code: AdviceCode;
  /** The segment it is about; absent for a warning about the whole study. */
  segment?: string;
  problem: Problem;
}

export interface Advice {
  conquest: ConquestStep[];
  warnings: MethodWarning[];
}

export function advise(study: Study): Advice {
  const pairs = pairsBySegment(study);
  return {
    conquest: suggestedConquest(study, pairs),
    warnings: methodWarnings(study, pairs),
  };
}

/**
 * Each segment's ticked pairs (its clientèles × its needs). Indexing the pairs by clientèle once
 * spares every rule a pass over all the study's pairs per segment (500 segments on a 200 × 200
 * study: seconds otherwise); the rules still check membership themselves.
 */
function pairsBySegment(study: Study): Pair[][] {
  // Few distinct names, many pairs: each name's key is computed once.
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = nameKey(name)));
    return key;
  };
  const byClientele = new Map<string, Pair[]>();
  for (const pair of study.pairs) {
    const key = keyOf(pair.clientele);
    const list = byClientele.get(key);
    if (list) list.push(pair);
    else byClientele.set(key, [pair]);
  }
  return (study.segments ?? []).map((segment) => {
    const needs = new Set(segment.needs.map(nameKey));
    const held: Pair[] = [];
    for (const key of new Set(segment.clienteles.map(nameKey)))
      for (const pair of byClientele.get(key) ?? [])
        if (needs.has(keyOf(pair.need))) held.push(pair);
    return held;
  });
}

// The suggested conquest order (§9.1).

interface Ranked {
  index: number;
  segment: Segment;
  meanScore?: number;
  potential?: number;
  /** Its clientèles and needs, tagged so that a clientèle and a need of one name stay two. */
  members: Set<string>;
}

/** Better first: a mean score, the higher mean score, a potential, the higher one, the study's order. */
function compareRank(a: Ranked, b: Ranked): number {
  if ((a.meanScore === undefined) !== (b.meanScore === undefined))
    return a.meanScore === undefined ? 1 : -1;
  if (a.meanScore !== undefined && b.meanScore !== undefined && a.meanScore !== b.meanScore)
    return b.meanScore - a.meanScore;
  if ((a.potential === undefined) !== (b.potential === undefined))
    return a.potential === undefined ? 1 : -1;
  if (a.potential !== undefined && b.potential !== undefined && a.potential !== b.potential)
    return b.potential - a.potential;
  return a.index - b.index;
}

function membersOf(segment: Segment): Set<string> {
  return new Set([
    ...segment.clienteles.map((name) => `c\u0000${nameKey(name)}`),
    ...segment.needs.map((name) => `n\u0000${nameKey(name)}`),
  ]);
}

/**
 * Every segment, the first to win first: the best rank, then repeatedly the remaining segment whose
 * clientèles and needs overlap most (Jaccard) with those already chosen, ties to the better rank.
 * The overlaps are kept up to date through an index of who holds each member, so the whole order
 * costs the segments' members once plus segments² comparisons.
 */
export function suggestedConquest(
  study: Study,
  pairs: Pair[][] = pairsBySegment(study)
): ConquestStep[] {
  const ranked: Ranked[] = (study.segments ?? []).map((segment, index) => {
    // The method's rule, over the pairs that can count (the same mean, without a full pass).
    const mean = segmentMeanScore(segment, pairs[index], study.weights);
    const potential = segmentPotential(segment);
    return {
      index,
      segment,
      ...(mean === undefined ? {} : { meanScore: mean }),
      ...(potential === undefined ? {} : { potential }),
      members: membersOf(segment),
    };
  });
  ranked.sort(compareRank);
  if (ranked.length === 0) return [];

  // ranked[i]'s members already in the union, and which segments hold each member.
  const shared = new Array<number>(ranked.length).fill(0);
  const holders = new Map<string, number[]>();
  ranked.forEach((entry, i) => {
    for (const member of entry.members) {
      const list = holders.get(member);
      if (list) list.push(i);
      else holders.set(member, [i]);
    }
  });
  const union = new Set<string>();
  const chosen = new Array<boolean>(ranked.length).fill(false);
  const choose = (i: number): void => {
    chosen[i] = true;
    for (const member of ranked[i].members) {
      if (union.has(member)) continue;
      union.add(member);
      for (const holder of holders.get(member) ?? []) shared[holder]++;
    }
  };

  const first = ranked[0];
  const steps: ConquestStep[] = [
    {
      segment: first.segment.name,
      reason: {
        kind: "best-rank",
        ...(first.meanScore !== undefined ? { meanScore: first.meanScore } : {}),
        ...(first.potential !== undefined ? { potential: first.potential } : {}),
      },
    },
  ];
  choose(0);
  for (let step = 1; step < ranked.length; step++) {
    // Overlap = shared / (|members| + |union| − shared), compared as exact fractions; the first
    // best in rank order wins a tie.
    let best = -1;
    let bestShared = 0;
    let bestEither = 1;
    for (let i = 0; i < ranked.length; i++) {
      if (chosen[i]) continue;
      const either = ranked[i].members.size + union.size - shared[i];
      if (best === -1 || shared[i] * bestEither > bestShared * either) {
        best = i;
        bestShared = shared[i];
        bestEither = either;
      }
    }
    steps.push({
      segment: ranked[best].segment.name,
      reason: { kind: "overlap", overlap: bestEither === 0 ? 0 : bestShared / bestEither },
    });
    choose(best);
  }
  return steps;
}

// The method's warnings (§9.2).

/** The segments with at least one X on Ciblage, by their key. */
function targetedKeys(study: Study): Set<string> {
  const segments = new Set((study.segments ?? []).map((segment) => nameKey(segment.name)));
  return new Set(
    (study.targets ?? []).map((t) => nameKey(t.segment)).filter((key) => segments.has(key))
  );
}

/** The figures of a segment that its potential lacks (size, frequency, basket). */
function missingFigures(segment: Segment): Bilingual[] {
  return (["size", "frequency", "basket"] as const)
    .filter((figure) => segment[figure] === undefined)
    .map((figure) => SEGMENT_FIGURES[figure]);
}

/** Every warning the study raises, in the order of ADVICE_CODES, then of the study's segments. */
export function methodWarnings(
  study: Study,
  pairs: Pair[][] = pairsBySegment(study)
): MethodWarning[] {
  const segments = study.segments ?? [];
  const warnings: MethodWarning[] = [];
  const about = (segment: Segment | undefined, problem: Problem): void => {
    warnings.push({
      code: problem.code as AdviceCode,
      ...(segment ? { segment: segment.name } : {}),
      problem,
    });
  };
  const targeted = targetedKeys(study);
  const isTargeted = (segment: Segment): boolean => targeted.has(nameKey(segment.name));

  // segment-too-broad: more than half of the clientèles that have an X (in the study's lists).
  const listed = new Set(study.clienteles.map((c) => nameKey(c.name)));
  const listedNeeds = new Set(study.needs.map((n) => nameKey(n.name)));
  const withX = new Set(
    study.pairs
      .filter((p) => listed.has(nameKey(p.clientele)) && listedNeeds.has(nameKey(p.need)))
      .map((p) => nameKey(p.clientele))
  );
  for (const segment of segments) {
    const held = new Set(segment.clienteles.map(nameKey).filter((key) => withX.has(key))).size;
    if (withX.size > 0 && held > ADVICE_THRESHOLDS.broadShare * withX.size)
      about(segment, msg.segmentTooBroad(undefined, segment.name, held, withX.size));
  }

  if (
    targeted.size > ADVICE_THRESHOLDS.maxTargetsWithoutOrder &&
    (study.conquest ?? []).length === 0
  )
    about(undefined, msg.tooManyTargets(undefined, targeted.size));

  const offerings = study.offerings ?? [];
  const segmentNames = segments.map((segment) => segment.name);
  if (strategyOfTargets(study.targets ?? [], offerings, segmentNames) === "full-coverage")
    about(undefined, msg.fullCoverage(undefined, offerings.length, segments.length));

  for (const segment of segments) {
    if (isTargeted(segment) && segmentPotential(segment) === undefined)
      about(segment, msg.targetUnquantified(undefined, segment.name, missingFigures(segment)));
  }

  const competition = segments.map((segment, i) => segmentCompetition(segment, pairs[i]));
  segments.forEach((segment, i) => {
    const mean = competition[i];
    if (mean !== undefined && mean >= ADVICE_THRESHOLDS.busyFrom)
      about(segment, msg.busyMarket(undefined, segment.name, mean));
  });
  segments.forEach((segment, i) => {
    const mean = competition[i];
    if (mean !== undefined && mean <= ADVICE_THRESHOLDS.emptyUpTo)
      about(segment, msg.emptyMarket(undefined, segment.name, mean));
  });
  return warnings;
}
