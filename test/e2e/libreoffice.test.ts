/**
 * End to end through a real spreadsheet application: build with the CLI, let LibreOffice
 * recalculate every formula, then check scores, ticks, names, colour scales and dropdowns.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import { pairScore } from "../../src/method/score";
import { Study, pairKey } from "../../src/method/study";
import { PERCEPTION, IMPACT } from "../../src/method/levels";
import { readStudy } from "../../src/layout";
import { matrixCellFormula } from "../../src/layout/sheets/matrix";
import { squareStudy } from "../../bench/studies";
import { recalculate } from "../support/libreoffice";
import {
  buildFile,
  gridsOf,
  load,
  namedValues,
  readExample,
  study,
  tempDir,
} from "../support/workbooks";

jest.setTimeout(180000);

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** Expected matrix: the TypeScript score for rated ticked pairs, null elsewhere. */
function expectedMatrix(s: Study): (number | null)[][] {
  const pairs = new Map(s.pairs.map((p) => [pairKey(p.clientele, p.need), p]));
  return s.needs.map((need) =>
    s.clienteles.map((clientele) => {
      const pair = pairs.get(pairKey(clientele.name, need.name));
      return pair && pair.perception !== undefined && pair.impact !== undefined
        ? pairScore(pair.perception, pair.impact, s.weights)
        : null;
    })
  );
}

/** LibreOffice writes an empty-string formula result as "" or leaves it out; both mean "no number". */
function numbersOnly(rows: unknown[][]): (number | null)[][] {
  return rows.map((line) => line.map((v) => (typeof v === "number" ? v : null)));
}

describe("the worked example, built by the CLI and recalculated by LibreOffice", () => {
  let dir: string;
  let example: Study;
  let recalculated: ExcelJS.Workbook;
  let recalculatedFile: string;
  let built: string;

  beforeAll(async () => {
    dir = await tempDir();
    example = study(await readExample("exemple-incubateur.json"));
    built = path.join(dir, "exemple.xlsx");
    const result = await cli(
      "build",
      path.join(__dirname, "..", "..", "examples", "exemple-incubateur.json"),
      "-o",
      built
    );
    expect(result.code).toBe(0);
    expect(result.out).toEqual([built]);
    recalculatedFile = await recalculate(built);
    recalculated = await load(recalculatedFile);
  });

  it("computes every score of the 13 × 13 matrix as the method says", () => {
    const scores = numbersOnly(namedValues(recalculated, "SM_Matrix"));
    expect(scores).toEqual(expectedMatrix(example));
    expect(scores.flat().filter((v) => v !== null)).toHaveLength(47);
  });

  it("stores in the file itself the values LibreOffice computes, for viewers that do not calculate", async () => {
    const original = await load(built);
    // An empty text result and no value both mean "no number" to a reader.
    const blank = (rows: unknown[][]): unknown[][] =>
      rows.map((line) => line.map((v) => (v === "" ? null : v)));
    for (const name of [
      "SM_Matrix",
      "SM_MatrixClienteles",
      "SM_MatrixNeeds",
      "SM_RatingScores",
      "SM_RatingKeys",
    ]) {
      expect(blank(namedValues(original, name))).toEqual(blank(namedValues(recalculated, name)));
    }
    expect(numbersOnly(namedValues(original, "SM_Matrix"))).toEqual(expectedMatrix(example));
  });

  it("holds the tick table of the method, in order, under SM_Ticks", () => {
    const ticks = namedValues(recalculated, "SM_Ticks");
    expect(ticks).toHaveLength(13);
    const ticked = ticks.map((row) => row.map((v, i) => (v === "X" ? i + 1 : 0)).filter(Boolean));
    expect(ticked).toEqual([
      [1, 13],
      [1, 5],
      [1, 4, 5, 6, 11, 12],
      [1, 5, 6, 11, 12],
      [2, 3, 13],
      [1, 4, 5],
      [7, 9, 10],
      [6, 7, 8, 9, 10],
      [6, 7, 9, 10],
      [6, 7, 8, 10],
      [1, 6, 8, 10, 11, 12, 13],
      [6, 7],
      [13],
    ]);
  });

  it("names the matrix headers in the order of the tick table", () => {
    expect(namedValues(recalculated, "SM_MatrixClienteles")).toEqual([
      example.clienteles.map((c) => c.name),
    ]);
    expect(namedValues(recalculated, "SM_MatrixNeeds")).toEqual(example.needs.map((n) => [n.name]));
    expect(namedValues(recalculated, "SM_WeightPerception")).toEqual([[1]]);
    expect(namedValues(recalculated, "SM_WeightImpact")).toEqual([[1]]);
  });

  it("keeps the defined names with the same shapes", () => {
    const shape = (name: string): [number, number] => {
      const values = namedValues(recalculated, name);
      return [values.length, values[0].length];
    };
    expect(shape("SM_Matrix")).toEqual([13, 13]);
    expect(shape("SM_Ticks")).toEqual([13, 13]);
    expect(shape("SM_MatrixClienteles")).toEqual([1, 13]);
    expect(shape("SM_MatrixNeeds")).toEqual([13, 1]);
  });

  it("puts the same short formula in every matrix cell, ticked or not; the score is the ratings'", async () => {
    const original = await load(built);
    const matrix = original.getWorksheet("Matrice")!;
    for (let r = 6; r < 6 + 13; r++)
      for (let c = 3; c < 3 + 13; c++)
        expect(matrix.getCell(r, c).formula).toBe(matrixCellFormula());
    const ratings = original.getWorksheet("Évaluation")!;
    expect(ratings.getCell("F5").formula).toMatch(/ROUND\(100\*/);
    // The keys are hidden: they are for the matrix, not for reading.
    expect(ratings.getColumn(8).hidden).toBe(true);
    expect(recalculated.getWorksheet("Évaluation")!.getColumn(8).hidden).toBe(true);
  });

  it("keeps the 3-colour scale on the whole matrix after LibreOffice saved it", () => {
    const matrix = recalculated.getWorksheet("Matrice")!;
    const formats = (
      matrix as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    const scale = formats.find((f) => f.ref.replace(/\$/g, "") === "C6:O18");
    expect(scale).toBeDefined();
    const rule = scale!.rules[0] as ExcelJS.ColorScaleRuleType;
    expect(rule.type).toBe("colorScale");
    expect(rule.cfvo?.map((c) => [c.type, Number(c.value)])).toEqual([
      ["num", 0],
      ["num", 50],
      ["num", 100],
    ]);
    expect(rule.color?.map((c) => c.argb?.slice(-6).toUpperCase())).toEqual([
      "C55A11",
      "FFEB84",
      "548235",
    ]);
  });

  it("keeps the dropdowns: X in the tick table, level labels in the ratings", () => {
    const ticks = recalculated.getWorksheet("Qui ressent quoi")!;
    const tick = ticks.getCell("D7").dataValidation;
    expect(tick.type).toBe("list");
    expect(tick.formulae?.[0]).toBe('"X"');
    const ratings = recalculated.getWorksheet("Évaluation")!;
    expect(ratings.getCell("C5").dataValidation).toMatchObject({ type: "list" });
    expect(ratings.getCell("C5").dataValidation.formulae?.[0]).toMatch(/SM_PerceptionLevels/);
    expect(ratings.getCell("D5").dataValidation.formulae?.[0]).toMatch(/SM_ImpactLevels/);
    expect(ratings.getCell("E5").dataValidation.formulae?.[0]).toMatch(/SM_CompetitionLevels/);
    expect(namedValues(recalculated, "SM_PerceptionLevels").flat()).toEqual(
      PERCEPTION.levels.map((l) => l.fr)
    );
    expect(namedValues(recalculated, "SM_ImpactLevels").flat()).toEqual(
      IMPACT.levels.map((l) => l.fr)
    );
  });

  it("writes the ratings table SM_Ratings with the columns in the agreed order", async () => {
    const original = await load(built);
    const sheet = original.getWorksheet("Évaluation")!;
    const table = sheet.getTable("SM_Ratings") as unknown as {
      table: { tableRef: string; columns: { name: string }[] };
    };
    expect(table.table.columns.map((c) => c.name)).toEqual([
      "Clientèle",
      "Besoin",
      "Perception",
      "Impact",
      "Concurrence",
      "Score",
      "Commentaire",
      "Case de la matrice",
    ]);
    expect(table.table.tableRef).toBe("A4:H51");
    const first = example.pairs[0];
    expect([sheet.getCell("A5").value, sheet.getCell("B5").value]).toEqual([
      first.clientele,
      first.need,
    ]);
    expect(sheet.getCell("C5").value).toBe(PERCEPTION.levels[first.perception! - 1].fr);
  });

  it("computes the same score in the ratings table as in the matrix", () => {
    const sheet = recalculated.getWorksheet("Évaluation")!;
    const expected = new Map(
      example.pairs.map((p) => [
        pairKey(p.clientele, p.need),
        pairScore(p.perception!, p.impact!, example.weights),
      ])
    );
    for (let row = 5; row < 5 + 47; row++) {
      const key = pairKey(String(sheet.getCell(row, 1).value), String(sheet.getCell(row, 2).value));
      expect([key, sheet.getCell(row, 6).result ?? sheet.getCell(row, 6).value]).toEqual([
        key,
        expected.get(key),
      ]);
    }
  });

  it("reads back, after LibreOffice, into the same study", async () => {
    const { study: back, problems } = readStudy(await gridsOf(recalculatedFile));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(back).toEqual(example);
  });
});

describe("a consultant's edits in the file", () => {
  it("rates a pair, changes a weight, ticks a new pair by hand: scores and read follow", async () => {
    const dir = await tempDir();
    const input = study({
      clienteles: ["Commuters", "Students"],
      needs: ["Fix a flat", "Cheap parts"],
      pairs: [
        { clientele: "Commuters", need: "Fix a flat", perception: 4, impact: 4 },
        { clientele: "Students", need: "Cheap parts" },
      ],
    });
    const file = await buildFile(input, dir);
    const workbook = await load(file);
    const ratings = workbook.getWorksheet("Évaluation")!;
    // Row 6 is (Students, Cheap parts): the consultant rates it.
    expect(ratings.getCell("A6").value).toBe("Students");
    ratings.getCell("C6").value = "Ressenti moyen";
    ratings.getCell("D6").value = "Faible";
    // Weight of the impact from 1 to 2.
    workbook.getWorksheet("Paramètres")!.getCell("B9").value = 2;
    // A new tick (Commuters, Cheap parts) and its ratings row typed under the table.
    workbook.getWorksheet("Qui ressent quoi")!.getCell("C7").value = "x";
    ratings.getCell("A7").value = "commuters";
    ratings.getCell("B7").value = "Cheap parts";
    ratings.getCell("C7").value = "Inconscient";
    ratings.getCell("D7").value = "Fort";
    const edited = path.join(dir, "edited.xlsx");
    await workbook.xlsx.writeFile(edited);

    const recalculatedFile = await recalculate(edited);
    const recalculated = await load(recalculatedFile);
    const weights = { perception: 1, impact: 2 };
    expect(numbersOnly(namedValues(recalculated, "SM_Matrix"))).toEqual([
      [pairScore(4, 4, weights), null],
      [pairScore(1, 4, weights), pairScore(3, 2, weights)],
    ]);
    expect(pairScore(3, 2, weights)).toBe(19);

    const { study: back } = readStudy(await gridsOf(recalculatedFile));
    expect(back?.weights).toEqual(weights);
    expect(back?.pairs).toEqual([
      { clientele: "Commuters", need: "Fix a flat", perception: 4, impact: 4 },
      { clientele: "Commuters", need: "Cheap parts", perception: 1, impact: 4 },
      { clientele: "Students", need: "Cheap parts", perception: 3, impact: 2 },
    ]);

    // read → build again: the new pair gets its own ratings row and everything typed is kept.
    const json = path.join(dir, "back.json");
    expect((await cli("read", edited, "-o", json)).code).toBe(0);
    const rebuilt = path.join(dir, "rebuilt.xlsx");
    expect((await cli("build", json, "-o", rebuilt)).code).toBe(0);
    const again = await load(await recalculate(rebuilt));
    expect(numbersOnly(namedValues(again, "SM_Matrix"))).toEqual([
      [100, null],
      [25, 19],
    ]);
  });
});

describe("live lookups after edits in the file", () => {
  it("follows ticks removed and added, rows sorted, rows typed far under the table, a pair rated twice", async () => {
    const dir = await tempDir();
    const input = study({
      clienteles: ["A*", "b?", "~c"],
      needs: ["<n1>", "=n2", 'n"3"'],
      pairs: [
        { clientele: "A*", need: "<n1>", perception: 4, impact: 4 },
        { clientele: "A*", need: "=n2", perception: 2, impact: 3 },
        { clientele: "b?", need: "=n2", perception: 1, impact: 2 },
        { clientele: "~c", need: 'n"3"', perception: 3, impact: 3 },
      ],
    });
    const file = await buildFile(input, dir);
    const workbook = await load(file);
    const ticks = workbook.getWorksheet("Qui ressent quoi")!;
    const ratings = workbook.getWorksheet("Évaluation")!;
    // Rows 5–8: (A*, <n1>), (A*, =n2), (b?, =n2), (~c, n"3"). Sort by hand: swap rows 5 and 8.
    const row = (r: number): ExcelJS.CellValue[] =>
      [1, 2, 3, 4, 5].map((c) => ratings.getCell(r, c).value);
    const [first, last] = [row(5), row(8)];
    [1, 2, 3, 4, 5].forEach((c, i) => {
      ratings.getCell(5, c).value = last[i];
      ratings.getCell(8, c).value = first[i];
    });
    // Untick (b?, =n2): its rated row stays, the matrix must not show it.
    ticks.getCell("D7").value = null;
    // Tick (~c, <n1>) as " x " and rate it 300 rows under the table, names in another case.
    ticks.getCell("E6").value = " x ";
    ratings.getCell(308, 1).value = "~C";
    ratings.getCell(308, 2).value = "<N1>";
    ratings.getCell(308, 3).value = "Ressenti moyen";
    ratings.getCell(308, 4).value = "Faible";
    // Rate (A*, =n2) a second time, under the table: the first row (2, 3) keeps counting.
    ratings.getCell(309, 1).value = "A*";
    ratings.getCell(309, 2).value = "=n2";
    ratings.getCell(309, 3).value = "Fort ressenti";
    ratings.getCell(309, 4).value = "Fort";
    // A row for a pair nobody ticked: no score in the matrix.
    ratings.getCell(310, 1).value = "b?";
    ratings.getCell(310, 2).value = "<n1>";
    ratings.getCell(310, 3).value = "Fort ressenti";
    ratings.getCell(310, 4).value = "Fort";
    workbook.getWorksheet("Paramètres")!.getCell("B8").value = 0.5;
    const edited = path.join(dir, "edited.xlsx");
    await workbook.xlsx.writeFile(edited);

    const recalculatedFile = await recalculate(edited);
    const recalculated = await load(recalculatedFile);
    const weights = { perception: 0.5, impact: 1 };
    expect(numbersOnly(namedValues(recalculated, "SM_Matrix"))).toEqual([
      [pairScore(4, 4, weights), null, pairScore(3, 2, weights)],
      [pairScore(2, 3, weights), null, null],
      [null, null, pairScore(3, 3, weights)],
    ]);
    // The reader refuses the second rating of a pair, naming the row kept.
    const { problems } = readStudy(await gridsOf(recalculatedFile));
    expect(problems.map((p) => [p.code, p.location?.cell])).toEqual(
      expect.arrayContaining([
        ["rating-duplicate", "A309"],
        ["rating-orphan", "A310"],
      ])
    );
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("a larger study", () => {
  it("scores every cell of a 30 × 20 matrix, 40 % ticked, as the method says", async () => {
    const dir = await tempDir();
    const input = squareStudy(30, 20, 0.4);
    // Some ticked pairs left unrated, and other weights, so that empty cells and scores mix.
    input.pairs.forEach((pair, i) => {
      if (i % 7 === 0) delete pair.impact;
    });
    input.weights = { perception: 0.5, impact: 2 };
    const recalculatedFile = await recalculate(await buildFile(input, dir));
    const recalculated = await load(recalculatedFile);
    expect(numbersOnly(namedValues(recalculated, "SM_Matrix"))).toEqual(expectedMatrix(input));
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("keeps every score from 1 to 100 under the heaviest weights, as the method says", async () => {
    const dir = await tempDir();
    const input = squareStudy(4, 4, 1);
    input.pairs.forEach((pair, i) => {
      pair.perception = (i % 4) + 1;
      pair.impact = (Math.floor(i / 4) % 4) + 1;
    });
    input.weights = { perception: 5, impact: 5 };
    const recalculated = await load(await recalculate(await buildFile(input, dir)));
    const scores = numbersOnly(namedValues(recalculated, "SM_Matrix"));
    expect(scores).toEqual(expectedMatrix(input));
    // 100 × (1/4)^5 × (1/4)^5 rounds to 0; the method's scale starts at 1.
    expect(Math.min(...scores.flat().map((score) => score ?? 100))).toBe(1);
    expect(Math.max(...scores.flat().map((score) => score ?? 0))).toBe(100);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("names that spreadsheet functions would read as operators", () => {
  it("matches every name exactly, in LibreOffice's recalculation", async () => {
    const names = [
      "a*",
      "a?",
      "~b",
      "<5 ans",
      "=d",
      "+33",
      "-x",
      "@home",
      "ab",
      "A*B",
      "2024",
      "\"q\" 'it''s'",
      "émoji 🚀",
      "x".repeat(200),
      // MATCH and COUNTIF give up on texts over 255 characters; "=" does not.
      "y".repeat(255),
      "*?~".repeat(85),
    ];
    const needs = ["*", "?", "=1+1", ">=3", "Need", 'say "hi"', "~*".repeat(127) + "~"];
    const pairs = names.flatMap((c, i) =>
      needs
        .filter((_, j) => (i + j) % 2 === 0)
        .map((n, j) => ({
          clientele: c,
          need: n,
          perception: 1 + ((i + j) % 4),
          impact: 1 + ((i * 3 + j) % 4),
        }))
    );
    const input = study({
      clienteles: names,
      needs,
      pairs,
      weights: { perception: 1.5, impact: 0.5 },
    });
    const dir = await tempDir();
    const file = await buildFile(input, dir, "odd.xlsx", "en");
    const recalculatedFile = await recalculate(file);
    const recalculated = await load(recalculatedFile);
    expect(numbersOnly(namedValues(recalculated, "SM_Matrix"))).toEqual(expectedMatrix(input));
    expect(namedValues(recalculated, "SM_MatrixClienteles")).toEqual([names]);
    const { study: back } = readStudy(await gridsOf(recalculatedFile));
    expect(back?.clienteles).toEqual(input.clienteles);
    expect(back?.pairs).toEqual(input.pairs);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("the template flow: typed by hand, then read and build", () => {
  it("turns a filled template into the full workbook, keeping everything typed", async () => {
    const dir = await tempDir();
    const template = path.join(dir, "modele.xlsx");
    expect((await cli("template", "-o", template)).code).toBe(0);

    // The consultant fills the template in a spreadsheet, without the add-in.
    const workbook = await load(template);
    const sheet = workbook.getWorksheet("Qui ressent quoi")!;
    sheet.getCell("C5").value = "Etudiants";
    sheet.getCell("D5").value = "Hautes écoles";
    sheet.getCell("D4").value = "client";
    sheet.getCell("A6").value = "Rédiger un Business plan";
    sheet.getCell("A7").value = "Innover";
    sheet.getCell("B7").value = "opportunité";
    sheet.getCell("C6").value = "X";
    sheet.getCell("D7").value = "x";
    sheet.getCell("C7").value = "X";
    const filled = path.join(dir, "rempli.xlsx");
    await workbook.xlsx.writeFile(filled);

    const json = path.join(dir, "etude.json");
    expect((await cli("read", filled, "-o", json)).code).toBe(0);
    const read = JSON.parse(await fs.readFile(json, "utf8"));
    expect(read).toEqual({
      language: "fr",
      clienteles: ["Etudiants", { name: "Hautes écoles", type: "client" }],
      needs: ["Rédiger un Business plan", { name: "Innover", type: "opportunité" }],
      pairs: [
        { clientele: "Etudiants", need: "Rédiger un Business plan" },
        { clientele: "Etudiants", need: "Innover" },
        { clientele: "Hautes écoles", need: "Innover" },
      ],
      weights: { perception: 1, impact: 1 },
    });

    const full = path.join(dir, "complet.xlsx");
    expect((await cli("build", json, "-o", full)).code).toBe(0);
    const recalculatedFile = await recalculate(full);
    const recalculated = await load(recalculatedFile);
    // Three rating rows are waiting; nothing rated yet, so the matrix shows no number.
    expect(numbersOnly(namedValues(recalculated, "SM_Matrix"))).toEqual([
      [null, null],
      [null, null],
    ]);
    const ratings = recalculated.getWorksheet("Évaluation")!;
    expect(
      [5, 6, 7].map((r) => [ratings.getCell(r, 1).value, ratings.getCell(r, 2).value])
    ).toEqual([
      ["Etudiants", "Rédiger un Business plan"],
      ["Etudiants", "Innover"],
      ["Hautes écoles", "Innover"],
    ]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
