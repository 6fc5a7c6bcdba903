/**
 * The method's words for trimming and diagnostics (docs/method.md §1 and §6), French first: the four
 * families of criteria that trim a segment, the four parts of a SWOT and the six factors of a PESTEL.
 * The one place that knows their labels and the spellings a study file or a cell may use.
 */
import { Bilingual, Kind, Language, looseKey } from "./levels";
import type { Pestel, Swot } from "./study";

/** A family of trimming criteria: its canonical value (French) and the other spellings read. */
export interface TrimFamily extends Kind {
  /** Other words read as this family (the English word; "ou" without its accent). */
  aliases: readonly string[];
}

/** docs/method.md §1: nature (B2B / B2C), Qui ?, Où ?, Pourquoi ? */
export const TRIM_FAMILIES: readonly TrimFamily[] = [
  { canonical: "nature", fr: "Nature (B2B / B2C)", en: "Nature (B2B / B2C)", aliases: [] },
  { canonical: "qui", fr: "Qui ?", en: "Who?", aliases: ["who"] },
  { canonical: "où", fr: "Où ?", en: "Where?", aliases: ["where"] },
  { canonical: "pourquoi", fr: "Pourquoi ?", en: "Why?", aliases: ["why"] },
];

/** A key that forgets case, accents, blanks and a question mark at the end ("Où ?" is "ou"). */
function familyKey(text: string): string {
  let key = looseKey(text);
  if (key.endsWith("?")) key = key.slice(0, -1).trimEnd();
  return key;
}

/**
 * A family from what was typed: the canonical word, the English one, or either label, case, accents
 * and the question mark ignored ("qui", "Who?", "ou", "Où ?").
 */
export function findTrimFamily(text: string): TrimFamily | undefined {
  const key = familyKey(text);
  if (key === "") return undefined;
  return TRIM_FAMILIES.find((family) =>
    [family.canonical, family.fr, family.en, ...family.aliases].some(
      (spelling) => familyKey(spelling) === key
    )
  );
}

/** The label of a canonical family in a language (a value not found is shown as it is). */
export function trimFamilyLabel(canonical: string, language: Language): string {
  const family = TRIM_FAMILIES.find((f) => f.canonical === canonical);
  return family ? family[language] : canonical;
}

export type SwotPart = keyof Swot;
export type PestelFactor = keyof Pestel;

/** The four parts of a segment's SWOT, in the order the study file and the sheet list them. */
export const SWOT_PARTS: readonly { id: SwotPart; label: Bilingual }[] = [
  { id: "strengths", label: { fr: "Forces", en: "Strengths" } },
  { id: "weaknesses", label: { fr: "Faiblesses", en: "Weaknesses" } },
  { id: "opportunities", label: { fr: "Opportunités", en: "Opportunities" } },
  { id: "threats", label: { fr: "Menaces", en: "Threats" } },
];

/** The risks of a segment, shown under its SWOT. */
export const RISKS_LABEL: Bilingual = { fr: "Risques", en: "Risks" };

/** The six factors of the study's PESTEL, in the order the study file and the sheet list them. */
export const PESTEL_FACTORS: readonly { id: PestelFactor; label: Bilingual }[] = [
  { id: "political", label: { fr: "Politique", en: "Political" } },
  { id: "economic", label: { fr: "Économique", en: "Economic" } },
  { id: "social", label: { fr: "Socioculturel", en: "Social" } },
  { id: "technological", label: { fr: "Technologique", en: "Technological" } },
  { id: "environmental", label: { fr: "Environnemental", en: "Environmental" } },
  { id: "legal", label: { fr: "Légal", en: "Legal" } },
];

export function emptySwot(): Swot {
  return { strengths: [], weaknesses: [], opportunities: [], threats: [] };
}

export function emptyPestel(): Pestel {
  return {
    political: [],
    economic: [],
    social: [],
    technological: [],
    environmental: [],
    legal: [],
  };
}

/** A SWOT or PESTEL worth keeping: undefined when every list is empty (the same as none). */
export function nonEmptyLists<T extends object>(lists: T): T | undefined {
  return Object.values(lists).some((list: readonly string[]) => list.length > 0)
    ? lists
    : undefined;
}
