/**
 * How a message is made (code, severity, location, both languages) and the small pieces of
 * wording that several owners' messages share.
 */
import type { Bilingual, Kind } from "../method/levels";
import { type Location, type ProblemOf, type Severity, quoteEn, quoteFr } from "./problem";

/** The lists of names of a study, as their JSON fields are named. */
export type ListField = "clienteles" | "needs" | "offerings";

/** The one place a problem is built; its code stays a literal type (see index.ts). */
export function problem<Code extends string>(
  code: Code,
  severity: Severity,
  location: Location | undefined,
  message: Bilingual
): ProblemOf<Code> {
  return { code, severity, message, location };
}

export const error = <Code extends string>(
  code: Code,
  location: Location | undefined,
  fr: string,
  en: string
): ProblemOf<Code> => problem(code, "error", location, { fr, en });
export const warning = <Code extends string>(
  code: Code,
  location: Location | undefined,
  fr: string,
  en: string
): ProblemOf<Code> => problem(code, "warning", location, { fr, en });

export const WHAT: Record<ListField, Bilingual> = {
  clienteles: { fr: "clientèle", en: "clientèle" },
  needs: { fr: "besoin", en: "need" },
  offerings: { fr: "prestation", en: "offering" },
};

export const listFr = (kinds: readonly Kind[]): string =>
  kinds.map((k) => quoteFr(k.fr)).join(", ");
export const listEn = (kinds: readonly Kind[], key: "en" | "canonical" = "en"): string =>
  kinds.map((k) => quoteEn(k[key])).join(", ");
export const pairFr = (clientele: string, need: string): string =>
  `(${quoteFr(clientele)}, ${quoteFr(need)})`;
export const pairEn = (clientele: string, need: string): string =>
  `(${quoteEn(clientele)}, ${quoteEn(need)})`;
