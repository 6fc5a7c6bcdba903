/** Which sheets Segment Matrix created: those its defined names and its table point into. */
import { NAME_PREFIX, RATINGS_TABLE } from "./names";

interface Located {
  name: string;
  sheet: string;
}

export function managedSheetNames(grids: {
  names: readonly Located[];
  tables: readonly Located[];
}): Set<string> {
  const sheets = new Set<string>();
  for (const named of grids.names) if (named.name.startsWith(NAME_PREFIX)) sheets.add(named.sheet);
  for (const table of grids.tables) if (table.name === RATINGS_TABLE) sheets.add(table.sheet);
  return sheets;
}
