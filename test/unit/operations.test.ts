import {
  buildFromLists,
  blankTemplate,
  droppedPairs,
  orderFromSheets,
  parseNameList,
  refreshFromSheets,
} from "../../src/app/operations";
import { buildPlan, readStudy, templatePlan } from "../../src/layout";
import { Pair, STUDY_FIELDS, Study } from "../../src/method/study";
import exampleJson from "../../examples/exemple-incubateur.json";
import { planGrids } from "../../src/layout/plan-grids";
import { WorkbookPlan } from "../../src/layout/plan";
import { WorkbookSnapshot } from "../../src/hosts/host";
import { formatProblem } from "../../src/messages";
import { dropSummary } from "../../src/app/safety";
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

/**
 * A study with every field of Study given (the test below fails for a field added to Study and not
 * here), segments filled in every part: what a rebuild from the typed lists must keep.
 */
const worked = study({
  title: "Atelier vélo",
  language: "fr",
  clienteles: [{ name: "Etudiants", type: "client" }, "Hautes écoles", "Acteurs durables"],
  needs: [{ name: "Innover", type: "problème" }, "Se former", "Se déplacer"],
  pairs: [
    { clientele: "Etudiants", need: "Innover", perception: 4, impact: 3, comment: "fort" },
    {
      clientele: "Etudiants",
      need: "Se déplacer",
      perception: 3,
      impact: 4,
      evidence: { n: 12, feel: 0.75, source: "Atelier du 3 mars" },
    },
    { clientele: "Hautes écoles", need: "Se former", perception: 2, impact: 2, competition: 4 },
    { clientele: "Acteurs durables", need: "Innover", perception: 1 },
  ],
  weights: { perception: 2, impact: 1 },
  offerings: ["Coaching", "Formation"],
  segments: [
    {
      name: "Jeunes pousses",
      type: "marché de niche",
      clienteles: ["Etudiants", "Acteurs durables"],
      needs: ["Innover", "Se déplacer"],
      offerings: ["Coaching"],
      channels: ["Réseaux sociaux"],
      zones: ["Genève"],
      successFactors: ["Prix"],
      attributes: ["Urbains"],
      personas: ["Léa, 22 ans"],
      population: 50000,
      trims: [
        { family: "qui", criterion: "18–25 ans", keep: 0.4 },
        { family: "où", criterion: "Genève", keep: 0.25 },
      ],
      frequency: 2,
      basket: 30,
      checklist: ["ok", "en cours", "à analyser", "ok"],
      plans: { acquisition: "Salons étudiants", loyalty: "Club" },
      swot: { strengths: ["Réseau"], threats: ["Concurrents"] },
      risks: ["Budget incertain"],
    },
    {
      name: "Écoles",
      clienteles: ["Hautes écoles"],
      needs: ["Se former"],
      offerings: ["Formation"],
      size: 800,
      checklist: ["à faire", "ok"],
    },
  ],
  targets: [
    { segment: "Jeunes pousses", offering: "Coaching" },
    { segment: "Écoles", offering: "Formation" },
  ],
  conquest: ["Écoles", "Jeunes pousses"],
  pestel: { political: ["Subventions"], technological: ["Vélos électriques"] },
  palette: "colourblind",
  organisation: "Incubateur",
  currency: "CHF",
});

/** The study a workbook holds, as a refresh reads it. */
function readBack(plan: WorkbookPlan | undefined): Study {
  const read = readStudy(planGrids(plan as WorkbookPlan));
  if (!read.study) throw new Error(JSON.stringify(read.problems));
  return read.study;
}

const names = (items: { name: string }[]): string[] => items.map((item) => item.name);

describe("buildFromLists keeps the consultant's work (segments, targets, diagnostics…)", () => {
  const workbook = buildPlan(worked);
  const held = readBack(workbook);

  it("the worked study gives every field, and the workbook holds it all", () => {
    for (const field of STUDY_FIELDS)
      expect([field, worked[field]]).not.toEqual([field, undefined]);
    expect(held).toEqual(worked);
  });

  it("the same lists again: every field of the study kept, nothing said about segments", () => {
    const outcome = buildFromLists(
      snapshotOf(workbook),
      names(held.clienteles),
      names(held.needs),
      "en"
    );
    expect(outcome.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(outcome.problems.map((p) => p.code)).not.toContain("segment-member-dropped");
    // Field by field, so that a field lost is named (and a new field of Study checked with no edit).
    for (const field of STUDY_FIELDS) {
      expect([field, outcome.study?.[field]]).toEqual([field, held[field]]);
      expect([field, readBack(outcome.plan)[field]]).toEqual([field, held[field]]);
    }
  });

  it("a need added: only the needs change; a clientèle removed: its pairs and memberships only", () => {
    const clienteles = ["Etudiants", "Hautes écoles"];
    const needs = [...names(held.needs), "Se loger"];
    const outcome = buildFromLists(snapshotOf(workbook), clienteles, needs, "en");
    const after = readBack(outcome.plan);
    const changed = ["clienteles", "needs", "pairs", "segments"];
    for (const field of STUDY_FIELDS.filter((f) => !changed.includes(f)))
      expect([field, after[field]]).toEqual([field, held[field]]);
    expect(after.clienteles).toEqual(held.clienteles.slice(0, 2));
    expect(after.needs).toEqual([...held.needs, { name: "Se loger" }]);
    expect(after.pairs).toEqual(held.pairs.filter((p) => p.clientele !== "Acteurs durables"));
    const [first, second] = held.segments ?? [];
    expect(after.segments).toEqual([{ ...first, clienteles: ["Etudiants"] }, second]);
    // Said once, by the segment's name and the member's, in both languages.
    const said = outcome.problems.filter((p) => p.code === "segment-member-dropped");
    expect(said.map((p) => formatProblem(p, "fr"))).toEqual([
      "la clientèle « Acteurs durables », retirée de la liste, ne fait plus partie du segment « Jeunes pousses » ; le segment et le reste de son contenu sont gardés",
    ]);
    expect(said.map((p) => formatProblem(p, "en"))).toEqual([
      'the clientèle "Acteurs durables", removed from the list, is no longer part of the segment "Jeunes pousses"; the segment and the rest of its content are kept',
    ]);
  });

  it("the safety net counts the members that would go, and a rename keeps them", () => {
    const lists = {
      clienteles: ["Étudiants", "Hautes écoles", "Acteurs durables"],
      needs: ["Innover", "Se former"],
    };
    const summary = dropSummary(held, lists);
    expect(summary.membersLost).toEqual([
      { segment: "Jeunes pousses", list: "clienteles", member: "Etudiants" },
      { segment: "Jeunes pousses", list: "needs", member: "Se déplacer" },
    ]);
    const rename = [{ list: "clienteles" as const, from: "Etudiants", to: "Étudiants" }];
    expect(dropSummary(held, lists, rename).membersLost).toEqual([
      { segment: "Jeunes pousses", list: "needs", member: "Se déplacer" },
    ]);
    const outcome = buildFromLists(
      snapshotOf(workbook),
      lists.clienteles,
      lists.needs,
      "fr",
      rename
    );
    expect(outcome.study?.segments?.[0].clienteles).toEqual(["Étudiants", "Acteurs durables"]);
    expect(outcome.study?.segments?.[0].needs).toEqual(["Innover"]);
    expect(outcome.study?.targets).toEqual(held.targets);
  });
});
