/**
 * Command line: build, read and template workbooks.
 *   build STUDY.json -o OUT.xlsx [--lang fr|en] [--force]
 *   read WORKBOOK.xlsx [-o STUDY.json]
 *   template -o OUT.xlsx [--lang fr|en]
 * Exit 0 on success; 1 on bad input (one line per problem, naming the file, field or cell); 2 on misuse.
 * Nothing is left behind on failure: outputs are written to a temporary file and renamed at the end.
 */
import { promises as fs } from "fs";
import { parseArgs } from "util";
import { Language } from "../method/levels";
import { Problem, formatProblem, hasErrors } from "../method/problems";
import { validateStudy } from "../method/validate";
import { buildPlan, templatePlan } from "../layout/build-plan";
import { readStudy } from "../layout/read-study";
import { studyToJson } from "../layout/study-json";
import { managedSheetNames } from "../layout/managed";
import { planToBuffer, readWorkbookFile, writeFileAtomic } from "../hosts/xlsx/file";
import { IMAGE_USAGE, image } from "./image";

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number
  ) {
    super(message);
  }
}

const USAGE = `usage:
  segment-matrix build STUDY.json -o OUT.xlsx [--lang fr|en] [--force]
  segment-matrix read WORKBOOK.xlsx [-o STUDY.json]
  segment-matrix template -o OUT.xlsx [--lang fr|en]
  ${IMAGE_USAGE}`;

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

function report(problems: readonly Problem[], language: Language, io: Io): void {
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

async function readJson(file: string): Promise<unknown> {
  let content: string;
  try {
    content = await fs.readFile(file, "utf8");
  } catch (failure) {
    throw new CliError(
      `${file}: cannot read the study file (${(failure as NodeJS.ErrnoException).code ?? String(failure)})`,
      1
    );
  }
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (failure) {
    throw new CliError(`${file}: not valid JSON (${(failure as Error).message})`, 1);
  }
}

/** Refuses to replace a file that holds anything Segment Matrix did not create, unless forced. */
async function checkOverwrite(target: string, force: boolean): Promise<void> {
  if (force) return;
  try {
    await fs.access(target);
  } catch {
    return;
  }
  let foreign: string[];
  try {
    const { grids } = await readWorkbookFile(target);
    const managed = managedSheetNames(grids);
    foreign = grids.sheets.map((sheet) => sheet.name).filter((name) => !managed.has(name));
  } catch {
    throw new CliError(
      `${target}: exists and is not a Segment Matrix workbook; choose another output file, or add --force to replace it`,
      1
    );
  }
  if (foreign.length > 0) {
    throw new CliError(
      `${target}: exists and holds sheets Segment Matrix did not create (${foreign.join(", ")}); choose another output file, or add --force to replace the whole file`,
      1
    );
  }
}

async function build(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: WRITE_OPTIONS,
  });
  if (positionals.length !== 1 || !values.output)
    throw new CliError(`build needs a study file and -o OUT.xlsx\n${USAGE}`, 2);
  const language = parseLanguage(values.lang);
  const file = positionals[0];
  const { study, problems } = validateStudy(await readJson(file), file);
  const messages = language ?? study?.language ?? environmentLanguage();
  report(problems, messages, io);
  if (!study || hasErrors(problems)) throw new CliError("", 1);
  await checkOverwrite(values.output, Boolean(values.force));
  const plan = buildPlan(study, { language });
  await writeFileAtomic(values.output, await planToBuffer(plan));
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
    options: { output: { type: "string", short: "o" }, lang: { type: "string" } },
  });
  if (positionals.length !== 1) throw new CliError(`read needs a workbook\n${USAGE}`, 2);
  const file = positionals[0];
  let grids;
  try {
    ({ grids } = await readWorkbookFile(file));
  } catch (failure) {
    const code = (failure as NodeJS.ErrnoException).code;
    throw new CliError(
      code === "ENOENT"
        ? `${file}: no such file`
        : `${file}: not an .xlsx workbook (${(failure as Error).message})`,
      1
    );
  }
  const { study, problems } = readStudy(grids);
  const messages = parseLanguage(values.lang) ?? study?.language ?? environmentLanguage();
  report(
    problems.map((p) => ({ ...p, location: { ...p.location, file } })),
    messages,
    io
  );
  if (!study) throw new CliError("", 1);
  const json = JSON.stringify(studyToJson(study), null, 2) + "\n";
  if (values.output) {
    await writeFileAtomic(values.output, Buffer.from(json, "utf8"));
    io.out(values.output);
  } else {
    io.out(json.trimEnd());
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
  await checkOverwrite(values.output, Boolean(values.force));
  await writeFileAtomic(values.output, await planToBuffer(templatePlan(language)));
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
      case "image":
        return await image(rest, io);
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
