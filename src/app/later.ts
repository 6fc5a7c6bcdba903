/**
 * The actions of the later steps, as the pane calls them: order by need profile and cut into K
 * candidate segments (src/analysis), the suggested K, the matrix as a picture (src/hosts/svg). A slot
 * left undefined shows its button disabled with a tooltip saying why; each is connected below.
 */
import { Language } from "../method/levels";
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

export interface LaterActions {
  orderWorkbook?: OrderWorkbook;
  suggestSegmentCount?: SuggestSegmentCount;
  exportMatrixPicture?: ExportMatrixPicture;
}

/** A file name from a study's title: letters, digits and dashes, never a path. */
function fileNameOf(study: Study, fallback: string): string {
  const base = (study.title ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return base === "" ? fallback : base;
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
};
