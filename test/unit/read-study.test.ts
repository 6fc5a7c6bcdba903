import { buildPlan, templatePlan } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { GridValue, WorkbookGrids } from "../../src/layout/grids";
import { readStudy } from "../../src/layout";
import { formatProblem } from "../../src/messages";
import { parseRect } from "../../src/layout/a1";
import { study } from "../support/workbooks";

/** Types into a grid as a consultant would: sheet name and A1 address. */
function type(grids: WorkbookGrids, sheet: string, address: string, value: GridValue): void {
  const grid = grids.sheets.find((s) => s.name === sheet);
  const rect = parseRect(address);
  if (!grid || !rect) throw new Error(`${sheet}!${address}`);
  const row = (grid.values[rect.row - 1] ??= []);
  for (let i = 0; i < grid.values.length; i++) grid.values[i] ??= [];
  while (row.length < rect.col - 1) row.push(null);
  row[rect.col - 1] = value;
}

function messages(grids: WorkbookGrids, severity: "error" | "warning" = "error"): string[] {
  return readStudy(grids)
    .problems.filter((p) => p.severity === severity)
    .map((p) => formatProblem(p, "en"));
}

const T = "Qui ressent quoi";
const R = "Évaluation";

describe("readStudy from a template filled by hand", () => {
  it("picks up names, X's in any case, types in either language and the weights", () => {
    const grids = planGrids(templatePlan("fr"));
    type(grids, T, "C5", "Etudiants");
    type(grids, T, "D5", "  Hautes écoles ");
    type(grids, T, "D4", "direct beneficiary");
    type(grids, T, "A6", "Innover");
    type(grids, T, "B6", "Problème");
    type(grids, T, "A7", "Se former");
    type(grids, T, "C6", "x");
    type(grids, T, "D7", " X ");
    type(grids, T, "D6", "X");
    type(grids, "Paramètres", "B8", 2);
    type(grids, "Paramètres", "B4", "Mon étude");
    const { study: read, problems } = readStudy(grids);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read).toEqual({
      title: "Mon étude",
      language: "fr",
      clienteles: [{ name: "Etudiants" }, { name: "Hautes écoles", type: "bénéficiaire direct" }],
      needs: [{ name: "Innover", type: "problème" }, { name: "Se former" }],
      pairs: [
        { clientele: "Etudiants", need: "Innover" },
        { clientele: "Hautes écoles", need: "Innover" },
        { clientele: "Hautes écoles", need: "Se former" },
      ],
      weights: { perception: 2, impact: 1 },
    });
  });

  it("reads names typed past the table the add-in wrote", () => {
    const grids = planGrids(
      buildPlan(study({ clienteles: ["a"], needs: ["n"], pairs: [{ clientele: "a", need: "n" }] }))
    );
    type(grids, T, "D5", "b");
    type(grids, T, "A7", "m");
    type(grids, T, "D7", "X");
    const { study: read } = readStudy(grids);
    expect(read?.clienteles.map((c) => c.name)).toEqual(["a", "b"]);
    expect(read?.needs.map((n) => n.name)).toEqual(["n", "m"]);
    expect(read?.pairs).toEqual([
      { clientele: "a", need: "n" },
      { clientele: "b", need: "m" },
    ]);
  });

  it("warns about a clientèle or a need without any X (the method drops them)", () => {
    const grids = planGrids(templatePlan("en"));
    const en = "Who feels what";
    type(grids, en, "C5", "a");
    type(grids, en, "D5", "b");
    type(grids, en, "A6", "n");
    type(grids, en, "A7", "m");
    type(grids, en, "C6", "X");
    expect(messages(grids, "warning")).toEqual([
      "'Who feels what'!D5: the clientèle \"b\" has no X: the method drops it from the project",
      "'Who feels what'!A7: the need \"m\" has no X: the method drops it from the project",
    ]);
  });
});

describe("readStudy names the cell of every problem", () => {
  function filled(): WorkbookGrids {
    return planGrids(
      buildPlan(
        study({
          clienteles: ["a", "b"],
          needs: ["n", "m"],
          pairs: [
            { clientele: "a", need: "n", perception: 2, impact: 3 },
            { clientele: "b", need: "m" },
          ],
        })
      )
    );
  }

  it("refuses a workbook without the tick table", () => {
    expect(
      messages({ sheets: [{ name: "Feuil1", values: [["x"]] }], names: [], tables: [] })[0]
    ).toMatch(/no tick table \(defined name SM_Ticks\)/);
  });

  const cases: [string, (g: WorkbookGrids) => void, string][] = [
    [
      "a tick that is not X",
      (g) => type(g, T, "D6", "oui"),
      `'${T}'!D6: "oui" is not a tick: type X`,
    ],
    [
      "an X under no name",
      (g) => type(g, T, "E6", "X"),
      `'${T}'!E6: X without a clientèle name in E5`,
    ],
    ["an X beside no need", (g) => type(g, T, "C9", "X"), `'${T}'!C9: X without a need name in A9`],
    [
      "a duplicate clientèle",
      (g) => type(g, T, "D5", " A"),
      `'${T}'!D5: clientèle "A" is a duplicate (already in C5`,
    ],
    [
      "a duplicate need",
      (g) => type(g, T, "A7", "N"),
      `'${T}'!A7: need "N" is a duplicate (already in A6`,
    ],
    [
      "an unknown type",
      (g) => type(g, T, "C4", "fournisseur"),
      `'${T}'!C4: unknown type "fournisseur"`,
    ],
    [
      "an unknown level",
      (g) => type(g, R, "C5", "Fort"),
      `'${R}'!C5: "Fort" is not a level of perception of the need`,
    ],
    [
      "a weight that is text",
      (g) => type(g, "Paramètres", "B9", "beaucoup"),
      "'Paramètres'!B9: \"beaucoup\" is not a valid weight",
    ],
    [
      "a weight above 5",
      (g) => type(g, "Paramètres", "B8", 7),
      "'Paramètres'!B8: \"7\" is not a valid weight",
    ],
    [
      "the same pair rated twice",
      (g) => {
        type(g, R, "A7", "a");
        type(g, R, "B7", "n");
      },
      `'${R}'!A7: the pair ("a", "n") is already rated in row 5`,
    ],
  ];
  it.each(cases)("%s", (_label, edit, expected) => {
    const grids = filled();
    edit(grids);
    const errors = messages(grids);
    expect(errors).toHaveLength(1);
    expect(errors[0].startsWith(expected)).toBe(true);
  });

  it("reports, without failing, the rating of a pair that is no longer ticked, with its levels", () => {
    const grids = filled();
    type(grids, T, "C6", null);
    const { study: read, problems } = readStudy(grids);
    expect(read?.pairs).toEqual([{ clientele: "b", need: "m" }]);
    expect(problems.map((p) => formatProblem(p, "en"))).toContain(
      `'${R}'!A5: rating of ("a", "n") dropped: the pair is not ticked (it had perception 2, impact 3)`
    );
  });

  it("reads the ratings through their column's name when the table was dropped", () => {
    const grids = filled();
    grids.tables = [];
    expect(readStudy(grids).study?.pairs[0]).toEqual({
      clientele: "a",
      need: "n",
      perception: 2,
      impact: 3,
    });
  });

  it("accepts English labels and level numbers in a French workbook", () => {
    const grids = filled();
    type(grids, R, "C5", "strongly felt");
    type(grids, R, "D5", 1);
    type(grids, R, "E5", "Très forte");
    expect(readStudy(grids).study?.pairs[0]).toEqual({
      clientele: "a",
      need: "n",
      perception: 4,
      impact: 1,
      competition: 4,
    });
  });

  it("says when the weights cannot be found, and reads with the default ones", () => {
    const grids = filled();
    grids.sheets = grids.sheets.filter((sheet) => sheet.name !== "Paramètres");
    grids.names = grids.names.filter((named) => named.sheet !== "Paramètres");
    const { study: read, problems } = readStudy(grids);
    expect(read?.weights).toEqual({ perception: 1, impact: 1 });
    expect(problems.map((p) => formatProblem(p, "en"))).toEqual([
      "weights not found (SM_WeightPerception, SM_WeightImpact: settings sheet deleted?): the weight 1 is used; rebuild the workbook to get the sheet back",
    ]);
  });
});

describe("segments after clientèle columns moved by hand", () => {
  it("lists a segment's clientèles in the tick table's new order, as validation would", () => {
    const s = study({
      clienteles: ["A", "B", "C"],
      needs: ["N"],
      pairs: [
        { clientele: "A", need: "N" },
        { clientele: "B", need: "N" },
        { clientele: "C", need: "N" },
      ],
      segments: [{ name: "S", clienteles: ["A", "C"] }],
    });
    const grids = planGrids(buildPlan(s));
    // Column A cut and inserted after C: the segments sheet's labels still follow A (its
    // references moved with it), so only the tick table changes.
    type(grids, T, "C5", "B");
    type(grids, T, "D5", "C");
    type(grids, T, "E5", "A");
    const read = readStudy(grids).study;
    expect(read?.clienteles.map((c) => c.name)).toEqual(["B", "C", "A"]);
    expect(read?.segments?.[0].clienteles).toEqual(["C", "A"]);
  });
});
