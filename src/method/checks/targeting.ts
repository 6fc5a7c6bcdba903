/**
 * The targeting choices (docs/method.md §6–§7): each target an offering × segment pair of the study, each
 * segment of the conquest order a segment of the study and there once. The study file's `targets`
 * and `conquest` and the targeting sheet's marks and conquest cells go through the same checks.
 */
import * as msg from "../../messages";
import { Location, Problem } from "../../messages";
import { Target, nameKey } from "../study";
import { Locate } from "./locate";

/** A target as given, and where its parts are. */
export interface TargetEntry {
  segment: string;
  offering: string;
}

export type TargetPart = "target" | "segment" | "offering";

/**
 * The targets, resolved to the study's spelling; `ok` is false when one names a segment or an
 * offering the study does not have. A target given twice is kept once, and said.
 */
export function checkTargets<K>(
  entries: Iterable<[K, TargetEntry]>,
  segments: ReadonlyMap<string, string>,
  offerings: ReadonlyMap<string, string>,
  locate: (key: K, part: TargetPart) => Location,
  problems: Problem[]
): { targets: Target[]; ok: boolean } {
  const targets: Target[] = [];
  const seen = new Set<string>();
  let ok = true;
  for (const [key, entry] of entries) {
    const segment = segments.get(nameKey(entry.segment));
    if (segment === undefined) {
      problems.push(msg.targetUnknown(locate(key, "segment"), "segment", entry.segment.trim()));
      ok = false;
      continue;
    }
    const offering = offerings.get(nameKey(entry.offering));
    if (offering === undefined) {
      problems.push(msg.targetUnknown(locate(key, "offering"), "offering", entry.offering.trim()));
      ok = false;
      continue;
    }
    const pair = `${nameKey(segment)}\u0000${nameKey(offering)}`;
    if (seen.has(pair)) {
      problems.push(msg.targetDuplicate(locate(key, "target"), segment, offering));
      continue;
    }
    seen.add(pair);
    targets.push({ segment, offering });
  }
  return { targets, ok };
}

/** An entry of the conquest order: `name` undefined when what was given is not a text. */
export interface ConquestEntry {
  name: string | undefined;
  shown: string;
}

/**
 * The conquest order, first segment to win first, resolved to the study's spelling; `ok` is false
 * when one names no segment of the study. A segment given twice keeps its first place, and it is said.
 */
export function checkConquest<K>(
  entries: Iterable<[K, ConquestEntry]>,
  segments: ReadonlyMap<string, string>,
  locate: Locate<K>,
  problems: Problem[]
): { order: string[]; ok: boolean } {
  const order: string[] = [];
  let ok = true;
  for (const [key, entry] of entries) {
    const name = entry.name === undefined ? undefined : segments.get(nameKey(entry.name));
    if (name === undefined) {
      problems.push(msg.conquestUnknown(locate(key), entry.shown));
      ok = false;
      continue;
    }
    if (order.includes(name)) {
      problems.push(msg.conquestDuplicate(locate(key), name));
      continue;
    }
    order.push(name);
  }
  return { order, ok };
}
