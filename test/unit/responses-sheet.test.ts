/**
 * The *Réponses* sheet's plan (layout/sheets/responses.ts) and its round trip: its headers in both
 * languages as an Excel table under a title and instructions, read back by the same reader as a
 * responses file (the header row found under the instructions, rows numbered as Excel numbers
 * them); a study workbook holding it, as the pane leaves it (not in the add-in's state), still reads
 * as its study, and `responses WORKBOOK.xlsx` takes the rows of that sheet, not of the first one.
 */
import { promises as fs } from "fs";
import path from "path";
import { readResponseTable } from "../../src/analysis/responses";
import { runCli } from "../../src/cli/main";
import { readWorkbookFile } from "../../src/hosts/xlsx/file";
import { planToXlsx } from "../../src/hosts/xlsx/render";
import { buildPlan, readStudy } from "../../src/layout";
import { RESPONSES_TABLE } from "../../src/layout/names";
import { planGrids } from "../../src/layout/plan-grids";
import { CellValue, WorkbookPlan, num, text } from "../../src/layout/plan";
import {
  RESPONSES_SHEET,
  responsesHeaders,
  responsesSheetPlan,
} from "../../src/layout/sheets/responses";
import { STATE_NAMESPACE, planState, stateToXml } from "../../src/layout/state";
import { Study } from "../../src/method/study";
import { validateStudy } from "../../src/method/validate";
import { tempDir } from "../support/workbooks";

const STUDY: Study = validateStudy({
  language: "fr",
  clienteles: ["Artisans", "Banques"],
  needs: ["Financement", "Locaux"],
  pairs: [{ clientele: "Artisans", need: "Financement", perception: 2, impact: 2 }],
  weights: { perception: 1, impact: 1 },
}).study!;

const ROWS: CellValue[][] = [
  [text("p1"), text("Banques"), text("Locaux"), text("X"), num(4), text("Fort"), null],
  [text("p2"), text("Banques"), text("Locaux"), text("non"), null, null, null],
  [text("p3"), text("Banques"), text("Locaux"), text("oui"), num(2), num(3), text("Faible")],
];

/** The study's workbook with the Réponses sheet after it, rows pasted; the state the build's. */
function workbookWithResponses(): { plan: WorkbookPlan; studyPlan: WorkbookPlan } {
  const studyPlan = buildPlan(STUDY);
  const sheet = responsesSheetPlan("fr");
  sheet.blocks.push({ row: RESPONSES_SHEET.firstRow, col: 1, values: ROWS });
  return { plan: { ...studyPlan, sheets: [...studyPlan.sheets, sheet] }, studyPlan };
}

describe("the Réponses sheet", () => {
  it("plans its headers as a table under a title and instructions, in each language", () => {
    const fr = responsesSheetPlan("fr");
    expect(fr.name).toBe("Réponses");
    expect(fr.role).toBe("responses");
    expect(responsesHeaders("fr")).toEqual([
      "Répondant",
      "Clientèle",
      "Besoin",
      "Ressent",
      "Perception",
      "Impact",
      "Concurrence",
    ]);
    expect(responsesHeaders("en")).toEqual([
      "Respondent",
      "Clientele",
      "Need",
      "Feels",
      "Perception",
      "Impact",
      "Competition",
    ]);
    expect(fr.tables).toEqual([
      {
        name: RESPONSES_TABLE,
        rect: { row: RESPONSES_SHEET.headerRow, col: 1, rows: 2, cols: 7 },
        headers: responsesHeaders("fr"),
        style: "TableStyleMedium2",
      },
    ]);
    const grid = planGrids({ language: "fr", sheets: [fr], names: [], activeSheet: "responses" });
    const values = grid.sheets[0].values;
    expect(values[RESPONSES_SHEET.headerRow - 1]).toEqual(responsesHeaders("fr"));
    // The instructions state the scales' ranges, taken from the method.
    expect(String(values[RESPONSES_SHEET.firstInstructionRow - 1][0])).toMatch(
      /perception \(1 à 4\), impact \(1 à 4\), concurrence \(0 à 4\)/
    );
    expect(responsesSheetPlan("en").name).toBe("Responses");
    // The empty sheet reads as "no responses yet", never as a header problem.
    expect(readResponseTable(values, "Réponses").problems.map((p) => p.code)).toEqual([
      "responses-no-rows",
    ]);
  });

  it("reads back what was pasted, rows numbered as in Excel", () => {
    const { plan } = workbookWithResponses();
    const grids = planGrids(plan);
    const sheet = grids.sheets.find((s) => s.name === "Réponses")!;
    const table = readResponseTable(sheet.values, "Réponses");
    expect(table.problems).toEqual([]);
    expect(table.rows.map((row) => [row.row, row.respondent, row.feels, row.levels])).toEqual([
      [6, "p1", true, { perception: 4, impact: 4 }],
      [7, "p2", false, {}],
      [8, "p3", true, { perception: 2, impact: 3, competition: 1 }],
    ]);
  });

  it("finds a file's headers under a title line, and says a missing column at the header row", () => {
    const titled = readResponseTable(
      [
        ["Atelier du 3 mai"],
        [],
        ["respondent", "clientele", "need", "feels"],
        ["p1", "Banques", "Locaux", "yes"],
      ],
      "votes.csv"
    );
    expect(titled.problems).toEqual([]);
    expect(titled.rows.map((row) => row.row)).toEqual([4]);
    // An export pasted with its own headers under the sheet's: the repeat is no answer.
    const pasted = readResponseTable(
      [
        ["Répondant", "Clientèle", "Besoin", "Ressent"],
        ["respondent", "Clientele", "NEED", "feels", "age"],
        ["p1", "Banques", "Locaux", "yes", "42"],
      ],
      "Réponses"
    );
    expect(pasted.problems).toEqual([]);
    expect(pasted.rows.map((row) => row.row)).toEqual([3]);
    const missing = readResponseTable(
      [["Atelier"], ["respondent", "clientele", "need"], ["p1", "Banques", "Locaux"]],
      "votes.csv",
      (row) => ({ sheet: "Votes", cell: `A${row}` })
    );
    expect(missing.problems.map((p) => [p.code, p.location])).toEqual([
      ["responses-column-missing", { sheet: "Votes", cell: "A2" }],
    ]);
  });

  describe("in a study workbook file", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await tempDir();
    });
    afterEach(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it("still reads as its study, and gives its rows to `responses WORKBOOK.xlsx`", async () => {
      const { plan, studyPlan } = workbookWithResponses();
      const file = path.join(dir, "étude.xlsx");
      // As the pane leaves it: the add-in's state lists the study's sheets, not the consultant's.
      await fs.writeFile(
        file,
        await planToXlsx(plan, {
          customXml: { xml: stateToXml(planState(studyPlan)), namespace: STATE_NAMESPACE },
        })
      );
      const { grids } = await readWorkbookFile(file);
      expect(grids.sheets.map((s) => s.name)).not.toContain("Réponses");
      const read = readStudy(grids);
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.study).toEqual(STUDY);

      const studyFile = path.join(dir, "étude.json");
      await fs.writeFile(studyFile, JSON.stringify(STUDY));
      const output = path.join(dir, "étude2.json");
      const err: string[] = [];
      const code = await runCli(["responses", file, "--study", studyFile, "-o", output], {
        out: () => undefined,
        err: (line) => err.push(line),
      });
      expect(err).toEqual([
        "1 paire appuyée par 3 répondants (3 lignes comptées) : 1 cochée, 0 non cochée (seuil 50 %)",
        expect.any(String),
        expect.any(String),
      ]);
      expect(code).toBe(0);
      const written = validateStudy(JSON.parse(await fs.readFile(output, "utf8"))).study!;
      expect(written.pairs.find((p) => p.clientele === "Banques")).toEqual({
        clientele: "Banques",
        need: "Locaux",
        perception: 3, // 4 and 2 from the two who feel it
        impact: 4, // 4 ("Fort") and 3: half up
        competition: 1,
        evidence: { n: 3, feel: 2 / 3, source: "étude.xlsx" },
      });

      // The sheet is the consultant's: `build` over the workbook refuses to replace it, named.
      const refused: string[] = [];
      const before = await fs.readFile(file);
      const buildCode = await runCli(["build", output, "-o", file], {
        out: () => undefined,
        err: (line) => refused.push(line),
      });
      expect(buildCode).not.toBe(0);
      expect(refused.join("\n")).toMatch(/holds sheets Segment Matrix did not create \(Réponses\)/);
      expect(await fs.readFile(file)).toEqual(before);
    });
  });
});
