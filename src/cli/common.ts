/** What every command shares: how it reads a study file, reports problems and fails. */
import { promises as fs } from "fs";
import { Language } from "../method/levels";
import * as msg from "../method/messages";
import { Problem, formatProblem } from "../method/problems";

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
  throw new CliError(`--lang: "${value}" is not a language of the workbook: use fr or en`, 2);
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
