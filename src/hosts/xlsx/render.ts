/**
 * Writes a WorkbookPlan as an .xlsx file (SpreadsheetML in a zip), row by row, straight from the plan:
 * no cell objects, every distinct style made once, each formula fill written once as a shared
 * formula, and each part compressed as it is produced. Memory grows with the plan and the compressed
 * file, not with the cells: a 1000 × 1000 study builds in a few hundred MB.
 *
 * The parts and their order follow what Excel writes; LibreOffice and ExcelJS read them (tests).
 */
import { createHash } from "crypto";
import { Rect, cellAddress, columnLetters, quoteSheetName, rectAddress } from "../../layout/a1";
import {
  CellStyle,
  CellValue,
  ConditionalFormatPlan,
  ConditionalRule,
  DocumentProperties,
  FormulaFill,
  SheetPlan,
  StyledRange,
  ValidationPlan,
  ValueBlock,
  WorkbookPlan,
  outlineEdges,
  DEFAULT_FONT,
} from "../../layout/plan";
import { pageBreaksXml, printTitles, pageHeader } from "./page-setup";
import { StyleSheet, argb, mergeStyles } from "./styles";
import { escapeCellText, escapeXml, needsPreserve } from "./xml-write";
import { ZipEntryWriter, ZipWriter } from "./zip-write";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export interface XlsxOptions {
  /** zlib level of the parts (default 6). */
  level?: number;
  /** When the file says it was created (default: now). */
  created?: Date;
  /**
   * A custom XML part to carry (the add-in's state, layout/state.ts): customXml/item1.xml with its
   * properties, namespace `namespace`, related from the workbook.
   */
  customXml?: { xml: string; namespace: string };
}

const CUSTOM_XML_REL = `${RELS}/customXml`;
const CUSTOM_XML_PROPS_REL = `${RELS}/customXmlProps`;

/** The workbook's text cells, each distinct text stored once (sharedStrings.xml). */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let found = this.index.get(text);
    if (found === undefined) {
      found = this.texts.length;
      this.texts.push(text);
      this.index.set(text, found);
    }
    return found;
  }

  async write(entry: ZipEntryWriter): Promise<void> {
    await entry.write(
      `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.texts.length}">`
    );
    for (const text of this.texts) {
      const space = needsPreserve(text) ? ' xml:space="preserve"' : "";
      if (entry.add(`<si><t${space}>${escapeCellText(text)}</t></si>`)) await entry.flush();
    }
    await entry.write("</sst>");
  }
}

export async function planToXlsx(plan: WorkbookPlan, options: XlsxOptions = {}): Promise<Buffer> {
  const zip = new ZipWriter(options.level ?? 6);
  const styles = new StyleSheet(plan.font);
  const strings = new SharedStrings();
  const tables = plan.sheets.flatMap((sheet, index) =>
    sheet.tables.map((table) => ({ sheet: index, table }))
  );
  const theme = excelJsTheme();

  const custom = options.customXml;
  await zip.file(
    "[Content_Types].xml",
    contentTypes(plan, tables.length, theme !== undefined, custom !== undefined)
  );
  await zip.file(
    "_rels/.rels",
    relationships([
      [`${RELS}/officeDocument`, "xl/workbook.xml"],
      [`${PACKAGE_RELS}/metadata/core-properties`, "docProps/core.xml"],
    ])
  );
  await zip.file(
    "docProps/core.xml",
    coreProperties(options.created ?? plan.properties?.created ?? new Date(), plan.properties)
  );
  await zip.file("xl/workbook.xml", workbookXml(plan));
  await zip.file(
    "xl/_rels/workbook.xml.rels",
    relationships([
      ...plan.sheets.map((_, i): [string, string] => [
        `${RELS}/worksheet`,
        `worksheets/sheet${i + 1}.xml`,
      ]),
      [`${RELS}/styles`, "styles.xml"],
      [`${RELS}/sharedStrings`, "sharedStrings.xml"],
      ...(theme ? [[`${RELS}/theme`, "theme/theme1.xml"] as [string, string]] : []),
      ...(custom ? [[CUSTOM_XML_REL, "../customXml/item1.xml"] as [string, string]] : []),
    ])
  );
  if (custom) {
    await zip.file("customXml/item1.xml", custom.xml);
    await zip.file("customXml/itemProps1.xml", customXmlProperties(custom));
    await zip.file(
      "customXml/_rels/item1.xml.rels",
      relationships([[CUSTOM_XML_PROPS_REL, "itemProps1.xml"]])
    );
  }

  let tableNumber = 0;
  for (const [index, sheet] of plan.sheets.entries()) {
    const sheetTables = sheet.tables.map(() => ++tableNumber);
    const entry = zip.entry(`xl/worksheets/sheet${index + 1}.xml`);
    await writeSheet(
      entry,
      sheet,
      index === activeIndex(plan),
      sheetTables.length,
      styles,
      strings,
      plan.font ?? DEFAULT_FONT
    );
    await entry.close();
    if (sheetTables.length > 0) {
      await zip.file(
        `xl/worksheets/_rels/sheet${index + 1}.xml.rels`,
        relationships(
          sheetTables.map((n): [string, string] => [`${RELS}/table`, `../tables/table${n}.xml`])
        )
      );
    }
  }
  for (const [i, { table }] of tables.entries()) {
    const ref = rectAddress(table.rect);
    const columns = table.headers
      .map((header, j) => `<tableColumn id="${j + 1}" name="${escapeXml(header)}"/>`)
      .join("");
    await zip.file(
      `xl/tables/table${i + 1}.xml`,
      `${XML_HEAD}<table xmlns="${MAIN}" id="${i + 1}" name="${escapeXml(table.name)}" ` +
        `displayName="${escapeXml(table.name)}" ref="${ref}" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${table.headers.length}">${columns}</tableColumns>` +
        `<tableStyleInfo name="${escapeXml(table.style)}" showFirstColumn="0" showLastColumn="0" ` +
        'showRowStripes="1" showColumnStripes="0"/></table>'
    );
  }
  if (theme) await zip.file("xl/theme/theme1.xml", theme);
  await zip.file("xl/styles.xml", styles.xml());
  const sst = zip.entry("xl/sharedStrings.xml");
  await strings.write(sst);
  await sst.close();
  return zip.finish();
}

/** Styles as cells carry them: an outline becomes its four edges, after everything else. */
function cellByCellStyles(styles: readonly StyledRange[]): StyledRange[] {
  if (!styles.some(({ style }) => style.outline)) return [...styles];
  const plain = styles.map(({ rect, style }) => {
    if (!style.outline) return { rect, style };
    const rest: CellStyle = { ...style };
    delete rest.outline;
    return { rect, style: rest };
  });
  const edges = styles
    .filter(({ style }) => style.outline)
    .flatMap(({ rect }) =>
      outlineEdges(rect).map(({ rect: edge, edge: side }) => ({
        rect: edge,
        style: { edges: [side] } as CellStyle,
      }))
    );
  return [...plain, ...edges];
}

function activeIndex(plan: WorkbookPlan): number {
  return Math.max(
    plan.sheets.findIndex((sheet) => sheet.role === plan.activeSheet),
    0
  );
}

/**
 * Office's default theme, which table styles and theme colours refer to. ExcelJS (a dependency
 * already) ships it as text; without it, the file is still valid and Excel uses its own default.
 */
function excelJsTheme(): string | undefined {
  try {
    const theme: unknown = require("exceljs/lib/xlsx/xml/theme1.js");
    return typeof theme === "string" ? theme : undefined;
  } catch {
    return undefined;
  }
}

function relationships(targets: [string, string][]): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}">` +
    targets
      .map(
        ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`
      )
      .join("") +
    "</Relationships>"
  );
}

/**
 * The part's properties: its schema (namespace) and an item id, a GUID made from the part's text
 * so that the same plan gives the same bytes.
 */
function customXmlProperties({ xml, namespace }: { xml: string; namespace: string }): string {
  const hex = createHash("sha256").update(xml).digest("hex").toUpperCase();
  const guid = `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    `<ds:datastoreItem ds:itemID="${guid}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeXml(namespace)}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

function contentTypes(
  plan: WorkbookPlan,
  tables: number,
  theme: boolean,
  customXml: boolean
): string {
  const override = (part: string, type: string): string =>
    `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override("/xl/workbook.xml", `${TYPE}.sheet.main+xml`) +
    plan.sheets
      .map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${TYPE}.worksheet+xml`))
      .join("") +
    Array.from({ length: tables }, (_, i) =>
      override(`/xl/tables/table${i + 1}.xml`, `${TYPE}.table+xml`)
    ).join("") +
    (theme
      ? override("/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml")
      : "") +
    override("/xl/styles.xml", `${TYPE}.styles+xml`) +
    override("/xl/sharedStrings.xml", `${TYPE}.sharedStrings+xml`) +
    override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    (customXml
      ? override(
          "/customXml/itemProps1.xml",
          "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
        )
      : "") +
    "</Types>"
  );
}

function coreProperties(created: Date, properties?: DocumentProperties): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  // The plan's title, subject and keywords (a client export's: layout/export.ts).
  const described = properties
    ? `<dc:title>${escapeXml(properties.title)}</dc:title>` +
      (properties.subject ? `<dc:subject>${escapeXml(properties.subject)}</dc:subject>` : "") +
      (properties.keywords ? `<cp:keywords>${escapeXml(properties.keywords)}</cp:keywords>` : "")
    : "";
  return (
    `${XML_HEAD}<cp:coreProperties ` +
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    described +
    "<dc:creator>Segment Matrix</dc:creator>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

function workbookXml(plan: WorkbookPlan): string {
  const sheets = plan.sheets
    .map(
      (sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`
    )
    .join("");
  const absolute = (sheet: string, rect: Rect): string =>
    escapeXml(`${quoteSheetName(sheet)}!${rectAddress(rect, true)}`);
  const names = [
    ...plan.names.map(
      (name) => `<definedName name="${name.name}">${absolute(name.sheet, name.rect)}</definedName>`
    ),
    // Written with $ on rows and columns: LibreOffice ignores a print area without them.
    ...plan.sheets.flatMap((sheet, i) =>
      sheet.print.area
        ? [
            `<definedName name="_xlnm.Print_Area" localSheetId="${i}">` +
              `${absolute(sheet.name, sheet.print.area)}</definedName>`,
          ]
        : []
    ),
    ...plan.sheets.flatMap((sheet, i) => {
      const titles = printTitles(sheet);
      return titles
        ? [
            `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">` +
              `${escapeXml(titles)}</definedName>`,
          ]
        : [];
    }),
  ];
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELS}">` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" ' +
    `activeTab="${activeIndex(plan)}"/></bookViews>` +
    `<sheets>${sheets}</sheets>` +
    (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
    // Every formula is computed when the file is opened (cached values are for viewers that do not).
    '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'
  );
}

// ---------------------------------------------------------------------------------------------
// Worksheets.

/** The cells of a plan's rectangles, in plan order (a later one wins a cell, as when rendered). */
interface Source {
  row: number;
  lastRow: number;
  col: number;
  lastCol: number;
  /** Position in the plan's list, for the order in which sources are applied. */
  order: number;
}

function blockRect(block: ValueBlock): Rect {
  const cols = block.values.reduce((widest, line) => Math.max(widest, line.length), 0);
  return { row: block.row, col: block.col, rows: block.values.length, cols };
}

function sources<T>(items: readonly T[], rectOf: (item: T) => Rect): Source[] {
  return items.map((item, order) => {
    const rect = rectOf(item);
    return {
      row: rect.row,
      lastRow: rect.row + rect.rows - 1,
      col: rect.col,
      lastCol: rect.col + rect.cols - 1,
      order,
    };
  });
}

/** The sources covering each row, kept up to date as rows go down (a sweep). */
class Sweep {
  private readonly waiting: Source[];
  private next = 0;
  active: Source[] = [];

  constructor(all: Source[]) {
    this.waiting = all.filter((s) => s.lastRow >= s.row && s.lastCol >= s.col);
    this.waiting.sort((a, b) => a.row - b.row || a.order - b.order);
  }

  moveTo(row: number): void {
    let changed = false;
    if (this.active.some((s) => s.lastRow < row)) {
      this.active = this.active.filter((s) => s.lastRow >= row);
    }
    while (this.next < this.waiting.length && this.waiting[this.next].row <= row) {
      const source = this.waiting[this.next++];
      if (source.lastRow >= row) {
        this.active.push(source);
        changed = true;
      }
    }
    if (changed) this.active.sort((a, b) => a.order - b.order);
  }

  /** The row after which nothing starts or lasts. */
  lastRow(): number {
    return this.waiting.reduce((last, s) => Math.max(last, s.lastRow), 0);
  }
}

const NONE = 0;
const BLOCK = 1;
const FILL = 2;

async function writeSheet(
  out: ZipEntryWriter,
  plan: SheetPlan,
  selected: boolean,
  tableCount: number,
  styles: StyleSheet,
  strings: SharedStrings,
  font: string
): Promise<void> {
  plan = { ...plan, styles: cellByCellStyles(plan.styles) };
  const blockSources = sources(plan.blocks, blockRect);
  const fillSources = sources(plan.fills, (fill) => fill.rect);
  const styleSources = sources(plan.styles, (styled) => styled.rect);
  const all = [...blockSources, ...fillSources, ...styleSources];
  const heights = new Map((plan.rowHeights ?? []).map(({ row, height }) => [row, height]));
  const lastCol = all.reduce((last, s) => Math.max(last, s.lastCol), 1);
  const blocks = new Sweep(blockSources);
  const fills = new Sweep(fillSources);
  const styled = new Sweep(styleSources);
  const lastRow = Math.max(
    blocks.lastRow(),
    fills.lastRow(),
    styled.lastRow(),
    ...heights.keys(),
    1
  );

  // Shared formulas are numbered per sheet; a one-cell fill is a plain formula.
  const sharedIndex = new Map<FormulaFill, number>();
  for (const fill of plan.fills)
    if (fill.rect.rows * fill.rect.cols > 1) sharedIndex.set(fill, sharedIndex.size);

  // Style of a cell = the styles of the ranges covering it, merged in plan order. Each distinct
  // sequence is a "combination", numbered once; 0 is no style.
  const combinations: CellStyle[] = [{}];
  // A cell without a style still names its font (plainFormat): as the browser's writer writes it.
  const formats: number[] = [styles.plainFormat()];
  const nextCombination = new Map<number, number>();
  const combine = (current: number, styleOrder: number): number => {
    const key = current * plan.styles.length + styleOrder;
    let found = nextCombination.get(key);
    if (found === undefined) {
      const merged = mergeStyles(combinations[current], plan.styles[styleOrder].style);
      found = combinations.length;
      combinations.push(merged);
      formats.push(styles.cellFormat(merged));
      nextCombination.set(key, found);
    }
    return found;
  };

  const letters = Array.from({ length: lastCol + 1 }, (_, col) => (col ? columnLetters(col) : ""));
  const kind = new Uint8Array(lastCol + 2);
  const which = new Int32Array(lastCol + 2);
  const combination = new Int32Array(lastCol + 2);

  await out.write(sheetHead(plan, selected, lastRow, lastCol));
  await out.write("<sheetData>");
  for (let row = 1; row <= lastRow; row++) {
    blocks.moveTo(row);
    fills.moveTo(row);
    styled.moveTo(row);
    const height = heights.get(row);
    if (
      blocks.active.length + fills.active.length + styled.active.length === 0 &&
      height === undefined
    )
      continue;

    let low = lastCol + 1;
    let high = 0;
    for (const source of blocks.active) {
      const line = plan.blocks[source.order].values[row - source.row];
      const end = source.col + line.length - 1;
      for (let col = source.col; col <= end; col++) {
        kind[col] = BLOCK;
        which[col] = source.order;
      }
      if (line.length > 0) {
        low = Math.min(low, source.col);
        high = Math.max(high, end);
      }
    }
    for (const source of fills.active) {
      kind.fill(FILL, source.col, source.lastCol + 1);
      which.fill(source.order, source.col, source.lastCol + 1);
      low = Math.min(low, source.col);
      high = Math.max(high, source.lastCol);
    }
    for (const source of styled.active) {
      for (let col = source.col; col <= source.lastCol; col++)
        combination[col] = combine(combination[col], source.order);
      low = Math.min(low, source.col);
      high = Math.max(high, source.lastCol);
    }

    let cells = "";
    for (let col = low; col <= high; col++) {
      const format = formats[combination[col]];
      const at = ` r="${letters[col]}${row}"${format ? ` s="${format}"` : ""}`;
      if (kind[col] === BLOCK) {
        const source = plan.blocks[which[col]];
        const value = source.values[row - source.row][col - source.col] ?? null;
        cells +=
          value === null
            ? combination[col] !== 0
              ? `<c${at}/>`
              : ""
            : valueCell(at, value, strings);
      } else if (kind[col] === FILL) {
        const fill = plan.fills[which[col]];
        cells += fillCell(
          at,
          fill,
          row - fill.rect.row,
          col - fill.rect.col,
          sharedIndex.get(fill)
        );
      } else if (combination[col] !== 0) {
        cells += `<c${at}/>`;
      }
      kind[col] = NONE;
      combination[col] = 0;
    }
    if (cells === "" && height === undefined) continue;
    const open =
      height === undefined
        ? `<row r="${row}">`
        : `<row r="${row}" ht="${height}" customHeight="1">`;
    if (out.add(open + cells + "</row>")) await out.flush();
  }
  await out.write("</sheetData>");
  const merges = plan.merges ?? [];
  if (merges.length > 0)
    await out.write(
      `<mergeCells count="${merges.length}">` +
        merges.map((merge) => `<mergeCell ref="${rectAddress(merge)}"/>`).join("") +
        "</mergeCells>"
    );
  await out.write(sheetTail(plan, styles, tableCount, font));
}

function valueCell(at: string, value: NonNullable<CellValue>, strings: SharedStrings): string {
  switch (value.kind) {
    case "text":
      return `<c${at} t="s"><v>${strings.id(value.text)}</v></c>`;
    case "number":
      return Number.isFinite(value.value) ? `<c${at}><v>${value.value}</v></c>` : `<c${at}/>`;
    case "formula":
      return formulaCell(at, `<f>${escapeXml(value.formula)}</f>`, value.result);
  }
}

function fillCell(
  at: string,
  fill: FormulaFill,
  i: number,
  j: number,
  shared: number | undefined
): string {
  const formula =
    shared === undefined
      ? `<f>${escapeXml(fill.formula)}</f>`
      : i === 0 && j === 0
        ? `<f t="shared" ref="${rectAddress(fill.rect)}" si="${shared}">${escapeXml(fill.formula)}</f>`
        : `<f t="shared" si="${shared}"/>`;
  return formulaCell(at, formula, fill.results?.[i]?.[j]);
}

/** A formula and the value it computes when written, for viewers that do not calculate. */
function formulaCell(at: string, formula: string, result: string | number | undefined): string {
  if (typeof result === "number" && Number.isFinite(result))
    return `<c${at}>${formula}<v>${result}</v></c>`;
  if (typeof result === "string")
    return `<c${at} t="str">${formula}<v>${escapeCellText(result)}</v></c>`;
  return `<c${at}>${formula}</c>`;
}

function sheetHead(plan: SheetPlan, selected: boolean, lastRow: number, lastCol: number): string {
  const properties =
    (plan.tabColour ? `<tabColor rgb="${argb(plan.tabColour)}"/>` : "") +
    (plan.print.fitToOnePage ? '<pageSetUpPr fitToPage="1"/>' : "");
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}">` +
    (properties ? `<sheetPr>${properties}</sheetPr>` : "") +
    `<dimension ref="A1:${cellAddress(lastRow, lastCol)}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">` +
    frozenPane(plan.freeze) +
    "</sheetView></sheetViews>" +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    columnsXml(plan.columnWidths)
  );
}

function frozenPane(freeze: SheetPlan["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0)) return "";
  const pane =
    freeze.rows > 0 && freeze.cols > 0
      ? "bottomRight"
      : freeze.rows > 0
        ? "bottomLeft"
        : "topRight";
  const topLeft = cellAddress(freeze.rows + 1, freeze.cols + 1);
  return (
    "<pane" +
    (freeze.cols > 0 ? ` xSplit="${freeze.cols}"` : "") +
    (freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : "") +
    ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`
  );
}

/** Runs of equal widths, each column once (the last width given wins). */
function columnsXml(widths: SheetPlan["columnWidths"]): string {
  const byColumn = new Map<number, { width: number; hidden: boolean }>();
  for (const { col, width, hidden } of widths)
    byColumn.set(col, { width, hidden: Boolean(hidden) });
  const columns = [...byColumn.entries()].sort((a, b) => a[0] - b[0]);
  const runs: { first: number; last: number; width: number; hidden: boolean }[] = [];
  for (const [col, { width, hidden }] of columns) {
    const last = runs[runs.length - 1];
    if (last && last.last + 1 === col && last.width === width && last.hidden === hidden)
      last.last = col;
    else runs.push({ first: col, last: col, width, hidden });
  }
  if (runs.length === 0) return "";
  return (
    "<cols>" +
    runs
      .map(
        (run) =>
          `<col min="${run.first}" max="${run.last}" width="${run.width}" customWidth="1"` +
          `${run.hidden ? ' hidden="1"' : ""}/>`
      )
      .join("") +
    "</cols>"
  );
}

function sheetTail(plan: SheetPlan, styles: StyleSheet, tableCount: number, font: string): string {
  const landscape = plan.print.landscape ? "landscape" : "portrait";
  const fit = plan.print.fitToOnePage
    ? ' fitToWidth="1" fitToHeight="1"'
    : plan.print.scale
      ? ` scale="${Math.round(plan.print.scale)}"`
      : "";
  const header = pageHeader(plan.print, font);
  return (
    conditionalFormattingXml(plan.conditionalFormats, styles) +
    validationsXml(plan.validations) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${landscape}"${fit}/>` +
    (header ? `<headerFooter><oddHeader>${escapeXml(header)}</oddHeader></headerFooter>` : "") +
    pageBreaksXml("rowBreaks", plan.print.rowBreaks ?? []) +
    pageBreaksXml("colBreaks", plan.print.colBreaks ?? []) +
    (tableCount > 0
      ? `<tableParts count="${tableCount}">` +
        Array.from({ length: tableCount }, (_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("") +
        "</tableParts>"
      : "") +
    "</worksheet>"
  );
}

/**
 * The rules of one range in one element, in the plan's order of priority: LibreOffice applies only
 * the first of several elements over a cell (a colour scale would hide the palette's text rule);
 * Excel applies every rule either way.
 */
function conditionalFormattingXml(
  formats: readonly ConditionalFormatPlan[],
  styles: StyleSheet
): string {
  const byRange = new Map<string, string[]>();
  formats.forEach((format, i) => {
    const ref = rectAddress(format.rect);
    byRange.set(ref, [...(byRange.get(ref) ?? []), cfRuleXml(format.rule, i + 1, styles)]);
  });
  return [...byRange]
    .map(
      ([ref, rules]) =>
        `<conditionalFormatting sqref="${ref}">${rules.join("")}</conditionalFormatting>`
    )
    .join("");
}

function cfRuleXml(rule: ConditionalRule, priority: number, styles: StyleSheet): string {
  switch (rule.kind) {
    case "colourScale":
      return (
        `<cfRule type="colorScale" priority="${priority}"><colorScale>` +
        rule.stops.map((stop) => `<cfvo type="num" val="${stop.value}"/>`).join("") +
        rule.stops.map((stop) => `<color rgb="${argb(stop.colour)}"/>`).join("") +
        "</colorScale></cfRule>"
      );
    case "cellValue":
      return (
        `<cfRule type="cellIs" dxfId="${styles.differentialFormat(rule)}" priority="${priority}" ` +
        `operator="${rule.operator}"><formula>${rule.value}</formula></cfRule>`
      );
    case "formula":
      return (
        `<cfRule type="expression" dxfId="${styles.differentialFormat(rule)}" priority="${priority}">` +
        `<formula>${escapeXml(rule.formula)}</formula></cfRule>`
      );
  }
}

function validationsXml(validations: readonly ValidationPlan[]): string {
  if (validations.length === 0) return "";
  const items = validations.map((validation) => {
    const rule = validation.rule;
    const attributes =
      (rule.kind === "decimal" ? ' type="decimal" operator="between"' : ' type="list"') +
      ' allowBlank="1"' +
      (validation.prompt ? ' showInputMessage="1"' : "") +
      ' showErrorMessage="1"' +
      ` errorTitle="${escapeXml(validation.error.title)}" error="${escapeXml(validation.error.message)}"` +
      (validation.prompt
        ? ` promptTitle="${escapeXml(validation.prompt.title)}" prompt="${escapeXml(validation.prompt.message)}"`
        : "") +
      ` sqref="${rectAddress(validation.rect)}"`;
    const formulas =
      rule.kind === "decimal"
        ? `<formula1>${rule.min}</formula1><formula2>${rule.max}</formula2>`
        : rule.kind === "list"
          ? `<formula1>${escapeXml(`"${rule.source.join(",")}"`)}</formula1>`
          : `<formula1>${escapeXml(rule.formula)}</formula1>`;
    return `<dataValidation${attributes}>${formulas}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}
