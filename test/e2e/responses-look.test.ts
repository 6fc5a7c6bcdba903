/**
 * The matrix's hypothesis look, live in a real spreadsheet: LibreOffice evaluates the rule's
 * formula (placed in check cells, with the matrix cell's row and column written out) on the
 * built workbook, before and after the consultant empties one pair's n; then LibreOffice prints the
 * workbook and the hypotheses' scores come out in italics, and only theirs.
 */
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { promisify } from "util";
import { buildPlan } from "../../src/layout";
import { clientPlan } from "../../src/layout/export";
import { WorkbookPlan } from "../../src/layout/plan";
import { RATINGS } from "../../src/layout/sheets/ratings";
import { planToBuffer } from "../../src/hosts/xlsx/file";
import { recalculate, toPdf, toPdfAll } from "../support/libreoffice";
import { study, tempDir } from "../support/workbooks";

const run = promisify(execFile);
jest.setTimeout(180000);

const STUDY = study({
  language: "fr",
  clienteles: ["Artisans", "Banques"],
  needs: ["Financement", "Locaux"],
  pairs: [
    {
      clientele: "Artisans",
      need: "Financement",
      perception: 4,
      impact: 3,
      evidence: { n: 12, feel: 0.75 },
    },
    { clientele: "Artisans", need: "Locaux", perception: 2, impact: 2 },
    { clientele: "Banques", need: "Locaux", perception: 1, impact: 1, evidence: { n: 3, feel: 1 } },
  ],
  weights: { perception: 1, impact: 1 },
});

it("italicises exactly the scored pairs whose ratings row has no n, and follows n when it is emptied", async () => {
  const dir = await tempDir();
  try {
    const plan = buildPlan(STUDY);
    const matrix = plan.sheets.find((sheet) => sheet.role === "matrix")!;
    const format = matrix.conditionalFormats.find(
      (f) => f.rule.kind === "formula" && f.rule.italic
    )!;
    const rule = format.rule as { formula: string };
    const { row, col } = format.rect;
    const checkFormula = (r: number, c: number): string =>
      rule.formula
        .replace(/C6/g, `'${matrix.name}'!${String.fromCharCode(64 + c)}${r}`)
        .replace("ROW()", String(r))
        .replace("COLUMN()", String(c));
    const built = path.join(dir, "built.xlsx");
    await fs.writeFile(built, await planToBuffer(plan));

    const looks = async (emptyFirstN: boolean): Promise<unknown[][]> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(built);
      if (emptyFirstN) workbook.getWorksheet("Évaluation")!.getCell("I5").value = null;
      const check = workbook.addWorksheet("Check");
      for (let n = 0; n < 2; n++)
        for (let c = 0; c < 2; c++)
          // Text results, so that a result left out (not calculated) cannot pass for false.
          check.getCell(n + 1, c + 1).value = {
            formula: `IF(${checkFormula(row + n, col + c)},"italic","plain")`,
          };
      const edited = path.join(dir, emptyFirstN ? "emptied.xlsx" : "edited.xlsx");
      await workbook.xlsx.writeFile(edited);
      const recalculated = new ExcelJS.Workbook();
      await recalculated.xlsx.readFile(await recalculate(edited));
      const sheet = recalculated.getWorksheet("Check")!;
      return [0, 1].map((n) =>
        [0, 1].map((c) => {
          const value = sheet.getCell(n + 1, c + 1).value as { result?: unknown } | null;
          const result = value && typeof value === "object" ? value.result : value;
          // A rule whose formula fails (no ratings row: the pair is not ticked) does not apply.
          if (result && typeof result === "object" && "error" in result) return false;
          return result === "italic" ? true : result === "plain" ? false : result;
        })
      );
    };
    // Needs by clientèles: (Artisans, Locaux) is the one scored pair without responses.
    expect(await looks(false)).toEqual([
      [false, false],
      [true, false],
    ]);
    expect(format.rule.kind === "formula" && format.rule.holds).toEqual([
      [false, false],
      [true, false],
    ]);
    // n emptied for (Artisans, Financement): it is a hypothesis again, at once.
    expect(await looks(true)).toEqual([
      [true, false],
      [true, false],
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** The texts LibreOffice prints in italics, from poppler's XML of the PDF (`<i>` marks them). */
async function italicTexts(pdf: string): Promise<Set<string>> {
  const { stdout } = await run("pdftohtml", ["-xml", "-i", "-stdout", pdf], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const italic = new Set<string>();
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("<text ") || !line.includes("<i>")) continue;
    italic.add(
      line.slice(line.indexOf(">") + 1, line.lastIndexOf("</text>")).replace(/<[^>]*>/g, "")
    );
  }
  return italic;
}

it("prints a hypothesis's score in italics through LibreOffice, follows n when it is emptied, and keeps it in the client workbook", async () => {
  // Scores no other cell of the matrix sheet shows in italics (nor the legend's 0 25 50 75 100).
  const scored = study({
    language: "fr",
    clienteles: ["Artisans", "Banques"],
    needs: ["Financement", "Locaux"],
    pairs: [
      {
        clientele: "Artisans",
        need: "Financement",
        perception: 3,
        impact: 3,
        evidence: { n: 12, feel: 0.75 },
      },
      { clientele: "Artisans", need: "Locaux", perception: 2, impact: 3 },
      {
        clientele: "Banques",
        need: "Locaux",
        perception: 1,
        impact: 2,
        evidence: { n: 3, feel: 1 },
      },
    ],
    weights: { perception: 1, impact: 1 },
  });
  const dir = await tempDir();
  try {
    const plan = buildPlan(scored);
    // The consultant empties n of (Artisans, Financement), the ratings table's first row: the file
    // differs from the built one in that cell only.
    const emptied: WorkbookPlan = {
      ...plan,
      sheets: plan.sheets.map((sheet) =>
        sheet.role !== "ratings"
          ? sheet
          : {
              ...sheet,
              blocks: sheet.blocks.map((block) => ({
                ...block,
                values: block.values.map((line, i) =>
                  line.map((cell, j) =>
                    block.row + i === RATINGS.firstRow && block.col + j === RATINGS.cols.respondents
                      ? null
                      : cell
                  )
                ),
              })),
            }
      ),
    };
    const built = path.join(dir, "built.xlsx");
    const edited = path.join(dir, "emptied.xlsx");
    await fs.writeFile(built, await planToBuffer(plan));
    await fs.writeFile(edited, await planToBuffer(emptied));
    expect(
      emptied.sheets
        .find((s) => s.role === "ratings")!
        .blocks.some((b) =>
          b.values.some((line) => line.some((cell) => cell?.kind === "number" && cell.value === 12))
        )
    ).toBe(false);
    // The client workbook fixes the look in the cells: its PDF shows it without any rule.
    const client = path.join(dir, "client.xlsx");
    const exported = clientPlan(scored, {
      parts: ["matrix"],
      created: new Date(Date.UTC(2026, 0, 1)),
    });
    await fs.writeFile(client, await planToBuffer(exported.plan!));
    const pdfs = await toPdfAll([built, edited, client]);
    const before = await italicTexts(pdfs.get(built)!);
    const after = await italicTexts(pdfs.get(edited)!);
    const delivered = await italicTexts(pdfs.get(client)!);
    expect(["56", "38", "13"].filter((score) => delivered.has(score))).toEqual(["38"]);
    // 56 backed (n = 12), 38 a hypothesis, 13 backed (n = 3); the legend says what italics mean.
    expect(["56", "38", "13"].filter((score) => before.has(score))).toEqual(["38"]);
    expect([...before].some((line) => line.startsWith("En italique, bordure pointillée"))).toBe(
      true
    );
    expect(["56", "38", "13"].filter((score) => after.has(score))).toEqual(["56", "38"]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** Each text LibreOffice prints on a page: italic or not, and its colour (poppler's font specs). */
async function printedTexts(
  pdf: string,
  page: number
): Promise<{ text: string; italic: boolean; colour: string }[]> {
  const { stdout } = await run(
    "pdftohtml",
    ["-xml", "-i", "-stdout", "-f", `${page}`, "-l", `${page}`, pdf],
    {
      maxBuffer: 64 * 1024 * 1024,
    }
  );
  const colours = new Map<string, string>();
  const texts: { text: string; italic: boolean; colour: string }[] = [];
  for (const line of stdout.split("\n")) {
    const spec = /<fontspec id="(\d+)"[^>]* color="(#[0-9a-f]{6})"/.exec(line);
    if (spec) colours.set(spec[1], spec[2]);
    const font = /^<text [^>]*font="(\d+)"/.exec(line);
    if (!font) continue;
    const inner = line.slice(line.indexOf(">") + 1, line.lastIndexOf("</text>"));
    texts.push({
      text: inner.replace(/<[^>]*>/g, ""),
      italic: inner.includes("<i>"),
      colour: colours.get(font[1]) ?? "?",
    });
  }
  return texts;
}

it("prints a hypothesis among the scores the colour-blind palette writes in white in italics and white (its own rule, first)", async () => {
  const blind = study({
    language: "fr",
    palette: "colourblind",
    clienteles: ["Artisans", "Banques"],
    needs: ["Financement", "Locaux"],
    pairs: [
      { clientele: "Artisans", need: "Financement", perception: 4, impact: 4 },
      {
        clientele: "Artisans",
        need: "Locaux",
        perception: 2,
        impact: 3,
        evidence: { n: 3, feel: 1 },
      },
      {
        clientele: "Banques",
        need: "Locaux",
        perception: 4,
        impact: 4,
        evidence: { n: 3, feel: 1 },
      },
    ],
    weights: { perception: 1, impact: 1 },
  });
  const dir = await tempDir();
  try {
    const built = path.join(dir, "blind.xlsx");
    await fs.writeFile(built, await planToBuffer(buildPlan(blind)));
    // The matrix is the third sheet, printed on the third page.
    const texts = await printedTexts(await toPdf(built), 3);
    const scores = texts.filter((t) => t.text === "100" || t.text === "38");
    // Reading order: (Artisans, Financement) 100, then the row of Locaux: 38, 100; then the legend's 100.
    expect(scores.slice(0, 3)).toEqual([
      { text: "100", italic: true, colour: "#ffffff" },
      { text: "38", italic: false, colour: "#000000" },
      { text: "100", italic: false, colour: "#ffffff" },
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
