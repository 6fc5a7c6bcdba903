/**
 * ROOM FOR THE LATER STEPS' ACTIONS, built on other branches and connected at merge.
 *
 * The pane calls these through the slots below. While a slot is `undefined`, the pane still shows
 * its button, disabled, with a tooltip in both languages saying the action is not in this version;
 * once the slot holds a function, the button works with no other change in the pane.
 *
 *   - orderWorkbook: src/analysis/order-study.ts (orderStudy) → reorder the clientèles and needs by
 *     need profile and, with k, cut into k candidate segments; returns an Outcome to render.
 *   - suggestSegmentCount: the same analysis's suggested number of segments (suggestCut).
 *   - exportMatrixPicture: src/hosts/svg/ → the matrix as a picture file the pane offers to save.
 */
import { Language } from "../method/levels";
import { Study } from "../method/study";
import { WorkbookSnapshot } from "../hosts/host";
import { Outcome } from "./operations";

/** Reorders the workbook's study by need profile; with `k`, also k candidate segments. */
export type OrderWorkbook = (snapshot: WorkbookSnapshot, k?: number) => Outcome;

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

/** Connected at merge, e.g. `LATER.orderWorkbook = (snapshot, k) => …orderStudy…`. */
export const LATER: LaterActions = {};
