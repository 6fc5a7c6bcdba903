import {
  IMPACT_MAX,
  PERCEPTION_MAX,
  SCORE_MIN,
  SCORE_SCALE,
  excelRound,
  pairScore,
  scoreFormula,
  scoreRuleText,
} from "../../src/method/score";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { PICTURE_TEXTS } from "../../src/i18n/picture";
import { contrastRatio, scaleColour, SCORE_COLOUR_STOPS } from "../../src/method/colour";

describe("pairScore", () => {
  it("gives 100 × (p/4) × (i/4), rounded, with the default weights", () => {
    const expected: Record<string, number> = {
      "1,1": 6, // 6.25
      "1,2": 13, // 12.5 rounds away from zero, as Excel's ROUND
      "2,3": 38, // 37.5
      "3,3": 56, // 56.25
      "4,4": 100,
      "3,1": 19, // 18.75
    };
    for (const [key, score] of Object.entries(expected)) {
      const [p, i] = key.split(",").map(Number);
      expect(pairScore(p, i, { perception: 1, impact: 1 })).toBe(score);
    }
  });

  it("applies the weights as exponents", () => {
    expect(pairScore(2, 4, { perception: 2, impact: 1 })).toBe(25);
    expect(pairScore(2, 2, { perception: 0, impact: 0 })).toBe(100);
    expect(pairScore(3, 2, { perception: 1, impact: 1.5 })).toBe(27); // 26.5165
    // 100 / 4^10 would round to 0: the method's scores run from 1 to 100.
    expect(pairScore(1, 1, { perception: 5, impact: 5 })).toBe(1);
    expect(pairScore(1, 1, { perception: 2, impact: 2 })).toBe(1); // 0.39
  });

  it("is never above 100 nor below 1 over every level and a grid of weights", () => {
    for (let p = 1; p <= 4; p++)
      for (let i = 1; i <= 4; i++)
        for (let wp = 0; wp <= 5; wp += 0.5)
          for (let wi = 0; wi <= 5; wi += 0.5) {
            const score = pairScore(p, i, { perception: wp, impact: wi });
            expect(score).toBeGreaterThanOrEqual(1);
            expect(score).toBeLessThanOrEqual(100);
            expect(Number.isInteger(score)).toBe(true);
          }
  });
});

describe("excelRound", () => {
  it("rounds halves away from zero and hides binary noise as Excel does", () => {
    expect(excelRound(2.5)).toBe(3);
    expect(excelRound(-2.5)).toBe(-3);
    expect(excelRound(1.005 * 100)).toBe(101); // 100.49999999999999 in binary, 100.5 to Excel
    expect(excelRound(0.49999)).toBe(0);
  });
});

describe("scoreFormula", () => {
  it("writes the method's score as Excel's ROUND over the four parts, at least 1", () => {
    expect(scoreFormula("P", "I", "WP", "WI")).toBe("MAX(1,ROUND(100*(P/4)^WP*(I/4)^WI,0))");
  });
});

describe("scoreRuleText", () => {
  it("states the same expression as the formula, in each language's words", () => {
    const spoken = scoreRuleText("en", "wp", "wi").replace(/ × /g, "*").replace(/, /g, ",");
    expect(spoken).toBe(scoreFormula("perception", "impact", "wp", "wi"));
    expect(scoreRuleText("fr", "2", "0,5")).toBe(
      `MAX(${SCORE_MIN} ; ARRONDI(${SCORE_SCALE} × (perception/${PERCEPTION_MAX})^2 × (impact/${IMPACT_MAX})^0,5 ; 0))`
    );
  });

  it("is the sentence every text of the workbook and the picture shows", () => {
    for (const language of ["fr", "en"] as const) {
      const t = WORKBOOK_TEXTS[language];
      const rule = scoreRuleText(language, "3", "0.5");
      expect(t.legend.scoreRule("3", "0.5")).toBe(`Score = ${rule}`);
      // The picture writes the weights in the study's language: 0,5 in French.
      const weights = ["3", language === "fr" ? "0,5" : "0.5"] as const;
      expect(PICTURE_TEXTS[language].footer(3, 0.5)).toContain(scoreRuleText(language, ...weights));
      const words = language === "fr" ? "poids" : "weight";
      expect(t.settings.scoreHelp).toContain(scoreRuleText(language, words, words));
      expect(t.matrix.scoreRule).toContain(scoreRuleText(language, words, words));
    }
  });
});

describe("colour scale", () => {
  it("runs from dark orange through yellow to dark green", () => {
    expect(SCORE_COLOUR_STOPS.map((s) => [s.value, s.colour])).toEqual([
      [0, "#C55A11"],
      [50, "#FFEB84"],
      [100, "#548235"],
    ]);
    expect(scaleColour(0)).toBe("#C55A11");
    expect(scaleColour(50)).toBe("#FFEB84");
    expect(scaleColour(100)).toBe("#548235");
  });

  it("keeps black text readable (contrast ≥ 4.5) on every fill of the scale", () => {
    for (let score = 0; score <= 100; score++) {
      expect(contrastRatio("#000000", scaleColour(score))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
