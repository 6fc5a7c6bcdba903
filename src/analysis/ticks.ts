/** The tick table of a study as booleans: which clientèle feels which need (a listed pair). */
import { Study, nameKey } from "../method/study";
import { Profile } from "./jaccard";

export interface TickTable {
  /** clienteleProfiles[c][n]: clientèle c (study order) feels need n (study order). */
  clienteleProfiles: boolean[][];
  /** needProfiles[n][c]: the same ticks, need by need. */
  needProfiles: boolean[][];
}

export function tickTable(study: Pick<Study, "clienteles" | "needs" | "pairs">): TickTable {
  const clienteleIndex = new Map(study.clienteles.map((item, i) => [nameKey(item.name), i]));
  const needIndex = new Map(study.needs.map((item, i) => [nameKey(item.name), i]));
  const clienteleProfiles = study.clienteles.map(() => study.needs.map(() => false));
  const needProfiles = study.needs.map(() => study.clienteles.map(() => false));
  for (const pair of study.pairs) {
    const c = clienteleIndex.get(nameKey(pair.clientele));
    const n = needIndex.get(nameKey(pair.need));
    // A pair naming an item not in the lists is no tick of the table (validation reports it).
    if (c === undefined || n === undefined) continue;
    clienteleProfiles[c][n] = true;
    needProfiles[n][c] = true;
  }
  return { clienteleProfiles, needProfiles };
}

export function hasTick(profile: Profile): boolean {
  return profile.some(Boolean);
}
