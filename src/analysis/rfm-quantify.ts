/**
 * Segments quantified from the client's own data (issue 15 §2): over the year before the analysis
 * date, per clientèle the customers with at least one purchase, their purchases and their amount;
 * per segment of the study, over its clientèles, size = those customers, frequency = purchases ÷
 * size, basket = amount ÷ purchases. The figures replace the segment's size, frequency and basket
 * (the consultant can overwrite any); a segment whose clientèles bought nothing keeps its own, and
 * one sized from its population keeps that size.
 */
import { Language } from "../method/levels";
import { Study, nameKey } from "../method/study";

/** Days of the window before the analysis date. */
export const QUANTIFY_WINDOW_DAYS = 365;

/** One clientèle's figures in the window. */
export interface ClienteleFigures {
  clientele: string;
  customers: number;
  purchases: number;
  amount: number;
}

export interface SegmentFigures {
  segment: string;
  size: number;
  frequency: number;
  basket: number;
}

export interface Quantified {
  study: Study;
  segments: SegmentFigures[];
  /** Segments whose clientèles had no buying customer in the window: left as they were. */
  unquantified: string[];
  /** Clientèles of the data that are not clientèles of the study, with their customers. */
  unknownClienteles: ClienteleFigures[];
  /**
   * Segments sized from a population and its trimming criteria (docs/method.md §1.1): their size
   * stays the population trimmed, only their frequency and basket come from the data.
   */
  sizedByPopulation: string[];
}

/** `asOf`: the analysis date (YYYY-MM-DD), written as each quantified segment's figures' source. */
export function quantifySegments(
  study: Study,
  figures: readonly ClienteleFigures[],
  asOf?: string
): Quantified {
  const known = new Set(study.clienteles.map((c) => nameKey(c.name)));
  const byKey = new Map<string, ClienteleFigures>();
  const unknownClienteles: ClienteleFigures[] = [];
  for (const line of figures) {
    const key = nameKey(line.clientele);
    if (!known.has(key)) {
      unknownClienteles.push(line);
      continue;
    }
    const sum = byKey.get(key) ?? {
      clientele: line.clientele,
      customers: 0,
      purchases: 0,
      amount: 0,
    };
    sum.customers += line.customers;
    sum.purchases += line.purchases;
    sum.amount += line.amount;
    byKey.set(key, sum);
  }
  const segments: SegmentFigures[] = [];
  const unquantified: string[] = [];
  const sizedByPopulation: string[] = [];
  const quantified = (study.segments ?? []).map((segment) => {
    let size = 0;
    let purchases = 0;
    let amount = 0;
    for (const key of new Set(segment.clienteles.map(nameKey))) {
      const line = byKey.get(key);
      if (!line) continue;
      size += line.customers;
      purchases += line.purchases;
      amount += line.amount;
    }
    // A net amount below zero (more returned than bought) is no basket: the segment is said.
    if (size === 0 || purchases === 0 || amount < 0) {
      unquantified.push(segment.name);
      return segment;
    }
    const result = {
      segment: segment.name,
      size,
      // Exactly (docs/method.md §8.2): rounded only where shown, or the potential drifts.
      frequency: purchases / size,
      basket: amount / purchases,
    };
    segments.push(result);
    const source = asOf !== undefined ? { figuresSource: { asOf, customers: size } } : {};
    // The consultant sized this one from its population: the data's customers do not replace it.
    if (segment.population !== undefined) {
      sizedByPopulation.push(segment.name);
      return { ...segment, frequency: result.frequency, basket: result.basket, ...source };
    }
    return { ...segment, size, frequency: result.frequency, basket: result.basket, ...source };
  });
  return {
    study: study.segments ? { ...study, segments: quantified } : study,
    segments,
    unquantified,
    unknownClienteles,
    sizedByPopulation,
  };
}

/**
 * "Name: size 120, 3.5 purchases a year, basket 42.10 (customers' data to 2026-01-01, 120 customers)";
 * `sizeKept`: the segment is sized from its population, which the data does not replace.
 */
export function quantifiedLine(
  line: SegmentFigures,
  date: string,
  language: Language,
  sizeKept = false
): string {
  const n = (value: number) =>
    language === "fr"
      ? value.toLocaleString("fr-FR", { maximumFractionDigits: 2 }).replace(/\s/g, " ")
      : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  // French puts below 2 in the singular (1,5 achat), English only 1.
  const s = (value: number) => ((language === "fr" ? value >= 2 : value !== 1) ? "s" : "");
  const size = sizeKept
    ? language === "fr"
      ? "taille de l'étude (sa population)"
      : "size kept from the study (its population)"
    : `${language === "fr" ? "taille" : "size"} ${n(line.size)}`;
  return language === "fr"
    ? `${line.segment} : ${size}, ${n(line.frequency)} achat${s(line.frequency)} par an, panier ${n(line.basket)} (données clients au ${date}, ${n(line.size)} client${s(line.size)})`
    : `${line.segment}: ${size}, ${n(line.frequency)} purchase${s(line.frequency)} a year, basket ${n(line.basket)} (customers' data to ${date}, ${n(line.size)} customer${s(line.size)})`;
}
