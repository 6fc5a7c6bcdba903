/**
 * Command line: build, read and template workbooks.
 *   build STUDY.json -o OUT.xlsx [--lang fr|en] [--palette default|colourblind] [--force] [--drop-orphans]
 *   read WORKBOOK.xlsx [-o STUDY.json] [--force]
 *   template -o OUT.xlsx [--lang fr|en] [--force]
 *   order STUDY.json -o ORDERED.json [--segments K] [--force]   (order.ts)
 *   image STUDY.json|WORKBOOK.xlsx -o OUT.svg|OUT.png …            (image.ts)
 *   export STUDY.json|WORKBOOK.xlsx -o CLIENT.xlsx|CLIENT.pdf …     (export.ts)
 *   advise STUDY.json|WORKBOOK.xlsx [--json] [--lang fr|en]        (advise.ts)
 *   responses RESPONSES.csv|.xlsx --study STUDY.json -o STUDY2.json … (responses.ts)
 *   rfm TRANSACTIONS.csv|… -o OUT.xlsx | rfm --sql duckdb|postgres   (rfm.ts)
 * Exit 0 on success; 1 on bad input (one line per problem, naming the file, field or cell); 2 on misuse.
 * Nothing is left behind on failure: outputs are written to a temporary file and renamed at the end.
 * Every output passes one guard (output-guard.ts): never the input, never a file the add-in did not
 * create unless --force, never a workbook with macros.
 */
import { parseArgs } from "util";
import { hasErrors } from "../messages";
import { validateStudy } from "../method/validate";
import { Study } from "../method/study";
import { Language } from "../method/levels";
import { buildPlan, readStudy, templatePlan } from "../layout";
import { excelLimitProblems } from "../layout/limits";
import { studyToJson } from "../layout/study-json";
import { planToBuffer } from "../hosts/xlsx/file";
import { WorkbookUnreadable } from "../hosts/xlsx/zip";
import {
  CliError,
  CliProblems,
  Io,
  environmentLanguage,
  parseLanguage,
  readJson,
  readWorkbook,
  report,
  terminalIo,
  writeLines,
} from "./common";
import { ADVISE_USAGE, adviseCommand } from "./advise";
import { EXPORT_USAGE, exportCommand } from "./export";
import { IMAGE_USAGE, image, parsePalette } from "./image";
import { order } from "./order";
import { RESPONSES_USAGE, responsesCommand } from "./responses";
import { RFM_USAGE, rfmCommand } from "./rfm";
import { guardOutput, writeOutput } from "./output-guard";

const USAGE = `usage:
  segment-matrix build STUDY.json -o OUT.xlsx [--lang fr|en] [--palette default|colourblind] [--force] [--drop-orphans]
  segment-matrix read WORKBOOK.xlsx [-o STUDY.json] [--force]
  segment-matrix template -o OUT.xlsx [--lang fr|en] [--force]
  segment-matrix order STUDY.json -o ORDERED.json [--segments K] [--force]
  ${IMAGE_USAGE}
  ${EXPORT_USAGE}
  ${ADVISE_USAGE}
  ${RESPONSES_USAGE}
  ${RFM_USAGE}`;

/** Options of the commands that write a workbook. */
const WRITE_OPTIONS = {
  output: { type: "string", short: "o" },
  lang: { type: "string" },
  force: { type: "boolean" },
} as const;

async function build(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...WRITE_OPTIONS,
      "drop-orphans": { type: "boolean" },
      palette: { type: "string" },
    },
  });
  if (positionals.length !== 1 || !values.output)
    throw new CliError(`build needs a study file and -o OUT.xlsx\n${USAGE}`, 2);
  const language = parseLanguage(values.lang);
  const palette = parsePalette(values.palette);
  const file = positionals[0];
  const { study, problems } = validateStudy(await readJson(file), file, {
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
  const plan = buildPlan(study, { language, palette });
  await writeOutput(values.output, target, await planToBuffer(plan));
  const rated = study.pairs.filter(
    (p) => p.perception !== undefined && p.impact !== undefined
  ).length;
  io.err(
    messages === "fr"
      ? `${study.clienteles.length} clientèles × ${study.needs.length} besoins, ${study.pairs.length} paires cochées dont ${rated} notées`
      : `${study.clienteles.length} clientèles × ${study.needs.length} needs, ${study.pairs.length} ticked pairs, ${rated} rated`
  );
  for (const line of figuresSourceLines(study, messages)) io.err(line);
  io.out(values.output);
}

/**
 * Where the segments' figures come from, when `rfm … --study` drew them from the customers' data:
 * one line per analysis date ("tailles, fréquences et paniers de 3 segments tirés des données
 * clients au 2026-01-01"); a segment sized from its population took only its frequency and basket.
 */
export function figuresSourceLines(study: Study, language: Language): string[] {
  const groups = new Map<string, { asOf: string; sized: boolean; count: number }>();
  for (const segment of study.segments ?? []) {
    if (!segment.figuresSource) continue;
    const sized = segment.population === undefined;
    const key = `${segment.figuresSource.asOf} ${sized}`;
    const group = groups.get(key) ?? { asOf: segment.figuresSource.asOf, sized, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ asOf, sized, count }) => {
    const segments = `${count} segment${count > 1 ? "s" : ""}`;
    return language === "fr"
      ? `${sized ? "tailles, fréquences" : "fréquences"} et paniers de ${segments} tirés des données clients au ${asOf}`
      : `${sized ? "sizes, frequencies" : "frequencies"} and baskets of ${segments} from the customers' data to ${asOf}`;
  });
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
    writeLines(io.out, json.trimEnd());
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

export async function runCli(argv: string[], terminal: Io): Promise<number> {
  const io = terminalIo(terminal);
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
      case "export":
        await exportCommand(rest, io);
        break;
      case "advise":
        await adviseCommand(rest, io);
        break;
      case "responses":
        await responsesCommand(rest, io);
        break;
      case "rfm":
        await rfmCommand(rest, io);
        break;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        writeLines(io.out, USAGE);
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
      if (failure.message) writeLines(io.err, `error: ${failure.message}`);
      return failure.exitCode;
    }
    if (String((failure as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS")) {
      writeLines(io.err, `error: ${(failure as Error).message}\n${USAGE}`);
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
