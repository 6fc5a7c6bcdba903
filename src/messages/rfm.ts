/**
 * Messages of RFM from the client's transactions: every row left out is counted and said.
 */
import type { Bilingual } from "../method/levels";
import { countEn, countFr, manyEn, manyFr, nounEn, nounFr } from "./files";
import { Location, quoteEn, quoteFr } from "./problem";
import { error, warning } from "./shared";
import type { ExportSelection } from "./exports";

// RFM from the client's transactions (issue 15): every row left out is counted and said.

/** An example value, a blank one said as such rather than shown as empty quotes. */
const exampleFr = (text: string): string => (text === "" ? "(vide)" : quoteFr(text));
const exampleEn = (text: string): string => (text === "" ? "(blank)" : quoteEn(text));
/** "n'est pas comptée" / "ne sont pas comptées"; "is" / "are". */
const notCountedFr = (n: number): string =>
  manyFr(n) ? "ne sont pas comptées" : "n'est pas comptée";
const notCountedEn = (n: number): string => (manyEn(n) ? "are not counted" : "is not counted");

const ROLE_NAMES: Record<"id" | "date" | "amount", Bilingual> = {
  id: { fr: "identifiant client", en: "customer id" },
  date: { fr: "date", en: "date" },
  amount: { fr: "montant", en: "amount" },
};

export function rfmEmpty(file: string) {
  return error(
    "rfm-empty",
    { file },
    "aucune transaction : le fichier est vide ou n'a qu'une ligne d'en-tête",
    "no transactions: the file is empty or holds only a header line"
  );
}

/** What the engine's failure says in plain words, when it is known. */
export type NotTableKind = "encoding" | "parquet" | "other";

const NOT_TABLE_WHY: Record<NotTableKind, Bilingual | undefined> = {
  encoding: {
    fr: "ce n'est pas un texte en UTF-8 ni en Latin-1",
    en: "it is not UTF-8 or Latin-1 text",
  },
  parquet: { fr: "ce n'est pas un fichier Parquet", en: "it is not a Parquet file" },
  other: undefined,
};

export function rfmNotTable(file: string, reason: string, kind: NotTableKind = "other") {
  const why = NOT_TABLE_WHY[kind];
  // The engine's own words last, for whoever must look further.
  const fr = why ? `${why.fr} ; moteur : ${reason}` : reason;
  const en = why ? `${why.en}; engine: ${reason}` : reason;
  return error(
    "rfm-not-table",
    { file },
    `ce fichier ne se lit pas comme une table de transactions (${fr}) : donnez un CSV, un TSV, un Parquet ou un classeur .xlsx avec une ligne d'en-tête`,
    `this file does not read as a table of transactions (${en}): give a CSV, TSV, Parquet file or an .xlsx workbook with a header line`
  );
}

export function rfmColumnMissing(
  file: string,
  role: "id" | "date" | "amount",
  named: string | undefined,
  headers: readonly string[]
) {
  const list = headers.map((h) => `"${h}"`).join(", ");
  const flag = `--columns ${role}=…`;
  return error(
    "rfm-column-missing",
    { file },
    named !== undefined
      ? `pas de colonne ${quoteFr(named)} pour ${ROLE_NAMES[role].fr} ; en-têtes : ${list}`
      : `aucune colonne ne dit ${ROLE_NAMES[role].fr} ; en-têtes : ${list} : nommez-la avec ${flag}`,
    named !== undefined
      ? `no column ${quoteEn(named)} for the ${ROLE_NAMES[role].en}; headers: ${list}`
      : `no column says ${ROLE_NAMES[role].en}; headers: ${list}: name it with ${flag}`
  );
}

export function rfmBlankIds(location: Location, column: string, count: number) {
  return warning(
    "rfm-blank-ids",
    location,
    `${nounFr(count, "ligne", "lignes")} sans identifiant client (colonne ${quoteFr(column)}) ${notCountedFr(count)}`,
    `${nounEn(count, "row", "rows")} without a customer id (column ${quoteEn(column)}) ${notCountedEn(count)}`
  );
}

export function rfmBadAmounts(
  location: Location,
  column: string,
  count: number,
  example: string,
  /** The example is 1,234 in an English study: a thousands separator or a decimal comma. */
  ambiguousComma = false
) {
  const why = ambiguousComma
    ? {
        fr: " ; une virgule suivie de trois chiffres se lit de deux façons (milliers en anglais, décimales en français) : écrivez 1234 ou 1.234, ou --lang fr pour la virgule décimale",
        en: "; a comma followed by three digits reads two ways (thousands in English, decimals in French): write 1234 or 1.234, or --lang fr for a decimal comma",
      }
    : { fr: "", en: "" };
  return warning(
    "rfm-bad-amounts",
    location,
    `${nounFr(count, "ligne", "lignes")} dont le montant n'est pas un nombre (colonne ${quoteFr(column)}, par exemple ${exampleFr(example)}) ${notCountedFr(count)}${why.fr}`,
    `${nounEn(count, "row", "rows")} whose amount is not a number (column ${quoteEn(column)}, for example ${exampleEn(example)}) ${notCountedEn(count)}${why.en}`
  );
}

export function rfmBadDates(location: Location, column: string, count: number, example: string) {
  return warning(
    "rfm-bad-dates",
    location,
    `${nounFr(count, "ligne", "lignes")} dont la date ne se lit pas (colonne ${quoteFr(column)}, par exemple ${exampleFr(example)} ; formats lus : 2025-04-03, 03/04/2025, 03.04.2025, numéro de série Excel de 10000 à 109574 ; années 1900 à 2199) ${notCountedFr(count)}`,
    `${nounEn(count, "row", "rows")} whose date does not read (column ${quoteEn(column)}, for example ${exampleEn(example)}; formats read: 2025-04-03, 03/04/2025, 03.04.2025, Excel serial number from 10000 to 109574; years 1900 to 2199) ${notCountedEn(count)}`
  );
}

export function rfmAmbiguousDates(
  location: Location,
  count: number,
  example: string,
  /** Day first (a French study) or month first (an English one). */
  dayFirst: boolean
) {
  return warning(
    "rfm-ambiguous-dates",
    location,
    `${manyFr(count) ? `${countFr(count)} dates comme ${quoteFr(example)} se lisent de deux façons : lues` : `1 date, ${quoteFr(example)}, se lit de deux façons : lue`} ${dayFirst ? "jour/mois/année (étude en français)" : "mois/jour/année (étude en anglais)"} ; ${dayFirst ? "--lang en" : "--lang fr"} ${manyFr(count) ? "les" : "la"} lit dans l'autre sens`,
    `${manyEn(count) ? `${countEn(count)} dates such as ${quoteEn(example)} read` : `1 date, ${quoteEn(example)}, reads`} two ways: read as ${dayFirst ? "day/month/year (a French study)" : "month/day/year (an English study)"}; ${dayFirst ? "--lang en" : "--lang fr"} reads ${manyEn(count) ? "them" : "it"} the other way`
  );
}

export function rfmReturns(location: Location, count: number) {
  return warning(
    "rfm-returns",
    location,
    manyFr(count)
      ? `${countFr(count)} montants négatifs (retours) sont déduits du montant de leur client, sans compter comme achats`
      : `1 montant négatif (un retour) est déduit du montant de son client, sans compter comme achat`,
    manyEn(count)
      ? `${countEn(count)} negative amounts (returns) are deducted from their customer's monetary value, not counted as purchases`
      : `1 negative amount (a return) is deducted from its customer's monetary value, not counted as a purchase`
  );
}

export function rfmDuplicates(location: Location, count: number) {
  return warning(
    "rfm-duplicates",
    location,
    manyFr(count)
      ? `${countFr(count)} lignes répètent exactement une autre ligne (même client, date et montant) : gardées et comptées comme achats ; retirez-les du fichier si ce sont des doublons d'export`
      : `1 ligne répète exactement une autre ligne (même client, date et montant) : gardée et comptée comme achat ; retirez-la du fichier si c'est un doublon d'export`,
    manyEn(count)
      ? `${countEn(count)} rows repeat another row exactly (same customer, date and amount): kept and counted as purchases; remove them from the file if they are export duplicates`
      : `1 row repeats another row exactly (same customer, date and amount): kept and counted as a purchase; remove it from the file if it is an export duplicate`
  );
}

export function rfmAfterAnalysis(location: Location, count: number) {
  return warning(
    "rfm-after-analysis",
    location,
    `${nounFr(count, "transaction datée", "transactions datées")} du jour d'analyse ou après ${notCountedFr(count)}`,
    `${nounEn(count, "transaction", "transactions")} dated on or after the analysis date ${notCountedEn(count)}`
  );
}

export function rfmReturnsOnly(location: Location, count: number) {
  return warning(
    "rfm-returns-only",
    location,
    manyFr(count)
      ? `${countFr(count)} clients n'ont que des retours, aucun achat : ils ne sont pas notés`
      : `1 client n'a que des retours, aucun achat : il n'est pas noté`,
    manyEn(count)
      ? `${countEn(count)} customers have returns only, no purchase: they are not scored`
      : `1 customer has returns only, no purchase: they are not scored`
  );
}

export function rfmNoCustomers(file: string) {
  return error(
    "rfm-no-customers",
    { file },
    "aucun client à noter : aucune ligne n'a à la fois un identifiant, une date lisible avant la date d'analyse et un montant",
    "no customer to score: no row has a customer id, a readable date before the analysis date and an amount"
  );
}

export function rfmSingleCustomer(location: Location) {
  return warning(
    "rfm-single-customer",
    location,
    "un seul client : ses scores valent 1 (personne n'est en dessous de lui) ; les scores RFM comparent des clients entre eux",
    "a single customer: its scores are 1 (nobody is below it); RFM scores compare customers with each other"
  );
}

/** What is wrong with a row of a per-customer result (`rfm --sql`'s). */
export type ScoredRowIssue =
  | { kind: "incomplete" }
  | { kind: "recency" | "frequency"; value: string }
  | { kind: "repeated"; id: string; first: number };

function scoredRowWhy(issue: ScoredRowIssue): Bilingual {
  switch (issue.kind) {
    case "incomplete":
      return {
        fr: "incomplète (identifiant, récence, fréquence, montant et scores R, F, M de 1 à 5 attendus)",
        en: "incomplete (a customer id, recency, frequency, monetary and R, F, M scores from 1 to 5 expected)",
      };
    case "recency":
      return {
        fr: `récence ${quoteFr(issue.value)} : un nombre entier de jours, 0 ou plus, attendu`,
        en: `recency ${quoteEn(issue.value)}: a whole number of days, 0 or more, expected`,
      };
    case "frequency":
      return {
        fr: `fréquence ${quoteFr(issue.value)} : un nombre entier d'achats, 1 ou plus, attendu`,
        en: `frequency ${quoteEn(issue.value)}: a whole number of purchases, 1 or more, expected`,
      };
    case "repeated":
      return {
        fr: `le client ${quoteFr(issue.id)} y est déjà, ligne ${countFr(issue.first)} : un client par ligne`,
        en: `the customer ${quoteEn(issue.id)} is already there, row ${countEn(issue.first)}: one customer per row`,
      };
  }
}

export function rfmBadScoredRow(location: Location, row: number, issue: ScoredRowIssue) {
  const why = scoredRowWhy(issue);
  return warning(
    "rfm-bad-scored-row",
    location,
    `ligne ${countFr(row)} du résultat SQL ${issue.kind === "incomplete" ? why.fr : `: ${why.fr}`} ; pas reprise`,
    `row ${countEn(row)} of the SQL result${issue.kind === "incomplete" ? ` is ${why.en}` : `: ${why.en}`}; not taken`
  );
}

export function rfmOutputStudy(file: string) {
  return error(
    "rfm-output-study",
    { file },
    "ce classeur contient une étude (grille, notes, segments) qui serait perdue : écrivez l'analyse RFM dans un autre fichier (--force n'y change rien)",
    "this workbook holds a study (grid, ratings, segments) that would be lost: write the RFM analysis to another file (--force does not change this)"
  );
}

export function rfmCustomersNotTable(file: string, reason: string) {
  return error(
    "rfm-customers-not-table",
    { file },
    `ce fichier de clients ne se lit pas comme une table (${reason}) : donnez un CSV, un TSV, un Parquet ou un classeur .xlsx avec une ligne d'en-tête, l'identifiant client et la clientèle`,
    `this customers file does not read as a table (${reason}): give a CSV, TSV, Parquet file or an .xlsx workbook with a header line, the customer id and the clientèle`
  );
}

export function rfmClienteleMissing(file: string, named: string, headers: readonly string[]) {
  const list = headers.map((h) => `"${h}"`).join(", ");
  return error(
    "rfm-clientele-missing",
    { file },
    `pas de colonne ${quoteFr(named)} pour la clientèle (ni d'identifiant client reconnu) ; en-têtes : ${list}`,
    `no column ${quoteEn(named)} for the clientèle (or no customer id column recognised); headers: ${list}`
  );
}

export function rfmUnknownClientele(location: Location, clientele: string, customers: number) {
  return warning(
    "rfm-unknown-clientele",
    location,
    clientele === ""
      ? manyFr(customers)
        ? `${countFr(customers)} clients acheteurs de l'année n'ont pas de clientèle : ils ne comptent dans aucun segment`
        : `1 client acheteur de l'année n'a pas de clientèle : il ne compte dans aucun segment`
      : manyFr(customers)
        ? `la clientèle ${quoteFr(clientele)} des données n'est pas une clientèle de l'étude : ses ${countFr(customers)} clients acheteurs ne comptent dans aucun segment`
        : `la clientèle ${quoteFr(clientele)} des données n'est pas une clientèle de l'étude : son client acheteur ne compte dans aucun segment`,
    clientele === ""
      ? manyEn(customers)
        ? `${countEn(customers)} customers who bought in the year have no clientèle: they count in no segment`
        : `1 customer who bought in the year has no clientèle: they count in no segment`
      : `the clientèle ${quoteEn(clientele)} of the data is not a clientèle of the study: its ${nounEn(customers, "buying customer", "buying customers")} count${manyEn(customers) ? "" : "s"} in no segment`
  );
}

export function rfmSegmentUnquantified(location: Location, segment: string) {
  return warning(
    "rfm-segment-unquantified",
    location,
    `le segment ${quoteFr(segment)} : aucun client de ses clientèles n'a acheté dans l'année (ou les retours dépassent les achats) : sa taille, sa fréquence et son panier restent ceux de l'étude`,
    `the segment ${quoteEn(segment)}: no customer of its clientèles bought in the year (or returns exceed purchases): its size, frequency and basket stay the study's`
  );
}

export function rfmIdTooLong(file: string, id: string, limit: number) {
  const start = id.slice(0, 40);
  return error(
    "rfm-id-too-long",
    { file },
    `l'identifiant client qui commence par ${quoteFr(start)} compte ${countFr(id.length)} caractères, au-delà des ${countFr(limit)} qu'une cellule Excel peut tenir : corrigez la colonne d'identifiant`,
    `the customer id starting ${quoteEn(start)} is ${countEn(id.length)} characters long, beyond the ${countEn(limit)} an Excel cell can hold: correct the id column`
  );
}

export function rfmStudyWithoutSegments(file: string) {
  return error(
    "rfm-study-without-segments",
    { file },
    "l'étude n'a pas de segments : rien à quantifier (construisez les segments de l'étude, puis recommencez)",
    "the study has no segments: nothing to quantify (build the study's segments, then run again)"
  );
}

/** The pane was given a clientèle column but the open workbook holds no study with segments. */
export function rfmNoSegmentsToQuantify(location: Location | undefined) {
  return warning(
    "rfm-no-segments-to-quantify",
    location,
    "le classeur ouvert ne contient pas d'étude avec des segments : la colonne de clientèle n'a servi à rien (construisez l'étude et ses segments, puis recommencez)",
    "the open workbook holds no study with segments: the clientèle column was not used (build the study and its segments, then run again)"
  );
}

export function rfmClienteleConflict(location: Location, count: number) {
  return warning(
    "rfm-clientele-conflict",
    location,
    count === 1
      ? `1 client a plusieurs clientèles dans les données : la plus récente (ou la première du fichier clients) est retenue`
      : `${countFr(count)} clients ont plusieurs clientèles dans les données : la plus récente (ou la première du fichier clients) est retenue`,
    count === 1
      ? `1 customer has several clientèles in the data: the latest (or the customers file's first) is taken`
      : `${countEn(count)} customers have several clientèles in the data: the latest (or the customers file's first) is taken`
  );
}

export function rfmSheetRead(location: Location, sheet: string, sheets: number) {
  return warning(
    "rfm-sheet-read",
    location,
    `le classeur a ${countFr(sheets)} feuilles : la feuille ${quoteFr(sheet)} est lue, le premier onglet qui a des lignes`,
    `the workbook has ${countEn(sheets)} sheets: read the sheet ${quoteEn(sheet)}, the first tab with rows`
  );
}

/** Lines above a sheet's table (a title, a note) passed over to find its header line. */
export function rfmHeaderBelow(location: Location, sheet: string, headerRow: number) {
  return warning(
    "rfm-header-below",
    location,
    `feuille ${quoteFr(sheet)} : ${headerRow === 2 ? "la ligne 1" : `les lignes 1 à ${headerRow - 1}`} (titre, notes : moins de trois cellules remplies) ${headerRow === 2 ? "est passée" : "sont passées"} ; la ligne d'en-tête lue est la ligne ${headerRow}`,
    `sheet ${quoteEn(sheet)}: ${headerRow === 2 ? "row 1" : `rows 1 to ${headerRow - 1}`} (a title, notes: fewer than three cells filled) passed over; the header line read is row ${headerRow}`
  );
}

/**
 * Lines of a CSV whose fields do not match the header line (one missing, one too many, a quote left
 * open): left out one by one, so that one broken line never costs the whole file.
 */
export function rfmMalformedLines(
  location: Location,
  count: number,
  line: number,
  example: string
) {
  return warning(
    "rfm-malformed-lines",
    location,
    manyFr(count)
      ? `${countFr(count)} lignes n'ont pas autant de champs que la ligne d'en-tête (la première : ligne ${line}, ${exampleFr(example)}) : elles ne sont pas comptées ; corrigez-les dans le fichier`
      : `la ligne ${line} n'a pas autant de champs que la ligne d'en-tête (${exampleFr(example)}) : elle n'est pas comptée ; corrigez-la dans le fichier`,
    manyEn(count)
      ? `${countEn(count)} lines do not have as many fields as the header line (the first: line ${line}, ${exampleEn(example)}): they are not counted; correct them in the file`
      : `line ${line} does not have as many fields as the header line (${exampleEn(example)}): it is not counted; correct it in the file`
  );
}

export function rfmLatin1(location: Location) {
  return warning(
    "rfm-latin1",
    location,
    "le fichier n'est pas en UTF-8 : lu comme un export Windows (Latin-1) ; vérifiez les accents des identifiants",
    "the file is not UTF-8: read as a Windows export (Latin-1); check the accents of the ids"
  );
}

// ---- RFM in the task pane (rfm-pane) ----------------------------------------------------------

export function rfmSelectionEmpty() {
  return error(
    "rfm-selection-empty",
    undefined,
    "La sélection est vide : sélectionnez la table des transactions (identifiant client, date, montant), sa ligne d'en-tête comprise, puis recommencez.",
    "The selection is empty: select the table of transactions (customer id, date, amount), its header line included, then try again."
  );
}

export function rfmSelectionTooLarge(sheet: string, address: string, rows: number, limit: number) {
  const found = { fr: countFr(rows), en: countEn(rows) };
  const most = { fr: countFr(limit), en: countEn(limit) };
  return error(
    "rfm-selection-too-large",
    { sheet, cell: address },
    `La sélection compte ${found.fr} lignes ; le volet en lit au plus ${most.fr} : pour une table plus longue, utilisez la ligne de commande (segment-matrix rfm).`,
    `The selection holds ${found.en} rows; the pane reads at most ${most.en}: for a longer table, use the command line (segment-matrix rfm).`
  );
}

export function rfmSelectionChanged(sheet: string, address: string) {
  return error(
    "rfm-selection-changed",
    { sheet, cell: address },
    "La ligne d'en-tête de la table a changé depuis sa lecture : relisez la sélection, puis recommencez.",
    "The table's header line changed since it was read: read the selection again, then try again."
  );
}

// ---- RFM in the client exports (rfm-exports) -------------------------------------------------

/** `--sheets rfm` asked for, but the input holds no RFM summary: left out, said. */
export function exportNoRfm(selection: ExportSelection = "sheets") {
  return warning(
    "export-no-rfm",
    { field: `--${selection}` },
    "« rfm » demandé, mais le fichier n'a pas de feuille Synthèse RFM : la partie est laissée de côté (exportez le classeur écrit par segment-matrix rfm)",
    '"rfm" asked for, but the file has no RFM summary sheet: the part is left out (export the workbook segment-matrix rfm wrote)'
  );
}

/** A part of the study asked from an RFM workbook, which holds no study: left out, said. */
export function exportRfmWorkbookOnly(part: string, selection: ExportSelection = "sheets") {
  return warning(
    "export-rfm-workbook-only",
    { field: `--${selection}` },
    `${quoteFr(part)} demandé, mais ce classeur RFM ne contient pas d'étude : seule la partie « rfm » est exportée`,
    `${quoteEn(part)} asked for, but this RFM workbook holds no study: only the "rfm" part is exported`
  );
}

/** Nothing left to export from an RFM workbook once the study's parts are left out. */
export function exportRfmNothing() {
  return error(
    "export-rfm-nothing",
    { field: "--sheets" },
    "aucune feuille à exporter : un classeur RFM n'a que la partie rfm (--sheets rfm)",
    "no sheet to export: an RFM workbook has only the rfm part (--sheets rfm)"
  );
}

// ---- The source of segments' figures (rfm-exports) ---------------------------------------------

/** A segment's figuresSource that is not {"asOf": "YYYY-MM-DD", "customers": n}: left out, said. */
export function segmentFiguresSourceBad(location: Location, shown: string) {
  return warning(
    "segment-figures-source-bad",
    location,
    `source des chiffres illisible (${shown}), ignorée : attendu {"asOf": "AAAA-MM-JJ", "customers": nombre entier}, comme l'écrit segment-matrix rfm … --study ; les chiffres du segment sont gardés`,
    `unreadable source of the figures (${shown}), ignored: expected {"asOf": "YYYY-MM-DD", "customers": a whole number}, as segment-matrix rfm … --study writes it; the segment's figures are kept`
  );
}

/**
 * A text in a segment's source cell (Segments sheet) that is neither the source the add-in writes
 * nor its "changed" form: not taken for a source, said (the figures are read as typed).
 */
export function segmentSourceUnread(location: Location, segment: string, shown: string) {
  return warning(
    "segment-source-unread",
    location,
    `segment ${quoteFr(segment)} : ${quoteFr(shown)} n'est pas une source de chiffres que Segment Matrix sait relire (attendu « données clients au AAAA-MM-JJ, N clients », écrit par segment-matrix rfm … --study) : ignorée, les chiffres sont lus tels quels`,
    `segment ${quoteEn(segment)}: ${quoteEn(shown)} is not a source of figures Segment Matrix can read back (expected "customer data as of YYYY-MM-DD, N customers", written by segment-matrix rfm … --study): ignored, the figures are read as typed`
  );
}
