/**
 * How the output guard knows a deck Segment Matrix made: a presentation package whose document
 * subject (docProps/core.xml) is the deck's marker, DECK_SUBJECT. Read through the bounded zip
 * reader; anything it cannot read is simply not ours.
 */
import { DECK_SUBJECT } from "../../layout/deck";
import { ZipArchive } from "../xlsx/zip";

const SUBJECT_OPEN = "<dc:subject>";
const SUBJECT_CLOSE = "</dc:subject>";

export async function isSegmentMatrixDeck(file: string): Promise<boolean> {
  let zip: ZipArchive | undefined;
  try {
    zip = await ZipArchive.open(file);
    if (!zip.has("ppt/presentation.xml")) return false;
    const core = (await zip.text("docProps/core.xml")) ?? "";
    const start = core.indexOf(SUBJECT_OPEN);
    const end = start < 0 ? -1 : core.indexOf(SUBJECT_CLOSE, start);
    return end > 0 && core.slice(start + SUBJECT_OPEN.length, end).trim() === DECK_SUBJECT;
  } catch {
    return false;
  } finally {
    zip?.close();
  }
}
