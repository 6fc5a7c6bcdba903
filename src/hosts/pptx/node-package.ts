/**
 * The deck's package finished in Node: pptxgenjs's stored (uncompressed) zip read entry by entry,
 * corrected as package.ts says, and written again by the project's zip writer with Node's native
 * deflate, several times faster than doing the same in JavaScript with JSZip. The parts are the
 * same as the pane's; only the container's bytes differ. Its input is the zip pptxgenjs has just
 * written, not a file from outside.
 */
import { ZipWriter } from "../xlsx/zip-write";
import {
  CONTENT_TYPES,
  CORE_PROPERTIES,
  isSlidePart,
  fixedSlide,
  withDates,
  withoutAbsentParts,
} from "./package";

interface StoredEntry {
  name: string;
  data: Buffer;
}

/** The entries of a zip whose entries are all stored (method 0), through its central directory. */
function storedEntries(zip: Buffer): StoredEntry[] {
  const end = zip.length - 22;
  if (end < 0 || zip.readUInt32LE(end) !== 0x06054b50)
    throw new Error("pptxgenjs wrote no zip end record where expected");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: StoredEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip directory record ${i} damaged`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    if (method !== 0) throw new Error(`${name}: compressed, expected stored`);
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    entries.push({ name, data: zip.subarray(start, start + size) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

export async function finishWithZlib(stored: Uint8Array, created: Date): Promise<Uint8Array> {
  const entries = storedEntries(Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength));
  const names = new Set(entries.map((entry) => entry.name));
  const zip = new ZipWriter(1);
  for (const { name, data } of entries) {
    // Folder entries: no part of the package.
    if (name.endsWith("/")) continue;
    let text = data.toString("utf8");
    if (name === CONTENT_TYPES) text = withoutAbsentParts(text, (part) => names.has(part));
    else if (isSlidePart(name)) text = fixedSlide(text);
    else if (name === CORE_PROPERTIES) text = withDates(text, created);
    await zip.file(name, text);
  }
  return zip.finish();
}
