/**
 * PNG text chunks: the "Software" tEXt chunk by which Segment Matrix marks, and later recognises,
 * the PNG files it wrote. Plain byte work (PNG specification, chunks and tEXt), no renderer.
 */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The tEXt keyword under which a PNG names the program that wrote it. */
const SOFTWARE_KEYWORD = "Software";

/** CRC-32 (ISO 3309, as PNG chunks use it), table-driven. */
const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let c = index;
  for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(png: Buffer): Chunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) return [];
  const found: Chunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    if (at + 12 + length > png.length) break;
    found.push({
      type: png.subarray(at + 4, at + 8).toString("latin1"),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return found;
}

/** Adds a tEXt "Software" chunk right after IHDR (which the PNG spec requires first). */
export function withSoftwareChunk(png: Buffer, software: string): Buffer {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG");
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  const text = chunk("tEXt", Buffer.from(`${SOFTWARE_KEYWORD}\0${software}`, "latin1"));
  return Buffer.concat([png.subarray(0, ihdrEnd), text, png.subarray(ihdrEnd)]);
}

/** The tEXt "Software" value of a PNG, if it has one. */
export function pngSoftware(png: Buffer): string | undefined {
  for (const { type, data } of chunks(png)) {
    if (type !== "tEXt") continue;
    const separator = data.indexOf(0);
    if (separator > 0 && data.subarray(0, separator).toString("latin1") === SOFTWARE_KEYWORD)
      return data.subarray(separator + 1).toString("latin1");
  }
  return undefined;
}
