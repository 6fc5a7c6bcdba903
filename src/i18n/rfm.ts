/** The words of the RFM sheets (issue 15), in French (first) and English. */
import { Language } from "../method/levels";

export interface RfmTexts {
  customersSheet: string;
  summarySheet: string;
  customersTitle: (analysisDate: string, customers: number) => string;
  headers: readonly [string, string, string, string, string, string, string, string, string];
  rulesTitle: string;
  ruleHeaders: readonly [string, string, string, string, string];
  summaryTitle: (analysisDate: string) => string;
  observedYears: string;
  summaryHeaders: readonly string[];
  noSegment: string;
  gridCounts: string;
  gridRevenue: string;
  gridCorner: string;
  /** The deck's slide of the two R × F grids. */
  gridsTitle: (analysisDate: string | undefined) => string;
}

const count = (n: number, language: Language) =>
  language === "fr" ? n.toLocaleString("fr-FR").replace(/\s/g, " ") : n.toLocaleString("en-US");

export const RFM_TEXTS: Record<Language, RfmTexts> = {
  fr: {
    customersSheet: "Clients RFM",
    summarySheet: "Synthèse RFM",
    customersTitle: (date, n) =>
      `Clients RFM : ${count(n, "fr")} client${n > 1 ? "s" : ""}, analyse au ${date}`,
    headers: [
      "Client",
      "Récence (jours)",
      "Fréquence",
      "Montant",
      "R",
      "F",
      "M",
      "Code RFM",
      "Segment",
    ],
    rulesTitle:
      "Règles des segments (modifiables) : la première ligne dont les plages de R et de F contiennent le client donne son segment",
    ruleHeaders: ["Segment", "R min", "R max", "F min", "F max"],
    summaryTitle: (date) => `Synthèse par segment RFM, analyse au ${date}`,
    observedYears: "Années observées (de la première transaction à la date d'analyse)",
    summaryHeaders: [
      "Segment",
      "Clients",
      "Part des clients",
      "Chiffre d'affaires",
      "Part du chiffre d'affaires",
      "Panier moyen",
      "Achats par client et par an",
    ],
    noSegment: "(sans segment)",
    gridCounts: "Grille R × F : nombre de clients (R en lignes, F en colonnes)",
    gridRevenue: "Grille R × F : chiffre d'affaires",
    gridCorner: "R \\ F",
    gridsTitle: (date) => `Grilles récence × fréquence${date ? `, analyse au ${date}` : ""}`,
  },
  en: {
    customersSheet: "RFM customers",
    summarySheet: "RFM summary",
    customersTitle: (date, n) =>
      `RFM customers: ${count(n, "en")} customer${n === 1 ? "" : "s"}, analysis date ${date}`,
    headers: [
      "Customer",
      "Recency (days)",
      "Frequency",
      "Monetary",
      "R",
      "F",
      "M",
      "RFM code",
      "Segment",
    ],
    rulesTitle:
      "Segment rules (editable): the first line whose R and F ranges hold the customer gives its segment",
    ruleHeaders: ["Segment", "R min", "R max", "F min", "F max"],
    summaryTitle: (date) => `Summary per RFM segment, analysis date ${date}`,
    observedYears: "Years observed (from the first transaction to the analysis date)",
    summaryHeaders: [
      "Segment",
      "Customers",
      "Share of customers",
      "Revenue",
      "Share of revenue",
      "Mean basket",
      "Purchases per customer per year",
    ],
    noSegment: "(no segment)",
    gridCounts: "R × F grid: number of customers (R in rows, F in columns)",
    gridRevenue: "R × F grid: revenue",
    gridCorner: "R \\ F",
    gridsTitle: (date) => `Recency × frequency grids${date ? `, analysis date ${date}` : ""}`,
  },
};
