/**
 * Reading a study file: bounded in size, decoded strictly. UTF-8 (with or without a byte order
 * mark) and UTF-16 (with a mark, or recognised by the zero bytes of its ASCII start) are read;
 * anything else, a Windows-1252 file for instance, is refused naming the first byte that is not
 * UTF-8, never read with its accents turned into U+FFFD. A key given twice or a number out of a
 * double's range is refused, named (json-scan.ts), never read as the parser would quietly take it.
 */
import { promises as fs } from "fs";
import * as msg from "../messages";
import { Problem } from "../messages";
import { scanJson } from "./json-scan";

/** Far above any real study (a 100 × 300 study with every pair rated is about 2 MiB). */
export const STUDY_MAX_BYTES = 64 * 1024 * 1024;

export class FileProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => problem.message.en).join("; "));
    this.name = "FileProblems";
  }
}

export type Decoded =
  | { text: string }
  | { encoding: "utf-8"; invalidAt: number; byte: number; line: number }
  | { encoding: "utf-16"; invalidAt: number };

export function decodeStudyBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes, 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), "utf-16be");
  // JSON starts with an ASCII character: UTF-16 without a mark shows a zero byte beside it.
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return utf16(bytes, "utf-16le");
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return utf16(bytes, "utf-16be");
  return utf8(bytes, 0);
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // An odd byte at the end, or a surrogate without its pair: the first one is named.
    const unit = (i: number): number =>
      encoding === "utf-16le" ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      const code = unit(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = i + 3 < bytes.length ? unit(i + 2) : 0;
        if (next >= 0xdc00 && next <= 0xdfff) {
          i += 2;
          continue;
        }
        return { encoding: "utf-16", invalidAt: i };
      }
      if (code >= 0xdc00 && code <= 0xdfff) return { encoding: "utf-16", invalidAt: i };
    }
    return { encoding: "utf-16", invalidAt: bytes.length - (bytes.length % 2) };
  }
}

function utf8(bytes: Uint8Array, start: number): Decoded {
  try {
    const body = bytes.subarray(start);
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const at = firstInvalidUtf8(bytes, start);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    return { encoding: "utf-8", invalidAt: at, byte: bytes[at] ?? 0, line };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i];
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

/** The study file's JSON value, or FileProblems naming the file (and the byte, for an encoding). */
export async function readStudyJson(file: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    // Checked before opening: opening a pipe would wait for a writer forever.
    const stat = await fs.stat(file);
    if (!stat.isFile())
      throw new FileProblems([
        msg.fileUnreadable(file, stat.isDirectory() ? "EISDIR" : "not a regular file"),
      ]);
    if (stat.size > STUDY_MAX_BYTES)
      throw new FileProblems([msg.studyTooLarge(file, stat.size, STUDY_MAX_BYTES)]);
    bytes = await fs.readFile(file);
  } catch (failure) {
    if (failure instanceof FileProblems) throw failure;
    const code = (failure as NodeJS.ErrnoException).code;
    throw new FileProblems([
      code === "ENOENT" ? msg.fileMissing(file) : msg.fileUnreadable(file, code ?? String(failure)),
    ]);
  }
  const decoded = decodeStudyBytes(bytes);
  if ("encoding" in decoded)
    throw new FileProblems([
      decoded.encoding === "utf-8"
        ? msg.studyNotUtf8(file, decoded.invalidAt, decoded.line, decoded.byte)
        : msg.studyBadUtf16(file, decoded.invalidAt),
    ]);
  const text = decoded.text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (failure) {
    // The parser's words may quote the file's bytes: the report shows them escaped.
    throw new FileProblems([msg.fileNotJson(file, (failure as Error).message)]);
  }
  // What the parser took without a word: a key given twice, a number no double holds.
  const findings = scanJson(text);
  if (findings.length > 0)
    throw new FileProblems(
      findings.map((finding) =>
        finding.kind === "duplicate-key"
          ? msg.studyDuplicateKey(file, finding.path, finding.key)
          : msg.studyNumberOutOfRange(file, finding.path || undefined, finding.text)
      )
    );
  return value;
}
