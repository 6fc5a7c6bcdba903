/**
 * The pane's read of a selected transactions table (src/hosts/excel/rfm-read.ts) over the recording
 * fake: only the used part of the selection and only the three columns the rule needs come back,
 * every cell as Excel gave it, in bands whose responses stay under the target; an empty selection
 * and a missing column are refused with the catalogue's problems. Then scored in TypeScript.
 */
import { rfmFromRows } from "../../src/analysis/rfm-rows";
import { readSelectedTransactions, RESPONSE_TARGET_BYTES } from "../../src/hosts/excel/rfm-read";
import { ExcelFailure } from "../../src/hosts/excel/failure";
import { FakeExcel } from "../support/fake-excel";

/** Rows of client, product, date (an Excel serial), amount. */
function transactions(count: number): (string | number)[][] {
  return Array.from({ length: count }, (_, i) => [
    `C${i % 997}`,
    `P${i % 13}`,
    45292 + (i % 365),
    ((i * 37) % 20000) / 100 - 10,
  ]);
}

async function problemCodes(read: Promise<unknown>): Promise<string[]> {
  try {
    await read;
  } catch (failure) {
    if (failure instanceof ExcelFailure) return failure.problems.map((p) => p.code);
    throw failure;
  }
  return [];
}

it("reads the three columns of the selection's used rows in bands under the response target", async () => {
  const excel = new FakeExcel(["Ventes"]);
  const data = transactions(30_000);
  excel.setCells("Ventes", "B3", [["Client", "Produit", "Date", "Montant"], ...data]);
  // Whole columns selected: only the filled block is read.
  excel.select("Ventes", "A1:F1048576");
  const read = await excel.run((context) => readSelectedTransactions(context));
  expect(read.sheet).toBe("Ventes");
  expect(read.columns).toEqual({ id: "Client", date: "Date", amount: "Montant" });
  expect(read.rows).toEqual(data.map(([id, , date, amount]) => [id, date, amount]));
  // Address, header, then a small first band and bands sized from its weight.
  expect(read.syncs).toBe(excel.syncs);
  expect(read.syncs).toBeGreaterThan(3);
  expect(excel.maxResponseBytes).toBeLessThanOrEqual(RESPONSE_TARGET_BYTES * 1.1);
  // The product column was never asked for.
  expect(excel.responseBytes.reduce((a, b) => a + b, 0)).toBeLessThan(JSON.stringify(data).length);
  const scored = rfmFromRows(read.rows, { id: 0, date: 1, amount: 2 }, { language: "fr" });
  expect(scored.counts.rows).toBe(30_000);
  expect(scored.customers.length + scored.counts.returnsOnly).toBe(997);
});

it("takes the columns the consultant confirmed", async () => {
  const excel = new FakeExcel(["Feuil1"]);
  excel.setCells("Feuil1", "A1", [
    ["Code", "Jour", "Total", "Autre"],
    ["X", "2025-01-02", 5, 9],
  ]);
  excel.select("Feuil1", "A1:D2");
  const read = await excel.run((context) =>
    readSelectedTransactions(context, { id: "Code", amount: "Autre" })
  );
  expect(read.rows).toEqual([["X", "2025-01-02", 9]]);
});

it("refuses an empty selection, a header alone and a table without an amount", async () => {
  const excel = new FakeExcel(["Feuil1"]);
  excel.select("Feuil1", "A1:C10");
  expect(await problemCodes(excel.run((c) => readSelectedTransactions(c)))).toEqual([
    "rfm-selection-empty",
  ]);
  excel.setCells("Feuil1", "A1", [["Client", "Date", "Montant"]]);
  expect(await problemCodes(excel.run((c) => readSelectedTransactions(c)))).toEqual([
    "rfm-selection-empty",
  ]);
  excel.setCells("Feuil1", "A1", [
    ["Client", "Date", "Note"],
    ["A", "2025-01-01", "ok"],
  ]);
  expect(await problemCodes(excel.run((c) => readSelectedTransactions(c)))).toEqual([
    "rfm-column-missing",
  ]);
});
