/**
 * RFM from rows of cells, in TypeScript: what the task pane does with a table selected in Excel
 * (values read in chunks by src/hosts/excel/rfm-read.ts), by the same rules as the command line's
 * DuckDB pipeline (src/hosts/data/transactions.ts): the same readings of ids, dates and amounts,
 * the same counts of bad data, the same totals and scores. A property test runs both on the same
 * random rows (test/property/rfm-engines.property.test.ts). Linear in the rows; no regular
 * expression with unbounded nested repetition.
 */
import { Language } from "../method/levels";
import { CustomerScores, CustomerTotals, MONETARY_DECIMALS, scoresOf } from "./rfm";
import { ClienteleFigures, QUANTIFY_WINDOW_DAYS } from "./rfm-quantify";

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

/** Where the three columns are in each row (0-based). */
export interface RowColumns {
  id: number;
  date: number;
  amount: number;
}

export interface RowsRfm {
  /** Customers with a purchase, by id (JavaScript's order of strings). */
  customers: CustomerTotals[];
  /** Their scores, in the same order. */
  scores: CustomerScores[];
  analysisDay: number;
  /** The first counted transaction's day (the analysis day when there is none). */
  firstDay: number;
  counts: TransactionCounts;
}

/** Serial 1 is 1900-01-01 in Excel's count: serial 0 is 1899-12-30, day −25 569 after 1970. */
const EXCEL_EPOCH_DAY = -25569;
/**
 * The years a transaction's date may have (docs/method.md §8.1): outside, a date is a placeholder
 * (9999-12-31, 0001-01-01) or a misreading (03/04/25 as year 25), a bad date like any other.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;
/**
 * The numbers read as Excel serial days: 1927-05-18 to 2199-12-31. Below, a number in the date
 * column is more likely a year (2025) or a code than a date (docs/method.md §8.1).
 */
export const FIRST_SERIAL = 10000;
export const LAST_SERIAL = 109574;
const MICRO = 10 ** MONETARY_DECIMALS;

/** The Unicode space separators (Zs): what DuckDB's trim removes at both ends. */
const SPACE_SEPARATORS = new Set([
  0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
]);

export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SPACE_SEPARATORS.has(text.charCodeAt(start))) start++;
  while (end > start && SPACE_SEPARATORS.has(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A cell as text, as a CSV export of it would read: empty for nothing. */
export function cellAsText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return trimSpaces(String(value));
}

const isDigits = (text: string, min: number, max: number): boolean => {
  if (text.length < min || text.length > max) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

function dayOf(year: number, month: number, day: number): number | undefined {
  if (year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return undefined;
  if (date.getUTCDate() !== day) return undefined;
  return Math.round(time / 86400000);
}

/** `a{sep}b{sep}c` with each part's digits counted: the parts as numbers, or undefined. */
function threeParts(
  text: string,
  separator: string,
  lengths: [number, number][]
): number[] | undefined {
  const parts = text.split(separator);
  if (parts.length !== 3) return undefined;
  for (let i = 0; i < 3; i++)
    if (!isDigits(parts[i], lengths[i][0], lengths[i][1])) return undefined;
  return parts.map(Number);
}

/**
 * The day a date cell says, as the command line reads it: an Excel serial number; a text
 * YYYY-MM-DD (a time after a space or T ignored; also YYYY-M-D and YYYY/MM/DD), dd/mm/yyyy (mm/dd/yyyy
 * in English, when it reads both ways), dd.mm.yyyy, or a serial number written as text; years
 * FIRST_YEAR to LAST_YEAR, serials FIRST_SERIAL to LAST_SERIAL.
 */
export function parseDay(value: unknown, language: Language): number | undefined {
  if (typeof value === "number") return serialDay(value);
  const text = cellAsText(value);
  if (text === "") return undefined;
  const cut = firstIndexOf(text, " ", "T");
  const head = cut < 0 ? text : text.slice(0, cut);
  for (const separator of ["-", "/"]) {
    const iso = threeParts(head, separator, [
      [4, 4],
      [1, 2],
      [1, 2],
    ]);
    // A time after the day only with dashes and two-digit parts, as the SQL reads it.
    if (iso && (cut < 0 || (separator === "-" && head.length === 10)))
      return dayOf(iso[0], iso[1], iso[2]);
  }
  const spaceAt = text.indexOf(" ");
  const first = spaceAt < 0 ? text : text.slice(0, spaceAt);
  const short: [number, number][] = [
    [1, 2],
    [1, 2],
    [4, 4],
  ];
  const slash = threeParts(first, "/", short);
  // The language's order first; the other when only it reads (13/04/2025 in English, 04/13/2025
  // in French): only a date that reads both ways is left to the language.
  if (slash)
    return language === "fr"
      ? (dayOf(slash[2], slash[1], slash[0]) ?? dayOf(slash[2], slash[0], slash[1]))
      : (dayOf(slash[2], slash[0], slash[1]) ?? dayOf(slash[2], slash[1], slash[0]));
  const dot = threeParts(first, ".", short);
  if (dot) return dayOf(dot[2], dot[1], dot[0]);
  const point = text.indexOf(".");
  const whole = point < 0 ? text : text.slice(0, point);
  const fraction = point < 0 ? "" : text.slice(point + 1);
  if (isDigits(whole, 1, 7) && (point < 0 || isDigits(fraction, 1, Infinity)))
    return serialDay(Number(text));
  return undefined;
}

function firstIndexOf(text: string, ...marks: string[]): number {
  const found = marks.map((mark) => text.indexOf(mark)).filter((at) => at >= 0);
  return found.length === 0 ? -1 : Math.min(...found);
}

function serialDay(serial: number): number | undefined {
  if (!Number.isFinite(serial) || serial < FIRST_SERIAL || serial >= LAST_SERIAL + 1)
    return undefined;
  return EXCEL_EPOCH_DAY + Math.floor(serial);
}

/** dd/mm/yyyy that reads both ways: both parts ≤ 12 and unequal (said to the consultant). */
export function isAmbiguousDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const text = cellAsText(value);
  if (!text.includes("/")) return false;
  const spaceAt = text.indexOf(" ");
  const parts = threeParts(spaceAt < 0 ? text : text.slice(0, spaceAt), "/", [
    [1, 2],
    [1, 2],
    [4, 4],
  ]);
  return parts !== undefined && parts[0] <= 12 && parts[1] <= 12 && parts[0] !== parts[1];
}

/** A plain decimal number: sign, digits, point, exponent; nothing else. */
function plainNumber(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const digits = () => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    return i - start;
  };
  if (text[i] === "+" || text[i] === "-") i++;
  let mantissa = digits();
  if (text[i] === ".") {
    i++;
    mantissa += digits();
  }
  if (mantissa === 0) return undefined;
  if (text[i] === "e" || text[i] === "E") {
    i++;
    if (text[i] === "+" || text[i] === "-") i++;
    if (digits() === 0) return undefined;
  }
  if (i !== n) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Digits in groups of three after a first group of one to three, split by `separator`. */
function groupedThousands(text: string, separator: string): boolean {
  const groups = text.split(separator);
  return (
    groups.length > 1 &&
    isDigits(groups[0], 1, 3) &&
    groups.slice(1).every((group) => isDigits(group, 3, 3))
  );
}

/** Characters an amount may carry that are not part of the number: blanks and currency signs. */
const AMOUNT_NOISE = new Set(["\t", "\n", "\f", "\r", " ", "\u00a0", "\u202f", "€", "$", "£"]);

/**
 * An amount text without its blanks and currency signs, one comma before exactly three digits after
 * one to three digits (not starting with 0): 1,234 — a thousands separator in English, a decimal
 * comma in French. In an English study it is refused as ambiguous (docs/method.md §8.1).
 */
export function isCommaThousands(text: string): boolean {
  let bare = "";
  for (const c of text) if (!AMOUNT_NOISE.has(c)) bare += c;
  const body = bare.startsWith("-") ? bare.slice(1) : bare;
  const groups = body.split(",");
  return (
    groups.length === 2 &&
    isDigits(groups[0], 1, 3) &&
    !groups[0].startsWith("0") &&
    isDigits(groups[1], 3, 3)
  );
}

/**
 * An amount cell as a number: a number cell as it is; a text as the SQL reads it — a plain number,
 * else without blanks and currency signs: 12,50 and 1.234,50 (a decimal comma), 1,234.50; in
 * English, not 1,234 (isCommaThousands).
 */
export function parseAmount(value: unknown, language: Language): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = cellAsText(value);
  const plain = plainNumber(trimAscii(text));
  if (plain !== undefined) return plain;
  let bare = "";
  for (const c of text) if (!AMOUNT_NOISE.has(c)) bare += c;
  const sign = bare.startsWith("-") ? "-" : "";
  const body = sign ? bare.slice(1) : bare;
  if (language === "en" && isCommaThousands(bare)) return undefined;
  const comma = body.indexOf(",");
  let written = bare;
  if (
    comma >= 0 &&
    comma === body.lastIndexOf(",") &&
    isDigits(body.slice(comma + 1), 1, Infinity)
  ) {
    const before = body.slice(0, comma);
    if (isDigits(before, 0, Infinity)) written = `${sign}${before}.${body.slice(comma + 1)}`;
    else if (groupedThousands(before, "."))
      written = `${sign}${before.split(".").join("")}.${body.slice(comma + 1)}`;
  } else if (comma < 0 && groupedThousands(body, ".")) {
    written = `${sign}${body.split(".").join("")}`;
  } else if (comma >= 0) {
    const point = body.indexOf(".");
    const whole = point < 0 ? body : body.slice(0, point);
    const fraction = point < 0 ? undefined : body.slice(point + 1);
    if (groupedThousands(whole, ",") && (fraction === undefined || isDigits(fraction, 1, Infinity)))
      written = `${sign}${whole.split(",").join("")}${fraction === undefined ? "" : `.${fraction}`}`;
  }
  return plainNumber(trimAscii(written));
}

/** DuckDB's casts to a number ignore ASCII blanks around it. */
function trimAscii(text: string): string {
  let start = 0;
  let end = text.length;
  const blank = (c: number) => c === 32 || (c >= 9 && c <= 13);
  while (start < end && blank(text.charCodeAt(start))) start++;
  while (end > start && blank(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Rounds half away from zero, as SQL's round(). */
function micro(amount: number): number {
  const scaled = amount * MICRO;
  return Math.sign(scaled) * Math.round(Math.abs(scaled));
}

interface Totals {
  lastDay: number;
  purchases: number;
  micro: number;
}

/**
 * Every row read, counted and summed up per customer; the customers with a purchase scored. The
 * analysis day is `analysisDay`, else the day after the last valid transaction.
 */
export function rfmFromRows(
  rows: Iterable<readonly unknown[]>,
  columns: RowColumns,
  options: { language: Language; analysisDay?: number }
): RowsRfm {
  const counts: TransactionCounts = {
    rows: 0,
    blankIds: 0,
    badAmounts: { count: 0 },
    badDates: { count: 0 },
    ambiguousDates: { count: 0 },
    returns: 0,
    duplicates: 0,
    afterAnalysis: 0,
    returnsOnly: 0,
  };
  const seen = new Set<string>();
  const byId = new Map<string, Totals>();
  // Without a given analysis day it is the day after the last valid row: no row falls after it,
  // so each row is summed up as it is read.
  const given = options.analysisDay;
  let lastSeen = -Infinity;
  let firstDay = Infinity;
  for (const row of rows) {
    counts.rows++;
    const id = cellAsText(row[columns.id]);
    const dateValue = row[columns.date];
    const amountValue = row[columns.amount];
    const dateText = cellAsText(dateValue);
    const amountText = cellAsText(amountValue);
    const day = parseDay(dateValue, options.language);
    const amount = parseAmount(amountValue, options.language);
    if (id === "") counts.blankIds++;
    if (amount === undefined) {
      counts.badAmounts.count++;
      counts.badAmounts.example ??= amountText;
    }
    if (day === undefined) {
      counts.badDates.count++;
      counts.badDates.example ??= dateText;
    } else if (isAmbiguousDate(dateValue)) {
      counts.ambiguousDates.count++;
      counts.ambiguousDates.example ??= dateText;
    }
    if (id === "" || day === undefined || amount === undefined) continue;
    if (day > lastSeen) lastSeen = day;
    if (given !== undefined && day >= given) {
      counts.afterAnalysis++;
      continue;
    }
    // Duplicates among the rows kept: a row left out is said once, as left out.
    const key = `${id}\u0000${dateText}\u0000${amountText}`;
    if (seen.has(key)) counts.duplicates++;
    else seen.add(key);
    if (amount < 0) counts.returns++;
    if (day < firstDay) firstDay = day;
    let totals = byId.get(id);
    if (!totals) {
      totals = { lastDay: -Infinity, purchases: 0, micro: 0 };
      byId.set(id, totals);
    }
    totals.micro += micro(amount);
    if (amount >= 0) {
      totals.purchases++;
      if (day > totals.lastDay) totals.lastDay = day;
    }
  }
  const analysisDay = given ?? (Number.isFinite(lastSeen) ? lastSeen + 1 : 0);
  if (!Number.isFinite(firstDay)) firstDay = analysisDay;
  const ids = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const customers: CustomerTotals[] = [];
  const micros: number[] = [];
  for (const id of ids) {
    const totals = byId.get(id) as Totals;
    if (totals.purchases === 0) {
      counts.returnsOnly++;
      continue;
    }
    const monetary = totals.micro / MICRO;
    customers.push({
      id,
      lastDay: totals.lastDay,
      frequency: totals.purchases,
      monetary: monetary === 0 ? 0 : monetary,
    });
    micros.push(totals.micro);
  }
  // Ranked on the exact sums in millionths, as the SQL ranks its integer sums.
  const r = scoresOf(customers.map((c) => c.lastDay));
  const f = scoresOf(customers.map((c) => c.frequency));
  const m = scoresOf(micros);
  const scores = customers.map((_, i) => ({ r: r[i], f: f[i], m: m[i] }));
  return { customers, scores, analysisDay, firstDay, counts };
}

/** The clientèle column too, for segments quantified from the data. */
export interface ClienteleColumns extends RowColumns {
  clientele: number;
}

export interface RowsClienteles {
  /** Per clientèle ("" for buyers without one), by name: as the command line's DuckDB path gives them. */
  figures: ClienteleFigures[];
  /** Customers whose valid rows name more than one clientèle (the latest is taken). */
  conflicts: number;
}

interface Buyer {
  purchases: number;
  micro: number;
}

interface Belonging {
  day: number;
  clientele: string;
  min: string;
  max: string;
}

/**
 * Per clientèle, over the QUANTIFY_WINDOW_DAYS before `analysisDay` (rfmFromRows's), the customers
 * with a purchase, their purchases (duplicates counted, as the frequency counts them) and their net
 * amount, returns included. A customer's clientèle is that of its latest valid row naming one (on
 * a tie, the largest name), whatever its date: the rule of src/hosts/data/transactions.ts.
 */
export function clienteleFiguresFromRows(
  rows: Iterable<readonly unknown[]>,
  columns: ClienteleColumns,
  options: { language: Language; analysisDay: number }
): RowsClienteles {
  const from = options.analysisDay - QUANTIFY_WINDOW_DAYS;
  const buyers = new Map<string, Buyer>();
  const belongs = new Map<string, Belonging>();
  for (const row of rows) {
    const id = cellAsText(row[columns.id]);
    if (id === "") continue;
    const day = parseDay(row[columns.date], options.language);
    const amount = parseAmount(row[columns.amount], options.language);
    if (day === undefined || amount === undefined) continue;
    const clientele = cellAsText(row[columns.clientele]);
    if (clientele !== "") {
      const known = belongs.get(id);
      if (!known) belongs.set(id, { day, clientele, min: clientele, max: clientele });
      else {
        if (day > known.day || (day === known.day && clientele > known.clientele)) {
          known.day = day;
          known.clientele = clientele;
        }
        if (clientele < known.min) known.min = clientele;
        if (clientele > known.max) known.max = clientele;
      }
    }
    if (day < from || day >= options.analysisDay) continue;
    let buyer = buyers.get(id);
    if (!buyer) {
      buyer = { purchases: 0, micro: 0 };
      buyers.set(id, buyer);
    }
    buyer.micro += micro(amount);
    if (amount >= 0) buyer.purchases++;
  }
  const byClientele = new Map<string, { customers: number; purchases: number; micro: number }>();
  for (const [id, buyer] of buyers) {
    if (buyer.purchases === 0) continue;
    const name = belongs.get(id)?.clientele ?? "";
    const sum = byClientele.get(name) ?? { customers: 0, purchases: 0, micro: 0 };
    sum.customers++;
    sum.purchases += buyer.purchases;
    sum.micro += buyer.micro;
    byClientele.set(name, sum);
  }
  let conflicts = 0;
  for (const known of belongs.values()) if (known.min !== known.max) conflicts++;
  const names = [...byClientele.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const figures = names.map((clientele) => {
    const sum = byClientele.get(clientele) as {
      customers: number;
      purchases: number;
      micro: number;
    };
    const amount = sum.micro / MICRO;
    return {
      clientele,
      customers: sum.customers,
      purchases: sum.purchases,
      amount: amount === 0 ? 0 : amount,
    };
  });
  return { figures, conflicts };
}
