/**
 * The study's optional one-line texts that only its deliverables show: the organisation (on the
 * deck's title slide) and the currency (with every basket and potential). One rule for the study
 * file and the settings sheet's cells, as every checker of this folder.
 */
import * as msg from "../../messages";
import { Location, Problem } from "../../messages";
import { textFault } from "./text";

/** Longest organisation and currency kept: one line on a title slide, a symbol or a code. */
export const STUDY_TEXT_MAX: Record<msg.StudyTextField, number> = {
  organisation: 200,
  currency: 12,
};

/**
 * The text trimmed, or undefined when blank or refused (each fault said once, naming the field or
 * the cell): a character a cell cannot hold exactly, or longer than the field allows.
 */
export function checkStudyText(
  text: string,
  field: msg.StudyTextField,
  at: Location,
  problems: Problem[]
): string | undefined {
  const trimmed = text.trim();
  const refused = textFault(trimmed);
  if (refused) {
    problems.push(msg.studyTextBadCharacter(at, refused));
    return undefined;
  }
  const length = [...trimmed].length;
  if (length > STUDY_TEXT_MAX[field]) {
    problems.push(msg.studyTextTooLong(at, field, length, STUDY_TEXT_MAX[field]));
    return undefined;
  }
  return trimmed === "" ? undefined : trimmed;
}

/** A study file's value of the field: absent or null is none; anything but a text is refused. */
export function checkStudyTextValue(
  value: unknown,
  field: msg.StudyTextField,
  at: Location,
  problems: Problem[]
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    problems.push(msg.studyTextNotText(at, field));
    return undefined;
  }
  return checkStudyText(value, field, at, problems);
}
