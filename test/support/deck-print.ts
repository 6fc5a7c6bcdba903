/**
 * A deck as LibreOffice Impress prints it: the words of each page with their boxes, for the tests
 * that check a deck's slides are readable (no word over another, none split, none outside).
 */
import { promises as fs } from "fs";
import path from "path";
import { DeckModel } from "../../src/layout/deck/model";
import { deckBytes } from "./deck-xml";
import { toPdf } from "./libreoffice";
import { PageLayout, pdfLayout } from "./pdf-layout";
import { tempDir } from "./workbooks";

/** Writes `model` as `name`.pptx in a folder of its own, prints it, reads its pages, cleans up. */
export async function printedDeck(model: DeckModel, name: string): Promise<PageLayout[]> {
  const dir = await tempDir(`sm-${name}-`);
  try {
    const file = path.join(dir, `${name}.pptx`);
    await fs.writeFile(file, await deckBytes(model));
    const pdf = await toPdf(file);
    const pages = await pdfLayout(pdf);
    await fs.rm(path.dirname(pdf), { recursive: true, force: true });
    return pages;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
