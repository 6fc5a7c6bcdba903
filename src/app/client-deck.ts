/**
 * The client deck in the pane: the same deck model (layout/deck) and pptxgenjs host as the command
 * line's `export … -o DECK.pptx`. Imported only when the consultant asks for it (later.ts), so that
 * pptxgenjs stays out of the pane's first load.
 */
import { deckModel } from "../layout/deck";
import { deckToPptx } from "../hosts/pptx/deck";
import { Study } from "../method/study";
import type { RfmSummaryRead } from "../layout/sheets/rfm";

/** The .pptx bytes and how many slides it holds (the default parts, as the export's; RFM too). */
export async function clientDeckBytes(
  study: Study,
  created: Date,
  rfm?: RfmSummaryRead
): Promise<{ bytes: Uint8Array<ArrayBuffer>; slides: number }> {
  const { model, problems } = deckModel(study, { created, ...(rfm ? { rfm } : {}) });
  // The default parts are always there to export: a refusal here is a defect, said as such.
  if (!model) throw new Error(problems.map((p) => p.message.en).join("; "));
  const written = await deckToPptx(model);
  // A copy of its own: a Blob takes bytes over a plain ArrayBuffer.
  const bytes = new Uint8Array(new ArrayBuffer(written.byteLength));
  bytes.set(written);
  return { bytes, slides: model.slides.length };
}
