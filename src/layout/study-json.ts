/** Study → the interchange JSON (stable field order; plain names when an item has no type). */
import { GROWTH_LEVERS } from "../method/segments";
import { Item, Pair, Segment, Study, Target } from "../method/study";

export interface StudyJson {
  title?: string;
  language: string;
  clienteles: (string | Item)[];
  needs: (string | Item)[];
  pairs: Pair[];
  weights: { perception: number; impact: number };
  offerings?: string[];
  segments?: Segment[];
  targets?: Target[];
  conquest?: string[];
  palette?: string;
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
    if (entry.evidence !== undefined)
      out.evidence = {
        n: entry.evidence.n,
        feel: entry.evidence.feel,
        ...(entry.evidence.source !== undefined ? { source: entry.evidence.source } : {}),
      };
    return out;
  };
  return {
    ...(study.title !== undefined ? { title: study.title } : {}),
    language: study.language,
    clienteles: study.clienteles.map(item),
    needs: study.needs.map(item),
    pairs: study.pairs.map(pair),
    weights: { perception: study.weights.perception, impact: study.weights.impact },
    ...(study.offerings ? { offerings: [...study.offerings] } : {}),
    ...(study.segments ? { segments: study.segments.map(segmentToJson) } : {}),
    ...(study.targets
      ? { targets: study.targets.map((t) => ({ segment: t.segment, offering: t.offering })) }
      : {}),
    ...(study.conquest ? { conquest: [...study.conquest] } : {}),
    ...(study.palette ? { palette: study.palette } : {}),
  };
}

/** A segment's fields in the contract's order; absent type and figures stay absent. */
function segmentToJson(segment: Segment): Segment {
  const plans: Segment["plans"] = {};
  for (const { id } of GROWTH_LEVERS) {
    const plan = segment.plans[id];
    if (plan !== undefined) plans[id] = plan;
  }
  return {
    name: segment.name,
    ...(segment.type !== undefined ? { type: segment.type } : {}),
    clienteles: [...segment.clienteles],
    needs: [...segment.needs],
    offerings: [...segment.offerings],
    channels: [...segment.channels],
    zones: [...segment.zones],
    successFactors: [...segment.successFactors],
    attributes: [...segment.attributes],
    personas: [...segment.personas],
    ...(segment.size !== undefined ? { size: segment.size } : {}),
    ...(segment.frequency !== undefined ? { frequency: segment.frequency } : {}),
    ...(segment.basket !== undefined ? { basket: segment.basket } : {}),
    checklist: [...segment.checklist],
    plans,
  };
}
