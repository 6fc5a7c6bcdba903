/**
 * Texts through the .xlsx file's escapes: whatever a cell holds, the reader's decoding of the
 * writer's escaping gives it back (Excel's _xHHHH_ convention, decoded left to right).
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import { readStudy } from "../../src/layout";
import { readWorkbookFile } from "../../src/hosts/xlsx/file";
import { decodeExcelEscapes, escapeExcelText } from "../../src/hosts/xlsx/xml";
import { configureFuzz, runs } from "../support/fuzz";
import { errorsOf } from "../support/study-canonical";
import { rawText } from "../support/study-arbitraries";
import { buildFile, study, tempDir } from "../support/workbooks";

configureFuzz();

/** Texts made mostly of escape-looking pieces, where the overlaps are. */
const escapeLike = fc
  .array(
    fc.oneof(
      fc.constantFrom("_", "x", "_x", "_x0041_", "_x005F_", "_x000D_", "_xD83D_", "0041_", "A"),
      fc.tuple(fc.nat(0xffff), fc.boolean()).map(([code, upper]) => {
        const hex = code.toString(16).padStart(4, "0");
        return `_x${upper ? hex.toUpperCase() : hex}_`;
      })
    ),
    { maxLength: 12 }
  )
  .map((pieces) => pieces.join(""));

describe("Excel's _xHHHH_ escapes", () => {
  it("keep a text that already looks escaped, overlapping sequences included", () => {
    // Was read back as "_x005FA": the middle underscore starts a second sequence.
    expect(decodeExcelEscapes(escapeExcelText("_x005F_x0041_"))).toBe("_x005F_x0041_");
    expect(decodeExcelEscapes(escapeExcelText("_x0041__x0042_"))).toBe("_x0041__x0042_");
  });

  it("decode(escape(t)) is t for any text", () => {
    fc.assert(
      fc.property(fc.oneof(escapeLike, rawText({ lineFeeds: true })), (text) => {
        expect(decodeExcelEscapes(escapeExcelText(text))).toBe(text);
      }),
      { numRuns: runs("memory", 500) }
    );
  });
});

describe("escape-looking names through a real file", () => {
  it("come back from the cells that mirror them (formula results), not only from typed cells", async () => {
    // A need "_x0041_" in a segment: its label on the segments sheet is a formula's cached result,
    // which was written raw and read back as "A" (the segment then named an unknown need).
    const s = study({
      clienteles: ["C"],
      needs: ["_x0041_", "B"],
      pairs: [{ clientele: "C", need: "_x0041_" }],
      segments: [{ name: "_x005F_x0041_", needs: ["_x0041_"] }],
    });
    const dir = await tempDir();
    const { grids } = await readWorkbookFile(await buildFile(s, dir));
    const { study: read, problems } = readStudy(grids);
    expect(errorsOf(problems)).toEqual([]);
    expect(read).toStrictEqual(s);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
