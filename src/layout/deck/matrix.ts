/**
 * The score matrix as native table slides: clientèle names as the header row, need names in the
 * first column, each ticked and rated pair's score in its cell filled with its scale colour (the
 * palette's `scaleColour`, text colour by its `textColour` rule), every other cell empty; the
 * segments' groups above the clientèles (`columnGroups`, as the picture and the workbook group
 * them). No text below MIN_FONT_SIZE and no word split: a matrix too large for one slide
 * continues on the next (at most 20 needs and 15 clientèles a slide, fewer when long names need
 * the room), with its header row, first column and group rows repeated.
 */
import { Palette, scaleColour, textColour } from "../../method/colour";
import { pairScore } from "../../method/score";
import { HYPOTHESIS_LOOK, isHypothesis, studyHasEvidence } from "../../method/evidence";
import { Study, isRated, pairKey } from "../../method/study";
import { Language } from "../../method/levels";
import { competitionMarker, shownCompetition } from "../../method/competition-look";
import { competitionLegend } from "../../i18n/competition";
import { ColumnGroup, columnGroups } from "../../analysis/column-groups";
import { formatNumber } from "../../i18n/numbers";
import { PICTURE_TEXTS } from "../../i18n/picture";
import { WORKBOOK_TEXTS } from "../../i18n/workbook";
import { DECK_TEXTS } from "../../i18n/deck";
import {
  DeckCell,
  DeckSlide,
  GROUP_FILL,
  HEADER_FILL,
  MARGIN,
  MIN_FONT_SIZE,
  MUTED,
  SLIDE_WIDTH,
  hexDigits,
  lineHeight,
  textWidth,
  wrappedLines,
} from "./model";
import { footer, slideTitle, textBox } from "./text";

/** The most needs (rows) and clientèles (columns) one slide shows. */
export const MAX_ROWS_PER_SLIDE = 20;
export const MAX_COLUMNS_PER_SLIDE = 15;

const NAME_SIZE = MIN_FONT_SIZE;
const SCORE_SIZE = 11;
/** The cell margins the host writes (left + right, top + bottom), in inches. */
export const CELL_PAD_X = 0.12;
export const CELL_PAD_Y = 0.06;
const TABLE_TOP = 0.95;
const TABLE_BOTTOM = 6.75;
const TABLE_WIDTH = SLIDE_WIDTH - 2 * MARGIN;
const NEED_COLUMN = { min: 1.6, max: 2.3 };
const COLUMN = { min: 0.6, max: 1.7 };
/**
 * A row's height beyond its lines: the cell's margins and the room LibreOffice adds (measured: a
 * one-line row of 11 pt is drawn 0.34 in tall whatever smaller height the file says).
 */
export const ROW_EXTRA = 0.16;

export interface MatrixPage {
  needs: number[];
  clienteles: number[];
  /** The heights of the segments' label rows this slide shows: none when its columns hold none. */
  laneHeights: number[];
}

interface Geometry {
  needWidth: number;
  columnWidth: number;
  headerHeight: number;
  rowHeights: number[];
  pages: MatrixPage[];
}

/** Indices in runs of at most `most` each and at most `capacity` inches of rows each, in order. */
function rowRuns(heights: readonly number[], capacity: number, most: number): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  let used = 0;
  heights.forEach((height, index) => {
    if (current.length > 0 && (current.length >= most || used + height > capacity)) {
      runs.push(current);
      current = [];
      used = 0;
    }
    current.push(index);
    used += height;
  });
  if (current.length > 0 || runs.length === 0) runs.push(current);
  return runs;
}

/**
 * The needs over as few slides as fit `room`, shared out evenly (13 needs over two slides: 7 and
 * 6, not 12 and a slide of one): the least capacity that still gives that many slides.
 */
function balancedRuns(heights: readonly number[], room: number): number[][] {
  const fewest = rowRuns(heights, room, MAX_ROWS_PER_SLIDE);
  const count = fewest.length;
  if (count <= 1) return fewest;
  const most = Math.ceil(heights.length / count);
  let low = Math.max(...heights, heights.reduce((a, b) => a + b, 0) / count);
  let high = room;
  if (rowRuns(heights, high, most).length > count) return fewest;
  for (let step = 0; step < 30; step++) {
    const middle = (low + high) / 2;
    if (rowRuns(heights, middle, most).length > count) low = middle;
    else high = middle;
  }
  return rowRuns(heights, high, most);
}

const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

/** The widest word of any of the names (a line breaks at a space, a hyphen or a slash). */
export const longestWord = (names: readonly string[], size: number, bold: boolean): number =>
  names.reduce(
    (max, name) =>
      // PowerPoint and LibreOffice break a line after a hyphen or a slash too.
      name.split(/[\s/-]/).reduce((m, word) => Math.max(m, textWidth(word, size, bold)), max),
    0
  );

/** 0..count-1 in as few runs of at most `size` as can be, of even lengths (13 by 8: 7 and 6). */
export function chunks(count: number, size: number): number[][] {
  const runs = Math.ceil(count / size);
  const out: number[][] = [];
  let start = 0;
  for (let run = 0; run < runs; run++) {
    const length = Math.ceil((count - start) / (runs - run));
    out.push(Array.from({ length }, (_, i) => start + i));
    start += length;
  }
  return out;
}

/** Where everything goes, and which needs and clientèles each slide shows. */
export function matrixGeometry(
  clienteles: readonly string[],
  needs: readonly string[],
  /** The segments' runs of columns, labelled above the clientèles. */
  groups: readonly ColumnGroup[],
  /** The label of the first lane's row, in the need column ("Segments →"). */
  groupsLabel: string,
  /** Inches kept under the table for more notes than the one line (a study with evidence). */
  reserved = 0,
  /** Inches a score cell's text needs on one line (a score with its competition marker). */
  cellText = 0
): Geometry {
  const widestNeed = needs.reduce((max, n) => Math.max(max, textWidth(n, NAME_SIZE)), 0);
  // Wide enough for most needs on one line, never so wide that the clientèles lose their room.
  const needWord = longestWord(needs, NAME_SIZE, false) + CELL_PAD_X;
  const needWidth = Math.min(
    TABLE_WIDTH / 2,
    Math.max(
      needWord,
      clamp(
        Math.max(widestNeed, needWord - CELL_PAD_X) + CELL_PAD_X,
        NEED_COLUMN.min,
        NEED_COLUMN.max
      )
    )
  );
  const across = TABLE_WIDTH - needWidth;
  // Headers across, words whole: each column as wide as the longest word of any clientèle, so a
  // slide holds as many clientèles as fit (rotated headers are laid out unwrapped by LibreOffice
  // and would push the rows off the slide).
  // A word is never split: a column is at least as wide as the longest word of a clientèle, and
  // as its share of the longest word of a segment's label over the columns it spans, even past
  // the usual widest column (up to the whole table).
  const groupWord = groups.reduce(
    (max, g) => Math.max(max, longestWord([g.name], NAME_SIZE, true) / (g.last - g.first + 1)),
    0
  );
  const word =
    Math.max(longestWord(clienteles, NAME_SIZE, false), groupWord, cellText) + CELL_PAD_X;
  const wordWidth = Math.min(across, Math.max(COLUMN.min, Math.min(COLUMN.max, word), word));
  const perSlide = Math.max(1, Math.min(MAX_COLUMNS_PER_SLIDE, Math.floor(across / wordWidth)));
  const columnWidth = clamp(
    across / Math.min(perSlide, Math.max(1, clienteles.length)),
    wordWidth,
    Math.max(COLUMN.max, wordWidth)
  );
  const lines = clienteles.reduce(
    (m, c) => Math.max(m, wrappedLines(c, columnWidth - CELL_PAD_X, NAME_SIZE)),
    1
  );
  const headerHeight = lines * lineHeight(NAME_SIZE) + ROW_EXTRA;
  const rowHeights = needs.map(
    (need) =>
      Math.max(
        lineHeight(SCORE_SIZE),
        wrappedLines(need, needWidth - CELL_PAD_X, NAME_SIZE) * lineHeight(NAME_SIZE)
      ) + ROW_EXTRA
  );
  const columnChunks = clienteles.length === 0 ? [[]] : chunks(clienteles.length, perSlide);
  // Each slide's label rows: as many lanes as its columns' segments use, each as high as the
  // longest label wraps over the columns it spans on that slide; none on a slide without segments.
  const laneHeights = columnChunks.map((columns) => {
    const first = columns[0] ?? 0;
    const last = columns[columns.length - 1] ?? -1;
    const shown = groups.filter((g) => g.first <= last && g.last >= first);
    const lanes = shown.reduce((max, g) => Math.max(max, g.lane + 1), 0);
    return Array.from({ length: lanes }, (_, lane) => {
      const labelLines = shown
        .filter((g) => g.lane === lane)
        .reduce((most, g) => {
          const span = Math.min(g.last, last) - Math.max(g.first, first) + 1;
          return Math.max(
            most,
            wrappedLines(g.name, span * columnWidth - CELL_PAD_X, NAME_SIZE, true)
          );
        }, 1);
      const label =
        lane === 0 ? wrappedLines(groupsLabel, needWidth - CELL_PAD_X, NAME_SIZE, true) : 1;
      return Math.max(labelLines, label) * lineHeight(NAME_SIZE) + ROW_EXTRA;
    });
  });
  // Rows: as many as fit under the headers and the tallest label rows (counted once), up to the
  // most a slide shows, shared evenly between the slides.
  const labels = laneHeights.reduce(
    (max, heights) =>
      Math.max(
        max,
        heights.reduce((a, b) => a + b, 0)
      ),
    0
  );
  const room = TABLE_BOTTOM - reserved - TABLE_TOP - headerHeight - labels;
  const rowChunks = balancedRuns(rowHeights, room);
  const pages = rowChunks.flatMap((rows) =>
    columnChunks.map((columns, c) => ({
      needs: rows,
      clienteles: columns,
      laneHeights: laneHeights[c],
    }))
  );
  return {
    needWidth,
    columnWidth,
    headerHeight,
    rowHeights,
    pages,
  };
}

/** The widest score cell with a competition marker: "100 C4", the score bold. */
const MARKED_SCORE_WIDTH =
  textWidth("100", SCORE_SIZE, true) + textWidth(` ${competitionMarker(4)}`, MIN_FONT_SIZE);

export function matrixSlides(
  study: Study,
  language: Language,
  palette: Palette,
  /** Each scored pair's competition level as a small marker beside its score (off by default). */
  competition = false
): DeckSlide[] {
  const texts = WORKBOOK_TEXTS[language];
  const clienteles = study.clienteles.map((c) => c.name);
  const needs = study.needs.map((n) => n.name);
  const scores = new Map<string, number>();
  const evidence = studyHasEvidence(study);
  const hypotheses = new Set<string>();
  const levels = new Map<string, number>();
  for (const pair of study.pairs) {
    const level = competition ? shownCompetition(pair) : undefined;
    if (level !== undefined) levels.set(pairKey(pair.clientele, pair.need), level);
    if (isRated(pair))
      scores.set(
        pairKey(pair.clientele, pair.need),
        pairScore(pair.perception, pair.impact, study.weights)
      );
    if (evidence && isHypothesis(pair)) hypotheses.add(pairKey(pair.clientele, pair.need));
  }
  const { groups, scattered } = columnGroups(study, clienteles);
  // The hypotheses' and the competition's lines under the table take room from the rows.
  const reserved = ((evidence ? 1 : 0) + (competition ? 1 : 0)) * lineHeight(MIN_FONT_SIZE);
  const geometry = matrixGeometry(
    clienteles,
    needs,
    groups,
    texts.matrix.groups,
    reserved,
    competition ? MARKED_SCORE_WIDTH : 0
  );
  const pages = geometry.pages;

  return pages.map((page, index): DeckSlide => {
    const title =
      texts.matrix.title +
      (pages.length > 1 ? DECK_TEXTS[language].continued(index + 1, pages.length) : "");
    const rows: DeckCell[][] = [];
    const rowHeights: number[] = [];
    page.laneHeights.forEach((laneHeight, lane) => {
      const row: DeckCell[] = [
        { text: lane === 0 ? texts.matrix.groups : "", bold: true, align: "right" },
      ];
      const last = page.clienteles[page.clienteles.length - 1];
      for (let i = 0; i < page.clienteles.length;) {
        const column = page.clienteles[i];
        const group = groups.find((g) => g.lane === lane && g.first <= column && column <= g.last);
        if (!group) {
          row.push({ text: "" });
          i += 1;
          continue;
        }
        const span = Math.min(group.last, last) - column + 1;
        row.push({
          text: group.name,
          fill: GROUP_FILL,
          bold: true,
          align: "center",
          ...(span > 1 ? { colspan: span } : {}),
        });
        i += span;
      }
      rows.push(row);
      rowHeights.push(laneHeight);
    });
    rows.push([
      { text: texts.ticks.corner, fill: HEADER_FILL, bold: true },
      ...page.clienteles.map((c): DeckCell => ({
        text: clienteles[c],
        fill: HEADER_FILL,
        align: "center",
      })),
    ]);
    rowHeights.push(geometry.headerHeight);
    for (const n of page.needs) {
      rows.push([
        { text: needs[n] },
        ...page.clienteles.map((c): DeckCell => {
          const key = pairKey(clienteles[c], needs[n]);
          const score = scores.get(key);
          if (score === undefined) return { text: "" };
          const level = levels.get(key);
          return {
            text: formatNumber(score, language),
            fill: hexDigits(scaleColour(score, palette.stops)),
            colour: hexDigits(textColour(score, palette.text)),
            bold: true,
            ...(hypotheses.has(key)
              ? { italic: true, dottedBorder: hexDigits(HYPOTHESIS_LOOK.dottedBorder) }
              : {}),
            size: SCORE_SIZE,
            align: "center",
            ...(level !== undefined ? { marker: competitionMarker(level) } : {}),
          };
        }),
      ]);
      rowHeights.push(geometry.rowHeights[n]);
    }
    const notes = [texts.export.matrixInstructions];
    if (scattered.length > 0)
      notes.push(PICTURE_TEXTS[language].scatteredSegments(scattered.join(", ")));
    if (evidence) notes.push(texts.export.hypotheses);
    if (competition) notes.push(competitionLegend(language));
    return {
      part: "matrix",
      shapes: [
        slideTitle(title),
        {
          kind: "table",
          x: MARGIN,
          y: TABLE_TOP,
          columnWidths: [geometry.needWidth, ...page.clienteles.map(() => geometry.columnWidth)],
          rowHeights,
          rows,
          fontSize: NAME_SIZE,
        },
        textBox(
          MARGIN,
          TABLE_BOTTOM - reserved + 0.03,
          TABLE_WIDTH,
          0.3 + reserved,
          notes.map((text) => ({ text, size: MIN_FONT_SIZE, colour: MUTED }))
        ),
        footer(study, language),
      ],
    };
  });
}
