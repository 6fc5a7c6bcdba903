/**
 * Each sheet module, both ways: plan → grids (as a host reads them back) → the module's reader gives
 * back exactly the part of the study it owns. One row per sheet; the registry must not hold a sheet
 * without a row here.
 */
import { buildPlan } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { SHEETS } from "../../src/layout/registry";
import { SheetModule, StudyDraft } from "../../src/layout/sheet";
import { CHECKLIST_SHEET } from "../../src/layout/sheets/checklist";
import { DIAGNOSTIC_SHEET } from "../../src/layout/sheets/diagnostic";
import { MATRIX_SHEET } from "../../src/layout/sheets/matrix";
import { RATINGS_SHEET } from "../../src/layout/sheets/ratings";
import { SEGMENTS_SHEET } from "../../src/layout/sheets/segments";
import { SETTINGS_SHEET } from "../../src/layout/sheets/settings";
import { TARGETING_SHEET } from "../../src/layout/sheets/targeting";
import { TICKS_SHEET } from "../../src/layout/sheets/ticks";
import { Segment, Study, emptySegment, pairKey, pairPlaces } from "../../src/method/study";
import example from "../../examples/exemple-incubateur.json";
import { Problem } from "../../src/messages";
import { study } from "../support/workbooks";

const odd = study({
  title: "Vélo « test »",
  language: "en",
  clienteles: [{ name: "=1+1", type: "client" }, "Etudiants", "a*b?c~", "<b>&amp;"],
  needs: ["Réparer vite", { name: "+33 6", type: "opportunité" }, "émoji 🚀"],
  pairs: [
    {
      clientele: "=1+1",
      need: "Réparer vite",
      perception: 4,
      impact: 3,
      competition: 2,
      comment: "vu\nen atelier",
    },
    { clientele: "a*b?c~", need: "+33 6" },
    { clientele: "<b>&amp;", need: "émoji 🚀", perception: 1, impact: 1 },
    { clientele: "Etudiants", need: "émoji 🚀", impact: 2 },
  ],
  weights: { perception: 2, impact: 0.5 },
  offerings: ["Atelier", "=Abonnement", "Pièces « détachées »"],
  segments: [
    {
      name: "Pressés",
      type: "niche market",
      clienteles: ["=1+1", "<b>&amp;"],
      needs: ["Réparer vite", "émoji 🚀"],
      offerings: ["Atelier"],
      channels: ["Bouche à oreille", "=Instagram"],
      zones: ["Centre-ville"],
      successFactors: ["Rapidité"],
      attributes: ["25–45 ans"],
      personas: ["Léa, 32 ans"],
      size: 1200,
      frequency: 2,
      basket: 35.5,
      checklist: ["ok", "en cours", "à analyser", "ok", "à faire", "ok"],
      plans: { acquisition: "Flyers", loyalty: "Carte de fidélité" },
      population: 50000,
      trims: [
        { family: "qui", criterion: "25–45 ans", keep: 0.4 },
        { family: "Where?", criterion: "=Centre", keep: 0.06 },
      ],
      swot: { strengths: ["Rapidité", "=Prix"], threats: ["Chaînes « low cost »"] },
      risks: ["Saison courte"],
    },
    {
      name: "a*b?c~ seg",
      clienteles: ["a*b?c~"],
      needs: ["+33 6"],
      offerings: ["=Abonnement", "Atelier"],
      size: 40,
      trims: [{ family: "ou", criterion: "Gare", keep: 1 }],
      risks: ["<b>fragile</b>"],
    },
  ],
  targets: [
    { segment: "Pressés", offering: "Atelier" },
    { segment: "a*b?c~ seg", offering: "=Abonnement" },
  ],
  conquest: ["a*b?c~ seg", "Pressés"],
  pestel: { political: ["Pistes cyclables"], legal: ["=Loi vélo", "Assurance"] },
});

/**
 * A segment as the segments sheet alone gives it: its statuses, plans, SWOT and risks come from
 * later sheets.
 */
const shell = (segment: Segment): Segment => {
  const rest: Segment = { ...segment, checklist: emptySegment(segment.name).checklist, plans: {} };
  delete rest.swot;
  delete rest.risks;
  return rest;
};

/** The draft as the sheets before this one leave it. */
function draftBefore(module: SheetModule, s: Study): StudyDraft {
  const draft: StudyDraft = {
    language: "fr",
    weights: { perception: 1, impact: 1 },
    clienteles: [],
    needs: [],
    pairs: new Map(),
  };
  const order = SHEETS.indexOf(module);
  if (order > SHEETS.indexOf(TICKS_SHEET)) {
    draft.clienteles = s.clienteles.map((c) => ({ ...c, at: "" }));
    draft.needs = s.needs.map((n) => ({ ...n, at: "" }));
    for (const [place, pair] of pairPlaces(s.clienteles, s.needs, s.pairs))
      draft.pairs.set(place, { clientele: pair.clientele, need: pair.need });
  }
  if (order > SHEETS.indexOf(SEGMENTS_SHEET)) {
    if (s.offerings) draft.offerings = [...s.offerings];
    if (s.segments) draft.segments = s.segments.map(shell);
  }
  return draft;
}

type Part = (draft: StudyDraft) => unknown;
const lists: Part = (d) => ({
  clienteles: d.clienteles.map(({ name, type }) => (type ? { name, type } : { name })),
  needs: d.needs.map(({ name, type }) => (type ? { name, type } : { name })),
  // Each tick under its place in the lists' table (the draft's key), in the order of places.
  ticks: [...d.pairs.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([place, p]) => [place, pairKey(p.clientele, p.need)]),
});

const ROWS: [string, SheetModule, Part, (s: Study) => unknown][] = [
  [
    "ticks",
    TICKS_SHEET,
    lists,
    (s) => ({
      clienteles: s.clienteles,
      needs: s.needs,
      ticks: [...pairPlaces(s.clienteles, s.needs, s.pairs).entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([place, p]) => [place, pairKey(p.clientele, p.need)]),
    }),
  ],
  [
    "ratings",
    RATINGS_SHEET,
    (d) =>
      [...d.pairs.values()].sort((a, b) =>
        pairKey(a.clientele, a.need).localeCompare(pairKey(b.clientele, b.need))
      ),
    (s) =>
      [...s.pairs].sort((a, b) =>
        pairKey(a.clientele, a.need).localeCompare(pairKey(b.clientele, b.need))
      ),
  ],
  [
    "matrix (computed: reading leaves the draft as it was)",
    MATRIX_SHEET,
    lists,
    (s) => lists(draftBefore(MATRIX_SHEET, s)),
  ],
  [
    "segments",
    SEGMENTS_SHEET,
    (d) => ({ offerings: d.offerings, segments: d.segments }),
    (s) => ({ offerings: s.offerings, segments: s.segments?.map(shell) }),
  ],
  [
    "checklist",
    CHECKLIST_SHEET,
    (d) => d.segments?.map((segment) => segment.checklist),
    (s) => s.segments?.map((segment) => segment.checklist),
  ],
  [
    "targeting",
    TARGETING_SHEET,
    (d) => ({ targets: d.targets, conquest: d.conquest, plans: d.segments?.map((x) => x.plans) }),
    (s) => ({
      targets: s.targets,
      conquest: s.conquest,
      plans: s.segments?.map((x) => x.plans),
    }),
  ],
  [
    "diagnostic",
    DIAGNOSTIC_SHEET,
    (d) => ({
      pestel: d.pestel,
      swot: d.segments?.map((x) => x.swot),
      risks: d.segments?.map((x) => x.risks),
    }),
    (s) => ({
      pestel: s.pestel,
      swot: s.segments?.map((x) => x.swot),
      risks: s.segments?.map((x) => x.risks),
    }),
  ],
  [
    "settings",
    SETTINGS_SHEET,
    (d) => ({ language: d.language, title: d.title, weights: d.weights }),
    (s) => ({ language: s.language, title: s.title, weights: s.weights }),
  ],
];

describe("each sheet plans and reads back its part of the study", () => {
  it("has a row for every sheet of the registry", () => {
    expect(ROWS.map(([, module]) => module)).toEqual([...SHEETS]);
  });

  describe.each([
    ["a study with odd names", odd],
    ["the worked example", study(example)],
  ])("%s", (_label, s) => {
    const grids = planGrids(buildPlan(s));
    it.each(ROWS)("%s", (_sheet, module, part, expected) => {
      const draft = draftBefore(module, s);
      const problems: Problem[] = [];
      module.read({ grids, problems, draft });
      expect(problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(part(draft)).toEqual(expected(s));
    });
  });
});
