/**
 * The rules of a segment's trimming (docs/method.md §1: a population, the criteria that narrow it,
 * the size they leave) and of the diagnostics (§6: a SWOT and risks per segment, the study's
 * PESTEL), for the study file and the segments and diagnostic sheets alike.
 */
import * as msg from "../../messages";
import { Bilingual } from "../levels";
import { Location, Problem } from "../../messages";
import { TRIM_FAMILIES, findTrimFamily } from "../diagnostics";
import { trimmedSize } from "../segment-figures";
import { Segment, Trim } from "../study";
import { Locate } from "./locate";
import { freeText } from "./text";

/** The population a segment is trimmed from: a number of zero or more (as its figures). */
export function segmentPopulation(
  value: number | undefined,
  shown: string,
  at: Location,
  problems: Problem[]
): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) {
    problems.push(msg.segmentNumberInvalid(at, shown, { fr: "population", en: "population" }));
    return undefined;
  }
  return value + 0;
}

/** One part of a criterion as given: its text (or number) and how it was shown, with its place. */
export interface Given<T> {
  value: T | undefined;
  shown: string;
  at: Location;
}

/**
 * One trimming criterion from its three parts; a part is absent when left blank. All three blank:
 * no criterion (undefined, nothing said). Some blank: said at `at`, naming what is missing.
 */
export function trimStep(
  parts: {
    family?: Given<string>;
    criterion?: Given<string>;
    keep?: Given<number>;
  },
  at: Location,
  segment: string,
  problems: Problem[]
): Trim | undefined {
  const { family, keep } = parts;
  // A criterion left blank is a criterion missing, said as such, never a step silently dropped.
  const criterion = parts.criterion?.value?.trim() === "" ? undefined : parts.criterion;
  if (!family && !criterion && !keep) return undefined;
  const missing = (
    [
      ["family", family],
      ["criterion", criterion],
      ["keep", keep],
    ] as const
  ).flatMap(([name, part]) => (part ? [] : [name]));
  let ok = true;
  let canonical: string | undefined;
  if (family) {
    canonical = family.value === undefined ? undefined : findTrimFamily(family.value)?.canonical;
    if (canonical === undefined) {
      problems.push(msg.trimFamilyUnknown(family.at, family.shown, segment, TRIM_FAMILIES));
      ok = false;
    }
  }
  let text: string | undefined;
  if (criterion) {
    text =
      criterion.value === undefined
        ? undefined
        : freeText(criterion.value, criterion.at, msg.segmentTextBad, problems);
    if (text === undefined) ok = false;
  }
  let share: number | undefined;
  if (keep) {
    const value = keep.value;
    if (value === undefined || !Number.isFinite(value) || value < 0 || value > 1) {
      problems.push(msg.trimKeepInvalid(keep.at, keep.shown, segment));
      ok = false;
    } else share = value + 0;
  }
  if (missing.length > 0) {
    problems.push(msg.trimIncomplete(at, segment, missing));
    return undefined;
  }
  if (!ok || canonical === undefined || text === undefined || share === undefined) return undefined;
  return { family: canonical, criterion: text, keep: share };
}

/**
 * The size a segment with a population has: its population trimmed (segment-figures.ts). A size
 * given besides (`given`, at `at`) that is not that one is said: refused in the study file, replaced
 * with a warning in the workbook (the consultant typed over the formula).
 */
export function sizeFromPopulation(
  segment: Pick<Segment, "name" | "population" | "trims">,
  given: number | undefined,
  at: Location,
  problems: Problem[]
): number | undefined {
  if (segment.population === undefined) return given;
  const size = trimmedSize(
    segment.population,
    (segment.trims ?? []).map((t) => t.keep)
  );
  // Beyond Excel's largest number the population trimmed is no size (Infinity in the message):
  // a size given besides is still said, never dropped without a word.
  const shown = size ?? Number.POSITIVE_INFINITY;
  if (given !== undefined && given !== size)
    problems.push(
      at.cell !== undefined
        ? msg.segmentSizeReplaced(at, segment.name, given, shown)
        : msg.segmentSizeNotTrimmed(at, segment.name, given, shown)
    );
  return size;
}

/**
 * A diagnostic list (a SWOT part, the risks, a PESTEL factor): each entry a text a cell holds,
 * trimmed, blanks dropped; kept in one cell, one entry per line, so an entry cannot hold a line.
 */
export function diagnosticTexts<K>(
  what: Bilingual,
  entries: Iterable<[K, string]>,
  locate: Locate<K>,
  segment: string | undefined,
  problems: Problem[]
): string[] {
  const texts: string[] = [];
  for (const [key, entry] of entries) {
    const text = freeText(entry, locate(key), msg.segmentTextBad, problems);
    if (text === undefined) continue;
    if (text.includes("\n"))
      problems.push(msg.diagnosticTextLineFeed(locate(key), what, text, segment));
    else texts.push(text);
  }
  return texts;
}
