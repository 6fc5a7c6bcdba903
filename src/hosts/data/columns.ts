/**
 * Which columns of a transactions table hold the customer id, the date and the amount: named with
 * --columns id=…,date=…,amount=…, or guessed from the headers in French or English.
 */
import * as msg from "../../messages";
import { Problem } from "../../messages";

export type ColumnRole = "id" | "date" | "amount";
export const COLUMN_ROLES: readonly ColumnRole[] = ["id", "date", "amount"];

export type ColumnChoice = Partial<Record<ColumnRole, string>>;
export type TransactionColumns = Record<ColumnRole, string>;

/** The columns of the printed SQL's result (`rfm --sql`): such a file is read as scored customers. */
export const SCORED_COLUMNS = [
  "customer_id",
  "recency",
  "frequency",
  "monetary",
  "r",
  "f",
  "m",
] as const;

/** Header words, most telling first, compared without case, accents, spaces or punctuation. */
const HEADER_WORDS: Record<ColumnRole, readonly string[]> = {
  id: [
    "customerid",
    "idclient",
    "clientid",
    "numeroclient",
    "codeclient",
    "customer",
    "client",
    "customerno",
    "customernumber",
    "id",
  ],
  date: ["date", "transactiondate", "datetransaction", "dateachat", "orderdate", "jour", "day"],
  amount: [
    "amount",
    "montant",
    "montantttc",
    "montantht",
    "total",
    "revenue",
    "chiffredaffaires",
    "ca",
    "sales",
    "value",
    "valeur",
    "prix",
    "price",
  ],
};

export function normaliseHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** "id=Client,date=Jour,amount=Total" → the choice; a bad part is misuse, said in English. */
export function parseColumnChoice(value: string): ColumnChoice | string {
  const choice: ColumnChoice = {};
  for (const part of value.split(",")) {
    const equals = part.indexOf("=");
    const role = part.slice(0, equals).trim() as ColumnRole;
    const header = part.slice(equals + 1).trim();
    if (equals < 0 || !COLUMN_ROLES.includes(role) || header === "")
      return `--columns: "${part.trim()}" is not id=…, date=… or amount=…`;
    if (choice[role] !== undefined) return `--columns: ${role} is given twice`;
    // Headers compare as findHeader matches them.
    const other = COLUMN_ROLES.find(
      (r) =>
        choice[r] !== undefined && normaliseHeader(choice[r] as string) === normaliseHeader(header)
    );
    if (other !== undefined)
      return `--columns: "${header}" is given for both ${other} and ${role}: each role needs its own column`;
    choice[role] = header;
  }
  return choice;
}

/**
 * Each role's header guessed from the headers' words (French or English), leaving out those in
 * `taken`: the first header that is one of the role's words, most telling first, else the first
 * that contains one of its longer words. The command line and the pane's dropdowns share it.
 */
export function guessEachColumn(
  headers: readonly string[],
  taken: ReadonlySet<number> = new Set(),
  roles: readonly ColumnRole[] = COLUMN_ROLES
): Partial<TransactionColumns> {
  const normalised = headers.map(normaliseHeader);
  const used = new Set(taken);
  const result: Partial<TransactionColumns> = {};
  for (const role of roles) {
    let found = -1;
    for (const word of HEADER_WORDS[role]) {
      found = normalised.findIndex((h, i) => !used.has(i) && h === word);
      if (found >= 0) break;
    }
    if (found < 0)
      for (const word of HEADER_WORDS[role]) {
        if (word.length < 4) continue;
        found = normalised.findIndex((h, i) => !used.has(i) && h.includes(word));
        if (found >= 0) break;
      }
    if (found >= 0) {
      result[role] = headers[found];
      used.add(found);
    }
  }
  return result;
}

/** Each role's header: the one named, else the first header whose words say it; or the problems. */
export function guessColumns(
  headers: readonly string[],
  chosen: ColumnChoice | undefined,
  file: string
): TransactionColumns | { problems: Problem[] } {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const result: Partial<TransactionColumns> = {};
  const problems: Problem[] = [];
  for (const role of COLUMN_ROLES) {
    const named = chosen?.[role];
    if (named === undefined) continue;
    const index = headers.findIndex((h) => h.trim() === named.trim());
    const loose = index >= 0 ? index : normalised.findIndex((h) => h === normaliseHeader(named));
    if (loose < 0) problems.push(msg.rfmColumnMissing(file, role, named, headers));
    else {
      result[role] = headers[loose];
      taken.add(loose);
    }
  }
  const unnamed = COLUMN_ROLES.filter((role) => chosen?.[role] === undefined);
  const guessed = guessEachColumn(headers, taken, unnamed);
  for (const role of unnamed) {
    const header = guessed[role];
    if (header === undefined) problems.push(msg.rfmColumnMissing(file, role, undefined, headers));
    else result[role] = header;
  }
  return problems.length > 0 ? { problems } : (result as TransactionColumns);
}

/** The header that names a column (exactly, else loosely), or undefined. */
export function findHeader(headers: readonly string[], named: string): string | undefined {
  const exact = headers.find((h) => h.trim() === named.trim());
  if (exact !== undefined) return exact;
  const key = normaliseHeader(named);
  return headers.find((h) => normaliseHeader(h) === key);
}

/** The customer id column of a customers table, guessed as for transactions. */
export function guessIdHeader(headers: readonly string[]): string | undefined {
  const normalised = headers.map(normaliseHeader);
  for (const word of HEADER_WORDS.id) {
    const found = normalised.indexOf(word);
    if (found >= 0) return headers[found];
  }
  return undefined;
}
