/**
 * The rules of a segment's shell (docs/method.md §4–§5), for the study file's `segments` and the
 * segments, checklist and targeting sheets alike: its type, its figures, its free texts, which
 * clientèles, needs and offerings it holds, its checklist statuses and its plans.
 */
import * as msg from "../../messages";
import { ListField, SegmentTextList } from "../../messages";
import { Location, Problem } from "../../messages";
import {
  CHECKLIST_STATUSES,
  ChecklistStatus,
  SEGMENT_FIGURES,
  SEGMENT_TYPES,
  findSegmentType,
  findStatus,
} from "../segments";
import { nameKey } from "../study";
import { Locate } from "./locate";
import { freeText } from "./text";

export type SegmentFigure = keyof typeof SEGMENT_FIGURES;

/** A segment's figures, whose product is its potential, in the order the segments sheet shows them. */
export const SEGMENT_FIGURE_FIELDS: readonly SegmentFigure[] = ["size", "frequency", "basket"];

/** A segment's free-text lists: one cell each in the workbook, one entry per line. */
export const SEGMENT_TEXT_LISTS: readonly SegmentTextList[] = [
  "channels",
  "zones",
  "successFactors",
  "attributes",
  "personas",
];

/**
 * The canonical Business Model Canvas type. `text` is undefined when what was given is not a text;
 * `shown` is how it was given. Undefined when blank (nothing said) or unknown (said).
 */
export function segmentType(
  text: string | undefined,
  shown: string,
  at: Location,
  segment: string,
  problems: Problem[]
): string | undefined {
  if (text !== undefined && text.trim() === "") return undefined;
  const kind = text === undefined ? undefined : findSegmentType(text);
  if (!kind) problems.push(msg.segmentTypeUnknown(at, shown, segment, SEGMENT_TYPES));
  return kind?.canonical;
}

/**
 * A size, frequency or basket: a number of zero or more. `value` is undefined when what was given
 * is not a number at all; `shown` is how it was given.
 */
export function segmentFigure(
  figure: SegmentFigure,
  value: number | undefined,
  shown: string,
  at: Location,
  problems: Problem[]
): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    problems.push(msg.segmentNumberInvalid(at, shown, SEGMENT_FIGURES[figure]));
    return undefined;
  }
  return value + 0; // -0 is 0: a file and a cell both write it as 0
}

/**
 * A segment's free-text list (channels, zones…): each entry a text a cell holds, trimmed, blanks
 * dropped. The workbook keeps the list in one cell, one entry per line: an entry cannot hold a line.
 */
export function segmentTexts<K>(
  list: SegmentTextList,
  entries: Iterable<[K, string]>,
  locate: Locate<K>,
  segment: string,
  problems: Problem[]
): string[] {
  const texts: string[] = [];
  const lineFeeds: Problem[] = [];
  for (const [key, entry] of entries) {
    const text = freeText(entry, locate(key), msg.segmentTextBad, problems);
    if (text === undefined) continue;
    if (text.includes("\n"))
      lineFeeds.push(msg.segmentTextLineFeed(locate(key), list, text, segment));
    texts.push(text);
  }
  // Said after the entries a cell cannot hold, as the study file always has.
  problems.push(...lineFeeds);
  return texts;
}

/**
 * The clientèles, needs or offerings a segment names, each resolved to the list's own spelling
 * (`known`, by nameKey, in the list's order). Members are a set: a name given twice is kept once, and
 * they come back in the list's order, as the workbook shows them.
 */
export function segmentMembers<K>(
  field: ListField,
  names: Iterable<[K, string]>,
  known: ReadonlyMap<string, string>,
  locate: Locate<K>,
  segment: string,
  problems: Problem[]
): string[] {
  const members: string[] = [];
  const kept = new Set<string>();
  for (const [key, member] of names) {
    const name = known.get(nameKey(member));
    if (name === undefined) {
      problems.push(msg.segmentUnknownMember(locate(key), field, member.trim(), segment));
      continue;
    }
    if (kept.has(nameKey(name))) {
      problems.push(msg.segmentMemberDuplicate(locate(key), member.trim(), segment));
      continue;
    }
    kept.add(nameKey(name));
    members.push(name);
  }
  const position = new Map([...known.keys()].map((key, index) => [key, index]));
  const rank = (name: string): number => position.get(nameKey(name)) ?? 0;
  return members.sort((a, b) => rank(a) - rank(b));
}

/**
 * A checklist status from the legend (a label in either language, its word or its symbol).
 * `text` is undefined when what was given is not a text; `shown` is how it was given. Blank is
 * "left as it is": undefined, nothing said.
 */
export function checklistStatus(
  text: string | undefined,
  shown: string,
  at: Location,
  problems: Problem[]
): ChecklistStatus | undefined {
  if (text !== undefined && text.trim() === "") return undefined;
  const status = text === undefined ? undefined : findStatus(text);
  if (!status) problems.push(msg.statusUnknown(at, shown, CHECKLIST_STATUSES));
  return status?.canonical;
}

/** A growth lever's plan: a text a cell holds, trimmed; undefined when blank or refused. */
export function segmentPlan(text: string, at: Location, problems: Problem[]): string | undefined {
  return freeText(text, at, msg.segmentTextBad, problems);
}
