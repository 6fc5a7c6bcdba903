/**
 * Trimming that sizes a segment (docs/method.md §1) and the diagnostics (§6), issue 17 items 2–3:
 * the study file's contract (both spellings of the families, the size a population gives, every
 * refusal naming its segment and field), the workbook both ways (the funnel and the Diagnostic
 * sheet read back, a share or a population edited in the cells, a size typed over the formula,
 * a step half filled in) and the JSON round trip.
 */
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { NAMES } from "../../src/layout/names";
import { studyToJson } from "../../src/layout/study-json";
import { WorkbookGrids, GridValue } from "../../src/layout/grids";
import { cellAddress } from "../../src/layout/a1";
import { validateStudy } from "../../src/method/validate";
import { Problem } from "../../src/messages";
import { Study } from "../../src/method/study";
import { trimmedSize } from "../../src/method/segment-figures";
import { study } from "../support/workbooks";
import { quantifySegments } from "../../src/analysis/rfm-quantify";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { FakeExcel } from "../support/fake-excel";

const base = {
  language: "fr",
  clienteles: ["Hommes", "Femmes"],
  needs: ["Se déplacer"],
  pairs: [{ clientele: "Hommes", need: "Se déplacer", perception: 3, impact: 4 }],
};

const TRIMMED = {
  ...base,
  segments: [
    {
      name: "Hommes actifs",
      clienteles: ["Hommes"],
      needs: ["Se déplacer"],
      population: 50000,
      trims: [
        { family: "qui", criterion: "25–45 ans", keep: 0.4 },
        { family: "Où ?", criterion: "Genève", keep: 0.25 },
      ],
      frequency: 2,
      basket: 30,
      swot: { strengths: ["Réseau"], threats: ["=Concurrents"] },
      risks: ["Budget incertain", "Saison"],
    },
    {
      name: "Femmes",
      clienteles: ["Femmes"],
      size: 800,
      trims: [{ family: "why", criterion: "Sport", keep: 0.5 }],
    },
  ],
  pestel: { political: ["Subventions"], technological: ["Vélos électriques"] },
};

function errors(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "error");
}

function only(input: unknown): Problem[] {
  return validateStudy(input, "s.json").problems;
}

/** The cell at a defined name's (i, j) in the grids, typed over as a consultant would. */
function typeAt(grids: WorkbookGrids, name: string, i: number, j: number, value: GridValue): void {
  const found = grids.names.find((n) => n.name === name);
  const grid = found && grids.sheets.find((s) => s.name === found.sheet);
  if (!found || !grid) throw new Error(`no name ${name}`);
  const row = found.rect.row + i - 1;
  const col = found.rect.col + j - 1;
  while (grid.values.length <= row) grid.values.push([]);
  grid.values[row][col] = value;
}

function addressOf(grids: WorkbookGrids, name: string, i: number, j: number): string {
  const found = grids.names.find((n) => n.name === name)!;
  return cellAddress(found.rect.row + i, found.rect.col + j);
}

describe("the study file", () => {
  const s = study(TRIMMED);

  it("sizes a segment with a population: ROUND(population × the kept shares, 0)", () => {
    expect(s.segments![0].size).toBe(5000);
    expect(s.segments![0].population).toBe(50000);
    expect(s.segments![0].trims).toEqual([
      { family: "qui", criterion: "25–45 ans", keep: 0.4 },
      { family: "où", criterion: "Genève", keep: 0.25 },
    ]);
  });

  it("keeps a typed size without a population, trims or not", () => {
    expect(s.segments![1].size).toBe(800);
    expect(s.segments![1].trims).toEqual([{ family: "pourquoi", criterion: "Sport", keep: 0.5 }]);
  });

  it.each([
    ["nature", "nature"],
    ["Nature (B2B / B2C)", "nature"],
    ["qui", "qui"],
    ["Who", "qui"],
    ["who?", "qui"],
    ["où", "où"],
    ["ou", "où"],
    ["OÙ ?", "où"],
    ["where", "où"],
    ["Pourquoi ?", "pourquoi"],
    ["WHY", "pourquoi"],
  ])("reads the family %s as %s", (given, canonical) => {
    const result = validateStudy({
      ...base,
      segments: [{ name: "S", trims: [{ family: given, criterion: "c", keep: 0.5 }] }],
    });
    expect(errors(result.problems)).toEqual([]);
    expect(result.study!.segments![0].trims![0].family).toBe(canonical);
  });

  it("holds SWOT, risks and PESTEL, every part in its order, blanks dropped", () => {
    expect(s.segments![0].swot).toEqual({
      strengths: ["Réseau"],
      weaknesses: [],
      opportunities: [],
      threats: ["=Concurrents"],
    });
    expect(s.segments![0].risks).toEqual(["Budget incertain", "Saison"]);
    expect(s.segments![1].swot).toBeUndefined();
    expect(s.pestel).toEqual({
      political: ["Subventions"],
      economic: [],
      social: [],
      technological: ["Vélos électriques"],
      environmental: [],
      legal: [],
    });
    const empty = study({
      ...base,
      pestel: { legal: [" "] },
      segments: [{ name: "S", swot: {}, risks: [] }],
    });
    expect(empty.pestel).toBeUndefined();
    expect(empty.segments![0].swot).toBeUndefined();
    expect(empty.segments![0].risks).toBeUndefined();
  });

  it("writes the size a population gives only when it is not that one, and reads its JSON back", () => {
    const json = studyToJson(s);
    expect(json.segments![0]).not.toHaveProperty("size");
    expect(json.segments![1].size).toBe(800);
    expect(validateStudy(JSON.parse(JSON.stringify(json))).study).toEqual(s);
    // A size equal to the population trimmed is accepted as it is.
    expect(errors(only({ ...base, segments: [{ name: "S", population: 10, size: 10 }] }))).toEqual(
      []
    );
  });

  it.each([
    [
      "a share above 1",
      { name: "S", trims: [{ family: "qui", criterion: "c", keep: 1.5 }] },
      "trim-keep-invalid",
      "segments[0].trims[0].keep",
    ],
    [
      "a share as a text",
      { name: "S", trims: [{ family: "qui", criterion: "c", keep: "40 %" }] },
      "trim-keep-invalid",
      "segments[0].trims[0].keep",
    ],
    [
      "an unknown family",
      { name: "S", trims: [{ family: "quand", criterion: "c", keep: 0.5 }] },
      "trim-family-unknown",
      "segments[0].trims[0].family",
    ],
    [
      "a criterion without its share",
      { name: "S", trims: [{ family: "qui", criterion: "c" }] },
      "trim-incomplete",
      "segments[0].trims[0]",
    ],
    [
      "trims not a list",
      { name: "S", trims: { family: "qui" } },
      "trims-not-list",
      "segments[0].trims",
    ],
    [
      "a criterion not an object",
      { name: "S", trims: ["qui"] },
      "trim-not-object",
      "segments[0].trims[0]",
    ],
    [
      "a negative population",
      { name: "S", population: -1 },
      "segment-number-invalid",
      "segments[0].population",
    ],
    [
      "a size that is not the population trimmed",
      {
        name: "S",
        population: 1000,
        size: 999,
        trims: [{ family: "qui", criterion: "c", keep: 0.5 }],
      },
      "segment-size-not-trimmed",
      "segments[0].size",
    ],
    [
      "a SWOT that is a list",
      { name: "S", swot: ["x"] },
      "diagnostic-not-object",
      "segments[0].swot",
    ],
    [
      "a SWOT part that is a text",
      { name: "S", swot: { strengths: "x" } },
      "diagnostic-not-list",
      "segments[0].swot.strengths",
    ],
    [
      "a risk holding a line feed",
      { name: "S", risks: ["a\nb"] },
      "diagnostic-text-line-feed",
      "segments[0].risks[0]",
    ],
  ])("refuses %s, naming the segment's field", (_label, segment, code, field) => {
    const problems = errors(only({ ...base, segments: [segment] }));
    expect(problems.map((p) => [p.code, p.location?.field])).toContainEqual([code, field]);
  });

  it("names the segment in every refusal of a criterion", () => {
    const [problem] = errors(
      only({
        ...base,
        segments: [{ name: "Jeunes", trims: [{ family: "quand", criterion: "c", keep: 0.5 }] }],
      })
    );
    expect(problem.message.fr).toContain("« Jeunes »");
    expect(problem.message.en).toContain('"Jeunes"');
  });

  it("says unknown fields of a criterion, a SWOT and a PESTEL (warnings)", () => {
    const problems = only({
      ...base,
      pestel: { politics: ["x"] },
      segments: [
        {
          name: "S",
          swot: { strength: ["x"] },
          trims: [{ family: "qui", criterion: "c", keep: 1, note: "" }],
        },
      ],
    });
    expect(errors(problems)).toEqual([]);
    expect(problems.map((p) => [p.code, p.location?.field])).toEqual([
      ["trim-unknown-field", "segments[0].trims[0].note"],
      ["diagnostic-unknown-field", "segments[0].swot.strength"],
      ["diagnostic-unknown-field", "pestel.politics"],
    ]);
  });
});

describe("the workbook", () => {
  const s = study(TRIMMED);

  function grids(from: Study = s): WorkbookGrids {
    return planGrids(buildPlan(from));
  }

  it("reads back the study it was built from: population, criteria, size, SWOT, risks, PESTEL", () => {
    const { study: read, problems } = readStudy(grids());
    expect(errors(problems)).toEqual([]);
    expect(read).toEqual(s);
    expect(studyToJson(read!)).toEqual(studyToJson(s));
    // Kept by a rebuild: built again from what was read, read again.
    expect(readStudy(grids(read)).study).toEqual(s);
  });

  it("reads the same in English", () => {
    const { study: read } = readStudy(planGrids(buildPlan(s, { language: "en" })));
    expect(read?.segments).toEqual(s.segments);
    expect(read?.pestel).toEqual(s.pestel);
  });

  it("writes the size as the live formula over the funnel, and what remains after each step", () => {
    const plan = buildPlan(s);
    const sheet = plan.sheets.find((x) => x.role === "segments")!;
    const size = plan.names.find((n) => n.name === NAMES.segmentSize)!.rect;
    const population = plan.names.find((n) => n.name === NAMES.segmentPopulation)!.rect;
    const steps = plan.names.find((n) => n.name === NAMES.segmentTrims)!.rect;
    const cell = sheet.blocks
      .flatMap((b) =>
        b.values.flatMap((line, i) => line.map((v, j) => ({ row: b.row + i, col: b.col + j, v })))
      )
      .find((c) => c.row === size.row && c.col === size.col)!.v;
    const pop = cellAddress(population.row, population.col);
    const keeps = [2, 6, 10].map((k) => cellAddress(steps.row + k, steps.col));
    expect(cell).toEqual({
      kind: "formula",
      formula: `IF(ISNUMBER(${pop}),ROUND(${pop}*PRODUCT(1,${keeps.join(",")}),0),"")`,
      result: 5000,
    });
    // Three steps (two criteria and one to type a new one), each with what remains after it.
    expect(steps.rows).toBe(12);
    const remaining = sheet.fills.filter(
      (f) => f.rect.row === steps.row + 3 || f.rect.row === steps.row + 7
    );
    expect(remaining.map((f) => f.results)).toEqual([[[20000, ""]], [[5000, ""]]]);
  });

  it("follows a share and a population typed in the cells", () => {
    const edited = grids();
    typeAt(edited, NAMES.segmentTrims, 2, 0, 0.5); // the first step's share: 40 % → 50 %
    typeAt(edited, NAMES.segmentTrims, 6, 1, "20 %"); // the second segment's second step: a share as typed
    typeAt(edited, NAMES.segmentTrims, 4, 1, "Où ?");
    typeAt(edited, NAMES.segmentTrims, 5, 1, "Lausanne");
    typeAt(edited, NAMES.segmentPopulation, 0, 1, 4000); // the second segment gets a population
    typeAt(edited, NAMES.segmentSize, 0, 1, null);
    const { study: read, problems } = readStudy(edited);
    expect(errors(problems)).toEqual([]);
    expect(read!.segments![0].size).toBe(trimmedSize(50000, [0.5, 0.25]));
    expect(read!.segments![1].trims).toEqual([
      { family: "pourquoi", criterion: "Sport", keep: 0.5 },
      { family: "où", criterion: "Lausanne", keep: 0.2 },
    ]);
    expect(read!.segments![1].population).toBe(4000);
    expect(read!.segments![1].size).toBe(400);
  });

  it("says a size typed over a population's, and keeps the population trimmed", () => {
    const edited = grids();
    typeAt(edited, NAMES.segmentSize, 0, 0, 1234);
    const { study: read, problems } = readStudy(edited);
    expect(read!.segments![0].size).toBe(5000);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "segment-size-replaced",
        severity: "warning",
        location: expect.objectContaining({ cell: addressOf(edited, NAMES.segmentSize, 0, 0) }),
      })
    );
  });

  it("refuses a step half filled in or a share out of range, naming the cell", () => {
    const edited = grids();
    typeAt(edited, NAMES.segmentTrims, 8, 0, "Nature (B2B / B2C)"); // the spare step: a family only
    typeAt(edited, NAMES.segmentTrims, 2, 1, 40); // 40, not 40 %
    const problems = errors(readStudy(edited).problems);
    expect(problems.map((p) => [p.code, p.location?.cell])).toEqual([
      ["trim-incomplete", addressOf(edited, NAMES.segmentTrims, 8, 0)],
      ["trim-keep-invalid", addressOf(edited, NAMES.segmentTrims, 2, 1)],
    ]);
  });

  it("says SWOT typed under no segment rather than dropping it", () => {
    const edited = grids(study({ ...base }));
    typeAt(edited, NAMES.swot, 0, 1, "Forte marque");
    const { problems } = readStudy(edited);
    expect(problems.map((p) => p.code)).toContain("diagnostic-without-segment");
  });

  it("reads a PESTEL and a SWOT typed by hand, one entry per line", () => {
    const edited = grids();
    typeAt(edited, NAMES.pestel, 2, 0, "Pouvoir d'achat\n\n  Inflation ");
    typeAt(edited, NAMES.swot, 1, 1, "Peu connue");
    typeAt(edited, NAMES.swot, 4, 1, "Météo");
    const { study: read } = readStudy(edited);
    expect(read!.pestel!.social).toEqual(["Pouvoir d'achat", "Inflation"]);
    expect(read!.segments![1].swot).toEqual({
      strengths: [],
      weaknesses: ["Peu connue"],
      opportunities: [],
      threats: [],
    });
    expect(read!.segments![1].risks).toEqual(["Météo"]);
  });

  it("offers one empty step and no population for a study without segments", () => {
    const plan = buildPlan(study(base));
    expect(plan.names.find((n) => n.name === NAMES.segmentTrims)!.rect.rows).toBe(4);
    expect(readStudy(planGrids(plan)).study).toEqual(study(base));
  });
});

describe("segments quantified from the customers' data (rfm --study)", () => {
  it("keeps the size a population gives, takes frequency and basket from the data, and says so", () => {
    const s = study(TRIMMED);
    const result = quantifySegments(s, [
      { clientele: "Hommes", customers: 40, purchases: 80, amount: 4000 },
      { clientele: "Femmes", customers: 10, purchases: 10, amount: 200 },
    ]);
    const [men, women] = result.study.segments!;
    expect([men.size, men.frequency, men.basket, men.population]).toEqual([5000, 2, 50, 50000]);
    expect([women.size, women.frequency, women.basket]).toEqual([10, 1, 20]);
    expect(result.sizedByPopulation).toEqual(["Hommes actifs"]);
    // What the command writes reads back without a conflict between size and population.
    const written = validateStudy(JSON.parse(JSON.stringify(studyToJson(result.study))));
    expect(errors(written.problems)).toEqual([]);
    expect(written.study!.segments![0].size).toBe(5000);
  });
});

describe("through the Office.js host", () => {
  // The recording fake calculates nothing (a formula reads back as a stand-in): what is checked is
  // what the host writes.
  it("writes the size's formula, the funnel and the diagnostics as typed", async () => {
    const s = study(TRIMMED);
    const excel = new FakeExcel(["Feuil1"]);
    const host = createExcelHost({ run: excel.run, isSetSupported: () => true });
    const plan = buildPlan(s);
    await host.render(plan, await host.readWorkbook());
    const at = (name: string, i: number, j: number) => {
      const found = plan.names.find((n) => n.name === name)!;
      return excel.cell(found.sheet, cellAddress(found.rect.row + i, found.rect.col + j));
    };
    expect(at(NAMES.segmentSize, 0, 0)?.formula).toMatch(
      /^=IF\(ISNUMBER\(B\d+\),ROUND\(B\d+\*PRODUCT\(1,B\d+,B\d+,B\d+\),0\),""\)$/
    );
    expect(at(NAMES.segmentSize, 0, 1)).toEqual({ value: 800 });
    expect(at(NAMES.segmentPopulation, 0, 0)).toEqual({ value: 50000 });
    expect(at(NAMES.segmentTrims, 0, 0)).toEqual({ value: "Qui ?" });
    expect(at(NAMES.segmentTrims, 1, 0)).toEqual({ value: "25–45 ans" });
    expect(at(NAMES.segmentTrims, 2, 0)).toEqual({ value: 0.4 });
    expect(at(NAMES.swot, 3, 0)).toEqual({ value: "=Concurrents" });
    expect(at(NAMES.swot, 4, 0)).toEqual({ value: "Budget incertain\nSaison" });
    expect(at(NAMES.pestel, 3, 0)).toEqual({ value: "Vélos électriques" });
  });
});
