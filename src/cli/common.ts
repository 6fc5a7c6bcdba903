/** What every command shares: how it reads its input, reports problems and fails. */
import path from "path";
import { Language } from "../method/levels";
import * as msg from "../messages";
import { Problem, formatProblem, hasErrors, showControls } from "../messages";
import { Study } from "../method/study";
import { validateStudy } from "../method/validate";
import { readStudy } from "../layout";
import { WorkbookGrids } from "../layout/grids";
import { readWorkbookFile } from "../hosts/xlsx/file";
import { WorkbookUnreadable } from "../hosts/xlsx/zip";
import { FileProblems } from "./study-file";
import { readStudyJson } from "./study-file";

/** Misuse of the command line (exit 2): said in English, as the usage text. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number
  ) {
    super(message);
  }
}

/** Bad input (exit 1): problems from the catalogue, said in the user's language. */
export { FileProblems as CliProblems };

/** Where the command's lines go: one line per call (the caller splits text of several lines). */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * The one place text becomes terminal output: every line, whatever made it (a problem, a summary
 * naming the study's items, an output path, the parser's words), has its control characters shown
 * escaped (`\u001b`), line breaks included, so that nothing read from a file acts on the terminal.
 */
export function terminalIo(io: Io): Io {
  return {
    out: (line) => io.out(showControls(line)),
    err: (line) => io.err(showControls(line)),
  };
}

/** Text of several lines written as such (usage, the study as JSON): each line escaped alone. */
export function writeLines(write: (line: string) => void, text: string): void {
  for (const line of text.split("\n")) write(line);
}

export function environmentLanguage(): Language {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function parseLanguage(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (value === "fr" || value === "en") return value;
  throw new CliError(`--lang: "${value}" is not a language of Segment Matrix: use fr or en`, 2);
}

/** Problems of one kind shown before the rest are summed up in one line (a million bad rows). */
const SHOWN_PER_CODE = 20;

export function report(problems: readonly Problem[], language: Language, io: Io): void {
  const seen = new Map<Problem["code"], number>();
  for (const problem of problems) {
    const count = (seen.get(problem.code) ?? 0) + 1;
    seen.set(problem.code, count);
    if (count <= SHOWN_PER_CODE) io.err(line(problem, language));
  }
  for (const [code, count] of seen) {
    if (count > SHOWN_PER_CODE)
      io.err(line(msg.moreProblems(code, count - SHOWN_PER_CODE), language));
  }
}

function line(problem: Problem, language: Language): string {
  const prefix =
    problem.severity === "error"
      ? language === "fr"
        ? "erreur"
        : "error"
      : language === "fr"
        ? "attention"
        : "warning";
  return `${prefix}: ${formatProblem(problem, language)}`;
}

/** A study file's content: bounded, strictly decoded, parsed (one problem naming the file otherwise). */
export const readJson = readStudyJson;

/** The workbook's grids, or one problem naming the file (missing, not a workbook, too large…). */
export async function readWorkbook(
  file: string,
  options?: Parameters<typeof readWorkbookFile>[1]
): ReturnType<typeof readWorkbookFile> {
  try {
    return await readWorkbookFile(file, options);
  } catch (failure) {
    if (failure instanceof WorkbookUnreadable) throw new FileProblems([failure.problem]);
    const code = (failure as NodeJS.ErrnoException).code;
    throw new FileProblems([
      code === "ENOENT"
        ? msg.fileMissing(file)
        : msg.fileUnreadable(file, code ?? (failure as Error).message),
    ]);
  }
}

/** A study file's study, validated as `build` does, or a workbook's, read as `read` does. */
export async function readStudyInput(
  file: string,
  language: Language | undefined,
  io: Io,
  usage: string
): Promise<Study> {
  const extension = path.extname(file).toLowerCase();
  let study: Study | undefined;
  let problems: Problem[];
  if (extension === ".json") {
    ({ study, problems } = validateStudy(await readJson(file), file));
  } else if (extension === ".xlsx") {
    const { grids } = await readWorkbook(file);
    return studyOfGrids(grids, file, language, io);
  } else {
    throw new CliError(
      `${file}: give a study file (.json) or a workbook (.xlsx)\nusage: ${usage}`,
      2
    );
  }
  report(problems, language ?? study?.language ?? environmentLanguage(), io);
  if (!study || hasErrors(problems)) throw new CliError("", 1);
  return study;
}

/** A workbook's study, read as `read` does; its problems reported, naming the file. */
export function studyOfGrids(
  grids: WorkbookGrids,
  file: string,
  language: Language | undefined,
  io: Io
): Study {
  const read = readStudy(grids);
  const problems = read.problems.map((p) => ({ ...p, location: { ...p.location, file } }));
  report(problems, language ?? read.study?.language ?? environmentLanguage(), io);
  if (!read.study || hasErrors(problems)) throw new CliError("", 1);
  return read.study;
}
