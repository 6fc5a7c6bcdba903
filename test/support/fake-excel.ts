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
 * Null objects are strict: Excel does not document what a call on a null object does, so here any
 * call on one, or on anything navigated from one, fails at sync (code "NullObject", the fake's own),
 * and so does reading any of its properties but isNullObject. Loading it stays allowed: that is how
 * isNullObject is learnt. A host that chains from a possibly-null object fails its tests.
 */
import { Rect, columnLetters, columnNumber } from "../../src/layout/a1";

export type FakeValue = string | number | boolean;

export interface FakeCell {
  /** Null for a formula (the fake computes nothing). */
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
  fill?: string;
  fontColour?: string;
  bold?: boolean;
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

export class FakeRichApiError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
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

function unquote(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

interface Pending {
  call: string;
  run: () => void;
}

export class FakeExcel {
  readonly sheets: SheetState[] = [];
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
  private pending: Pending[] = [];
  private pendingBytes = 0;
  private failWhen?: (call: string) => boolean;

  constructor(sheetNames: string[] = ["Feuil1"]) {
    for (const name of sheetNames) this.addSheet(name);
  }

  /** Stands for Excel.run: a new context each time, so nothing loaded by an earlier batch leaks in. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = { workbook: new FakeWorkbook(this), sync: () => this.sync() };
    return batch(context as unknown as Excel.RequestContext);
  };

  get maxRequestBytes(): number {
    return this.requestBytes.reduce((max, bytes) => Math.max(max, bytes), 0);
  }

  resetCounters(): void {
    this.syncs = 0;
    this.calls = 0;
    this.callCounts.clear();
    this.requestBytes.length = 0;
  }

  /** Makes the next sync fail when it reaches a call whose name matches (e.g. "TableCollection.add"). */
  failAt(matches: (call: string) => boolean): void {
    this.failWhen = matches;
  }

  // ---- queue and sync --------------------------------------------------------------------------

  record(call: string, args: unknown[], run: () => void = () => undefined): void {
    this.calls += 1;
    this.callCounts.set(call, (this.callCounts.get(call) ?? 0) + 1);
    this.pendingBytes += jsonBytes(args);
    this.pending.push({ call, run });
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    this.syncs += 1;
    this.requestBytes.push(this.pendingBytes);
    const work = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    // Like Excel: what ran before a failing call stays done; what follows it is dropped.
    for (const { call, run } of work) {
      if (this.failWhen?.(call)) {
        this.failWhen = undefined;
        throw new FakeRichApiError("GeneralException", `injected failure at ${call}`);
      }
      run();
    }
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
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name))
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

  valuesOf(sheet: SheetState, rect: Rect): FakeValue[][] {
    return Array.from({ length: rect.rows }, (_, i) =>
      Array.from({ length: rect.cols }, (_, j) => {
        const cell = sheet.cells.get(key(rect.row + i, rect.col + j));
        return cell?.value ?? "";
      })
    );
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
  private readonly id = ++proxyIds;
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
        this.loaded.set(field, this.snapshot(target, field));
    });
    return this;
  }

  /** For a collection item loaded with its collection: its fields are those of the same sync. */
  preload(fields: readonly string[]): this {
    const target = this.need();
    this.loaded.set("isNullObject", false);
    for (const field of fields) this.loaded.set(field, this.snapshot(target, field));
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
    return { object: `${this.kind}#${this.id}` };
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

  constructor(private readonly excel: FakeExcel) {
    this.worksheets = new FakeWorksheetCollection(excel);
    this.names = new FakeNamedItemCollection(excel);
    this.tables = new FakeTableCollection(excel, undefined);
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
    return {
      setPrintArea(area: string) {
        call("pageLayout.setPrintArea", [area], () => (layout().printArea = area));
      },
      set orientation(orientation: string) {
        call("pageLayout.orientation", [orientation], () => (layout().orientation = orientation));
      },
      get orientation(): string {
        throw new FakeRichApiError("PropertyNotLoaded", "pageLayout.orientation");
      },
      set zoom(zoom: unknown) {
        call("pageLayout.zoom", [zoom], () => (layout().zoom = zoom));
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

  get values(): FakeValue[][] {
    return this.read<FakeValue[][]>("values");
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
          if (!["ColorScale", "Custom"].includes(type))
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

  get borders(): { getItem(index: string): { style: string; color: string } } {
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

  get custom(): {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
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
    return super.snapshot(table, property);
  }

  get name(): string {
    return this.read<string>("name");
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

/**
 * R1C1 → A1 for the cell at (row, col), as Excel resolves it: R and C alone are this row or column,
 * R[n] / C[n] are relative, Rn / Cn absolute. Text in double quotes and quoted sheet names are
 * left as they are.
 */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  const token =
    /"(?:[^"]|"")*"|'(?:[^']|'')*'!|(?<![A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_.(])/g;
  return formula.replace(token, (whole, r?: string, c?: string) => {
    if (whole.startsWith('"') || whole.startsWith("'")) return whole;
    const part = (spec: string | undefined, here: number): [number, boolean] => {
      if (spec === undefined) return [here, false];
      if (spec.startsWith("[")) return [here + Number(spec.slice(1, -1)), false];
      return [Number(spec), true];
    };
    const [refRow, rowAbs] = part(r, row);
    const [refCol, colAbs] = part(c, col);
    return `${colAbs ? "$" : ""}${columnLetters(refCol)}${rowAbs ? "$" : ""}${refRow}`;
  });
}
