/**
 * The method's judgement on Ciblage (issue 17): its warnings as lines under the levers and its
 * suggested conquest order beside the consultant's, fixed as text when the workbook is built, in the
 * study's language; a study made to raise each warning shows each, the worked example none; and
 * the text is never read back as study data.
 */
import { readStudy } from "../../src/layout";
import { buildPlan } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { cellText } from "../../src/layout/grids";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { describeWarning } from "../../src/i18n/advice";
import { ADVICE_CODES, advise } from "../../src/method/advice";
import { Study } from "../../src/method/study";
import { orderStudy } from "../../src/analysis/order-study";
import example from "../../examples/exemple-incubateur.json";
import { study } from "../support/workbooks";
import { warnedStudy } from "../support/advice-studies";

const warned = warnedStudy;

/** The texts in the label column of Ciblage from the warnings' heading on. */
function warningLines(s: Study): { heading: string; lines: string[] } {
  const grids = planGrids(buildPlan(s));
  const texts = WORKBOOK_TEXTS[s.language].targeting;
  const sheet = grids.sheets.find((g) => g.name === WORKBOOK_TEXTS[s.language].sheets.targeting)!;
  const column = sheet.values.map((row) => cellText(row[0] ?? null));
  const at = column.indexOf(texts.warnings);
  expect(at).toBeGreaterThan(0);
  const lines: string[] = [];
  for (let row = at + 1; row < column.length && column[row] !== ""; row++) lines.push(column[row]);
  return { heading: column[at], lines };
}

/** The text column right of the consultant's conquest order, under its heading. */
function suggestedLines(s: Study): string[] {
  const grids = planGrids(buildPlan(s));
  const texts = WORKBOOK_TEXTS[s.language].targeting;
  const sheet = grids.sheets.find((g) => g.name === WORKBOOK_TEXTS[s.language].sheets.targeting)!;
  for (let row = 0; row < sheet.values.length; row++) {
    const col = (sheet.values[row] ?? []).findIndex(
      (v) => cellText(v ?? null) === texts.suggestedConquest
    );
    if (col < 0) continue;
    // The heading sits on the conquest title's row, the order's lines under the note's row.
    return (s.segments ?? []).map((_, i) => cellText(sheet.values[row + 2 + i]?.[col] ?? null));
  }
  throw new Error("no suggested order on Ciblage");
}

describe("the method's warnings on Ciblage", () => {
  it.each(["fr", "en"] as const)(
    "shows each warning a study raises, with its code (%s)",
    (language) => {
      const s = warned(language);
      const warnings = advise(s).warnings;
      expect(new Set(warnings.map((w) => w.code))).toEqual(new Set(ADVICE_CODES));
      const { lines } = warningLines(s);
      expect(lines).toHaveLength(warnings.length);
      warnings.forEach((warning, i) => {
        expect(lines[i]).toBe(describeWarning(warning, language));
        expect(lines[i].startsWith(`[${warning.code}] `)).toBe(true);
      });
      // In the study's language, the method's own words.
      const broad = lines.find((line) => line.startsWith("[segment-too-broad]"))!;
      expect(broad).toContain(
        language === "fr" ? "« mon marché, c'est tout le monde »" : '"my market is everyone"'
      );
    }
  );

  it("says none on the worked example, as shipped and with its three candidate segments", () => {
    const shipped = study(example);
    const segmented = orderStudy(shipped, { segments: 3 }).ordered!.study;
    expect(segmented.segments).toHaveLength(3);
    for (const s of [shipped, segmented]) {
      expect(advise(s).warnings).toEqual([]);
      expect(warningLines(s).lines).toEqual([WORKBOOK_TEXTS.fr.targeting.noWarning]);
    }
  });

  it("writes the suggested conquest order beside the consultant's, each with its reason", () => {
    const s = warned("en");
    const steps = advise(s).conquest;
    const lines = suggestedLines(s);
    expect(lines.map((line) => line.split(" — ")[0])).toEqual(steps.map((step) => step.segment));
    expect(lines[0]).toMatch(/best mean score|no segment has a mean score/);
    expect(lines.slice(1).every((line) => /\d+% overlap/.test(line))).toBe(true);
  });

  it("is not read back as study data: the built study reads back the same", () => {
    for (const s of [warned("fr"), warned("en"), study(example)]) {
      const read = readStudy(planGrids(buildPlan(s)));
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.study).toEqual(s);
    }
  });
});
