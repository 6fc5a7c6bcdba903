import { Bilingual, Language } from "../method/levels";
import type { ProblemCode } from "./index";

/** Where a problem is: a file and a field of it, or a sheet and a cell of a workbook. */
export interface Location {
  file?: string;
  field?: string;
  sheet?: string;
  cell?: string;
}

export type Severity = "error" | "warning";

/**
 * A problem is a value: a stable code, a message in both languages and a location. Every one is
 * made by a named function of this folder, whose return type carries its code: `ProblemCode` is
 * derived from those functions (index.ts), never typed a second time.
 */
export interface ProblemOf<Code extends string> {
  code: Code;
  severity: Severity;
  message: Bilingual;
  location?: Location;
}

/** Any problem of the catalogue. */
export type Problem = ProblemOf<ProblemCode>;

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}

function formatLocation(location: Location | undefined): string {
  if (!location) return "";
  const parts: string[] = [];
  if (location.file) parts.push(location.file);
  const sheet = location.sheet && `'${location.sheet.replace(/'/g, "''")}'`;
  if (sheet && location.cell) parts.push(`${sheet}!${location.cell}`);
  else if (sheet) parts.push(sheet);
  else if (location.cell) parts.push(location.cell);
  if (location.field) parts.push(location.field);
  return parts.join(": ");
}

/** One line: location, then the message in the chosen language, control characters shown escaped. */
export function formatProblem(problem: Problem, language: Language): string {
  const where = formatLocation(problem.location);
  const text = oneLine(problem.message[language]);
  return showControls(where ? `${where}: ${text}` : text);
}

/**
 * Each run of white space that holds a line break becomes one space: a message on one line. A scan
 * of the lines, linear in the text (a regular expression of white space around a line break is
 * quadratic on a long run of spaces without one, which a cell's text can hold).
 */
export function oneLine(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  const last = lines.length - 1;
  const kept: string[] = [];
  lines.forEach((line, index) => {
    const trimmed = (index > 0 ? line.trimStart() : line).trimEnd();
    const shown = index === last ? (index > 0 ? line.trimStart() : line) : trimmed;
    if (shown !== "" || index === 0 || index === last) kept.push(shown);
  });
  return kept.join(" ");
}

/** Quotes user text inside a message, in the typography of each language (controls escaped). */
export function quoteFr(text: string): string {
  return `« ${showControls(text)} »`;
}
export function quoteEn(text: string): string {
  return `"${showControls(text)}"`;
}

/**
 * Whether a UTF-16 code unit would act on a terminal or reorder the text around it rather than
 * show: C0 controls (ESC, BEL, NUL, line breaks…), DEL, C1 controls (U+009B is a CSI on some
 * terminals), the line and paragraph separators, and the bidirectional marks, embeddings,
 * overrides and isolates (a name could otherwise show reversed).
 */
export function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * The text with every control character (isControl) written as `\uXXXX`, as JSON writes it, so
 * that text taken from a file (a cell, a zip entry name, a study name, a parser's error) cannot move
 * the cursor, recolour or clear the terminal, ring its bell or reverse a line. Idempotent: what it
 * writes holds no control character, so escaping twice changes nothing. Linear, no regex.
 */
export function showControls(text: string): string {
  let shown: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isControl(code)) continue;
    shown = (shown ?? "") + text.slice(from, i) + "\\u" + code.toString(16).padStart(4, "0");
    from = i + 1;
  }
  return shown === undefined ? text : shown + text.slice(from);
}
