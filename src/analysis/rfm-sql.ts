/**
 * The SQL that computes the rows of SM_RFM (customer_id, recency, frequency, monetary, r, f, m)
 * from a table transactions(customer_id, date, amount), for a client whose data may not leave its
 * warehouse: the rule of rfm.ts, said in SQL for DuckDB and PostgreSQL. `rank() over (order by x)
 * - 1` is the number of customers with a strictly smaller x; the tests run this text on both
 * engines and compare every row with the TypeScript result.
 */
import { MONETARY_DECIMALS, SCORE_LEVELS, dayOfIso } from "./rfm";

export type SqlDialect = "duckdb" | "postgres";

/** `analysisDate`: YYYY-MM-DD; without it, the day after the last transaction. */
export function rfmSql(dialect: SqlDialect, analysisDate?: string): string {
  if (analysisDate !== undefined && dayOfIso(analysisDate) === undefined)
    throw new Error(`not a date: ${analysisDate}`);
  const decimal =
    dialect === "duckdb"
      ? `decimal(38, ${MONETARY_DECIMALS})`
      : `numeric(38, ${MONETARY_DECIMALS})`;
  // The rows the product reads: an id once trimmed not blank, an amount, a date of 1900–2199.
  const id = "trim(cast(t.customer_id as varchar))";
  const valid = `${id} <> '' and t.amount is not null
    and cast(t.date as date) >= date '1900-01-01' and cast(t.date as date) < date '2200-01-01'`;
  const analysis =
    analysisDate !== undefined
      ? `select date '${analysisDate}' as analysis_date`
      : `select max(cast(t.date as date)) + 1 as analysis_date from transactions t\n  where ${valid}`;
  const score = (order: string) =>
    `cast(1 + floor(${SCORE_LEVELS}.0 * (rank() over (order by ${order}) - 1) / count(*) over ()) as integer)`;
  return `-- Segment Matrix, RFM (${dialect}): one row per customer of transactions(customer_id, date, amount).
-- Purchases are transactions of amount >= 0; returns (amount < 0) are deducted from monetary.
-- Rows left out, as the product leaves them out: a blank id (ids are trimmed), no amount, a date
-- outside 1900-2199 (a placeholder such as 9999-12-31).
-- Scores: 1 + floor(${SCORE_LEVELS} * (customers strictly below) / N); R on the negated recency.
with params as (
  ${analysis}
),
customers as (
  select ${id} as customer_id,
    cast(p.analysis_date - max(cast(t.date as date)) filter (where t.amount >= 0) as integer) as recency,
    cast(count(*) filter (where t.amount >= 0) as integer) as frequency,
    sum(cast(t.amount as ${decimal})) as monetary
  from transactions t cross join params p
  where cast(t.date as date) < p.analysis_date
    and ${valid}
  group by ${id}, p.analysis_date
  having count(*) filter (where t.amount >= 0) > 0
)
select customer_id, recency, frequency, monetary,
  ${score("recency desc")} as r,
  ${score("frequency")} as f,
  ${score("monetary")} as m
from customers
order by customer_id;`;
}
