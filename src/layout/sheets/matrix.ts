/**
 * "Matrice": the score of every ticked and rated pair, 1–100, coloured from dark orange to dark green
 * (docs/method.md §3), in the tick table's geometry. Every cell is a live formula; nothing is read back.
 */
import { CLIENTELE_TYPES, IMPACT, NEED_TYPES, PERCEPTION, Scale } from "../../method/levels";
import { WHITE_TEXT, stopLabels } from "../../method/colour";
import { HYPOTHESIS_LOOK, isHypothesis, studyHasEvidence } from "../../method/evidence";
import { Pair, Study, nameKey, pairPlaces } from "../../method/study";
import { Rect, cellAddress, rectAddress, sheetRef } from "../a1";
import {
  COLOURS,
  NOTE_STYLE,
  emptySheet,
  fill,
  heading,
  kindLabel,
  put,
  rect,
  scoreColours,
  scoreFont,
  shownText,
  style,
} from "../kit";
import { ConditionalFormatPlan, SheetPlan, formula, num, text } from "../plan";
import { columnGroups } from "../../analysis/column-groups";
import { PlanContext, SheetModule, definedName, sheetNames } from "../sheet";
import { GRID, TYPE_STYLE, crossTableLayout, styleNameHeaders } from "./grid";
import { KEY_ROW_FACTOR, RATINGS, scorer } from "./ratings";

/** The defined names of this sheet's areas (layout/names.ts gathers every sheet's). */
const MATRIX_NAMES = sheetNames("matrix", "matrixClienteles", "matrixNeeds");

/**
 * The score of one matrix cell: the score of the ratings row whose key is this cell's, else empty.
 * The ratings row has done the work once (names found with "=", tick checked, score computed), so
 * every cell holds the same short text, with no reference to shift: a number looked up among
 * numbers. Keys are empty for pairs not ticked, so an unticked cell finds no row. A pair rated on
 * two rows shows the first row's score, the one the reader keeps (it reports the second).
 */
export function matrixCellFormula(): string {
  const key = `ROW()*${KEY_ROW_FACTOR}+COLUMN()`;
  return `IFERROR(INDEX(${definedName("ratingScores")},MATCH(${key},${definedName("ratingKeys")},0)),"")`;
}

/** A cell that shows another sheet's cell, empty when that one is empty (not 0). */
export function mirrorFormula(
  sheet: string,
  row: number,
  col: number,
  absolute: { row?: boolean; col?: boolean }
): string {
  const ref = sheetRef(sheet, cellAddress(row, col, absolute));
  return `IF(${ref}="","",${ref})`;
}

/**
 * A scored pair without responses behind it (a hypothesis, docs/method.md §3.3) in italics with a
 * dotted border, live: the cell's ratings row, found by its key as the score is, has no n. Only in a
 * study with evidence.
 *
 * `whiteText`: the variant for scores the palette writes in white. LibreOffice applies only the first
 * rule of a range that holds (Excel applies all), so a hypothesis among those scores gets its own
 * rule, ahead of the palette's text rule, that says both; the plain rule comes after it.
 */
function hypothesisLook(
  study: Study,
  ratingsSheet: string,
  body: Rect,
  pairs: Map<number, Pair>,
  whiteText?: { operator: "greaterThan" | "lessThan"; value: number }
): ConditionalFormatPlan {
  const reach = Math.max(study.pairs.length, 1) + RATINGS.spareRows;
  const respondents = sheetRef(
    ratingsSheet,
    rectAddress(rect(RATINGS.firstRow, RATINGS.cols.respondents, reach, 1), true)
  );
  const key = `ROW()*${KEY_ROW_FACTOR}+COLUMN()`;
  const corner = cellAddress(body.row, body.col);
  const score = scorer(study.weights);
  const comparison = whiteText
    ? `,${corner}${whiteText.operator === "greaterThan" ? ">" : "<"}${whiteText.value}`
    : "";
  return {
    rect: body,
    rule: {
      kind: "formula",
      formula: `AND(ISNUMBER(${corner})${comparison},INDEX(${respondents},MATCH(${key},${definedName("ratingKeys")},0))="")`,
      ...HYPOTHESIS_LOOK,
      ...(whiteText ? { fontColour: WHITE_TEXT } : {}),
      holds: study.needs.map((_, n) =>
        study.clienteles.map((_, c) => {
          const pair = pairs.get(c * body.rows + n);
          const value = score(pair);
          if (!pair || typeof value !== "number" || !isHypothesis(pair)) return false;
          if (!whiteText) return true;
          return whiteText.operator === "greaterThan"
            ? value > whiteText.value
            : value < whiteText.value;
        })
      ),
    },
  };
}

/**
 * Rows the matrix uses under its last need: a blank row, the colour samples, four lines of legend
 * (a fifth, what a hypothesis looks like, in a study with evidence: see `rowsUnderMatrix`).
 */
export const ROWS_UNDER_MATRIX = 6;

/** The rows under the matrix of this study. */
export function rowsUnderMatrix(study: Pick<Study, "pairs">): number {
  return ROWS_UNDER_MATRIX + (studyHasEvidence(study) ? 1 : 0);
}

/** Sample scores of the legend, coloured by the same scale. */
const LEGEND_SAMPLES = [0, 25, 50, 75, 100];

function plan({ study, language, texts, names, palette }: PlanContext): SheetPlan {
  const ticksName = texts.sheets.ticks;
  const sheet = emptySheet("matrix", texts.sheets.matrix, MATRIX_SHEET.tabColour);
  const cols = study.clienteles.length;
  const rows = study.needs.length;
  const pairs = pairPlaces(study.clienteles, study.needs, study.pairs);
  const score = scorer(study.weights);
  const body = rect(GRID.firstRow, GRID.firstCol, rows, cols);
  const lastRow = GRID.firstRow + rows - 1;

  heading(sheet, texts.matrix.title, texts.matrix.instructions);

  // Segments whose clientèles sit side by side: a label over each run, its columns outlined.
  const { groups } = columnGroups(
    study,
    study.clienteles.map((c) => c.name)
  );
  const labelled = groups.filter((group) => group.lane === 0);
  if (labelled.length > 0) {
    put(sheet, GRID.helpRow, GRID.nameCol, [[text(texts.matrix.groups)]]);
    style(sheet, rect(GRID.helpRow, GRID.nameCol), { bold: true, horizontal: "right" });
  }
  for (const group of labelled) {
    // The label follows the segment's name on the segments sheet, live.
    put(sheet, GRID.helpRow, GRID.firstCol + group.first, [
      [formula(`INDEX(${definedName("segmentNames")},${group.segment + 1})&""`, group.name)],
    ]);
    style(sheet, rect(GRID.helpRow, GRID.firstCol + group.first, 1, group.last - group.first + 1), {
      bold: true,
      fill: COLOURS.header,
      outline: true,
    });
  }

  // Headers mirror the tick table, so renaming there renames here, without the add-in.
  const mirror = (row: number, col: number, absolute: { row?: boolean; col?: boolean }) =>
    mirrorFormula(ticksName, row, col, absolute);
  fill(
    sheet,
    rect(GRID.typeRow, GRID.firstCol, 1, cols),
    mirror(GRID.typeRow, GRID.firstCol, { row: true }),
    [study.clienteles.map((item) => shownText(kindLabel(CLIENTELE_TYPES, item.type, language)))]
  );
  put(sheet, GRID.headerRow, GRID.nameCol, [
    [text(texts.ticks.corner), text(texts.ticks.needType)],
  ]);
  fill(
    sheet,
    rect(GRID.headerRow, GRID.firstCol, 1, cols),
    mirror(GRID.headerRow, GRID.firstCol, { row: true }),
    [study.clienteles.map((item) => item.name)]
  );
  fill(
    sheet,
    rect(GRID.firstRow, GRID.nameCol, rows, 1),
    mirror(GRID.firstRow, GRID.nameCol, { col: true }),
    study.needs.map((item) => [item.name])
  );
  fill(
    sheet,
    rect(GRID.firstRow, GRID.typeCol, rows, 1),
    mirror(GRID.firstRow, GRID.typeCol, { col: true }),
    study.needs.map((item) => [shownText(kindLabel(NEED_TYPES, item.type, language))])
  );
  fill(
    sheet,
    body,
    matrixCellFormula(),
    study.needs.map((_, n) => study.clienteles.map((_, c) => score(pairs.get(c * rows + n))))
  );

  const evidence = studyHasEvidence(study);
  if (evidence) {
    const { whiteTextAbove, whiteTextBelow } = palette.text;
    if (whiteTextAbove !== undefined)
      sheet.conditionalFormats.push(
        hypothesisLook(study, texts.sheets.ratings, body, pairs, {
          operator: "greaterThan",
          value: whiteTextAbove,
        })
      );
    if (whiteTextBelow !== undefined)
      sheet.conditionalFormats.push(
        hypothesisLook(study, texts.sheets.ratings, body, pairs, {
          operator: "lessThan",
          value: whiteTextBelow,
        })
      );
  }

  style(sheet, rect(GRID.typeRow, GRID.firstCol, 1, cols), TYPE_STYLE);
  styleNameHeaders(sheet, cols, rows);
  // Bold text, black or as the palette's rule says: readable on every fill (contrast ≥ 4.5, tested).
  style(sheet, body, {
    border: true,
    bold: true,
    horizontal: "center",
    vertical: "middle",
    ...scoreFont(palette),
    numberFormat: "0",
  });
  scoreColours(sheet, body, palette);
  if (evidence)
    sheet.conditionalFormats.push(hypothesisLook(study, texts.sheets.ratings, body, pairs));

  // Legend under the matrix, so that an exported matrix explains itself: the same colour scale on
  // sample scores, then the score rule and the levels.
  const samplesRow = lastRow + 2;
  put(sheet, samplesRow, GRID.nameCol, [[text(texts.matrix.legend)]]);
  style(sheet, rect(samplesRow, GRID.nameCol), { bold: true, horizontal: "right" });
  put(sheet, samplesRow, GRID.firstCol, [LEGEND_SAMPLES.map((value) => num(value))]);
  style(sheet, rect(samplesRow, GRID.firstCol, 1, LEGEND_SAMPLES.length), {
    bold: true,
    horizontal: "center",
    border: true,
  });
  scoreColours(sheet, rect(samplesRow, GRID.firstCol, 1, LEGEND_SAMPLES.length), palette);
  const legendRow = samplesRow + 1;
  const levelsLine = (scale: Scale): string =>
    `${scale.title[language]}${language === "fr" ? " : " : ": "}` +
    scale.levels.map((level) => `${level.value} ${level[language]}`).join(" · ");
  put(sheet, legendRow, 1, [
    [text(texts.matrix.scoreRule)],
    [text(levelsLine(PERCEPTION))],
    [text(levelsLine(IMPACT))],
    [text(stopLabels(palette, language).join(" · "))],
    ...(evidence ? [[text(texts.matrix.hypotheses)]] : []),
  ]);
  style(sheet, rect(legendRow, 1, evidence ? 5 : 4, 1), NOTE_STYLE);

  // Last, so that no cell border drawn above covers the groups' edges.
  for (const group of groups) {
    const width = group.last - group.first + 1;
    style(sheet, rect(GRID.headerRow, GRID.firstCol + group.first, rows + 1, width), {
      outline: true,
    });
  }

  crossTableLayout(sheet, Math.max(cols, LEGEND_SAMPLES.length));

  names.push(
    { name: MATRIX_NAMES.matrix, sheet: sheet.name, rect: body },
    {
      name: MATRIX_NAMES.matrixClienteles,
      sheet: sheet.name,
      rect: rect(GRID.headerRow, GRID.firstCol, 1, cols),
    },
    {
      name: MATRIX_NAMES.matrixNeeds,
      sheet: sheet.name,
      rect: rect(GRID.firstRow, GRID.nameCol, rows, 1),
    }
  );
  return sheet;
}

/** The matrix is computed from the other sheets: there is nothing of the study to read in it. */
function read(): void {}

/** Where a pair's score sits in the matrix built from a study (the tick table's geometry). */
export function pairMatrixCell(
  study: Pick<Study, "clienteles" | "needs">,
  clientele: string,
  need: string
): string | undefined {
  const col = study.clienteles.findIndex((item) => nameKey(item.name) === nameKey(clientele));
  const row = study.needs.findIndex((item) => nameKey(item.name) === nameKey(need));
  return col < 0 || row < 0 ? undefined : cellAddress(GRID.firstRow + row, GRID.firstCol + col);
}

export const MATRIX_SHEET = {
  role: "matrix",
  names: MATRIX_NAMES,
  anchor: MATRIX_NAMES.matrix,
  tabColour: "#548235",
  inTemplate: false,
  plan,
  read,
} satisfies SheetModule<"matrix">;
