/**
 * The client workbook in the browser: the export's plan (layout/export.ts) written by ExcelJS's
 * browser build (hosts/xlsx/browser-render.ts; the streaming writer needs Node). Imported only when the consultant asks for it (later.ts), so that ExcelJS stays out
 * of the pane's first load.
 */
import { clientPlan } from "../layout/export";
import { planToXlsxBytes } from "../hosts/xlsx/browser-render";
import { Study } from "../method/study";
import type { RfmSummaryRead } from "../layout/sheets/rfm";

/**
 * The .xlsx bytes and the names of the sheets it holds (the default parts: see defaultParts; with
 * the RFM summary and grids when the open workbook holds them).
 */
export async function clientWorkbookBytes(
  study: Study,
  created: Date,
  rfm?: RfmSummaryRead
): Promise<{ bytes: Uint8Array<ArrayBuffer>; sheets: string[] }> {
  const { plan, problems } = clientPlan(study, { created, ...(rfm ? { rfm } : {}) });
  // The default parts are always there to export: a refusal here is a defect, said as such.
  if (!plan) throw new Error(problems.map((p) => p.message.en).join("; "));
  const written = await planToXlsxBytes(plan);
  // A copy of its own: a Blob takes bytes over a plain ArrayBuffer.
  const bytes = new Uint8Array(new ArrayBuffer(written.byteLength));
  bytes.set(written);
  return { bytes, sheets: plan.sheets.map((sheet) => sheet.name) };
}

/** Base64 of bytes, in slices (a whole file through one String.fromCharCode call overflows). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice)
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}
