/** Decoding study files: exactly, or refused naming the first byte that cannot be read. */
import { decodeStudyBytes, firstInvalidUtf8 } from "../../src/cli/study-file";

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe("decodeStudyBytes", () => {
  it("reads UTF-8, with or without a byte order mark, and UTF-16 either way round", () => {
    const text = '{"a": "é€𝄞"}';
    expect(decodeStudyBytes(Buffer.from(text))).toEqual({ text });
    expect(decodeStudyBytes(Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from(text)]))).toEqual({
      text,
    });
    const le = Buffer.from(text, "utf16le");
    expect(decodeStudyBytes(Buffer.concat([bytes(0xff, 0xfe), le]))).toEqual({ text });
    expect(decodeStudyBytes(Buffer.concat([bytes(0xfe, 0xff), Buffer.from(le).swap16()]))).toEqual({
      text,
    });
    expect(decodeStudyBytes(le)).toEqual({ text });
  });

  it("names the first byte that is not UTF-8, and its line", () => {
    expect(decodeStudyBytes(Buffer.from('{\n"a": "\xe9"}', "latin1"))).toEqual({
      encoding: "utf-8",
      invalidAt: 8,
      byte: 0xe9,
      line: 2,
    });
  });

  it.each([
    ["an overlong form", bytes(0x41, 0xc0, 0xaf), 1],
    ["a surrogate encoded in UTF-8", bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ["a sequence cut at the end", bytes(0x41, 0x42, 0xe2, 0x82), 2],
    ["a lone continuation byte", bytes(0x80), 0],
    ["beyond U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), 0],
  ])("refuses %s", (_label, input, offset) => {
    expect(firstInvalidUtf8(input)).toBe(offset);
    expect(decodeStudyBytes(input)).toMatchObject({ encoding: "utf-8", invalidAt: offset });
  });

  it("refuses UTF-16 with a surrogate missing its pair, naming where", () => {
    const input = Buffer.concat([
      bytes(0xff, 0xfe),
      Buffer.from("{}", "utf16le"),
      bytes(0x00, 0xd8),
    ]);
    expect(decodeStudyBytes(input)).toEqual({ encoding: "utf-16", invalidAt: 4 });
  });
});
