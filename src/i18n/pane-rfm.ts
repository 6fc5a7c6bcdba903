/** The task pane's texts for Clients RFM (issue 15), French first, then English. */
import { Language } from "../method/levels";
import type { ColumnRole } from "../hosts/data/columns";
import { formatNumber } from "./numbers";

export interface RfmPaneTexts {
  title: string;
  explanation: string;
  /** Reads the selection's header line. */
  readSelection: string;
  columnLabel: Record<ColumnRole, string>;
  /** The dropdown's first line when no header was recognised. */
  choose: string;
  table: (address: string, rows: number) => string;
  dateLabel: string;
  dateHint: string;
  run: string;
  cancel: string;
  sameColumn: string;
  badDate: (typed: string) => string;
  reading: (done: number, total: number) => string;
  done: (customers: number, rows: number, date: string, sheets: readonly string[]) => string;
  replaced: (sheets: readonly string[]) => string;
  /** The optional fourth dropdown: the clientèle column, to quantify the study's segments. */
  clienteleLabel: string;
  clienteleHint: string;
  /** "none" in the clientèle dropdown. */
  noClientele: string;
  clienteleSame: string;
  /** Title of the notice listing each segment quantified. */
  quantified: (column: string, segments: number) => string;
}

const n = (value: number, language: Language) => formatNumber(value, language);
const quoted = (sheets: readonly string[], language: Language) =>
  sheets.map((s) => (language === "fr" ? `« ${s} »` : `"${s}"`)).join(", ");

const FR: RfmPaneTexts = {
  title: "Clients RFM",
  explanation:
    "Sélectionnez la table des transactions du client (identifiant client, date, montant), sa ligne d'en-tête comprise : chaque client est noté en récence, fréquence et montant, et rangé dans un segment RFM.",
  readSelection: "Lire la sélection",
  columnLabel: { id: "Identifiant client", date: "Date", amount: "Montant" },
  choose: "— choisir une colonne —",
  table: (address, rows) => `Table ${address} : ${n(rows, "fr")} lignes de transactions.`,
  dateLabel: "Date d'analyse (AAAA-MM-JJ)",
  dateHint: "Vide : le lendemain de la dernière transaction.",
  run: "Calculer et écrire les feuilles RFM",
  cancel: "Annuler",
  sameColumn: "Choisissez trois colonnes différentes pour l'identifiant, la date et le montant.",
  badDate: (typed) => `« ${typed} » n'est pas une date AAAA-MM-JJ.`,
  reading: (done, total) => `Lecture des transactions : ${n(done, "fr")} / ${n(total, "fr")}`,
  done: (customers, rows, date, sheets) =>
    `Clients RFM : ${n(customers, "fr")} clients notés sur ${n(rows, "fr")} lignes lues, date d'analyse ${date} ; feuilles écrites : ${quoted(sheets, "fr")}.`,
  replaced: (sheets) =>
    `Les feuilles RFM précédentes ont été remplacées : ${quoted(sheets, "fr")}.`,
  clienteleLabel: "Clientèle (facultatif)",
  clienteleHint:
    "Avec une colonne de clientèle, la taille, la fréquence et le panier des segments de l'étude ouverte sont calculés sur l'année avant la date d'analyse.",
  noClientele: "— aucune —",
  clienteleSame:
    "La clientèle doit être une quatrième colonne, autre que l'identifiant, la date et le montant.",
  quantified: (column, segments) =>
    `Segments chiffrés d'après la colonne « ${column} » : ${n(segments, "fr")} segment${segments > 1 ? "s" : ""}`,
};

const EN: RfmPaneTexts = {
  title: "RFM customers",
  explanation:
    "Select the client's table of transactions (customer id, date, amount), its header line included: each customer is scored on recency, frequency and monetary value, and placed in an RFM segment.",
  readSelection: "Read the selection",
  columnLabel: { id: "Customer id", date: "Date", amount: "Amount" },
  choose: "— choose a column —",
  table: (address, rows) => `Table ${address}: ${n(rows, "en")} rows of transactions.`,
  dateLabel: "Analysis date (YYYY-MM-DD)",
  dateHint: "Empty: the day after the last transaction.",
  run: "Score and write the RFM sheets",
  cancel: "Cancel",
  sameColumn: "Choose three different columns for the id, the date and the amount.",
  badDate: (typed) => `"${typed}" is not a date YYYY-MM-DD.`,
  reading: (done, total) => `Reading the transactions: ${n(done, "en")} / ${n(total, "en")}`,
  done: (customers, rows, date, sheets) =>
    `RFM customers: ${n(customers, "en")} customers scored from ${n(rows, "en")} rows read, analysis date ${date}; sheets written: ${quoted(sheets, "en")}.`,
  replaced: (sheets) => `The earlier RFM sheets were replaced: ${quoted(sheets, "en")}.`,
  clienteleLabel: "Clientèle (optional)",
  clienteleHint:
    "With a clientèle column, the size, frequency and basket of the open study's segments are computed over the year before the analysis date.",
  noClientele: "— none —",
  clienteleSame:
    "The clientèle must be a fourth column, other than the id, the date and the amount.",
  quantified: (column, segments) =>
    `Segments quantified from the column "${column}": ${n(segments, "en")} segment${segments === 1 ? "" : "s"}`,
};

export function rfmPaneTexts(language: Language): RfmPaneTexts {
  return language === "fr" ? FR : EN;
}
