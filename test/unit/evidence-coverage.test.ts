/**
 * How much of a study the responses back (method/evidence.ts), as the pane shows it: the share of
 * scored pairs with evidence and their median n on the matrix step, each segment's backed pairs on
 * the segments step; nothing of it for a study without evidence.
 */
import { stepOf, stepsOf } from "../../src/app/steps";
import { paneTexts } from "../../src/i18n/pane";
import {
  backedPercent,
  evidenceCoverage,
  isHypothesis,
  segmentsEvidence,
  studyHasEvidence,
} from "../../src/method/evidence";
import { Pair, emptySegment } from "../../src/method/study";
import { study } from "../support/workbooks";

const pair = (clientele: string, need: string, extra: Partial<Pair> = {}): Pair => ({
  clientele,
  need,
  ...extra,
});
const rated = { perception: 3, impact: 2 };

describe("the coverage of a set of pairs", () => {
  it("counts scored pairs, those with evidence, and the median n (odd count: the middle one)", () => {
    expect(
      evidenceCoverage([
        pair("a", "x", { ...rated, evidence: { n: 12, feel: 1 } }),
        pair("a", "y", { ...rated, evidence: { n: 3, feel: 0.5 } }),
        pair("b", "x", { ...rated, evidence: { n: 7, feel: 1 } }),
        pair("b", "y", rated),
        // Ticked, not rated: not a scored pair, its evidence does not count.
        pair("c", "x", { perception: 2, evidence: { n: 40, feel: 1 } }),
      ])
    ).toEqual({ rated: 4, backed: 3, medianN: 7 });
  });

  it("takes the mean of the two middle values for an even count, and no median without evidence", () => {
    expect(
      evidenceCoverage([
        pair("a", "x", { ...rated, evidence: { n: 4, feel: 1 } }),
        pair("a", "y", { ...rated, evidence: { n: 9, feel: 1 } }),
      ]).medianN
    ).toBe(6.5);
    expect(evidenceCoverage([pair("a", "x", rated)])).toEqual({ rated: 1, backed: 0 });
  });

  it("rounds the backed share to a whole percent, half up, and says 0 of nothing", () => {
    expect(backedPercent({ rated: 3, backed: 2 })).toBe(67);
    expect(backedPercent({ rated: 8, backed: 1 })).toBe(13); // 12.5
    expect(backedPercent({ rated: 0, backed: 0 })).toBe(0);
  });

  it("calls a scored pair without evidence a hypothesis, and only that", () => {
    expect(isHypothesis(pair("a", "x", rated))).toBe(true);
    expect(isHypothesis(pair("a", "x", { ...rated, evidence: { n: 1, feel: 1 } }))).toBe(false);
    expect(isHypothesis(pair("a", "x", { perception: 4 }))).toBe(false);
  });
});

const STUDY = study({
  language: "fr",
  clienteles: ["Artisans", "Banques", "Communes"],
  needs: ["Financement", "Locaux"],
  pairs: [
    { clientele: "Artisans", need: "Financement", ...rated, evidence: { n: 12, feel: 0.75 } },
    { clientele: "Artisans", need: "Locaux", ...rated },
    { clientele: "Banques", need: "Locaux", ...rated, evidence: { n: 3, feel: 1 } },
    { clientele: "Communes", need: "Locaux" },
  ],
  segments: [
    {
      ...emptySegment("Jeunes pousses"),
      clienteles: ["artisans"],
      needs: ["Financement", "Locaux"],
    },
    { ...emptySegment("Institutions"), clienteles: ["Banques", "Communes"], needs: ["Locaux"] },
    { ...emptySegment("Vide"), clienteles: ["Communes"], needs: ["Financement"] },
  ],
  weights: { perception: 1, impact: 1 },
});

describe("the pane's steps of a study with evidence", () => {
  it("give the matrix step the study's coverage and each segment its own (names matched as everywhere)", () => {
    const steps = stepsOf(STUDY);
    expect(stepOf(steps, "matrix").evidence).toEqual({ rated: 3, backed: 2, medianN: 7.5 });
    expect(segmentsEvidence(STUDY)).toEqual([
      { segment: "Jeunes pousses", rated: 2, backed: 1, medianN: 12 },
      { segment: "Institutions", rated: 1, backed: 1, medianN: 3 },
      { segment: "Vide", rated: 0, backed: 0 },
    ]);
    expect(stepOf(steps, "segments").evidence).toEqual(segmentsEvidence(STUDY));
  });

  it("word it in French and English", () => {
    const steps = stepsOf(STUDY);
    const coverage = stepOf(steps, "matrix").evidence!;
    expect(paneTexts("fr").steps.evidence(coverage)).toBe(
      "67\u00a0% des paires notées appuyées par des réponses (n médian = 7,5)"
    );
    expect(paneTexts("en").steps.evidence(coverage)).toBe(
      "67% of rated pairs backed by responses (median n = 7.5)"
    );
    const [young, institutions, empty] = stepOf(steps, "segments").evidence!;
    expect(paneTexts("fr").steps.segmentEvidence(young)).toBe(
      "Jeunes pousses\u00a0: 1 sur 2 paires notées appuyées par des réponses"
    );
    expect(paneTexts("fr").steps.segmentEvidence(institutions)).toBe(
      "Institutions\u00a0: 1 sur 1 paire notée appuyée par des réponses"
    );
    expect(paneTexts("en").steps.segmentEvidence(empty)).toBe("Vide: no rated pair");
    expect(paneTexts("en").steps.evidence({ rated: 2, backed: 0 })).toBe(
      "0% of rated pairs backed by responses"
    );
  });

  it("say nothing of evidence for a study without any", () => {
    const plain = { ...STUDY, pairs: STUDY.pairs.map((p) => ({ ...p, evidence: undefined })) };
    expect(studyHasEvidence(plain)).toBe(false);
    const steps = stepsOf(plain);
    expect(stepOf(steps, "matrix").evidence).toBeUndefined();
    expect(stepOf(steps, "segments").evidence).toBeUndefined();
  });
});
