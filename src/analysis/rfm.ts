/**
 * RFM: customer segmentation from the client's own transactions (docs/method.md §8). The rule,
 * pure: per customer recency, frequency and monetary value; their 1–5 scores by the share of
 * customers strictly below; the named segments from an editable rule table on R and F; the summary
 * per segment and the R × F grid. The sheets, the command line, the SQL and the pane all come here
 * (or say the same rule in SQL, checked against this in the tests).
 */
import { Bilingual, Language } from "../method/levels";

/** Scores run from 1 to SCORE_LEVELS. */
export const SCORE_LEVELS = 5;
/** Days in a year, for the purchases per year. */
export const DAYS_PER_YEAR = 365;
/** Sums are rounded to this many decimals, so that sums added in any order tie (SQL, TypeScript). */
export const MONETARY_DECIMALS = 6;

/** One transaction: `day` counts days since 1970-01-01; a negative amount is a return. */
export interface Transaction {
  customerId: string;
  day: number;
  amount: number;
}

/** A customer's transactions summed up (what the SQL or DuckDB returns per customer). */
export interface CustomerTotals {
  id: string;
  /** The day of the last purchase (a transaction of amount ≥ 0). */
  lastDay: number;
  /** Purchases: transactions of amount ≥ 0 (returns are netted in the amount, not counted). */
  frequency: number;
  /** The net sum of every transaction, returns included, rounded to MONETARY_DECIMALS. */
  monetary: number;
}

export interface RfmRow {
  id: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  code: string;
  segment: string;
}

export function roundMonetary(value: number): number {
  const factor = 10 ** MONETARY_DECIMALS;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Each customer's totals, transactions on or after the analysis day left out (the caller counts
 * and says them). A customer with returns only has no purchase: left out too, and listed.
 */
export function customerTotals(
  transactions: Iterable<Transaction>,
  analysisDay: number
): { customers: CustomerTotals[]; returnsOnly: string[] } {
  const byId = new Map<string, { lastDay: number; frequency: number; monetary: number }>();
  for (const t of transactions) {
    if (t.day >= analysisDay) continue;
    let totals = byId.get(t.customerId);
    if (!totals) {
      totals = { lastDay: -Infinity, frequency: 0, monetary: 0 };
      byId.set(t.customerId, totals);
    }
    totals.monetary += t.amount;
    if (t.amount >= 0) {
      totals.frequency++;
      if (t.day > totals.lastDay) totals.lastDay = t.day;
    }
  }
  const customers: CustomerTotals[] = [];
  const returnsOnly: string[] = [];
  for (const [id, totals] of byId) {
    if (totals.frequency === 0) returnsOnly.push(id);
    else
      customers.push({
        id,
        lastDay: totals.lastDay,
        frequency: totals.frequency,
        monetary: roundMonetary(totals.monetary),
      });
  }
  return { customers, returnsOnly };
}

/**
 * 1 + ⌊SCORE_LEVELS × (number of values strictly smaller) / N⌋ for each value: ties share a
 * score, the smallest scores 1, and no score passes SCORE_LEVELS. Sorting: N log N.
 */
export function scoresOf(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const scores = new Array<number>(n);
  let smaller = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && values[order[k]] !== values[order[k - 1]]) smaller = k;
    scores[order[k]] = 1 + Math.floor((SCORE_LEVELS * smaller) / n);
  }
  return scores;
}

/** A named segment: the customers whose R and F fall in both ranges (bounds included). */
export interface SegmentRule {
  name: Bilingual;
  r: readonly [number, number];
  f: readonly [number, number];
}

/**
 * The default rule table, a partition of the 5 × 5 R × F grid read from the top: the first rule
 * that holds names the segment. Data: the sheet writes it as an editable table.
 */
export const DEFAULT_SEGMENT_RULES: readonly SegmentRule[] = [
  { name: { fr: "Champions", en: "Champions" }, r: [5, 5], f: [4, 5] },
  { name: { fr: "Fidèles", en: "Loyal" }, r: [3, 4], f: [4, 5] },
  { name: { fr: "Prometteurs", en: "Promising" }, r: [4, 5], f: [1, 3] },
  { name: { fr: "À réactiver", en: "Need reactivation" }, r: [3, 3], f: [1, 3] },
  { name: { fr: "À risque", en: "At risk" }, r: [1, 2], f: [4, 5] },
  { name: { fr: "Hibernants", en: "Hibernating" }, r: [2, 2], f: [1, 3] },
  { name: { fr: "Perdus", en: "Lost" }, r: [1, 1], f: [1, 3] },
];

/** A rule table in one language, as the sheet holds it. */
export interface NamedRule {
  name: string;
  r: readonly [number, number];
  f: readonly [number, number];
}

export function rulesIn(rules: readonly SegmentRule[], language: Language): NamedRule[] {
  return rules.map((rule) => ({ name: rule.name[language], r: rule.r, f: rule.f }));
}

/** The first rule that holds, or "" when none does (the sheet's formula says the same). */
export function segmentOf(r: number, f: number, rules: readonly NamedRule[]): string {
  for (const rule of rules)
    if (rule.name !== "" && rule.r[0] <= r && r <= rule.r[1] && rule.f[0] <= f && f <= rule.f[1])
      return rule.name;
  return "";
}

/** A customer's three scores. */
export interface CustomerScores {
  r: number;
  f: number;
  m: number;
}

/** Each customer's scores by the rule, in the order of the totals given. */
export function scoresOfCustomers(
  customers: readonly CustomerTotals[],
  analysisDay: number
): CustomerScores[] {
  const r = scoresOf(customers.map((c) => c.lastDay - analysisDay));
  const f = scoresOf(customers.map((c) => c.frequency));
  const m = scoresOf(customers.map((c) => c.monetary));
  return customers.map((_, i) => ({ r: r[i], f: f[i], m: m[i] }));
}

/** The rows of SM_RFM, in the order of the totals given. */
export function scoreCustomers(
  customers: readonly CustomerTotals[],
  analysisDay: number,
  rules: readonly NamedRule[]
): RfmRow[] {
  return rfmRows(customers, scoresOfCustomers(customers, analysisDay), analysisDay, rules);
}

/**
 * The rows of SM_RFM from totals and their scores (computed here or by DuckDB, by the same rule):
 * recency, code and segment.
 */
export function rfmRows(
  customers: readonly CustomerTotals[],
  scores: readonly CustomerScores[],
  analysisDay: number,
  rules: readonly NamedRule[]
): RfmRow[] {
  return customers.map((c, i) => {
    const { r, f, m } = scores[i];
    return {
      id: c.id,
      recency: analysisDay - c.lastDay,
      frequency: c.frequency,
      monetary: c.monetary,
      r,
      f,
      m,
      code: `${r}${f}${m}`,
      segment: segmentOf(r, f, rules),
    };
  });
}

export interface SegmentSummary {
  segment: string;
  customers: number;
  revenue: number;
  shareOfRevenue: number;
  /** Revenue ÷ purchases. */
  meanBasket: number;
  /** Purchases ÷ customers ÷ the years observed. */
  purchasesPerYear: number;
}

/**
 * One line per rule (in the table's order, even when empty), then the customers no rule names
 * (segment ""), when there are any. `observedDays`: from the first transaction to the analysis day.
 */
export function summarise(
  rows: readonly RfmRow[],
  rules: readonly NamedRule[],
  observedDays: number
): SegmentSummary[] {
  const totalRevenue = rows.reduce((sum, row) => sum + row.monetary, 0);
  const years = Math.max(1, observedDays) / DAYS_PER_YEAR;
  const bySegment = new Map<string, { customers: number; revenue: number; purchases: number }>();
  const names = [...new Set(rules.map((rule) => rule.name).filter((name) => name !== ""))];
  for (const name of names) bySegment.set(name, { customers: 0, revenue: 0, purchases: 0 });
  for (const row of rows) {
    let line = bySegment.get(row.segment);
    if (!line) {
      line = { customers: 0, revenue: 0, purchases: 0 };
      bySegment.set(row.segment, line);
    }
    line.customers++;
    line.revenue += row.monetary;
    line.purchases += row.frequency;
  }
  return [...bySegment].map(([segment, line]) => ({
    segment,
    customers: line.customers,
    revenue: roundMonetary(line.revenue),
    shareOfRevenue: totalRevenue === 0 ? 0 : line.revenue / totalRevenue,
    meanBasket: line.purchases === 0 ? 0 : line.revenue / line.purchases,
    purchasesPerYear: line.customers === 0 ? 0 : line.purchases / line.customers / years,
  }));
}

/** The R × F grid: `counts[r - 1][f - 1]` customers and their revenue. */
export function rfGrid(rows: readonly RfmRow[]): { counts: number[][]; revenue: number[][] } {
  const empty = () =>
    Array.from({ length: SCORE_LEVELS }, () => new Array<number>(SCORE_LEVELS).fill(0));
  const counts = empty();
  const revenue = empty();
  for (const row of rows) {
    counts[row.r - 1][row.f - 1]++;
    revenue[row.r - 1][row.f - 1] += row.monetary;
  }
  return { counts, revenue: revenue.map((line) => line.map(roundMonetary)) };
}

/** The rule in words, from the same constants, for the sheet, the README and the help. */
export function rfmRuleText(language: Language): string[] {
  const n = SCORE_LEVELS;
  return language === "fr"
    ? [
        `Récence = jours entiers entre le dernier achat et la date d'analyse ; fréquence = nombre d'achats ; montant = somme nette des transactions (retours déduits).`,
        `Scores de 1 à ${n}, ex aequo au même score : F = 1 + ⌊${n} × (nombre de clients de fréquence strictement inférieure) / N⌋, M de même sur le montant, R de même sur la récence inversée (plus récent = plus haut), N = nombre de clients.`,
        `Code RFM = R, F et M accolés ; segment = première ligne de la table des règles dont les plages de R et de F contiennent le client.`,
      ]
    : [
        `Recency = whole days from the last purchase to the analysis date; frequency = number of purchases; monetary = net sum of the transactions (returns deducted).`,
        `Scores from 1 to ${n}, ties share a score: F = 1 + ⌊${n} × (number of customers with a strictly smaller frequency) / N⌋, M likewise on monetary, R likewise on the negated recency (more recent scores higher), N = number of customers.`,
        `RFM code = R, F and M side by side; segment = the first line of the rule table whose R and F ranges hold the customer.`,
      ];
}

/** Day numbers and ISO dates (UTC, no time). */
export function dayOfIso(iso: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return Math.round(time / 86400000);
}

export function isoOfDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}
