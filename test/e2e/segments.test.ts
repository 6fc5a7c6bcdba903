/**
 * From the matrix to segments and targets, end to end (issue 5): the worked example is built, ordered
 * and cut into 3 by the CLI; a consultant fills the segments, the checklist and the targeting in the
 * file; LibreOffice recalculates; potentials, mean scores, ✓ counts and the strategy (each of the five
 * cases, and none) are what the method says; `read` gives back exactly what was typed.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { parseSheetRef } from "../../src/layout/a1";
import { pairScore } from "../../src/method/score";
import { COMPETITION } from "../../src/method/levels";
import { segmentCompetition } from "../../src/method/segment-figures";
import {
  STRATEGIES,
  Strategy,
  strategySentence,
  targetingStrategy,
} from "../../src/method/segments";
import { Study, isRated, nameKey } from "../../src/method/study";
import { recalculateAll } from "../support/libreoffice";
import { EXAMPLE_GROUPS as GROUPS } from "../support/example-groups";
import { load, namedValues, plainValue, study, tempDir } from "../support/workbooks";

jest.setTimeout(240000);

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "exemple-incubateur.json");

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Types a value into cell (i, j) of a defined name's range, as a consultant would. */
function type(
  workbook: ExcelJS.Workbook,
  name: string,
  i: number,
  j: number,
  value: string | number
): void {
  const found = workbook.definedNames.model.find((n) => n.name === name);
  const at = found && parseSheetRef(found.ranges[0]);
  const sheet = at && workbook.getWorksheet(at.sheet);
  if (!at || !sheet) throw new Error(`no name ${name}`);
  sheet.getCell(at.rect.row + i, at.rect.col + j).value = value;
}

/** Types next to a named range: the label column of a membership block, one column to its left. */
function typeLeft(workbook: ExcelJS.Workbook, name: string, i: number, value: string): void {
  const found = workbook.definedNames.model.find((n) => n.name === name);
  const at = found && parseSheetRef(found.ranges[0]);
  const sheet = at && workbook.getWorksheet(at.sheet);
  if (!at || !sheet) throw new Error(`no name ${name}`);
  sheet.getCell(at.rect.row + i, at.rect.col - 1).value = value;
}

const OFFERINGS = ["Coaching", "=Formation", "Plateforme « en ligne »"];

/** Marks of each strategy case: [offering, segment] indices over 3 × 3. */
const CASES: [Strategy | "none", [number, number][]][] = [
  ["none", []],
  ["concentration", [[0, 0]]],
  [
    "segment-specialisation",
    [
      [0, 1],
      [2, 1],
    ],
  ],
  [
    "offering-specialisation",
    [
      [1, 0],
      [1, 2],
    ],
  ],
  ["full-coverage", [0, 1, 2].flatMap((o) => [0, 1, 2].map((s): [number, number] => [o, s]))],
  [
    "selective-specialisation",
    [
      [0, 0],
      [1, 2],
    ],
  ],
];

describe("segments, checklist and targeting, filled in the file and recalculated by LibreOffice", () => {
  let dir: string;
  let ordered: Study;
  const recalculated = new Map<string, ExcelJS.Workbook>();
  const recalculatedFiles = new Map<string, string>();
  const files = new Map<string, string>();

  beforeAll(async () => {
    dir = await tempDir();
    const orderedFile = path.join(dir, "ordered.json");
    expect((await cli("order", EXAMPLE, "-o", orderedFile, "--segments", "3")).code).toBe(0);
    ordered = study(JSON.parse(await fs.readFile(orderedFile, "utf8")));
    const built = path.join(dir, "built.xlsx");
    expect((await cli("build", orderedFile, "-o", built)).code).toBe(0);

    for (const [strategy, marks] of CASES) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(built);
      fillAsAConsultant(workbook);
      for (const [o, s] of marks) type(workbook, "SM_Targets", o, s, "X");
      const file = path.join(dir, `case-${strategy}.xlsx`);
      await workbook.xlsx.writeFile(file);
      files.set(strategy, file);
    }
    const outputs = await recalculateAll([...files.values()]);
    for (const [strategy, file] of files) {
      recalculated.set(strategy, await load(outputs.get(file) as string));
      recalculatedFiles.set(strategy, outputs.get(file) as string);
    }
  });

  /** What the consultant types, the same in every case but the targeting marks. */
  function fillAsAConsultant(workbook: ExcelJS.Workbook): void {
    type(workbook, "SM_SegmentNames", 0, 2, "Financeurs"); // renames the third candidate
    type(workbook, "SM_SegmentSize", 0, 0, 1200);
    type(workbook, "SM_SegmentFrequency", 0, 0, 2);
    type(workbook, "SM_SegmentBasket", 0, 0, 350.5);
    type(workbook, "SM_SegmentSize", 0, 1, 40);
    type(workbook, "SM_SegmentBasket", 0, 1, 1500); // no frequency: no potential yet
    OFFERINGS.forEach((offering, i) => typeLeft(workbook, "SM_SegmentOfferings", i, offering));
    type(workbook, "SM_SegmentOfferings", 0, 0, "X");
    type(workbook, "SM_SegmentOfferings", 2, 2, "x");
    for (let item = 0; item < 11; item++) type(workbook, "SM_Checklist", item, 0, "✓ Ok");
    type(workbook, "SM_Checklist", 0, 1, "✓ Ok");
    type(workbook, "SM_Checklist", 5, 1, "⊞ En cours");
    type(workbook, "SM_Checklist", 8, 1, "ok");
    type(workbook, "SM_Checklist", 9, 2, "📊 A analyser");
    type(workbook, "SM_Conquest", 0, 0, "Financeurs");
    type(workbook, "SM_Conquest", 1, 0, ordered.segments?.[0].name ?? "");
    type(workbook, "SM_SegmentPlans", 0, 2, "Salon des investisseurs");
    type(workbook, "SM_SegmentPlans", 3, 0, "Club des anciens");
    // One competition level changed: the first ratings row of the first segment's pairs.
    const { row, pair } = firstSegmentRating(workbook);
    type(workbook, "SM_RatingCompetitions", row, 0, COMPETITION.levels[EDITED_LEVEL].fr);
    edited = pair;
  }

  /** The level typed over, and the pair it was typed for. */
  const EDITED_LEVEL = 4;
  let edited: { clientele: string; need: string } | undefined;

  /** The first ratings row whose pair the first segment holds (its index under the header). */
  function firstSegmentRating(workbook: ExcelJS.Workbook): {
    row: number;
    pair: { clientele: string; need: string };
  } {
    const segment = ordered.segments![0];
    const clienteles = namedValues(workbook, "SM_RatingClienteles").map((r) => String(r[0] ?? ""));
    const needs = namedValues(workbook, "SM_RatingNeeds").map((r) => String(r[0] ?? ""));
    const row = clienteles.findIndex(
      (c, i) =>
        segment.clienteles.some((s) => nameKey(s) === nameKey(c)) &&
        segment.needs.some((s) => nameKey(s) === nameKey(needs[i]))
    );
    if (row < 0) throw new Error("the first segment holds no rated pair");
    return { row, pair: { clientele: clienteles[row], need: needs[row] } };
  }

  it("orders the worked example and cuts it into the method's three groups", () => {
    const groups = (ordered.segments ?? []).map((s) => [...s.clienteles].sort());
    expect(groups.sort()).toEqual(GROUPS.map((g) => [...g].sort()).sort());
  });

  it("computes each segment's yearly potential, empty while a figure is missing", () => {
    const potential = namedValues(recalculated.get("none")!, "SM_SegmentPotential")[0];
    expect(potential[0]).toBeCloseTo(1200 * 2 * 350.5, 6);
    expect([potential[1], potential[2]].map((v) => (v === "" ? null : v))).toEqual([null, null]);
  });

  it("computes each segment's mean score over its ticked and rated pairs, not rounded", () => {
    const means = namedValues(recalculated.get("none")!, "SM_SegmentMeanScore")[0];
    (ordered.segments ?? []).forEach((segment, i) => {
      const clienteles = new Set(segment.clienteles.map(nameKey));
      const needs = new Set(segment.needs.map(nameKey));
      const scores = ordered.pairs
        .filter(
          (p) => clienteles.has(nameKey(p.clientele)) && needs.has(nameKey(p.need)) && isRated(p)
        )
        .map((p) => pairScore(p.perception as number, p.impact as number, ordered.weights));
      const expected = scores.reduce((a, b) => a + b, 0) / scores.length;
      expect(scores.length).toBeGreaterThan(0);
      expect(means[i]).toBeCloseTo(expected, 9);
    });
  });

  it("computes each segment's mean competition live, after a level typed on the ratings sheet", () => {
    const shown = namedValues(recalculated.get("none")!, "SM_SegmentCompetition")[0];
    const pairs = ordered.pairs.map((p) =>
      edited &&
      nameKey(p.clientele) === nameKey(edited.clientele) &&
      nameKey(p.need) === nameKey(edited.need)
        ? { ...p, competition: EDITED_LEVEL }
        : p
    );
    const before = segmentCompetition(ordered.segments![0], ordered.pairs);
    const after = segmentCompetition(ordered.segments![0], pairs);
    expect(after).not.toBe(before); // the edit changes the figure, so following it proves something
    (ordered.segments ?? []).forEach((segment, i) => {
      const expected = segmentCompetition(segment, pairs);
      expect(expected).toBeDefined();
      expect(shown[i]).toBeCloseTo(expected!, 9);
    });
  });

  it("shows on the checklist, live, whether each quantification figure is entered", () => {
    const workbook = recalculated.get("none")!;
    const found = workbook.definedNames.model.find((n) => n.name === "SM_SegmentChecklistOk");
    const at = parseSheetRef(found!.ranges[0])!;
    const sheet = workbook.getWorksheet(at.sheet)!;
    // Three lines under the total (one blank row, its note): size, frequency, basket.
    const lines = [0, 1, 2].map((k) =>
      [0, 1, 2].map((j) => plainValue(sheet.getCell(at.rect.row + 2 + k, at.rect.col + j).value))
    );
    expect(lines).toEqual([
      ["✓", "✓", "—"],
      ["✓", "—", "—"],
      ["✓", "✓", "—"],
    ]);
  });

  it("counts the ✓ of each segment's checklist", () => {
    // ExcelJS reads a formula's cached 0 as no value.
    const counts = namedValues(recalculated.get("none")!, "SM_SegmentChecklistOk");
    expect(counts.map((row) => row.map((v) => v ?? 0))).toEqual([[11, 2, 0]]);
  });

  it.each(CASES)("names the strategy the marks form: %s", (strategy, marks) => {
    const shown = namedValues(recalculated.get(strategy)!, "SM_TargetStrategy")[0][0];
    const expected = targetingStrategy(
      marks.map(([offering, segment]) => ({ offering, segment })),
      3,
      3
    );
    expect(expected ?? "none").toBe(strategy);
    expect(shown === null ? "" : shown).toBe(expected ? STRATEGIES[expected].fr : "");
    const found = recalculated
      .get(strategy)!
      .definedNames.model.find((n) => n.name === "SM_TargetStrategy");
    const at = found && parseSheetRef(found.ranges[0]);
    const sentence =
      at &&
      recalculated
        .get(strategy)!
        .getWorksheet(at.sheet)
        ?.getCell(at.rect.row + 1, at.rect.col);
    const text = sentence ? plainValue(sentence.value) : null;
    expect(text ?? "").toBe(expected ? strategySentence(expected, "fr") : "");
  });

  it("reads back exactly what the consultant typed", async () => {
    const file = recalculatedFiles.get("selective-specialisation") as string;
    const { study: read, problems } = readStudy((await readWorkbookFile(file)).grids);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const names = (ordered.segments ?? []).map((s) => s.name);
    names[2] = "Financeurs";
    expect(read?.offerings).toEqual(OFFERINGS);
    expect(read?.segments?.map((s) => s.name)).toEqual(names);
    const [first, second, third] = read?.segments ?? [];
    expect([first.size, first.frequency, first.basket]).toEqual([1200, 2, 350.5]);
    expect([second.size, second.frequency, second.basket]).toEqual([40, undefined, 1500]);
    expect(first.offerings).toEqual(["Coaching"]);
    expect(third.offerings).toEqual(["Plateforme « en ligne »"]);
    expect(first.checklist).toEqual(new Array(11).fill("ok"));
    expect(second.checklist.filter((s) => s === "ok")).toHaveLength(2);
    expect(second.checklist[5]).toBe("en cours");
    expect(third.checklist[9]).toBe("à analyser");
    expect(read?.conquest).toEqual(["Financeurs", names[0]]);
    expect(third.plans).toEqual({ acquisition: "Salon des investisseurs" });
    expect(first.plans).toEqual({ loyalty: "Club des anciens" });
    expect(read?.targets).toEqual([
      { segment: names[0], offering: "Coaching" },
      { segment: "Financeurs", offering: "=Formation" },
    ]);
    // Built again, the study reads back the same: `build` of what `read` gives is the same workbook.
    const again = readStudy(planGrids(buildPlan(read as Study)));
    expect(again.study).toEqual(read);
    // The clientèles and needs of each segment are the candidates', untouched.
    expect(read?.segments?.map((s) => [s.clienteles, s.needs])).toEqual(
      ordered.segments?.map((s) => [s.clienteles, s.needs])
    );
  });
});
