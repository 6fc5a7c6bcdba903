/**
 * The add-in's own state, kept in the document (a custom XML part, written by both hosts): the
 * layout version and what the add-in owns there (its sheets by role, its defined names, its table).
 * Ownership then rests on what the add-in wrote, not on a guess from "SM_" names; a workbook written
 * by a newer layout is refused rather than half-understood. Pure: no Office, no Node.
 *
 *   <state xmlns="urn:segment-matrix:state" layoutVersion="1">
 *     <sheet role="ticks" name="Qui ressent quoi"/> … <name value="SM_Ticks"/> … <table value="SM_Ratings"/>
 *   </state>
 */
import { WorkbookPlan } from "./plan";

/** The same for every version, so that any version's part is found (getByNamespace). */
export const STATE_NAMESPACE = "urn:segment-matrix:state";

/**
 * The layout this code writes and reads. Workbooks without a state are layout 0 (built before the
 * state existed): read as before, and given a state by the next build.
 */
export const LAYOUT_VERSION = 1;

export interface DocumentState {
  layoutVersion: number;
  sheets: { role: string; name: string }[];
  names: string[];
  tables: string[];
}

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
  };
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

function attribute(text: string): string {
  return text.replace(/[&<>"'\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

interface Element {
  prefix: string;
  local: string;
  attributes: Map<string, string>;
}

/**
 * Start tags of a small XML document, in order, with their attributes decoded. Enough for the
 * state, which is all attributes; written here so the layout needs no XML library in the pane.
 */
function* elements(xml: string): Generator<Element> {
  const tag =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/[^>]*>|<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*\/?>/g;
  const attributePattern = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
  let last = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    if (/[<>]/.test(xml.slice(last, match.index))) throw new Error("malformed XML");
    last = tag.lastIndex;
    if (match[0].startsWith("<!DOCTYPE")) throw new Error("DOCTYPE not allowed");
    if (!match[1]) continue;
    const [prefix, local] = match[1].includes(":") ? match[1].split(":", 2) : ["", match[1]];
    const attributes = new Map<string, string>();
    for (const found of (match[2] ?? "").matchAll(attributePattern))
      attributes.set(found[1], decode(found[2] ?? found[3] ?? ""));
    yield { prefix, local, attributes };
  }
  if (/[<>]/.test(xml.slice(last))) throw new Error("malformed XML");
}

function decode(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    switch (entity) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          entity[1] === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1))
        );
    }
  });
}
