/** Random and hand-made transactions for the RFM tests, and the product's own result for them. */
import fc from "fast-check";
import {
  DEFAULT_SEGMENT_RULES,
  RfmRow,
  Transaction,
  customerTotals,
  dayOfIso,
  isoOfDay,
  rulesIn,
  scoreCustomers,
} from "../../src/analysis/rfm";

export const transactionArbitrary: fc.Arbitrary<Transaction[]> = fc.array(
  fc.record({
    customerId: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
    day: fc.integer({ min: 19700, max: 19760 }),
    // Cents, a few returns, many ties.
    amount: fc.integer({ min: -2000, max: 20000 }).map((cents) => cents / 100),
  }),
  { minLength: 1, maxLength: 80 }
);

/** The product's rows, sorted by id (the SQL's order). */
export function productRows(transactions: Transaction[], analysisDay: number): RfmRow[] {
  const { customers } = customerTotals(transactions, analysisDay);
  return scoreCustomers(customers, analysisDay, rulesIn(DEFAULT_SEGMENT_RULES, "fr")).sort(
    (x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}

export const dayAfterLast = (transactions: Transaction[]) =>
  Math.max(...transactions.map((t) => t.day)) + 1;

/** INSERT … VALUES for both engines. */
export function insertSql(transactions: Transaction[]): string {
  const values = transactions
    .map((t) => `('${t.customerId}', date '${isoOfDay(t.day)}', ${t.amount.toFixed(2)})`)
    .join(",\n");
  return `create table transactions (customer_id varchar(20), date date, amount numeric(12, 2));
insert into transactions values ${values};`;
}

/** Rows as comparable tuples. */
export const tuple = (row: {
  id: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
}) => [row.id, row.recency, row.frequency, row.monetary, row.r, row.f, row.m];

export const day = (iso: string) => dayOfIso(iso) as number;

/**
 * An RFM workbook's plan on 60 made-up customers ("client-001"…), every default segment filled:
 * for the client-export tests, which must find none of these ids in what they write.
 */
export function sampleRfmWorkbook(language: "fr" | "en" = "fr") {
  const analysisDay = dayOfIso("2026-01-01") as number;
  const firstDay = analysisDay - 700;
  const transactions: Transaction[] = [];
  for (let c = 1; c <= 60; c++) {
    const id = `client-${String(c).padStart(3, "0")}`;
    const purchases = 1 + ((c * 7) % 9);
    for (let k = 0; k < purchases; k++)
      transactions.push({
        customerId: id,
        day: firstDay + ((c * 37 + k * 53) % 699),
        amount: 10 + ((c * 13 + k * 29) % 240) + 0.5,
      });
  }
  const rules = rulesIn(DEFAULT_SEGMENT_RULES, language);
  const { customers } = customerTotals(transactions, analysisDay);
  const rows = scoreCustomers(customers, analysisDay, rules);
  return { rows, rules, analysisDay, firstDay, language };
}
