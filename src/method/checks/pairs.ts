/**
 * The ticked pairs and their ratings (docs/method.md §2–§3): one entry per pair, and a comment a cell
 * holds. The study file's `pairs` and the ratings sheet's rows go through the same checks.
 */
import { Scale, findLevel } from "../levels";
import * as msg from "../../messages";
import { Location, Problem } from "../../messages";
import { pairKey } from "../study";
import { freeText } from "./text";

/** The pairs met so far: the first of two entries for one pair is the one kept. */
export class PairSet {
  private readonly first = new Map<string | number, number>();

  constructor(private readonly problems: Problem[]) {}

  /**
   * True when the pair is new; else false and said. `position` is how a later duplicate refers to
   * this entry: its index in the study file's pairs, or its row in the ratings. `at` may be asked
   * only when said (a read of 400 000 rows makes no place for the rows that are fine). `key`, when
   * the caller has one, stands for the pair's key: a number that is the same for two entries exactly
   * when their names' keys are (a pair's place in the table); a caller gives it always or never.
   */
  add(
    clientele: string,
    need: string,
    at: Location | (() => Location),
    position: number,
    key: string | number = pairKey(clientele, need)
  ): boolean {
    const first = this.first.get(key);
    if (first !== undefined) {
      this.problems.push(
        msg.pairTwice(typeof at === "function" ? at() : at, clientele, need, first)
      );
      return false;
    }
    this.first.set(key, position);
    return true;
  }
}

/** A pair's comment trimmed; undefined when blank or when a cell cannot hold it (then said). */
export function checkComment(text: string, at: Location, problems: Problem[]): string | undefined {
  return freeText(text, at, msg.commentBad, problems);
}

/**
 * A perception, impact or competition level: a level of its scale, by its number (a study file
 * gives a whole number) or by its label in either language (a cell). `value` is undefined when what
 * was given is neither a number nor a text; `shown` is how it was given.
 */
export function checkLevel(
  scale: Scale,
  value: number | string | undefined,
  shown: string,
  at: Location,
  problems: Problem[]
): number | undefined {
  const level = value === undefined ? undefined : findLevel(scale, value);
  if (!level) problems.push(msg.levelNotInScale(scale, at, shown));
  return level?.value;
}
