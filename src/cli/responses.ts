/**
 * responses RESPONSES.csv|.xlsx --study STUDY.json -o STUDY2.json [--threshold 0.5] [--source TEXT]
 *   [--add-new] [--force]
 * Survey answers or workshop votes (one row per respondent and pair) become ticks and ratings with
 * their evidence (docs/method.md §3.3), written to a new study file. Prints, in the study's language,
 * the pairs backed, every tick and rating changed before → after, and the rows not counted.
 */
import { promises as fs } from "fs";
import path from "path";
import { parseArgs } from "util";
import { parseCsv } from "../analysis/csv";
import {
  DEFAULT_THRESHOLD,
  ResponseCell,
  applyResponses,
  readResponseTable,
} from "../analysis/responses";
import { RESPONSES_SHEET_NAMES, describeResponses } from "../i18n/responses";
import { RESPONSES_TABLE } from "../layout/names";
import * as msg from "../messages";
import { hasErrors } from "../messages";
import { nameKey } from "../method/study";
import { validateStudy } from "../method/validate";
import { studyToJson } from "../layout/study-json";
import { readWorkbookFile } from "../hosts/xlsx/file";
import { READ_LIMITS, WorkbookUnreadable } from "../hosts/xlsx/zip";
import { CliError, CliProblems, Io, readStudyInput, report } from "./common";
import { guardOutput, writeOutput } from "./output-guard";
import { decodeStudyBytes } from "./study-file";

export const RESPONSES_USAGE =
  "segment-matrix responses RESPONSES.csv|.xlsx --study STUDY.json -o STUDY2.json [--threshold 0.5] [--source TEXT] [--add-new] [--force]";

/** Largest responses file read: a survey of thousands of respondents takes a few MiB. */
export const RESPONSES_MAX_BYTES = 64 * 1024 * 1024;

export async function responsesCommand(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      study: { type: "string" },
      output: { type: "string", short: "o" },
      threshold: { type: "string" },
      source: { type: "string" },
      "add-new": { type: "boolean" },
      force: { type: "boolean" },
    },
  });
  if (positionals.length !== 1 || !values.study || !values.output)
    throw new CliError(
      `responses needs a responses file, --study STUDY.json and -o STUDY2.json\nusage: ${RESPONSES_USAGE}`,
      2
    );
  const file = positionals[0];
  const extension = path.extname(file).toLowerCase();
  if (extension !== ".csv" && extension !== ".txt" && extension !== ".xlsx")
    throw new CliError(
      `${file}: give the responses as a .csv (or .txt) file or an .xlsx workbook\nusage: ${RESPONSES_USAGE}`,
      2
    );
  const threshold = parseThreshold(values.threshold);
  const studyFile = values.study;
  const output = values.output;

  // The output is checked first: a refusal costs no reading, and neither input is ever its target.
  const target = await guardOutput(output, {
    inputs: [studyFile, file],
    force: Boolean(values.force),
    kind: "study",
  });
  const study = await readStudyInput(studyFile, undefined, io, RESPONSES_USAGE);
  const language = study.language;

  let read: { cells: ResponseCell[][]; sheet?: string };
  try {
    read =
      extension === ".xlsx" ? await readResponsesSheet(file) : { cells: await readCsvFile(file) };
  } catch (failure) {
    // Said in the study's language, as everything else the command says from here on.
    if (!(failure instanceof CliProblems)) throw failure;
    report(failure.problems, language, io);
    throw new CliError("", 1);
  }
  const { cells, sheet } = read;
  const table = readResponseTable(cells, file);
  // In a workbook, the rows are one sheet's: its name goes with each row number.
  if (sheet !== undefined)
    for (const problem of table.problems) problem.location = { ...problem.location, sheet };
  report(table.problems, language, io);
  if (hasErrors(table.problems)) throw new CliError("", 1);

  const source = values.source ?? path.basename(file);
  const outcome = applyResponses(study, table.rows, {
    file,
    threshold,
    source,
    addNew: Boolean(values["add-new"]),
  });
  report(outcome.problems, language, io);
  if (!outcome.study) throw new CliError("", 1);

  // The study written must be one `build` accepts (an added name could break a rule of names).
  const json = studyToJson(outcome.study);
  const checked = validateStudy(JSON.parse(JSON.stringify(json)), output);
  if (hasErrors(checked.problems)) {
    report(checked.problems, language, io);
    throw new CliError("", 1);
  }
  await writeOutput(output, target, Buffer.from(JSON.stringify(json, null, 2) + "\n", "utf8"));

  const respondents = new Set(table.rows.map((row) => nameKey(row.respondent))).size;
  for (const line of describeResponses(
    { outcome, threshold, respondents, rowsCounted: table.rows.length, badRows: table.badRows },
    language
  ))
    io.err(line);
  io.out(output);
}

/** --threshold: a share from 0 (excluded) to 1, written 0.5 or 0,5. */
function parseThreshold(value: string | undefined): number {
  if (value === undefined) return DEFAULT_THRESHOLD;
  const typed = value.trim().replace(",", ".");
  const threshold = Number(typed);
  if (!/^\d*\.?\d+$/.test(typed) || !(threshold > 0 && threshold <= 1))
    throw new CliError(
      `--threshold: "${value}" is not a share: use a number above 0 and up to 1, such as 0.5`,
      2
    );
  return threshold;
}

/** The file's bytes, bounded, or one problem naming the file. */
async function readBounded(file: string): Promise<Buffer> {
  try {
    // Checked before opening: opening a pipe would wait for a writer forever.
    const stat = await fs.stat(file);
    if (!stat.isFile())
      throw new CliProblems([
        msg.fileUnreadable(file, stat.isDirectory() ? "EISDIR" : "not a regular file"),
      ]);
    if (stat.size > RESPONSES_MAX_BYTES)
      throw new CliProblems([msg.responsesTooLarge(file, "bytes", RESPONSES_MAX_BYTES)]);
    return await fs.readFile(file);
  } catch (failure) {
    if (failure instanceof CliProblems) throw failure;
    const code = (failure as NodeJS.ErrnoException).code;
    throw new CliProblems([
      code === "ENOENT" ? msg.fileMissing(file) : msg.fileUnreadable(file, code ?? String(failure)),
    ]);
  }
}

/** A CSV's rows: UTF-8 (or UTF-16 with its mark), parsed by the bounded RFC 4180 reader. */
async function readCsvFile(file: string): Promise<string[][]> {
  const decoded = decodeStudyBytes(await readBounded(file));
  if ("encoding" in decoded)
    throw new CliProblems([
      decoded.encoding === "utf-8"
        ? msg.studyNotUtf8(file, decoded.invalidAt, decoded.line, decoded.byte)
        : msg.studyBadUtf16(file, decoded.invalidAt),
    ]);
  const parsed = parseCsv(decoded.text, READ_LIMITS.cells);
  if ("rows" in parsed) return parsed.rows;
  throw new CliProblems([
    parsed.failure === "too-many-cells"
      ? msg.responsesTooLarge(file, "cells", parsed.limit)
      : msg.responsesCsvQuote(
          file,
          parsed.line,
          parsed.failure === "open-quote" ? "open" : "after"
        ),
  ]);
}

/**
 * The responses' sheet, read by the project's bounded workbook reader: the one holding the
 * *Réponses* table (a study workbook whose responses the consultant pasted in), else a sheet named
 * Réponses or Responses, else the first worksheet.
 */
async function readResponsesSheet(
  file: string
): Promise<{ cells: ResponseCell[][]; sheet?: string }> {
  try {
    const { grids } = await readWorkbookFile(file, {
      sheets: (listing) => {
        const withPart = listing.sheets.filter((sheet) => sheet.part);
        const tableSheet = listing.tables.find(
          (table) => table.name.toUpperCase() === RESPONSES_TABLE.toUpperCase()
        )?.sheet;
        const named = new Set(RESPONSES_SHEET_NAMES.map((name) => name.toLowerCase()));
        const chosen =
          withPart.find((sheet) => sheet.name === tableSheet) ??
          withPart.find((sheet) => named.has(sheet.name.toLowerCase())) ??
          withPart[0];
        return new Set(chosen ? [chosen.name] : []);
      },
    });
    const sheet = grids.sheets[0];
    return { cells: sheet?.values ?? [], sheet: sheet?.name };
  } catch (failure) {
    if (failure instanceof WorkbookUnreadable) throw new CliProblems([failure.problem]);
    const code = (failure as NodeJS.ErrnoException).code;
    throw new CliProblems([
      code === "ENOENT" ? msg.fileMissing(file) : msg.fileUnreadable(file, code ?? String(failure)),
    ]);
  }
}
