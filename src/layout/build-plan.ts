/** Study → WorkbookPlan: the four sheets of a live segmentation workbook, and the blank template. */
import { WORKBOOK_TEXTS, WorkbookTexts } from "../i18n/workbook";
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
} from "../method/levels";
import { SCORE_COLOUR_STOPS, pairScore } from "../method/score";
import { Item, Pair, Study, Weights, isRated, pairKey, pairsInTableOrder } from "../method/study";
import { Rect, cellAddress } from "./a1";
import {
  matrixCellFormula,
  mirrorFormula,
  ratingRowScoreFormula,
  tickCountFormula,
} from "./formulas";
import { GRID, NAMES, RATINGS, RATINGS_TABLE, SETTINGS, TEMPLATE_CAPACITY } from "./geometry";
import {
  CellStyle,
  CellValue,
  NamePlan,
  SheetPlan,
  WorkbookPlan,
  formula,
  num,
  text,
} from "./plan";

const COLOURS = {
  header: "#D9E1F2",
  input: "#FFF9E6",
  flagFill: "#FFC7CE",
  flagText: "#9C0006",
  title: "#1F3864",
  tabTicks: "#2F5597",
  tabRatings: "#BF8F00",
  tabMatrix: "#548235",
  tabSettings: "#7F7F7F",
} as const;

const CLIENTELE_WIDTH = 15;
const TITLE_STYLE: CellStyle = { bold: true, fontSize: 14, fontColour: COLOURS.title };
const NOTE_STYLE: CellStyle = { italic: true, fontColour: "#404040" };
/** Kinds above the clientèle names: small and wrapped, so "bénéficiaire indirect" fits its column. */
const TYPE_STYLE: CellStyle = {
  italic: true,
  fontSize: 8,
  wrap: true,
  horizontal: "center",
  vertical: "middle",
};
const HEADER_ROWS = [
  { row: GRID.typeRow, height: 24 },
  { row: GRID.headerRow, height: 78 },
];
const HEADER_STYLE: CellStyle = {
  bold: true,
  fill: COLOURS.header,
  border: true,
  wrap: true,
  vertical: "middle",
};

function emptySheet(role: SheetPlan["role"], name: string, tabColour: string): SheetPlan {
  return {
    role,
    name,
    tabColour,
    blocks: [],
    styles: [],
    columnWidths: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    print: { landscape: true, fitToOnePage: true },
  };
}

function rect(row: number, col: number, rows = 1, cols = 1): Rect {
  return { row, col, rows, cols };
}

function put(sheet: SheetPlan, row: number, col: number, values: CellValue[][]): void {
  if (values.length > 0 && values[0].length > 0) sheet.blocks.push({ row, col, values });
}

function style(sheet: SheetPlan, area: Rect, cellStyle: CellStyle): void {
  if (area.rows > 0 && area.cols > 0) sheet.styles.push({ rect: area, style: cellStyle });
}

function kindLabel(
  kinds: readonly Kind[],
  canonical: string | undefined,
  language: Language
): CellValue {
  if (!canonical) return null;
  const kind = kinds.find((k) => k.canonical === canonical);
  return text(kind ? kind[language] : canonical);
}

export interface PlanOptions {
  language?: Language;
}

/** The full workbook: tick table, ratings, score matrix, settings. */
export function buildPlan(study: Study, options: PlanOptions = {}): WorkbookPlan {
  const language = options.language ?? study.language;
  const texts = WORKBOOK_TEXTS[language];
  const names: NamePlan[] = [];
  const ticked = new Set(study.pairs.map((pair) => pairKey(pair.clientele, pair.need)));

  const ticks = ticksSheet(
    texts,
    language,
    study.clienteles,
    study.needs,
    (c, n) => ticked.has(pairKey(c, n)),
    names
  );
  const ordered = pairsInTableOrder(study.clienteles, study.needs, study.pairs);
  const ratings = ratingsSheet(texts, language, ordered, study.weights, names);
  const matrix = matrixSheet(texts, language, ticks.name, study, names);
  const settings = settingsSheet(texts, language, study.title, study.weights, names);
  const anyRated = study.pairs.some(
    (pair) => pair.perception !== undefined && pair.impact !== undefined
  );
  return {
    language,
    sheets: [ticks, ratings, matrix, settings],
    names,
    activeSheet: anyRated ? "matrix" : "ticks",
  };
}

/** The blank template: settings and a tick table with room for names typed by hand. */
export function templatePlan(language: Language): WorkbookPlan {
  const texts = WORKBOOK_TEXTS[language];
  const names: NamePlan[] = [];
  const blankClienteles = new Array<Item | undefined>(TEMPLATE_CAPACITY.clienteles).fill(undefined);
  const blankNeeds = new Array<Item | undefined>(TEMPLATE_CAPACITY.needs).fill(undefined);
  const ticks = ticksSheet(texts, language, blankClienteles, blankNeeds, () => false, names);
  const settings = settingsSheet(texts, language, undefined, { perception: 1, impact: 1 }, names);
  return { language, sheets: [ticks, settings], names, activeSheet: "ticks" };
}

/** Clientèle names across, need names and kinds down: the same on the tick table and the matrix. */
function styleNameHeaders(sheet: SheetPlan, cols: number, rows: number, typeFill?: string): void {
  style(sheet, rect(GRID.headerRow, GRID.nameCol, 1, 2 + cols), {
    ...HEADER_STYLE,
    horizontal: "center",
  });
  // No wrapping in body rows: their heights are not fitted when the file opens, so wrapped text
  // would spill over the next row.
  style(sheet, rect(GRID.firstRow, GRID.nameCol, rows, 1), {
    bold: true,
    border: true,
    fill: COLOURS.header,
    vertical: "middle",
  });
  style(sheet, rect(GRID.firstRow, GRID.typeCol, rows, 1), {
    italic: true,
    border: true,
    vertical: "middle",
    ...(typeFill ? { fill: typeFill } : {}),
  });
}

function ticksSheet(
  texts: WorkbookTexts,
  language: Language,
  clienteles: readonly (Item | undefined)[],
  needs: readonly (Item | undefined)[],
  isTicked: (clientele: string, need: string) => boolean,
  names: NamePlan[]
): SheetPlan {
  const sheet = emptySheet("ticks", texts.sheets.ticks, COLOURS.tabTicks);
  const cols = clienteles.length;
  const rows = needs.length;
  const body = rect(GRID.firstRow, GRID.firstCol, rows, cols);
  const lastCol = GRID.firstCol + cols - 1;
  const lastRow = GRID.firstRow + rows - 1;

  put(sheet, GRID.titleRow, 1, [[text(texts.ticks.title)]]);
  style(sheet, rect(GRID.titleRow, 1), TITLE_STYLE);
  put(sheet, GRID.instructionsRow, 1, [[text(texts.ticks.instructions)]]);
  put(sheet, GRID.helpRow, 1, [[text(texts.ticks.flagHelp)]]);
  style(sheet, rect(GRID.instructionsRow, 1, 2, 1), NOTE_STYLE);

  put(sheet, GRID.typeRow, GRID.nameCol, [[text(texts.ticks.clienteleType), null]]);
  put(sheet, GRID.typeRow, GRID.firstCol, [
    clienteles.map((item) => kindLabel(CLIENTELE_TYPES, item?.type, language)),
  ]);
  put(sheet, GRID.headerRow, GRID.nameCol, [
    [text(texts.ticks.corner), text(texts.ticks.needType)],
  ]);
  put(sheet, GRID.headerRow, GRID.firstCol, [
    clienteles.map((item) => (item ? text(item.name) : null)),
  ]);
  put(
    sheet,
    GRID.firstRow,
    GRID.nameCol,
    needs.map((item) => [
      item ? text(item.name) : null,
      kindLabel(NEED_TYPES, item?.type, language),
    ])
  );
  put(
    sheet,
    GRID.firstRow,
    GRID.firstCol,
    needs.map((need) =>
      clienteles.map((clientele) =>
        need && clientele && isTicked(clientele.name, need.name) ? text("X") : null
      )
    )
  );

  style(sheet, rect(GRID.typeRow, GRID.nameCol, 1, 2), { italic: true, horizontal: "right" });
  style(sheet, rect(GRID.typeRow, GRID.firstCol, 1, cols), {
    ...TYPE_STYLE,
    border: true,
    fill: COLOURS.input,
  });
  styleNameHeaders(sheet, cols, rows, COLOURS.input);
  style(sheet, body, {
    border: true,
    horizontal: "center",
    vertical: "middle",
    bold: true,
    fill: COLOURS.input,
  });

  sheet.columnWidths.push({ col: GRID.nameCol, width: 36 }, { col: GRID.typeCol, width: 16 });
  for (let col = GRID.firstCol; col <= lastCol; col++)
    sheet.columnWidths.push({ col, width: CLIENTELE_WIDTH });
  sheet.rowHeights = HEADER_ROWS;
  sheet.freeze = { rows: GRID.headerRow, cols: GRID.typeCol };

  sheet.validations.push({
    rect: body,
    rule: { kind: "list", source: ["X"] },
    prompt: texts.ticks.tickPrompt,
    error: texts.ticks.tickError,
  });
  sheet.validations.push({
    rect: rect(GRID.typeRow, GRID.firstCol, 1, cols),
    rule: { kind: "listRange", formula: NAMES.clienteleTypes },
    error: texts.kindError,
  });
  sheet.validations.push({
    rect: rect(GRID.firstRow, GRID.typeCol, rows, 1),
    rule: { kind: "listRange", formula: NAMES.needTypes },
    error: texts.kindError,
  });

  // A clientèle or a need without any X is flagged, live: the method drops it.
  const header = cellAddress(GRID.headerRow, GRID.firstCol, { row: true });
  const column = `${cellAddress(GRID.firstRow, GRID.firstCol, { row: true })}:${cellAddress(lastRow, GRID.firstCol, { row: true })}`;
  const flag = { fill: COLOURS.flagFill, fontColour: COLOURS.flagText, bold: true };
  sheet.conditionalFormats.push({
    rect: rect(GRID.headerRow, GRID.firstCol, 1, cols),
    rule: { kind: "formula", formula: `AND(${header}<>"",${tickCountFormula(column)}=0)`, ...flag },
  });
  const needCell = cellAddress(GRID.firstRow, GRID.nameCol, { col: true });
  const row = `${cellAddress(GRID.firstRow, GRID.firstCol, { col: true })}:${cellAddress(GRID.firstRow, lastCol, { col: true })}`;
  sheet.conditionalFormats.push({
    rect: rect(GRID.firstRow, GRID.nameCol, rows, 1),
    rule: { kind: "formula", formula: `AND(${needCell}<>"",${tickCountFormula(row)}=0)`, ...flag },
  });

  names.push({ name: NAMES.ticks, sheet: sheet.name, rect: body });
  return sheet;
}

/** What a score formula computes for a pair: its score when rated, else no number. */
function scoreOf(pair: Pair | undefined, weights: Weights): number | string {
  return pair && isRated(pair) ? pairScore(pair.perception, pair.impact, weights) : "";
}

function ratingsSheet(
  texts: WorkbookTexts,
  language: Language,
  pairs: readonly Pair[],
  weights: Weights,
  names: NamePlan[]
): SheetPlan {
  const sheet = emptySheet("ratings", texts.sheets.ratings, COLOURS.tabRatings);
  const cols = RATINGS.cols;
  const headers = [
    texts.ratings.clientele,
    texts.ratings.need,
    PERCEPTION.header[language],
    IMPACT.header[language],
    COMPETITION.header[language],
    texts.ratings.score,
    texts.ratings.comment,
  ];
  const dataRows = Math.max(pairs.length, 1);
  const reach = dataRows + RATINGS.spareRows;

  put(sheet, RATINGS.titleRow, 1, [[text(texts.ratings.title)]]);
  style(sheet, rect(RATINGS.titleRow, 1), TITLE_STYLE);
  put(sheet, RATINGS.instructionsRow, 1, [[text(texts.ratings.instructions)]]);
  style(sheet, rect(RATINGS.instructionsRow, 1), NOTE_STYLE);
  put(sheet, RATINGS.headerRow, 1, [headers.map((header) => text(header))]);

  const label = (scale: Scale, value: number | undefined): CellValue => {
    const shown = value === undefined ? undefined : levelLabel(scale, value, language);
    return shown === undefined ? null : text(shown);
  };
  const rows: CellValue[][] = pairs.map((pair, index) => [
    text(pair.clientele),
    text(pair.need),
    label(PERCEPTION, pair.perception),
    label(IMPACT, pair.impact),
    label(COMPETITION, pair.competition),
    formula(ratingRowScoreFormula(RATINGS.firstRow + index, cols), scoreOf(pair, weights)),
    pair.comment ? text(pair.comment) : null,
  ]);
  if (rows.length === 0)
    rows.push([
      null,
      null,
      null,
      null,
      null,
      formula(ratingRowScoreFormula(RATINGS.firstRow, cols), ""),
      null,
    ]);
  put(sheet, RATINGS.firstRow, 1, rows);

  sheet.tables.push({
    name: RATINGS_TABLE,
    rect: rect(RATINGS.headerRow, 1, dataRows + 1, headers.length),
    headers,
    style: "TableStyleMedium2",
  });
  style(sheet, rect(RATINGS.firstRow, cols.perception, dataRows, 3), { fill: COLOURS.input });
  style(sheet, rect(RATINGS.firstRow, cols.score, dataRows, 1), {
    bold: true,
    horizontal: "center",
  });
  style(sheet, rect(RATINGS.firstRow, 1, dataRows, headers.length), { border: true });
  sheet.conditionalFormats.push({
    rect: rect(RATINGS.firstRow, cols.score, reach, 1),
    rule: { kind: "colourScale", stops: SCORE_COLOUR_STOPS },
  });

  const levelColumns: [number, string][] = [
    [cols.perception, NAMES.perceptionLevels],
    [cols.impact, NAMES.impactLevels],
    [cols.competition, NAMES.competitionLevels],
  ];
  for (const [col, list] of levelColumns) {
    sheet.validations.push({
      rect: rect(RATINGS.firstRow, col, reach, 1),
      rule: { kind: "listRange", formula: list },
      error: texts.ratings.levelError,
    });
  }
  sheet.columnWidths.push(
    { col: cols.clientele, width: 36 },
    { col: cols.need, width: 36 },
    { col: cols.perception, width: 18 },
    { col: cols.impact, width: 14 },
    { col: cols.competition, width: 16 },
    { col: cols.score, width: 9 },
    { col: cols.comment, width: 44 }
  );
  sheet.freeze = { rows: RATINGS.headerRow, cols: 0 };

  const column = (col: number): Rect => rect(RATINGS.firstRow, col, reach, 1);
  names.push(
    { name: NAMES.ratingClienteles, sheet: sheet.name, rect: column(cols.clientele) },
    { name: NAMES.ratingNeeds, sheet: sheet.name, rect: column(cols.need) },
    { name: NAMES.ratingPerceptions, sheet: sheet.name, rect: column(cols.perception) },
    { name: NAMES.ratingImpacts, sheet: sheet.name, rect: column(cols.impact) }
  );
  return sheet;
}

function matrixSheet(
  texts: WorkbookTexts,
  language: Language,
  ticksName: string,
  study: Study,
  names: NamePlan[]
): SheetPlan {
  const sheet = emptySheet("matrix", texts.sheets.matrix, COLOURS.tabMatrix);
  const cols = study.clienteles.length;
  const rows = study.needs.length;
  const pairs = new Map(study.pairs.map((pair) => [pairKey(pair.clientele, pair.need), pair]));
  const shown = (value: CellValue): string => (value?.kind === "text" ? value.text : "");
  const body = rect(GRID.firstRow, GRID.firstCol, rows, cols);
  const lastRow = GRID.firstRow + rows - 1;

  put(sheet, GRID.titleRow, 1, [[text(texts.matrix.title)]]);
  style(sheet, rect(GRID.titleRow, 1), TITLE_STYLE);
  put(sheet, GRID.instructionsRow, 1, [[text(texts.matrix.instructions)]]);
  style(sheet, rect(GRID.instructionsRow, 1), NOTE_STYLE);

  // Legend: the same colour scale on sample scores.
  const samples = [0, 25, 50, 75, 100];
  put(sheet, GRID.helpRow, 1, [[text(texts.matrix.legend)]]);
  style(sheet, rect(GRID.helpRow, 1), { bold: true, horizontal: "right" });
  put(sheet, GRID.helpRow, GRID.firstCol, [samples.map((value) => num(value))]);
  style(sheet, rect(GRID.helpRow, GRID.firstCol, 1, samples.length), {
    bold: true,
    horizontal: "center",
    border: true,
  });
  sheet.conditionalFormats.push({
    rect: rect(GRID.helpRow, GRID.firstCol, 1, samples.length),
    rule: { kind: "colourScale", stops: SCORE_COLOUR_STOPS },
  });

  // Headers mirror the tick table, so renaming there renames here, without the add-in.
  put(sheet, GRID.typeRow, GRID.firstCol, [
    study.clienteles.map((item, i) =>
      formula(
        mirrorFormula(ticksName, GRID.typeRow, GRID.firstCol + i, { row: true }),
        shown(kindLabel(CLIENTELE_TYPES, item.type, language))
      )
    ),
  ]);
  put(sheet, GRID.headerRow, GRID.nameCol, [
    [text(texts.ticks.corner), text(texts.ticks.needType)],
  ]);
  put(sheet, GRID.headerRow, GRID.firstCol, [
    study.clienteles.map((item, i) =>
      formula(mirrorFormula(ticksName, GRID.headerRow, GRID.firstCol + i, { row: true }), item.name)
    ),
  ]);
  put(
    sheet,
    GRID.firstRow,
    GRID.nameCol,
    study.needs.map((item, j) => [
      formula(mirrorFormula(ticksName, GRID.firstRow + j, GRID.nameCol, { col: true }), item.name),
      formula(
        mirrorFormula(ticksName, GRID.firstRow + j, GRID.typeCol, { col: true }),
        shown(kindLabel(NEED_TYPES, item.type, language))
      ),
    ])
  );
  put(
    sheet,
    GRID.firstRow,
    GRID.firstCol,
    study.needs.map((need, j) =>
      study.clienteles.map((clientele, i) =>
        formula(
          matrixCellFormula(ticksName, GRID.firstRow + j, GRID.firstCol + i),
          scoreOf(pairs.get(pairKey(clientele.name, need.name)), study.weights)
        )
      )
    )
  );

  style(sheet, rect(GRID.typeRow, GRID.firstCol, 1, cols), TYPE_STYLE);
  styleNameHeaders(sheet, cols, rows);
  // Black bold text is readable on every fill of the scale (contrast ≥ 4.5, tested).
  style(sheet, body, {
    border: true,
    bold: true,
    horizontal: "center",
    vertical: "middle",
    fontColour: "#000000",
    numberFormat: "0",
  });
  sheet.conditionalFormats.push({
    rect: body,
    rule: { kind: "colourScale", stops: SCORE_COLOUR_STOPS },
  });

  // Legend of the levels, under the matrix, so that an exported matrix explains itself.
  const legendRow = lastRow + 2;
  const levelsLine = (scale: Scale): string =>
    `${scale.title[language]}${language === "fr" ? " : " : ": "}` +
    scale.levels.map((level) => `${level.value} ${level[language]}`).join(" · ");
  put(sheet, legendRow, 1, [
    [text(texts.matrix.scoreRule)],
    [text(levelsLine(PERCEPTION))],
    [text(levelsLine(IMPACT))],
    [
      text(
        `${texts.settings.colourLow} · ${texts.settings.colourMid} · ${texts.settings.colourHigh}`
      ),
    ],
  ]);
  style(sheet, rect(legendRow, 1, 4, 1), NOTE_STYLE);

  sheet.columnWidths.push({ col: GRID.nameCol, width: 36 }, { col: GRID.typeCol, width: 16 });
  for (let col = GRID.firstCol; col < GRID.firstCol + Math.max(cols, samples.length); col++)
    sheet.columnWidths.push({ col, width: CLIENTELE_WIDTH });
  sheet.rowHeights = HEADER_ROWS;
  sheet.freeze = { rows: GRID.headerRow, cols: GRID.typeCol };

  names.push(
    { name: NAMES.matrix, sheet: sheet.name, rect: body },
    {
      name: NAMES.matrixClienteles,
      sheet: sheet.name,
      rect: rect(GRID.headerRow, GRID.firstCol, 1, cols),
    },
    { name: NAMES.matrixNeeds, sheet: sheet.name, rect: rect(GRID.firstRow, GRID.nameCol, rows, 1) }
  );
  return sheet;
}

function settingsSheet(
  texts: WorkbookTexts,
  language: Language,
  title: string | undefined,
  weights: Weights,
  names: NamePlan[]
): SheetPlan {
  const sheet = emptySheet("settings", texts.sheets.settings, COLOURS.tabSettings);
  const t = texts.settings;
  const at = SETTINGS;
  put(sheet, at.titleRow, 1, [[text(t.title)]]);
  style(sheet, rect(at.titleRow, 1), TITLE_STYLE);
  put(sheet, at.createdByRow, 1, [[text(t.createdBy)]]);
  style(sheet, rect(at.createdByRow, 1), NOTE_STYLE);

  put(sheet, at.studyTitle.row, 1, [[text(t.studyTitle), title ? text(title) : null]]);
  put(sheet, at.language.row, 1, [[text(t.language), text(language)]]);
  put(sheet, at.weightsRow, 1, [[text(t.weights)]]);
  put(sheet, at.weightPerception.row, 1, [
    [text(t.weightPerception), num(weights.perception)],
    [text(t.weightImpact), num(weights.impact)],
    [text(t.weightHelp), null],
    [text(t.scoreHelp), null],
  ]);
  style(sheet, rect(at.weightsRow, 1), { bold: true });
  style(sheet, rect(at.weightHelpRow, 1, 2, 1), NOTE_STYLE);
  style(sheet, rect(at.studyTitle.row, 2, 2, 1), { fill: COLOURS.input, border: true });
  style(sheet, rect(at.weightPerception.row, 2, 2, 1), {
    fill: COLOURS.input,
    border: true,
    bold: true,
    horizontal: "center",
  });
  sheet.validations.push({
    rect: rect(at.weightPerception.row, 2, 2, 1),
    rule: { kind: "decimal", min: 0, max: 5 },
    error: texts.weightError,
  });
  sheet.validations.push({
    rect: rect(at.language.row, at.language.col),
    rule: { kind: "list", source: ["fr", "en"] },
    error: { title: "Langue / Language", message: "fr / en" },
  });

  const levelBlock = (row: number, scale: Scale, name: string, note?: string): void => {
    put(sheet, row, 1, [[text(scale.title[language]), note ? text(note) : null]]);
    style(sheet, rect(row, 1), { bold: true });
    if (note) style(sheet, rect(row, 2), NOTE_STYLE);
    put(
      sheet,
      row + 1,
      1,
      scale.levels.map((level) => [num(level.value), text(level[language])])
    );
    style(sheet, rect(row + 1, 1, scale.levels.length, 2), { border: true, horizontal: "left" });
    names.push({ name, sheet: sheet.name, rect: rect(row + 1, 2, scale.levels.length, 1) });
  };
  levelBlock(at.perceptionRow, PERCEPTION, NAMES.perceptionLevels);
  levelBlock(at.impactRow, IMPACT, NAMES.impactLevels);
  levelBlock(at.competitionRow, COMPETITION, NAMES.competitionLevels, t.competitionNote);

  const kindBlock = (row: number, heading: string, kinds: readonly Kind[], name: string): void => {
    put(sheet, row, 1, [[text(heading)]]);
    style(sheet, rect(row, 1), { bold: true });
    put(
      sheet,
      row + 1,
      2,
      kinds.map((kind) => [text(kind[language])])
    );
    style(sheet, rect(row + 1, 2, kinds.length, 1), { border: true });
    names.push({ name, sheet: sheet.name, rect: rect(row + 1, 2, kinds.length, 1) });
  };
  kindBlock(at.clienteleTypesRow, t.clienteleTypes, CLIENTELE_TYPES, NAMES.clienteleTypes);
  kindBlock(at.needTypesRow, t.needTypes, NEED_TYPES, NAMES.needTypes);

  put(sheet, at.coloursRow, 1, [[text(t.colours)]]);
  style(sheet, rect(at.coloursRow, 1), { bold: true });
  put(sheet, at.coloursRow + 1, 1, [
    [num(0), text(t.colourLow)],
    [num(50), text(t.colourMid)],
    [num(100), text(t.colourHigh)],
  ]);
  style(sheet, rect(at.coloursRow + 1, 1, 3, 1), {
    bold: true,
    horizontal: "center",
    border: true,
  });
  sheet.conditionalFormats.push({
    rect: rect(at.coloursRow + 1, 1, 3, 1),
    rule: { kind: "colourScale", stops: SCORE_COLOUR_STOPS },
  });

  sheet.columnWidths.push({ col: 1, width: 44 }, { col: 2, width: 30 }, { col: 3, width: 40 });

  names.push(
    { name: NAMES.title, sheet: sheet.name, rect: rect(at.studyTitle.row, at.studyTitle.col) },
    { name: NAMES.language, sheet: sheet.name, rect: rect(at.language.row, at.language.col) },
    {
      name: NAMES.weightPerception,
      sheet: sheet.name,
      rect: rect(at.weightPerception.row, at.weightPerception.col),
    },
    {
      name: NAMES.weightImpact,
      sheet: sheet.name,
      rect: rect(at.weightImpact.row, at.weightImpact.col),
    }
  );
  return sheet;
}
