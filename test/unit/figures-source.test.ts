/**
 * A segment's figures' source (issue 15 §2: "build shows their source"): kept through the study
 * file, a wrong one left out with a warning naming the field (the figures kept), and the lines
 * `build` prints, per analysis date, a segment sized from its population taking only its
 * frequency and basket from the data.
 */
import { figuresSourceLines } from "../../src/cli/main";
import { studyToJson } from "../../src/layout/study-json";
import { validateStudy } from "../../src/method/validate";

const base = {
  language: "fr",
  clienteles: [{ name: "Familles" }, { name: "Pros" }],
  needs: [{ name: "Pain" }],
  pairs: [{ clientele: "Familles", need: "Pain" }],
};

const segment = (name: string, extra: Record<string, unknown>) => ({
  name,
  clienteles: ["Familles"],
  size: 3,
  frequency: 1.5,
  basket: 20,
  ...extra,
});

it("keeps the source through the study file, and leaves a wrong one out with a warning", () => {
  const source = { asOf: "2026-01-01", customers: 24503 };
  const { study } = validateStudy({ ...base, segments: [segment("A", { figuresSource: source })] });
  expect(study?.segments?.[0].figuresSource).toEqual(source);
  expect(studyToJson(study!).segments?.[0].figuresSource).toEqual(source);

  for (const wrong of [
    { asOf: "2026-02-30", customers: 3 },
    { asOf: "01/01/2026", customers: 3 },
    { asOf: "2026-01-01", customers: -1 },
    { asOf: "2026-01-01", customers: 2.5 },
    { asOf: "2026-01-01", customers: 3, by: "me" },
    "données clients",
  ]) {
    const read = validateStudy(
      { ...base, segments: [segment("A", { figuresSource: wrong })] },
      "s.json"
    );
    expect(read.problems.map((p) => [p.code, p.severity, p.location?.field])).toEqual([
      ["segment-figures-source-bad", "warning", "segments[0].figuresSource"],
    ]);
    expect(read.study?.segments?.[0].figuresSource).toBeUndefined();
    expect(read.study?.segments?.[0].size).toBe(3);
  }
});

it("says per analysis date which figures come from the customers' data", () => {
  const { study } = validateStudy({
    ...base,
    segments: [
      segment("A", { figuresSource: { asOf: "2026-01-01", customers: 3 } }),
      segment("B", { figuresSource: { asOf: "2026-01-01", customers: 3 } }),
      segment("C", {
        size: undefined,
        population: 1000,
        figuresSource: { asOf: "2026-01-01", customers: 3 },
      }),
      segment("D", { figuresSource: { asOf: "2025-06-30", customers: 3 } }),
      segment("E", {}),
    ],
  });
  expect(figuresSourceLines(study!, "fr")).toEqual([
    "tailles, fréquences et paniers de 2 segments tirés des données clients au 2026-01-01",
    "fréquences et paniers de 1 segment tirés des données clients au 2026-01-01",
    "tailles, fréquences et paniers de 1 segment tirés des données clients au 2025-06-30",
  ]);
  expect(figuresSourceLines(study!, "en")).toEqual([
    "sizes, frequencies and baskets of 2 segments from the customers' data to 2026-01-01",
    "frequencies and baskets of 1 segment from the customers' data to 2026-01-01",
    "sizes, frequencies and baskets of 1 segment from the customers' data to 2025-06-30",
  ]);
});
