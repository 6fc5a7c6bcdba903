/**
 * A workbook's zip, opened defensively: the file is sniffed first (empty, encrypted, not a zip),
 * then only the central directory is read, and every size it declares is checked against the
 * stated limits before a single byte is inflated. A part whose data inflates to more than it
 * declared is cut off (yauzl checks each entry's size while inflating), so a lying zip bomb fails
 * as cleanly as an honest one.
 */
import { promises as fs } from "fs";
import { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import yauzl from "yauzl";
import zlib from "zlib";
import * as msg from "../../messages";
import { Problem, isControl } from "../../messages";

/** What the reader accepts; stated in docs/performance.md and in the messages. */
export const READ_LIMITS = {
  /** Sum of the declared (inflated) sizes of every part of the zip. */
  inflatedBytes: 1024 * 1024 * 1024,
  /** Parts in the zip (a real workbook has dozens; a central directory of millions is an attack). */
  entries: 20000,
  /**
   * One part read (the workbook, relationships, tables, shared strings, a sheet the study is read
   * from): a 100 × 300 study's largest is under 10 MiB.
   */
  partBytes: 128 * 1024 * 1024,
  /**
   * Cells holding a value in the sheets a study is read from (a 100 × 300 study with every pair
   * rated has about 100 000; a million is about 140 000 ratings rows and 250 MB of memory).
   */
  cells: 1000000,
} as const;

/** Bytes the inflater hands on at a time. */
const INFLATE_CHUNK = 512 * 1024;

export type ReadLimits = { [K in keyof typeof READ_LIMITS]: number };

/**
 * How far the add-in's own state can raise READ_LIMITS for the workbook that holds it (its sheets'
 * declared extents, read.ts): room for a study at READ_ROOM (layout/limits.ts), the largest the
 * command line builds, and no further whatever a forged state declares. A file without the state
 * keeps READ_LIMITS.
 */
export const READ_CEILING = {
  ...READ_LIMITS,
  /** A 500 000-pair study's ratings sheet is about 190 MiB of XML as the command line writes it. */
  partBytes: 512 * 1024 * 1024,
  /** 500 000 ratings rows of 8 cells, a 2 000 000-cell tick table, and room for the consultant's. */
  cells: 8000000,
} as const;

/** The most XML bytes one planned cell may take (the command line writes 30–50; Excel about as much). */
export const BYTES_PER_PLANNED_CELL = 160;

/** A workbook file that cannot be read, said as one problem of the catalogue. */
export class WorkbookUnreadable extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
    this.name = "WorkbookUnreadable";
  }
}

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the first bytes say the file is, before any zip reading. */
export async function sniff(file: string, source: Buffer | undefined): Promise<void> {
  let head: Buffer;
  if (source) {
    head = source.subarray(0, 8);
  } else {
    // Checked before opening: opening a pipe would wait for a writer forever.
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new WorkbookUnreadable(msg.workbookNotZip(file, "other"));
    const handle = await fs.open(file, "r");
    try {
      const buffer = Buffer.alloc(8);
      const { bytesRead } = await handle.read(buffer, 0, 8, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  if (head.length === 0) throw new WorkbookUnreadable(msg.workbookEmpty(file));
  // Compound File Binary: Excel's container for a password-protected workbook, and the old .xls.
  if (head.length === 8 && head.equals(CFB_SIGNATURE))
    throw new WorkbookUnreadable(msg.workbookEncrypted(file));
  const zip = head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05);
  if (!zip) {
    const pdf = head.subarray(0, 5).toString("latin1") === "%PDF-";
    const text = [...head].every(
      (byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x20
    );
    throw new WorkbookUnreadable(msg.workbookNotZip(file, pdf ? "pdf" : text ? "text" : "other"));
  }
}

export interface ZipPart {
  name: string;
  size: number;
  entry: yauzl.Entry;
}

export class ZipArchive {
  private constructor(
    readonly file: string,
    private readonly zip: yauzl.ZipFile,
    /** By lower-case name: part names in a package are compared ignoring case. */
    private readonly parts: Map<string, ZipPart>,
    /** Raised once the add-in's state is read (read.ts), within READ_CEILING. */
    public limits: ReadLimits
  ) {}

  /** Sniffs, reads the central directory and checks the declared sizes; inflates nothing. */
  static async open(
    file: string,
    source?: Buffer,
    limits: ReadLimits = READ_LIMITS
  ): Promise<ZipArchive> {
    await sniff(file, source);
    const options: yauzl.Options = {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      // Names are decoded and checked here (partName), so that a hostile one is refused in words.
      decodeStrings: false,
    };
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      const done = (failure: Error | null, opened?: yauzl.ZipFile): void =>
        failure || !opened
          ? reject(new WorkbookUnreadable(msg.workbookDamaged(file, describe(failure))))
          : resolve(opened);
      if (source) yauzl.fromBuffer(source, options, done);
      else yauzl.open(file, options, done);
    });
    try {
      if (zip.entryCount > limits.entries)
        throw new WorkbookUnreadable(
          msg.workbookTooManyParts(file, zip.entryCount, limits.entries)
        );
      const parts = await listParts(file, zip);
      let total = 0;
      for (const part of parts.values()) total += part.size;
      if (total > limits.inflatedBytes)
        throw new WorkbookUnreadable(msg.workbookTooLarge(file, total, limits.inflatedBytes));
      return new ZipArchive(file, zip, parts, limits);
    } catch (failure) {
      zip.close();
      throw failure;
    }
  }

  has(name: string): boolean {
    return this.parts.has(partKey(name));
  }

  names(): string[] {
    return [...this.parts.values()].map((part) => part.name);
  }

  /** Refuses, before inflating it, a part that declares more than the limit of one part. */
  checkSize(name: string, sheet?: string): void {
    const part = this.parts.get(partKey(name));
    if (part && part.size > this.limits.partBytes)
      throw new WorkbookUnreadable(
        msg.workbookPartTooLarge(
          this.file,
          { sheet, name: part.name },
          part.size,
          this.limits.partBytes
        )
      );
  }

  /** A part read whole, as text (UTF-8, or UTF-16 with its byte order mark); none if absent. */
  async text(name: string): Promise<string | undefined> {
    const part = this.parts.get(partKey(name));
    if (!part) return undefined;
    this.checkSize(name);
    const chunks: Buffer[] = [];
    for await (const chunk of this.bytes(name)) chunks.push(chunk);
    return decodeXml(Buffer.concat(chunks));
  }

  /** A part's inflated bytes as a stream of text chunks (multi-byte characters kept whole). */
  async *textChunks(name: string): AsyncGenerator<string> {
    this.checkSize(name);
    const decoder = new StringDecoder("utf8");
    let first = true;
    for await (const chunk of this.bytes(name)) {
      let text = decoder.write(chunk);
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      yield text;
    }
    yield decoder.end();
  }

  /** Inflated bytes; errors while inflating (a size that lies, a broken stream) become one line. */
  private async *bytes(name: string): AsyncGenerator<Buffer> {
    const part = this.parts.get(partKey(name));
    if (!part) throw new WorkbookUnreadable(msg.workbookDamaged(this.file, `${name} missing`));
    const damaged = (failure: unknown): WorkbookUnreadable =>
      failure instanceof WorkbookUnreadable
        ? failure
        : new WorkbookUnreadable(
            msg.workbookDamaged(this.file, `${part.name}: ${describe(failure)}`)
          );
    const deflated = part.entry.compressionMethod === 8;
    let stream: Readable;
    try {
      // Deflated parts come raw and are inflated here, in large chunks (yauzl's own inflater hands
      // on 16 KiB at a time, which cost more than the inflating); the declared size is checked as
      // yauzl checks it: a part that inflates to more than it declared is cut off at once.
      stream = await new Promise<Readable>((resolve, reject) =>
        this.zip.openReadStream(
          part.entry,
          deflated ? { decompress: false } : {},
          (failure, opened) =>
            failure || !opened ? reject(failure ?? new Error("no stream")) : resolve(opened)
        )
      );
    } catch (failure) {
      throw damaged(failure);
    }
    const source = stream;
    let output: Readable = source;
    if (deflated) {
      const inflater = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK });
      source.on("error", (failure) => inflater.destroy(failure));
      output = source.pipe(inflater);
    }
    let total = 0;
    try {
      for await (const chunk of output) {
        total += (chunk as Buffer).length;
        if (total > part.size)
          throw new Error(`inflates to more than the ${part.size} bytes it declares`);
        yield chunk as Buffer;
      }
      if (total !== part.size)
        throw new Error(`inflates to ${total} bytes, not the ${part.size} it declares`);
    } catch (failure) {
      throw damaged(failure);
    } finally {
      output.destroy();
      source.destroy();
    }
  }

  close(): void {
    this.zip.close();
  }
}

async function listParts(file: string, zip: yauzl.ZipFile): Promise<Map<string, ZipPart>> {
  const parts = new Map<string, ZipPart>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (entry.isEncrypted()) {
        reject(new WorkbookUnreadable(msg.workbookEncrypted(file)));
        return;
      }
      let name: string;
      try {
        name = partName(file, entry);
      } catch (failure) {
        reject(failure);
        return;
      }
      const key = partKey(name);
      if (parts.has(key)) {
        // Two copies of one part (names compare ignoring case): which one a program reads is
        // anyone's guess, so neither is read.
        reject(new WorkbookUnreadable(msg.workbookPartTwice(file, name)));
        return;
      }
      if (!name.endsWith("/")) parts.set(key, { name, size: entry.uncompressedSize, entry });
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", (failure: Error) =>
      reject(new WorkbookUnreadable(msg.workbookDamaged(file, describe(failure))))
    );
    zip.readEntry();
  });
  return parts;
}

/** Longest entry name read, in bytes (Excel's are under 100; the zip format allows 65 535). */
export const PART_NAME_MAX_BYTES = 1024;

/**
 * An entry's name as a part name, or a refusal naming it: too long, said to be UTF-8 and not,
 * holding a control character (which no part name can hold, and which would act on a terminal),
 * absolute or climbing out with "..". Decoded as yauzl decodes it (UTF-8 when flagged, or the
 * Info-ZIP Unicode path; CP437 otherwise; a backslash read as a slash, as some Windows tools
 * write them).
 */
function partName(file: string, entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    raw,
    entry.extraFields,
    false
  );
  const refuse = (fault: msg.PartNameFault): never => {
    throw new WorkbookUnreadable(msg.workbookPartName(file, name, fault));
  };
  if (raw.length > PART_NAME_MAX_BYTES)
    refuse({ kind: "long", length: raw.length, max: PART_NAME_MAX_BYTES });
  // Bytes that are not UTF-8 decode as U+FFFD, which no workbook's part name holds either.
  if (name.includes("\ufffd")) refuse({ kind: "encoding" });
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isControl(code)) refuse({ kind: "control", code, position: i + 1 });
  }
  if (yauzl.validateFileName(name) !== null) refuse({ kind: "outside" });
  return name;
}

/** Part names compare ignoring the case of ASCII letters only, as the package format says. */
function partKey(name: string): string {
  let key = "";
  let from = 0;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x41 || code > 0x5a) continue;
    key += name.slice(from, i) + String.fromCharCode(code + 0x20);
    from = i + 1;
  }
  return from === 0 ? name : key + name.slice(from);
}

/** An error's message (errors from Node's own modules may come from another realm in tests). */
export function describe(failure: unknown): string {
  const message = (failure as { message?: unknown } | null)?.message;
  return (typeof message === "string" ? message : String(failure)).split("\n")[0];
}

/** XML parts are UTF-8 unless a byte order mark says UTF-16 (rare, but valid). */
function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
