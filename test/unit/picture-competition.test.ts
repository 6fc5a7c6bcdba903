/**
 * The picture with `--competition`: a small "C0"–"C4" marker in the corner of each scored cell that
 * has a competition level, none in the others, and the legend line naming the levels; without the
 * option, none of it (the golden pictures guard the rest of the drawing).
 */
import { matrixSvg } from "../../src/hosts/svg/matrix-svg";
import { pictureModel } from "../../src/hosts/svg/model";
import { competitionLegend } from "../../src/i18n/competition";
import { competitionMarker } from "../../src/method/competition-look";
import { allElements, hasClass, parseSvg, textContent } from "../support/svg";
import { study } from "../support/workbooks";

const RATED = {
  language: "fr",
  clienteles: ["Artisans", "Banques", "Cafés"],
  needs: ["Financement", "Locaux"],
  pairs: [
    { clientele: "Artisans", need: "Financement", perception: 3, impact: 3, competition: 0 },
    { clientele: "Artisans", need: "Locaux", perception: 2, impact: 3 },
    { clientele: "Banques", need: "Locaux", perception: 1, impact: 2, competition: 4 },
    { clientele: "Cafés", need: "Locaux", perception: 4, impact: 4, competition: 3 },
    // Ticked with a level but not rated: no cell drawn, so no marker.
    { clientele: "Banques", need: "Financement", competition: 2 },
  ],
  weights: { perception: 1, impact: 1 },
};

function markers(svg: string) {
  const root = parseSvg(svg);
  const group = allElements(root).find((e) => hasClass(e, "competition"));
  if (!group) return [];
  return allElements(group)
    .filter((e) => e.name === "text")
    .map((e) => [e.attributes["data-need"], e.attributes["data-clientele"], textContent(e)]);
}

function footerText(svg: string): string[] {
  const root = parseSvg(svg);
  const footer = allElements(root).find((e) => hasClass(e, "footer"))!;
  return allElements(footer)
    .filter((e) => e.name === "text")
    .map(textContent);
}

describe("competition in the picture", () => {
  it("marks exactly the scored pairs that have a level, with the level's marker", () => {
    const svg = matrixSvg(study(RATED), { competition: true });
    expect(markers(svg)).toEqual([
      ["0", "0", "C0"],
      ["1", "1", "C4"],
      ["1", "2", "C3"],
    ]);
    expect(competitionMarker(3)).toBe("C3");
  });

  it("names the levels in a legend line, in the picture's language", () => {
    const fr = footerText(matrixSvg(study(RATED), { competition: true }));
    expect(fr).toContain(competitionLegend("fr"));
    expect(competitionLegend("fr")).toContain("C0 Inexistante");
    expect(competitionLegend("fr")).toContain("C4 Très forte");
    const en = footerText(matrixSvg(study(RATED), { competition: true, language: "en" }));
    expect(en).toContain(competitionLegend("en"));
    expect(competitionLegend("en")).toContain("C2 Moderate");
  });

  it("draws none of it by default", () => {
    const svg = matrixSvg(study(RATED));
    expect(markers(svg)).toEqual([]);
    expect(footerText(svg)).not.toContain(competitionLegend("fr"));
    expect(pictureModel(study(RATED)).competition).toBeUndefined();
  });

  it("keeps the marker above the score, inside the cell", () => {
    const svg = matrixSvg(study(RATED), { competition: true });
    const root = parseSvg(svg);
    const elements = allElements(root);
    const cell = elements.find(
      (e) =>
        hasClass(e, "cell") &&
        e.attributes["data-need"] === "1" &&
        e.attributes["data-clientele"] === "2"
    )!;
    const marker = allElements(elements.find((e) => hasClass(e, "competition"))!).find(
      (e) => e.name === "text" && e.attributes["data-clientele"] === "2"
    )!;
    const score = allElements(elements.find((e) => hasClass(e, "scores"))!).filter(
      (e) => e.name === "text"
    )[2];
    const top = Number(cell.attributes.y);
    const markerBaseline = Number(marker.attributes.y);
    const scoreBaseline = Number(score.attributes.y);
    const scoreFont = Number(elements.find((e) => hasClass(e, "scores"))!.attributes["font-size"]);
    expect(markerBaseline).toBeGreaterThan(top);
    // The score's capitals start about 0.72 of its size above its baseline.
    expect(markerBaseline).toBeLessThan(scoreBaseline - 0.72 * scoreFont);
    expect(Number(marker.attributes.x)).toBeLessThanOrEqual(
      Number(cell.attributes.x) + Number(cell.attributes.width)
    );
  });
});
