/**
 * The safety net before a rebuild (issue 7): what new lists would remove, how many ticked and rated
 * pairs and which segments' members go with them, and which removed names look like a rename of an
 * added one (Etudiants → Étudiants), so that their ticks, ratings and memberships can be carried
 * over. Pure.
 */
import { looseKey } from "../method/levels";
import { Pair, Segment, Study, isRated, nameKey } from "../method/study";

export type RenamedList = "clienteles" | "needs";

export interface Rename {
  list: RenamedList;
  from: string;
  to: string;
}

export interface DropSummary {
  clientelesRemoved: string[];
  needsRemoved: string[];
  /** Ticked pairs that go, with their ratings (to show them). */
  pairsLost: Pair[];
  /** Of those, the ones with a perception and an impact. */
  ratedLost: number;
  /** Segments' clientèles and needs that go with their names (the segments themselves stay). */
  membersLost: MemberLost[];
}

/** A clientèle or a need a segment holds, removed from its list. */
export interface MemberLost {
  segment: string;
  list: RenamedList;
  member: string;
}

/** Levenshtein distance, stopped early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Likely renames between the names removed and the names added: the same name but for accents,
 * case and spaces, or (names of 6 letters or more, same first letter) one letter apart, two from 12
 * letters. Only
 * one-to-one matches count: a removed name close to two added names is no rename.
 */
export function likelyRenames(
  list: RenamedList,
  removed: readonly string[],
  added: readonly string[]
): Rename[] {
  const candidates = (from: string): string[] => {
    const loose = added.filter((to) => looseKey(to) === looseKey(from));
    if (loose.length > 0) return loose;
    const key = looseKey(from);
    if (key.length < 6) return [];
    const limit = key.length < 12 ? 1 : 2;
    return added.filter(
      (to) => looseKey(to)[0] === key[0] && distance(key, looseKey(to), limit) <= limit
    );
  };
  const proposals = removed.map((from) => ({ from, to: candidates(from) }));
  const targetCount = new Map<string, number>();
  for (const { to } of proposals)
    for (const name of to) targetCount.set(name, (targetCount.get(name) ?? 0) + 1);
  return proposals
    .filter(({ to }) => to.length === 1 && targetCount.get(to[0]) === 1)
    .map(({ from, to }) => ({ list, from, to: to[0] }));
}

/** Names of `before` not in `after` (names compared as the workbook does: trimmed, any case). */
function missing(before: readonly string[], after: readonly string[]): string[] {
  const keep = new Set(after.map(nameKey));
  return before.filter((name) => !keep.has(nameKey(name)));
}

/** The renames a change of lists suggests, both lists. */
export function renamesBetween(
  study: Study,
  lists: { clienteles: string[]; needs: string[] }
): Rename[] {
  const names = (items: Study["clienteles"]): string[] => items.map((item) => item.name);
  return [
    ...likelyRenames(
      "clienteles",
      missing(names(study.clienteles), lists.clienteles),
      missing(lists.clienteles, names(study.clienteles))
    ),
    ...likelyRenames(
      "needs",
      missing(names(study.needs), lists.needs),
      missing(lists.needs, names(study.needs))
    ),
  ];
}

/** The study as if its names had been renamed: items (kinds kept), pairs and segments' members. */
export function applyRenames(study: Study, renames: readonly Rename[]): Study {
  if (renames.length === 0) return study;
  const map = (list: RenamedList, name: string): string =>
    renames.find((r) => r.list === list && nameKey(r.from) === nameKey(name))?.to ?? name;
  return {
    ...study,
    clienteles: study.clienteles.map((item) => ({ ...item, name: map("clienteles", item.name) })),
    needs: study.needs.map((item) => ({ ...item, name: map("needs", item.name) })),
    pairs: study.pairs.map((pair) => ({
      ...pair,
      clientele: map("clienteles", pair.clientele),
      need: map("needs", pair.need),
    })),
    ...(study.segments && {
      segments: study.segments.map((segment) => ({
        ...segment,
        clienteles: segment.clienteles.map((name) => map("clienteles", name)),
        needs: segment.needs.map((name) => map("needs", name)),
      })),
    }),
  };
}

/**
 * The segments with only the clientèles and needs still in the lists, and the members that go:
 * every other field of a segment (offerings, figures, checklist, plans, trims, SWOT…) is kept.
 */
export function keepListedMembers(
  segments: readonly Segment[],
  lists: { clienteles: readonly string[]; needs: readonly string[] }
): { segments: Segment[]; lost: MemberLost[] } {
  const listed = {
    clienteles: new Set(lists.clienteles.map(nameKey)),
    needs: new Set(lists.needs.map(nameKey)),
  };
  const lost: MemberLost[] = [];
  const kept = segments.map((segment) => {
    const members = (list: RenamedList): string[] =>
      segment[list].filter((member) => {
        if (listed[list].has(nameKey(member))) return true;
        lost.push({ segment: segment.name, list, member });
        return false;
      });
    return { ...segment, clienteles: members("clienteles"), needs: members("needs") };
  });
  return { segments: kept, lost };
}

/** What building these lists over this study would remove, after the renames accepted. */
export function dropSummary(
  study: Study,
  lists: { clienteles: string[]; needs: string[] },
  renames: readonly Rename[] = []
): DropSummary {
  const renamed = applyRenames(study, renames);
  const clientelesRemoved = missing(
    renamed.clienteles.map((item) => item.name),
    lists.clienteles
  );
  const needsRemoved = missing(
    renamed.needs.map((item) => item.name),
    lists.needs
  );
  const goneC = new Set(clientelesRemoved.map(nameKey));
  const goneN = new Set(needsRemoved.map(nameKey));
  const pairsLost = renamed.pairs.filter(
    (pair) => goneC.has(nameKey(pair.clientele)) || goneN.has(nameKey(pair.need))
  );
  return {
    clientelesRemoved,
    needsRemoved,
    pairsLost,
    ratedLost: pairsLost.filter(isRated).length,
    membersLost: keepListedMembers(renamed.segments ?? [], lists).lost,
  };
}
