/**
 * export STUDY.json|WORKBOOK.xlsx -o DECK.pptx [--slides matrix,legend,segments,targeting]
 *        [--palette default|colourblind] [--lang fr|en] [--competition] [--force]
 * The client deck: a 16:9 PowerPoint of native tables and text (layout/deck, hosts/pptx), the
 * same parts as the client workbook. The output replaces only a deck Segment Matrix made unless
 * --force, and never a working workbook.
 */
import { hasErrors } from "../messages";
import { PALETTES, PaletteName } from "../method/colour";
import { Language } from "../method/levels";
import { ExportPart } from "../layout/export";
import { deckModel, rfmDeckModel } from "../layout/deck";
import { RfmSummaryRead } from "../layout/sheets/rfm";
import { readExportSource } from "./export-source";
import { deckToPptx } from "../hosts/pptx/deck";
import { finishWithZlib } from "../hosts/pptx/node-package";
import { CliError, Io, report } from "./common";
import { guardOutput, writeOutput } from "./output-guard";

export interface DeckRequest {
  input: string;
  output: string;
  parts?: ExportPart[];
  palette?: PaletteName;
  language?: Language;
  /** Each scored pair's competition level beside its score (off by default). */
  competition?: boolean;
  force: boolean;
  usage: string;
}

export async function exportDeck(request: DeckRequest, io: Io): Promise<void> {
  const { input, output, palette, language } = request;
  const { study, rfm } = await readExportSource(input, language, io, request.usage);
  const messages = language ?? study?.language ?? rfm?.language ?? "fr";
  const options = {
    parts: request.parts,
    palette,
    language,
    competition: request.competition ?? false,
    created: new Date(),
    rfm,
  };
  const { model, problems } = study
    ? deckModel(study, options)
    : rfmDeckModel(rfm as RfmSummaryRead, options);
  report(problems, messages, io);
  if (!model || hasErrors(problems)) throw new CliError("", 1);
  const target = await guardOutput(output, {
    inputs: [input],
    force: request.force,
    kind: "clientDeck",
  });
  await writeOutput(output, target, Buffer.from(await deckToPptx(model, finishWithZlib)));

  const slides = model.slides.length;
  const paletteName = palette ?? study?.palette ?? "default";
  io.err(
    messages === "fr"
      ? `Présentation : ${slides} diapositives ; couleurs ${PALETTES[paletteName].label.fr}`
      : `Deck: ${slides} slides; palette ${paletteName}`
  );
  io.out(output);
}
