/**
 * A small in-memory Excel behind the part of the Office.js API that the Excel host uses, recording
 * what travels: syncs, and the bytes queued between two syncs (JSON of every call's arguments and
 * every property set). Like Office.js, calls are only queued; sync() runs them in order, and a
 * property read before it was loaded and synced throws (PropertyNotLoaded).
 *
 * It emulates the Excel behaviours the host relies on: "=…" entered through values/formulas is a
 * formula, a leading apostrophe marks text and is dropped, other strings that look like numbers,
 * booleans or formulas (+, -, @) are converted as Excel would; sheet names are unique ignoring case;
 * the last sheet cannot be deleted; a defined name cannot be added twice; renaming a sheet rewrites
 * formulas that name it, deleting it turns them into #REF!, and so does writing a formula that
 * names a sheet that does not exist.
 *
 * And the rules of Excel that a host must not forget, because a fake that lets them pass would hide
 * a failure only real Excel shows:
 * - a request over 5 MB is refused whole (RequestPayloadSizeLimitExceeded, Excel on the web), and so
 *   is a response over 5 MB (ResponsePayloadSizeLimitExceeded);
 * - `values` of a range over 5 million cells come back null (office-js #4783, #6781);
 * - a formula cell reads back with a value, never empty: the fake calculates nothing, so it gives
 *   the value only where it can tell without calculating (a text or number literal, a plain
 *   reference, a mirror `IF(ref="","",ref)`), and FORMULA_STAND_IN otherwise;
 * - "History" is not a sheet name (Excel reserves it); a defined name or a table name that reads as a
 *   cell reference ("AB12", "R1C1", "R", "C") is refused;
 * - Range.copyFrom (ExcelApi 1.9) and page layout (1.9) fail with ApiNotFound on an older Excel;
 * - while the user edits a cell, a batch fails (InvalidOperationInCellEditMode) unless it was run
 *   with `delayForCellEdit`, which waits for the edit to end.
 * A failure carries `debugInfo.errorLocation`, the call that failed, as Office.js's errors do.
 *
 * Null objects are strict: Excel does not document what a call on a null object does, so here any
 * call on one, or on anything navigated from one, fails at sync (code "NullObject", the fake's own),
 * and so does reading any of its properties but isNullObject. Loading it stays allowed: that is how
 * isNullObject is learnt. A host that chains from a possibly-null object fails its tests.
 */
import { Rect, columnLetters, columnNumber } from "../../src/layout/a1";
import { fromR1C1 } from "../../src/layout/r1c1";

export type FakeValue = string | number | boolean;

export interface FakeCell {
  /** Null for a formula: its value is worked out when read (see formulaValue). */
  value: FakeValue | null;
  /** With its leading "=". */
  formula?: string;
}

export interface FormatRecord {
  rect: Rect;
  property: string;
  value: unknown;
}

export interface ValidationRecord {
  rect: Rect;
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface ConditionalFormatRecord {
  rect: Rect;
  type: string;
  criteria?: unknown;
  formula?: string;
  /** A "CellValue" format's rule ({ formula1, operator }). */
  cellRule?: unknown;
  fill?: string;
  fontColour?: string;
  bold?: boolean;
  italic?: boolean;
  /** A "Custom" format's borders, by side: the line's style and colour. */
  borders?: Record<string, { style?: string; color?: string }>;
}

export interface SheetState {
  name: string;
  cells: Map<string, FakeCell>;
  formats: FormatRecord[];
  validations: ValidationRecord[];
  conditionalFormats: ConditionalFormatRecord[];
  freeze?: { rows: number; cols: number };
  tabColor?: string;
  /** Points, by column number. */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  pageLayout: { orientation?: string; zoom?: unknown; printArea?: string };
  deleted: boolean;
}

interface NameState {
  name: string;
  /** Null once its sheet is deleted (#REF!). */
  sheet: SheetState | null;
  rect: Rect;
}

interface TableState {
  name: string;
  sheet: SheetState;
  rect: Rect;
  style?: string;
  headers: string[];
}

/** Shaped like OfficeExtension.Error: a code, a message and debugInfo (errorLocation once known). */
export class FakeRichApiError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string
  ) {
    // As OfficeExtension.Error: the message is Excel's text, the code apart.
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Excel on the web refuses requests and responses over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Over this many cells, `values` come back null instead of an array. */
export const VALUES_CELL_LIMIT = 5_000_000;
/** What a formula the fake cannot work out reads back as: no formula of the layout computes −1. */
export const FORMULA_STAND_IN = -1;
/** The API version the fake plays by default: the newest the host uses. */
export type FakeApiVersion = "1.8" | "1.9";
const encoder = new TextEncoder();

function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

/** "B3", "C6:O18", "C:O" (whole columns), "5:5" (whole rows); "$" allowed. */
export function parseAddress(address: string): Rect {
  const cells = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address);
  if (cells) {
    const col = columnNumber(cells[1]);
    const row = Number(cells[2]);
    const lastCol = cells[3] ? columnNumber(cells[3]) : col;
    const lastRow = cells[4] ? Number(cells[4]) : row;
    return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
  }
  const columns = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(address);
  if (columns) {
    const col = columnNumber(columns[1]);
    return { row: 1, col, rows: MAX_ROWS, cols: columnNumber(columns[2]) - col + 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows) {
    const row = Number(rows[1]);
    return { row, col: 1, rows: Number(rows[2]) - row + 1, cols: MAX_COLS };
  }
  throw new FakeRichApiError("InvalidArgument", `bad address ${address}`);
}

function a1(rect: Rect): string {
  const first = `${columnLetters(rect.col)}${rect.row}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows - 1}`;
}

/** As Excel writes a sheet in an address: quoted unless letters, digits, "_" and "." only. */
function quoted(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function contains(rect: Rect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols
  );
}

function sameName(a: string, b: string): boolean {
  return a.normalize("NFC").toLocaleUpperCase() === b.normalize("NFC").toLocaleUpperCase();
}

const key = (row: number, col: number): string => `${row}:${col}`;

/** A reference to another sheet inside a formula: 'Qui ressent quoi'!C$5, Matrice!A1:B2. */
const SHEET_REFERENCE =
  /('(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/gu;

/** A cell reference, optionally sheet-qualified: groups sheet part with "!", letters, digits. */
const REFERENCE = String.raw`((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?\$?([A-Z]{1,3})\$?(\d+)`;
const PLAIN_REFERENCE = new RegExp(`^${REFERENCE}$`, "u");
/** IF(ref="","",…): a mirror when … is the same reference (checked by the caller). */
const MIRROR = new RegExp(`^IF\\(${REFERENCE}="","",(.+)\\)$`, "u");

function unquote(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

interface Pending {
  call: string;
  run: () => void;
}

/** A custom XML part; Excel gives its namespace from the root element. */
export interface CustomXmlPartState {
  id: string;
  xml: string;
}

function rootNamespace(xml: string): string {
  const root = /<(?!\?|!)([\w.:-]+)([^>]*)>/.exec(xml);
  if (!root) return "";
  const prefix = root[1].includes(":") ? root[1].split(":")[0] : "";
  const attribute = new RegExp(`xmlns${prefix ? ":" + prefix : ""}\\s*=\\s*["']([^"']*)["']`);
  return attribute.exec(root[2])?.[1] ?? "";
}

export class FakeExcel {
  readonly sheets: SheetState[] = [];
  /** The workbook's custom XML parts, in order. */
  readonly customXmlParts: CustomXmlPartState[] = [];
  private nextPartId = 1;
  private readonly names: NameState[] = [];
  private readonly tables: TableState[] = [];
  private active?: SheetState;
  private selection?: { sheet: SheetState; rect: Rect };

  /** Syncs since the start (or the last resetCounters). */
  syncs = 0;
  /** Calls and property sets queued since the start (navigation included). */
  calls = 0;
  /** The same, by name ("Worksheet.getUsedRangeOrNullObject"). */
  readonly callCounts = new Map<string, number>();
  /** Bytes of each request sent, in order. */
  readonly requestBytes: number[] = [];
  /** Bytes of what each sync brought back (JSON of every property loaded), in order. */
  readonly responseBytes: number[] = [];
  /** The options of the last Excel.run. */
  lastRunOptions?: Excel.RunOptions;
  /** The user is typing in a cell (see beginCellEdit). */
  private cellEdit = false;
  private pending: Pending[] = [];
  private pendingBytes = 0;
  private pendingResponse = 0;
  private failWhen?: (call: string) => boolean;
  readonly api: FakeApiVersion;
  /** Over this many cells `values` come back null; lower it to play an Excel that gives up sooner. */
  valuesCellLimit = VALUES_CELL_LIMIT;

  constructor(sheetNames: string[] = ["Feuil1"], options: { api?: FakeApiVersion } = {}) {
    this.api = options.api ?? "1.9";
    for (const name of sheetNames) this.addSheet(name);
  }

  /** Stands for Excel.run: a new context each time, so nothing loaded by an earlier batch leaks in. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    this.runWith({}, batch);

  /** Excel.run(options, batch). */
  runWith = <T>(
    options: Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> => {
    this.lastRunOptions = options;
    const context = { workbook: new FakeWorkbook(this), sync: () => this.sync(options) };
    return batch(context as unknown as Excel.RequestContext);
  };

  /** Office.context.requirements.isSetSupported for this Excel. */
  isSetSupported = (set: string, version: string): boolean =>
    set === "ExcelApi" && Number(version.split(".")[1]) <= Number(this.api.split(".")[1]);

  get maxRequestBytes(): number {
    return this.requestBytes.reduce((max, bytes) => Math.max(max, bytes), 0);
  }

  get maxResponseBytes(): number {
    return this.responseBytes.reduce((max, bytes) => Math.max(max, bytes), 0);
  }

  resetCounters(): void {
    this.syncs = 0;
    this.calls = 0;
    this.callCounts.clear();
    this.requestBytes.length = 0;
    this.responseBytes.length = 0;
  }

  /** Makes the next sync fail when it reaches a call whose name matches (e.g. "TableCollection.add"). */
  failAt(matches: (call: string) => boolean): void {
    this.failWhen = matches;
  }

  /** The user starts typing in a cell: the next sync of a batch not run with delayForCellEdit fails. */
  beginCellEdit(): void {
    this.cellEdit = true;
  }

  // ---- queue and sync --------------------------------------------------------------------------

  record(call: string, args: unknown[], run: () => void = () => undefined): void {
    this.calls += 1;
    this.callCounts.set(call, (this.callCounts.get(call) ?? 0) + 1);
    this.pendingBytes += jsonBytes(args);
    this.pending.push({ call, run });
  }

  /** Counts a loaded property's JSON towards the response of the sync running. */
  respond(value: unknown): void {
    this.pendingResponse += jsonBytes(value);
  }

  async sync(options: Excel.RunOptions = {}): Promise<void> {
    await Promise.resolve();
    this.syncs += 1;
    this.requestBytes.push(this.pendingBytes);
    const work = this.pending;
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingResponse = 0;
    if (bytes > PAYLOAD_LIMIT_BYTES)
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        `a request of ${bytes} bytes (the limit is ${PAYLOAD_LIMIT_BYTES})`
      );
    if (this.cellEdit) {
      // With delayForCellEdit Excel waits until the edit ends, then runs the batch.
      if (!options.delayForCellEdit)
        throw new FakeRichApiError("InvalidOperationInCellEditMode", "a cell is being edited");
      this.cellEdit = false;
    }
    // Like Excel: what ran before a failing call stays done; what follows it is dropped.
    for (const { call, run } of work) {
      try {
        if (this.failWhen?.(call)) {
          this.failWhen = undefined;
          throw new FakeRichApiError("GeneralException", "injected failure");
        }
        run();
      } catch (failure) {
        if (failure instanceof FakeRichApiError) failure.debugInfo.errorLocation ??= call;
        throw failure;
      }
    }
    this.responseBytes.push(this.pendingResponse);
    if (this.pendingResponse > PAYLOAD_LIMIT_BYTES)
      throw new FakeRichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `a response of ${this.pendingResponse} bytes (the limit is ${PAYLOAD_LIMIT_BYTES})`
      );
  }

  /** An API of a newer set than this Excel's fails at sync, as Office.js does. */
  requireApi(version: FakeApiVersion, what: string): void {
    if (!this.isSetSupported("ExcelApi", version))
      throw new FakeRichApiError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }

  // ---- set-up, as a consultant or an earlier build left the workbook ---------------------------

  addSheet(name: string): SheetState {
    this.checkSheetName(name, undefined);
    const sheet: SheetState = {
      name,
      cells: new Map(),
      formats: [],
      validations: [],
      conditionalFormats: [],
      columnWidths: new Map(),
      hiddenColumns: new Set(),
      rowHeights: new Map(),
      pageLayout: {},
      deleted: false,
    };
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** Types values from a top-left cell, as a user would (same conversions as Excel). */
  setCells(sheet: string, topLeft: string, rows: unknown[][]): void {
    const start = parseAddress(topLeft);
    this.writeCells(this.sheetNamed(sheet), { ...start, rows: rows.length, cols: 0 }, rows, false);
  }

  defineName(name: string, sheet: string, address: string): void {
    this.addName(name, this.sheetNamed(sheet), parseAddress(address));
  }

  /** A name whose sheet was deleted: =#REF!$A$1. */
  addCustomXmlPart(xml: string): CustomXmlPartState {
    const part = { id: `{FAKE-${this.nextPartId++}}`, xml };
    this.customXmlParts.push(part);
    return part;
  }

  customXmlPartsIn(namespace: string): CustomXmlPartState[] {
    return this.customXmlParts.filter((part) => rootNamespace(part.xml) === namespace);
  }

  findCustomXmlPart(id: string): CustomXmlPartState | undefined {
    return this.customXmlParts.find((part) => part.id === id);
  }

  deleteCustomXmlPart(part: CustomXmlPartState): void {
    const index = this.customXmlParts.indexOf(part);
    if (index < 0) throw new FakeRichApiError("ItemNotFound", `no custom XML part ${part.id}`);
    this.customXmlParts.splice(index, 1);
  }

  defineBrokenName(name: string): void {
    this.checkNewName(name);
    this.names.push({ name, sheet: null, rect: parseAddress("A1") });
  }

  addTable(name: string, sheet: string, address: string): void {
    const table = this.createTable(this.sheetNamed(sheet), parseAddress(address));
    this.renameTable(table, name);
  }

  select(sheet: string, address: string): void {
    this.selection = { sheet: this.sheetNamed(sheet), rect: parseAddress(address) };
  }

  // ---- inspection ------------------------------------------------------------------------------

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  sheet(name: string): SheetState {
    return this.sheetNamed(name);
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const { row, col } = parseAddress(address);
    return this.sheetNamed(sheet).cells.get(key(row, col));
  }

  nameList(): string[] {
    return this.names.map((named) => named.name);
  }

  /** "'Qui ressent quoi'!C6:O18", "#REF!" for a broken name, undefined if there is no such name. */
  nameAddress(name: string): string | undefined {
    const named = this.names.find((n) => sameName(n.name, name));
    if (!named) return undefined;
    return named.sheet ? `${quoted(named.sheet.name)}!${a1(named.rect)}` : "#REF!";
  }

  tableList(): {
    name: string;
    sheet: string;
    address: string;
    headers: string[];
    style?: string;
  }[] {
    return this.tables.map((table) => ({
      name: table.name,
      sheet: table.sheet.name,
      address: a1(table.rect),
      headers: table.headers,
      style: table.style,
    }));
  }

  activeSheetName(): string | undefined {
    return this.active?.name;
  }

  /** The last value set for a format property on a range covering the cell. */
  formatAt(sheet: string, address: string, property: string): unknown {
    const { row, col } = parseAddress(address);
    const records = this.sheetNamed(sheet).formats.filter(
      (record) => record.property === property && contains(record.rect, row, col)
    );
    return records.length > 0 ? records[records.length - 1].value : undefined;
  }

  // ---- the workbook's behaviour, run at sync ---------------------------------------------------

  sheetNamed(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new FakeRichApiError("ItemNotFound", `no sheet ${name}`);
    return sheet;
  }

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((sheet) => sameName(sheet.name, name));
  }

  findName(name: string): NameState | undefined {
    return this.names.find((named) => sameName(named.name, name));
  }

  findTable(name: string): TableState | undefined {
    return this.tables.find((table) => sameName(table.name, name));
  }

  allNames(): NameState[] {
    return [...this.names];
  }

  allTables(): TableState[] {
    return [...this.tables];
  }

  private checkSheetName(name: string, renaming: SheetState | undefined): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
      throw new FakeRichApiError("InvalidArgument", `bad sheet name ${name}`);
    // Excel keeps "History" for its change history, in any case.
    if (name.toUpperCase() === "HISTORY")
      throw new FakeRichApiError("InvalidArgument", `${name} is a reserved sheet name`);
    const taken = this.findSheet(name);
    if (taken && taken !== renaming)
      throw new FakeRichApiError("InvalidArgument", `a sheet named ${name} already exists`);
  }

  renameSheet(sheet: SheetState, name: string): void {
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    sheet.name = name;
    this.rewriteReferences(old, (address) => `${quoted(name)}!${address}`);
  }

  deleteSheet(sheet: SheetState): void {
    if (this.sheets.length <= 1)
      throw new FakeRichApiError("InvalidOperation", "a workbook keeps at least one sheet");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (const named of this.names) if (named.sheet === sheet) named.sheet = null;
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    this.rewriteReferences(sheet.name, () => "#REF!");
    if (this.active === sheet) this.active = this.sheets[0];
  }

  activate(sheet: SheetState): void {
    this.active = sheet;
  }

  private rewriteReferences(sheetName: string, replacement: (address: string) => string): void {
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) {
        if (!cell.formula) continue;
        cell.formula = cell.formula.replace(
          SHEET_REFERENCE,
          (whole, ref: string, address: string) =>
            sameName(unquote(ref), sheetName) ? replacement(address) : whole
        );
      }
    }
  }

  private checkNewName(name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || readsAsReference(name))
      throw new FakeRichApiError("InvalidArgument", `bad name ${name}`);
    if (this.findName(name) || this.findTable(name))
      throw new FakeRichApiError("InvalidArgument", `the name ${name} already exists`);
  }

  addName(name: string, sheet: SheetState, rect: Rect): void {
    this.checkNewName(name);
    this.names.push({ name, sheet, rect });
  }

  deleteName(named: NameState): void {
    const index = this.names.indexOf(named);
    if (index < 0) throw new FakeRichApiError("ItemNotFound", `no name ${named.name}`);
    this.names.splice(index, 1);
  }

  createTable(sheet: SheetState, rect: Rect): TableState {
    for (const other of this.tables) {
      if (other.sheet !== sheet) continue;
      const apart =
        rect.row + rect.rows <= other.rect.row ||
        other.rect.row + other.rect.rows <= rect.row ||
        rect.col + rect.cols <= other.rect.col ||
        other.rect.col + other.rect.cols <= rect.col;
      if (!apart) throw new FakeRichApiError("InvalidOperation", "tables cannot overlap");
    }
    const headers = Array.from({ length: rect.cols }, (_, j) => {
      const cell = sheet.cells.get(key(rect.row, rect.col + j));
      return cell && cell.value !== null ? String(cell.value) : `Column${j + 1}`;
    });
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`) || this.findName(`Table${n}`)) n++;
    const table: TableState = { name: `Table${n}`, sheet, rect, headers };
    this.tables.push(table);
    return table;
  }

  renameTable(table: TableState, name: string): void {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || readsAsReference(name))
      throw new FakeRichApiError("InvalidArgument", `bad table name ${name}`);
    const other = this.findTable(name);
    if ((other && other !== table) || this.findName(name))
      throw new FakeRichApiError("InvalidArgument", `the name ${name} already exists`);
    table.name = name;
  }

  selected(): { sheet: SheetState; rect: Rect } {
    if (!this.selection) throw new FakeRichApiError("InvalidSelection", "nothing selected");
    return this.selection;
  }

  /** Writes a 2-D array; `exact` (Office.js) demands the array's size to be the range's. */
  writeCells(sheet: SheetState, rect: Rect, rows: unknown[][], exact = true): void {
    if (exact && (rows.length !== rect.rows || rows.some((line) => line.length !== rect.cols)))
      throw new FakeRichApiError(
        "InvalidArgument",
        `array of ${rows.length}×${rows[0]?.length ?? 0} for range ${a1(rect)}`
      );
    rows.forEach((line, i) =>
      line.forEach((raw, j) => {
        const entered = this.enter(raw);
        const at = key(rect.row + i, rect.col + j);
        if (entered) sheet.cells.set(at, entered);
        else sheet.cells.delete(at);
      })
    );
  }

  /** What Excel makes of a value typed or set through `values` / `formulas`. */
  private enter(raw: unknown): FakeCell | undefined {
    if (raw === "" || raw === null || raw === undefined) return undefined;
    if (typeof raw === "number" || typeof raw === "boolean") return { value: raw };
    if (typeof raw !== "string")
      throw new FakeRichApiError("InvalidArgument", `cannot enter ${JSON.stringify(raw)}`);
    if (raw.startsWith("'")) return { value: raw.slice(1) };
    const numeric = raw.trim() !== "" && Number.isFinite(Number(raw));
    if (raw.startsWith("=")) return { value: null, formula: this.bind(raw) };
    if (/^[+@]/.test(raw) || (raw.startsWith("-") && !numeric))
      return { value: null, formula: this.bind(`=${raw}`) };
    if (numeric) return { value: Number(raw) };
    if (/^(TRUE|FALSE)$/i.test(raw)) return { value: raw.toUpperCase() === "TRUE" };
    return { value: raw };
  }

  /** A reference to a sheet that does not exist (yet) does not bind: #REF!. */
  private bind(formula: string): string {
    return formula.replace(SHEET_REFERENCE, (whole, ref: string) =>
      this.findSheet(unquote(ref)) ? whole : "#REF!"
    );
  }

  usedRect(sheet: SheetState): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const at of sheet.cells.keys()) {
      const [row, col] = at.split(":").map(Number);
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    if (bottom === 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** Null over valuesCellLimit cells, as Excel gives it (office-js #4783). */
  valuesOf(sheet: SheetState, rect: Rect): FakeValue[][] | null {
    if (rect.rows * rect.cols > this.valuesCellLimit) return null;
    return Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.cols }, (_, j) =>
        this.shownValue(sheet, sheet.cells.get(key(rect.row + i, rect.col + j)), 0)
      )
    );
  }

  /** A cell as `values` shows it: "" when empty; a formula's value as far as the fake can tell. */
  private shownValue(sheet: SheetState, cell: FakeCell | undefined, depth: number): FakeValue {
    if (!cell) return "";
    if (cell.formula === undefined) return cell.value ?? "";
    return this.formulaValue(sheet, cell.formula.slice(1), depth);
  }

  /**
   * Without calculating: a literal, a reference (0 when empty, as Excel), a mirror IF(r="","",r);
   * anything else is FORMULA_STAND_IN, so that a reader depending on a computed value shows up.
   */
  private formulaValue(sheet: SheetState, body: string, depth: number): FakeValue {
    const literal = /^"((?:[^"]|"")*)"$/.exec(body);
    if (literal) return literal[1].replace(/""/g, '"');
    if (/^-?\d+(\.\d+)?$/.test(body)) return Number(body);
    if (body.startsWith("#REF!") || depth > 20)
      return body.startsWith("#") ? "#REF!" : FORMULA_STAND_IN;
    const plain = PLAIN_REFERENCE.exec(body);
    if (plain) {
      const value = this.referenced(sheet, plain.slice(1, 4), depth);
      return value === "" ? 0 : value;
    }
    const mirror = MIRROR.exec(body);
    if (mirror && mirror[4] === body.slice(3, 3 + mirror[4].length))
      return this.referenced(sheet, mirror.slice(1, 4), depth);
    return FORMULA_STAND_IN;
  }

  /** [sheet part with its "!" or undefined, column letters, row digits], from `here`. */
  private referenced(
    here: SheetState,
    [sheetPart, letters, digits]: string[],
    depth: number
  ): FakeValue {
    const sheet = sheetPart ? this.findSheet(unquote(sheetPart.slice(0, -1))) : here;
    if (!sheet) return "#REF!";
    return this.shownValue(
      sheet,
      sheet.cells.get(key(Number(digits), columnNumber(letters))),
      depth + 1
    );
  }

  /** The smallest rectangle holding every value of `rect` (Range.getUsedRangeOrNullObject(true)). */
  usedRectWithin(sheet: SheetState, rect: Rect): Rect | null {
    const used = this.usedRect(sheet);
    if (!used) return null;
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const at of sheet.cells.keys()) {
      const [row, col] = at.split(":").map(Number);
      if (!contains(rect, row, col)) continue;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    if (bottom === 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /**
   * Range.copyFrom(source, "Formulas"), as the reference describes it: a destination an exact
   * multiple of the source repeats it, any other takes one copy from its top-left cell; each formula
   * moves with its cell (relative references shift, $ ones stay); other entries are copied as they
   * are, and an empty source cell empties its destination.
   */
  copyFormulas(from: RangeTarget, to: RangeTarget): void {
    const rows = to.rect.rows % from.rect.rows === 0 ? to.rect.rows : from.rect.rows;
    const cols = to.rect.cols % from.rect.cols === 0 ? to.rect.cols : from.rect.cols;
    const source = Array.from({ length: from.rect.rows }, (_, i) =>
      Array.from({ length: from.rect.cols }, (_, j) =>
        from.sheet.cells.get(key(from.rect.row + i, from.rect.col + j))
      )
    );
    const cut = new Map<string, (down: number, across: number) => string>();
    const shift = (formula: string): ((down: number, across: number) => string) => {
      const known = cut.get(formula) ?? shifter(formula.slice(1));
      cut.set(formula, known);
      return known;
    };
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const cell = source[i % from.rect.rows][j % from.rect.cols];
        const row = to.rect.row + i;
        const col = to.rect.col + j;
        const at = key(row, col);
        if (!cell) {
          to.sheet.cells.delete(at);
          continue;
        }
        const down = row - (from.rect.row + (i % from.rect.rows));
        const across = col - (from.rect.col + (j % from.rect.cols));
        to.sheet.cells.set(
          at,
          cell.formula === undefined
            ? { ...cell }
            : { value: null, formula: `=${shift(cell.formula)(down, across)}` }
        );
      }
    }
  }

  addressOf(sheet: SheetState, rect: Rect): string {
    return `${quoted(sheet.name)}!${a1(rect)}`;
  }

  /** NamedItem.formula as Excel gives it: absolute, "=#REF!$A$1" once the sheet is deleted. */
  nameFormula(named: NameState): string {
    const address = a1(named.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return `=${named.sheet ? quoted(named.sheet.name) : "#REF"}!${address}`;
  }
}

// ---- proxies: queue calls, resolve their object at sync, read only what was loaded -------------

let proxyIds = 0;

abstract class FakeProxy<T> {
  private cached?: { target: T | null };
  protected readonly loaded = new Map<string, unknown>();
  private readonly proxyId = ++proxyIds;
  protected abstract readonly kind: string;

  /** `orNull`: returned by an …OrNullObject call, so it may be a null object. */
  constructor(
    protected readonly excel: FakeExcel,
    private readonly locate: () => T | null,
    private readonly orNull = false
  ) {}

  /** Resolved on first use in a sync, like an Office.js object path, then kept. */
  resolve(): T | null {
    this.cached ??= { target: this.locate() };
    return this.cached.target;
  }

  need(): T {
    const target = this.use("need");
    if (target === null) throw new FakeRichApiError("ItemNotFound", `${this.kind} does not exist`);
    return target;
  }

  /** The object, for a call on it or a navigation from it: refused on a null object (strict). */
  use(what: string): T | null {
    const target = this.resolve();
    if (target === null && this.orNull)
      throw new FakeRichApiError("NullObject", `${this.kind}.${what} used on a null object`);
    return target;
  }

  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  /** Allowed on a null object (it only learns isNullObject), not on what was navigated from one. */
  load(properties: string): this {
    this.excel.record(`${this.kind}.load`, [properties], () => {
      const target = this.resolve();
      this.loaded.set("isNullObject", target === null);
      if (target === null) return;
      const fields = properties.split(",").map((p) => p.trim());
      // A collection's "items/name,items/type" fills its `items`, each item with those fields.
      const itemFields = fields.filter((f) => f.startsWith("items/")).map((f) => f.slice(6));
      if (itemFields.length > 0) this.loaded.set("items", this.itemsOf(target, itemFields));
      for (const field of fields.filter((f) => !f.startsWith("items/")))
        this.loaded.set(field, this.answer(target, field));
    });
    return this;
  }

  /** A property's value as loaded, counted in the sync's response. */
  private answer(target: T, field: string): unknown {
    const value = this.snapshot(target, field);
    this.excel.respond(value);
    return value;
  }

  /** For a collection item loaded with its collection: its fields are those of the same sync. */
  preload(fields: readonly string[]): this {
    const target = this.need();
    this.loaded.set("isNullObject", false);
    for (const field of fields) this.loaded.set(field, this.answer(target, field));
    return this;
  }

  protected snapshot(_target: T, property: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `${this.kind} cannot load ${property}`);
  }

  protected itemsOf(_target: T, fields: string[]): unknown {
    throw new FakeRichApiError("InvalidArgument", `${this.kind} has no items/${fields.join(",")}`);
  }

  protected read<V>(property: string): V {
    if (property !== "isNullObject" && this.loaded.get("isNullObject") === true)
      throw new FakeRichApiError("NullObject", `${this.kind}.${property} read on a null object`);
    if (!this.loaded.has(property))
      throw new FakeRichApiError(
        "PropertyNotLoaded",
        `${this.kind}.${property} was read before load() and sync()`
      );
    return this.loaded.get(property) as V;
  }

  /** Every call but load: on a null object it fails at sync (strict). */
  protected call(name: string, args: unknown[], run?: () => void): void {
    this.excel.record(`${this.kind}.${name}`, args, () => {
      if (this.orNull) this.use(name);
      run?.();
    });
  }

  /** A property navigation (range.worksheet): queued like a call, so a null object refuses it. */
  protected navigate<C>(name: string, child: C): C {
    this.call(name, []);
    return child;
  }

  toJSON(): { object: string } {
    return { object: `${this.kind}#${this.proxyId}` };
  }
}

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

function alive(sheet: SheetState): SheetState {
  if (sheet.deleted) throw new FakeRichApiError("InvalidObjectPath", `sheet ${sheet.name} deleted`);
  return sheet;
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;

  constructor(private readonly excel: FakeExcel) {
    this.worksheets = new FakeWorksheetCollection(excel);
    this.names = new FakeNamedItemCollection(excel);
    this.tables = new FakeTableCollection(excel, undefined);
    this.customXmlParts = new FakeCustomXmlPartCollection(excel, undefined);
  }

  getSelectedRange(): FakeRange {
    this.excel.record("Workbook.getSelectedRange", []);
    return new FakeRange(this.excel, () => this.excel.selected());
  }
}

class FakeWorksheetCollection extends FakeProxy<SheetState[]> {
  protected readonly kind = "WorksheetCollection";

  constructor(excel: FakeExcel) {
    super(excel, () => excel.sheets);
  }

  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>("items");
  }

  protected itemsOf(sheets: SheetState[], fields: string[]): FakeWorksheet[] {
    return sheets.map((sheet) => new FakeWorksheet(this.excel, () => sheet).preload(fields));
  }

  add(name: string): FakeWorksheet {
    let created: SheetState | undefined;
    this.call("add", [name], () => {
      created = this.excel.addSheet(name);
    });
    return new FakeWorksheet(this.excel, () => {
      if (!created) throw new FakeRichApiError("InvalidObjectPath", "sheet not added");
      return alive(created);
    });
  }

  getItem(name: string): FakeWorksheet {
    this.call("getItem", [name]);
    return new FakeWorksheet(this.excel, () => this.excel.sheetNamed(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.call("getItemOrNullObject", [name]);
    return new FakeWorksheet(this.excel, () => this.excel.findSheet(name) ?? null, true);
  }
}

class FakeWorksheet extends FakeProxy<SheetState> {
  protected readonly kind = "Worksheet";

  protected snapshot(sheet: SheetState, property: string): unknown {
    if (property === "name") return sheet.name;
    return super.snapshot(sheet, property);
  }

  get name(): string {
    return this.read<string>("name");
  }

  set name(name: string) {
    this.call("name", [name], () => this.excel.renameSheet(alive(this.need()), name));
  }

  set tabColor(colour: string) {
    this.call("tabColor", [colour], () => (alive(this.need()).tabColor = colour));
  }

  get tables(): FakeTableCollection {
    return this.navigate("tables", new FakeTableCollection(this.excel, this));
  }

  get freezePanes(): {
    freezeAt(range: string): void;
    freezeRows(rows: number): void;
    freezeColumns(cols: number): void;
  } {
    const freeze = (rows: number, cols: number) => () => {
      alive(this.need()).freeze = { rows, cols };
    };
    return {
      freezeAt: (address: string) => {
        const rect = parseAddress(address);
        this.call(
          "freezeAt",
          [address],
          freeze(rect.row + rect.rows - 1, rect.col + rect.cols - 1)
        );
      },
      freezeRows: (rows: number) => this.call("freezeRows", [rows], freeze(rows, 0)),
      freezeColumns: (cols: number) => this.call("freezeColumns", [cols], freeze(0, cols)),
    };
  }

  get pageLayout(): { orientation: string; zoom: unknown; setPrintArea(area: string): void } {
    const layout = (): SheetState["pageLayout"] => alive(this.need()).pageLayout;
    const call = this.call.bind(this);
    const excel = this.excel;
    return {
      setPrintArea(area: string) {
        call("pageLayout.setPrintArea", [area], () => (layout().printArea = area));
      },
      set orientation(orientation: string) {
        call("pageLayout.orientation", [orientation], () => {
          excel.requireApi("1.9", "Worksheet.pageLayout");
          layout().orientation = orientation;
        });
      },
      get orientation(): string {
        throw new FakeRichApiError("PropertyNotLoaded", "pageLayout.orientation");
      },
      set zoom(zoom: unknown) {
        call("pageLayout.zoom", [zoom], () => {
          excel.requireApi("1.9", "Worksheet.pageLayout");
          layout().zoom = zoom;
        });
      },
      get zoom(): unknown {
        throw new FakeRichApiError("PropertyNotLoaded", "pageLayout.zoom");
      },
    };
  }

  getRange(address: string): FakeRange {
    this.call("getRange", [address]);
    return new FakeRange(this.excel, () => {
      const sheet = this.use("getRange");
      return sheet && { sheet: alive(sheet), rect: parseAddress(address) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.call("getUsedRangeOrNullObject", [valuesOnly ?? false]);
    return new FakeRange(
      this.excel,
      () => {
        const sheet = this.use("getUsedRangeOrNullObject");
        const rect = sheet && this.excel.usedRect(alive(sheet));
        return sheet && rect ? { sheet, rect } : null;
      },
      true
    );
  }

  delete(): void {
    this.call("delete", [], () => this.excel.deleteSheet(alive(this.need())));
  }

  activate(): void {
    this.call("activate", [], () => this.excel.activate(alive(this.need())));
  }
}

class FakeRange extends FakeProxy<RangeTarget> {
  protected readonly kind = "Range";

  protected snapshot(target: RangeTarget, property: string): unknown {
    switch (property) {
      case "address":
        return this.excel.addressOf(target.sheet, target.rect);
      case "values":
        return this.excel.valuesOf(target.sheet, target.rect);
      default:
        return super.snapshot(target, property);
    }
  }

  get address(): string {
    return this.read<string>("address");
  }

  /** Null over valuesCellLimit cells. */
  get values(): FakeValue[][] | null {
    return this.read<FakeValue[][] | null>("values");
  }

  set values(values: unknown[][]) {
    this.call("values", [values], () => this.write(values));
  }

  get formulas(): unknown[][] {
    return this.read<unknown[][]>("formulas");
  }

  set formulas(formulas: unknown[][]) {
    this.call("formulas", [formulas], () => this.write(formulas));
  }

  /** ExcelApi 1.7: Excel's picture of the range, base64 PNG; here a stand-in that names it. */
  getImage(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.call("getImage", [], () => {
      const { sheet, rect } = this.need();
      result.set(Buffer.from(`PNG of ${this.excel.addressOf(sheet, rect)}`).toString("base64"));
    });
    return result;
  }

  /** Excel turns each R1C1 formula into the A1 formula of its own cell. */
  set formulasR1C1(formulas: unknown[][]) {
    this.call("formulasR1C1", [formulas], () => {
      const { rect } = this.need();
      this.write(
        formulas.map((line, i) =>
          line.map((cell, j) =>
            typeof cell === "string" && cell.startsWith("=")
              ? r1c1ToA1(cell, rect.row + i, rect.col + j)
              : cell
          )
        )
      );
    });
  }

  set columnHidden(hidden: boolean) {
    this.call("columnHidden", [hidden], () => {
      const { sheet, rect } = this.need();
      for (let col = rect.col; col < rect.col + rect.cols; col++)
        if (hidden) sheet.hiddenColumns.add(col);
        else sheet.hiddenColumns.delete(col);
    });
  }

  set numberFormat(formats: unknown[][]) {
    this.call("numberFormat", [formats], () => {
      const { sheet, rect } = this.need();
      if (formats.length !== rect.rows || formats.some((line) => line.length !== rect.cols))
        throw new FakeRichApiError("InvalidArgument", "numberFormat array size");
      sheet.formats.push({ rect, property: "numberFormat", value: formats[0][0] });
    });
  }

  private write(rows: unknown[][]): void {
    const { sheet, rect } = this.need();
    this.excel.writeCells(sheet, rect, rows);
  }

  get worksheet(): FakeWorksheet {
    const sheet = new FakeWorksheet(this.excel, () => this.use("worksheet")?.sheet ?? null);
    return this.navigate("worksheet", sheet);
  }

  /** ExcelApi 1.9; the fake copies formulas only, from a Range (never an address). */
  copyFrom(source: FakeRange, copyType = "All", skipBlanks = false, transpose = false): void {
    this.call("copyFrom", [source, copyType, skipBlanks, transpose], () => {
      this.excel.requireApi("1.9", "Range.copyFrom");
      if (!(source instanceof FakeRange) || copyType !== "Formulas" || skipBlanks || transpose)
        throw new FakeRichApiError("InvalidArgument", "the fake copies formulas from a Range only");
      this.excel.copyFormulas(source.need(), this.need());
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.call("getUsedRangeOrNullObject", [valuesOnly ?? false]);
    return new FakeRange(
      this.excel,
      () => {
        const range = this.use("getUsedRangeOrNullObject");
        const rect = range && this.excel.usedRectWithin(range.sheet, range.rect);
        return range && rect ? { sheet: range.sheet, rect } : null;
      },
      true
    );
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this, "");
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }

  get conditionalFormats(): { add(type: string): FakeConditionalFormat } {
    return {
      add: (type: string) => {
        let record: ConditionalFormatRecord | undefined;
        this.call("conditionalFormats.add", [type], () => {
          const { sheet, rect } = this.need();
          if (!["ColorScale", "Custom", "CellValue"].includes(type))
            throw new FakeRichApiError("InvalidArgument", `conditional format type ${type}`);
          record = { rect, type };
          sheet.conditionalFormats.push(record);
        });
        return new FakeConditionalFormat(this.excel, () => record ?? null);
      },
    };
  }

  /** Used by the format proxies: queue one property set on this range. */
  setFormat(property: string, value: unknown): void {
    this.call(`format.${property}`, [value], () => {
      const { sheet, rect } = this.need();
      sheet.formats.push({ rect, property, value });
      if (property === "columnWidth")
        for (let col = rect.col; col < rect.col + rect.cols; col++)
          sheet.columnWidths.set(col, value as number);
      if (property === "rowHeight")
        for (let row = rect.row; row < rect.row + Math.min(rect.rows, 1000); row++)
          sheet.rowHeights.set(row, value as number);
    });
  }

  setValidation(field: "rule" | "errorAlert" | "prompt", value: unknown): void {
    this.call(`dataValidation.${field}`, [value], () => {
      const { sheet, rect } = this.need();
      let record = sheet.validations.find((v) => a1(v.rect) === a1(rect));
      if (!record) {
        record = { rect };
        sheet.validations.push(record);
      }
      record[field] = value;
    });
  }
}

/** Write-only format properties, recorded on the range under their path ("font.bold"). */
class FakeRangeFormat {
  constructor(
    private readonly range: FakeRange,
    private readonly prefix: string
  ) {}

  private set(property: string, value: unknown): void {
    this.range.setFormat(`${this.prefix}${property}`, value);
  }

  get font(): FakeFont {
    return new FakeFont((property, value) => this.set(`font.${property}`, value));
  }

  get fill(): { color: string } {
    const set = (value: string): void => this.set("fill.color", value);
    return {
      set color(value: string) {
        set(value);
      },
      get color(): string {
        throw new FakeRichApiError("PropertyNotLoaded", "fill.color");
      },
    };
  }

  get borders(): {
    getItem(index: string): { style: string; color: string; weight: string };
  } {
    return {
      getItem: (index: string) => {
        const set = (property: string, value: string): void =>
          this.set(`borders.${index}.${property}`, value);
        return {
          set style(value: string) {
            set("style", value);
          },
          get style(): string {
            throw new FakeRichApiError("PropertyNotLoaded", "border.style");
          },
          set color(value: string) {
            set("color", value);
          },
          get color(): string {
            throw new FakeRichApiError("PropertyNotLoaded", "border.color");
          },
          set weight(value: string) {
            set("weight", value);
          },
          get weight(): string {
            throw new FakeRichApiError("PropertyNotLoaded", "border.weight");
          },
        };
      },
    };
  }

  set wrapText(value: boolean) {
    this.set("wrapText", value);
  }
  set horizontalAlignment(value: string) {
    this.set("horizontalAlignment", value);
  }
  set verticalAlignment(value: string) {
    this.set("verticalAlignment", value);
  }
  set textOrientation(value: number) {
    this.set("textOrientation", value);
  }
  set columnWidth(value: number) {
    this.set("columnWidth", value);
  }
  set rowHeight(value: number) {
    this.set("rowHeight", value);
  }
}

class FakeFont {
  constructor(private readonly set: (property: string, value: unknown) => void) {}
  set bold(value: boolean) {
    this.set("bold", value);
  }
  set italic(value: boolean) {
    this.set("italic", value);
  }
  set size(value: number) {
    this.set("size", value);
  }
  set color(value: string) {
    this.set("color", value);
  }
}

class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}
  set rule(value: unknown) {
    this.range.setValidation("rule", value);
  }
  set errorAlert(value: unknown) {
    this.range.setValidation("errorAlert", value);
  }
  set prompt(value: unknown) {
    this.range.setValidation("prompt", value);
  }
}

class FakeConditionalFormat extends FakeProxy<ConditionalFormatRecord> {
  protected readonly kind = "ConditionalFormat";

  private update(
    name: string,
    value: unknown,
    type: string,
    apply: (r: ConditionalFormatRecord) => void
  ): void {
    this.call(name, [value], () => {
      const record = this.need();
      if (record.type !== type)
        throw new FakeRichApiError("InvalidOperation", `${name} on a ${record.type} format`);
      apply(record);
    });
  }

  get colorScale(): { criteria: unknown } {
    const update = this.update.bind(this);
    return {
      set criteria(criteria: unknown) {
        update("colorScale.criteria", criteria, "ColorScale", (r) => (r.criteria = criteria));
      },
      get criteria(): unknown {
        throw new FakeRichApiError("PropertyNotLoaded", "colorScale.criteria");
      },
    };
  }

  get cellValue(): { rule: unknown; format: { font: { color: string } } } {
    const update = this.update.bind(this);
    const notLoaded = (what: string): never => {
      throw new FakeRichApiError("PropertyNotLoaded", what);
    };
    return {
      set rule(rule: unknown) {
        update("cellValue.rule", rule, "CellValue", (r) => (r.cellRule = rule));
      },
      get rule(): unknown {
        return notLoaded("cellValue.rule");
      },
      format: {
        font: {
          set color(colour: string) {
            update(
              "cellValue.format.font.color",
              colour,
              "CellValue",
              (r) => (r.fontColour = colour)
            );
          },
          get color(): string {
            return notLoaded("cellValue.format.font.color");
          },
        },
      },
    };
  }

  get custom(): {
    rule: { formula: string };
    format: {
      fill: { color: string };
      font: { color: string; bold: boolean; italic: boolean };
      borders: { getItem(side: string): { style: string; color: string } };
    };
  } {
    const update = this.update.bind(this);
    const notLoaded = (what: string): never => {
      throw new FakeRichApiError("PropertyNotLoaded", what);
    };
    return {
      rule: {
        set formula(formula: string) {
          update("custom.rule.formula", formula, "Custom", (r) => (r.formula = formula));
        },
        get formula(): string {
          return notLoaded("custom.rule.formula");
        },
      },
      format: {
        fill: {
          set color(colour: string) {
            update("custom.format.fill.color", colour, "Custom", (r) => (r.fill = colour));
          },
          get color(): string {
            return notLoaded("custom.format.fill.color");
          },
        },
        font: {
          set color(colour: string) {
            update("custom.format.font.color", colour, "Custom", (r) => (r.fontColour = colour));
          },
          get color(): string {
            return notLoaded("custom.format.font.color");
          },
          set bold(bold: boolean) {
            update("custom.format.font.bold", bold, "Custom", (r) => (r.bold = bold));
          },
          get bold(): boolean {
            return notLoaded("custom.format.font.bold");
          },
          set italic(italic: boolean) {
            update("custom.format.font.italic", italic, "Custom", (r) => (r.italic = italic));
          },
          get italic(): boolean {
            return notLoaded("custom.format.font.italic");
          },
        },
        borders: {
          getItem(side: string): { style: string; color: string } {
            const border = (property: "style" | "color", value: string): void =>
              update(`custom.format.borders.${side}.${property}`, value, "Custom", (r) => {
                r.borders = { ...r.borders, [side]: { ...r.borders?.[side], [property]: value } };
              });
            return {
              set style(style: string) {
                border("style", style);
              },
              get style(): string {
                return notLoaded(`custom.format.borders.${side}.style`);
              },
              set color(colour: string) {
                border("color", colour);
              },
              get color(): string {
                return notLoaded(`custom.format.borders.${side}.color`);
              },
            };
          },
        },
      },
    };
  }
}

class FakeNamedItemCollection extends FakeProxy<NameState[]> {
  protected readonly kind = "NamedItemCollection";

  constructor(excel: FakeExcel) {
    super(excel, () => excel.allNames());
  }

  get items(): FakeNamedItem[] {
    return this.read<FakeNamedItem[]>("items");
  }

  protected itemsOf(names: NameState[], fields: string[]): FakeNamedItem[] {
    return names.map((named) => new FakeNamedItem(this.excel, () => named).preload(fields));
  }

  add(name: string, reference: FakeRange): FakeNamedItem {
    this.call("add", [name, reference], () => {
      const { sheet, rect } = reference.need();
      this.excel.addName(name, alive(sheet), rect);
    });
    return new FakeNamedItem(this.excel, () => this.excel.findName(name) ?? null);
  }

  getItem(name: string): FakeNamedItem {
    this.call("getItem", [name]);
    return new FakeNamedItem(this.excel, () => {
      const named = this.excel.findName(name);
      if (!named) throw new FakeRichApiError("ItemNotFound", `no name ${name}`);
      return named;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.call("getItemOrNullObject", [name]);
    return new FakeNamedItem(this.excel, () => this.excel.findName(name) ?? null, true);
  }
}

class FakeNamedItem extends FakeProxy<NameState> {
  protected readonly kind = "NamedItem";

  protected snapshot(named: NameState, property: string): unknown {
    switch (property) {
      case "name":
        return named.name;
      // Only ranges here: a name whose sheet was deleted evaluates to an error.
      case "type":
        return named.sheet ? "Range" : "Error";
      case "formula":
        return this.excel.nameFormula(named);
      default:
        return super.snapshot(named, property);
    }
  }

  get name(): string {
    return this.read<string>("name");
  }

  get type(): string {
    return this.read<string>("type");
  }

  get formula(): string {
    return this.read<string>("formula");
  }

  getRangeOrNullObject(): FakeRange {
    this.call("getRangeOrNullObject", []);
    return new FakeRange(
      this.excel,
      () => {
        const named = this.use("getRangeOrNullObject");
        return named && named.sheet ? { sheet: named.sheet, rect: named.rect } : null;
      },
      true
    );
  }

  delete(): void {
    this.call("delete", [], () => this.excel.deleteName(this.need()));
  }
}

/** The workbook's tables, or a sheet's. */
class FakeTableCollection extends FakeProxy<TableState[]> {
  protected readonly kind = "TableCollection";

  constructor(
    excel: FakeExcel,
    private readonly sheet: FakeWorksheet | undefined
  ) {
    super(excel, () => {
      const owner = sheet?.need();
      return excel.allTables().filter((table) => !owner || table.sheet === owner);
    });
  }

  get items(): FakeTable[] {
    return this.read<FakeTable[]>("items");
  }

  protected itemsOf(tables: TableState[], fields: string[]): FakeTable[] {
    return tables.map((table) => new FakeTable(this.excel, () => table).preload(fields));
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    let created: TableState | undefined;
    this.call("add", [address, hasHeaders], () => {
      if (!this.sheet || !hasHeaders)
        throw new FakeRichApiError(
          "InvalidArgument",
          "the fake adds tables with headers to sheets"
        );
      created = this.excel.createTable(alive(this.sheet.need()), parseAddress(address));
    });
    return new FakeTable(this.excel, () => created ?? null);
  }

  /** As Excel: a missing table is an error (ItemNotFound) at sync, not a null object. */
  getItem(name: string): FakeTable {
    this.call("getItem", [name]);
    return new FakeTable(this.excel, () => {
      const table = this.excel.findTable(name);
      if (!table) throw new FakeRichApiError("ItemNotFound", `no table ${name}`);
      return table;
    });
  }

  getItemOrNullObject(name: string): FakeTable {
    this.call("getItemOrNullObject", [name]);
    return new FakeTable(this.excel, () => this.excel.findTable(name) ?? null, true);
  }
}

class FakeTable extends FakeProxy<TableState> {
  protected readonly kind = "Table";

  protected snapshot(table: TableState, property: string): unknown {
    if (property === "name") return table.name;
    if (property === "worksheet/name") return table.sheet.name;
    return super.snapshot(table, property);
  }

  get name(): string {
    return this.read<string>("name");
  }

  /** Navigation only: its name is readable when "worksheet/name" was loaded with the table. */
  get worksheet(): { name: string } {
    const name = (): string => this.read<string>("worksheet/name");
    return {
      get name(): string {
        return name();
      },
    };
  }

  set name(name: string) {
    this.call("name", [name], () => this.excel.renameTable(this.need(), name));
  }

  set style(style: string) {
    this.call("style", [style], () => (this.need().style = style));
  }

  getRange(): FakeRange {
    this.call("getRange", []);
    return new FakeRange(this.excel, () => {
      const table = this.use("getRange");
      return table && { sheet: table.sheet, rect: table.rect };
    });
  }
}

/** R1C1 → A1 for the cell at (row, col), as Excel resolves it (the layout's own converter). */
export const r1c1ToA1 = fromR1C1;

/** A defined or table name Excel refuses because it reads as a cell: "AB12", "R1C1", "R", "C12". */
function readsAsReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && columnNumber(a1[1]) <= MAX_COLS && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS)
    return true;
  return /^(R|C|R\d+|C\d+|R\d*C\d*)$/i.test(name);
}

/**
 * An A1 formula as it reads once moved `down` rows and `across` columns, as Excel's copy and paste
 * does it: each relative part of a cell reference moves, a $ part stays; a reference pushed off the
 * sheet becomes #REF!. Text in double quotes, quoted sheet names, a sheet name before "!", function
 * names before "(" and other names are left alone. Whole rows or columns (A:A) are not handled:
 * nothing the host copies uses them. (Written for the fake, apart from the layout's own R1C1 code.)
 */
export function shiftFormula(formula: string, down: number, across: number): string {
  return shifter(formula)(down, across);
}

/** The formula cut once into fixed text and references, for shifting it many times over. */
function shifter(formula: string): (down: number, across: number) => string {
  const word = /[A-Za-z0-9_.$\\]+/y;
  const parts: (string | { reference: string })[] = [];
  let text = "";
  let at = 0;
  while (at < formula.length) {
    const here = formula[at];
    if (here === '"' || here === "'") {
      const end = closingQuote(formula, at);
      text += formula.slice(at, end + 1);
      at = end + 1;
      continue;
    }
    word.lastIndex = at;
    const found = word.exec(formula)?.[0];
    if (found === undefined) {
      text += here;
      at += 1;
      continue;
    }
    const next = formula[at + found.length];
    if (next === "(" || next === "!" || !/^\$?[A-Za-z]{1,3}\$?\d+$/.test(found)) text += found;
    else {
      parts.push(text, { reference: found });
      text = "";
    }
    at += found.length;
  }
  parts.push(text);
  return (down, across) =>
    parts
      .map((part) =>
        typeof part === "string" ? part : shiftedReference(part.reference, down, across)
      )
      .join("");
}

/** Index of the quote closing the one at `start` (a doubled quote inside is part of the text). */
function closingQuote(formula: string, start: number): number {
  const quote = formula[start];
  let at = start + 1;
  while (at < formula.length) {
    if (formula[at] === quote && formula[at + 1] === quote) at += 2;
    else if (formula[at] === quote) return at;
    else at += 1;
  }
  return formula.length - 1;
}

function shiftedReference(word: string, down: number, across: number): string {
  const parts = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(word);
  if (!parts) return word;
  const [, colFixed, letters, rowFixed, digits] = parts;
  const col = columnNumber(letters);
  const row = Number(digits);
  if (col > MAX_COLS || row < 1 || row > MAX_ROWS) return word;
  const newCol = colFixed ? col : col + across;
  const newRow = rowFixed ? row : row + down;
  if (newCol < 1 || newCol > MAX_COLS || newRow < 1 || newRow > MAX_ROWS) return "#REF!";
  return `${colFixed}${columnLetters(newCol)}${rowFixed}${newRow}`;
}

/** A value computed at sync, as OfficeExtension.ClientResult: read before the sync, it throws. */
class FakeClientResult<T> {
  private result?: { value: T };

  set(value: T): void {
    this.result = { value };
  }

  get value(): T {
    if (!this.result)
      throw new FakeRichApiError("PropertyNotLoaded", "ClientResult.value read before sync()");
    return this.result.value;
  }
}

/** The workbook's custom XML parts, or those of one namespace (getByNamespace). */
class FakeCustomXmlPartCollection extends FakeProxy<CustomXmlPartState[]> {
  protected readonly kind: string;

  constructor(excel: FakeExcel, namespace: string | undefined) {
    super(excel, () =>
      namespace === undefined ? [...excel.customXmlParts] : excel.customXmlPartsIn(namespace)
    );
    this.kind =
      namespace === undefined ? "CustomXmlPartCollection" : "CustomXmlPartScopedCollection";
  }

  get items(): FakeCustomXmlPart[] {
    return this.read<FakeCustomXmlPart[]>("items");
  }

  protected itemsOf(parts: CustomXmlPartState[], fields: string[]): FakeCustomXmlPart[] {
    return parts.map((part) => new FakeCustomXmlPart(this.excel, () => part).preload(fields));
  }

  add(xml: string): FakeCustomXmlPart {
    let created: CustomXmlPartState | undefined;
    this.call("add", [xml], () => {
      created = this.excel.addCustomXmlPart(xml);
    });
    return new FakeCustomXmlPart(this.excel, () => created ?? null);
  }

  getByNamespace(namespace: string): FakeCustomXmlPartCollection {
    this.call("getByNamespace", [namespace]);
    return new FakeCustomXmlPartCollection(this.excel, namespace);
  }

  getItem(id: string): FakeCustomXmlPart {
    this.call("getItem", [id]);
    return new FakeCustomXmlPart(this.excel, () => {
      const part = this.excel.findCustomXmlPart(id);
      if (!part) throw new FakeRichApiError("ItemNotFound", `no custom XML part ${id}`);
      return part;
    });
  }
}

class FakeCustomXmlPart extends FakeProxy<CustomXmlPartState> {
  protected readonly kind = "CustomXmlPart";

  protected snapshot(part: CustomXmlPartState, property: string): unknown {
    if (property === "id") return part.id;
    if (property === "namespaceUri") return rootNamespace(part.xml);
    return super.snapshot(part, property);
  }

  get id(): string {
    return this.read<string>("id");
  }

  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.call("getXml", [], () => result.set(this.need().xml));
    return result;
  }

  setXml(xml: string): void {
    this.call("setXml", [xml], () => (this.need().xml = xml));
  }

  delete(): void {
    this.call("delete", [], () => this.excel.deleteCustomXmlPart(this.need()));
  }
}
