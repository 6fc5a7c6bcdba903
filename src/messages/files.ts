/**
 * Messages about files on disk and the command line: unreadable, hostile or broken files, the
 * output guard, Excel's limits and the add-in's state part.
 */
import type { Bilingual } from "../method/levels";
import { Location, quoteEn, quoteFr } from "./problem";
import { error, warning } from "./shared";

// Files on disk (command line).

export function fileUnreadable(file: string, reason: string) {
  return error(
    "file-unreadable",
    { file },
    `impossible de lire le fichier (${reason})`,
    `cannot read the file (${reason})`
  );
}

export function fileNotJson(file: string, detail: string) {
  return error(
    "file-not-json",
    { file },
    `ce n'est pas du JSON valable (${detail})`,
    `not valid JSON (${detail})`
  );
}

export function fileMissing(file: string) {
  return error("file-missing", { file }, "fichier introuvable", "no such file");
}

export function fileNotWorkbook(file: string, detail: string) {
  return error(
    "file-not-workbook",
    { file },
    `ce n'est pas un classeur .xlsx (${detail})`,
    `not an .xlsx workbook (${detail})`
  );
}

export function outputForeignFile(file: string) {
  return error(
    "output-foreign-file",
    { file },
    "ce fichier existe et n'est pas un classeur Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a Segment Matrix workbook; choose another output file, or add --force to replace it"
  );
}

export function outputForeignPicture(file: string) {
  return error(
    "output-foreign-picture",
    { file },
    "ce fichier existe et n'est pas une image faite par Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a picture Segment Matrix made; choose another output file, or add --force to replace it"
  );
}

export function outputForeignSheets(file: string, sheets: readonly string[]) {
  return error(
    "output-foreign-sheets",
    { file },
    `ce fichier contient des feuilles que Segment Matrix n'a pas créées (${sheets.join(", ")}) : choisissez un autre fichier de sortie, ou ajoutez --force pour remplacer tout le fichier`,
    `exists and holds sheets Segment Matrix did not create (${sheets.join(", ")}); choose another output file, or add --force to replace the whole file`
  );
}

// Hostile and broken files, the output guard, Excel's limits and the add-in's state (issue 6).

const mib = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mio`;
const mibEn = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
/** 1 048 576 in French, 1,048,576 in English. */
export const countFr = (n: number): string => n.toLocaleString("fr-FR").replace(/\s/g, " ");
export const countEn = (n: number): string => n.toLocaleString("en-US");
/** The plural's test: French counts 0 and 1 in the singular, English only 1. */
export const manyFr = (n: number): boolean => n > 1;
export const manyEn = (n: number): boolean => n !== 1;
/** "1 ligne", "2 lignes"; "1 row", "2 rows": the count with its noun. */
export const nounFr = (n: number, one: string, many: string): string =>
  `${countFr(n)} ${manyFr(n) ? many : one}`;
export const nounEn = (n: number, one: string, many: string): string =>
  `${countEn(n)} ${manyEn(n) ? many : one}`;

export function workbookEmpty(file: string) {
  return error(
    "workbook-empty",
    { file },
    "le fichier est vide (0 octet) : enregistrez de nouveau le classeur depuis Excel",
    "the file is empty (0 bytes): save the workbook again from Excel"
  );
}

export function workbookEncrypted(file: string) {
  return error(
    "workbook-encrypted",
    { file },
    "classeur protégé par mot de passe, ou ancien format .xls : ouvrez-le dans Excel, retirez le mot de passe (Fichier › Informations › Protéger le classeur) et enregistrez-le au format .xlsx",
    "password-protected workbook, or the old .xls format: open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx"
  );
}

/** What a file that is not a zip looks like from its first bytes. */
export type NotZipKind = "text" | "pdf" | "other";

export function workbookNotZip(file: string, kind: NotZipKind) {
  if (kind === "pdf")
    return error(
      "workbook-not-zip",
      { file },
      "ce n'est pas un classeur .xlsx mais un PDF : indiquez le classeur .xlsx (ou l'étude .json) dont il a été tiré",
      "not an .xlsx workbook but a PDF: give the .xlsx workbook (or the .json study) it was made from"
    );
  return kind === "text"
    ? error(
        "workbook-not-zip",
        { file },
        "ce n'est pas un classeur .xlsx mais un fichier texte (un CSV renommé ?) : ouvrez-le dans Excel et enregistrez-le au format .xlsx",
        "not an .xlsx workbook but a text file (a renamed CSV?): open it in Excel and save it as .xlsx"
      )
    : error(
        "workbook-not-zip",
        { file },
        "ce n'est pas un classeur .xlsx : ouvrez-le dans Excel et enregistrez-le au format .xlsx",
        "not an .xlsx workbook: open it in Excel and save it as .xlsx"
      );
}

export function workbookDamaged(file: string, detail: string) {
  return error(
    "workbook-damaged",
    { file },
    `classeur endommagé ou incomplet (${detail}) : copiez-le de nouveau ou enregistrez-le encore depuis Excel`,
    `damaged or incomplete workbook (${detail}): copy it again or save it again from Excel`
  );
}

export function workbookNotExcel(file: string) {
  return error(
    "workbook-not-excel",
    { file },
    "ce zip n'est pas un classeur Excel (un document Word, un fichier .ods ?) : enregistrez le classeur au format .xlsx",
    "this zip is not an Excel workbook (a Word document, an .ods file?): save the workbook as .xlsx"
  );
}

export function workbookBinary(file: string) {
  return error(
    "workbook-binary",
    { file },
    "classeur binaire (.xlsb) : enregistrez-le au format .xlsx",
    "binary workbook (.xlsb): save it as .xlsx"
  );
}

export function workbookTooLarge(file: string, bytes: number, limit: number) {
  return error(
    "workbook-too-large",
    { file },
    `une fois décompressé, le classeur ferait ${mib(bytes)}, au-delà de la limite de ${mib(limit)} (archive piégée ?) : il n'est pas lu`,
    `once unzipped, the workbook would take ${mibEn(bytes)}, beyond the limit of ${mibEn(limit)} (a zip bomb?): it is not read`
  );
}

/** Where nothing was filled by mistake, the study itself is past the reader's stated limits. */
const TOO_LARGE_STUDY: Bilingual = {
  fr: "Segment Matrix relit jusqu'à 500 000 paires d'un classeur qu'il a construit (environ 100 000 d'un classeur sans son état) : au-delà, scindez l'étude (par segment, par zone)",
  en: "Segment Matrix reads back up to 500,000 pairs from a workbook it built (about 100,000 from a workbook without its state): beyond that, split the study (by segment, by zone)",
};

/** One part over the limit: a sheet the study is read from, or another part of the package. */
export function workbookPartTooLarge(
  file: string,
  part: { sheet?: string; name: string },
  bytes: number,
  limit: number
) {
  return part.sheet !== undefined
    ? error(
        "workbook-too-large",
        { file, sheet: part.sheet },
        `cette feuille ferait ${mib(bytes)} une fois décompressée, au-delà de la limite de ${mib(limit)} : supprimez les lignes remplies par erreur, puis recommencez ; ${TOO_LARGE_STUDY.fr}`,
        `this sheet would take ${mibEn(bytes)} once unzipped, beyond the limit of ${mibEn(limit)}: delete the rows filled by mistake, then try again; ${TOO_LARGE_STUDY.en}`
      )
    : error(
        "workbook-too-large",
        { file, field: part.name },
        `cette partie du classeur ferait ${mib(bytes)} une fois décompressée, au-delà de la limite de ${mib(limit)} : le classeur n'est pas lu`,
        `this part of the workbook would take ${mibEn(bytes)} once unzipped, beyond the limit of ${mibEn(limit)}: the workbook is not read`
      );
}

export function workbookTooManyParts(file: string, count: number, limit: number) {
  return error(
    "workbook-too-large",
    { file },
    `l'archive compte ${countFr(count)} parties, au-delà de la limite de ${countFr(limit)} : le classeur n'est pas lu`,
    `the archive holds ${countEn(count)} parts, beyond the limit of ${countEn(limit)}: the workbook is not read`
  );
}

export function workbookTooManyCells(file: string, sheet: string, limit: number) {
  return error(
    "workbook-too-many-cells",
    { file, sheet },
    `les feuilles de Segment Matrix contiennent plus de ${countFr(limit)} cellules remplies (limite de lecture) : supprimez les lignes ou colonnes remplies par erreur, puis recommencez ; ${TOO_LARGE_STUDY.fr}`,
    `the Segment Matrix sheets hold more than ${countEn(limit)} filled cells (the reading limit): delete the rows or columns filled by mistake, then try again; ${TOO_LARGE_STUDY.en}`
  );
}

export function workbookNewer(file: string | undefined, version: number, supported: number) {
  return error(
    "workbook-newer",
    { file },
    `ce classeur a été écrit par une version plus récente de Segment Matrix (disposition ${version}, celle-ci connaît la ${supported}) : mettez Segment Matrix à jour`,
    `this workbook was written by a newer Segment Matrix (layout ${version}; this one knows layout ${supported}): update Segment Matrix`
  );
}

export function workbookStateDamaged(file: string | undefined, detail: string) {
  return warning(
    "workbook-state-damaged",
    { file },
    `l'état de Segment Matrix enregistré dans le classeur est illisible (${detail}) : les feuilles sont reconnues à leurs noms définis ; la prochaine construction le réécrit`,
    `the Segment Matrix state stored in the workbook cannot be read (${detail}): the sheets are recognised by their defined names; the next build writes it again`
  );
}

export function mergedCells(location: Location) {
  return warning(
    "merged-cells",
    location,
    "cellules fusionnées : seule la première est lue ; annulez la fusion (Accueil › Fusionner) si les autres contenaient des saisies",
    "merged cells: only the first one is read; unmerge them (Home › Merge) if the others held entries"
  );
}

export function sheetMissing(role: Bilingual) {
  return warning(
    "sheet-missing",
    undefined,
    `la feuille ${quoteFr(role.fr)} de Segment Matrix a disparu (supprimée ?) : ce qu'elle contenait n'est pas lu ; reconstruisez le classeur pour la retrouver`,
    `the Segment Matrix sheet ${quoteEn(role.en)} is gone (deleted?): what it held is not read; rebuild the workbook to get it back`
  );
}

export function nameMisplaced(name: string, location: Location) {
  return error(
    "name-misplaced",
    location,
    `le nom défini ${name} ne désigne plus l'endroit où Segment Matrix l'a placé (redéfini à la main ?) : remettez-le (Formules › Gestionnaire de noms) ou reconstruisez le classeur`,
    `the defined name ${name} no longer points where Segment Matrix put it (redefined by hand?): restore it (Formulas › Name Manager) or rebuild the workbook`
  );
}

export function studyNotUtf8(file: string, offset: number, line: number, byte: number) {
  const hex = "0x" + byte.toString(16).toUpperCase().padStart(2, "0");
  return error(
    "study-not-utf8",
    { file },
    `le fichier n'est pas en UTF-8 (octet ${hex} à la position ${offset}, ligne ${line}) ; enregistrez-le en UTF-8 (Windows-1252 ou Latin-1 ne sont pas lus, pour ne changer aucun accent)`,
    `the file is not UTF-8 (byte ${hex} at offset ${offset}, line ${line}); save it as UTF-8 (Windows-1252 or Latin-1 are not read, so that no accent is changed)`
  );
}

export function studyBadUtf16(file: string, offset: number) {
  return error(
    "study-not-utf8",
    { file },
    `le fichier est en UTF-16 mais abîmé à la position ${offset} (caractère incomplet) ; enregistrez-le de nouveau, de préférence en UTF-8`,
    `the file is UTF-16 but broken at offset ${offset} (an incomplete character); save it again, preferably as UTF-8`
  );
}

export function studyTooLarge(file: string, bytes: number, limit: number) {
  return error(
    "study-too-large",
    { file },
    `le fichier fait ${mib(bytes)}, au-delà de la limite de ${mib(limit)} pour une étude : ce n'est sans doute pas une étude`,
    `the file takes ${mibEn(bytes)}, beyond the limit of ${mibEn(limit)} for a study: it is probably not a study`
  );
}

export function outputIsInput(file: string) {
  return error(
    "output-is-input",
    { file },
    "le fichier de sortie est le fichier lu : il serait remplacé ; choisissez un autre nom de sortie (--force n'y change rien)",
    "the output file is the input file: it would be replaced; choose another output name (--force does not change this)"
  );
}

export function outputNotFile(file: string, what: "directory" | "special" | "link") {
  if (what === "link")
    return error(
      "output-not-file",
      { file },
      "c'est un lien qui ne mène à aucun fichier (lien cassé, sortie d'un tube…) : donnez le nom d'un fichier ordinaire",
      "is a link that leads to no file (a broken link, a pipe's end…): give the name of a regular file"
    );
  return what === "directory"
    ? error(
        "output-not-file",
        { file },
        "c'est un dossier : donnez un nom de fichier, par ex. -o dossier/etude.xlsx",
        "is a directory: give a file name, e.g. -o folder/study.xlsx"
      )
    : error(
        "output-not-file",
        { file },
        "ce n'est pas un fichier ordinaire (tube, périphérique…) : donnez un nom de fichier ordinaire",
        "is not a regular file (a pipe, a device…): give the name of a regular file"
      );
}

export function outputUnwritable(file: string, reason: string) {
  return error(
    "output-unwritable",
    { file },
    `impossible d'écrire ici (${reason}) : choisissez un dossier où vous pouvez écrire`,
    `cannot write here (${reason}): choose a folder you can write to`
  );
}

export function outputMacros(file: string) {
  return error(
    "output-macros",
    { file },
    "ce classeur contient des macros (projet VBA) qui seraient perdues : enregistrez sous un autre nom (--force n'y change rien)",
    "this workbook holds macros (a VBA project) that would be lost: save under another name (--force does not change this)"
  );
}

export function outputExtension(file: string, kind: "workbook" | "study") {
  return kind === "workbook"
    ? error(
        "output-extension",
        { file },
        "Segment Matrix écrit un classeur .xlsx (sans macros) : nommez la sortie en .xlsx, ou ajoutez --force",
        "Segment Matrix writes an .xlsx workbook (without macros): name the output .xlsx, or add --force"
      )
    : error(
        "output-extension",
        { file },
        "read écrit une étude (JSON), pas un classeur : nommez la sortie en .json, ou ajoutez --force",
        "read writes a study (JSON), not a workbook: name the output .json, or add --force"
      );
}

export function outputForeignStudy(file: string) {
  return error(
    "output-foreign-study",
    { file },
    "ce fichier existe et n'est pas une étude Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a Segment Matrix study; choose another output file, or add --force to replace it"
  );
}

/** A list or table of the study that would not fit Excel's sheet (checked before writing). */
export function excelLimit(
  location: Location,
  what: "clienteles" | "needs" | "pairs",
  count: number,
  max: number,
  sheet: string
) {
  const fr = {
    clienteles: `${countFr(count)} clientèles, mais la feuille ${quoteFr(sheet)} n'a de colonnes que pour ${countFr(max)} (16 384 colonnes dans Excel)`,
    needs: `${countFr(count)} besoins, mais la feuille ${quoteFr(sheet)} n'a de lignes que pour ${countFr(max)} (1 048 576 lignes dans Excel)`,
    pairs: `${countFr(count)} paires cochées, mais la feuille ${quoteFr(sheet)} n'a de lignes que pour ${countFr(max)} (1 048 576 lignes dans Excel)`,
  }[what];
  const en = {
    clienteles: `${countEn(count)} clientèles, but the sheet ${quoteEn(sheet)} has columns for only ${countEn(max)} (Excel has 16,384 columns)`,
    needs: `${countEn(count)} needs, but the sheet ${quoteEn(sheet)} has rows for only ${countEn(max)} (Excel has 1,048,576 rows)`,
    pairs: `${countEn(count)} ticked pairs, but the sheet ${quoteEn(sheet)} has rows for only ${countEn(max)} (Excel has 1,048,576 rows)`,
  }[what];
  return error("excel-limit", location, `${fr} : divisez l'étude`, `${en}: split the study`);
}

/** After the first few problems of one kind, one line for the rest. */
export function moreProblems(code: string, count: number) {
  return warning(
    "more-problems",
    undefined,
    `… et ${countFr(count)} autres problèmes du même genre (${code})`,
    `… and ${countEn(count)} more problems of the same kind (${code})`
  );
}

// Trust at the command line (issue 13 A): study files, outputs, ordering at scale.

/** A key given twice in one object of a study file: JSON readers keep one silently. */
export function studyDuplicateKey(file: string, field: string, key: string) {
  return error(
    "study-duplicate-key",
    { file, field },
    `la clé ${quoteFr(key)} figure deux fois dans le même objet : une seule serait lue, sans rien dire ; gardez-en une seule (fusionnez les deux si besoin)`,
    `the key ${quoteEn(key)} is given twice in the same object: only one would be read, silently; keep one (merge the two if needed)`
  );
}

/** A number beyond what a double holds (1e309), or so near 0 it reads as 0 (1e-400): named as typed. */
export function studyNumberOutOfRange(file: string, field: string | undefined, typed: string) {
  return error(
    "study-number-out-of-range",
    field ? { file, field } : { file },
    `le nombre ${typed} ne peut pas être lu tel quel (hors de l'étendue d'un nombre : au-delà de 1,8 × 10^308 ou si près de 0 qu'il se lirait 0) : écrivez la valeur voulue`,
    `the number ${typed} cannot be read as typed (beyond a number's range: over 1.8 × 10^308, or so near 0 it would read as 0): write the value meant`
  );
}

// Hostile files, read without a silent change (issue 13 A): what the file says that the reader
// cannot take as it is is refused naming the sheet and cell or the part, never read as another study.

/** Text taken from a file, cut to a length a message can show (never inside a character). */
const excerpt = (text: string): string => {
  if (text.length <= 40) return text;
  const high = text.charCodeAt(39);
  return `${text.slice(0, high >= 0xd800 && high <= 0xdbff ? 39 : 40)}…`;
};

/** Why a cell of a sheet part cannot be placed. */
export type CellFault =
  /** `r="ZZZZ6"`, past XFD1048576, or not an address. */
  | { kind: "address"; ref: string }
  /** `<row r="…">` that is not a row number of Excel's grid. */
  | { kind: "row"; ref: string }
  /** The same cell given twice. */
  | { kind: "twice"; ref: string };

export function workbookCellInvalid(file: string, sheet: string, fault: CellFault) {
  const ref = excerpt(fault.ref);
  const fr = {
    address: `une cellule y porte l'adresse ${quoteFr(ref)}, hors de la grille d'Excel (A1 à XFD1048576)`,
    row: `une ligne y porte le numéro ${quoteFr(ref)}, hors de la grille d'Excel (1 à 1 048 576)`,
    twice: `la cellule ${ref} y figure deux fois, avec deux valeurs`,
  }[fault.kind];
  const en = {
    address: `a cell in it has the address ${quoteEn(ref)}, outside Excel's grid (A1 to XFD1048576)`,
    row: `a row in it has the number ${quoteEn(ref)}, outside Excel's grid (1 to 1,048,576)`,
    twice: `the cell ${ref} is in it twice, with two values`,
  }[fault.kind];
  return error(
    "workbook-cell-invalid",
    { file, sheet },
    `${fr} : le classeur est endommagé et n'est pas lu, pour ne rien lire à la mauvaise place ; ouvrez-le dans Excel et enregistrez-le de nouveau`,
    `${en}: the workbook is damaged and is not read, so that nothing is read in the wrong place; open it in Excel and save it again`
  );
}

/** Why a cell's stored value cannot be read. */
export type ValueFault =
  /** t="s" whose index is not a number or past the shared strings (`count` of them). */
  | { kind: "shared-string"; raw: string; count: number }
  | { kind: "number"; raw: string }
  | { kind: "boolean"; raw: string }
  | { kind: "date"; raw: string };

export function workbookValueInvalid(file: string, sheet: string, cell: string, fault: ValueFault) {
  const raw = excerpt(fault.raw);
  const fr = {
    "shared-string": `la cellule renvoie au texte partagé n° ${quoteFr(raw)}, que le classeur n'a pas (il en a ${countFr(fault.kind === "shared-string" ? fault.count : 0)}, numérotés à partir de 0)`,
    number: `la valeur enregistrée ${quoteFr(raw)} n'est pas un nombre`,
    boolean: `la valeur enregistrée ${quoteFr(raw)} n'est ni VRAI (1) ni FAUX (0)`,
    date: `la valeur enregistrée ${quoteFr(raw)} n'est pas une date`,
  }[fault.kind];
  const en = {
    "shared-string": `the cell refers to shared text number ${quoteEn(raw)}, which the workbook does not have (it has ${countEn(fault.kind === "shared-string" ? fault.count : 0)}, numbered from 0)`,
    number: `the stored value ${quoteEn(raw)} is not a number`,
    boolean: `the stored value ${quoteEn(raw)} is neither TRUE (1) nor FALSE (0)`,
    date: `the stored value ${quoteEn(raw)} is not a date`,
  }[fault.kind];
  return error(
    "workbook-value-invalid",
    { file, sheet, cell },
    `${fr} : le classeur est endommagé et n'est pas lu, pour ne pas lire la cellule vide ; ouvrez-le dans Excel, vérifiez la cellule et enregistrez-le de nouveau`,
    `${en}: the workbook is damaged and is not read, rather than reading the cell as empty; open it in Excel, check the cell and save it again`
  );
}

/** Why a zip entry's name is no name of a workbook's part. */
export type PartNameFault =
  /** Absolute (`/…`, `C:…`) or climbing out of the archive (`..`). */
  | { kind: "outside" }
  /** A control character (ESC, NUL, a bidirectional override…): `code` at `position` (from 1). */
  | { kind: "control"; code: number; position: number }
  /** Longer than `max` bytes. */
  | { kind: "long"; length: number; max: number }
  /** Said to be UTF-8 and not valid UTF-8. */
  | { kind: "encoding" };

export function workbookPartName(file: string, name: string, fault: PartNameFault) {
  const code =
    fault.kind === "control" ? `U+${fault.code.toString(16).toUpperCase().padStart(4, "0")}` : "";
  const fr = {
    outside: "ce nom de partie sort de l'archive (chemin absolu ou « .. »)",
    control: `ce nom de partie contient un caractère de contrôle (${code}, position ${fault.kind === "control" ? fault.position : 0})`,
    long: `ce nom de partie a ${fault.kind === "long" ? countFr(fault.length) : 0} octets, au-delà des ${fault.kind === "long" ? countFr(fault.max) : 0} qu'un classeur emploie`,
    encoding: "ce nom de partie se dit en UTF-8 et n'en est pas",
  }[fault.kind];
  const en = {
    outside: 'this part name leads out of the archive (an absolute path or "..")',
    control: `this part name holds a control character (${code}, position ${fault.kind === "control" ? fault.position : 0})`,
    long: `this part name is ${fault.kind === "long" ? countEn(fault.length) : 0} bytes long, beyond the ${fault.kind === "long" ? countEn(fault.max) : 0} a workbook uses`,
    encoding: "this part name says it is UTF-8 and is not",
  }[fault.kind];
  return error(
    "workbook-part-name",
    { file, field: excerpt(name) },
    `${fr} : aucun classeur n'en a de tel, le fichier n'est pas lu ; ouvrez-le dans Excel et enregistrez-le de nouveau`,
    `${en}: no workbook has such a part, the file is not read; open it in Excel and save it again`
  );
}

export function workbookPartTwice(file: string, part: string) {
  return error(
    "workbook-part-twice",
    { file, field: excerpt(part) },
    "cette partie figure deux fois dans l'archive, peut-être avec deux contenus différents : le classeur n'est pas lu, faute de savoir laquelle est la bonne ; ouvrez-le dans Excel et enregistrez-le de nouveau",
    "this part is stored twice in the archive, perhaps with two different contents: the workbook is not read, since which one is right cannot be told; open it in Excel and save it again"
  );
}

/** A study the file reader could not read back once built: refused before anything is written. */
export function studyTooLargeToRead(
  location: Location,
  what: "pairs" | "cells",
  count: number,
  max: number
) {
  const fr = {
    pairs: `${countFr(count)} paires cochées, au-delà des ${countFr(max)} que Segment Matrix sait relire depuis un classeur`,
    cells: `${countFr(count)} cellules dans la matrice (clientèles × besoins), au-delà des ${countFr(max)} que Segment Matrix sait relire depuis un classeur`,
  }[what];
  const en = {
    pairs: `${countEn(count)} ticked pairs, beyond the ${countEn(max)} Segment Matrix can read back from a workbook`,
    cells: `${countEn(count)} cells in the matrix (clientèles × needs), beyond the ${countEn(max)} Segment Matrix can read back from a workbook`,
  }[what];
  return error(
    "study-too-large-to-read",
    location,
    `${fr} : le classeur ne serait pas relu ; divisez l'étude`,
    `${en}: the workbook could not be read back; split the study`
  );
}
