/**
 * The shape every sheet module has: its role, how it plans its sheet from a study, and how it reads
 * its part of the study back from the workbook's grids. The registry lists the modules; buildPlan and
 * readStudy walk it (index.ts).
 */
import { WorkbookTexts } from "../i18n/workbook";
import { Language } from "../method/levels";
import { Palette } from "../method/colour";
import { Problem } from "../messages";
import { Pair, Study } from "../method/study";
import { GridValue, WorkbookGrids, cellText } from "./grids";
import type { NameKey } from "./names";
import { NamePlan, SheetPlan, SheetRole } from "./plan";

export interface PlanContext {
  study: Study;
  /** The workbook's language (may differ from the study's, with --lang). */
  language: Language;
  texts: WorkbookTexts;
  /** A blank template: no names yet, room to type them. */
  template: boolean;
  /** The colour scale of the scores (the study's, or the one asked for). */
  palette: Palette;
  /** The defined names, collected from every sheet in order. */
  names: NamePlan[];
}

/** A clientèle or need found in the tick table, with the cell it was read from. */
export interface FoundItem {
  name: string;
  /** A1 address of its name cell. */
  at: string;
  type?: string;
}

/**
 * The study as read so far: each sheet's reader fills its part. Every field of a Study is here as it
 * is there (a new study field is read into the draft without a line here), except the tick table's
 * parts, kept with their cells, and the weights, undefined once one was found wrong.
 */
export type StudyDraft = Omit<Partial<Study>, "language" | "clienteles" | "needs" | "pairs"> & {
  language: Language;
  clienteles: FoundItem[];
  needs: FoundItem[];
  /**
   * By place: the clientèle's position in `clienteles` × the number of needs + the need's position
   * in `needs` (`pairPlace`), the numbering of `pairPlaces`; the lists' names are unique by key.
   */
  pairs: Map<number, Pair>;
  /** Set when the workbook is not a study at all: nothing further is read. */
  notAStudy?: boolean;
};

/** A pair's key in `StudyDraft.pairs`: its place in the table the lists make. */
export function pairPlace(clientele: number, need: number, needs: number): number {
  return clientele * needs + need;
}

/** The draft's pairs in the table's reading order (`pairsInTableOrder`): by their place. */
export function pairsInPlaceOrder(pairs: ReadonlyMap<number, Pair>): Pair[] {
  const places = Float64Array.from(pairs.keys()).sort();
  return Array.from(places, (place) => pairs.get(place) as Pair);
}

export interface ReadContext {
  grids: WorkbookGrids;
  problems: Problem[];
  draft: StudyDraft;
}

/** A sheet of a study workbook; `R` is its role, which the registry's list makes a SheetRole. */
export interface SheetModule<R extends string = SheetRole> {
  role: R;
  /** The defined names of the sheet's areas, by key (`sheetNames`); layout/names.ts gathers them. */
  names: Readonly<Record<string, string>>;
  /** The one of its names that tells where the sheet is in a workbook (`sheetsByRole`). */
  anchor: string;
  tabColour: string;
  /** Part of the blank template (planned with `template: true`). */
  inTemplate: boolean;
  plan(context: PlanContext): SheetPlan;
  read(context: ReadContext): void;
}

/** Every name the add-in owns starts with this; it never touches other names. */
export const NAME_PREFIX = "SM_";

/**
 * A defined name of the add-in: the prefix and its key with a capital (`segmentNames` is
 * SM_SegmentNames). The names are the contract with other tools: renaming a key renames the name.
 */
export type DefinedName<K extends string> = `${typeof NAME_PREFIX}${Capitalize<K>}`;

function spelled<K extends string>(key: K): DefinedName<K> {
  return `${NAME_PREFIX}${key.charAt(0).toUpperCase()}${key.slice(1)}` as DefinedName<K>;
}

/** The names a sheet module declares for its own areas, by key. */
export function sheetNames<K extends string>(...keys: K[]): { readonly [P in K]: DefinedName<P> } {
  return Object.fromEntries(keys.map((key) => [key, spelled(key)])) as {
    readonly [P in K]: DefinedName<P>;
  };
}

/**
 * Another sheet's defined name, by the key its module declares (checked against every module's
 * keys): sheets refer to each other's areas both ways (the matrix to the ratings' scores, the
 * ratings to the matrix's headers), so they do not import each other's names.
 */
export function definedName<K extends NameKey>(key: K): DefinedName<K> {
  return spelled(key);
}

/**
 * A number typed in a cell: a number cell, or a text such as "1,5" (a decimal comma counts);
 * undefined for TRUE/FALSE and for a text that is not a number (a checker then says so).
 */
export function cellNumber(raw: GridValue): number | undefined {
  if (typeof raw === "boolean") return undefined;
  if (typeof raw === "number") return raw;
  const value = Number(cellText(raw).trim().replace(",", "."));
  return Number.isNaN(value) ? undefined : value;
}
