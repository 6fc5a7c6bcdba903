/**
 * What the rows of a transactions table said, as the catalogue's problems: one rule for the command
 * line (DuckDB's counts, src/hosts/data/transactions.ts) and the pane (the same counts in TypeScript,
 * rfm-rows.ts), so the consultant reads the same counts and reasons from both.
 */
import { Language } from "../method/levels";
import * as msg from "../messages";
import { Location, Problem } from "../messages";
import { isCommaThousands, type TransactionCounts } from "./rfm-rows";

/** Where the rows came from: a file (`label` is its path) or a range of the open workbook. */
export interface RowsSource {
  /** The file, or the range as `'Sheet'!A1:D9`, for the messages that name the whole source. */
  label: string;
  location: Location;
}

export function transactionProblems(
  source: RowsSource,
  columns: { id: string; date: string; amount: string },
  counts: TransactionCounts,
  customers: number,
  language: Language
): Problem[] {
  const where = source.location;
  const problems: Problem[] = [];
  if (counts.rows === 0) return [msg.rfmEmpty(source.label)];
  if (counts.blankIds > 0) problems.push(msg.rfmBlankIds(where, columns.id, counts.blankIds));
  if (counts.badAmounts.count > 0)
    problems.push(
      msg.rfmBadAmounts(
        where,
        columns.amount,
        counts.badAmounts.count,
        counts.badAmounts.example ?? "",
        language === "en" && isCommaThousands(counts.badAmounts.example ?? "")
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
        language === "fr"
      )
    );
  if (counts.returns > 0) problems.push(msg.rfmReturns(where, counts.returns));
  if (counts.duplicates > 0) problems.push(msg.rfmDuplicates(where, counts.duplicates));
  if (counts.afterAnalysis > 0) problems.push(msg.rfmAfterAnalysis(where, counts.afterAnalysis));
  if (counts.returnsOnly > 0) problems.push(msg.rfmReturnsOnly(where, counts.returnsOnly));
  if (customers === 0) problems.push(msg.rfmNoCustomers(source.label));
  else if (customers === 1) problems.push(msg.rfmSingleCustomer(where));
  return problems;
}
