/**
 * The method after the matrix (docs/method.md §4–§7), with the exact labels consultants expect: segment
 * types of the Business Model Canvas, the "good segment" checklist, its progress legend, the five
 * targeting strategies and the growth levers. The one place that knows them, and the rules over
 * them (Ok counts, "segment ready", the strategy the marks form), each beside the workbook formula
 * made from the same definition.
 */
import { Bilingual, Kind, LANGUAGES, Language, findKind } from "./levels";
import type { Segment } from "./study";
import { excelTrim } from "./marks";

/** Business Model Canvas customer-segment types (docs/method.md §7.1). */
export const SEGMENT_TYPES: readonly Kind[] = [
  { canonical: "marché de masse", fr: "marché de masse", en: "mass market" },
  { canonical: "marché de niche", fr: "marché de niche", en: "niche market" },
  { canonical: "segmenté", fr: "segmenté", en: "segmented" },
  { canonical: "diversifié", fr: "diversifié", en: "diversified" },
  { canonical: "plateforme multi-faces", fr: "plateforme multi-faces", en: "multi-sided platform" },
];

export function findSegmentType(text: string): Kind | undefined {
  return findKind(SEGMENT_TYPES, text);
}

/** A segment's figures, whose product is its yearly potential (docs/method.md §5). */
export const SEGMENT_FIGURES: Record<"size" | "frequency" | "basket", Bilingual> = {
  size: { fr: "taille", en: "size" },
  frequency: { fr: "fréquence d'achat", en: "purchase frequency" },
  basket: { fr: "panier moyen", en: "average basket" },
};

/** Progress legend of the material: ✓ Ok · ⊞ En cours · ✗ À faire · 📊 À analyser. */
export type ChecklistStatus = "ok" | "en cours" | "à faire" | "à analyser";

export interface StatusLabel extends Bilingual {
  canonical: ChecklistStatus;
  symbol: string;
}

export const CHECKLIST_STATUSES: readonly StatusLabel[] = [
  { canonical: "ok", symbol: "✓", fr: "Ok", en: "Ok" },
  { canonical: "en cours", symbol: "⊞", fr: "En cours", en: "In progress" },
  // The material writes "A faire": French capitals keep their accents. Both spellings are read.
  { canonical: "à faire", symbol: "✗", fr: "À faire", en: "To do" },
  { canonical: "à analyser", symbol: "📊", fr: "À analyser", en: "To analyse" },
];

/** What a missing status means. */
export const DEFAULT_STATUS: ChecklistStatus = "à faire";

/** The label shown in a cell and its dropdown: symbol and word, e.g. "✓ Ok". */
export function statusCellLabel(status: StatusLabel, language: "fr" | "en"): string {
  return `${status.symbol} ${status[language]}`;
}

/**
 * A status from what a person typed: the canonical value, the French or English word (accents and
 * case ignored), the symbol alone, or the cell label "✓ Ok". Spaces count as Excel's TRIM counts
 * them (`excelTrim`), so that what the reader takes for Ok is what the checklist's Ok count takes.
 */
export function findStatus(text: string): StatusLabel | undefined {
  const trimmed = excelTrim(text);
  if (trimmed === "") return undefined;
  const key = statusKey(trimmed);
  for (const status of CHECKLIST_STATUSES) {
    const labels = [
      status.canonical,
      status.fr,
      status.en,
      status.symbol,
      statusCellLabel(status, "fr"),
      statusCellLabel(status, "en"),
    ];
    if (labels.some((label) => statusKey(label) === key)) return status;
  }
  return undefined;
}

/** A status as compared: accents and case ignored, spaces as Excel's TRIM leaves them. */
function statusKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export type ChecklistFamily = "coherence" | "activation" | "quantification";

export interface ChecklistItem extends Bilingual {
  family: ChecklistFamily;
  /** A quantification item's figure on the segments sheet: the item is ✓ when it is entered. */
  figure?: keyof typeof SEGMENT_FIGURES;
}

export const CHECKLIST_FAMILIES: Record<ChecklistFamily, Bilingual> = {
  coherence: { fr: "Cohérence", en: "Coherence" },
  activation: { fr: "Possibilités d'activation", en: "Activation" },
  quantification: {
    fr: "Quantification et viabilité économique",
    en: "Quantification and economic viability",
  },
};

/** The 11 items of the "good segment" checklist, in docs/method.md §5 order (the study file's order). */
export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  {
    family: "coherence",
    fr: "Les aspirations, problèmes et attentes des membres sont très proches",
    en: "Members' aspirations, problems and expectations are very close",
  },
  {
    family: "coherence",
    fr: "Une même offre pour tous",
    en: "The same offer for all",
  },
  {
    family: "coherence",
    fr: "Un même message promotionnel pour tous",
    en: "The same promotional message for all",
  },
  { family: "coherence", fr: "Un même prix pour tous", en: "The same price for all" },
  {
    family: "coherence",
    fr: "Il est facile de distinguer les membres de ceux des autres groupes",
    en: "Members are easy to tell from other groups' members",
  },
  {
    family: "activation",
    fr: "Je sais où les trouver",
    en: "I know where to find them",
  },
  {
    family: "activation",
    fr: "Je connais les canaux qui les atteignent",
    en: "I know the channels that reach them",
  },
  {
    family: "activation",
    fr: "Je peux leur adresser un message promotionnel (presque) à eux seuls",
    en: "I can send a promotional message to them (almost) only",
  },
  {
    family: "quantification",
    fr: "Le nombre d'individus peut être estimé (dans la zone couverte)",
    en: "The number of individuals can be estimated (in the covered zone)",
    figure: "size",
  },
  {
    family: "quantification",
    fr: "La fréquence d'achat peut être estimée",
    en: "The purchase frequency can be estimated",
    figure: "frequency",
  },
  {
    family: "quantification",
    fr: "Le panier moyen peut être estimé",
    en: "The average basket can be estimated",
    figure: "basket",
  },
];

/** How many of a segment's statuses are Ok (a missing status counts as "à faire"). */
export function okCount(statuses: readonly (ChecklistStatus | undefined)[]): number {
  return statuses.filter((status) => status === "ok").length;
}

/**
 * The count of Ok statuses in a range of the workbook: the cell label ("✓ Ok", in either
 * language), the symbol or the word typed alone, spaces around ignored, case ignored as Excel's "="
 * does: what `findStatus` reads as Ok.
 */
export function okCountFormula(range: string): string {
  const ok = CHECKLIST_STATUSES[0];
  const distinct = (texts: string[]): string[] => [...new Set(texts)];
  const labels = distinct(LANGUAGES.map((language) => statusCellLabel(ok, language)));
  const words = distinct(
    [ok.canonical, ...LANGUAGES.map((language) => ok[language])].map((word) => word.toUpperCase())
  );
  const terms = [
    // The symbol alone is Ok too, as findStatus reads it.
    ...[...labels, ok.symbol].map((label) => `(TRIM(${range})="${label}")`),
    ...words.map((word) => `(UPPER(TRIM(${range}))="${word}")`),
  ];
  return `SUMPRODUCT(${terms.join("+")})`;
}

/**
 * Where a quantification item and its figure disagree (issue 17 item 6): the figure entered and the
 * item not ✓ Ok, or the item ✓ Ok and the figure missing. In the checklist's order.
 */
export interface QuantificationMismatch {
  /** The item's index in CHECKLIST_ITEMS. */
  item: number;
  figure: keyof typeof SEGMENT_FIGURES;
  kind: "figure-not-ok" | "ok-without-figure";
}

export function quantificationMismatches(
  segment: Pick<Segment, "checklist" | "size" | "frequency" | "basket">
): QuantificationMismatch[] {
  return CHECKLIST_ITEMS.flatMap((item, index): QuantificationMismatch[] => {
    if (!item.figure) return [];
    const entered = segment[item.figure] !== undefined;
    const ok = (segment.checklist[index] ?? DEFAULT_STATUS) === "ok";
    if (entered === ok) return [];
    return [
      { item: index, figure: item.figure, kind: entered ? "figure-not-ok" : "ok-without-figure" },
    ];
  });
}

/** Whether a figure is entered, in the workbook: its cell on the segments sheet holds a number. */
export function figureEnteredFormula(figureCell: string): string {
  return `ISNUMBER(${figureCell})`;
}

/**
 * The same rule in the workbook, for one status cell and a test that its figure is entered
 * (figureEnteredFormula, or a cell that shows it): TRUE where they disagree, the status counted as
 * okCountFormula counts it.
 */
export function quantificationMismatchFormula(statusCell: string, entered: string): string {
  return `(${okCountFormula(statusCell)}>0)<>(${entered})`;
}

/** A segment is ready when all the items of the checklist are Ok (docs/method.md §5). */
export function isSegmentReady(checklist: readonly (ChecklistStatus | undefined)[]): boolean {
  return CHECKLIST_ITEMS.every((_, i) => (checklist[i] ?? DEFAULT_STATUS) === "ok");
}

/** The same rule over the cell that counts a segment's Ok items (okCountFormula over all items). */
export function readyFormula(okCountCell: string): string {
  return `${okCountCell}=${CHECKLIST_ITEMS.length}`;
}

/** The five targeting strategies over the offerings × segments table (docs/method.md §6). */
export type Strategy =
  | "concentration"
  | "segment-specialisation"
  | "offering-specialisation"
  | "selective-specialisation"
  | "full-coverage";

export interface StrategyLabel extends Bilingual {
  id: Strategy;
  /** One sentence that says what the marks mean. */
  explanation: Bilingual;
  /** Its main advantage and its main risk (docs/method.md §6). */
  advantage: Bilingual;
  risk: Bilingual;
}

export const STRATEGIES: Record<Strategy, StrategyLabel> = {
  concentration: {
    id: "concentration",
    fr: "Concentration",
    en: "Concentration",
    explanation: {
      fr: "Une seule prestation pour un seul segment : tout l'effort sur un point.",
      en: "One offering for one segment: all the effort on one point.",
    },
    advantage: {
      fr: "l'expertise d'un segment, à moindre coût.",
      en: "expertise in one segment, at a low cost.",
    },
    risk: {
      fr: "tout repose sur ce segment.",
      en: "everything rests on that segment.",
    },
  },
  "segment-specialisation": {
    id: "segment-specialisation",
    fr: "Spécialisation par segment",
    en: "Segment specialisation",
    explanation: {
      fr: "Plusieurs prestations pour un seul segment : on devient le spécialiste de ces clients.",
      en: "Several offerings for one segment: you become these customers' specialist.",
    },
    advantage: {
      fr: "ventes croisées, relation forte.",
      en: "cross-selling, a strong relationship.",
    },
    risk: {
      fr: "s'il achète moins, tout baisse.",
      en: "if it buys less, everything falls.",
    },
  },
  "offering-specialisation": {
    id: "offering-specialisation",
    fr: "Spécialisation par prestation",
    en: "Offering specialisation",
    explanation: {
      fr: "Une seule prestation pour plusieurs segments : on devient le spécialiste de cette offre.",
      en: "One offering for several segments: you become this offering's specialist.",
    },
    advantage: {
      fr: "une réputation d'expert.",
      en: "an expert's reputation.",
    },
    risk: {
      fr: "un substitut la rend obsolète.",
      en: "a substitute makes it obsolete.",
    },
  },
  "selective-specialisation": {
    id: "selective-specialisation",
    fr: "Spécialisation sélective",
    en: "Selective specialisation",
    explanation: {
      fr: "Quelques paires prestation × segment choisies une à une, chacune pour son intérêt.",
      en: "A few offering × segment pairs chosen one by one, each for its own appeal.",
    },
    advantage: {
      fr: "le risque réparti.",
      en: "the risk is spread.",
    },
    risk: {
      fr: "peu de synergies, moyens dispersés.",
      en: "few synergies, means spread thin.",
    },
  },
  "full-coverage": {
    id: "full-coverage",
    fr: "Couverture complète du marché",
    en: "Full market coverage",
    explanation: {
      fr: "Toutes les prestations pour tous les segments.",
      en: "All offerings for all segments.",
    },
    advantage: {
      fr: "tout le marché, des économies d'échelle.",
      en: "the whole market, economies of scale.",
    },
    risk: {
      fr: "exige de grands moyens.",
      en: "it takes great means.",
    },
  },
};

/**
 * The sentence the workbook, the pane and the deck give for a strategy: what its marks mean, then
 * its main advantage and its main risk (docs/method.md §6).
 */
export function strategySentence(strategy: Strategy, language: Language): string {
  const label = STRATEGIES[strategy];
  return language === "fr"
    ? `${label.explanation.fr} Avantage\u00A0: ${label.advantage.fr} Risque\u00A0: ${label.risk.fr}`
    : `${label.explanation.en} Advantage: ${label.advantage.en} Risk: ${label.risk.en}`;
}

/**
 * The strategy a set of marks forms, exactly as docs/method.md §6 and the workbook formula decide:
 * no mark → none; one mark → concentration; all marks in one segment → segment specialisation;
 * else all on one offering → offering specialisation; else every offering × every segment → full
 * coverage; else selective specialisation.
 */
export function targetingStrategy(
  marks: readonly { segment: number; offering: number }[],
  offerings: number,
  segments: number
): Strategy | undefined {
  const distinct = new Set(marks.map((mark) => `${mark.segment}\u0000${mark.offering}`));
  if (distinct.size === 0) return undefined;
  if (distinct.size === 1) return "concentration";
  if (new Set(marks.map((mark) => mark.segment)).size === 1) return "segment-specialisation";
  if (new Set(marks.map((mark) => mark.offering)).size === 1) return "offering-specialisation";
  if (distinct.size === offerings * segments) return "full-coverage";
  return "selective-specialisation";
}

/**
 * The same rule as a workbook formula, from the marks' count per segment (`perSegment`: a row of
 * counts) and per offering (`perOffering`: a column), in the order of `targetingStrategy`: it
 * gives the strategy's label in `language`, or "" without marks. Full coverage is every named
 * offering × every named segment (`labels`: the ranges of their names; rows or columns without a
 * name hold no mark the reader accepts).
 */
export function strategyFormula(
  perSegment: string,
  perOffering: string,
  labels: { segments: string; offerings: string },
  language: Language
): string {
  const label = (id: Strategy): string => `"${STRATEGIES[id][language].replace(/"/g, '""')}"`;
  const marks = `SUM(${perSegment})`;
  const named = (range: string): string => `SUMPRODUCT(--(${range}<>""))`;
  return (
    `IF(${marks}=0,"",IF(${marks}=1,${label("concentration")},` +
    `IF(COUNTIF(${perSegment},">0")=1,${label("segment-specialisation")},` +
    `IF(COUNTIF(${perOffering},">0")=1,${label("offering-specialisation")},` +
    `IF(${marks}=${named(labels.offerings)}*${named(labels.segments)},${label("full-coverage")},` +
    `${label("selective-specialisation")})))))`
  );
}

/** Levers to win a segment once product-market fit is there (docs/method.md §7.3). */
export type GrowthLever = "acquisition" | "conversion" | "retention" | "loyalty";

export const GROWTH_LEVERS: readonly (Bilingual & { id: GrowthLever })[] = [
  { id: "acquisition", fr: "Acquisition", en: "Acquisition" },
  { id: "conversion", fr: "Conversion", en: "Conversion" },
  { id: "retention", fr: "Rétention", en: "Retention" },
  { id: "loyalty", fr: "Fidélisation", en: "Loyalty" },
];
