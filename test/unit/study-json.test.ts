import { studyToJson } from "../../src/layout/study-json";
import { Segment, Study, emptySegment } from "../../src/method/study";

const base: Study = {
  language: "fr",
  clienteles: [{ name: "Etudiants", type: "client" }, { name: "Hautes écoles" }],
  needs: [{ name: "Innover" }],
  pairs: [{ clientele: "Etudiants", need: "Innover", perception: 3, impact: 2 }],
  weights: { perception: 1, impact: 1 },
};

describe("studyToJson", () => {
  it("writes no segment fields for a study without them", () => {
    expect(Object.keys(studyToJson(base))).toEqual([
      "language",
      "clienteles",
      "needs",
      "pairs",
      "weights",
    ]);
  });

  it("writes offerings, segments, targets and conquest after the weights, segment fields in the contract's order", () => {
    // Fields given out of order, plans too: the file has them in the contract's order.
    const segment = {
      plans: { loyalty: "Club", acquisition: "Salons" },
      checklist: ["ok", "à faire"],
      basket: 120,
      frequency: 2,
      size: 5000,
      personas: ["Léa"],
      attributes: ["18-25 ans"],
      successFactors: ["Prix"],
      zones: ["Genève"],
      channels: ["Réseaux sociaux"],
      offerings: ["Atelier"],
      needs: ["Innover"],
      clienteles: ["Etudiants"],
      type: "marché de niche",
      name: "Jeunes",
    } as Segment;
    const json = studyToJson({
      ...base,
      conquest: ["Jeunes"],
      targets: [{ offering: "Atelier", segment: "Jeunes" }],
      segments: [segment],
      offerings: ["Atelier"],
    });
    expect(Object.keys(json)).toEqual([
      "language",
      "clienteles",
      "needs",
      "pairs",
      "weights",
      "offerings",
      "segments",
      "targets",
      "conquest",
    ]);
    expect(Object.keys(json.segments?.[0] ?? {})).toEqual([
      "name",
      "type",
      "clienteles",
      "needs",
      "offerings",
      "channels",
      "zones",
      "successFactors",
      "attributes",
      "personas",
      "size",
      "frequency",
      "basket",
      "checklist",
      "plans",
    ]);
    expect(Object.keys(json.segments?.[0].plans ?? {})).toEqual(["acquisition", "loyalty"]);
    expect(json.segments?.[0]).toEqual(segment);
    expect(json.targets).toEqual([{ segment: "Jeunes", offering: "Atelier" }]);
    expect(Object.keys(json.targets?.[0] ?? {})).toEqual(["segment", "offering"]);
  });

  it("leaves out a segment's absent type and figures", () => {
    const segment: Segment = emptySegment("Segment 1");
    expect(studyToJson({ ...base, segments: [segment] }).segments).toEqual([segment]);
    expect(
      Object.keys(studyToJson({ ...base, segments: [segment] }).segments?.[0] ?? {})
    ).not.toContain("type");
  });
});
