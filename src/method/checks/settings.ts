/**
 * The study's settings: its title, its language, its palette and the weights of the score
 * (docs/method.md §3), for the study file and the settings sheet alike.
 */
import { LANGUAGES, Language } from "../levels";
import * as msg from "../../messages";
import { PaletteName, isPaletteName } from "../colour";
import { Location, Problem } from "../../messages";
import { WEIGHT_MAX, WEIGHT_MIN } from "../study";
import { freeText } from "./text";

/** The title trimmed; undefined when blank or when a cell cannot hold it (then said). */
export function checkTitle(text: string, at: Location, problems: Problem[]): string | undefined {
  return freeText(text, at, msg.titleBadCharacter, problems);
}

/** A weight that is not a number from 0 to 5, shown as it was given. */
export function weightProblem(shown: string, location: Location): Problem {
  return msg.weightOutOfRange(shown, location, { min: WEIGHT_MIN, max: WEIGHT_MAX });
}

/**
 * A weight of the score: a number from 0 to 5. `value` is undefined when what was given is not a
 * number at all; `shown` is how it was given.
 */
export function checkWeight(
  value: number | undefined,
  shown: string,
  at: Location,
  problems: Problem[]
): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < WEIGHT_MIN || value > WEIGHT_MAX) {
    problems.push(weightProblem(shown, at));
    return undefined;
  }
  return value + 0; // -0 is 0: a file and a cell both write it as 0
}

/**
 * The study's language, fr or en in any case. `text` is undefined when what was given is not a
 * text; `shown` is how it was given. Undefined when it is neither (then said).
 */
export function checkLanguage(
  text: string | undefined,
  shown: string,
  at: Location,
  problems: Problem[]
): Language | undefined {
  const language = text?.trim().toLowerCase();
  if (language !== undefined && (LANGUAGES as readonly string[]).includes(language))
    return language as Language;
  problems.push(msg.unknownLanguage(at, shown));
  return undefined;
}

/**
 * The colour scale of the matrix, by its name in any case. `text` is undefined when what was given
 * is not a text; `shown` is how it was given. Undefined when it names no palette (then said).
 */
export function checkPalette(
  text: string | undefined,
  shown: string,
  at: Location,
  problems: Problem[]
): PaletteName | undefined {
  const name = text?.trim().toLowerCase() ?? "";
  if (isPaletteName(name)) return name;
  problems.push(msg.unknownPalette(at, shown));
  return undefined;
}
