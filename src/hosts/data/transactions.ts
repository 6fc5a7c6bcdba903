/**
 * Reads a transactions file (CSV, TSV, Parquet, or the first sheet of an .xlsx) through DuckDB, so
 * that a file larger than memory is streamed, and sums it up per customer for the RFM rule
 * (src/analysis/rfm.ts). Every cell is read as text and parsed here by one SQL pipeline, the same
 * for every format: nothing is dropped silently — blank ids, unreadable amounts and dates, returns,
 * duplicates and transactions after the analysis date come back as counts with an example each.
 */
import { promises as fs } from "fs";
import path from "path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { CustomerTotals, MONETARY_DECIMALS, dayOfIso } from "../../analysis/rfm";
import { Language } from "../../method/levels";
import * as msg from "../../messages";
import { Problem } from "../../messages";
import { listWorkbookFile } from "../xlsx/read";
import { WorkbookUnreadable } from "../xlsx/zip";
import { QUANTIFY_WINDOW_DAYS, ClienteleFigures } from "../../analysis/rfm-quantify";
import {
  guessColumns,
  ColumnChoice,
  TransactionColumns,
  SCORED_COLUMNS,
  findHeader,
  guessIdHeader,
} from "./columns";

export interface TransactionOptions {
  /** Which header is which; the others are guessed. */
  columns?: ColumnChoice;
  /** Resolves 03/04/2025: day first in French, month first in English. */
  language: Language;
  /** YYYY-MM-DD; default: the day after the last transaction. */
  analysisDate?: string;
  /**
   * For segments quantified from the data: the clientèle column, of the transactions or of a
   * customers file (customer id → clientèle).
   */
  clientele?: { column: string; customersFile?: string };
}

/** What the rows said: each count with one example, for the messages. */
export interface TransactionCounts {
  rows: number;
  blankIds: number;
  badAmounts: { count: number; example?: string };
  badDates: { count: number; example?: string };
  ambiguousDates: { count: number; example?: string };
  returns: number;
  duplicates: number;
  afterAnalysis: number;
  returnsOnly: number;
}

export interface TransactionsRead {
  columns: TransactionColumns;
  customers: CustomerTotals[];
  analysisDay: number;
  firstDay: number;
  counts: TransactionCounts;
  /** Every count that matters, as problems of the catalogue (warnings, or errors when nothing is left). */
  problems: Problem[];
  /** Per clientèle, over the QUANTIFY_WINDOW_DAYS before the analysis date, when asked. */
  clienteles?: ClienteleFigures[];
}

/** A per-customer result of the printed SQL (`rfm --sql`), read as input. */
export interface ScoredRead {
  kind: "scored";
  rows: {
    id: string;
    recency: number;
    frequency: number;
    monetary: number;
    r: number;
    f: number;
    m: number;
  }[];
  problems: Problem[];
}

export type SourceRead = ({ kind: "transactions" } & TransactionsRead) | ScoredRead;

/** A file's rows failed to make a table (or the file is missing): one problem. */
export class SourceProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message.en).join("; "));
  }
}

/** Serial 1 is 1900-01-01 in Excel's count (with its 1900 leap day): day 0 is 1899-12-30. */
const EXCEL_EPOCH = "1899-12-30";
/** Excel's last day, 9999-12-31. */
const EXCEL_MAX_SERIAL = 2958465;

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function readTransactions(
  file: string,
  options: TransactionOptions
): Promise<SourceRead> {
  const stat = await fs.stat(file).catch((failure: NodeJS.ErrnoException) => {
    throw new SourceProblems([
      failure.code === "ENOENT"
        ? msg.fileMissing(file)
        : msg.fileUnreadable(file, failure.code ?? String(failure)),
    ]);
  });
  if (!stat.isFile()) throw new SourceProblems([msg.fileUnreadable(file, "not a file")]);
  if (stat.size === 0) throw new SourceProblems([msg.rfmEmpty(file)]);
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const notes: Problem[] = [];
    const source = await openSource(connection, file, notes);
    const described = await connection.runAndReadAll(`describe select * from ${source}`);
    const headers = described.getRowObjectsJS().map((row) => String(row.column_name));
    const lowered = headers.map((h) => h.trim().toLowerCase());
    if (SCORED_COLUMNS.every((column) => lowered.includes(column))) {
      const scored = await readScored(connection, source, headers, file);
      return { ...scored, problems: [...notes, ...scored.problems] };
    }
    const columns = guessColumns(headers, options.columns, file);
    if ("problems" in columns) throw new SourceProblems(columns.problems);
    let clienteleColumn: string | undefined;
    if (options.clientele && !options.clientele.customersFile) {
      clienteleColumn = findHeader(headers, options.clientele.column);
      if (clienteleColumn === undefined)
        throw new SourceProblems([
          msg.rfmClienteleMissing(file, options.clientele.column, headers),
        ]);
    }
    const read = await totalsFromSource(
      connection,
      source,
      columns,
      file,
      options,
      clienteleColumn
    );
    read.problems.unshift(...notes);
    if (options.clientele) {
      const { figures, problems } = await clienteleFigures(
        connection,
        read.analysisDay,
        file,
        options.clientele
      );
      read.clienteles = figures;
      read.problems.push(...problems);
    }
    return { kind: "transactions", ...read };
  } catch (failure) {
    if (failure instanceof SourceProblems) throw failure;
    if (failure instanceof WorkbookUnreadable) throw new SourceProblems([failure.problem]);
    throw new SourceProblems([
      msg.rfmNotTable(file, firstLine(String((failure as Error).message ?? failure))),
    ]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const firstLine = (text: string) => text.split("\n")[0].slice(0, 200);

/** The file as a relation of text columns. */
async function openSource(
  connection: DuckDBConnection,
  file: string,
  notes: Problem[]
): Promise<string> {
  const extension = path.extname(file).toLowerCase();
  const quoted = sqlString(file);
  if (extension === ".parquet") return `read_parquet(${quoted})`;
  if (extension === ".xlsx") {
    await loadFirstSheet(connection, file);
    return "xlsx_rows";
  }
  const delimiter = extension === ".tsv" || extension === ".tab" ? ", delim = '\\t'" : "";
  const encoding = (await isUtf8Start(file)) ? "" : ", encoding = 'latin-1'";
  if (encoding) notes.push(msg.rfmLatin1({ file }));
  return `read_csv(${quoted}, all_varchar = true, header = true${delimiter}${encoding})`;
}

/** Bytes looked at to tell UTF-8 from a Windows export (Latin-1). */
const ENCODING_SAMPLE = 1 << 20;

async function isUtf8Start(file: string): Promise<boolean> {
  const handle = await fs.open(file, "r");
  try {
    const sample = Buffer.alloc(ENCODING_SAMPLE);
    const { bytesRead } = await handle.read(sample, 0, ENCODING_SAMPLE, 0);
    // stream: a character cut at the sample's end is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, bytesRead), {
      stream: true,
    });
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * The first sheet of a workbook, each cell as text (a date cell as its ISO day), into a table.
 * The zip's declared sizes are checked first by the project's bounded reader.
 */
async function loadFirstSheet(connection: DuckDBConnection, file: string): Promise<void> {
  await listWorkbookFile(file);
  // Loaded here only: the command line needs ExcelJS for this format alone.
  const ExcelJS = (await import("exceljs")).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    worksheets: "emit",
    styles: "cache",
    hyperlinks: "ignore",
  });
  let created = false;
  let width = 0;
  let appender: Awaited<ReturnType<DuckDBConnection["createAppender"]>> | undefined;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (!created) {
        width = values.length;
        if (width === 0) continue;
        const names = values.map((value, i) => ident(value || `column${i + 1}`));
        await connection.run(
          `create table xlsx_rows (${names.map((name) => `${name} varchar`).join(", ")})`
        );
        appender = await connection.createAppender("xlsx_rows");
        created = true;
        continue;
      }
      for (let i = 0; i < width; i++) {
        const value = values[i];
        if (value === undefined || value === "") appender?.appendNull();
        else appender?.appendVarchar(value);
      }
      appender?.endRow();
    }
    break;
  }
  appender?.closeSync();
  if (!created) throw new SourceProblems([msg.rfmEmpty(file)]);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const cell = value as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (cell.result !== undefined) return cellText(cell.result);
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join("");
    if (cell.text !== undefined) return String(cell.text);
    return "";
  }
  return String(value);
}

/** The date text's parsed day (NULL when unreadable), for `text` a SQL text expression. */
export function dateSql(text: string, language: Language): string {
  const slash = language === "fr" ? "%d/%m/%Y" : "%m/%d/%Y";
  const head = `split_part(${text}, ' ', 1)`;
  // The common ISO day first, cheaply; the patterns only for the rows it leaves.
  return `coalesce(try_cast(${text} as date), case
    when regexp_full_match(${text}, '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T].*)?') then try_cast(substr(${text}, 1, 10) as date)
    when regexp_full_match(${head}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') then try_strptime(${head}, '${slash}')::date
    when regexp_full_match(${head}, '[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}') then try_strptime(${head}, '%d.%m.%Y')::date
    when regexp_full_match(${text}, '[0-9]{1,7}([.][0-9]+)?')
      and try_cast(${text} as double) between 1 and ${EXCEL_MAX_SERIAL}
      then date '${EXCEL_EPOCH}' + cast(floor(try_cast(${text} as double)) as integer)
  end)`;
}

/** The amount text as a number (NULL when it is not one): spaces, currency signs and a decimal comma allowed. */
export function amountSql(text: string): string {
  const bare = `regexp_replace(${text}, '[\\s\\x{00A0}\\x{202F}€$£]', '', 'g')`;
  // 12,50 and 1.234,50 (a decimal comma); 1,234.50 (English thousands); else as it stands.
  const written = `case
      when regexp_full_match(${bare}, '-?[0-9]*,[0-9]+') then replace(${bare}, ',', '.')
      when regexp_full_match(${bare}, '-?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?') then replace(replace(${bare}, '.', ''), ',', '.')
      when regexp_full_match(${bare}, '-?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?') then replace(${bare}, ',', '')
      else ${bare} end`;
  const value = `coalesce(try_cast(${text} as double), try_cast(${written} as double))`;
  // "NaN" and "inf" cast to doubles: not amounts.
  return `(case when isfinite(${value}) then ${value} end)`;
}

/** Parses every row once into a temporary table, counts what it finds, sums up each customer. */
async function totalsFromSource(
  connection: DuckDBConnection,
  source: string,
  columns: TransactionColumns,
  file: string,
  options: TransactionOptions,
  clienteleColumn?: string
): Promise<TransactionsRead> {
  const clientele =
    clienteleColumn === undefined
      ? "cast(null as varchar)"
      : `trim(cast(${ident(clienteleColumn)} as varchar))`;
  const idText = `trim(cast(${ident(columns.id)} as varchar))`;
  const dateText = `trim(cast(${ident(columns.date)} as varchar))`;
  const amountText = `trim(cast(${ident(columns.amount)} as varchar))`;
  await connection.run(`create temp table parsed as
    select ${idText} as id, ${dateText} as date_text, ${amountText} as amount_text,
      date_diff('day', date '1970-01-01', ${dateSql(dateText, options.language)}) as day,
      ${amountSql(amountText)} as amount,
      ${clientele} as clientele
    from ${source}`);
  const [stats] = (
    await connection.runAndReadAll(`select
      count(*) as rows,
      count(*) filter (where id is null or id = '') as blank_ids,
      count(*) filter (where amount is null) as bad_amounts,
      any_value(coalesce(amount_text, '')) filter (where amount is null) as bad_amount_example,
      count(*) filter (where day is null) as bad_dates,
      any_value(coalesce(date_text, '')) filter (where day is null) as bad_date_example,
      count(*) filter (where day is not null and contains(date_text, '/') and regexp_full_match(split_part(date_text, ' ', 1), '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')
        and try_cast(split_part(date_text, '/', 1) as integer) <= 12
        and try_cast(split_part(date_text, '/', 2) as integer) <= 12
        and try_cast(split_part(date_text, '/', 1) as integer) <> try_cast(split_part(date_text, '/', 2) as integer)) as ambiguous,
      any_value(date_text) filter (where day is not null and contains(date_text, '/') and regexp_full_match(split_part(date_text, ' ', 1), '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')
        and try_cast(split_part(date_text, '/', 1) as integer) <= 12
        and try_cast(split_part(date_text, '/', 2) as integer) <= 12
        and try_cast(split_part(date_text, '/', 1) as integer) <> try_cast(split_part(date_text, '/', 2) as integer)) as ambiguous_example,
      min(day) filter (where id <> '' and amount is not null) as first_day,
      max(day) filter (where id <> '' and amount is not null) as last_day
    from parsed`)
  ).getRowObjectsJS();
  const number = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
  const example = (value: unknown) =>
    value === null || value === undefined ? undefined : String(value);
  const counts: TransactionCounts = {
    rows: number(stats.rows),
    blankIds: number(stats.blank_ids),
    badAmounts: { count: number(stats.bad_amounts), example: example(stats.bad_amount_example) },
    badDates: { count: number(stats.bad_dates), example: example(stats.bad_date_example) },
    ambiguousDates: { count: number(stats.ambiguous), example: example(stats.ambiguous_example) },
    returns: 0,
    duplicates: 0,
    afterAnalysis: 0,
    returnsOnly: 0,
  };
  const lastDay = stats.last_day === null ? undefined : number(stats.last_day);
  const analysisDay =
    options.analysisDate !== undefined
      ? (dayOfIso(options.analysisDate) as number)
      : lastDay === undefined
        ? 0
        : lastDay + 1;
  const factor = 10 ** MONETARY_DECIMALS;
  const valid = `id <> '' and day is not null and amount is not null`;
  const [more] = (
    await connection.runAndReadAll(`select
      count(*) filter (where ${valid} and day < ${analysisDay} and amount < 0) as returns,
      count(*) filter (where ${valid} and day >= ${analysisDay}) as after_analysis
    from parsed`)
  ).getRowObjectsJS();
  counts.returns = number(more.returns);
  counts.afterAnalysis = number(more.after_analysis);
  const [duplicates] = (
    await connection.runAndReadAll(`select coalesce(sum(n - 1), 0) as duplicates from (
      select count(*) as n from parsed group by id, date_text, amount_text having count(*) > 1)`)
  ).getRowObjectsJS();
  counts.duplicates = number(duplicates.duplicates);
  const totals = (
    await connection.runAndReadAll(`select id,
        max(day) filter (where amount >= 0) as last_day,
        count(*) filter (where amount >= 0) as frequency,
        cast(sum(cast(round(amount * ${factor}) as hugeint)) as double) / ${factor} as monetary,
        min(day) as first_day
      from parsed where ${valid} and day < ${analysisDay}
      group by id`)
  ).getRowsJS();
  const customers: CustomerTotals[] = [];
  let firstDay = analysisDay;
  for (const [id, last, frequency, monetary, first] of totals) {
    if (Number(first) < firstDay) firstDay = Number(first);
    if (Number(frequency) === 0) {
      counts.returnsOnly++;
      continue;
    }
    const amount = Number(monetary);
    customers.push({
      id: String(id),
      lastDay: Number(last),
      frequency: Number(frequency),
      monetary: amount === 0 ? 0 : amount,
    });
  }
  return {
    columns,
    customers,
    analysisDay,
    firstDay,
    counts,
    problems: countProblems(file, columns, counts, customers.length, options),
  };
}

function countProblems(
  file: string,
  columns: TransactionColumns,
  counts: TransactionCounts,
  customers: number,
  options: TransactionOptions
): Problem[] {
  const where = { file };
  const problems: Problem[] = [];
  if (counts.rows === 0) return [msg.rfmEmpty(file)];
  if (counts.blankIds > 0) problems.push(msg.rfmBlankIds(where, columns.id, counts.blankIds));
  if (counts.badAmounts.count > 0)
    problems.push(
      msg.rfmBadAmounts(
        where,
        columns.amount,
        counts.badAmounts.count,
        counts.badAmounts.example ?? ""
      )
    );
  if (counts.badDates.count > 0)
    problems.push(
      msg.rfmBadDates(where, columns.date, counts.badDates.count, counts.badDates.example ?? "")
    );
  if (counts.ambiguousDates.count > 0)
    problems.push(
      msg.rfmAmbiguousDates(
        where,
        counts.ambiguousDates.count,
        counts.ambiguousDates.example ?? "",
        options.language === "fr"
      )
    );
  if (counts.returns > 0) problems.push(msg.rfmReturns(where, counts.returns));
  if (counts.duplicates > 0) problems.push(msg.rfmDuplicates(where, counts.duplicates));
  if (counts.afterAnalysis > 0) problems.push(msg.rfmAfterAnalysis(where, counts.afterAnalysis));
  if (counts.returnsOnly > 0) problems.push(msg.rfmReturnsOnly(where, counts.returnsOnly));
  if (customers === 0) problems.push(msg.rfmNoCustomers(file));
  else if (customers === 1) problems.push(msg.rfmSingleCustomer(where));
  return problems;
}

async function readScored(
  connection: DuckDBConnection,
  source: string,
  headers: string[],
  file: string
): Promise<ScoredRead> {
  const column = (name: string) =>
    ident(headers.find((h) => h.trim().toLowerCase() === name) as string);
  const rows = (
    await connection.runAndReadAll(
      `select ${SCORED_COLUMNS.map((name) => `cast(${column(name)} as varchar)`).join(", ")} from ${source}`
    )
  ).getRowsJS();
  const problems: Problem[] = [];
  const read: ScoredRead["rows"] = [];
  for (const [index, row] of rows.entries()) {
    const [id, ...figures] = row.map((value) => (value === null ? "" : String(value).trim()));
    const numbers = figures.map(Number);
    const [recency, frequency, monetary, r, f, m] = numbers;
    const scoresOk = [r, f, m].every((s) => Number.isInteger(s) && s >= 1 && s <= 5);
    if (
      id === "" ||
      figures.some((v) => v === "") ||
      numbers.some((n) => !Number.isFinite(n)) ||
      !scoresOk
    ) {
      problems.push(msg.rfmBadScoredRow({ file, field: `row ${index + 2}` }));
      continue;
    }
    read.push({ id, recency, frequency, monetary, r, f, m });
  }
  if (read.length === 0) problems.push(msg.rfmNoCustomers(file));
  return { kind: "scored", rows: read, problems };
}

const VALID = "id <> '' and day is not null and amount is not null";

/**
 * Per clientèle, over the year before the analysis date: the customers with a purchase, their
 * purchases and their net amount. The clientèle is the customers file's, else the latest row's.
 */
async function clienteleFigures(
  connection: DuckDBConnection,
  analysisDay: number,
  file: string,
  clientele: { column: string; customersFile?: string }
): Promise<{ figures: ClienteleFigures[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const where = { file: clientele.customersFile ?? file };
  if (clientele.customersFile) {
    const customers = `read_csv(${sqlString(clientele.customersFile)}, all_varchar = true, header = true)`;
    const described = await connection.runAndReadAll(`describe select * from ${customers}`);
    const headers = described.getRowObjectsJS().map((row) => String(row.column_name));
    const id = guessIdHeader(headers);
    const column = findHeader(headers, clientele.column);
    if (id === undefined || column === undefined)
      throw new SourceProblems([
        msg.rfmClienteleMissing(clientele.customersFile, clientele.column, headers),
      ]);
    await connection.run(`create temp table clienteles as
      select trim(${ident(id)}) as id, first(trim(${ident(column)})) as clientele,
        count(distinct trim(${ident(column)})) as kinds
      from ${customers} where trim(${ident(id)}) <> '' group by 1`);
  } else {
    await connection.run(`create temp table clienteles as
      select id, arg_max(clientele, day) as clientele, count(distinct clientele) as kinds
      from parsed where ${VALID} and clientele <> '' group by id`);
  }
  const [conflicts] = (
    await connection.runAndReadAll("select count(*) filter (where kinds > 1) as n from clienteles")
  ).getRowObjectsJS();
  if (Number(conflicts.n) > 0) problems.push(msg.rfmClienteleConflict(where, Number(conflicts.n)));
  const rows = (
    await connection.runAndReadAll(`with buyers as (
        select id, count(*) filter (where amount >= 0) as purchases,
          cast(sum(cast(round(amount * ${10 ** MONETARY_DECIMALS}) as hugeint)) as double) / ${10 ** MONETARY_DECIMALS} as amount
        from parsed
        where ${VALID} and day >= ${analysisDay - QUANTIFY_WINDOW_DAYS} and day < ${analysisDay}
        group by id having count(*) filter (where amount >= 0) > 0)
      select coalesce(c.clientele, '') as clientele, count(*) as customers,
        sum(b.purchases) as purchases, sum(b.amount) as amount
      from buyers b left join clienteles c on c.id = b.id
      group by 1 order by 1`)
  ).getRowsJS();
  return {
    figures: rows.map(([name, customers, purchases, amount]) => ({
      clientele: String(name),
      customers: Number(customers),
      purchases: Number(purchases),
      amount: Number(amount),
    })),
    problems,
  };
}
