/**
 * The method's scales and kinds, with the exact labels consultants expect (docs/method.md §2–3).
 * This is the one place that knows them: sheets, dropdowns, the reader and the pane all come here.
 */

export type Language = "fr" | "en";
export const LANGUAGES: readonly Language[] = ["fr", "en"];

/** Text in both languages of the product: French first, English second. */
export interface Bilingual {
  fr: string;
  en: string;
}

export interface Level extends Bilingual {
  value: number;
}

export type Criterion = "perception" | "impact" | "competition";

export interface Scale {
  criterion: Criterion;
  title: Bilingual;
  /** Short column header used in the ratings table. */
  header: Bilingual;
  levels: readonly Level[];
}

export const PERCEPTION: Scale = {
  criterion: "perception",
  title: { fr: "Degré de perception du besoin", en: "Perception of the need" },
  header: { fr: "Perception", en: "Perception" },
  levels: [
    { value: 1, fr: "Inconscient", en: "Unaware" },
    { value: 2, fr: "Ressenti léger", en: "Slightly felt" },
    { value: 3, fr: "Ressenti moyen", en: "Moderately felt" },
    { value: 4, fr: "Fort ressenti", en: "Strongly felt" },
  ],
};

export const IMPACT: Scale = {
  criterion: "impact",
  title: { fr: "Importance de l'impact", en: "Impact of solving it" },
  header: { fr: "Impact", en: "Impact" },
  levels: [
    { value: 1, fr: "Très faible", en: "Very low" },
    { value: 2, fr: "Faible", en: "Low" },
    { value: 3, fr: "Moyen", en: "Medium" },
    { value: 4, fr: "Fort", en: "High" },
  ],
};

export const COMPETITION: Scale = {
  criterion: "competition",
  title: { fr: "Intensité de la concurrence", en: "Intensity of competition" },
  header: { fr: "Concurrence", en: "Competition" },
  levels: [
    { value: 0, fr: "Inexistante", en: "None" },
    { value: 1, fr: "Faible", en: "Weak" },
    { value: 2, fr: "Moyenne", en: "Moderate" },
    { value: 3, fr: "Forte", en: "Strong" },
    { value: 4, fr: "Très forte", en: "Very strong" },
  ],
};

export const SCALES: Record<Criterion, Scale> = {
  perception: PERCEPTION,
  impact: IMPACT,
  competition: COMPETITION,
};

export function levelRange(scale: Scale): { min: number; max: number } {
  const values = scale.levels.map((level) => level.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

export function levelLabel(scale: Scale, value: number, language: Language): string | undefined {
  return scale.levels.find((level) => level.value === value)?.[language];
}

/** A kind of clientèle or of need; `canonical` is the value stored in study files. */
export interface Kind extends Bilingual {
  canonical: string;
}

export const CLIENTELE_TYPES: readonly Kind[] = [
  { canonical: "client", fr: "client", en: "customer" },
  { canonical: "bénéficiaire direct", fr: "bénéficiaire direct", en: "direct beneficiary" },
  { canonical: "bénéficiaire indirect", fr: "bénéficiaire indirect", en: "indirect beneficiary" },
  { canonical: "bénéficiaire groupe", fr: "bénéficiaire groupe", en: "group beneficiary" },
];

export const NEED_TYPES: readonly Kind[] = [
  { canonical: "problème", fr: "problème", en: "problem" },
  { canonical: "opportunité", fr: "opportunité", en: "opportunity" },
];

/** Loose key for matching what a person typed: case, accents and inner spaces do not matter. */
export function looseKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Finds a kind by its French or English label, forgiving case and accents. */
export function findKind(kinds: readonly Kind[], text: string): Kind | undefined {
  const key = looseKey(text);
  return kinds.find((kind) => looseKey(kind.fr) === key || looseKey(kind.en) === key);
}

/** Key for matching a level label as Excel's MATCH does: case and surrounding spaces do not matter. */
export function labelKey(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/** Finds a level by its label in either language (ignoring case) or by its number. */
export function findLevel(scale: Scale, input: string | number): Level | undefined {
  if (typeof input === "number") return scale.levels.find((level) => level.value === input);
  const key = labelKey(input);
  if (key === "") return undefined;
  const byLabel = labelIndex(scale).get(key);
  if (byLabel) return byLabel;
  if (/^-?\d+$/.test(key)) return scale.levels.find((level) => level.value === Number(key));
  return undefined;
}

/** Each scale's levels by the keys of their labels, made once (a read looks up every ratings row). */
const LABEL_INDEXES = new WeakMap<Scale, Map<string, Level>>();

function labelIndex(scale: Scale): Map<string, Level> {
  let index = LABEL_INDEXES.get(scale);
  if (!index) {
    index = new Map();
    // The first level that has a label wins, as a search in order would find it.
    for (const level of scale.levels)
      for (const label of [level.fr, level.en])
        if (!index.has(labelKey(label))) index.set(labelKey(label), level);
    LABEL_INDEXES.set(scale, index);
  }
  return index;
}
