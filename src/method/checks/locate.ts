/**
 * Where a checked value is. The checkers of this folder know the rules, not the sources: the study
 * file's validator and the sheet readers call the same checker, each with a `locate` callback that
 * turns its own key (a list index, a row, a part of a segment) into a Location: a JSON field path
 * for the study file and the pane's lists, a sheet and a cell for a workbook. A message's wording
 * follows the kind of place (see `inCell` in src/messages/checks.ts), so each rule and its message exist once.
 */
import { Location } from "../../messages";

export type Locate<K> = (key: K) => Location;

/** A field path under `base` in the study file, e.g. `segments[2].clienteles[0]`. */
export function fieldPath(file: string | undefined, base: string): Locate<string | number> {
  return (key) => ({ file, field: typeof key === "number" ? `${base}[${key}]` : `${base}.${key}` });
}

/** How a later message refers back to a place: its cell (B5), else its field (clienteles[0]). */
export function placeName(location: Location): string {
  return location.cell ?? location.field ?? "";
}
