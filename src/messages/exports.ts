/**
 * Messages of the client deliverables: the client workbook, its PDF, the picture's palette, the deck
 * and the study's organisation and currency.
 */
import type { Bilingual } from "../method/levels";
import { Location, quoteEn, quoteFr } from "./problem";
import { error, warning } from "./shared";

// Client deliverables (issue 8): the client workbook, its PDF, the colour palette.

const PALETTE_CHOICES = '"default" ou "colourblind"';
const PALETTE_CHOICES_EN = '"default" or "colourblind"';

/** The study file's `palette` is not one of the palettes. */
export function paletteUnknown(location: Location, shown: string) {
  return error(
    "palette-unknown",
    location,
    `palette ${quoteFr(shown)} inconnue : mettez ${PALETTE_CHOICES}`,
    `unknown palette ${quoteEn(shown)}: use ${PALETTE_CHOICES_EN}`
  );
}

/** The workbook's palette cell holds something else: the default scale is used. */
export function workbookPaletteUnknown(location: Location, shown: string) {
  return warning(
    "palette-unknown",
    location,
    `palette ${quoteFr(shown)} inconnue : la palette par défaut est utilisée ; choisissez ${PALETTE_CHOICES} dans la liste`,
    `unknown palette ${quoteEn(shown)}: the default palette is used; pick ${PALETTE_CHOICES_EN} from the list`
  );
}

/** A client export was given where a study is read (read, build from a workbook, the pane). */
export function clientExportNotStudy() {
  return error(
    "client-export-not-study",
    undefined,
    "ce classeur est un livrable client exporté par Segment Matrix : il ne garde que des valeurs figées, sans les coches ni les évaluations. Ouvrez le classeur de travail (ou l'étude .json) dont il a été exporté",
    "this workbook is a client deliverable exported by Segment Matrix: it keeps fixed values only, without the ticks or the ratings. Open the working workbook (or the .json study) it was exported from"
  );
}

/** What a selection of parts is made of: a client workbook's sheets, or a deck's slides. */
export type ExportSelection = "sheets" | "slides";

/** Segments or targeting asked for, but the study has no segment to show: left out, said. */
export function exportNoSegments(sheet: string, selection: ExportSelection = "sheets") {
  const slides = selection === "slides";
  return warning(
    "export-no-segments",
    { field: `--${selection}` },
    `${quoteFr(sheet)} demandé, mais l'étude n'a aucun segment : ${slides ? "la partie est laissée de côté" : "la feuille est laissée de côté"} (définissez d'abord les segments pour l'exporter)`,
    `${quoteEn(sheet)} asked for, but the study has no segment: ${slides ? "the part is left out" : "the sheet is left out"} (define the segments first to export it)`
  );
}

/** Nothing left to export once the parts without content are left out. */
export function exportNothing(selection: ExportSelection = "sheets") {
  return error(
    "export-nothing",
    { field: `--${selection}` },
    selection === "slides"
      ? "aucune diapositive à exporter : ajoutez matrix ou legend à --slides"
      : "aucune feuille à exporter : ajoutez matrix ou legend à --sheets",
    selection === "slides"
      ? "no slide to export: add matrix or legend to --slides"
      : "no sheet to export: add matrix or legend to --sheets"
  );
}

export function outputWorkingWorkbook(file: string) {
  return error(
    "output-working-workbook",
    { file },
    "ce fichier est un classeur de travail Segment Matrix (coches, évaluations) : un export ne le remplace jamais, --force ou non. Choisissez un autre nom, par ex. etude-client.xlsx",
    "this is a Segment Matrix working workbook (ticks, ratings): an export never replaces it, --force or not. Choose another name, e.g. study-client.xlsx"
  );
}

export function outputClientExport(file: string) {
  return error(
    "output-client-export",
    { file },
    "ce fichier est un livrable client exporté par Segment Matrix, pas un classeur de travail : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "this is a client deliverable exported by Segment Matrix, not a working workbook; choose another output file, or add --force to replace it"
  );
}

export function outputForeignPdf(file: string) {
  return error(
    "output-foreign-pdf",
    { file },
    "ce fichier existe et n'est pas un PDF exporté par Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a PDF Segment Matrix exported; choose another output file, or add --force to replace it"
  );
}

/** No LibreOffice to print the PDF: how to get it, in one line (the command never installs it). */
export function libreOfficeMissing(file: string) {
  return error(
    "libreoffice-missing",
    { file },
    "le PDF passe par LibreOffice, introuvable ici : installez-le (Debian/Ubuntu : sudo apt-get install libreoffice-calc ; macOS et Windows : libreoffice.org ; ou bash scripts/ensure-test-tools.sh), ou indiquez son programme soffice dans SEGMENT_MATRIX_SOFFICE. Le classeur client (.xlsx) s'exporte sans lui",
    "the PDF goes through LibreOffice, which is not found here: install it (Debian/Ubuntu: sudo apt-get install libreoffice-calc; macOS and Windows: libreoffice.org; or bash scripts/ensure-test-tools.sh), or give its soffice program in SEGMENT_MATRIX_SOFFICE. The client workbook (.xlsx) exports without it"
  );
}

export function libreOfficeFailed(file: string, detail: string) {
  return error(
    "libreoffice-failed",
    { file },
    `LibreOffice n'a pas produit le PDF (${detail}) : réessayez, ou exportez le classeur client (.xlsx) et imprimez-le en PDF depuis Excel (Fichier › Exporter)`,
    `LibreOffice did not produce the PDF (${detail}): try again, or export the client workbook (.xlsx) and print it to PDF from Excel (File › Export)`
  );
}

// The client deck and the study's organisation and currency (issue 14).

/** The optional one-line texts of a study that its deliverables show. */
export type StudyTextField = "organisation" | "currency";

const STUDY_TEXT_FIELD: Record<StudyTextField, Bilingual> = {
  organisation: { fr: "l'organisation", en: "the organisation" },
  currency: { fr: "la monnaie", en: "the currency" },
};

export function studyTextNotText(location: Location, field: StudyTextField) {
  return error(
    "study-text-not-text",
    location,
    `${STUDY_TEXT_FIELD[field].fr} doit être un texte, par exemple ${field === "currency" ? '"CHF" ou "€"' : '"Incubateur du Léman"'}`,
    `${STUDY_TEXT_FIELD[field].en} must be a text, for example ${field === "currency" ? '"CHF" or "€"' : '"Lake Geneva Incubator"'}`
  );
}

export function studyTextBadCharacter(location: Location, fault: Bilingual) {
  return error("study-text-bad-character", location, fault.fr, fault.en);
}

export function studyTextTooLong(
  location: Location,
  field: StudyTextField,
  length: number,
  max: number
) {
  return error(
    "study-text-too-long",
    location,
    `${STUDY_TEXT_FIELD[field].fr} compte ${length} caractères : au plus ${max}, raccourcissez-la`,
    `${STUDY_TEXT_FIELD[field].en} has ${length} characters: at most ${max}, shorten it`
  );
}

export function outputForeignDeck(file: string) {
  return error(
    "output-foreign-deck",
    { file },
    "ce fichier existe et n'est pas une présentation faite par Segment Matrix : choisissez un autre fichier de sortie, ou ajoutez --force pour le remplacer",
    "exists and is not a deck Segment Matrix made; choose another output file, or add --force to replace it"
  );
}
