/**
 * Each TypeScript rule of the method gives what the method says over its table of cases
 * (test/support/rule-cases.ts); test/e2e/rules.test.ts holds each Excel formula to these rules
 * over the same tables, through LibreOffice.
 */
import { isMark } from "../../src/method/marks";
import { figuresFromData, segmentPotential } from "../../src/method/segment-figures";
import {
  CHECKLIST_STATUSES,
  findStatus,
  isSegmentReady,
  okCount,
  statusCellLabel,
} from "../../src/method/segments";
import { pairScore } from "../../src/method/score";
import { strategyOfTargets } from "../../src/method/targeting";
import { validateStudy } from "../../src/method/validate";
import {
  CHECKLIST_CASES,
  MARK_CASES,
  MEAN_SCORE_CASES,
  POTENTIAL_CASES,
  SOURCE_CASES,
  SCORE_CASES,
  STRATEGY_CASES,
  caseStatuses,
  tsMeanScore,
  tsStrategy,
  COMPETITION_CASES,
  QUANTIFICATION_CASES,
  tsCompetition,
  TRIM_CASES,
  tsTrimmedSize,
} from "../support/rule-cases";
import { quantificationMismatches } from "../../src/method/segments";
import { emptySegment } from "../../src/method/study";

describe("the rules of the method over their tables of cases", () => {
  it.each(
    SCORE_CASES.map((c) => [
      `${c.perception} × ${c.impact}, weights ${c.weights.perception}/${c.weights.impact}`,
      c,
    ])
  )("score: %s", (_label, c) => {
    expect(pairScore(c.perception, c.impact, c.weights)).toBe(c.score);
  });

  it.each(MARK_CASES.map((c) => [JSON.stringify(c.text), c]))("mark: %s", (_label, c) => {
    expect(isMark(c.text)).toBe(c.mark);
  });

  it.each(MEAN_SCORE_CASES.map((c) => [c.label, c]))("mean score: %s", (_label, c) => {
    expect(tsMeanScore(c)).toBe(c.mean);
  });

  it.each(QUANTIFICATION_CASES.map((c) => [JSON.stringify(c), c] as const))(
    "quantification item against its figure: %s",
    (_label, c) => {
      const segment = {
        ...emptySegment("S"),
        ...(c.figure !== undefined ? { size: c.figure } : {}),
      };
      const status = findStatus(c.status)?.canonical;
      if (status) segment.checklist[8] = status;
      const found = quantificationMismatches(segment);
      expect(found.length > 0).toBe(c.mismatch);
      if (c.mismatch)
        expect(found).toEqual([
          {
            item: 8,
            figure: "size",
            kind: c.figure === undefined ? "ok-without-figure" : "figure-not-ok",
          },
        ]);
    }
  );

  it.each(COMPETITION_CASES.map((c) => [c.label, c]))("competition: %s", (_label, c) => {
    const got = tsCompetition(c);
    if (c.mean === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(c.mean, 12);
  });

  it.each(TRIM_CASES.map((c) => [c.label, c] as const))("trimmed size: %s", (_label, c) => {
    expect(tsTrimmedSize(c)).toBe(c.size);
  });

  it.each(SOURCE_CASES.map((c) => [c.label, c] as const))("figures' source: %s", (_label, c) => {
    expect(figuresFromData(c.cells, c.data, c.figures)).toBe(c.fromData);
  });

  it.each(POTENTIAL_CASES.map((c) => [JSON.stringify(c), c]))("potential: %s", (_label, c) => {
    expect(segmentPotential(c)).toBe(c.potential);
  });

  it.each(CHECKLIST_CASES.map((c) => [c.label, c]))("checklist: %s", (_label, c) => {
    const statuses = caseStatuses(c);
    expect(okCount(statuses)).toBe(c.ok);
    expect(isSegmentReady(statuses)).toBe(c.ready);
  });

  it.each(STRATEGY_CASES.map((c) => [c.label, c]))("strategy: %s", (_label, c) => {
    expect(tsStrategy(c)).toBe(c.strategy);
    // The same marks as a study's targets, by name, over the table's slots (blank ones undefined).
    const slot = (name: string): string | undefined => (name === "" ? undefined : name);
    const targets = c.marks.flatMap((row, o) =>
      [...row].flatMap((cell, s) =>
        isMark(cell) ? [{ offering: c.offerings[o], segment: c.segments[s] }] : []
      )
    );
    expect(strategyOfTargets(targets, c.offerings.map(slot), c.segments.map(slot))).toBe(
      c.strategy
    );
  });
});

describe("the checklist's French labels", () => {
  it("are shown with their accents", () => {
    expect(CHECKLIST_STATUSES.map((s) => statusCellLabel(s, "fr"))).toEqual([
      "✓ Ok",
      "⊞ En cours",
      "✗ À faire",
      "📊 À analyser",
    ]);
  });

  it("are read in both spellings, in a cell and in a study file", () => {
    for (const [typed, canonical] of [
      ["A faire", "à faire"],
      ["✗ A faire", "à faire"],
      ["À faire", "à faire"],
      ["a analyser", "à analyser"],
      ["📊 À analyser", "à analyser"],
    ])
      expect(findStatus(typed)?.canonical).toBe(canonical);
    const { study, problems } = validateStudy({
      clienteles: ["c"],
      needs: ["n"],
      pairs: [],
      segments: [{ name: "s", checklist: ["A faire", "À faire", "✗ A faire", "A analyser"] }],
    });
    expect(problems).toEqual([]);
    expect(study?.segments?.[0].checklist.slice(0, 4)).toEqual([
      "à faire",
      "à faire",
      "à faire",
      "à analyser",
    ]);
  });
});
