/**
 * Reads an .xlsx file's grids, defined names, tables and the add-in's state, in bounded memory and
 * time whatever the file holds. The zip's declared sizes are checked before anything is inflated
 * (zip.ts); then only small parts are read whole (content types, relationships, the workbook,
 * tables, the state) and only the sheets the study needs are streamed through a SAX parser, keeping
 * the cells that hold a value: a stray cell at XFD1048576 costs one entry, a consultant's charts,
 * pictures and other sheets are never opened, and absolute relationship targets (/xl/…) resolve.
 */
import { cellAddress, parseRect, parseSheetRef, Rect } from "../../layout/a1";
import { GridValue, NamedRect, SheetGrid, WorkbookGrids } from "../../layout/grids";
import { sheetsToRead } from "../../layout/managed";
import { StateRead, stateFromXml } from "../../layout/state";
import * as msg from "../../messages";
import { Problem } from "../../messages";
import {
  XmlAttributes,
  XmlHandlers,
  decodeExcelEscapes,
  elementsNamed,
  parseXml,
  parseXmlStream,
} from "./xml";
import {
  BYTES_PER_PLANNED_CELL,
  READ_CEILING,
  READ_LIMITS,
  ReadLimits,
  WorkbookUnreadable,
  ZipArchive,
  describe,
} from "./zip";
import { EXCEL_LIMITS, clampNamedAreas } from "../../layout/limits";

export interface ListedSheet {
  name: string;
  /** The worksheet's part in the zip; none for a chart sheet or a sheet whose part is missing. */
  part?: string;
}

/** What a workbook holds besides cells: enough to know whose it is without reading any sheet. */
export interface WorkbookListing {
  sheets: ListedSheet[];
  /** Workbook-scoped names that point at one range of a listed sheet. */
  names: NamedRect[];
  tables: NamedRect[];
  /** The add-in's state part, when the workbook has one. */
  state?: StateRead;
  /** docProps/core.xml's dc:creator ("Segment Matrix" for a file the command line wrote). */
  creator?: string;
  /** A VBA project, or a macro-enabled content type (.xlsm, .xltm). */
  macros: boolean;
}

export interface ReadOptions {
  /** The file's bytes, when already in memory (the file name then only labels messages). */
  source?: Buffer;
  limits?: ReadLimits;
  /** The sheets to read, by name; by default those the study is read from. */
  sheets?: (listing: WorkbookListing) => ReadonlySet<string>;
}

const REL = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  table: "/table",
  sharedStrings: "/sharedStrings",
  customXml: "/customXml",
  coreProperties: "/core-properties",
} as const;

/** The listing only: no sheet is read. For deciding whether a file may be replaced. */
export async function listWorkbookFile(
  file: string,
  options: ReadOptions = {}
): Promise<WorkbookListing> {
  const zip = await ZipArchive.open(file, options.source, options.limits ?? READ_LIMITS);
  try {
    return (await openPackage(zip)).listing;
  } catch (failure) {
    throw unreadable(file, failure);
  } finally {
    zip.close();
  }
}

/** The grids of the sheets the study is read from (found through the add-in's names and table). */
export async function readWorkbookFile(
  file: string,
  options: ReadOptions = {}
): Promise<{ listing: WorkbookListing; grids: WorkbookGrids }> {
  const zip = await ZipArchive.open(file, options.source, options.limits ?? READ_LIMITS);
  try {
    const { listing, workbookRels } = await openPackage(zip);
    const wanted = options.sheets ? options.sheets(listing) : sheetsToRead(listing);
    const toRead = listing.sheets.filter((sheet) => sheet.part && wanted.has(sheet.name));
    // Limits the caller states are kept as they are; the defaults grow to what the state declares.
    if (!options.limits) zip.limits = limitsFromState(listing.state, toRead);
    const limits = zip.limits;
    for (const sheet of toRead) zip.checkSize(sheet.part as string, sheet.name);
    const sharedPart = workbookRels.find((rel) => rel.type.endsWith(REL.sharedStrings))?.target;
    const strings =
      toRead.length > 0 && sharedPart && zip.has(sharedPart)
        ? await readSharedStrings(zip, sharedPart)
        : [];
    const budget = { cells: limits.cells, limit: limits.cells };
    const sheets: SheetGrid[] = [];
    for (const sheet of toRead)
      sheets.push(await readSheet(zip, sheet.name, sheet.part as string, strings, budget));
    // Every named area cut to the cells its sheet holds, before any reader loops over it.
    const clamped = clampNamedAreas({ sheets, names: listing.names, tables: listing.tables });
    return { listing, grids: { ...clamped, state: listing.state } };
  } catch (failure) {
    throw unreadable(file, failure);
  } finally {
    zip.close();
  }
}

/**
 * READ_LIMITS, raised for a workbook whose add-in state declares its sheets' extents: the cells of
 * the sheets read (with room for what the consultant adds) and the bytes such sheets take, never past
 * READ_CEILING. A hostile file gains nothing without the state, and at most the ceiling with a forged one.
 */
function limitsFromState(state: StateRead | undefined, toRead: readonly ListedSheet[]): ReadLimits {
  const extents = state?.kind === "ok" ? (state.state.extents ?? []) : [];
  const read = new Set(toRead.map((sheet) => sheet.name));
  let cells = 0;
  let largest = 0;
  for (const extent of extents) {
    if (!read.has(extent.sheet)) continue;
    const planned = extent.rows * extent.cols;
    cells += planned;
    largest = Math.max(largest, planned);
  }
  const within = (value: number, base: number, ceiling: number): number =>
    Math.min(ceiling, Math.max(base, Math.ceil(value)));
  return {
    ...READ_LIMITS,
    cells: within(cells * 1.25 + 100000, READ_LIMITS.cells, READ_CEILING.cells),
    partBytes: within(
      largest * BYTES_PER_PLANNED_CELL,
      READ_LIMITS.partBytes,
      READ_CEILING.partBytes
    ),
  };
}

/** Anything the parser throws (bad XML, a missing part) becomes one line naming the file. */
function unreadable(file: string, failure: unknown): WorkbookUnreadable {
  if (failure instanceof WorkbookUnreadable) return failure;
  return new WorkbookUnreadable(msg.workbookDamaged(file, describe(failure)));
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

async function openPackage(
  zip: ZipArchive
): Promise<{ listing: WorkbookListing; workbookRels: Relationship[] }> {
  const file = zip.file;
  const contentTypesXml = await zip.text("[Content_Types].xml");
  if (contentTypesXml === undefined) throw new WorkbookUnreadable(msg.workbookNotExcel(file));
  const overrides = new Map(
    elementsNamed(contentTypesXml, "Override").map((o) => [
      partName(o.PartName ?? ""),
      (o.ContentType ?? "").toLowerCase(),
    ])
  );
  const rootRels = await relationships(zip, "");
  const main =
    rootRels.find((rel) => rel.type.endsWith(REL.officeDocument))?.target ?? "xl/workbook.xml";
  const mainType = overrides.get(main.toLowerCase()) ?? "";
  if (mainType.includes("binary")) throw new WorkbookUnreadable(msg.workbookBinary(file));
  const spreadsheet = /spreadsheetml|ms-excel\.(sheet|template)/.test(mainType);
  if (!zip.has(main) || (mainType !== "" && !spreadsheet))
    throw new WorkbookUnreadable(msg.workbookNotExcel(file));
  const macros =
    [...overrides.values()].some((type) => type.includes("macroenabled")) ||
    zip.names().some((name) => name.toLowerCase().endsWith("vbaproject.bin"));

  const workbookXml = (await zip.text(main)) ?? "";
  const workbookRels = await relationships(zip, main);
  const byId = new Map<string, Relationship>();
  for (const rel of workbookRels) byId.set(rel.id, rel);

  const sheets: ListedSheet[] = [];
  const definedNames: { name: string; formula: string }[] = [];
  let inName: { name: string; formula: string } | undefined;
  parseXml(workbookXml, {
    open: (element, attributes) => {
      if (element === "sheet") {
        const all = attributes.all();
        const id = all["r:id"] ?? relationshipAttribute(all);
        const rel = id === undefined ? undefined : byId.get(id);
        const part =
          rel && !rel.external && rel.type.endsWith(REL.worksheet) && zip.has(rel.target)
            ? rel.target
            : undefined;
        sheets.push({ name: all.name ?? "", part });
      } else if (element === "definedName") {
        // Sheet-scoped names (localSheetId) are the consultant's, never the add-in's.
        inName =
          attributes.get("localSheetId") === undefined
            ? { name: attributes.get("name") ?? "", formula: "" }
            : undefined;
      }
    },
    text: (text) => {
      if (inName) inName.formula += text;
    },
    close: (element) => {
      if (element === "definedName" && inName) {
        definedNames.push(inName);
        inName = undefined;
      }
    },
  });

  const listed = new Set(sheets.map((sheet) => sheet.name));
  const names: NamedRect[] = [];
  for (const defined of definedNames) {
    const at = parseSheetRef(defined.formula);
    if (at && listed.has(at.sheet) && !defined.formula.includes("#REF!"))
      names.push({ name: defined.name, sheet: at.sheet, rect: at.rect });
  }

  const tables: NamedRect[] = [];
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    for (const rel of await relationships(zip, sheet.part)) {
      if (rel.external || !rel.type.endsWith(REL.table) || !zip.has(rel.target)) continue;
      const table = elementsNamed((await zip.text(rel.target)) ?? "", "table")[0];
      const rect = table?.ref ? parseRect(table.ref) : undefined;
      const name = table?.displayName ?? table?.name;
      if (rect && name) tables.push({ name, sheet: sheet.name, rect });
    }
  }

  let state: StateRead | undefined;
  const customParts = [
    ...workbookRels.filter((rel) => rel.type.endsWith(REL.customXml)).map((rel) => rel.target),
    ...zip.names().filter((name) => /^customXml\/item\d+\.xml$/i.test(name)),
  ];
  for (const part of new Set(customParts)) {
    if (state || !zip.has(part)) continue;
    state = stateFromXml((await zip.text(part)) ?? "");
  }

  const corePart =
    rootRels.find((rel) => rel.type.endsWith(REL.coreProperties))?.target ?? "docProps/core.xml";
  let creator: string | undefined;
  if (zip.has(corePart)) {
    let inCreator = false;
    parseXml((await zip.text(corePart)) ?? "", {
      open: (element) => (inCreator = element === "creator"),
      text: (text) => {
        if (inCreator) creator = (creator ?? "") + text;
      },
      close: () => (inCreator = false),
    });
  }

  return {
    listing: { sheets, names, tables, state, creator: creator?.trim(), macros },
    workbookRels,
  };
}

/** r:id, whatever prefix the file gives the relationships namespace. */
function relationshipAttribute(attributes: Record<string, string>): string | undefined {
  const key = Object.keys(attributes).find((k) => k.endsWith(":id"));
  return key === undefined ? undefined : attributes[key];
}

function partName(name: string): string {
  return name.replace(/^\//, "").toLowerCase();
}

async function relationships(
  zip: ZipArchive,
  source: string
): Promise<(Relationship & { id: string })[]> {
  const slash = source.lastIndexOf("/");
  const relsPart = `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  const xml = await zip.text(relsPart);
  if (xml === undefined) return [];
  return elementsNamed(xml, "Relationship").map((rel) => ({
    id: rel.Id ?? "",
    type: rel.Type ?? "",
    external: rel.TargetMode === "External",
    target:
      rel.TargetMode === "External" ? (rel.Target ?? "") : resolveTarget(source, rel.Target ?? ""),
  }));
}

/** A relationship's target as a part name: relative to its source's folder, or absolute ("/xl/…"). */
export function resolveTarget(source: string, target: string): string {
  let decoded = target.replace(/\\/g, "/");
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  const parts = decoded.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of decoded.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

async function readSharedStrings(zip: ZipArchive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  await parseXmlStream(zip.textChunks(part), {
    open: (element, _attributes, selfClosing) => {
      if (element === "si") current = "";
      else if (element === "t") inText = !selfClosing && phonetic === 0;
      else if (element === "rPh" && !selfClosing) phonetic++;
    },
    text: (text) => {
      if (inText) current += text;
    },
    close: (element) => {
      if (element === "t") inText = false;
      else if (element === "rPh") phonetic--;
      else if (element === "si") strings.push(decodeExcelEscapes(current));
    },
  });
  return strings;
}

/**
 * One sheet, streamed: only cells holding a value are kept, in a sparse grid. Whatever the part says
 * that cannot be placed or read as it is (an address outside Excel's grid, a cell given twice, a
 * shared text that is not there, a number that is not one) refuses the workbook naming the sheet
 * and cell: read otherwise, it would become another study (an X in the next column, a tick lost).
 */
async function readSheet(
  zip: ZipArchive,
  name: string,
  part: string,
  strings: readonly string[],
  budget: { cells: number; limit: number }
): Promise<SheetGrid> {
  if (!sheetCellsPrimed) primeSheetCells();
  const cells = new SheetCells(zip.file, name, strings, budget);
  await parseXmlStream(zip.textChunks(part), cells);
  const { values, merged } = cells;
  return merged.length > 0 ? { name, values, merged } : { name, values };
}

/**
 * A small sheet holding a cell of each type (shared, formula and inline text, boolean, error, date,
 * number), rows and cells with and without their place, a phonetic run and a merged area. The cell
 * handler runs on it before the first real sheet, for the reason the scanner runs on its primer
 * (xml.ts): a cell type first met in the middle of a sheet would throw its optimised code away.
 */
const SHEET_PRIMER =
  '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><v>a</v></c>' +
  '<c t="inlineStr"><is><r><t>b</t></r><rPh><t>c</t></rPh></is></c><c t="b"><v>1</v></c>' +
  '<c t="e"><v>#N/A</v></c><c t="d"><v>2020-01-01</v></c><c><v>1.5</v></c><c s="1"/>' +
  '<c r="J1"><f>1</f><v>2</v></c></row><row><c r="B2" t="n"><v> 3 </v></c></row></sheetData>' +
  '<mergeCells><mergeCell ref="A3:B3"/></mergeCells></worksheet>';

let sheetCellsPrimed = false;

function primeSheetCells(): void {
  sheetCellsPrimed = true;
  for (let run = 0; run < 8; run++)
    parseXml(SHEET_PRIMER, new SheetCells("", "", ["x"], { cells: 100, limit: 100 }));
}

/**
 * The handlers of one sheet's scan. A class, so that every sheet is read by the same functions: the
 * scanner's calls to them stay optimised from one sheet to the next.
 */
class SheetCells implements XmlHandlers {
  readonly values: GridValue[][] = holeyArray<GridValue[]>();
  readonly merged: Rect[] = [];
  private row = 0;
  private col = 0;
  // The cell being read (none between cells): its place and type, kept in fields rather than an
  // object per cell.
  private inCell = false;
  private cellRow = 0;
  private cellCol = 0;
  private cellType: CellType = CellType.Number;
  /** The cell's value as the part writes it, so far. */
  private raw = "";
  private collecting = false;
  private inInline = false;
  private phonetic = 0;

  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly strings: readonly string[],
    private readonly budget: { cells: number; limit: number }
  ) {}

  private readonly invalidValue = (fault: msg.ValueFault): Problem =>
    msg.workbookValueInvalid(this.file, this.name, cellAddress(this.cellRow, this.cellCol), fault);

  private refuse(fault: msg.CellFault): WorkbookUnreadable {
    return new WorkbookUnreadable(msg.workbookCellInvalid(this.file, this.name, fault));
  }

  open(element: string, attributes: XmlAttributes, selfClosing: boolean): void {
    switch (element) {
      case "c": {
        const ref = attributes.get("r");
        if (ref !== undefined) {
          const at = cellRef(ref);
          if (!at) throw this.refuse({ kind: "address", ref });
          this.row = at.row;
          this.col = at.col;
        } else if (++this.col > EXCEL_LIMITS.cols || this.row < 1) {
          throw this.refuse({ kind: "address", ref: cellAddress(Math.max(this.row, 1), this.col) });
        }
        this.inCell = !selfClosing;
        this.cellRow = this.row;
        this.cellCol = this.col;
        this.cellType = cellType(attributes.get("t"));
        this.raw = "";
        break;
      }
      case "v":
        this.collecting = this.inCell && !selfClosing && !this.inInline;
        this.raw = "";
        break;
      case "row": {
        const ref = attributes.get("r");
        if (ref !== undefined) {
          const r = rowNumber(ref);
          if (r === undefined) throw this.refuse({ kind: "row", ref });
          this.row = r;
        } else if (++this.row > EXCEL_LIMITS.rows) {
          throw this.refuse({ kind: "row", ref: String(this.row) });
        }
        this.col = 0;
        break;
      }
      case "is":
        this.inInline = !selfClosing;
        this.raw = "";
        break;
      case "rPh":
        if (!selfClosing) this.phonetic++;
        break;
      case "t":
        this.collecting = this.inInline && this.phonetic === 0 && !selfClosing;
        break;
      case "mergeCell": {
        const ref = attributes.get("ref");
        const rect = ref ? parseRect(ref) : undefined;
        if (rect) this.merged.push(rect);
        break;
      }
    }
  }

  text(chunk: string): void {
    if (this.collecting) this.raw += chunk;
  }

  close(element: string): void {
    switch (element) {
      case "v":
      case "t":
        this.collecting = false;
        break;
      case "rPh":
        this.phonetic--;
        break;
      case "is":
        this.inInline = false;
        break;
      case "c": {
        if (!this.inCell) break;
        this.inCell = false;
        const { cellRow, cellCol } = this;
        const value = cellValue(this.cellType, this.raw, this.strings, this.invalidValue);
        if (value !== null) {
          const line = (this.values[cellRow - 1] ??= holeyArray<GridValue>());
          if (line[cellCol - 1] !== undefined)
            throw this.refuse({ kind: "twice", ref: cellAddress(cellRow, cellCol) });
          if (--this.budget.cells < 0)
            throw new WorkbookUnreadable(
              msg.workbookTooManyCells(this.file, this.name, this.budget.limit)
            );
          line[cellCol - 1] = value;
        }
        break;
      }
    }
  }
}

/**
 * An empty array whose elements kind is already the most general one (holes, any value): every row
 * of every sheet then has the same map, and the optimised cell handler is not thrown away when a
 * sheet skips a row or a row mixes numbers and texts (an empty `[]` starts as small integers).
 */
function holeyArray<T>(): T[] {
  const array = new Array<unknown>(1);
  array[0] = array;
  array.length = 0;
  return array as T[];
}

/** A cell's type (its `t` attribute), as a number: compared without comparing strings. */
const enum CellType {
  Number,
  Shared,
  Text,
  Boolean,
  Error,
  Date,
}

function cellType(t: string | undefined): CellType {
  if (t === undefined) return CellType.Number;
  if (t.length === 1) {
    switch (t.charCodeAt(0)) {
      case 115 /* s */:
        return CellType.Shared;
      case 98 /* b */:
        return CellType.Boolean;
      case 101 /* e */:
        return CellType.Error;
      case 100 /* d */:
        return CellType.Date;
      default:
        return CellType.Number;
    }
  }
  return t === "str" || t === "inlineStr" ? CellType.Text : CellType.Number;
}

/** A shared text's index written as 1 to 10 digits and nothing else, or -1. */
function sharedIndex(raw: string): number {
  if (raw.length === 0 || raw.length > 10) return -1;
  let index = 0;
  for (let i = 0; i < raw.length; i++) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    index = index * 10 + digit;
  }
  return index;
}

/** "B6" or "$B$6" within Excel's grid (A1 to XFD1048576), read without a regular expression. */
export function cellRef(ref: string): { row: number; col: number } | undefined {
  let at = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let col = 0;
  const lettersFrom = at;
  for (; at < ref.length && at - lettersFrom < 4; at++) {
    const code = ref.charCodeAt(at) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + code - 96;
  }
  if (at === lettersFrom || col > EXCEL_LIMITS.cols) return undefined;
  if (ref.charCodeAt(at) === 36) at++;
  const row = rowNumber(ref, at);
  return row === undefined ? undefined : { row, col };
}

/** A row number of Excel's grid from `from` to the end, digits only (no sign, no exponent, no spaces). */
function rowNumber(text: string, from = 0): number | undefined {
  if (text.length <= from || text.length - from > 7) return undefined;
  let row = 0;
  for (let i = from; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    row = row * 10 + digit;
  }
  return row >= 1 && row <= EXCEL_LIMITS.rows ? row : undefined;
}

/**
 * A cell's shown value: a formula's cached result, text as Excel shows it; empty is null. A value
 * the file stores that is not what its type says is refused (`invalid`), never read as empty.
 */
function cellValue(
  type: CellType,
  raw: string,
  strings: readonly string[],
  invalid: (fault: msg.ValueFault) => Problem
): GridValue {
  const refuse = (fault: msg.ValueFault): WorkbookUnreadable =>
    new WorkbookUnreadable(invalid(fault));
  switch (type) {
    case CellType.Shared: {
      const shared = sharedIndex(raw);
      if (shared >= 0 && shared < strings.length) {
        const text = strings[shared];
        return text === "" ? null : text;
      }
      const index = raw.trim();
      const text = /^[0-9]{1,10}$/.test(index) ? strings[Number(index)] : undefined;
      if (text === undefined)
        throw refuse({ kind: "shared-string", raw: index, count: strings.length });
      return text === "" ? null : text;
    }
    case CellType.Text: {
      const text = decodeExcelEscapes(raw);
      return text === "" ? null : text;
    }
    case CellType.Boolean: {
      const value = raw.trim();
      if (value === "") return null;
      if (value !== "0" && value !== "1") throw refuse({ kind: "boolean", raw: value });
      return value === "1";
    }
    case CellType.Error:
      return raw.trim() === "" ? null : raw.trim();
    case CellType.Date: {
      // An ISO date (rare, Strict OOXML): as Excel's serial number, like a date typed in a cell.
      if (raw.trim() === "") return null;
      const time = Date.parse(raw);
      if (Number.isNaN(time)) throw refuse({ kind: "date", raw: raw.trim() });
      return time / 86400000 + 25569;
    }
    default: {
      const value = raw.trim();
      if (value === "") return null;
      const number = Number(value);
      if (!Number.isFinite(number)) throw refuse({ kind: "number", raw: value });
      return number;
    }
  }
}
