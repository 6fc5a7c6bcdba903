/** A pair's evidence in the study file: validated, written back as read, refused when wrong. */
import { studyToJson } from "../../src/layout/study-json";
import { validateStudy } from "../../src/method/validate";

const raw = (evidence: unknown) => ({
  language: "fr",
  clienteles: ["Artisans"],
  needs: ["Financement", "Locaux"],
  pairs: [
    { clientele: "Artisans", need: "Financement", perception: 4, impact: 3, evidence },
    { clientele: "Artisans", need: "Locaux" },
  ],
  weights: { perception: 1, impact: 1 },
});

describe("pairs[].evidence", () => {
  it("goes through validation and back to the same JSON, in the contract's field order", () => {
    const given = raw({ source: " Atelier du 3 mai ", feel: 0.75, n: 12 });
    const { study, problems } = validateStudy(given, "s.json");
    expect(problems).toEqual([]);
    expect(study?.pairs[0].evidence).toEqual({ n: 12, feel: 0.75, source: "Atelier du 3 mai" });
    expect(study?.pairs[1].evidence).toBeUndefined();
    const written = studyToJson(study!);
    expect(JSON.stringify(written.pairs)).toBe(
      JSON.stringify([
        {
          clientele: "Artisans",
          need: "Financement",
          perception: 4,
          impact: 3,
          evidence: { n: 12, feel: 0.75, source: "Atelier du 3 mai" },
        },
        { clientele: "Artisans", need: "Locaux" },
      ])
    );
    // Read again, written again: the same file.
    const again = validateStudy(JSON.parse(JSON.stringify(written)), "s.json");
    expect(studyToJson(again.study!)).toEqual(written);
    expect(
      studyToJson(validateStudy(raw({ n: 1, feel: 0 }), "s").study!).pairs[0].evidence
    ).toEqual({ n: 1, feel: 0 });
  });

  it.each([
    [{ n: 0, feel: 0.5 }, '"n": 0'],
    [{ n: 2.5, feel: 0.5 }, '"n": 2.5'],
    [{ n: "12", feel: 0.5 }, '"n": "12"'],
    [{ feel: 0.5 }, '"n": absent'],
    [{ n: 3, feel: 1.5 }, '"feel": 1.5'],
    [{ n: 3, feel: -0.1 }, '"feel": -0.1'],
    [{ n: 3 }, '"feel": absent'],
    [{ n: 3, feel: 0.5, source: 7 }, '"source": 7'],
    [{ n: 3, feel: 0.5, source: "a\u001bb" }, '"source": "a\\u001bb"'],
    [{ n: 3, feel: 0.5, weight: 2 }, '"weight"'],
    [[12, 0.5], "[12,0.5]"],
    ["12", '"12"'],
  ])("refuses %j, naming the field", (evidence, shown) => {
    const { study, problems } = validateStudy(raw(evidence), "s.json");
    expect(study).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "pair-evidence-invalid",
      severity: "error",
      location: { file: "s.json", field: "pairs[0].evidence" },
    });
    expect(problems[0].message.en.startsWith(`${shown}: expected {"n": whole number`)).toBe(true);
  });
});
