/** The evidence in *Évaluation*: n, % feeling and source per pair, written by build, read by read. */
import { promises as fs } from "fs";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { WorkbookGrids } from "../../src/layout/grids";
import { studyToJson } from "../../src/layout/study-json";
import { formatProblem } from "../../src/messages";
import { planToBuffer } from "../../src/hosts/xlsx/file";
import { unzip } from "../support/unzip";
import { buildFile, gridsOf, study, tempDir } from "../support/workbooks";

const EVIDENCED = {
  language: "fr",
  clienteles: ["Artisans", "Banques"],
  needs: ["Financement", "Locaux"],
  pairs: [
    {
      clientele: "Artisans",
      need: "Financement",
      perception: 4,
      impact: 3,
      evidence: { n: 12, feel: 0.75, source: "Enquête mai" },
    },
    { clientele: "Artisans", need: "Locaux", perception: 2, impact: 2 },
    { clientele: "Banques", need: "Locaux", evidence: { n: 3, feel: 2 / 3 } },
  ],
  weights: { perception: 1, impact: 1 },
};

const R = "Évaluation";

function ratingsGrid(grids: WorkbookGrids) {
  const grid = grids.sheets.find((sheet) => sheet.name === R);
  if (!grid) throw new Error("no ratings sheet");
  return grid;
}

describe("evidence in the ratings sheet", () => {
  it("goes through a real .xlsx and back: read gives the evidence, build of that gives the same workbook", async () => {
    const dir = await tempDir();
    try {
      const original = study(EVIDENCED);
      const file = await buildFile(original, dir);
      const grids = await gridsOf(file);
      // Header and one row as the consultant sees them: n, the share (0.75 shown as 75 %), the source.
      const grid = ratingsGrid(grids);
      expect(grid.values[3].slice(8, 11)).toEqual([
        "Répondants (n)",
        "% qui ressent",
        "Source des réponses",
      ]);
      const read = readStudy(grids);
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(studyToJson(read.study!).pairs).toEqual(studyToJson(original).pairs);
      const plan = (s: typeof original) => {
        const built = buildPlan(s);
        delete built.properties;
        return built;
      };
      expect(plan(read.study!)).toEqual(plan(original));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("reads a workbook made before the evidence columns as before", () => {
    const grids = planGrids(buildPlan(study(EVIDENCED)));
    const grid = ratingsGrid(grids);
    // An earlier workbook: the table ends at the hidden key (column H).
    grid.values = grid.values.map((row) => (row ? row.slice(0, 8) : row));
    const read = readStudy(grids);
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.study!.pairs.map((p) => p.evidence)).toEqual([undefined, undefined, undefined]);
    expect(read.study!.pairs[0]).toMatchObject({ perception: 4, impact: 3 });
  });

  it("names a cell whose n or share is not evidence, and keeps the pair's ratings", () => {
    const grids = planGrids(buildPlan(study(EVIDENCED)));
    const grid = ratingsGrid(grids);
    grid.values[4][8] = 2.5; // I5: n
    grid.values[6][9] = 1.5; // J7: share
    const read = readStudy(grids);
    expect(
      read.problems
        .filter((p) => p.code === "rating-evidence-invalid")
        .map((p) => formatProblem(p, "en"))
    ).toEqual([
      "'Évaluation'!I5: \"2.5\" is not a number of respondents: write a whole number from 1, or empty n and % for a hypothesis; pair read without responses",
      "'Évaluation'!J7: \"1.5\" is not a share of respondents: write a percentage from 0% to 100%; pair read without responses",
    ]);
    expect(read.study!.pairs[0]).toMatchObject({ perception: 4, impact: 3 });
    expect(read.study!.pairs.map((p) => p.evidence)).toEqual([undefined, undefined, undefined]);
    // Emptying n and % makes the pair a hypothesis again, without a word.
    grid.values[4][8] = null;
    grid.values[4][9] = null;
    grid.values[6][9] = 0.5;
    const again = readStudy(grids);
    expect(again.problems.filter((p) => p.code === "rating-evidence-invalid")).toEqual([]);
    expect(again.study!.pairs.map((p) => p.evidence)).toEqual([
      undefined,
      undefined,
      { n: 3, feel: 0.5 },
    ]);
  });
});

describe("a hypothesis in the matrix", () => {
  const matrixOf = (input: unknown) => {
    const plan = buildPlan(study(input));
    return { plan, matrix: plan.sheets.find((sheet) => sheet.role === "matrix")! };
  };

  it("is in italics, live: the cell's ratings row has no n", () => {
    const { matrix } = matrixOf(EVIDENCED);
    const italic = matrix.conditionalFormats.filter(
      (format) => format.rule.kind === "formula" && format.rule.italic
    );
    expect(italic).toHaveLength(1);
    const rule = italic[0].rule as Extract<(typeof italic)[0]["rule"], { kind: "formula" }>;
    expect(rule.formula).toBe(
      "AND(ISNUMBER(C6),INDEX('Évaluation'!$I$5:$I$507,MATCH(ROW()*16384+COLUMN(),SM_RatingKeys,0))=\"\")"
    );
    // Needs by clientèles: only (Artisans, Locaux) is scored without responses.
    expect(rule.holds).toEqual([
      [false, false],
      [true, false],
    ]);
  });

  it("is not drawn at all in a study without evidence (its workbook is as before)", () => {
    const plain = {
      ...EVIDENCED,
      pairs: EVIDENCED.pairs.map(({ clientele, need }) => ({ clientele, need })),
    };
    const { matrix } = matrixOf(plain);
    expect(matrix.conditionalFormats.some((f) => f.rule.kind === "formula" && f.rule.italic)).toBe(
      false
    );
  });

  it("is written to the .xlsx as an italic differential format on the matrix", async () => {
    const { plan } = matrixOf(EVIDENCED);
    const parts = unzip(await planToBuffer(plan));
    const styles = parts.get("xl/styles.xml")!.toString("utf8");
    expect(styles).toMatch(/<dxf><font><i\/><\/font><\/dxf>/);
    const sheets = [...parts.entries()]
      .filter(([name]) => name.startsWith("xl/worksheets/"))
      .map(([, data]) => data.toString("utf8"));
    expect(
      sheets.some((xml) =>
        xml.includes("MATCH(ROW()*16384+COLUMN(),SM_RatingKeys,0))=&quot;&quot;")
      )
    ).toBe(true);
  });
});
