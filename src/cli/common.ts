/** What every command shares: how it reads a study file, reports problems and fails. */
import { promises as fs } from "fs";
import path from "path";
import { Language } from "../method/levels";
import * as msg from "../method/messages";
import { Problem, formatProblem, hasErrors } from "../method/problems";
import { Study } from "../method/study";
import { validateStudy } from "../method/validate";
import { readStudy } from "../layout";
import { readWorkbookFile } from "../hosts/xlsx/file";

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
export class CliProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => problem.message.en).join("; "));
  }
}

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
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

export function report(problems: readonly Problem[], language: Language, io: Io): void {
  for (const problem of problems) {
    const prefix =
      problem.severity === "error"
        ? language === "fr"
          ? "erreur"
          : "error"
        : language === "fr"
          ? "attention"
          : "warning";
    io.err(`${prefix}: ${formatProblem(problem, language)}`);
  }
}

export async function readJson(file: string): Promise<unknown> {
  let content: string;
  try {
    content = await fs.readFile(file, "utf8");
  } catch (failure) {
    const code = (failure as NodeJS.ErrnoException).code;
    throw new CliProblems([
      code === "ENOENT" ? msg.fileMissing(file) : msg.fileUnreadable(file, code ?? String(failure)),
    ]);
  }
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (failure) {
    throw new CliProblems([msg.fileNotJson(file, (failure as Error).message)]);
  }
}

/** Same path, or the same file through another path (a link), when both exist. */
export async function sameFile(first: string, second: string): Promise<boolean> {
  if (path.resolve(first) === path.resolve(second)) return true;
  try {
    return (await fs.realpath(first)) === (await fs.realpath(second));
  } catch {
    return false; // one of them does not exist yet
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
    // ExcelJS says "File not found" without an error code: look first.
    await fs.access(file).catch(() => {
      throw new CliProblems([msg.fileMissing(file)]);
    });
    let grids;
    try {
      ({ grids } = await readWorkbookFile(file));
    } catch (failure) {
      throw new CliProblems([msg.fileNotWorkbook(file, (failure as Error).message)]);
    }
    const read = readStudy(grids);
    study = read.study;
    problems = read.problems.map((p) => ({ ...p, location: { ...p.location, file } }));
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
