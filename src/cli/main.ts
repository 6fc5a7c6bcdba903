/**
 * Command line: build, read and template workbooks.
 *   build STUDY.json -o OUT.xlsx [--lang fr|en] [--force] [--drop-orphans]
 *   read WORKBOOK.xlsx [-o STUDY.json] [--force]
 *   template -o OUT.xlsx [--lang fr|en] [--force]
 * Exit 0 on success; 1 on bad input (one line per problem, naming the file, field or cell); 2 on misuse.
 * Nothing is left behind on failure: outputs are written to a temporary file and renamed at the end.
 * Every output passes one guard (output-guard.ts): never the input, never a file the add-in did not
 * create unless --force, never a workbook with macros.
 */
import { parseArgs } from "util";
import { Language } from "../method/levels";
import * as msg from "../method/messages";
import { Problem, formatProblem, hasErrors } from "../method/problems";
import { validateStudy } from "../method/validate";
import { buildPlan, readStudy, templatePlan } from "../layout";
import { excelLimitProblems } from "../layout/limits";
import { studyToJson } from "../layout/study-json";
import { planToBuffer, readWorkbookFile } from "../hosts/xlsx/file";
import { WorkbookUnreadable } from "../hosts/xlsx/zip";
import { FileProblems, guardOutput, writeOutput } from "./output-guard";
import { readStudyJson } from "./study-file";

/** Misuse of the command line (exit 2): said in English, as the usage text. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number
  ) {
    super(message);
  }
}

/** Bad input (exit 1): problems from the catalogue, said in the user's language. */
const CliProblems = FileProblems;

const USAGE = `usage:
  segment-matrix build STUDY.json -o OUT.xlsx [--lang fr|en] [--force] [--drop-orphans]
  segment-matrix read WORKBOOK.xlsx [-o STUDY.json] [--force]
  segment-matrix template -o OUT.xlsx [--lang fr|en] [--force]`;

/** Options of the commands that write a workbook. */
const WRITE_OPTIONS = {
  output: { type: "string", short: "o" },
  lang: { type: "string" },
  force: { type: "boolean" },
} as const;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

function environmentLanguage(): Language {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

function parseLanguage(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (value === "fr" || value === "en") return value;
  throw new CliError(`--lang: "${value}" is not a language of the workbook: use fr or en`, 2);
}

/** Problems of one kind shown before the rest are summed up in one line (a million bad rows). */
const SHOWN_PER_CODE = 20;

function report(problems: readonly Problem[], language: Language, io: Io): void {
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

async function build(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...WRITE_OPTIONS, "drop-orphans": { type: "boolean" } },
  });
  if (positionals.length !== 1 || !values.output)
    throw new CliError(`build needs a study file and -o OUT.xlsx\n${USAGE}`, 2);
  const language = parseLanguage(values.lang);
  const file = positionals[0];
  const { study, problems } = validateStudy(await readStudyJson(file), file, {
    orphans: values["drop-orphans"] ? "drop" : "refuse",
  });
  const messages = language ?? study?.language ?? environmentLanguage();
  // Excel's limits, before anything is planned: a study that cannot fit is refused whole.
  if (study) problems.push(...excelLimitProblems(study, language ?? study.language, file));
  report(problems, messages, io);
  if (!study || hasErrors(problems)) throw new CliError("", 1);
  const target = await guardOutput(values.output, {
    inputs: [file],
    force: Boolean(values.force),
    kind: "workbook",
  });
  const plan = buildPlan(study, { language });
  await writeOutput(values.output, target, await planToBuffer(plan));
  const rated = study.pairs.filter(
    (p) => p.perception !== undefined && p.impact !== undefined
  ).length;
  io.err(
    messages === "fr"
      ? `${study.clienteles.length} clientèles × ${study.needs.length} besoins, ${study.pairs.length} paires cochées dont ${rated} notées`
      : `${study.clienteles.length} clientèles × ${study.needs.length} needs, ${study.pairs.length} ticked pairs, ${rated} rated`
  );
  io.out(values.output);
}

async function read(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      lang: { type: "string" },
      force: { type: "boolean" },
    },
  });
  if (positionals.length !== 1) throw new CliError(`read needs a workbook\n${USAGE}`, 2);
  const file = positionals[0];
  const language = parseLanguage(values.lang);
  // The output is checked first: a refusal costs no reading, and the workbook is never its target.
  const target = values.output
    ? await guardOutput(values.output, {
        inputs: [file],
        force: Boolean(values.force),
        kind: "study",
      })
    : undefined;
  const { grids } = await readWorkbook(file);
  const { study, problems } = readStudy(grids);
  const messages = language ?? study?.language ?? environmentLanguage();
  report(
    problems.map((p) => ({ ...p, location: { ...p.location, file } })),
    messages,
    io
  );
  if (!study) throw new CliError("", 1);
  const json = JSON.stringify(studyToJson(study), null, 2) + "\n";
  if (values.output && target) {
    await writeOutput(values.output, target, Buffer.from(json, "utf8"));
    io.out(values.output);
  } else {
    io.out(json.trimEnd());
  }
}

/** The workbook's grids, or one problem naming the file (missing, not a workbook, too large…). */
async function readWorkbook(file: string): ReturnType<typeof readWorkbookFile> {
  try {
    return await readWorkbookFile(file);
  } catch (failure) {
    if (failure instanceof WorkbookUnreadable) throw new CliProblems([failure.problem]);
    const code = (failure as NodeJS.ErrnoException).code;
    throw new CliProblems([
      code === "ENOENT"
        ? msg.fileMissing(file)
        : msg.fileUnreadable(file, code ?? (failure as Error).message),
    ]);
  }
}

async function template(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: WRITE_OPTIONS,
  });
  if (positionals.length !== 0 || !values.output)
    throw new CliError(`template needs -o OUT.xlsx\n${USAGE}`, 2);
  const language = parseLanguage(values.lang) ?? "fr";
  const target = await guardOutput(values.output, {
    inputs: [],
    force: Boolean(values.force),
    kind: "workbook",
  });
  await writeOutput(values.output, target, await planToBuffer(templatePlan(language)));
  io.out(values.output);
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "build":
        await build(rest, io);
        break;
      case "read":
        await read(rest, io);
        break;
      case "template":
        await template(rest, io);
        break;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`unknown command "${command}"\n${USAGE}`, 2);
    }
    return 0;
  } catch (failure) {
    if (failure instanceof CliProblems) {
      const asked = argv[argv.indexOf("--lang") + 1];
      report(
        failure.problems,
        asked === "fr" || asked === "en" ? asked : environmentLanguage(),
        io
      );
      return 1;
    }
    if (failure instanceof WorkbookUnreadable) {
      report([failure.problem], environmentLanguage(), io);
      return 1;
    }
    if (failure instanceof CliError) {
      if (failure.message) io.err(`error: ${failure.message}`);
      return failure.exitCode;
    }
    if (String((failure as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS")) {
      io.err(`error: ${(failure as Error).message}\n${USAGE}`);
      return 2;
    }
    io.err(`error: ${(failure as Error).message ?? String(failure)}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + "\n"),
    err: (line) => process.stderr.write(line + "\n"),
  }).then((code) => {
    process.exitCode = code;
  });
}
