/**
 * A minimal zip writer for .xlsx packages: deflated entries, sizes known up front (no data
 * descriptors, no zip64: a workbook part stays far below 4 GiB). Each entry is compressed as it is
 * produced, on zlib's thread pool, so building the next rows overlaps with compressing the last.
 */
import { once } from "events";
import zlib from "zlib";

/** CRC-32 (IEEE), as zip stores it; Node's own when it has one (20.15 and later). */
const nativeCrc32 = (zlib as unknown as { crc32?: (data: Buffer, value?: number) => number }).crc32;

let crcTable: Uint32Array | undefined;

function crc32(data: Buffer, previous: number): number {
  if (nativeCrc32) return nativeCrc32(data, previous);
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

/** Text is gathered into pieces of about this many characters before it is compressed. */
const PIECE = 1 << 20;

/** One entry being written: text goes in, deflated bytes come out. */
export class ZipEntryWriter {
  private readonly deflate: zlib.DeflateRaw;
  private readonly output: Buffer[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private crc = 0;
  private size = 0;

  constructor(
    private readonly zip: ZipWriter,
    private readonly name: string,
    level: number
  ) {
    // Room for a few pieces in the stream: rows go on being built while zlib compresses the
    // last piece on its thread, instead of waiting for each piece in turn.
    this.deflate = zlib.createDeflateRaw({
      level,
      chunkSize: 1 << 18,
      writableHighWaterMark: 4 * PIECE,
    } as zlib.ZlibOptions);
    this.deflate.on("data", (chunk: Buffer) => this.output.push(chunk));
  }

  /** Adds text; compresses once enough has gathered (await it so memory stays bounded). */
  async write(text: string): Promise<void> {
    if (this.add(text)) await this.flush();
  }

  /**
   * Adds text without waiting; true when enough has gathered that the caller should await
   * flush() (a loop over many rows then awaits once per piece, not once per row).
   */
  add(text: string): boolean {
    this.pending.push(text);
    this.pendingLength += text.length;
    return this.pendingLength >= PIECE;
  }

  async flush(): Promise<void> {
    if (this.pendingLength === 0) return;
    const bytes = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingLength = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (!this.deflate.write(bytes)) await once(this.deflate, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    const ended = once(this.deflate, "end");
    this.deflate.end();
    await ended;
    this.zip.add(this.name, this.output, this.crc, this.size);
  }
}

export class ZipWriter {
  private readonly parts: Buffer[] = [];
  private readonly entries: Entry[] = [];
  private offset = 0;

  /** zlib level: 1 is several times faster than the default 6, for files a little larger. */
  constructor(private readonly level = 6) {}

  entry(name: string): ZipEntryWriter {
    return new ZipEntryWriter(this, name, this.level);
  }

  async file(name: string, text: string): Promise<void> {
    const entry = this.entry(name);
    await entry.write(text);
    await entry.close();
  }

  /** Called by an entry once its bytes are all deflated. */
  add(name: string, compressed: Buffer[], crc: number, size: number): void {
    const nameBytes = Buffer.from(name, "utf8");
    const compressedSize = compressed.reduce((sum, chunk) => sum + chunk.length, 0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10); // time 00:00
    header.writeUInt16LE(0x21, 12); // date 1980-01-01: the same bytes for the same workbook
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressedSize, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBytes, crc, size, compressedSize, offset: this.offset });
    this.parts.push(header, nameBytes, ...compressed);
    this.offset += header.length + nameBytes.length + compressedSize;
  }

  /** The whole archive: entries, then the central directory. */
  finish(): Buffer {
    const directoryStart = this.offset;
    let directorySize = 0;
    for (const entry of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // made by: 2.0
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0800, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt16LE(0, 12);
      record.writeUInt16LE(0x21, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressedSize, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      // extra, comment, disk, internal and external attributes: 0
      record.writeUInt32LE(entry.offset, 42);
      this.parts.push(record, entry.name);
      directorySize += record.length + entry.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(directoryStart, 16);
    this.parts.push(end);
    return Buffer.concat(this.parts);
  }
}
