/**
 * The reference of `npm run bench`: a straightforward ExcelJS writer of the same workbook as a real
 * build (same sheets, cells, values, cached results, styles, widths, validations, conditional
 * formats, table, names and printing), written the obvious way: an in-memory ExcelJS.Workbook
 * filled cell by cell, one formula text per cell (no shared formulas), constant style objects, no
 * plan. It reuses the layout's constants, texts and formula generators, so that only the way of
 * writing differs; test/e2e/reference.test.ts checks that ExcelJS reads the same workbook from both.
 *
 *   node dist-bench/reference.js STUDY.json OUT.xlsx
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { WORKBOOK_TEXTS } from "../src/i18n/workbook";
import { NAMES, RATINGS_TABLE } from "../src/layout/names";
import { COLOURS } from "../src/layout/kit";
import { CLIENTELE_WIDTH, GRID, HEADER_ROWS } from "../src/layout/sheets/grid";
import { matrixCellFormula, mirrorFormula } from "../src/layout/sheets/matrix";
import {
  RATINGS,
  matrixKey,
  ratingRowKeyFormula,
  ratingRowScoreFormula,
  scoreOf,
} from "../src/layout/sheets/ratings";
import { tickCountFormula } from "../src/layout/sheets/ticks";
import { cellAddress, quoteSheetName } from "../src/layout/a1";
import {
  CLIENTELE_TYPES,
  COMPETITION,
  IMPACT,
  Kind,
  Language,
  NEED_TYPES,
  PERCEPTION,
  Scale,
  levelLabel,
} from "../src/method/levels";
import { SCORE_COLOUR_STOPS } from "../src/method/score";
import { Pair, Study, nameKey, pairKey } from "../src/method/study";
import { validateStudy } from "../src/method/validate";

const argb = (hex: string): string => "FF" + hex.replace("#", "").toUpperCase();
const solid = (hex: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(hex) },
});
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const TITLE_FONT: Partial<ExcelJS.Font> = {
  bold: true,
  size: 14,
  color: { argb: argb(COLOURS.title) },
};
const NOTE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: "FF404040" } };
const INPUT = solid(COLOURS.input);
const HEADER = solid(COLOURS.header);
const FLAG: ExcelJS.ConditionalFormattingRule["style"] = {
  fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(COLOURS.flagFill) } },
  font: { color: { argb: argb(COLOURS.flagText) }, bold: true },
};
const colourScale = (priority: number): ExcelJS.ConditionalFormattingRule => ({
  type: "colorScale",
  priority,
  cfvo: SCORE_COLOUR_STOPS.map((stop) => ({ type: "num", value: stop.value })),
  color: SCORE_COLOUR_STOPS.map((stop) => ({ argb: argb(stop.colour) })),
});

interface Sheet {
  sheet: ExcelJS.Worksheet;
  cell: (row: number, col: number) => ExcelJS.Cell;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, tab: string): Sheet {
  const sheet = workbook.addWorksheet(name, {
    properties: { tabColor: { argb: argb(tab) } },
    pageSetup: {
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      paperSize: 9,
    },
  });
  return { sheet, cell: (row, col) => sheet.getCell(row, col) };
}

function freeze(sheet: ExcelJS.Worksheet, rows: number, cols: number): void {
  sheet.views = [{ state: "frozen", xSplit: cols, ySplit: rows, activeCell: "A1" }];
}

function validation(sheet: ExcelJS.Worksheet, address: string, rule: ExcelJS.DataValidation): void {
  (
    sheet as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(address, rule);
}

function listRule(
  formula: string,
  error: { title: string; message: string },
  prompt?: { title: string; message: string }
): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorTitle: error.title,
    error: error.message,
    showInputMessage: Boolean(prompt),
    promptTitle: prompt?.title,
    prompt: prompt?.message,
  };
}

const kindText = (kinds: readonly Kind[], canonical: string | undefined, language: Language) =>
  canonical === undefined
    ? null
    : (kinds.find((k) => k.canonical === canonical)?.[language] ?? canonical);

const range = (row: number, col: number, lastRow: number, lastCol: number): string =>
  row === lastRow && col === lastCol
    ? cellAddress(row, col)
    : `${cellAddress(row, col)}:${cellAddress(lastRow, lastCol)}`;

export function referenceWorkbook(
  study: Study,
  language: Language = study.language
): ExcelJS.Workbook {
  const texts = WORKBOOK_TEXTS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Segment Matrix";
  workbook.calcProperties.fullCalcOnLoad = true;
  const cols = study.clienteles.length;
  const rows = study.needs.length;
  const lastCol = GRID.firstCol + cols - 1;
  const lastRow = GRID.firstRow + rows - 1;
  const pairOf = new Map(study.pairs.map((pair) => [pairKey(pair.clientele, pair.need), pair]));
  const names: [string, string, string][] = [];
  const name = (defined: string, sheet: string, address: string): void => {
    names.push([defined, sheet, address]);
  };

  // Qui ressent quoi: names across, needs down, an X per ticked pair.
  {
    const { sheet, cell } = addSheet(workbook, texts.sheets.ticks, COLOURS.tabTicks);
    cell(1, 1).value = texts.ticks.title;
    cell(1, 1).font = TITLE_FONT;
    cell(2, 1).value = texts.ticks.instructions;
    cell(3, 1).value = texts.ticks.flagHelp;
    cell(2, 1).font = NOTE_FONT;
    cell(3, 1).font = NOTE_FONT;
    cell(4, 1).value = texts.ticks.clienteleType;
    for (const col of [1, 2]) {
      cell(4, col).font = { italic: true };
      cell(4, col).alignment = { horizontal: "right" };
    }
    cell(5, 1).value = texts.ticks.corner;
    cell(5, 2).value = texts.ticks.needType;
    for (let col = 1; col <= lastCol; col++) {
      const header = cell(5, col);
      header.font = { bold: true };
      header.fill = HEADER;
      header.border = BORDER;
      header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
    study.clienteles.forEach((clientele, c) => {
      const type = cell(4, GRID.firstCol + c);
      type.value = kindText(CLIENTELE_TYPES, clientele.type, language);
      type.font = { italic: true, size: 8 };
      type.fill = INPUT;
      type.border = BORDER;
      type.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell(5, GRID.firstCol + c).value = clientele.name;
    });
    study.needs.forEach((need, n) => {
      const row = GRID.firstRow + n;
      const nameCell = cell(row, 1);
      nameCell.value = need.name;
      nameCell.font = { bold: true };
      nameCell.fill = HEADER;
      nameCell.border = BORDER;
      nameCell.alignment = { vertical: "middle" };
      const type = cell(row, 2);
      type.value = kindText(NEED_TYPES, need.type, language);
      type.font = { italic: true };
      type.fill = INPUT;
      type.border = BORDER;
      type.alignment = { vertical: "middle" };
      study.clienteles.forEach((clientele, c) => {
        const tick = cell(row, GRID.firstCol + c);
        if (pairOf.has(pairKey(clientele.name, need.name))) tick.value = "X";
        tick.font = { bold: true };
        tick.fill = INPUT;
        tick.border = BORDER;
        tick.alignment = { horizontal: "center", vertical: "middle" };
      });
    });
    layoutCrossTable(sheet, cols);
    validation(sheet, range(GRID.firstRow, GRID.firstCol, lastRow, lastCol), {
      ...listRule('"X"', texts.ticks.tickError, texts.ticks.tickPrompt),
    });
    validation(
      sheet,
      range(GRID.typeRow, GRID.firstCol, GRID.typeRow, lastCol),
      listRule(NAMES.clienteleTypes, texts.kindError)
    );
    validation(
      sheet,
      range(GRID.firstRow, GRID.typeCol, lastRow, GRID.typeCol),
      listRule(NAMES.needTypes, texts.kindError)
    );
    const column = `${cellAddress(GRID.firstRow, GRID.firstCol, { row: true })}:${cellAddress(lastRow, GRID.firstCol, { row: true })}`;
    const header = cellAddress(GRID.headerRow, GRID.firstCol, { row: true });
    sheet.addConditionalFormatting({
      ref: range(GRID.headerRow, GRID.firstCol, GRID.headerRow, lastCol),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [`AND(${header}<>"",${tickCountFormula(column)}=0)`],
          style: FLAG,
        },
      ],
    });
    const needCell = cellAddress(GRID.firstRow, GRID.nameCol, { col: true });
    const line = `${cellAddress(GRID.firstRow, GRID.firstCol, { col: true })}:${cellAddress(GRID.firstRow, lastCol, { col: true })}`;
    sheet.addConditionalFormatting({
      ref: range(GRID.firstRow, GRID.nameCol, lastRow, GRID.nameCol),
      rules: [
        {
          type: "expression",
          priority: 2,
          formulae: [`AND(${needCell}<>"",${tickCountFormula(line)}=0)`],
          style: FLAG,
        },
      ],
    });
    name(NAMES.ticks, sheet.name, range(GRID.firstRow, GRID.firstCol, lastRow, lastCol));
  }

  // Évaluation: one row per ticked pair, in the tick table's order, its score and its matrix key.
  {
    const { sheet, cell } = addSheet(workbook, texts.sheets.ratings, COLOURS.tabRatings);
    const clienteleIndex = new Map(study.clienteles.map((c, i) => [nameKey(c.name), i]));
    const needIndex = new Map(study.needs.map((n, i) => [nameKey(n.name), i]));
    const pairs: Pair[] = [];
    study.clienteles.forEach((clientele) =>
      study.needs.forEach((need) => {
        const pair = pairOf.get(pairKey(clientele.name, need.name));
        if (pair) pairs.push(pair);
      })
    );
    const dataRows = Math.max(pairs.length, 1);
    const reach = dataRows + RATINGS.spareRows;
    const c = RATINGS.cols;
    cell(1, 1).value = texts.ratings.title;
    cell(1, 1).font = TITLE_FONT;
    cell(2, 1).value = texts.ratings.instructions;
    cell(2, 1).font = NOTE_FONT;
    const headers = [
      texts.ratings.clientele,
      texts.ratings.need,
      PERCEPTION.header[language],
      IMPACT.header[language],
      COMPETITION.header[language],
      texts.ratings.score,
      texts.ratings.comment,
      texts.ratings.key,
    ];
    sheet.addTable({
      name: RATINGS_TABLE,
      ref: cellAddress(RATINGS.headerRow, 1),
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: headers.map((header) => ({ name: header, filterButton: true })),
      rows: Array.from({ length: dataRows }, () => headers.map(() => null)),
    });
    const label = (scale: Scale, value: number | undefined) =>
      value === undefined ? null : (levelLabel(scale, value, language) ?? null);
    for (let i = 0; i < reach; i++) {
      const row = RATINGS.firstRow + i;
      const pair = pairs[i];
      if (pair) {
        cell(row, c.clientele).value = pair.clientele;
        cell(row, c.need).value = pair.need;
        cell(row, c.perception).value = label(PERCEPTION, pair.perception);
        cell(row, c.impact).value = label(IMPACT, pair.impact);
        cell(row, c.competition).value = label(COMPETITION, pair.competition);
        if (pair.comment) cell(row, c.comment).value = pair.comment;
      }
      const key = pair
        ? matrixKey(
            GRID.firstRow + (needIndex.get(nameKey(pair.need)) ?? 0),
            GRID.firstCol + (clienteleIndex.get(nameKey(pair.clientele)) ?? 0)
          )
        : "";
      cell(row, c.score).value = {
        formula: ratingRowScoreFormula(row),
        result: scoreOf(pair, study.weights),
      } as ExcelJS.CellFormulaValue;
      cell(row, c.key).value = {
        formula: ratingRowKeyFormula(row),
        result: key,
      } as ExcelJS.CellFormulaValue;
      if (i < dataRows) {
        for (let col = 1; col <= headers.length; col++) cell(row, col).border = BORDER;
        for (const col of [c.perception, c.impact, c.competition]) cell(row, col).fill = INPUT;
        cell(row, c.score).font = { bold: true };
        cell(row, c.score).alignment = { horizontal: "center" };
      }
    }
    const lastReach = RATINGS.firstRow + reach - 1;
    sheet.addConditionalFormatting({
      ref: range(RATINGS.firstRow, c.score, lastReach, c.score),
      rules: [colourScale(1)],
    });
    const levelLists: [number, string][] = [
      [c.perception, NAMES.perceptionLevels],
      [c.impact, NAMES.impactLevels],
      [c.competition, NAMES.competitionLevels],
    ];
    for (const [col, list] of levelLists)
      validation(
        sheet,
        range(RATINGS.firstRow, col, lastReach, col),
        listRule(list, texts.ratings.levelError)
      );
    const widths = [36, 36, 18, 14, 16, 9, 44, 12];
    widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
    sheet.getColumn(c.key).hidden = true;
    freeze(sheet, RATINGS.headerRow, 0);
    sheet.pageSetup.printArea = `A1:G${RATINGS.headerRow + dataRows}`;
    const column = (col: number) => range(RATINGS.firstRow, col, lastReach, col);
    name(NAMES.ratingClienteles, sheet.name, column(c.clientele));
    name(NAMES.ratingNeeds, sheet.name, column(c.need));
    name(NAMES.ratingPerceptions, sheet.name, column(c.perception));
    name(NAMES.ratingImpacts, sheet.name, column(c.impact));
    name(NAMES.ratingScores, sheet.name, column(c.score));
    name(NAMES.ratingKeys, sheet.name, column(c.key));
  }

  // Matrice: headers mirror the tick table; each cell looks its score up in the ratings.
  {
    const { sheet, cell } = addSheet(workbook, texts.sheets.matrix, COLOURS.tabMatrix);
    const ticks = texts.sheets.ticks;
    cell(1, 1).value = texts.matrix.title;
    cell(1, 1).font = TITLE_FONT;
    cell(2, 1).value = texts.matrix.instructions;
    cell(2, 1).font = NOTE_FONT;
    cell(3, 1).value = texts.matrix.legend;
    cell(3, 1).font = { bold: true };
    cell(3, 1).alignment = { horizontal: "right" };
    [0, 25, 50, 75, 100].forEach((sample, i) => {
      const legend = cell(3, GRID.firstCol + i);
      legend.value = sample;
      legend.font = { bold: true };
      legend.alignment = { horizontal: "center" };
      legend.border = BORDER;
    });
    sheet.addConditionalFormatting({
      ref: range(3, GRID.firstCol, 3, GRID.firstCol + 4),
      rules: [colourScale(1)],
    });
    cell(5, 1).value = texts.ticks.corner;
    cell(5, 2).value = texts.ticks.needType;
    for (let col = 1; col <= lastCol; col++) {
      const header = cell(5, col);
      header.font = { bold: true };
      header.fill = HEADER;
      header.border = BORDER;
      header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    }
    study.clienteles.forEach((clientele, i) => {
      const col = GRID.firstCol + i;
      const type = cell(4, col);
      type.value = {
        formula: mirrorFormula(ticks, 4, col, { row: true }),
        result: kindText(CLIENTELE_TYPES, clientele.type, language) ?? "",
      } as ExcelJS.CellFormulaValue;
      type.font = { italic: true, size: 8 };
      type.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell(5, col).value = {
        formula: mirrorFormula(ticks, 5, col, { row: true }),
        result: clientele.name,
      } as ExcelJS.CellFormulaValue;
    });
    const formula = matrixCellFormula();
    study.needs.forEach((need, n) => {
      const row = GRID.firstRow + n;
      const nameCell = cell(row, 1);
      nameCell.value = {
        formula: mirrorFormula(ticks, row, 1, { col: true }),
        result: need.name,
      } as ExcelJS.CellFormulaValue;
      nameCell.font = { bold: true };
      nameCell.fill = HEADER;
      nameCell.border = BORDER;
      nameCell.alignment = { vertical: "middle" };
      const type = cell(row, 2);
      type.value = {
        formula: mirrorFormula(ticks, row, 2, { col: true }),
        result: kindText(NEED_TYPES, need.type, language) ?? "",
      } as ExcelJS.CellFormulaValue;
      type.font = { italic: true };
      type.border = BORDER;
      type.alignment = { vertical: "middle" };
      study.clienteles.forEach((clientele, i) => {
        const score = cell(row, GRID.firstCol + i);
        score.value = {
          formula,
          result: scoreOf(pairOf.get(pairKey(clientele.name, need.name)), study.weights),
        } as ExcelJS.CellFormulaValue;
        score.font = { bold: true, color: { argb: "FF000000" } };
        score.border = BORDER;
        score.alignment = { horizontal: "center", vertical: "middle" };
        score.numFmt = "0";
      });
    });
    sheet.addConditionalFormatting({
      ref: range(GRID.firstRow, GRID.firstCol, lastRow, lastCol),
      rules: [colourScale(2)],
    });
    const levelsLine = (scale: Scale): string =>
      `${scale.title[language]}${language === "fr" ? " : " : ": "}` +
      scale.levels.map((level) => `${level.value} ${level[language]}`).join(" · ");
    [
      texts.matrix.scoreRule,
      levelsLine(PERCEPTION),
      levelsLine(IMPACT),
      `${texts.settings.colourLow} · ${texts.settings.colourMid} · ${texts.settings.colourHigh}`,
    ].forEach((line, i) => {
      cell(lastRow + 2 + i, 1).value = line;
      cell(lastRow + 2 + i, 1).font = NOTE_FONT;
    });
    layoutCrossTable(sheet, Math.max(cols, 5));
    name(NAMES.matrix, sheet.name, range(GRID.firstRow, GRID.firstCol, lastRow, lastCol));
    name(
      NAMES.matrixClienteles,
      sheet.name,
      range(GRID.headerRow, GRID.firstCol, GRID.headerRow, lastCol)
    );
    name(NAMES.matrixNeeds, sheet.name, range(GRID.firstRow, GRID.nameCol, lastRow, GRID.nameCol));
  }

  settingsSheet(workbook, study, language, name);

  for (const [defined, sheet, address] of names) {
    const absolute = address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    workbook.definedNames.add(`${quoteSheetName(sheet)}!${absolute}`, defined);
  }
  const anyRated = study.pairs.some((p) => p.perception !== undefined && p.impact !== undefined);
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: anyRated ? 2 : 0,
      visibility: "visible",
    },
  ];
  return workbook;
}

function layoutCrossTable(sheet: ExcelJS.Worksheet, cols: number): void {
  sheet.getColumn(GRID.nameCol).width = 36;
  sheet.getColumn(GRID.typeCol).width = 16;
  for (let col = GRID.firstCol; col < GRID.firstCol + cols; col++)
    sheet.getColumn(col).width = CLIENTELE_WIDTH;
  for (const { row, height } of HEADER_ROWS) sheet.getRow(row).height = height;
  freeze(sheet, GRID.headerRow, GRID.typeCol);
}

/** Paramètres: title, language, weights, the level lists and kinds, the colour legend. */
function settingsSheet(
  workbook: ExcelJS.Workbook,
  study: Study,
  language: Language,
  name: (defined: string, sheet: string, address: string) => void
): void {
  const texts = WORKBOOK_TEXTS[language];
  const t = texts.settings;
  const { sheet, cell } = addSheet(workbook, texts.sheets.settings, COLOURS.tabSettings);
  const input = (row: number, extra: Partial<ExcelJS.Style> = {}): void => {
    cell(row, 2).fill = INPUT;
    cell(row, 2).border = BORDER;
    if (extra.font) cell(row, 2).font = extra.font;
    if (extra.alignment) cell(row, 2).alignment = extra.alignment;
  };
  let row = 1;
  cell(1, 1).value = t.title;
  cell(1, 1).font = TITLE_FONT;
  cell(2, 1).value = t.createdBy;
  cell(2, 1).font = NOTE_FONT;
  row = 4;
  cell(row, 1).value = t.studyTitle;
  if (study.title) cell(row, 2).value = study.title;
  cell(row + 1, 1).value = t.language;
  cell(row + 1, 2).value = language;
  input(row);
  input(row + 1);
  name(NAMES.title, sheet.name, cellAddress(row, 2));
  name(NAMES.language, sheet.name, cellAddress(row + 1, 2));
  validation(sheet, cellAddress(row + 1, 2), {
    type: "list",
    allowBlank: true,
    formulae: ['"fr,en"'],
    showErrorMessage: true,
    errorTitle: "Langue / Language",
    error: "fr / en",
    showInputMessage: false,
  });
  row = 7;
  cell(row, 1).value = t.weights;
  cell(row, 1).font = { bold: true };
  cell(row + 1, 1).value = t.weightPerception;
  cell(row + 1, 2).value = study.weights.perception;
  cell(row + 2, 1).value = t.weightImpact;
  cell(row + 2, 2).value = study.weights.impact;
  cell(row + 3, 1).value = t.weightHelp;
  cell(row + 4, 1).value = t.scoreHelp;
  cell(row + 3, 1).font = NOTE_FONT;
  cell(row + 4, 1).font = NOTE_FONT;
  for (const r of [row + 1, row + 2])
    input(r, { font: { bold: true }, alignment: { horizontal: "center" } });
  validation(sheet, `${cellAddress(row + 1, 2)}:${cellAddress(row + 2, 2)}`, {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [0, 5],
    showErrorMessage: true,
    errorTitle: texts.weightError.title,
    error: texts.weightError.message,
    showInputMessage: false,
  });
  name(NAMES.weightPerception, sheet.name, cellAddress(row + 1, 2));
  name(NAMES.weightImpact, sheet.name, cellAddress(row + 2, 2));
  row = 13;
  const levels: [Scale, string, string | undefined][] = [
    [PERCEPTION, NAMES.perceptionLevels, undefined],
    [IMPACT, NAMES.impactLevels, undefined],
    [COMPETITION, NAMES.competitionLevels, t.competitionNote],
  ];
  for (const [scale, list, note] of levels) {
    cell(row, 1).value = scale.title[language];
    cell(row, 1).font = { bold: true };
    if (note) {
      cell(row, 2).value = note;
      cell(row, 2).font = NOTE_FONT;
    }
    scale.levels.forEach((level, i) => {
      for (const [col, value] of [
        [1, level.value],
        [2, level[language]],
      ] as [number, string | number][]) {
        cell(row + 1 + i, col).value = value;
        cell(row + 1 + i, col).border = BORDER;
        cell(row + 1 + i, col).alignment = { horizontal: "left" };
      }
    });
    name(
      list,
      sheet.name,
      `${cellAddress(row + 1, 2)}:${cellAddress(row + scale.levels.length, 2)}`
    );
    row += scale.levels.length + 2;
  }
  const kinds: [string, readonly Kind[], string][] = [
    [t.clienteleTypes, CLIENTELE_TYPES, NAMES.clienteleTypes],
    [t.needTypes, NEED_TYPES, NAMES.needTypes],
  ];
  for (const [heading, list, defined] of kinds) {
    cell(row, 1).value = heading;
    cell(row, 1).font = { bold: true };
    list.forEach((kind, i) => {
      cell(row + 1 + i, 2).value = kind[language];
      cell(row + 1 + i, 2).border = BORDER;
    });
    name(defined, sheet.name, `${cellAddress(row + 1, 2)}:${cellAddress(row + list.length, 2)}`);
    row += list.length + 2;
  }
  cell(row, 1).value = t.colours;
  cell(row, 1).font = { bold: true };
  const stopLabels = [t.colourLow, t.colourMid, t.colourHigh];
  SCORE_COLOUR_STOPS.forEach((stop, i) => {
    cell(row + 1 + i, 1).value = stop.value;
    cell(row + 1 + i, 1).font = { bold: true };
    cell(row + 1 + i, 1).alignment = { horizontal: "center" };
    cell(row + 1 + i, 1).border = BORDER;
    cell(row + 1 + i, 2).value = stopLabels[i];
  });
  sheet.addConditionalFormatting({
    ref: `${cellAddress(row + 1, 1)}:${cellAddress(row + SCORE_COLOUR_STOPS.length, 1)}`,
    rules: [colourScale(1)],
  });
  sheet.getColumn(1).width = 44;
  sheet.getColumn(2).width = 30;
  sheet.getColumn(3).width = 40;
}

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const { study } = validateStudy(JSON.parse(await fs.readFile(input, "utf8")), input);
  if (!study) throw new Error(`${input}: not a valid study`);
  const workbook = referenceWorkbook(study);
  await fs.writeFile(output, Buffer.from(await workbook.xlsx.writeBuffer()));
}

if (require.main === module) {
  main().catch((failure) => {
    console.error(failure);
    process.exitCode = 1;
  });
}
