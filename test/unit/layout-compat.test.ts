/**
 * Workbooks built by earlier layouts read back to the study they held, each field from its own row,
 * never one row off: one built before the Segments sheet gained its mean-competition row (no
 * SM_SegmentCompetition), one built before its trimming funnel (no SM_SegmentPopulation: the
 * membership blocks sit higher), one of layout 2, built before the figures' source row (no
 * SM_SegmentSource: the potential, the texts, the funnel and the blocks sit a row higher). Each fixture was built and read back by the code of its time
 * (`build` then `read` of an ordered worked example with figures and texts).
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

test("a workbook from before the trimming funnel reads back as it did then", async () => {
  const { grids } = await readWorkbookFile(fixture("workbook-before-trims.xlsx"));
  expect(grids.names.some((n) => n.name === "SM_SegmentPopulation")).toBe(false);
  const { study, problems } = readStudy(grids);
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  const expected = JSON.parse(
    await fs.readFile(fixture("workbook-before-trims.json"), "utf8")
  ) as unknown;
  expect(studyToJson(study!)).toEqual(expected);
  expect(study!.segments!.map((s) => [s.size, s.clienteles.length, s.needs.length])).toEqual(
    (
      expected as { segments: { size: number; clienteles: string[]; needs: string[] }[] }
    ).segments.map((s) => [s.size, s.clienteles.length, s.needs.length])
  );
});

test("a layout-2 workbook, from before the figures' source row, reads back as it did then", async () => {
  const { grids } = await readWorkbookFile(fixture("workbook-before-source.xlsx"));
  expect(grids.names.some((n) => n.name === NAMES.segmentSource)).toBe(false);
  expect(grids.state?.kind === "ok" && grids.state.state.layoutVersion).toBe(2);
  const { study, problems } = readStudy(grids);
  expect(problems).toEqual([]);
  const expected = JSON.parse(
    await fs.readFile(fixture("workbook-before-source.json"), "utf8")
  ) as Record<string, unknown>;
  expect(studyToJson(study!)).toEqual(expected);
  // What a reading one row off would have taken: the potential for the source, the channels for
  // the potential, the funnel and its trims from the rows above them.
  const segments = study!.segments!;
  expect(segments.map((s) => s.channels.length)).toEqual([2, 2, 2]);
  expect(segments[1].population).toBe(50000);
  expect(segments[1].trims?.map((t) => t.keep)).toEqual([0.4, 0.1]);
  expect(segments[2].successFactors).toEqual(["Proximité", "Prix"]);
  expect(segments.every((s) => s.figuresSource === undefined)).toBe(true);
});
