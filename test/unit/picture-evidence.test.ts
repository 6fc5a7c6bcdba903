/**
 * The picture of a study with evidence: hypotheses (scored pairs without responses) drawn in italics
 * with a dotted border, backed pairs as before, and a footer line saying what the look means; a study
 * without evidence draws none of it (the worked example's golden picture stays as it was).
 */
import { matrixSvg } from "../../src/hosts/svg/matrix-svg";
import { pictureModel } from "../../src/hosts/svg/model";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { allElements, hasClass, parseSvg, textContent } from "../support/svg";
import { study } from "../support/workbooks";

const EVIDENCED = {
  language: "en",
  clienteles: ["Artisans", "Banks"],
  needs: ["Funding", "Premises"],
  pairs: [
    {
      clientele: "Artisans",
      need: "Funding",
      perception: 3,
      impact: 3,
      evidence: { n: 12, feel: 0.75 },
    },
    { clientele: "Artisans", need: "Premises", perception: 2, impact: 3 },
    { clientele: "Banks", need: "Premises", perception: 1, impact: 2, evidence: { n: 3, feel: 1 } },
    // Ticked, not rated: no score, so not a hypothesis the picture can show.
    { clientele: "Banks", need: "Funding" },
  ],
  weights: { perception: 1, impact: 1 },
};

const withoutEvidence = {
  ...EVIDENCED,
  pairs: EVIDENCED.pairs.map((pair) => ({ ...pair, evidence: undefined })),
};

describe("hypotheses in the picture", () => {
  it("marks exactly the scored pairs without responses in the model", () => {
    const model = pictureModel(study(EVIDENCED));
    expect(model.evidence).toBe(true);
    // Needs down, clientèles across.
    expect(model.hypotheses).toEqual([
      [false, false],
      [true, false],
    ]);
  });

  it("draws them with a dotted border and their score in italics, and says so in the footer", () => {
    const root = parseSvg(matrixSvg(study(EVIDENCED)));
    const elements = allElements(root);
    const group = elements.find((e) => hasClass(e, "hypotheses"))!;
    expect(group.attributes["stroke-dasharray"]).toBeDefined();
    const boxes = allElements(group).filter((e) => e.name === "rect");
    expect(boxes.map((b) => [b.attributes["data-need"], b.attributes["data-clientele"]])).toEqual([
      ["1", "0"],
    ]);
    const scores = elements.find((e) => hasClass(e, "scores"))!;
    const italic = allElements(scores)
      .filter((e) => e.name === "text" && e.attributes["font-style"] === "italic")
      .map(textContent);
    // (Artisans, Premises): 100 × 2/4 × 3/4 = 37.5 → 38; the backed 56 and 13 stay upright.
    expect(italic).toEqual(["38"]);
    const footer = elements.find((e) => hasClass(e, "footer"))!;
    expect(textContent(footer)).toContain(WORKBOOK_TEXTS.en.export.hypotheses);
  });

  it("draws none of it for a study without evidence", () => {
    const svg = matrixSvg(study(withoutEvidence));
    expect(pictureModel(study(withoutEvidence)).hypotheses.flat().some(Boolean)).toBe(false);
    expect(svg).not.toContain("hypotheses");
    expect(svg).not.toContain("font-style");
    expect(svg).not.toContain(WORKBOOK_TEXTS.en.export.hypotheses);
  });
});
