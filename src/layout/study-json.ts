/** Study → the interchange JSON (stable field order; plain names when an item has no type). */
import { Item, Pair, Study } from "../method/study";

export interface StudyJson {
  title?: string;
  language: string;
  clienteles: (string | Item)[];
  needs: (string | Item)[];
  pairs: Pair[];
  weights: { perception: number; impact: number };
}

export function studyToJson(study: Study): StudyJson {
  const item = (entry: Item): string | Item =>
    entry.type ? { name: entry.name, type: entry.type } : entry.name;
  const pair = (entry: Pair): Pair => {
    const out: Pair = { clientele: entry.clientele, need: entry.need };
    if (entry.perception !== undefined) out.perception = entry.perception;
    if (entry.impact !== undefined) out.impact = entry.impact;
    if (entry.competition !== undefined) out.competition = entry.competition;
    if (entry.comment !== undefined) out.comment = entry.comment;
    return out;
  };
  return {
    ...(study.title !== undefined ? { title: study.title } : {}),
    language: study.language,
    clienteles: study.clienteles.map(item),
    needs: study.needs.map(item),
    pairs: study.pairs.map(pair),
    weights: { perception: study.weights.perception, impact: study.weights.impact },
  };
}
