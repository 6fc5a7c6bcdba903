/**
 * The SQL that `rfm --sql` prints, run on a real PostgreSQL (started here on a private socket) and
 * on DuckDB over the same transactions: every customer's row equals the product's own. Then the
 * warehouse's result, saved as CSV, is read back by `rfm` as scored customers.
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { DuckDBInstance } from "@duckdb/node-api";
import { Transaction, isoOfDay } from "../../src/analysis/rfm";
import { rfmSql } from "../../src/analysis/rfm-sql";
import { readTransactions } from "../../src/hosts/data/transactions";
import { runCli } from "../../src/cli/main";
import { Postgres, startPostgres } from "../support/postgres";
import {
  day,
  dayAfterLast,
  insertSql,
  productRows,
  transactionArbitrary,
  tuple,
} from "../support/rfm-data";

jest.setTimeout(120000);

let postgres: Postgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(async () => {
  await postgres?.stop();
});

/** Ties on every measure, equal dates, a return, a returns-only customer, one after the date. */
const HAND_MADE: Transaction[] = [
  { customerId: "alice", day: day("2025-03-01"), amount: 120 },
  { customerId: "alice", day: day("2025-03-10"), amount: 80 },
  { customerId: "bob", day: day("2025-03-10"), amount: 200 },
  { customerId: "carol", day: day("2025-01-05"), amount: 50 },
  { customerId: "carol", day: day("2025-01-05"), amount: 50 },
  { customerId: "dan", day: day("2025-02-01"), amount: 300 },
  { customerId: "dan", day: day("2025-02-02"), amount: -100 },
  { customerId: "erin", day: day("2025-02-20"), amount: -40 },
  { customerId: "fay", day: day("2025-03-10"), amount: 0.1 },
  { customerId: "fay", day: day("2025-03-10"), amount: 0.2 },
];

const pgRows = (output: string) =>
  output
    .trim()
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split("|").map((v, i) => (i === 0 ? v : Number(v))));

async function onPostgres(transactions: Transaction[], date?: string) {
  await postgres.query("drop table if exists transactions;\n" + insertSql(transactions));
  return pgRows(await postgres.query(rfmSql("postgres", date)));
}

async function onDuckDb(transactions: Transaction[], date?: string) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(insertSql(transactions));
    return (await connection.runAndReadAll(rfmSql("duckdb", date)))
      .getRowsJS()
      .map((row) => row.map((v, i) => (i === 0 ? String(v) : Number(v))));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

it("gives the product's rows on PostgreSQL and DuckDB for hand-made data", async () => {
  const analysis = dayAfterLast(HAND_MADE);
  const expected = productRows(HAND_MADE, analysis).map(tuple);
  expect(expected.map((row) => row[0])).toEqual(["alice", "bob", "carol", "dan", "fay"]);
  expect(await onPostgres(HAND_MADE)).toEqual(expected);
  expect(await onDuckDb(HAND_MADE)).toEqual(expected);
  // With an analysis date: the transactions of that day and later are left out.
  const date = "2025-03-10";
  const dated = productRows(HAND_MADE, day(date)).map(tuple);
  expect(dated.map((row) => row[0])).toEqual(["alice", "carol", "dan"]);
  expect(await onPostgres(HAND_MADE, date)).toEqual(dated);
  expect(await onDuckDb(HAND_MADE, date)).toEqual(dated);
});

it("gives the product's rows on PostgreSQL for random data", async () => {
  await fc.assert(
    fc.asyncProperty(transactionArbitrary, async (transactions) => {
      const expected = productRows(transactions, dayAfterLast(transactions)).map(tuple);
      expect(await onPostgres(transactions)).toEqual(expected);
    }),
    { numRuns: 15 }
  );
});

it("reads the warehouse's result back as scored customers and writes the workbook", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sm-rfm-sql-"));
  try {
    await postgres.query("drop table if exists transactions;\n" + insertSql(HAND_MADE));
    const csv = await postgres.query(
      `copy (${rfmSql("postgres").replace(/;\s*$/, "")}) to stdout with (format csv, header true);`
    );
    const file = path.join(dir, "result.csv");
    await fs.writeFile(file, csv);
    const read = await readTransactions(file, { language: "fr" });
    expect(read.kind).toBe("scored");
    if (read.kind !== "scored") return;
    expect(read.rows.map(tuple)).toEqual(
      productRows(HAND_MADE, dayAfterLast(HAND_MADE)).map(tuple)
    );
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const out = path.join(dir, "rfm.xlsx");
    const date = isoOfDay(dayAfterLast(HAND_MADE));
    expect(await runCli(["rfm", file, "--date", date, "-o", out, "--lang", "fr"], io)).toBe(0);
    expect(lines.join("\n")).toContain("5 clients");
    // Without the query's analysis date, the sheets would have to guess it: refused.
    expect(await runCli(["rfm", file, "-o", out, "--force"], io)).toBe(2);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
