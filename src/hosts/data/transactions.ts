/**
 * Reads a transactions file (CSV, TSV, Parquet, or the first sheet of an .xlsx) through DuckDB, so
 * that a file larger than memory is streamed, and sums it up per customer for the RFM rule
 * (src/analysis/rfm.ts). Every cell is read as text and parsed here by one SQL pipeline, the same
 * for every format: nothing is dropped silently — blank ids, unreadable amounts and dates, returns,
 * duplicates and transactions after the analysis date come back as counts with an example each.
 * The rows are read once and summed up in DuckDB, scores included (window ranks): JavaScript only
 * sees one row per customer (docs/performance.md, "RFM").
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import {
  CustomerScores,
  CustomerTotals,
  MONETARY_DECIMALS,
  SCORE_LEVELS,
  dayOfIso,
} from "../../analysis/rfm";
import { Language } from "../../method/levels";
import * as msg from "../../messages";
import { Problem } from "../../messages";
import { listWorkbookFile } from "../xlsx/read";
import { WorkbookUnreadable } from "../xlsx/zip";
import {
  FIRST_SERIAL,
  FIRST_YEAR,
  LAST_SERIAL,
  LAST_YEAR,
  type TransactionCounts,
} from "../../analysis/rfm-rows";
import { transactionProblems } from "../../analysis/rfm-problems";
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

/** What the rows said (the pane counts the same, src/analysis/rfm-rows.ts). */
export type { TransactionCounts } from "../../analysis/rfm-rows";

export interface TransactionsRead {
  columns: TransactionColumns;
  customers: CustomerTotals[];
  analysisDay: number;
  firstDay: number;
  counts: TransactionCounts;
  /** Every count that matters, as problems of the catalogue (warnings, or errors when nothing is left). */
  problems: Problem[];
  /** Each customer's scores, in the order of `customers`, computed by DuckDB by the rule of rfm.ts. */
  scores: CustomerScores[];
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
  // What DuckDB spills past its memory goes to a folder of our own, not to ".tmp" in the
  // consultant's current folder (DuckDB's default for a database in memory).
  const spill = await fs.mkdtemp(path.join(os.tmpdir(), "segment-matrix-rfm-"));
  const instance = await DuckDBInstance.create(":memory:", { temp_directory: spill });
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
    read.problems.unshift(...notes, ...(await malformedLines(connection, file)));
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
    const engine = firstLine(String((failure as Error).message ?? failure));
    throw new SourceProblems([msg.rfmNotTable(file, engine, notTableKind(engine))]);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await fs.rm(spill, { recursive: true, force: true });
  }
}

const firstLine = (text: string) => text.split("\n")[0].slice(0, 200);

/** The engine's failures that have plain words (its text is kept after them). */
function notTableKind(engine: string): msg.NotTableKind {
  if (/not (latin-1|utf-8) encoded|invalid unicode/i.test(engine)) return "encoding";
  if (/magic bytes|parquet/i.test(engine)) return "parquet";
  return "other";
}

/** The file as a relation of text columns. */
async function openSource(
  connection: DuckDBConnection,
  file: string,
  notes: Problem[],
  /** Names the tables of a workbook's sheets: the customers file's apart from the transactions'. */
  prefix = "xlsx_sheet"
): Promise<string> {
  const extension = path.extname(file).toLowerCase();
  const quoted = sqlString(file);
  if (extension === ".parquet") return `read_parquet(${quoted})`;
  if (extension === ".xlsx") {
    return loadFirstSheet(connection, file, notes, prefix);
  }
  const delimiter = extension === ".tsv" || extension === ".tab" ? ", delim = '\\t'" : "";
  const encoding = (await isUtf8Start(file)) ? "" : ", encoding = 'latin-1'";
  if (encoding) notes.push(msg.rfmLatin1({ file }));
  // A line whose fields do not match the header is set aside in a table of its own (line number
  // and text), counted and said by malformedLines, instead of failing the whole read.
  const rejects = `, store_rejects = true, rejects_table = '${prefix}_rejects', rejects_scan = '${prefix}_scans'`;
  return `read_csv(${quoted}, all_varchar = true, header = true${delimiter}${encoding}${rejects})`;
}

/**
 * The lines of a CSV read through openSource that were set aside, as one warning (none for other
 * formats, or when every line was read). The source may be scanned several times: lines counted once.
 */
async function malformedLines(
  connection: DuckDBConnection,
  file: string,
  prefix = "xlsx_sheet"
): Promise<Problem[]> {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".parquet" || extension === ".xlsx") return [];
  let rows: unknown[][];
  try {
    rows = (
      await connection.runAndReadAll(
        `select count(distinct line), min(line), arg_min(csv_line, line) from ${prefix}_rejects`
      )
    ).getRows();
  } catch {
    return []; // no table: the read never got as far as the lines
  }
  const [count, line, text] = rows[0] ?? [];
  if (!count || Number(count) === 0) return [];
  return [
    msg.rfmMalformedLines({ file }, Number(count), Number(line), String(text ?? "").slice(0, 80)),
  ];
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
 * The workbook's first tab (the workbook's order, not the order of its parts in the zip) that holds
 * a row, each cell as text (a date cell as its ISO day), into a table; its name is returned. The
 * table spans the header's columns, wherever it starts: a blank header cell gets a name of its own.
 * The zip's declared sizes are checked first by the project's bounded reader.
 */
async function loadFirstSheet(
  connection: DuckDBConnection,
  file: string,
  notes: Problem[],
  prefix: string
): Promise<string> {
  const listing = await listWorkbookFile(file);
  const tabOf = new Map(listing.sheets.map((sheet, index) => [sheet.name, index]));
  // Loaded here only: the command line needs ExcelJS for this format alone.
  const ExcelJS = (await import("exceljs")).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    worksheets: "emit",
    styles: "cache",
    hyperlinks: "ignore",
  });
  let best:
    | { tab: number; name: string; table: string; headerRow: number; passedOver: boolean }
    | undefined;
  const seen = new Set<number>();
  let parts = 0;
  for await (const worksheet of reader) {
    parts++;
    const name = (worksheet as unknown as { name?: string }).name ?? `#${parts}`;
    // A part the listing does not name comes after every tab, in the zip's order.
    const tab = tabOf.get(name) ?? listing.sheets.length + parts;
    seen.add(tab);
    if (best !== undefined && tab > best.tab) {
      // Read through (the zip is a stream), not kept.
      for await (const row of worksheet) void row;
      continue;
    }
    const table = `${prefix}_${parts}`;
    const loaded = await loadSheet(connection, worksheet, table);
    if (loaded) {
      if (best) await connection.run(`drop table ${best.table}`);
      best = { tab, name, table, ...loaded };
      let earlierSeen = true;
      for (let t = 0; t < tab && earlierSeen; t++) earlierSeen = seen.has(t);
      if (earlierSeen) break;
    }
  }
  if (!best) throw new SourceProblems([msg.rfmEmpty(file)]);
  if (listing.sheets.length > 1)
    notes.push(msg.rfmSheetRead({ file }, best.name, listing.sheets.length));
  if (best.passedOver) notes.push(msg.rfmHeaderBelow({ file }, best.name, best.headerRow));
  return best.table;
}

/** Rows looked at for a header line of at least HEADER_MIN_CELLS cells below a title or notes. */
const HEADER_SEARCH_ROWS = 20;
/** A transactions table has an id, a date and an amount: its header fills three cells at least. */
const HEADER_MIN_CELLS = 3;

/**
 * One worksheet's rows into `table`; returns the header's row number and whether filled rows above
 * it were passed over, or undefined when the sheet has no rows.
 * The header is the first row filling at least three cells within the first 20 rows (a title or a
 * note above the table is passed over), else the first non-empty row.
 */
async function loadSheet(
  connection: DuckDBConnection,
  rows: AsyncIterable<{ values: unknown; number?: number }>,
  table: string
): Promise<{ headerRow: number; passedOver: boolean } | undefined> {
  let first = 0;
  let passedOver = false;
  let last = -1;
  let headerRow = 0;
  let appender: Awaited<ReturnType<DuckDBConnection["createAppender"]>> | undefined;
  // Non-empty rows with fewer than three cells seen before any header: a title, or a narrow table.
  const waiting: { values: unknown[]; number: number }[] = [];
  let rowsSeen = 0;
  const filled = (values: unknown[]): number =>
    values.reduce<number>((count, value) => count + (cellText(value).trim() === "" ? 0 : 1), 0);
  const startTable = async (values: unknown[], number: number): Promise<void> => {
    const texts: string[] = [];
    values.forEach((value, column) => {
      const text = cellText(value).trim();
      if (text === "") return;
      texts[column] = text;
      if (last < 0) first = column;
      last = column;
    });
    const used = new Set<string>();
    const names: string[] = [];
    for (let column = first; column <= last; column++) {
      let name = texts[column] ?? `column${column}`;
      // DuckDB's names are case-insensitive: a repeated header gets a suffix, as a CSV's does.
      for (let k = 1; used.has(name.toLowerCase()); k++)
        name = `${texts[column] ?? `column${column}`}_${k}`;
      used.add(name.toLowerCase());
      names.push(`${ident(name)} varchar`);
    }
    await connection.run(`create table ${table} (${names.join(", ")})`);
    appender = await connection.createAppender(table);
    headerRow = number;
  };
  const append = (values: unknown[]): void => {
    const into = appender as NonNullable<typeof appender>;
    for (let column = first; column <= last; column++) {
      const value = cellText(values[column]);
      if (value === "") into.appendNull();
      else into.appendVarchar(value);
    }
    into.endRow();
  };
  /** No wide header within reach: the first non-empty row is the header, the others data. */
  const settleWaiting = async (): Promise<void> => {
    const [header, ...data] = waiting.splice(0);
    await startTable(header.values, header.number);
    for (const line of data) append(line.values);
  };
  for await (const row of rows) {
    // ExcelJS's values are indexed by column number (1 for A), with holes for empty cells.
    const values = row.values as unknown[];
    rowsSeen++;
    if (!appender) {
      const number = row.number ?? rowsSeen;
      const cells = filled(values);
      if (cells === 0) continue;
      if (cells >= HEADER_MIN_CELLS) {
        passedOver = waiting.length > 0;
        waiting.length = 0;
        await startTable(values, number);
        continue;
      }
      waiting.push({ values, number });
      if (number >= HEADER_SEARCH_ROWS) await settleWaiting();
      continue;
    }
    append(values);
  }
  if (!appender && waiting.length > 0) await settleWaiting();
  (appender as { closeSync(): void } | undefined)?.closeSync();
  return appender ? { headerRow, passedOver } : undefined;
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

/**
 * `expression` applied to `text` inside a lambda. DuckDB's optimizer hoists an expression that
 * appears twice in one projection and computes it for every row; inside a lambda it is computed
 * only where the surrounding CASE or COALESCE asks for it (the rare rows a fast cast leaves).
 */
function onlyWhereNeeded(text: string, expression: (value: string) => string, name = "v"): string {
  return `list_transform([${text}], ${name} -> ${expression(name)})[1]`;
}

/**
 * The date text's parsed day (NULL when unreadable), for `text` a SQL text expression: the rule of
 * parseDay (src/analysis/rfm-rows.ts) — years FIRST_YEAR to LAST_YEAR, serials FIRST_SERIAL to
 * LAST_SERIAL, dd/mm/yyyy in the language's order unless only the other reads.
 */
export function dateSql(text: string, language: Language): string {
  const [slash, other] = language === "fr" ? ["%d/%m/%Y", "%m/%d/%Y"] : ["%m/%d/%Y", "%d/%m/%Y"];
  // The common ISO day first, cheaply; the patterns only for the rows it leaves.
  const patterns = (v: string) => {
    const head = `split_part(${v}, ' ', 1)`;
    return `case
    when regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}([ T].*)?') then try_cast(substr(${v}, 1, 10) as date)
    when regexp_full_match(${head}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') then coalesce(try_strptime(${head}, '${slash}'), try_strptime(${head}, '${other}'))::date
    when regexp_full_match(${head}, '[0-9]{1,2}[.][0-9]{1,2}[.][0-9]{4}') then try_strptime(${head}, '%d.%m.%Y')::date
    when regexp_full_match(${v}, '[0-9]{1,7}([.][0-9]+)?')
      and try_cast(${v} as double) >= ${FIRST_SERIAL} and try_cast(${v} as double) < ${LAST_SERIAL + 1}
      then date '${EXCEL_EPOCH}' + cast(floor(try_cast(${v} as double)) as integer)
  end`;
  };
  const day = `coalesce(try_cast(${text} as date), ${onlyWhereNeeded(text, patterns)})`;
  // Computed once per row (the optimizer shares the repeated expression): every row needs it.
  return `(case when ${day} >= date '${FIRST_YEAR}-01-01' and ${day} < date '${LAST_YEAR + 1}-01-01' then ${day} end)`;
}

/**
 * The amount text as a number (NULL when it is not one): spaces, currency signs and a decimal comma
 * allowed; in English, 1,234 refused as ambiguous (parseAmount's rule, src/analysis/rfm-rows.ts).
 */
export function amountSql(text: string, language: Language): string {
  // 12,50 and 1.234,50 (a decimal comma); 1,234.50 (English thousands); else as it stands.
  const ambiguous = (b: string) =>
    language === "en"
      ? `when regexp_full_match(${b}, '-?[1-9][0-9]{0,2},[0-9]{3}') then null\n      `
      : "";
  const written = (v: string) => {
    const bare = `regexp_replace(${v}, '[\\s\\x{00A0}\\x{202F}€$£]', '', 'g')`;
    return onlyWhereNeeded(
      bare,
      (b) => `try_cast(case
      ${ambiguous(b)}when regexp_full_match(${b}, '-?[0-9]*,[0-9]+') then replace(${b}, ',', '.')
      when regexp_full_match(${b}, '-?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?') then replace(replace(${b}, '.', ''), ',', '.')
      when regexp_full_match(${b}, '-?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?') then replace(${b}, ',', '')
      else ${b} end as double)`,
      "b"
    );
  };
  const value = `coalesce(try_cast(${text} as double), ${onlyWhereNeeded(text, written)})`;
  // "NaN" and "inf" cast to doubles: not amounts.
  return `(case when isfinite(${value}) then ${value} end)`;
}

/** True for a date written dd/mm/yyyy or mm/dd/yyyy that reads both ways (both parts ≤ 12, unequal). */
function ambiguousDateSql(text: string): string {
  const test = (v: string) => {
    const part = (k: number) => `try_cast(split_part(${v}, '/', ${k}) as integer)`;
    return `regexp_full_match(split_part(${v}, ' ', 1), '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')
      and ${part(1)} <= 12 and ${part(2)} <= 12 and ${part(1)} <> ${part(2)}`;
  };
  return `(case when contains(${text}, '/') then coalesce(${onlyWhereNeeded(text, test)}, false) else false end)`;
}

/**
 * A text cell as the rule reads it: without the blanks DuckDB's trim removes (spaces and the other
 * Unicode space separators), trimmed only where it may change something (trim costs each row).
 */
function trimmedSql(column: string): string {
  const c = `cast(${ident(column)} as varchar)`;
  return `(case when starts_with(${c}, ' ') or ends_with(${c}, ' ') or strlen(${c}) <> length(${c}) then trim(${c}) else ${c} end)`;
}

/**
 * The source's distinct rows (customer id, date text, amount text, each trimmed), each with `n`,
 * how many times it occurs: exact duplicates are `n - 1`, and every later step reads each
 * distinct row once. The date and amount are parsed here; `ambiguous` flags a date read one way
 * of two. With a clientèle column, each row's smallest, largest and latest non-blank clientèle.
 */
function distinctRowsSql(
  source: string,
  columns: TransactionColumns,
  language: Language,
  clienteleColumn?: string
): string {
  const clientele =
    clienteleColumn === undefined
      ? ""
      : `, min(clientele) filter (where clientele <> '') as clientele_min,
        max(clientele) filter (where clientele <> '') as clientele_max`;
  const clienteleText =
    clienteleColumn === undefined ? "" : `, ${trimmedSql(clienteleColumn)} as clientele`;
  return `select id, date_text, amount_text, n,
      date_diff('day', date '1970-01-01', ${dateSql("date_text", language)}) as day,
      ${amountSql("amount_text", language)} as amount,
      ${ambiguousDateSql("date_text")} as ambiguous
      ${clienteleColumn === undefined ? "" : ", clientele_min, clientele_max"}
    from (select id, date_text, amount_text, count(*) as n ${clientele}
      from (select coalesce(${trimmedSql(columns.id)}, '') as id, ${trimmedSql(columns.date)} as date_text,
          ${trimmedSql(columns.amount)} as amount_text ${clienteleText}
        from ${source})
      group by id, date_text, amount_text)`;
}

/**
 * What a distinct row is for the rule, as one small number: a purchase, a return, a transaction on
 * or after the analysis day, or else invalid, with one bit per reason (a row can have several).
 */
const PURCHASE = 0;
const RETURN = 1;
const AFTER_ANALYSIS = 2;
const INVALID = 8;
const BLANK_ID_BIT = 1;
const BAD_DATE_BIT = 2;
const BAD_AMOUNT_BIT = 4;

/**
 * The distinct rows summed up per customer, kind of row and ambiguous date: a handful of groups
 * per customer, no filter per aggregate, so one pass over the rows stays cheap. Without a given
 * analysis day it is the day after the last valid transaction: no valid row falls on or after it,
 * so the rows need no second pass once that day is known.
 */
function groupsSql(rows: string, analysisDay: number | undefined): string {
  const inRange = analysisDay === undefined ? "true" : `day < ${analysisDay}`;
  const micro = 10 ** MONETARY_DECIMALS;
  return `select id, kind, ambiguous,
      count(*) as distinct_rows, sum(n) as rows,
      max(day) as last_day, min(day) as first_day,
      sum(cast(round(amount * ${micro}) as hugeint) * n) as monetary_micro,
      any_value(date_text) as date_example, any_value(amount_text) as amount_example
    from (select id, date_text, amount_text, n, day, amount,
        ambiguous and day is not null as ambiguous,
        case
          when id = '' or day is null or amount is null then ${INVALID}
            + case when id = '' then ${BLANK_ID_BIT} else 0 end
            + case when day is null then ${BAD_DATE_BIT} else 0 end
            + case when amount is null then ${BAD_AMOUNT_BIT} else 0 end
          when not (${inRange}) then ${AFTER_ANALYSIS}
          when amount >= 0 then ${PURCHASE}
          else ${RETURN} end as kind
      from ${rows})
    group by id, kind, ambiguous`;
}

/** The counts over the groups; `returns_only`: customers with returns and no purchase. */
const STATS_SQL = `select
    coalesce(sum(rows), 0) as rows,
    coalesce(sum(rows - distinct_rows) filter (where kind <= ${RETURN}), 0) as duplicates,
    coalesce(sum(rows) filter (where (kind & ${BLANK_ID_BIT}) = ${BLANK_ID_BIT} and kind >= ${INVALID}), 0) as blank_ids,
    coalesce(sum(rows) filter (where (kind & ${BAD_AMOUNT_BIT}) = ${BAD_AMOUNT_BIT} and kind >= ${INVALID}), 0) as bad_amounts,
    any_value(coalesce(amount_example, '')) filter (where (kind & ${BAD_AMOUNT_BIT}) = ${BAD_AMOUNT_BIT} and kind >= ${INVALID}) as bad_amount_example,
    coalesce(sum(rows) filter (where (kind & ${BAD_DATE_BIT}) = ${BAD_DATE_BIT} and kind >= ${INVALID}), 0) as bad_dates,
    any_value(coalesce(date_example, '')) filter (where (kind & ${BAD_DATE_BIT}) = ${BAD_DATE_BIT} and kind >= ${INVALID}) as bad_date_example,
    coalesce(sum(rows) filter (where ambiguous), 0) as ambiguous,
    any_value(date_example) filter (where ambiguous) as ambiguous_example,
    coalesce(sum(rows) filter (where kind = ${RETURN}), 0) as returns,
    coalesce(sum(rows) filter (where kind = ${AFTER_ANALYSIS}), 0) as after_analysis,
    (select count(*) from (select id from groups where kind <= ${RETURN} group by id
      having count(*) filter (where kind = ${PURCHASE}) = 0)) as returns_only,
    max(last_day) filter (where kind < ${INVALID}) as last_seen,
    min(first_day) filter (where kind <= ${RETURN}) as first_day
  from groups`;

/**
 * The customers with a purchase and their scores by the rule of src/analysis/rfm.ts (as
 * rfm-sql.ts says it): `rank() - 1` customers have a strictly smaller value.
 */
function scoredSql(): string {
  const micro = 10 ** MONETARY_DECIMALS;
  const score = (order: string) =>
    `cast(1 + floor(${SCORE_LEVELS} * (rank() over (order by ${order}) - 1) / count(*) over ()) as integer)`;
  return `with customers as (
      select id, max(last_day) filter (where kind = ${PURCHASE}) as last_day,
        coalesce(sum(rows) filter (where kind = ${PURCHASE}), 0) as frequency,
        sum(monetary_micro) as monetary_micro
      from groups where kind <= ${RETURN} group by id
      having count(*) filter (where kind = ${PURCHASE}) > 0)
    select id, last_day, frequency, cast(monetary_micro as double) / ${micro} as monetary,
      ${score("last_day")} as r, ${score("frequency")} as f, ${score("monetary_micro")} as m
    from customers
    order by id`;
}

/**
 * Reads the source once: its distinct rows grouped by customer and kind (duplicates, bad values
 * and returns counted on the way), then the counts and the scores over those few groups.
 * JavaScript sees one row per customer. With a clientèle, the distinct rows are kept for the
 * figures of the year.
 */
async function totalsFromSource(
  connection: DuckDBConnection,
  source: string,
  columns: TransactionColumns,
  file: string,
  options: TransactionOptions,
  clienteleColumn?: string
): Promise<TransactionsRead> {
  let rows = `(${distinctRowsSql(source, columns, options.language, clienteleColumn)})`;
  if (options.clientele) {
    await connection.run(`create temp table parsed as ${rows.slice(1, -1)}`);
    rows = "parsed";
  }
  const given = options.analysisDate !== undefined ? dayOfIso(options.analysisDate) : undefined;
  await connection.run(`create temp table groups as ${groupsSql(rows, given)}`);
  const [stats] = (await connection.runAndReadAll(STATS_SQL)).getRowObjectsJS();
  const number = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
  const example = (value: unknown) =>
    value === null || value === undefined ? undefined : String(value);
  const counts: TransactionCounts = {
    rows: number(stats.rows),
    blankIds: number(stats.blank_ids),
    badAmounts: { count: number(stats.bad_amounts), example: example(stats.bad_amount_example) },
    badDates: { count: number(stats.bad_dates), example: example(stats.bad_date_example) },
    ambiguousDates: { count: number(stats.ambiguous), example: example(stats.ambiguous_example) },
    returns: number(stats.returns),
    duplicates: number(stats.duplicates),
    afterAnalysis: number(stats.after_analysis),
    returnsOnly: number(stats.returns_only),
  };
  const analysisDay =
    given !== undefined ? given : stats.last_seen === null ? 0 : number(stats.last_seen) + 1;
  const firstDay = stats.first_day === null ? analysisDay : number(stats.first_day);
  const scored = await connection.runAndReadAll(scoredSql());
  // Column by column: no object per row. Without rows, DuckDB gives no columns at all.
  const none: unknown[] = [];
  const [
    ids = none,
    lastDays = none,
    frequencies = none,
    monetaries = none,
    r = none,
    f = none,
    m = none,
  ] = scored.getColumnsJS();
  const customers: CustomerTotals[] = new Array(ids.length);
  const scores: CustomerScores[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const amount = Number(monetaries[i]);
    customers[i] = {
      id: String(ids[i]),
      lastDay: Number(lastDays[i]),
      frequency: Number(frequencies[i]),
      monetary: amount === 0 ? 0 : amount,
    };
    scores[i] = { r: Number(r[i]), f: Number(f[i]), m: Number(m[i]) };
  }
  return {
    columns,
    customers,
    scores,
    analysisDay,
    firstDay,
    counts,
    problems: transactionProblems(
      { label: file, location: { file } },
      columns,
      counts,
      customers.length,
      options.language
    ),
  };
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
  // Each customer once: the row a repeated id was first taken from.
  const firstRow = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    const [id, ...figures] = row.map((value) => (value === null ? "" : String(value).trim()));
    const numbers = figures.map(Number);
    const [recency, frequency, monetary, r, f, m] = numbers;
    const scoresOk = [r, f, m].every((s) => Number.isInteger(s) && s >= 1 && s <= 5);
    // The file's line: the header is line 1.
    const line = index + 2;
    const refuse = (issue: msg.ScoredRowIssue) =>
      problems.push(msg.rfmBadScoredRow({ file }, line, issue));
    if (
      id === "" ||
      figures.some((v) => v === "") ||
      numbers.some((n) => !Number.isFinite(n)) ||
      !scoresOk
    )
      refuse({ kind: "incomplete" });
    else if (!Number.isInteger(recency) || recency < 0)
      refuse({ kind: "recency", value: figures[0] });
    else if (!Number.isInteger(frequency) || frequency < 1)
      refuse({ kind: "frequency", value: figures[1] });
    else if (firstRow.has(id)) refuse({ kind: "repeated", id, first: firstRow.get(id) as number });
    else {
      firstRow.set(id, line);
      read.push({ id, recency, frequency, monetary, r, f, m });
    }
  }
  if (read.length === 0) problems.push(msg.rfmNoCustomers(file));
  return { kind: "scored", rows: read, problems };
}

const VALID = "id <> '' and day is not null and amount is not null";

/**
 * Per clientèle, over the year before the analysis date: the customers with a purchase, their
 * purchases and their net amount. The clientèle is the customers file's, else the latest row's
 * (on a tie, the largest name: the pane's rule, src/analysis/rfm-rows.ts, clienteleFiguresFromRows).
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
    await loadCustomers(connection, clientele.customersFile, clientele.column, problems);
  } else {
    await connection.run(`create temp table clienteles as
      select id, arg_max(clientele_max, (day, clientele_max)) as clientele,
        case when min(clientele_min) <> max(clientele_max) then 2 else 1 end as kinds
      from parsed where ${VALID} and clientele_max is not null group by id`);
  }
  const [conflicts] = (
    await connection.runAndReadAll("select count(*) filter (where kinds > 1) as n from clienteles")
  ).getRowObjectsJS();
  if (Number(conflicts.n) > 0) problems.push(msg.rfmClienteleConflict(where, Number(conflicts.n)));
  const rows = (
    await connection.runAndReadAll(`with buyers as (
        select id, sum(n) filter (where amount >= 0) as purchases,
          sum(cast(round(amount * ${10 ** MONETARY_DECIMALS}) as hugeint) * n) as micro
        from parsed
        where ${VALID} and day >= ${analysisDay - QUANTIFY_WINDOW_DAYS} and day < ${analysisDay}
        group by id having count(*) filter (where amount >= 0) > 0)
      select coalesce(c.clientele, '') as clientele, count(*) as customers,
        sum(b.purchases) as purchases,
        cast(sum(b.micro) as double) / ${10 ** MONETARY_DECIMALS} as amount
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

/**
 * The customers file (customer id → clientèle) into the table `clienteles`, read by its extension
 * as the transactions are; what goes wrong is said of that file, not of the transactions.
 */
async function loadCustomers(
  connection: DuckDBConnection,
  file: string,
  clienteleColumn: string,
  problems: Problem[]
): Promise<void> {
  const stat = await fs.stat(file).catch((failure: NodeJS.ErrnoException) => {
    throw new SourceProblems([
      failure.code === "ENOENT"
        ? msg.fileMissing(file)
        : msg.fileUnreadable(file, failure.code ?? String(failure)),
    ]);
  });
  if (!stat.isFile()) throw new SourceProblems([msg.fileUnreadable(file, "not a file")]);
  try {
    const customers = await openSource(connection, file, problems, "customers_sheet");
    const described = await connection.runAndReadAll(`describe select * from ${customers}`);
    const headers = described.getRowObjectsJS().map((row) => String(row.column_name));
    const id = guessIdHeader(headers);
    const column = findHeader(headers, clienteleColumn);
    if (id === undefined || column === undefined)
      throw new SourceProblems([msg.rfmClienteleMissing(file, clienteleColumn, headers)]);
    // As text whatever the format's types (a Parquet id may be a number).
    const text = (name: string) => `trim(cast(${ident(name)} as varchar))`;
    await connection.run(`create temp table clienteles as
      select ${text(id)} as id, first(${text(column)}) as clientele,
        count(distinct ${text(column)}) as kinds
      from ${customers} where ${text(id)} <> '' group by 1`);
    problems.push(...(await malformedLines(connection, file, "customers_sheet")));
  } catch (failure) {
    if (failure instanceof SourceProblems) throw failure;
    if (failure instanceof WorkbookUnreadable) throw new SourceProblems([failure.problem]);
    throw new SourceProblems([
      msg.rfmCustomersNotTable(file, firstLine(String((failure as Error).message ?? failure))),
    ]);
  }
}
