/**
 * One set of checkers (src/method/checks/): the same fault, made in a study file and typed in the
 * workbook built from that study, is caught by the same rule and said in the same words, each time
 * at its own place (the file's field, the sheet's cell). And the checkers themselves, through their
 * `locate` callback.
 */
import { buildPlan, readStudy } from "../../src/layout";
import { GridValue, WorkbookGrids } from "../../src/layout/grids";
import { NAMES } from "../../src/layout/names";
import { planGrids } from "../../src/layout/plan-grids";
import { fieldRow } from "../../src/layout/sheets/segments";
import { cellAddress } from "../../src/layout/a1";
import { byKey } from "../../src/method/checks/names";
import { NameList } from "../../src/method/checks/names";
import { segmentMembers } from "../../src/method/checks/segments";
import { checkConquest } from "../../src/method/checks/targeting";
import { Location, Problem } from "../../src/messages";
import { validateStudy } from "../../src/method/validate";

const BASE = {
  language: "en",
  clienteles: ["Students", "Schools"],
  needs: ["Innovate", "Learn"],
  pairs: [
    { clientele: "Students", need: "Innovate" },
    { clientele: "Schools", need: "Learn" },
  ],
  offerings: ["Workshop"],
  segments: [
    { name: "Young", clienteles: ["Students"], needs: ["Innovate"], offerings: ["Workshop"] },
    { name: "Old", clienteles: ["Schools"], needs: ["Learn"] },
  ],
  targets: [{ segment: "Young", offering: "Workshop" }],
  conquest: ["Young", "Old"],
};

/** Types a value into the cell `rows` below and `cols` right of a defined name's first cell. */
function typeAt(grids: WorkbookGrids, name: string, rows: number, cols: number, value: GridValue) {
  const named = grids.names.find((n) => n.name === name);
  const grid = named && grids.sheets.find((s) => s.name === named.sheet);
  if (!named || !grid) throw new Error(name);
  const row = named.rect.row + rows;
  const col = named.rect.col + cols;
  for (let r = 0; r < row; r++) grid.values[r] ??= [];
  const cells = grid.values[row - 1];
  while (cells.length < col - 1) cells.push(null);
  cells[col - 1] = value;
  return { sheet: grid.name, cell: cellAddress(row, col) };
}

interface Case {
  rule: string;
  /** The study file, changed. */
  file: (study: typeof BASE & Record<string, unknown>) => void;
  /** Where the file's fault is. */
  field: string;
  /** The workbook, changed the same way; returns the cell typed. */
  sheet: (grids: WorkbookGrids) => Location;
  /** The file shows a value as JSON writes it ("maybe" with its quotes), a cell as its text. */
  shownAsJson?: boolean;
}

const CASES: Case[] = [
  {
    rule: "segment-type-unknown",
    file: (s) => Object.assign(s.segments[0], { type: "kiosk" }),
    field: "segments[0].type",
    sheet: (g) => typeAt(g, NAMES.segmentNames, fieldRow("type", 0), 0, "kiosk"),
  },
  {
    rule: "segment-number-invalid",
    file: (s) => Object.assign(s.segments[1], { size: -3 }),
    field: "segments[1].size",
    sheet: (g) => typeAt(g, NAMES.segmentSize, 0, 1, -3),
  },
  {
    rule: "status-unknown",
    file: (s) => Object.assign(s.segments[0], { checklist: ["ok", "maybe"] }),
    field: "segments[0].checklist[1]",
    sheet: (g) => typeAt(g, NAMES.checklist, 1, 0, "maybe"),
    shownAsJson: true,
  },
  {
    rule: "target-unknown",
    file: (s) => (s.targets = [{ segment: "Young", offering: "Coaching" }]),
    field: "targets[0].offering",
    sheet: (g) => {
      typeAt(g, NAMES.targets, 0, -1, "Coaching");
      return typeAt(g, NAMES.targets, 0, 0, "X");
    },
  },
  {
    rule: "conquest-unknown",
    file: (s) => (s.conquest = ["Young", "Middle"]),
    field: "conquest[1]",
    sheet: (g) => typeAt(g, NAMES.conquest, 1, 0, "Middle"),
  },
  {
    rule: "conquest-duplicate",
    file: (s) => (s.conquest = ["Young", "young "]),
    field: "conquest[1]",
    sheet: (g) => typeAt(g, NAMES.conquest, 1, 0, "young "),
  },
  {
    rule: "weight-out-of-range",
    file: (s) => Object.assign(s, { weights: { perception: 7 } }),
    field: "weights.perception",
    sheet: (g) => typeAt(g, NAMES.weightPerception, 0, 0, 7),
  },
  {
    rule: "title-bad-character",
    file: (s) => Object.assign(s, { title: "a\u0001b" }),
    field: "title",
    sheet: (g) => typeAt(g, NAMES.title, 0, 0, "a\u0001b"),
  },
  {
    rule: "segment-text-bad",
    file: (s) => Object.assign(s.segments[0], { plans: { acquisition: "x\u0007" } }),
    field: "segments[0].plans.acquisition",
    sheet: (g) => typeAt(g, NAMES.segmentPlans, 0, 0, "x\u0007"),
  },
  {
    rule: "segment-bad-name",
    file: (s) => Object.assign(s.segments[1], { name: "y".repeat(300) }),
    field: "segments[1].name",
    sheet: (g) => typeAt(g, NAMES.segmentNames, 0, 1, "y".repeat(300)),
  },
];

describe("a fault in the study file and in the workbook: one rule, one message, its own place", () => {
  it.each(CASES.map((c) => [c.rule, c]))("%s", (_, c) => {
    const input = structuredClone(BASE) as typeof BASE & Record<string, unknown>;
    c.file(input);
    const fromFile = validateStudy(input, "s.json").problems.filter((p) => p.code === c.rule);

    const valid = validateStudy(BASE);
    if (!valid.study) throw new Error(JSON.stringify(valid.problems));
    const grids = planGrids(buildPlan(valid.study));
    const cell = c.sheet(grids);
    const fromSheet = readStudy(grids).problems.filter((p) => p.code === c.rule);

    expect(fromFile).toHaveLength(1);
    expect(fromSheet).toHaveLength(1);
    expect(fromFile[0].location).toEqual({ file: "s.json", field: c.field });
    expect(fromSheet[0].location).toEqual(cell);
    expect(fromSheet[0].severity).toBe(fromFile[0].severity);
    if (c.shownAsJson)
      expect(fromSheet[0].message.en).toBe(fromFile[0].message.en.replace(/""(\w+)""/, '"$1"'));
    else expect(fromSheet[0].message).toEqual(fromFile[0].message);
  });

  it("a duplicate name refers to the first one by its place: a field in the file, a cell in the workbook", () => {
    const input = { ...structuredClone(BASE), offerings: ["Workshop", " workshop"] };
    const [fromFile] = validateStudy(input, "s.json").problems;
    expect(fromFile.location).toEqual({ file: "s.json", field: "offerings[1]" });
    expect(fromFile.message.en).toMatch(/"workshop" is a duplicate \(same as offerings\[0\],/);

    const grids = planGrids(buildPlan(validateStudy(BASE).study!));
    const first = typeAt(grids, NAMES.offerings, 0, 0, "Workshop");
    const second = typeAt(grids, NAMES.offerings, 1, 0, " workshop");
    const fromSheet = readStudy(grids).problems.filter((p) => p.severity === "error");
    expect(fromSheet).toEqual([
      expect.objectContaining({
        code: "duplicate-name",
        location: second,
        message: expect.objectContaining({
          en: expect.stringContaining(
            `offering "workshop" is a duplicate (already in ${first.cell},`
          ),
        }),
      }),
    ]);
  });

  it("a language other than fr or en: refused in a file, French used in the workbook, said alike", () => {
    const fromFile = validateStudy({ ...BASE, language: "de" }).problems;
    expect(fromFile).toEqual([
      expect.objectContaining({ code: "language-unknown", severity: "error" }),
    ]);
    const grids = planGrids(buildPlan(validateStudy(BASE).study!));
    typeAt(grids, NAMES.language, 0, 0, "de");
    const { study, problems } = readStudy(grids);
    expect(study?.language).toBe("fr");
    expect(problems).toEqual([
      expect.objectContaining({ code: "language-unknown", severity: "warning" }),
    ]);
  });
});

describe("the checkers, through their locate callback", () => {
  it("segment members: resolved to the list's spelling and order, each fault at its key's place", () => {
    const problems: Problem[] = [];
    const known = byKey(["Alpha", "Beta", "Gamma"]);
    const at = (row: number): Location => ({ sheet: "S", cell: `B${row}` });
    const members = segmentMembers(
      "clienteles",
      [
        [3, "gamma"],
        [4, "Delta"],
        [5, " ALPHA "],
        [6, "alpha"],
      ],
      known,
      at,
      "Seg",
      problems
    );
    expect(members).toEqual(["Alpha", "Gamma"]);
    expect(problems.map((p) => [p.code, p.location])).toEqual([
      ["segment-unknown-member", { sheet: "S", cell: "B4" }],
      ["segment-member-duplicate", { sheet: "S", cell: "B6" }],
    ]);
  });

  it("conquest: a segment twice keeps its first place; one not in the study refuses the order", () => {
    const problems: Problem[] = [];
    const { order, ok } = checkConquest(
      [
        ["a", { name: "old", shown: "old" }],
        ["b", { name: undefined, shown: "3" }],
        ["c", { name: "OLD", shown: "OLD" }],
      ],
      byKey(["Young", "Old"]),
      (key) => ({ field: `k.${key}` }),
      problems
    );
    expect(order).toEqual(["Old"]);
    expect(ok).toBe(false);
    expect(problems.map((p) => [p.code, p.location?.field])).toEqual([
      ["conquest-unknown", "k.b"],
      ["conquest-duplicate", "k.c"],
    ]);
  });

  it("names: the first of two same names is kept, the second refers to it by the ref given", () => {
    const problems: Problem[] = [];
    const names = new NameList("segments", problems);
    expect(names.add(" A ", { field: "segments[0].name" }, "segments[0]")).toBe("A");
    expect(names.add("a", { field: "segments[1].name" }, "segments[1]")).toBeUndefined();
    expect(names.add("   ", { field: "segments[2].name" })).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(["segment-duplicate", "segment-bad-name"]);
    expect(problems[0].message.en).toContain("already in segments[0]");
  });
});
