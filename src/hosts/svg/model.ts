/**
 * Study → what the picture of the matrix shows, before any drawing: names in the study's order,
 * one score per cell (the method's pairScore; none for a pair not ticked or not rated), the
 * palette, and the column groups the segments make. Pure and browser-safe.
 */
import { Language } from "../../method/levels";
import { PALETTES, Palette, PaletteName } from "../../method/palette";
import { pairScore } from "../../method/score";
import { Study, Weights, isRated, nameKey, pairKey } from "../../method/study";
import { PICTURE_TEXTS } from "../../i18n/picture";

/** Columns `first`..`last` (0-based, inclusive) are the clientèles of one segment. */
export interface ColumnGroup {
  name: string;
  first: number;
  last: number;
  /** Row of brackets it is drawn on, so that overlapping segments do not cover each other. */
  lane: number;
}

export interface PictureModel {
  title: string;
  language: Language;
  palette: Palette;
  weights: Weights;
  /** Column headings, in the study's order. */
  clienteles: string[];
  /** Row headings, in the study's order. */
  needs: string[];
  /** scores[need][clientèle]: the pair's score, or undefined when not ticked or not rated. */
  scores: (number | undefined)[][];
  groups: ColumnGroup[];
  /** Segments whose clientèles are not side by side in the column order: named, not outlined. */
  scatteredSegments: string[];
}

export interface PictureOptions {
  /** Language of the picture's own texts; the study's by default. */
  language?: Language;
  palette?: PaletteName;
}

export function pictureModel(study: Study, options: PictureOptions = {}): PictureModel {
  const language = options.language ?? study.language;
  const rated = new Map<string, number>();
  for (const pair of study.pairs) {
    if (isRated(pair))
      rated.set(
        pairKey(pair.clientele, pair.need),
        pairScore(pair.perception, pair.impact, study.weights)
      );
  }
  const clienteles = study.clienteles.map((item) => item.name);
  const needs = study.needs.map((item) => item.name);
  const { groups, scattered } = columnGroups(study, clienteles);
  const title = study.title?.trim();
  return {
    title: title ? title : PICTURE_TEXTS[language].defaultTitle,
    language,
    palette: PALETTES[options.palette ?? "default"],
    weights: study.weights,
    clienteles,
    needs,
    scores: needs.map((need) => clienteles.map((clientele) => rated.get(pairKey(clientele, need)))),
    groups,
    scatteredSegments: scattered,
  };
}

/**
 * A segment outlines a run of columns when its clientèles (those still in the study) sit side by
 * side in the column order; runs that overlap go on separate lanes.
 */
function columnGroups(
  study: Study,
  clienteles: readonly string[]
): { groups: ColumnGroup[]; scattered: string[] } {
  const columnOf = new Map(clienteles.map((name, index) => [nameKey(name), index]));
  const runs: Omit<ColumnGroup, "lane">[] = [];
  const scattered: string[] = [];
  for (const segment of study.segments ?? []) {
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
    if (last - first + 1 === columns.length) runs.push({ name: segment.name, first, last });
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
