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
  rulesIn,
  scoreCustomers,
  segmentOf,
} from "../analysis/rfm";
import { rfmSql, SqlDialect } from "../analysis/rfm-sql";
import { hasErrors } from "../method/problems";
import * as msg from "../method/messages";
import { PALETTES } from "../method/palette";
import { rfmPlan } from "../layout/sheets/rfm";
import { listWorkbookFile, planToBuffer } from "../hosts/xlsx/file";
import { SourceProblems, readTransactions } from "../hosts/data/transactions";
import { parseColumnChoice } from "../hosts/data/columns";
import { CliError, CliProblems, Io, parseLanguage, report } from "./common";
import { parsePalette } from "./image";
import { guardOutput, writeOutput } from "./output-guard";

export const RFM_USAGE =
  "segment-matrix rfm TRANSACTIONS.csv|.tsv|.parquet|.xlsx [--date YYYY-MM-DD] [--columns id=…,date=…,amount=…] [--lang fr|en] [--palette default|colourblind] -o OUT.xlsx [--force]\n  segment-matrix rfm --sql duckdb|postgres [--date YYYY-MM-DD]";

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
      force: { type: "boolean" },
    },
  });
  const language = parseLanguage(values.lang) ?? "fr";
  if (values.date !== undefined && dayOfIso(values.date) === undefined)
    throw new CliError(`--date: "${values.date}" is not a date YYYY-MM-DD\nusage: ${RFM_USAGE}`, 2);
  if (values.sql !== undefined) {
    if (values.sql !== "duckdb" && values.sql !== "postgres")
      throw new CliError(`--sql: use duckdb or postgres\nusage: ${RFM_USAGE}`, 2);
    io.out(rfmSql(values.sql as SqlDialect, values.date));
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
  if (path.extname(output).toLowerCase() !== ".xlsx")
    throw new CliError(`${output}: the RFM workbook is an .xlsx file\nusage: ${RFM_USAGE}`, 2);
  let columns;
  if (values.columns !== undefined) {
    const choice = parseColumnChoice(values.columns);
    if (typeof choice === "string") throw new CliError(`${choice}\nusage: ${RFM_USAGE}`, 2);
    columns = choice;
  }
  const palette = PALETTES[parsePalette(values.palette) ?? "default"];
  const target = await guardOutput(output, {
    inputs: [input],
    force: Boolean(values.force),
    kind: "workbook",
  });
  await refuseStudyWorkbook(output, target);

  let read;
  try {
    read = await readTransactions(input, { columns, language, analysisDate: values.date });
  } catch (failure) {
    if (failure instanceof SourceProblems) throw new CliProblems(failure.problems);
    throw failure;
  }
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
    analysisDay = values.date !== undefined ? (dayOfIso(values.date) as number) : todayDay();
    const oldest = Math.max(0, ...rows.map((row) => row.recency));
    firstDay = analysisDay - oldest;
  } else {
    rows = scoreCustomers(read.customers, read.analysisDay, rules);
    analysisDay = read.analysisDay;
    firstDay = read.firstDay;
  }
  const plan = rfmPlan({ rows, rules, analysisDay, firstDay, language, palette });
  await writeOutput(output, target, await planToBuffer(plan));
  const transactions = read.kind === "transactions" ? read.counts.rows : undefined;
  io.err(
    language === "fr"
      ? `${rows.length} clients${transactions !== undefined ? `, ${transactions} lignes lues` : ""}, date d'analyse ${isoOfDay(analysisDay)}`
      : `${rows.length} customers${transactions !== undefined ? `, ${transactions} rows read` : ""}, analysis date ${isoOfDay(analysisDay)}`
  );
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

function todayDay(): number {
  return Math.floor(Date.now() / 86400000);
}
