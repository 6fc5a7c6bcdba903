/**
 * Reads an .xlsx file's grids, defined names, tables and the add-in's state, in bounded memory and
 * time whatever the file holds. The zip's declared sizes are checked before anything is inflated
 * (zip.ts); then only small parts are read whole (content types, relationships, the workbook,
 * tables, the state) and only the sheets the study needs are streamed through a SAX parser, keeping
 * the cells that hold a value: a stray cell at XFD1048576 costs one entry, a consultant's charts,
 * pictures and other sheets are never opened, and absolute relationship targets (/xl/…) resolve.
 */
import { parseRect, parseSheetRef, Rect } from "../../layout/a1";
import { GridValue, NamedRect, SheetGrid, WorkbookGrids } from "../../layout/grids";
import { sheetsToRead } from "../../layout/managed";
import { StateRead, stateFromXml } from "../../layout/state";
import * as msg from "../../method/messages";
import { decodeExcelEscapes, elementsNamed, parseXml, parseXmlStream } from "./xml";
import { READ_LIMITS, ReadLimits, WorkbookUnreadable, ZipArchive, describe } from "./zip";
import { EXCEL_LIMITS } from "../../layout/limits";

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
  const limits = options.limits ?? READ_LIMITS;
  const zip = await ZipArchive.open(file, options.source, limits);
  try {
    const { listing, workbookRels } = await openPackage(zip);
    const wanted = options.sheets ? options.sheets(listing) : sheetsToRead(listing);
    const toRead = listing.sheets.filter((sheet) => sheet.part && wanted.has(sheet.name));
    for (const sheet of toRead) zip.checkSize(sheet.part as string, sheet.name);
    const sharedPart = workbookRels.find((rel) => rel.type.endsWith(REL.sharedStrings))?.target;
    const strings =
      toRead.length > 0 && sharedPart && zip.has(sharedPart)
        ? await readSharedStrings(zip, sharedPart)
        : [];
    const budget = { cells: limits.cells };
    const sheets: SheetGrid[] = [];
    for (const sheet of toRead)
      sheets.push(await readSheet(zip, sheet.name, sheet.part as string, strings, budget));
    return {
      listing,
      grids: { sheets, names: listing.names, tables: listing.tables, state: listing.state },
    };
  } catch (failure) {
    throw unreadable(file, failure);
  } finally {
    zip.close();
  }
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
        const id = attributes["r:id"] ?? relationshipAttribute(attributes);
        const rel = id === undefined ? undefined : byId.get(id);
        const part =
          rel && !rel.external && rel.type.endsWith(REL.worksheet) && zip.has(rel.target)
            ? rel.target
            : undefined;
        sheets.push({ name: attributes.name ?? "", part });
      } else if (element === "definedName") {
        // Sheet-scoped names (localSheetId) are the consultant's, never the add-in's.
        inName =
          attributes.localSheetId === undefined
            ? { name: attributes.name ?? "", formula: "" }
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

/** One sheet, streamed: only cells holding a value are kept, in a sparse grid. */
async function readSheet(
  zip: ZipArchive,
  name: string,
  part: string,
  strings: readonly string[],
  budget: { cells: number }
): Promise<SheetGrid> {
  const values: GridValue[][] = [];
  const merged: Rect[] = [];
  let row = 0;
  let col = 0;
  let cell: { row: number; col: number; type: string } | undefined;
  let text = "";
  let collecting = false;
  let inInline = false;
  let phonetic = 0;
  let inlineText = "";

  await parseXmlStream(zip.textChunks(part), {
    open: (element, attributes, selfClosing) => {
      switch (element) {
        case "row": {
          const r = Number(attributes.r);
          row = Number.isInteger(r) && r >= 1 ? r : row + 1;
          col = 0;
          break;
        }
        case "c": {
          const at = attributes.r ? cellRef(attributes.r) : undefined;
          if (at) {
            row = at.row;
            col = at.col;
          } else {
            col += 1;
          }
          cell = selfClosing ? undefined : { row, col, type: attributes.t ?? "n" };
          text = "";
          inlineText = "";
          break;
        }
        case "v":
          collecting = cell !== undefined && !selfClosing;
          text = "";
          break;
        case "is":
          inInline = !selfClosing;
          break;
        case "rPh":
          if (!selfClosing) phonetic++;
          break;
        case "t":
          collecting = inInline && phonetic === 0 && !selfClosing;
          break;
        case "mergeCell": {
          const rect = attributes.ref ? parseRect(attributes.ref) : undefined;
          if (rect) merged.push(rect);
          break;
        }
      }
    },
    text: (chunk) => {
      if (!collecting) return;
      if (inInline) inlineText += chunk;
      else text += chunk;
    },
    close: (element) => {
      switch (element) {
        case "v":
        case "t":
          collecting = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "is":
          inInline = false;
          break;
        case "c": {
          if (!cell) break;
          const value = cellValue(
            cell.type,
            cell.type === "inlineStr" ? inlineText : text,
            strings
          );
          if (
            value !== null &&
            cell.row <= EXCEL_LIMITS.rows &&
            cell.col <= EXCEL_LIMITS.cols &&
            cell.row >= 1
          ) {
            if (--budget.cells < 0)
              throw new WorkbookUnreadable(
                msg.workbookTooManyCells(zip.file, name, zip.limits.cells)
              );
            (values[cell.row - 1] ??= [])[cell.col - 1] = value;
          }
          cell = undefined;
          break;
        }
      }
    },
  });
  return merged.length > 0 ? { name, values, merged } : { name, values };
}

function cellRef(ref: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]), col };
}

/** A cell's shown value: a formula's cached result, text as Excel shows it; empty is null. */
function cellValue(type: string, raw: string, strings: readonly string[]): GridValue {
  switch (type) {
    case "s": {
      const text = strings[Number(raw)];
      return text === undefined || text === "" ? null : text;
    }
    case "str":
    case "inlineStr": {
      const text = decodeExcelEscapes(raw);
      return text === "" ? null : text;
    }
    case "b":
      return raw.trim() === "" ? null : raw.trim() === "1";
    case "e":
      return raw.trim() === "" ? null : raw.trim();
    case "d": {
      // An ISO date (rare, Strict OOXML): as Excel's serial number, like a date typed in a cell.
      const time = Date.parse(raw);
      return Number.isNaN(time) ? null : time / 86400000 + 25569;
    }
    default: {
      if (raw.trim() === "") return null;
      const number = Number(raw);
      return Number.isFinite(number) ? number : null;
    }
  }
}
