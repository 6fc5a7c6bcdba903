/**
 * Defined names: the stable contract with other tools, and the add-in's way to find its sheets.
 * Each sheet module declares the names of its own areas (`names`, by key, layout/sheet.ts); NAMES
 * gathers them in the registry's order, the client export's marker last.
 */
import { LEGEND_NAMES } from "./sheets/legend";
import { RATINGS_TABLE } from "./sheets/ratings";
import { RESPONSES_TABLE } from "./sheets/responses";
import { REGISTRY } from "./registry";

/** One type from a union of types (the modules' names objects into one). */
type Merged<U> = (U extends unknown ? (u: U) => void : never) extends (all: infer I) => void
  ? I
  : never;

type Names = Merged<(typeof REGISTRY)[number]["names"]> & typeof LEGEND_NAMES;

/** The key of a defined name, as its sheet module declares it. */
export type NameKey = keyof Names;

export const NAMES: Readonly<Names> = Object.freeze(
  Object.assign({}, ...REGISTRY.map((sheet) => sheet.names), LEGEND_NAMES)
);

export { NAME_PREFIX } from "./sheet";
export { RATINGS_TABLE, RESPONSES_TABLE };
