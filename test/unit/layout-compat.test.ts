/**
 * A workbook built before the Segments sheet gained its mean-competition row (no
 * SM_SegmentCompetition) reads back to the study it held: size, frequency, basket, channels, zones
 * and personas from their own rows, never one row off. The fixture was built and read back by the
 * code of that time (`build` then `read` of an ordered worked example with figures and texts).
 */
import path from "path";
import { promises as fs } from "fs";
import { readWorkbookFile } from "../../src/hosts/xlsx/file";
import { readStudy } from "../../src/layout";
import { studyToJson } from "../../src/layout/study-json";
import { NAMES } from "../../src/layout/names";

const fixture = (name: string): string => path.join(__dirname, "..", "fixtures", name);

test("a workbook from before the competition row reads back as it did then", async () => {
  const { grids } = await readWorkbookFile(fixture("workbook-before-competition.xlsx"));
  expect(grids.names.some((n) => n.name === NAMES.segmentCompetition)).toBe(false);
  const { study, problems } = readStudy(grids);
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  const expected = JSON.parse(
    await fs.readFile(fixture("workbook-before-competition.json"), "utf8")
  ) as unknown;
  expect(studyToJson(study!)).toEqual(expected);
  // The figures a shifted reading would have taken from the row above.
  expect(study!.segments!.map((s) => [s.size, s.frequency, s.basket])).toEqual([
    [1000, 2.5, 120],
    [2000, 2.5, 121],
    [3000, 2.5, 122],
  ]);
});
