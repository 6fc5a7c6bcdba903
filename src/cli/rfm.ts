/**
 * rfm TRANSACTIONS.csv|.tsv|.parquet|.xlsx [--date YYYY-MM-DD] [--columns id=…,date=…,amount=…]
 *     [--lang fr|en] [--palette default|colourblind] -o OUT.xlsx [--force]
 * rfm --sql duckdb|postgres [--date YYYY-MM-DD]
 * The client's own customers scored by RFM (src/analysis/rfm.ts) from a transactions file read
 * through DuckDB (hosts/data), written as the RFM workbook (layout/sheets/rfm.ts); or the SQL that
 * computes the same rows in the client's warehouse, whose per-customer result `rfm` also reads.
 * Exit 0 on success; 1 on bad input (counts and reasons per problem); 2 on misuse.
 */
import { promises as fs } from "fs";
import { parseArgs } from "util";
import path from "path";
import {
  DEFAULT_SEGMENT_RULES,
  RfmRow,
  dayOfIso,
  isoOfDay,
  rfmRows,
  rulesIn,
  segmentOf,
} from "../analysis/rfm";
import { rfmSql, SqlDialect } from "../analysis/rfm-sql";
import { hasErrors } from "../messages";
import * as msg from "../messages";
import { nounEn, nounFr, quoteEn, quoteFr } from "../messages";
import { EXCEL_LIMITS } from "../layout/limits";
import { PALETTES } from "../method/colour";
import { rfmPlan } from "../layout/sheets/rfm";
import { listWorkbookFile, planToBuffer } from "../hosts/xlsx/file";
import type { SourceRead, TransactionOptions } from "../hosts/data/transactions";
import { ColumnChoice, parseColumnChoice } from "../hosts/data/columns";
import {
  CliError,
  CliProblems,
  Io,
  environmentLanguage,
  parseLanguage,
  readStudyInput,
  report,
  writeLines,
} from "./common";
import { Language } from "../method/levels";
import { quantifiedLine, quantifySegments } from "../analysis/rfm-quantify";
import { studyToJson } from "../layout/study-json";
import { parsePalette } from "./image";
import { guardOutput, writeOutput } from "./output-guard";

export const RFM_USAGE =
  "segment-matrix rfm TRANSACTIONS.csv|.tsv|.parquet|.xlsx [--date YYYY-MM-DD] [--columns id=…,date=…,amount=…] [--lang fr|en] [--palette default|colourblind] -o OUT.xlsx [--force]\n  segment-matrix rfm TRANSACTIONS… --clientele COLUMN [--customers CUSTOMERS.csv] --study STUDY.json|WORKBOOK.xlsx -o OUT.json [--date YYYY-MM-DD] [--force]\n  segment-matrix rfm --sql duckdb|postgres [--date YYYY-MM-DD]";

/** From this many customers on, the workbook is compressed at zlib's fastest level. */
const FAST_WRITE_CUSTOMERS = 50_000;

const INPUTS = [".csv", ".tsv", ".tab", ".txt", ".parquet", ".xlsx"];

export async function rfmCommand(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      date: { type: "string" },
      columns: { type: "string" },
      lang: { type: "string" },
      palette: { type: "string" },
      sql: { type: "string" },
      customers: { type: "string" },
      clientele: { type: "string" },
      study: { type: "string" },
      force: { type: "boolean" },
    },
  });
  const asked = parseLanguage(values.lang);
  // One language for every message of the run, as the other commands: --lang, else the
  // environment's (errors and warnings alike; it also reads 03/04/2025, and says how).
  const language = asked ?? environmentLanguage();
  if (values.date !== undefined && dayOfIso(values.date) === undefined)
    throw new CliError(`--date: "${values.date}" is not a date YYYY-MM-DD\nusage: ${RFM_USAGE}`, 2);
  if (values.sql !== undefined) {
    if (values.sql !== "duckdb" && values.sql !== "postgres")
      throw new CliError(`--sql: use duckdb or postgres\nusage: ${RFM_USAGE}`, 2);
    // The query as it is, one line per line (a line break escaped would make it all a comment).
    writeLines(io.out, rfmSql(values.sql as SqlDialect, values.date));
    return;
  }
  if (positionals.length !== 1 || !values.output)
    throw new CliError(`rfm needs a transactions file and -o OUT.xlsx\nusage: ${RFM_USAGE}`, 2);
  const input = positionals[0];
  const output = values.output;
  if (!INPUTS.includes(path.extname(input).toLowerCase()))
    throw new CliError(
      `${input}: give a CSV, TSV, Parquet or .xlsx file of transactions\nusage: ${RFM_USAGE}`,
      2
    );
  const format = path.extname(output).toLowerCase();
  if (format === ".json") return quantifyCommand(input, output, values, asked, io);
  if (format === ".xlsx" && (values.study || values.customers || values.clientele))
    throw new CliError(
      `--study, --customers and --clientele quantify a study's segments: they go with -o OUT.json, not with the RFM workbook (${output})\nusage: ${RFM_USAGE}`,
      2
    );
  if (format !== ".xlsx")
    throw new CliError(
      `${output}: the output's format follows its extension: .xlsx (the RFM workbook) or .json (the study quantified, with --study)\nusage: ${RFM_USAGE}`,
      2
    );
  const columns = columnChoice(values.columns);
  const palette = PALETTES[parsePalette(values.palette) ?? "default"];
  const target = await guardOutput(output, {
    inputs: [input],
    force: Boolean(values.force),
    kind: "workbook",
  });
  await refuseStudyWorkbook(output, target);

  const read = await readSource(input, { columns, language, analysisDate: values.date });
  report(read.problems, language, io);
  if (hasErrors(read.problems)) throw new CliError("", 1);
  const rules = rulesIn(DEFAULT_SEGMENT_RULES, language);
  let rows: RfmRow[];
  let analysisDay: number;
  let firstDay: number;
  if (read.kind === "scored") {
    // The warehouse's result: its scores are taken as they are; the segments follow the rules.
    rows = read.rows.map((row) => ({
      ...row,
      code: `${row.r}${row.f}${row.m}`,
      segment: segmentOf(row.r, row.f, rules),
    }));
    // The query's analysis date is not in its result: the sheets must not guess it.
    if (values.date === undefined)
      throw new CliError(
        `${input} holds scored customers (the result of rfm --sql): give the analysis date the query used with --date YYYY-MM-DD\nusage: ${RFM_USAGE}`,
        2
      );
    analysisDay = dayOfIso(values.date) as number;
    const oldest = Math.max(0, ...rows.map((row) => row.recency));
    firstDay = analysisDay - oldest;
  } else {
    rows = rfmRows(read.customers, read.scores, read.analysisDay, rules);
    analysisDay = read.analysisDay;
    firstDay = read.firstDay;
  }
  // An id past Excel's limit per cell would be cut by Excel, or the file refused: said, not written.
  const tooLong = rows.find((row) => row.id.length > EXCEL_LIMITS.cellText);
  if (tooLong) {
    report([msg.rfmIdTooLong(input, tooLong.id, EXCEL_LIMITS.cellText)], language, io);
    throw new CliError("", 1);
  }
  const plan = rfmPlan({ rows, rules, analysisDay, firstDay, language, palette });
  // Many customers: the fastest compression (a file about a third larger, written twice as fast).
  const level = rows.length > FAST_WRITE_CUSTOMERS ? 1 : undefined;
  await writeOutput(output, target, await planToBuffer(plan, level));
  const transactions = read.kind === "transactions" ? read.counts.rows : undefined;
  // Which columns were taken (guessed or given), so that a wrong guess is seen.
  const taken =
    read.kind === "transactions"
      ? language === "fr"
        ? ` (identifiant ${quoteFr(read.columns.id)}, date ${quoteFr(read.columns.date)}, montant ${quoteFr(read.columns.amount)})`
        : ` (id ${quoteEn(read.columns.id)}, date ${quoteEn(read.columns.date)}, amount ${quoteEn(read.columns.amount)})`
      : "";
  io.err(
    language === "fr"
      ? `${nounFr(rows.length, "client", "clients")}${transactions !== undefined ? `, ${nounFr(transactions, "ligne lue", "lignes lues")}${taken}` : ""}, date d'analyse ${isoOfDay(analysisDay)}`
      : `${nounEn(rows.length, "customer", "customers")}${transactions !== undefined ? `, ${nounEn(transactions, "row read", "rows read")}${taken}` : ""}, analysis date ${isoOfDay(analysisDay)}`
  );
  io.out(output);
}

/**
 * The transactions through DuckDB, loaded only by this command: its native module costs the other
 * commands' start-up nothing. Bad input becomes the catalogue's problems.
 */
async function readSource(file: string, options: TransactionOptions): Promise<SourceRead> {
  const { SourceProblems, readTransactions } = await import("../hosts/data/transactions");
  try {
    return await readTransactions(file, options);
  } catch (failure) {
    if (failure instanceof SourceProblems) throw new CliProblems(failure.problems);
    throw failure;
  }
}

function columnChoice(value: string | undefined): ColumnChoice | undefined {
  if (value === undefined) return undefined;
  const choice = parseColumnChoice(value);
  if (typeof choice === "string") throw new CliError(`${choice}\nusage: ${RFM_USAGE}`, 2);
  return choice;
}

/**
 * rfm TRANSACTIONS --clientele COLUMN [--customers CUSTOMERS.csv] --study STUDY.json -o OUT.json:
 * the study with each segment's size, frequency and basket from the year before the analysis date.
 */
async function quantifyCommand(
  input: string,
  output: string,
  values: {
    study?: string;
    clientele?: string;
    customers?: string;
    columns?: string;
    date?: string;
    force?: boolean;
  },
  language: Language | undefined,
  io: Io
): Promise<void> {
  if (!values.study || !values.clientele)
    throw new CliError(
      `rfm … -o OUT.json writes the study quantified: it needs --study STUDY.json and --clientele COLUMN\nusage: ${RFM_USAGE}`,
      2
    );
  const columns = columnChoice(values.columns);
  const inputs = [input, values.study, ...(values.customers ? [values.customers] : [])];
  const target = await guardOutput(output, {
    inputs,
    force: Boolean(values.force),
    kind: "study",
  });
  const study = await readStudyInput(values.study, undefined, io, RFM_USAGE);
  const messages = language ?? study.language;
  // Nothing to quantify: said, and no study written unchanged as if it were.
  if ((study.segments ?? []).length === 0) {
    report([msg.rfmStudyWithoutSegments(values.study)], messages, io);
    throw new CliError("", 1);
  }
  const read = await readSource(input, {
    columns,
    language: messages,
    analysisDate: values.date,
    clientele: { column: values.clientele, customersFile: values.customers },
  }).catch((failure: unknown) => {
    // Said in the study's language like the warnings, not in the environment's.
    if (!(failure instanceof CliProblems)) throw failure;
    report(failure.problems, messages, io);
    throw new CliError("", 1);
  });
  if (read.kind !== "transactions")
    throw new CliError(
      `${input}: give transactions, not a per-customer result, to quantify segments`,
      2
    );
  const quantified = quantifySegments(study, read.clienteles ?? [], isoOfDay(read.analysisDay));
  const problems = [
    ...read.problems.filter((p) => p.code !== "rfm-single-customer"),
    ...quantified.unknownClienteles.map((line) =>
      msg.rfmUnknownClientele({ file: values.customers ?? input }, line.clientele, line.customers)
    ),
    ...quantified.unquantified.map((name) =>
      msg.rfmSegmentUnquantified({ file: values.study, field: name }, name)
    ),
    ...quantified.sizedByPopulation.map((name) =>
      msg.rfmSizeFromPopulation({ file: values.study, field: name }, name)
    ),
  ];
  report(problems, messages, io);
  if (hasErrors(problems)) throw new CliError("", 1);
  const json = JSON.stringify(studyToJson(quantified.study), null, 2) + "\n";
  await writeOutput(output, target, Buffer.from(json, "utf8"));
  const date = isoOfDay(read.analysisDay);
  const kept = new Set(quantified.sizedByPopulation);
  for (const line of quantified.segments)
    io.err(quantifiedLine(line, date, messages, kept.has(line.segment)));
  io.out(output);
}

/** The guard lets the add-in's workbooks be replaced; a study's working workbook never is, here. */
async function refuseStudyWorkbook(output: string, target: string): Promise<void> {
  const handle = await fs.open(target, "r").catch(() => undefined);
  if (!handle) return;
  const head = Buffer.alloc(2);
  try {
    await handle.read(head, 0, 2, 0);
  } finally {
    await handle.close();
  }
  if (head.toString("latin1") !== "PK") return;
  const listing = await listWorkbookFile(target).catch(() => undefined);
  const state = listing?.state;
  const rfmOnly =
    state?.kind === "ok" && state.state.sheets.every((sheet) => RFM_ROLES.includes(sheet.role));
  if (!rfmOnly) throw new CliProblems([msg.rfmOutputStudy(output)]);
}

const RFM_ROLES: readonly string[] = ["rfmCustomers", "rfmSummary"];
