/**
 * The study's optional one-line texts that only its deliverables show: the organisation (on the
 * deck's title slide) and the currency (after or before every basket and potential). Checked here
 * so that the study-file validator only names the fields.
 */
import * as msg from "../messages";
import { Bilingual } from "./levels";
import { Location, Problem } from "../messages";

/** Longest organisation and currency kept: one line on a title slide, a symbol or a code. */
export const STUDY_TEXT_MAX: Record<msg.StudyTextField, number> = {
  organisation: 200,
  currency: 12,
};

/**
 * The field's text, trimmed, or undefined when absent, empty or refused (each fault said once,
 * naming the field). `fault` says why a text cannot be kept exactly (the validator's rule).
 */
export function validateStudyText(
  value: unknown,
  field: msg.StudyTextField,
  location: Location,
  problems: Problem[],
  fault: (text: string) => Bilingual | undefined
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    problems.push(msg.studyTextNotText(location, field));
    return undefined;
  }
  const trimmed = value.trim();
  const refused = fault(trimmed);
  if (refused) {
    problems.push(msg.studyTextBadCharacter(location, refused));
    return undefined;
  }
  const length = [...trimmed].length;
  if (length > STUDY_TEXT_MAX[field]) {
    problems.push(msg.studyTextTooLong(location, field, length, STUDY_TEXT_MAX[field]));
    return undefined;
  }
  return trimmed === "" ? undefined : trimmed;
}
