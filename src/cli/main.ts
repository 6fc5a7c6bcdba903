/**
 * Command line: build, read and template workbooks.
 *   build STUDY.json -o OUT.xlsx [--lang fr|en] [--force] [--drop-orphans]
 *   read WORKBOOK.xlsx [-o STUDY.json]
 *   template -o OUT.xlsx [--lang fr|en]
 *   order STUDY.json -o ORDERED.json [--segments K] [--force]   (see order.ts)
 * Exit 0 on success; 1 on bad input (one line per problem, naming the file, field or cell); 2 on misuse.
 * Nothing is left behind on failure: outputs are written to a temporary file and renamed at the end.
 */
import { promises as fs } from "fs";
import { parseArgs } from "util";
import * as msg from "../method/messages";
import { hasErrors } from "../method/problems";
import { validateStudy } from "../method/validate";
import { buildPlan, readStudy, templatePlan } from "../layout";
import { studyToJson } from "../layout/study-json";
import { managedSheetNames } from "../layout/managed";
import { planToBuffer, readWorkbookFile, writeFileAtomic } from "../hosts/xlsx/file";
import {
  CliError,
  CliProblems,
  Io,
  environmentLanguage,
  parseLanguage,
  readJson,
  report,
} from "./common";
import { IMAGE_USAGE, image } from "./image";
import { order } from "./order";

const USAGE = `usage:
  segment-matrix build STUDY.json -o OUT.xlsx [--lang fr|en] [--force] [--drop-orphans]
  segment-matrix read WORKBOOK.xlsx [-o STUDY.json]
  segment-matrix template -o OUT.xlsx [--lang fr|en]
  segment-matrix order STUDY.json -o ORDERED.json [--segments K] [--force]
  ${IMAGE_USAGE}`;

/** Options of the commands that write a workbook. */
const WRITE_OPTIONS = {
  output: { type: "string", short: "o" },
  lang: { type: "string" },
  force: { type: "boolean" },
} as const;

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
    throw new CliProblems([msg.outputForeignFile(target)]);
  }
  if (foreign.length > 0) throw new CliProblems([msg.outputForeignSheets(target, foreign)]);
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
  const { study, problems } = validateStudy(await readJson(file), file, {
    orphans: values["drop-orphans"] ? "drop" : "refuse",
  });
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
    throw new CliProblems([
      code === "ENOENT"
        ? msg.fileMissing(file)
        : msg.fileNotWorkbook(file, (failure as Error).message),
    ]);
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
      case "order":
        await order(rest, io, USAGE);
        break;
      case "image":
        await image(rest, io);
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
