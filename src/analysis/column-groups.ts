/**
 * The runs of columns the segments make in the clientèle order: what the matrix and its picture
 * outline and label. Pure.
 */
import { Study, nameKey } from "../method/study";

/** Columns `first`..`last` (0-based, inclusive) are the clientèles of one segment. */
export interface ColumnGroup {
  name: string;
  /** The segment's index in the study's segments. */
  segment: number;
  first: number;
  last: number;
  /** Row of brackets it is drawn on, so that overlapping segments do not cover each other. */
  lane: number;
}

/**
 * A segment outlines a run of columns when its clientèles (those still in the study) sit side by
 * side in the column order; runs that overlap go on separate lanes.
 */
export function columnGroups(
  study: Study,
  clienteles: readonly string[]
): { groups: ColumnGroup[]; scattered: string[] } {
  const columnOf = new Map(clienteles.map((name, index) => [nameKey(name), index]));
  const runs: Omit<ColumnGroup, "lane">[] = [];
  const scattered: string[] = [];
  for (const [index, segment] of (study.segments ?? []).entries()) {
    const columns = [
      ...new Set(
        segment.clienteles
          .map((name) => columnOf.get(nameKey(name)))
          .filter((column): column is number => column !== undefined)
      ),
    ].sort((a, b) => a - b);
    if (columns.length === 0) continue;
    const first = columns[0];
    const last = columns[columns.length - 1];
    if (last - first + 1 === columns.length)
      runs.push({ name: segment.name, segment: index, first, last });
    else scattered.push(segment.name);
  }
  runs.sort((a, b) => a.first - b.first || b.last - a.last);
  const laneEnds: number[] = [];
  const groups = runs.map((run) => {
    let lane = laneEnds.findIndex((end) => end < run.first);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = run.last;
    return { ...run, lane };
  });
  return { groups, scattered };
}
