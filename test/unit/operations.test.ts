import {
  buildFromLists,
  blankTemplate,
  droppedPairs,
  orderFromSheets,
  parseNameList,
  refreshFromSheets,
} from "../../src/app/operations";
import { buildPlan, readStudy, templatePlan } from "../../src/layout";
import { Pair } from "../../src/method/study";
import exampleJson from "../../examples/exemple-incubateur.json";
import { planGrids } from "../../src/layout/plan-grids";
import { WorkbookPlan } from "../../src/layout/plan";
import { WorkbookSnapshot } from "../../src/hosts/host";
import { formatProblem } from "../../src/messages";
import { study } from "../support/workbooks";

function snapshotOf(plan: WorkbookPlan | undefined, foreign: string[] = []): WorkbookSnapshot {
  const grids = plan ? planGrids(plan) : { sheets: [], names: [], tables: [] };
  return {
    sheets: [
      ...foreign.map((name) => ({ name, managed: false })),
      ...grids.sheets.map((s) => ({ name: s.name, managed: true })),
    ],
    grids,
  };
}

const before = study({
  title: "Atelier",
  clienteles: [{ name: "Etudiants", type: "client" }, "Hautes écoles", "Acteurs durables"],
  needs: ["Innover", "Se former"],
  pairs: [
    { clientele: "Etudiants", need: "Innover", perception: 4, impact: 3, comment: "fort" },
    { clientele: "Hautes écoles", need: "Se former", perception: 2, impact: 2, competition: 4 },
    { clientele: "Acteurs durables", need: "Innover", perception: 1 },
  ],
  weights: { perception: 2, impact: 1 },
});

describe("parseNameList", () => {
  it("takes one name per line or per pasted cell and drops blanks", () => {
    expect(parseNameList(" Etudiants \r\n\r\nHautes écoles\tActeurs\n")).toEqual([
      "Etudiants",
      "Hautes écoles",
      "Acteurs",
    ]);
  });
});

describe("buildFromLists", () => {
  it("keeps ticks, ratings, types, title and weights of the pairs that remain", () => {
    const outcome = buildFromLists(
      snapshotOf(buildPlan(before)),
      ["Etudiants", "Hautes écoles", "Grandes entreprises"],
      ["Innover", "Se former", "Vendre"],
      "en"
    );
    expect(outcome.study).toEqual({
      title: "Atelier",
      language: "fr",
      clienteles: [
        { name: "Etudiants", type: "client" },
        { name: "Hautes écoles" },
        { name: "Grandes entreprises" },
      ],
      needs: [{ name: "Innover" }, { name: "Se former" }, { name: "Vendre" }],
      pairs: [
        { clientele: "Etudiants", need: "Innover", perception: 4, impact: 3, comment: "fort" },
        { clientele: "Hautes écoles", need: "Se former", perception: 2, impact: 2, competition: 4 },
      ],
      weights: { perception: 2, impact: 1 },
    });
    expect(outcome.problems.map((p) => formatProblem(p, "en"))).toEqual([
      'pair ("Acteurs durables", "Innover") dropped: clientèle "Acteurs durables" is no longer in the list (it had perception 1)',
    ]);
    expect(outcome.plan?.sheets).toHaveLength(8);
  });

  it("starts a new study in the pane's language when the workbook has none", () => {
    const outcome = buildFromLists(snapshotOf(undefined, ["Budget"]), ["a"], ["n"], "en");
    expect(outcome.study?.language).toBe("en");
    expect(outcome.plan?.sheets.map((s) => s.name)).toEqual([
      "Who feels what",
      "Ratings",
      "Matrix",
      "Segments",
      "Checklist",
      "Targeting",
      "Diagnosis",
      "Settings",
    ]);
  });

  it("refuses duplicate names typed in the pane, naming them", () => {
    const outcome = buildFromLists(snapshotOf(undefined), ["Etudiants", " etudiants"], ["n"], "en");
    expect(outcome.plan).toBeUndefined();
    expect(formatProblem(outcome.problems[0], "en")).toMatch(
      /^Clientèles, line 2: "etudiants" is a duplicate \(same as line 1, ignoring case/
    );
  });
});

describe("droppedPairs", () => {
  it("lists, before building, the pairs a new list would drop, with their ratings", () => {
    expect(
      droppedPairs(before, ["Etudiants", "Hautes écoles", "Acteurs durables"], ["Innover"]).map(
        (p) => formatProblem(p, "fr")
      )
    ).toEqual([
      "la paire (« Hautes écoles », « Se former ») sera retirée (elle avait perception 2, impact 2, concurrence 4)",
    ]);
  });
});

describe("refreshFromSheets and blankTemplate", () => {
  it("refresh rebuilds from the sheets, and needs sheets to read", () => {
    expect(refreshFromSheets(snapshotOf(buildPlan(before))).study).toEqual(before);
    expect(refreshFromSheets(snapshotOf(undefined)).problems[0].code).toBe("nothing-to-refresh");
  });

  it("a blank template never replaces a study", () => {
    expect(blankTemplate(snapshotOf(buildPlan(before)), "fr").plan).toBeUndefined();
    expect(
      blankTemplate(snapshotOf(undefined, ["Feuil1"]), "fr").plan?.sheets.map((s) => s.role)
    ).toEqual(["ticks", "settings"]);
  });
});

describe("buildFromLists over a blank template", () => {
  it("fills the template with the typed lists", () => {
    const outcome = buildFromLists(snapshotOf(templatePlan("fr")), ["a", "b"], ["n"], "fr");
    expect(outcome.problems).toEqual([]);
    expect(outcome.study?.clienteles).toEqual([{ name: "a" }, { name: "b" }]);
    expect(outcome.plan?.sheets).toHaveLength(8);
  });
});

describe("orderFromSheets", () => {
  const example = study(exampleJson);

  it("reorders the workbook by need profile without losing a tick, a rating or a comment", () => {
    const withComment = {
      ...example,
      pairs: example.pairs.map((p, i) => (i === 3 ? { ...p, comment: "vu en atelier" } : p)),
    };
    const outcome = orderFromSheets(snapshotOf(buildPlan(withComment)));
    expect(outcome.problems.filter((p) => p.severity === "error")).toEqual([]);
    const key = (p: Pair): string =>
      JSON.stringify([p.clientele, p.need, p.perception, p.impact, p.competition, p.comment]);
    expect(outcome.study?.pairs.map(key).sort()).toEqual(withComment.pairs.map(key).sort());
    expect(outcome.study?.clienteles.map((c) => c.name)).not.toEqual(
      example.clienteles.map((c) => c.name)
    );
    expect(outcome.ordering?.suggestion?.k).toBe(3);
    // The plan, read back, is the ordered study.
    expect(readStudy(planGrids(outcome.plan as WorkbookPlan)).study).toEqual(outcome.study);
  });

  it("cuts into K candidate segments, and never replaces the consultant's segments unasked", () => {
    const cut = orderFromSheets(snapshotOf(buildPlan(example)), { segments: 3 });
    expect(cut.study?.segments).toHaveLength(3);
    const again = orderFromSheets(snapshotOf(cut.plan), { segments: 2 });
    expect(again.plan).toBeUndefined();
    expect(again.problems.map((p) => p.code)).toEqual(["segments-would-be-replaced-in-workbook"]);
    const replaced = orderFromSheets(snapshotOf(cut.plan), { segments: 2, replaceSegments: true });
    expect(replaced.study?.segments).toHaveLength(2);
  });

  it("says why K cannot be given", () => {
    const outcome = orderFromSheets(snapshotOf(buildPlan(example)), { segments: 40 });
    expect(outcome.plan).toBeUndefined();
    expect(outcome.problems.map((p) => p.code)).toEqual(["segments-too-many"]);
  });
});
