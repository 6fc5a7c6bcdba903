/**
 * The pane's pure model: steps and counts from a workbook, grouped messages, the typed lists'
 * checks, and the safety net before a rebuild (what goes, likely renames).
 */
import { readFileSync } from "fs";
import path from "path";
import { buildPlan } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { WorkbookSnapshot } from "../../src/hosts/host";
import { Study, emptySegment } from "../../src/method/study";
import { formatProblem } from "../../src/messages";
import * as msg from "../../src/messages";
import { nextStep, stepOf, stepsOf, workbookState } from "../../src/app/steps";
import { groupProblems } from "../../src/app/grouping";
import { checkLists } from "../../src/app/lists";
import { applyRenames, dropSummary, likelyRenames, renamesBetween } from "../../src/app/safety";
import { buildFromLists } from "../../src/app/operations";
import { study } from "../support/workbooks";

const example: Study = study(
  JSON.parse(
    readFileSync(path.join(__dirname, "..", "..", "examples", "exemple-incubateur.json"), "utf8")
  )
);

function snapshotOf(value: Study): WorkbookSnapshot {
  const grids = planGrids(buildPlan(value));
  return { sheets: grids.sheets.map((s) => ({ name: s.name, managed: true })), grids };
}

describe("steps", () => {
  it("counts the worked example: 13 × 13, 47 X, all rated, the five best pairs", () => {
    const state = workbookState(snapshotOf(example));
    const { steps } = state;
    expect(stepOf(steps, "lists")).toMatchObject({ status: "ok", clienteles: 13, needs: 13 });
    expect(stepOf(steps, "ticks")).toMatchObject({
      status: "ok",
      ticks: 47,
      clientelesWithout: [],
      needsWithout: [],
      sheet: "Qui ressent quoi",
    });
    expect(stepOf(steps, "ratings")).toMatchObject({
      status: "ok",
      ticked: 47,
      rated: 47,
      rowsMissing: 0,
      sheet: "Évaluation",
    });
    const matrix = stepOf(steps, "matrix");
    expect(matrix.status).toBe("à analyser");
    expect(matrix.best).toHaveLength(5);
    const scores = matrix.best.map((pair) => pair.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(stepOf(steps, "segments")).toMatchObject({ status: "à faire", segments: 0 });
    expect(nextStep(steps)?.id).toBe("segments");
  });

  it("an empty workbook: everything to do, the lists first", () => {
    const state = workbookState({ sheets: [], grids: { sheets: [], names: [], tables: [] } });
    expect(state.hasStudy).toBe(false);
    expect(state.steps.map((s) => s.status)).toEqual(Array(6).fill("à faire"));
    expect(nextStep(state.steps)?.id).toBe("lists");
  });

  it("a new tick without a ratings row is counted as a row to add", () => {
    const before = study({
      clienteles: ["A", "B"],
      needs: ["N"],
      pairs: [{ clientele: "A", need: "N" }],
    });
    const snapshot = snapshotOf(before);
    const ticks = snapshot.grids.sheets[0];
    ticks.values[5][3] = "X"; // B × N, row 6 column D
    const state = workbookState(snapshot);
    expect(stepOf(state.steps, "ticks")).toMatchObject({ ticks: 2, status: "ok" });
    expect(stepOf(state.steps, "ratings")).toMatchObject({
      ticked: 2,
      rated: 0,
      rowsMissing: 1,
      status: "à faire",
    });
  });

  it("segments ready per the checklist, and the strategy the targets form", () => {
    const ok = Array(11).fill("ok");
    const steps = stepsOf({
      ...example,
      offerings: ["Formation", "Coaching"],
      segments: [
        { ...emptySegment("S1"), checklist: ok },
        { ...emptySegment("S2"), checklist: [...ok.slice(1), "en cours"] },
      ],
      targets: [
        { segment: "S1", offering: "Formation" },
        { segment: "S1", offering: "Coaching" },
      ],
      conquest: ["S1"],
    });
    expect(stepOf(steps, "segments")).toMatchObject({ segments: 2, ready: 1, status: "en cours" });
    expect(stepOf(steps, "targeting")).toMatchObject({
      targets: 2,
      strategy: "segment-specialisation",
      conquest: ["S1"],
      status: "ok",
    });
  });
});

describe("grouping", () => {
  const where = { sheet: "Qui ressent quoi", cell: "C5" };
  const without = [
    msg.clienteleWithoutNeed(where, "A"),
    msg.clienteleWithoutNeed(where, "B"),
    msg.needWithoutClientele(where, "N"),
  ];

  it("one line for the no-X warnings, as information while nothing is ticked", () => {
    const nothing = groupProblems(without, { nothingTicked: true, ticksSheet: "Qui ressent quoi" });
    expect(nothing).toHaveLength(1);
    expect(nothing[0].info).toBe(true);
    expect(nothing[0].items).toHaveLength(3);
    expect(nothing[0].head.message.fr).toContain("Aucun X pour l'instant");

    const some = groupProblems(without);
    expect(some).toHaveLength(1);
    expect(some[0].info).toBe(false);
    expect(some[0].head.message.fr).toBe(
      "2 clientèles et 1 besoin sans X : la méthode les écarte du projet, à moins d'y cocher un X"
    );
    expect(some[0].head.message.en).toMatch(/^2 clientèles and 1 need without an X/);
  });

  it("three problems of a kind become one line; fewer stay as they are", () => {
    const ticks = ["a", "b", "c"].map((t) => msg.notATick(where, t));
    const groups = groupProblems([...ticks, msg.ratingWithoutPair(where)]);
    expect(groups).toHaveLength(2);
    expect(groups[0].head.code).toBe("similar-problems");
    expect(groups[0].head.severity).toBe("error");
    expect(groups[1].items).toEqual([]);
    expect(groupProblems(ticks.slice(0, 2))).toHaveLength(2);
  });
});

describe("typed lists", () => {
  it("counts names and puts problems on their list, in the consultant's words", () => {
    const checked = checkLists({ clienteles: "Etudiants\n etudiants", needs: "" });
    expect(checked.clienteles.names).toHaveLength(2);
    expect(formatProblem(checked.clienteles.errors[0], "fr")).toMatch(
      /^Clientèles, ligne 2 : « etudiants » est en double \(déjà en ligne 1/
    );
    // The empty list names the list, never its JSON field.
    const empty = formatProblem(checked.needs.errors[0], "fr");
    expect(empty).toBe("Besoins : la liste est vide : donnez au moins un(e) besoin");
    expect(empty).not.toMatch(/needs|clienteles/);
  });

  it("a 300-name paste is allowed, with a hint", () => {
    const names = Array.from({ length: 300 }, (_, i) => `Clientèle ${i + 1}`).join("\n");
    const checked = checkLists({ clienteles: names, needs: "Innover" });
    expect(checked.clienteles.errors).toEqual([]);
    expect(checked.clienteles.hints.map((p) => p.code)).toEqual(["long-list"]);
  });

  it("a build refused for a list says which list, with no JSON field", () => {
    const empty = { sheets: [], grids: { sheets: [], names: [], tables: [] } };
    const outcome = buildFromLists(empty, [], ["Innover"], "fr");
    expect(outcome.plan).toBeUndefined();
    expect(outcome.listProblems?.clienteles).toHaveLength(1);
    expect(outcome.problems.map((p) => formatProblem(p, "en"))).toEqual([
      "Clientèles: the list is empty: give at least one clientèle",
    ]);
  });
});

describe("safety net", () => {
  const before = study({
    clienteles: ["Etudiants", "Hautes écoles", "Acteurs durables"],
    needs: ["Innover", "Se former"],
    pairs: [
      { clientele: "Etudiants", need: "Innover", perception: 4, impact: 3 },
      { clientele: "Etudiants", need: "Se former", perception: 2, impact: 2 },
      { clientele: "Hautes écoles", need: "Se former", perception: 2, impact: 2 },
      { clientele: "Acteurs durables", need: "Innover" },
    ],
  });
  const lists = { clienteles: ["Étudiants", "Hautes écoles"], needs: ["Innover", "Se former"] };

  it("summarises what goes: names removed, pairs and rated pairs lost", () => {
    const summary = dropSummary(before, lists);
    expect(summary.clientelesRemoved).toEqual(["Etudiants", "Acteurs durables"]);
    expect(summary.pairsLost).toHaveLength(3);
    expect(summary.ratedLost).toBe(2);
  });

  it("finds the likely rename and carries its ticks and ratings over", () => {
    const renames = renamesBetween(before, lists);
    expect(renames).toEqual([{ list: "clienteles", from: "Etudiants", to: "Étudiants" }]);
    const summary = dropSummary(before, lists, renames);
    expect(summary.clientelesRemoved).toEqual(["Acteurs durables"]);
    expect(summary.ratedLost).toBe(0);
    const renamed = applyRenames(before, renames);
    expect(renamed.pairs[0]).toMatchObject({ clientele: "Étudiants", perception: 4, impact: 3 });

    const outcome = buildFromLists(
      snapshotOf(before),
      lists.clienteles,
      lists.needs,
      "fr",
      renames
    );
    expect(outcome.study?.pairs.filter((p) => p.clientele === "Étudiants")).toHaveLength(2);
  });

  it("a rename is one-to-one and close: typos of long names, not unrelated short ones", () => {
    expect(likelyRenames("needs", ["Gagner en perennite"], ["Gagner en pérénité"])).toHaveLength(1);
    expect(likelyRenames("needs", ["Innover"], ["Innovez"])).toHaveLength(1);
    expect(likelyRenames("needs", ["Vendre"], ["Rendre"])).toEqual([]);
    expect(likelyRenames("needs", ["Innover"], ["Innovez", "Innovea"])).toEqual([]);
    expect(likelyRenames("needs", ["A"], ["B"])).toEqual([]);
  });
});
