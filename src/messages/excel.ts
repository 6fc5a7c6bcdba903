/**
 * Messages of the Office.js host: Excel's own failures, bounded reads, names and sheets Excel
 * refuses, and the one vocabulary of host steps that the pane shares.
 */
import type { Bilingual } from "../method/levels";
import { quoteEn, quoteFr } from "./problem";
import { error, warning } from "./shared";

// Excel.

export function excelTooOldReason(): Bilingual {
  return {
    fr: "Excel est trop ancien : Segment Matrix a besoin de l'API ExcelApi 1.8 (Excel 2019, Microsoft 365 ou Excel sur le web).",
    en: "Excel is too old: Segment Matrix needs ExcelApi 1.8 (Excel 2019, Microsoft 365 or Excel on the web).",
  };
}

export function excelTooOld() {
  const reason = excelTooOldReason();
  return error("excel-too-old", undefined, reason.fr, reason.en);
}

export function sheetNameTaken(sheet: string) {
  return error(
    "sheet-name-taken",
    { sheet },
    `La feuille ${quoteFr(sheet)} existe déjà et n'a pas été créée par Segment Matrix : renommez-la, puis recommencez.`,
    `The sheet ${quoteEn(sheet)} already exists and was not created by Segment Matrix: rename it, then try again.`
  );
}

/** What a build stopped half-way left in the workbook (sheet lists as found afterwards). */
export function buildInterrupted(
  reason: string | Bilingual,
  state: { planSheets: string[]; temporarySheets: string[]; oldSheets: string[] } | undefined
): Bilingual {
  const cause = typeof reason === "string" ? { fr: reason, en: reason } : reason;
  if (!state) {
    return {
      fr: `Excel a refusé la construction (${cause.fr}) et l'état du classeur n'a pas pu être relu : vérifiez les feuilles, puis recommencez. Vos listes et vos saisies restent dans le volet.`,
      en: `Excel refused the build (${cause.en}) and the workbook could not be read back: check its sheets, then try again. Your lists and entries are kept in the pane.`,
    };
  }
  const list = (names: readonly string[], quote: (text: string) => string, none: string): string =>
    names.length > 0 ? names.map(quote).join(", ") : none;
  return {
    fr: [
      `Excel a arrêté la construction en cours de route (${cause.fr}).`,
      `Feuilles de Segment Matrix présentes, peut-être incomplètes : ${list(state.planSheets, quoteFr, "aucune")}.`,
      `Feuilles temporaires restées : ${list(state.temporarySheets, quoteFr, "aucune")}.`,
      `Anciennes feuilles encore là : ${list(state.oldSheets, quoteFr, "aucune")}.`,
      "Vos listes et vos saisies restent dans le volet : relancez la construction, puis supprimez les feuilles temporaires qui resteraient.",
    ].join(" "),
    en: [
      `Excel stopped the build half-way (${cause.en}).`,
      `Segment Matrix sheets present, perhaps incomplete: ${list(state.planSheets, quoteEn, "none")}.`,
      `Temporary sheets left: ${list(state.temporarySheets, quoteEn, "none")}.`,
      `Old sheets still there: ${list(state.oldSheets, quoteEn, "none")}.`,
      "Your lists and entries are kept in the pane: run the build again, then delete any temporary sheet still there.",
    ].join(" "),
  };
}

// The Office.js host: Excel's own failures, bounded reads, names Excel refuses.

/** What a host call was doing when it failed: the one vocabulary of the hosts, the pane and the messages. */
export type HostStep = "read" | "render" | "selection" | "navigate" | "write" | "copy" | "export";

const HOST_STEP: Record<HostStep, Bilingual> = {
  read: { fr: "la lecture du classeur", en: "reading the workbook" },
  render: { fr: "la construction", en: "the build" },
  selection: { fr: "la lecture de la sélection", en: "reading the selection" },
  navigate: { fr: "l'affichage de la feuille", en: "showing the sheet" },
  write: { fr: "l'écriture de la cellule", en: "writing the cell" },
  copy: { fr: "la copie de la feuille", en: "copying the sheet" },
  export: { fr: "l'export", en: "the export" },
};

/** 1 000 000 in French, 1,000,000 in English. */
const countBoth = (n: number): Bilingual => ({
  fr: String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00A0"),
  en: String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","),
});

/**
 * Excel's error as shown inside a message: its code, the call that failed when Excel says which
 * (debugInfo.errorLocation, "Range.formulas") and its own text, which Excel gives in its language.
 */
export function excelCause(
  code: string | undefined,
  location: string | undefined,
  detail: string | undefined
): Bilingual {
  const text = detail && detail !== code ? detail : undefined;
  const line = (step: string | undefined, colon: string): string => {
    const head = [code, step].filter(Boolean).join(" ");
    return head && text ? `${head}${colon}${text}` : head || text || "?";
  };
  return {
    fr: line(location && `à l'étape ${location}`, " : "),
    en: line(location && `at step ${location}`, ": "),
  };
}

/** Excel refused a read, or a build before anything was changed. */
export function excelFailed(step: HostStep, cause: Bilingual) {
  return error(
    "excel-failed",
    undefined,
    `Excel a refusé ${HOST_STEP[step].fr} (${cause.fr}) ; rien n'a été modifié. Recommencez ; si l'erreur revient, enregistrez le classeur, rouvrez-le, puis recommencez.`,
    `Excel refused ${HOST_STEP[step].en} (${cause.en}); nothing was changed. Try again; if the error comes back, save the workbook, reopen it, then try again.`
  );
}

/** Excel refused because a cell was being edited (an Excel that does not wait for the edit). */
export function excelCellEdit(step: HostStep) {
  return error(
    "excel-cell-edit",
    undefined,
    `Excel n'a pas permis ${HOST_STEP[step].fr} pendant la saisie d'une cellule : appuyez sur Entrée ou Échap, puis recommencez.`,
    `Excel did not allow ${HOST_STEP[step].en} while a cell is being edited: press Enter or Esc, then try again.`
  );
}

/** Several blocks selected, or a picture or chart rather than cells. */
export function excelSelectionInvalid() {
  return error(
    "excel-selection-invalid",
    undefined,
    "Sélectionnez un seul bloc de cellules (la liste des noms), puis recommencez.",
    "Select a single block of cells (the list of names), then try again."
  );
}

/** A sheet whose content (or a name) reaches past what one read takes. */
export function sheetTooLarge(sheet: string, lastCell: string, limit: number) {
  const cells = countBoth(limit);
  return error(
    "sheet-too-large",
    { sheet, cell: lastCell },
    `La feuille ${quoteFr(sheet)} a du contenu jusqu'en ${lastCell} : Segment Matrix en lit au plus ${cells.fr} cellules à partir de A1. Supprimez ce qui dépasse le tableau (Ctrl+Fin montre la dernière cellule remplie), puis recommencez.`,
    `The sheet ${quoteEn(sheet)} has content down to ${lastCell}: Segment Matrix reads at most ${cells.en} cells from A1. Delete what lies past the table (Ctrl+End shows the last filled cell), then try again.`
  );
}

/** A stray cell far beyond the tables: the sheet is read around its tables only, and that is said. */
export function sheetPartlyRead(sheet: string, readTo: string, lastCell: string) {
  return warning(
    "sheet-partly-read",
    { sheet, cell: lastCell },
    `La feuille ${quoteFr(sheet)} a du contenu jusqu'en ${lastCell}, loin de ses tableaux : seules les cellules jusqu'en ${readTo} sont lues. Si ce contenu lointain est une erreur de frappe, supprimez-le (Ctrl+Fin montre la dernière cellule remplie).`,
    `The sheet ${quoteEn(sheet)} has content down to ${lastCell}, far from its tables: only the cells up to ${readTo} are read. If that far content is a slip, delete it (Ctrl+End shows the last filled cell).`
  );
}

/** Excel answered without the values of a range (it does so over 5 million cells). */
export function valuesUnavailable(sheet: string, address: string) {
  return error(
    "values-unavailable",
    { sheet, cell: address },
    `Excel n'a pas renvoyé les valeurs de la plage ${address} de la feuille ${quoteFr(sheet)} (trop de cellules pour une lecture) : supprimez ce qui dépasse le tableau, puis recommencez.`,
    `Excel did not return the values of the range ${address} of the sheet ${quoteEn(sheet)} (too many cells for one read): delete what lies past the table, then try again.`
  );
}

/** The selection's filled area is larger than a list of names can be. */
export function selectionTooLarge(cells: number, limit: number) {
  const found = countBoth(cells);
  const most = countBoth(limit);
  return error(
    "selection-too-large",
    undefined,
    `La sélection s'étend sur ${found.fr} cellules remplies ; Segment Matrix en lit au plus ${most.fr} : sélectionnez seulement la liste des noms, puis recommencez.`,
    `The selection spans ${found.en} filled cells; Segment Matrix reads at most ${most.en}: select only the list of names, then try again.`
  );
}

/** Why Excel would refuse a sheet name of a plan. */
export type SheetNameFault = "reserved" | "length" | "character" | "quote";

const SHEET_NAME_FAULT: Record<SheetNameFault, Bilingual> = {
  reserved: { fr: "Excel réserve ce nom", en: "Excel reserves this name" },
  length: { fr: "il faut de 1 à 31 caractères", en: "it needs 1 to 31 characters" },
  character: {
    fr: "les caractères : \\ / ? * [ ] sont interdits",
    en: "the characters : \\ / ? * [ ] are not allowed",
  },
  quote: {
    fr: "une apostrophe ne peut ni commencer ni finir le nom",
    en: "an apostrophe can neither start nor end the name",
  },
};

/** A sheet name Excel would refuse, found before anything was changed. */
export function planSheetNameInvalid(sheet: string, fault: SheetNameFault) {
  return error(
    "plan-sheet-name-invalid",
    { sheet },
    `Excel refuserait le nom de feuille ${quoteFr(sheet)} (${SHEET_NAME_FAULT[fault].fr}) : rien n'a été modifié.`,
    `Excel would refuse the sheet name ${quoteEn(sheet)} (${SHEET_NAME_FAULT[fault].en}): nothing was changed.`
  );
}

/** A table or defined name Excel would refuse (it reads as a cell reference, or has a bad character). */
export function planNameInvalid(kind: "table" | "name", name: string) {
  const what =
    kind === "table"
      ? { fr: "de tableau", en: "table name" }
      : { fr: "défini", en: "defined name" };
  return error(
    "plan-name-invalid",
    undefined,
    `Excel refuserait le nom ${what.fr} ${quoteFr(name)} (il doit commencer par une lettre ou « _ », sans espace, et ne pas ressembler à une référence de cellule comme A1 ou R1C1) : rien n'a été modifié.`,
    `Excel would refuse the ${what.en} ${quoteEn(name)} (it must start with a letter or "_", have no space, and not look like a cell reference such as A1 or R1C1): nothing was changed.`
  );
}
