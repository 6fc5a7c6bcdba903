/** The evidence in *Évaluation*: n, % feeling and source per pair, written by build, read by read. */
import { promises as fs } from "fs";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { WorkbookGrids } from "../../src/layout/grids";
import { studyToJson } from "../../src/layout/study-json";
import { formatProblem } from "../../src/messages";
import { planToBuffer } from "../../src/hosts/xlsx/file";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { clientPlan } from "../../src/layout/export";
import { FakeExcel } from "../support/fake-excel";
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

  it("is in italics with a dotted border, live: the cell's ratings row has no n", () => {
    const { matrix } = matrixOf(EVIDENCED);
    const italic = matrix.conditionalFormats.filter(
      (format) => format.rule.kind === "formula" && format.rule.italic
    );
    expect(italic).toHaveLength(1);
    const rule = italic[0].rule as Extract<(typeof italic)[0]["rule"], { kind: "formula" }>;
    expect(rule.dottedBorder).toBe("#404040");
    expect(rule.fontColour).toBeUndefined();
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
    expect(styles).toContain(
      '<dxf><font><i/></font><border><left style="dotted"><color rgb="FF404040"/></left>' +
        '<right style="dotted"><color rgb="FF404040"/></right><top style="dotted"><color rgb="FF404040"/></top>' +
        '<bottom style="dotted"><color rgb="FF404040"/></bottom></border></dxf>'
    );
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

describe("a hypothesis on a score the palette writes in white", () => {
  // The colour-blind palette writes scores above 88 in white: (Artisans, Financement) at 4 × 4.
  const input = {
    ...EVIDENCED,
    palette: "colourblind",
    pairs: [
      { clientele: "Artisans", need: "Financement", perception: 4, impact: 4 },
      {
        clientele: "Artisans",
        need: "Locaux",
        perception: 2,
        impact: 2,
        evidence: { n: 5, feel: 1 },
      },
    ],
  };

  it("has its own rule, ahead of the palette's text rule, saying italics, dotted and white at once", () => {
    const matrix = buildPlan(study(input)).sheets.find((sheet) => sheet.role === "matrix")!;
    // The body's rules (the legend's samples have their own).
    const body = matrix.conditionalFormats.filter((f) => f.rect.row === 6 && f.rect.rows === 2);
    const kinds = body.map((f) =>
      f.rule.kind === "formula"
        ? f.rule.fontColour
          ? "hypothesis, white"
          : "hypothesis"
        : f.rule.kind
    );
    // LibreOffice applies only the first rule that holds: the combined one must come first.
    expect(kinds).toEqual(["hypothesis, white", "colourScale", "cellValue", "hypothesis"]);
    const white = body[0].rule as Extract<
      (typeof matrix.conditionalFormats)[0]["rule"],
      { kind: "formula" }
    >;
    expect(white.formula).toContain("ISNUMBER(C6),C6>88,");
    expect(white).toMatchObject({ italic: true, dottedBorder: "#404040", fontColour: "#FFFFFF" });
    expect(white.holds).toEqual([
      [true, false],
      [false, false],
    ]);
  });
});

describe("the legend line of the hypotheses", () => {
  const legendLines = (input: unknown): string[] => {
    const matrix = buildPlan(study(input)).sheets.find((sheet) => sheet.role === "matrix")!;
    return matrix.blocks.flatMap((block) =>
      block.values.flatMap((line) =>
        line.flatMap((cell) => (cell?.kind === "text" ? [cell.text] : []))
      )
    );
  };

  it("says under the matrix what italics and the dotted border mean, in a study with evidence", () => {
    expect(legendLines(EVIDENCED)).toContain(
      "En italique, bordure pointillée : paire notée sans réponses derrière elle (hypothèse). Les autres s'appuient sur des réponses : leur nombre (n) est dans la feuille Évaluation."
    );
  });

  it("is not there without evidence", () => {
    const plain = {
      ...EVIDENCED,
      pairs: EVIDENCED.pairs.map(({ clientele, need }) => ({ clientele, need })),
    };
    expect(legendLines(plain).some((line) => line.includes("pointillée"))).toBe(false);
  });
});

describe("a hypothesis through the other writers", () => {
  it("is applied by the Office.js host as a custom rule in italics with dotted edges", async () => {
    const excel = new FakeExcel(["Feuil1"], { api: "1.9" });
    const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported });
    await host.render(buildPlan(study(EVIDENCED)), await host.readWorkbook());
    const custom = excel.sheet("Matrice").conditionalFormats.filter((f) => f.type === "Custom");
    expect(custom).toHaveLength(1);
    expect(custom[0]).toMatchObject({ italic: true, rect: { row: 6, col: 3, rows: 2, cols: 2 } });
    for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"])
      expect(custom[0].borders?.[side]).toEqual({ style: "Dot", color: "#404040" });
  });

  it("is fixed in the client workbook's cells (italics, dotted border) where the plan says it holds, with the legend line", () => {
    const exported = clientPlan(study(EVIDENCED), { created: new Date(Date.UTC(2026, 0, 1)) });
    const matrix = exported.plan!.sheets.find((sheet) => sheet.role === "matrix")!;
    const looks = (row: number, col: number) =>
      matrix.styles.filter(
        (s) => s.rect.row === row && s.rect.col === col && s.rect.rows === 1 && s.rect.cols === 1
      );
    // (Artisans, Locaux) at C7 is the hypothesis; (Artisans, Financement) at C6 is backed.
    expect(looks(7, 3).some((s) => s.style.italic && s.style.dottedBorder === "#404040")).toBe(
      true
    );
    expect(looks(6, 3).some((s) => s.style.italic || s.style.dottedBorder)).toBe(false);
    const texts = matrix.blocks.flatMap((b) =>
      b.values.flatMap((line) => line.flatMap((cell) => (cell?.kind === "text" ? [cell.text] : [])))
    );
    expect(texts).toContain(
      "En italique, bordure pointillée : paire notée sans réponses derrière elle (hypothèse) ; les autres s'appuient sur des réponses d'enquête ou d'atelier."
    );
  });
});

describe("the client workbook of a study with evidence", () => {
  it("keeps no rule that reads a sheet it does not hold (the hypotheses' rule reads the ratings' n)", () => {
    const exported = clientPlan(study(EVIDENCED), { created: new Date(Date.UTC(2026, 0, 1)) });
    const names = exported.plan!.sheets.map((sheet) => sheet.name);
    expect(names).not.toContain(R);
    for (const sheet of exported.plan!.sheets)
      for (const format of sheet.conditionalFormats)
        if (format.rule.kind === "formula") expect(format.rule.formula).not.toContain(`'${R}'!`);
    // The colour scale stays live beside the fixed fills.
    const matrix = exported.plan!.sheets.find((sheet) => sheet.role === "matrix")!;
    expect(matrix.conditionalFormats.some((f) => f.rule.kind === "colourScale")).toBe(true);
  });
});
