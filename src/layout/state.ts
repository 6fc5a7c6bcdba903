/**
 * The add-in's own state, kept in the document (a custom XML part, written by both hosts): the
 * layout version and what the add-in owns there (its sheets by role, its defined names, its table).
 * Ownership then rests on what the add-in wrote, not on a guess from "SM_" names; a workbook written
 * by a newer layout is refused rather than half-understood. Pure: no Office, no Node.
 *
 *   <state xmlns="urn:segment-matrix:state" layoutVersion="3">
 *     <sheet role="ticks" name="Qui ressent quoi"/> … <name value="SM_Ticks"/> … <table value="SM_Ratings"/>
 *     <extent sheet="Qui ressent quoi" rows="205" cols="202"/> …
 *   </state>
 *
 * The extents (rows and columns each sheet was planned with, from A1) let a reader size its limits
 * to the workbook the add-in wrote rather than to fixed numbers (hosts/xlsx/read.ts); readers that
 * do not know them skip them, so they need no new layout version.
 */
import { EXCEL_LIMITS } from "./limits";
import { SheetPlan, WorkbookPlan } from "./plan";

/** The same for every version, so that any version's part is found (getByNamespace). */
export const STATE_NAMESPACE = "urn:segment-matrix:state";

/**
 * The layout this code writes and reads. Workbooks without a state are layout 0 (built before the
 * state existed): read as before, and given a state by the next build. Layout 2 moved rows of
 * Segments (the mean competition, the trimming funnel) and added the Diagnostic sheet: this code
 * still reads layout 1 at its own rows (found by its names), while an add-in that knows only
 * layout 1 refuses a layout-2 workbook rather than read it a row off or drop what it cannot see.
 * Layout 3 added the figures' source under the basket on Segments (SM_SegmentSource), moving the
 * rows below it: layout 2 is still read at its own rows, and an add-in knowing only layout 2
 * refuses a layout-3 workbook.
 */
export const LAYOUT_VERSION = 3;

export interface DocumentState {
  layoutVersion: number;
  sheets: { role: string; name: string }[];
  names: string[];
  tables: string[];
  /** The rows and columns each sheet was planned with, from A1 (absent in older workbooks). */
  extents?: SheetExtent[];
}

export interface SheetExtent {
  sheet: string;
  rows: number;
  cols: number;
}

const GRID_ROWS = EXCEL_LIMITS.rows;
const GRID_COLS = EXCEL_LIMITS.cols;

/** What a host found in the document. */
export type StateRead =
  | { kind: "ok"; state: DocumentState }
  /** Written by a newer Segment Matrix: not to be read or replaced by this one. */
  | { kind: "newer"; version: number }
  | { kind: "damaged"; detail: string };

export function planState(plan: WorkbookPlan): DocumentState {
  return {
    layoutVersion: LAYOUT_VERSION,
    sheets: plan.sheets.map((sheet) => ({ role: sheet.role, name: sheet.name })),
    names: plan.names.map((name) => name.name),
    tables: plan.sheets.flatMap((sheet) => sheet.tables.map((table) => table.name)),
    extents: plan.sheets.map(planExtent),
  };
}

/** From A1 to the farthest cell the plan writes a value or a formula in. */
function planExtent(sheet: SheetPlan): SheetExtent {
  let rows = 1;
  let cols = 1;
  for (const block of sheet.blocks) {
    rows = Math.max(rows, block.row + block.values.length - 1);
    for (const line of block.values) cols = Math.max(cols, block.col + line.length - 1);
  }
  for (const { rect } of sheet.fills) {
    rows = Math.max(rows, rect.row + rect.rows - 1);
    cols = Math.max(cols, rect.col + rect.cols - 1);
  }
  return { sheet: sheet.name, rows, cols };
}

export function stateToXml(state: DocumentState): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<state xmlns="${STATE_NAMESPACE}" layoutVersion="${state.layoutVersion}">`,
    ...state.sheets.map(
      (sheet) => `  <sheet role="${attribute(sheet.role)}" name="${attribute(sheet.name)}"/>`
    ),
    ...state.names.map((name) => `  <name value="${attribute(name)}"/>`),
    ...state.tables.map((table) => `  <table value="${attribute(table)}"/>`),
    ...(state.extents ?? []).map(
      (extent) =>
        `  <extent sheet="${attribute(extent.sheet)}" rows="${extent.rows}" cols="${extent.cols}"/>`
    ),
    "</state>",
  ];
  return lines.join("\n");
}

/** Parses the part; undefined when it is not the add-in's. */
export function stateFromXml(xml: string): StateRead | undefined {
  let version: number | undefined;
  const state: DocumentState = { layoutVersion: 0, sheets: [], names: [], tables: [] };
  try {
    let first = true;
    for (const element of elements(xml)) {
      if (first) {
        first = false;
        const ns = element.attributes.get(`xmlns${element.prefix ? ":" + element.prefix : ""}`);
        if (ns !== STATE_NAMESPACE || element.local !== "state") return undefined;
        version = Number(element.attributes.get("layoutVersion"));
        if (!Number.isInteger(version) || version < 1)
          return { kind: "damaged", detail: "layoutVersion" };
        if (version > LAYOUT_VERSION) return { kind: "newer", version };
        state.layoutVersion = version;
        continue;
      }
      const value = element.attributes.get("value");
      if (element.local === "sheet") {
        const role = element.attributes.get("role");
        const name = element.attributes.get("name");
        if (role === undefined || name === undefined) return { kind: "damaged", detail: "sheet" };
        state.sheets.push({ role, name });
      } else if (element.local === "name" && value !== undefined) {
        state.names.push(value);
      } else if (element.local === "table" && value !== undefined) {
        state.tables.push(value);
      } else if (element.local === "extent") {
        const extent = readExtent(element.attributes);
        if (!extent) return { kind: "damaged", detail: "extent" };
        (state.extents ??= []).push(extent);
      }
    }
  } catch (failure) {
    return {
      kind: "damaged",
      detail: failure instanceof Error ? failure.message : String(failure),
    };
  }
  return version === undefined ? undefined : { kind: "ok", state };
}

/** A sheet's declared extent: whole numbers within Excel's grid, or nothing (a damaged state). */
function readExtent(attributes: Map<string, string>): SheetExtent | undefined {
  const sheet = attributes.get("sheet");
  const rows = Number(attributes.get("rows"));
  const cols = Number(attributes.get("cols"));
  const fits = (n: number, most: number): boolean => Number.isInteger(n) && n >= 1 && n <= most;
  return sheet !== undefined && fits(rows, GRID_ROWS) && fits(cols, GRID_COLS)
    ? { sheet, rows, cols }
    : undefined;
}

function attribute(text: string): string {
  return text.replace(/[&<>"'\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

interface Element {
  prefix: string;
  local: string;
  attributes: Map<string, string>;
}

/** Parts that are not the add-in's state are not read past this (the state is a few kilobytes). */
const MAX_ELEMENTS = 100000;

/**
 * Start tags of a small XML document, in order, with their attributes decoded. Enough for the
 * state, which is all attributes; written here so the layout needs no XML library in the pane.
 * One pass from left to right with indexOf: every search starts where the last one ended, so the
 * time is linear in the text whatever it holds (400 000 "<!--" are one search for "-->").
 */
function* elements(xml: string): Generator<Element> {
  const malformed = (): Error => new Error("malformed XML");
  let at = 0;
  let count = 0;
  for (;;) {
    const open = xml.indexOf("<", at);
    const text = xml.slice(at, open < 0 ? xml.length : open);
    if (text.includes(">")) throw malformed();
    if (open < 0) return;
    if (xml.startsWith("<!--", open)) at = after(xml, "-->", open + 4);
    else if (xml.startsWith("<?", open)) at = after(xml, "?>", open + 2);
    else if (xml.startsWith("<![CDATA[", open)) at = after(xml, "]]>", open + 9);
    else if (xml.startsWith("<!DOCTYPE", open)) throw new Error("DOCTYPE not allowed");
    else if (xml.startsWith("</", open)) {
      const close = xml.indexOf(">", open);
      if (close < 0 || xml.slice(open + 2, close).includes("<")) throw malformed();
      at = close + 1;
    } else {
      if (++count > MAX_ELEMENTS) throw new Error("too many elements");
      const tag = startTag(xml, open + 1);
      at = tag.end;
      yield tag.element;
    }
  }
}

/** The index just past the first `end` from `from`. */
function after(xml: string, end: string, from: number): number {
  const found = xml.indexOf(end, from);
  if (found < 0) throw new Error("malformed XML");
  return found + end.length;
}

const isSpace = (ch: string): boolean => ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
const isNameStart = (ch: string): boolean =>
  (ch >= "A" && ch <= "Z") || (ch >= "a" && ch <= "z") || ch === "_";
const isNameChar = (ch: string): boolean =>
  isNameStart(ch) || (ch >= "0" && ch <= "9") || ch === "." || ch === ":" || ch === "-";

/** A start tag from just after its "<": its name, its attributes, and the index past its ">". */
function startTag(xml: string, from: number): { element: Element; end: number } {
  const malformed = (): Error => new Error("malformed XML");
  let at = from;
  const name = (): string => {
    const start = at;
    if (!isNameStart(xml.charAt(at))) throw malformed();
    while (isNameChar(xml.charAt(at))) at++;
    return xml.slice(start, at);
  };
  const skipSpaces = (): number => {
    const start = at;
    while (isSpace(xml.charAt(at))) at++;
    return at - start;
  };
  const qualified = name();
  const colon = qualified.indexOf(":");
  const element: Element = {
    prefix: colon < 0 ? "" : qualified.slice(0, colon),
    local: colon < 0 ? qualified : qualified.slice(colon + 1),
    attributes: new Map(),
  };
  for (;;) {
    const spaced = skipSpaces() > 0;
    if (xml.startsWith("/>", at)) return { element, end: at + 2 };
    if (xml.charAt(at) === ">") return { element, end: at + 1 };
    if (!spaced) throw malformed();
    const key = name();
    skipSpaces();
    if (xml.charAt(at) !== "=") throw malformed();
    at++;
    skipSpaces();
    const quote = xml.charAt(at);
    if (quote !== '"' && quote !== "'") throw malformed();
    const close = xml.indexOf(quote, at + 1);
    if (close < 0) throw malformed();
    const raw = xml.slice(at + 1, close);
    if (raw.includes("<")) throw malformed();
    element.attributes.set(key, decode(raw));
    at = close + 1;
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Entities decoded in one pass; an unknown or unterminated one is malformed XML. */
function decode(text: string): string {
  if (!text.includes("&")) return text;
  let out = "";
  let at = 0;
  for (let amp = text.indexOf("&"); amp >= 0; amp = text.indexOf("&", at)) {
    const semi = text.indexOf(";", amp);
    if (semi < 0 || semi - amp > 12) throw new Error("malformed XML");
    out += text.slice(at, amp);
    const entity = text.slice(amp + 1, semi);
    if (entity in ENTITIES) out += ENTITIES[entity];
    else if (/^#[0-9]{1,7}$/.test(entity)) out += String.fromCodePoint(Number(entity.slice(1)));
    else if (/^#x[0-9A-Fa-f]{1,6}$/.test(entity))
      out += String.fromCodePoint(parseInt(entity.slice(2), 16));
    else throw new Error("malformed XML");
    at = semi + 1;
  }
  return out + text.slice(at);
}
