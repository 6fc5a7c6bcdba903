/**
 * The actions of the later steps, as the pane calls them: order by need profile and cut into K
 * candidate segments (src/analysis), the suggested K, the matrix as a picture (src/hosts/svg), the
 * client workbook (src/layout/export.ts, written by ExcelJS loaded on demand) and the client deck
 * (src/layout/deck, written by pptxgenjs loaded on demand). A slot
 * left undefined shows its button disabled with a tooltip saying why; each is connected below.
 */
import { Language } from "../method/levels";
import type { RfmSummaryRead } from "../layout/sheets/rfm";
import { Study } from "../method/study";
import { WorkbookSnapshot } from "../hosts/host";
import { Outcome, orderFromSheets } from "./operations";
import { orderStudy } from "../analysis/order-study";
import { pictureModel } from "../hosts/svg/model";
import { renderPicture } from "../hosts/svg/matrix-svg";

/**
 * Reorders the workbook's study by need profile; with `k`, also k candidate segments, which replace
 * segments the workbook already holds only with `replaceSegments` (the consultant's consent).
 */
export type OrderWorkbook = (
  snapshot: WorkbookSnapshot,
  k?: number,
  replaceSegments?: boolean
) => Outcome;

/** The number of segments the ordering suggests for a study, if it can tell. */
export type SuggestSegmentCount = (study: Study) => number | undefined;

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes or text (SVG). */
  data: BlobPart;
}

/** The score matrix as a picture (SVG or PNG), in the workbook's language. */
export type ExportMatrixPicture = (study: Study, language: Language) => Promise<ExportedFile>;

/** A client workbook file, with its bytes in base64 too (what Excel.createWorkbook takes). */
export interface ClientWorkbookFile extends ExportedFile {
  base64: string;
  sheets: string[];
}

/**
 * The client deliverable (layout/export.ts) as an .xlsx file, in the workbook's language and
 * palette: the matrix, its legend and, when there are segments, segments, check-list and targeting.
 */
export type ExportClientWorkbook = (
  study: Study,
  rfm?: RfmSummaryRead
) => Promise<ClientWorkbookFile>;

/** The client deck (layout/deck) as a .pptx file, and how many slides it holds. */
export type ExportClientDeck = (
  study: Study,
  rfm?: RfmSummaryRead
) => Promise<ExportedFile & { slides: number }>;

export interface LaterActions {
  orderWorkbook?: OrderWorkbook;
  suggestSegmentCount?: SuggestSegmentCount;
  exportMatrixPicture?: ExportMatrixPicture;
  exportClientWorkbook?: ExportClientWorkbook;
  exportClientDeck?: ExportClientDeck;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const PPTX_MIME =
  "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/** Names Windows keeps for devices: a file so named cannot be opened there. */
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name from a study's title, safe on every system: letters (accents dropped, other scripts
 * kept), digits and dashes, at most 60 characters, never a path, a hidden file or a device name;
 * the fallback when nothing is left. Each pattern is one pass over the title.
 */
export function fileNameOf(study: Study, fallback: string): string {
  const base = Array.from(
    (study.title ?? "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .normalize("NFC")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
  )
    .slice(0, 60)
    .join("")
    .replace(/-+$/, "");
  return base === "" || DEVICE_NAMES.test(base) ? fallback : base;
}

export const LATER: LaterActions = {
  orderWorkbook: (snapshot, k, replaceSegments) =>
    orderFromSheets(snapshot, { segments: k, replaceSegments }),
  suggestSegmentCount: (study) => orderStudy(study).ordered?.suggestion?.k,
  exportMatrixPicture: async (study, language) => ({
    fileName: `${fileNameOf(study, language === "fr" ? "matrice" : "matrix")}.svg`,
    mimeType: "image/svg+xml",
    data: renderPicture(pictureModel(study, { language })),
  }),
  exportClientWorkbook: async (study, rfm) => {
    // ExcelJS (about 1 MB) is fetched the first time a deliverable is asked for, not at start.
    const { clientWorkbookBytes, toBase64 } = await import(
      /* webpackChunkName: "client-workbook" */ "./client-workbook"
    );
    const { bytes, sheets } = await clientWorkbookBytes(study, new Date(), rfm);
    const fallback = study.language === "fr" ? "classeur" : "workbook";
    return {
      fileName: `${fileNameOf(study, fallback)}-client.xlsx`,
      mimeType: XLSX_MIME,
      data: bytes,
      base64: toBase64(bytes),
      sheets,
    };
  },
  exportClientDeck: async (study, rfm) => {
    // pptxgenjs is fetched the first time a deck is asked for, not at start.
    const { clientDeckBytes } = await import(/* webpackChunkName: "client-deck" */ "./client-deck");
    const { bytes, slides } = await clientDeckBytes(study, new Date(), rfm);
    const fallback = study.language === "fr" ? "presentation" : "deck";
    return {
      fileName: `${fileNameOf(study, fallback)}.pptx`,
      mimeType: PPTX_MIME,
      data: bytes,
      slides,
    };
  },
};
