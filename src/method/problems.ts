import { Bilingual, Language } from "./levels";
import type { ProblemCode } from "./messages";

/** Where a problem is: a file and a field of it, or a sheet and a cell of a workbook. */
export interface Location {
  file?: string;
  field?: string;
  sheet?: string;
  cell?: string;
}

export type Severity = "error" | "warning";

/** A problem is a value: a stable code, a message in both languages and a location. Every one is
 *  made by a named function of messages.ts. */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: Bilingual;
  location?: Location;
}

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

/** One line: location, then the message in the chosen language. */
export function formatProblem(problem: Problem, language: Language): string {
  const where = formatLocation(problem.location);
  const text = problem.message[language].replace(/\s*\n\s*/g, " ");
  return where ? `${where}: ${text}` : text;
}

/** Quotes user text inside a message, in the typography of each language. */
export function quoteFr(text: string): string {
  return `« ${text} »`;
}
export function quoteEn(text: string): string {
  return `"${text}"`;
}
