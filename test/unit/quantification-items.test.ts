/**
 * The checklist's quantification items follow their figures (issue 17 item 6): on the checklist,
 * a line per figure saying whether it is entered and the items in orange where item and figure
 * disagree (the rule's `holds`, which an export fixes in the cells); the study reads back the same.
 */
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { cellText } from "../../src/layout/grids";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { CHECKLIST } from "../../src/layout/sheets/checklist";
import { Study } from "../../src/method/study";
import { validStudy } from "../support/advice-studies";

const OK = Array(11).fill("à faire");
/** Item 8 size, 9 frequency, 10 basket. */
const checklist = (size: string, frequency: string, basket: string): string[] => [
  ...OK.slice(0, 8),
  size,
  frequency,
  basket,
];

const quantified: Study = validStudy({
  language: "fr",
  clienteles: ["c1", "c2"],
  needs: ["n1"],
  pairs: [{ clientele: "c1", need: "n1" }],
  segments: [
    // Figures entered, items not Ok: size and frequency disagree; basket Ok with its figure.
    {
      name: "Chiffré",
      size: 10,
      frequency: 2,
      basket: 5,
      checklist: checklist("à faire", "en cours", "ok"),
    },
    // Items Ok, figures missing: size and basket disagree; frequency Ok with its figure.
    { name: "Coché", frequency: 1, checklist: checklist("ok", "ok", "ok") },
    { name: "D'accord", checklist: checklist("à faire", "à analyser", "à faire") },
  ],
});

describe("quantification items on the checklist", () => {
  const plan = buildPlan(quantified);
  const sheet = plan.sheets.find((s) => s.role === "checklist")!;

  it("paints in orange exactly the items that disagree with their figures", () => {
    const rules = sheet.conditionalFormats.filter(
      (f) => f.rule.kind === "formula" && f.rule.fill === "#F4B183"
    );
    // One rule over the three items (size, frequency, basket), one row each.
    expect(rules.map((f) => f.rect)).toEqual([
      { row: CHECKLIST.firstRow + 8, col: CHECKLIST.firstCol, rows: 3, cols: 3 },
    ]);
    const holds = rules[0].rule.kind === "formula" ? rules[0].rule.holds : undefined;
    expect(holds).toEqual([
      [true, true, false],
      [true, false, false],
      [false, true, false],
    ]);
    // Before the statuses' own fills, so that it shows over them.
    expect(sheet.conditionalFormats.indexOf(rules[0])).toBe(0);
  });

  it("says under the counts whether each figure is entered, in the study's language", () => {
    const grids = planGrids(plan);
    const grid = grids.sheets.find((g) => g.name === sheet.name)!;
    const label = WORKBOOK_TEXTS.fr.checklist.figureEntered;
    const rows = grid.values
      .map((row, i) => ({ row: i, label: cellText(row[CHECKLIST.itemCol - 1] ?? null) }))
      .filter((line) => line.label.startsWith(label));
    expect(rows.map((line) => line.label)).toEqual([
      `${label} taille`,
      `${label} fréquence d'achat`,
      `${label} panier moyen`,
    ]);
    const marks = rows.map((line) =>
      [0, 1, 2].map((j) => cellText(grid.values[line.row][CHECKLIST.firstCol - 1 + j] ?? null))
    );
    expect(marks).toEqual([
      ["✓", "—", "—"],
      ["✓", "✓", "—"],
      ["✓", "—", "—"],
    ]);
  });

  it("is not read back: the study reads back the same", () => {
    const read = readStudy(planGrids(plan));
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.study).toEqual(quantified);
  });
});
