/**
 * The printed DuckDB SQL (rfm --sql duckdb) against the TypeScript rule on random transactions:
 * every customer's recency, frequency, monetary and R, F, M agree.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import fc from "fast-check";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { isoOfDay } from "../../src/analysis/rfm";
import { rfmSql } from "../../src/analysis/rfm-sql";
import { readTransactions } from "../../src/hosts/data/transactions";
import {
  dayAfterLast,
  insertSql,
  productRows,
  transactionArbitrary,
  tuple,
} from "../support/rfm-data";

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function duckRows(sql: string) {
  const rows = (await connection.runAndReadAll(sql)).getRowsJS();
  return rows.map(([id, recency, frequency, monetary, r, f, m]) =>
    [id, recency, frequency, monetary, r, f, m].map((v, i) => (i === 0 ? String(v) : Number(v)))
  );
}

it("DuckDB scores every random customer as the TypeScript rule does", async () => {
  await fc.assert(
    fc.asyncProperty(transactionArbitrary, fc.boolean(), async (transactions, dated) => {
      await connection.run("drop table if exists transactions");
      await connection.run(insertSql(transactions));
      // Half the runs name an analysis date inside the data: later transactions are left out.
      const analysisDay = dated ? transactions[0].day + 1 : dayAfterLast(transactions);
      const sql = rfmSql("duckdb", dated ? isoOfDay(analysisDay) : undefined);
      const expected = productRows(transactions, analysisDay).map(tuple);
      expect(await duckRows(sql)).toEqual(expected);
    }),
    { numRuns: 60 }
  );
});

it("refuses an impossible analysis date", () => {
  expect(() => rfmSql("postgres", "2025-02-30")).toThrow();
});

it("leaves out the rows the product leaves out: blank or padded ids, no amount, a placeholder date", async () => {
  const rows: [string | null, string, number | null][] = [
    ["A", "2025-01-01", 10],
    ["A ", "2025-01-03", 5],
    ["   ", "2025-01-04", 7],
    ["B", "2025-01-02", 3],
    ["C", "2025-01-20", null],
    [null, "2025-01-25", 4],
    ["D", "9999-12-31", 1],
    ["D", "2025-01-02", 2],
  ];
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sm-rfm-sql-"));
  try {
    const csv = path.join(dir, "t.csv");
    await fs.writeFile(
      csv,
      [
        "client,date,montant",
        ...rows.map(([id, date, amount]) => `${id ?? ""},${date},${amount ?? ""}`),
      ].join("\n") + "\n"
    );
    const read = await readTransactions(csv, { language: "fr" });
    if (read.kind !== "transactions") throw new Error("read as scored");
    // The product: A's rows as one customer, the blank ids, C's missing amount and D's placeholder out.
    expect(isoOfDay(read.analysisDay)).toBe("2025-01-04");
    expect(read.customers.map((c) => c.id)).toEqual(["A", "B", "D"]);

    await connection.run("drop table if exists transactions");
    await connection.run(
      "create table transactions (customer_id varchar, date date, amount decimal(18, 2))"
    );
    for (const [id, date, amount] of rows)
      await connection.run(
        `insert into transactions values (${id === null ? "null" : `'${id}'`}, date '${date}', ${amount ?? "null"})`
      );
    // N = 3: R, F and M are 1 + floor(5 × (customers strictly below) / 3).
    expect(await duckRows(rfmSql("duckdb"))).toEqual([
      ["A", 1, 2, 15, 4, 4, 4],
      ["B", 2, 1, 3, 1, 1, 2],
      ["D", 2, 1, 2, 1, 1, 1],
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
