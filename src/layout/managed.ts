/**
 * Which sheets and names Segment Matrix owns in a workbook. With the add-in's state in the document
 * (state.ts), its sheets are those the state lists, plus any its own names point into (a build that
 * stopped half-way leaves new sheets that carry the names but are not listed yet). A workbook built
 * before the state existed is recognised by the add-in's own names only, never by any "SM_" name:
 * a consultant's "SM_Budget" does not make a workbook the add-in's.
 */
import { NAMES, RATINGS_TABLE } from "./names";
import { StateRead } from "./state";

interface Located {
  name: string;
  sheet: string;
}

interface Owned {
  names: readonly Located[];
  tables: readonly Located[];
  state?: StateRead;
}

/** Excel compares defined names ignoring case. */
const KNOWN_NAMES = new Set<string>(Object.values(NAMES).map((name) => name.toUpperCase()));

export function isOwnName(name: string, state?: StateRead): boolean {
  const key = name.toUpperCase();
  return (
    KNOWN_NAMES.has(key) ||
    (state?.kind === "ok" && state.state.names.some((own) => own.toUpperCase() === key))
  );
}

const isOwnTable = (name: string): boolean => name.toUpperCase() === RATINGS_TABLE.toUpperCase();

export function managedSheetNames(grids: Owned): Set<string> {
  const sheets = new Set<string>();
  if (grids.state?.kind === "ok")
    for (const sheet of grids.state.state.sheets) sheets.add(sheet.name);
  for (const named of grids.names) if (isOwnName(named.name, grids.state)) sheets.add(named.sheet);
  for (const table of grids.tables) if (isOwnTable(table.name)) sheets.add(table.sheet);
  return sheets;
}

/** The matrix is computed from the other sheets: reading a study never needs its cells. */
const MATRIX_NAMES = new Set<string>(
  [NAMES.matrix, NAMES.matrixClienteles, NAMES.matrixNeeds].map((name) => name.toUpperCase())
);

/** The sheets a study is read from: those the add-in's names (but the matrix's) and table point into. */
export function sheetsToRead(grids: Owned): Set<string> {
  const sheets = new Set<string>();
  for (const named of grids.names) {
    if (KNOWN_NAMES.has(named.name.toUpperCase()) && !MATRIX_NAMES.has(named.name.toUpperCase()))
      sheets.add(named.sheet);
  }
  for (const table of grids.tables) if (isOwnTable(table.name)) sheets.add(table.sheet);
  return sheets;
}
