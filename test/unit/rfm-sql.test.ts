/**
 * The printed DuckDB SQL (rfm --sql duckdb) against the TypeScript rule on random transactions:
 * every customer's recency, frequency, monetary and R, F, M agree.
 */
import fc from "fast-check";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { isoOfDay } from "../../src/analysis/rfm";
import { rfmSql } from "../../src/analysis/rfm-sql";
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
