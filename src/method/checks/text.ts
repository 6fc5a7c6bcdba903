/**
 * What any text must be to go into a workbook cell exactly as it is, and what a name must be: the
 * study file, the pane and every sheet reader check texts with these, never with a copy.
 */
import { Bilingual } from "../levels";
import * as msg from "../../messages";
import { Location, Problem } from "../../messages";
import { CELL_TEXT_MAX, NAME_MAX_LENGTH } from "../study";

/** Why a text cannot go into a workbook cell exactly as it is, if it cannot. */
export function textFault(text: string): Bilingual | undefined {
  if (text.length > CELL_TEXT_MAX) return msg.textTooLongFault(text.length, CELL_TEXT_MAX);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A carriage return comes back from the file as a line feed, and U+007F is dropped: refused
    // rather than changed behind the consultant's back.
    const isControl =
      (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
      code === 0x7f ||
      code === 0xfffe ||
      code === 0xffff;
    if (isControl) return msg.controlCharacterFault(code, i + 1);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) return msg.brokenUnicodeFault(i + 1);
  }
  return undefined;
}

/** Checks one name (of a clientèle, a need, an offering or a segment). */
export function nameFault(name: string): Bilingual | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return msg.emptyNameFault();
  if (trimmed.length > NAME_MAX_LENGTH)
    return msg.nameTooLongFault(trimmed.length, NAME_MAX_LENGTH);
  return textFault(trimmed);
}

/**
 * A free text (a title, a comment, a segment's entry or plan): refused with `refused`'s message when
 * a cell cannot hold it, else trimmed; undefined when refused or blank. Checked as given: the study
 * file passes the text untrimmed, a reader the cell's text trimmed.
 */
export function freeText(
  text: string,
  at: Location,
  refused: (at: Location, fault: Bilingual) => Problem,
  problems: Problem[]
): string | undefined {
  const fault = textFault(text);
  if (fault) {
    problems.push(refused(at, fault));
    return undefined;
  }
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}
