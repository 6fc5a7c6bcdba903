/**
 * Study → the interchange JSON: the fields in the contract's order (STUDY_FIELDS), plain names when
 * an item has no type, each object's fields in their documented order. A field without a writer of
 * its own below is copied as it is: a new study field needs no line here unless its JSON differs.
 */
import { GROWTH_LEVERS } from "../method/segments";
import { PESTEL_FACTORS, SWOT_PARTS } from "../method/diagnostics";
import { trimmedSize } from "../method/segment-figures";
import { Item, Pair, STUDY_FIELDS, Segment, Study, StudyField, Target } from "../method/study";

export type StudyJson = Omit<Study, "language" | "clienteles" | "needs" | "palette"> & {
  language: string;
  clienteles: (string | Item)[];
  needs: (string | Item)[];
  palette?: string;
};

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

/** The fields whose JSON is not a plain copy of their value. */
const WRITERS: { [F in StudyField]?: (value: NonNullable<Study[F]>) => unknown } = {
  clienteles: (items) => items.map(item),
  needs: (items) => items.map(item),
  pairs: (pairs) => pairs.map(pair),
  weights: (weights) => ({ perception: weights.perception, impact: weights.impact }),
  segments: (segments) => segments.map(segmentToJson),
  targets: (targets) => targets.map((t): Target => ({ segment: t.segment, offering: t.offering })),
  pestel: (pestel) =>
    Object.fromEntries(
      PESTEL_FACTORS.map(({ id }) => [id, [...pestel[id]]])
    ) as unknown as typeof pestel,
};

export function studyToJson(study: Study): StudyJson {
  const json: Record<string, unknown> = {};
  for (const field of STUDY_FIELDS) {
    const value = study[field];
    if (value === undefined) continue;
    const write = WRITERS[field] as ((value: unknown) => unknown) | undefined;
    json[field] = write ? write(value) : (JSON.parse(JSON.stringify(value)) as unknown);
  }
  return json as StudyJson;
}

/**
 * A segment's fields in the contract's order; absent type and figures stay absent. With a
 * population the size is computed (docs/method.md §1): it is written only where it is not the
 * population trimmed, so that reading the file says so rather than losing either.
 */
function segmentToJson(segment: Segment): Segment {
  const derived =
    segment.population !== undefined &&
    segment.size ===
      trimmedSize(
        segment.population,
        (segment.trims ?? []).map((t) => t.keep)
      );
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
    ...(segment.size !== undefined && !derived ? { size: segment.size } : {}),
    ...(segment.frequency !== undefined ? { frequency: segment.frequency } : {}),
    ...(segment.basket !== undefined ? { basket: segment.basket } : {}),
    checklist: [...segment.checklist],
    plans,
    ...(segment.population !== undefined ? { population: segment.population } : {}),
    ...(segment.trims
      ? {
          trims: segment.trims.map((t) => ({
            family: t.family,
            criterion: t.criterion,
            keep: t.keep,
          })),
        }
      : {}),
    ...(segment.swot
      ? {
          swot: Object.fromEntries(
            SWOT_PARTS.map(({ id }) => [id, [...segment.swot![id]]])
          ) as unknown as Segment["swot"],
        }
      : {}),
    ...(segment.risks ? { risks: [...segment.risks] } : {}),
    ...(segment.figuresSource ? { figuresSource: { ...segment.figuresSource } } : {}),
  };
}
