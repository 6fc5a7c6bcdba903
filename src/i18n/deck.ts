/**
 * Every text of the client deck that the workbook does not already say, in French (first) and
 * English. The deck reuses the client workbook's own sentences (legend, titles, field names) from
 * i18n/workbook.ts so that both deliverables read the same.
 */
import { Language } from "../method/levels";

export interface DeckTexts {
  /** Under the study's title on the first slide. */
  subtitle: string;
  /** "(2/4)" after the title of a matrix continued on several slides. */
  continued: (page: number, pages: number) => string;
  segment: (name: string) => string;
  potentialFigures: string;
  none: string;
  /** A checklist family's line: its counts by status. */
  familyCounts: (ok: number, items: number, others: string) => string;
  ready: string;
  notReady: (ok: number, items: number) => string;
  noStrategy: string;
  noConquest: string;
  noOfferings: string;
  noLevers: string;
  lists: {
    clienteles: string;
    needs: string;
    offerings: string;
    channels: string;
    zones: string;
    personas: string;
  };
}

const fr: DeckTexts = {
  subtitle: "Segmentation par les besoins — clientèles × besoins",
  continued: (page, pages) => ` (${page}/${pages})`,
  segment: (name) => `Segment : ${name}`,
  potentialFigures: "Taille × fréquence × panier",
  none: "—",
  familyCounts: (ok, items, others) => `${ok} Ok sur ${items}${others ? ` · ${others}` : ""}`,
  ready: "Prêt : les 11 critères sont Ok.",
  notReady: (ok, items) =>
    `${ok} ${ok > 1 ? "critères" : "critère"} Ok sur ${items} : pas encore prêt.`,
  noStrategy: "Aucune paire prestation × segment retenue : pas encore de stratégie.",
  noConquest: "Ordre de conquête pas encore choisi.",
  noOfferings: "Aucune prestation dans l'étude.",
  noLevers: "Aucun levier décrit.",
  lists: {
    clienteles: "Clientèles",
    needs: "Besoins",
    offerings: "Prestations",
    channels: "Canaux",
    zones: "Zones",
    personas: "Personas",
  },
};

const en: DeckTexts = {
  subtitle: "Needs-based segmentation — clientèles × needs",
  continued: (page, pages) => ` (${page}/${pages})`,
  segment: (name) => `Segment: ${name}`,
  potentialFigures: "Size × frequency × basket",
  none: "—",
  familyCounts: (ok, items, others) => `${ok} Ok of ${items}${others ? ` · ${others}` : ""}`,
  ready: "Ready: all 11 items are Ok.",
  notReady: (ok, items) => `${ok} ${ok === 1 ? "item" : "items"} Ok of ${items}: not ready yet.`,
  noStrategy: "No offering × segment pair chosen: no strategy yet.",
  noConquest: "Conquest order not chosen yet.",
  noOfferings: "No offering in the study.",
  noLevers: "No lever described.",
  lists: {
    clienteles: "Clientèles",
    needs: "Needs",
    offerings: "Offerings",
    channels: "Channels",
    zones: "Zones",
    personas: "Personas",
  },
};

export const DECK_TEXTS: Record<Language, DeckTexts> = { fr, en };
