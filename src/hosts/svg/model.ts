/**
 * Study → what the picture of the matrix shows, before any drawing: names in the study's order,
 * one score per cell (the method's pairScore; none for a pair not ticked or not rated), the
 * palette, and the column groups the segments make. Pure and browser-safe.
 */
import { Language } from "../../method/levels";
import { PALETTES, Palette, PaletteName } from "../../method/colour";
import { pairScore } from "../../method/score";
import { isHypothesis, studyHasEvidence } from "../../method/evidence";
import { shownCompetition } from "../../method/competition-look";
import { Study, Weights, isRated, pairKey } from "../../method/study";
import { ColumnGroup, columnGroups } from "../../analysis/column-groups";
import { PICTURE_TEXTS } from "../../i18n/picture";

export type { ColumnGroup };

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
  /**
   * hypotheses[need][clientèle]: a scored pair without responses (method/evidence.ts), drawn in
   * italics with a dotted border; all false in a study without evidence, whose picture is as before.
   */
  hypotheses: boolean[][];
  /** Whether any pair has responses behind it: the footer then says what a hypothesis looks like. */
  evidence: boolean;
  /**
   * competition[need][clientèle]: the scored pair's competition level (0–4), drawn as a small
   * marker in the cell's corner with a legend line; only when asked (`competition` option), so
   * that the picture without it is exactly as before.
   */
  competition?: (number | undefined)[][];
  groups: ColumnGroup[];
  /** Segments whose clientèles are not side by side in the column order: named, not outlined. */
  scatteredSegments: string[];
}

export interface PictureOptions {
  /** Language of the picture's own texts; the study's by default. */
  language?: Language;
  /** The study's own palette by default. */
  palette?: PaletteName;
  /** Show each scored pair's competition level (off by default). */
  competition?: boolean;
}

export function pictureModel(study: Study, options: PictureOptions = {}): PictureModel {
  const language = options.language ?? study.language;
  const rated = new Map<string, number>();
  const evidence = studyHasEvidence(study);
  const hypotheses = new Set<string>();
  const levels = new Map<string, number>();
  for (const pair of study.pairs) {
    const level = shownCompetition(pair);
    if (level !== undefined) levels.set(pairKey(pair.clientele, pair.need), level);
    if (isRated(pair))
      rated.set(
        pairKey(pair.clientele, pair.need),
        pairScore(pair.perception, pair.impact, study.weights)
      );
    if (evidence && isHypothesis(pair)) hypotheses.add(pairKey(pair.clientele, pair.need));
  }
  const clienteles = study.clienteles.map((item) => item.name);
  const needs = study.needs.map((item) => item.name);
  const { groups, scattered } = columnGroups(study, clienteles);
  const title = study.title?.trim();
  return {
    title: title ? title : PICTURE_TEXTS[language].defaultTitle,
    language,
    palette: PALETTES[options.palette ?? study.palette ?? "default"],
    weights: study.weights,
    clienteles,
    needs,
    scores: needs.map((need) => clienteles.map((clientele) => rated.get(pairKey(clientele, need)))),
    hypotheses: needs.map((need) =>
      clienteles.map((clientele) => hypotheses.has(pairKey(clientele, need)))
    ),
    evidence,
    ...(options.competition
      ? {
          competition: needs.map((need) =>
            clienteles.map((clientele) => levels.get(pairKey(clientele, need)))
          ),
        }
      : {}),
    groups,
    scatteredSegments: scattered,
  };
}
