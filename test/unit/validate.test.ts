import { formatProblem } from "../../src/messages";
import { validateStudy } from "../../src/method/validate";
import { pairPlaces, pairsInTableOrder } from "../../src/method/study";
import { readExample } from "../support/workbooks";

const base = () => ({
  clienteles: ["Etudiants", "Hautes écoles"],
  needs: ["Innover", "Se former"],
  pairs: [{ clientele: "Etudiants", need: "Innover", perception: 3, impact: 4, competition: 0 }],
});

function errorsOf(input: unknown): string[] {
  const result = validateStudy(input, "study.json");
  return result.problems.filter((p) => p.severity === "error").map((p) => formatProblem(p, "en"));
}

describe("validateStudy", () => {
  it("accepts a correct study and fills in defaults", () => {
    const { study, problems } = validateStudy(base());
    expect(problems).toEqual([]);
    expect(study).toEqual({
      language: "fr",
      clienteles: [{ name: "Etudiants" }, { name: "Hautes écoles" }],
      needs: [{ name: "Innover" }, { name: "Se former" }],
      pairs: [
        { clientele: "Etudiants", need: "Innover", perception: 3, impact: 4, competition: 0 },
      ],
      weights: { perception: 1, impact: 1 },
    });
  });

  it("reads -0 (valid JSON) as 0, as JSON.stringify and a workbook write it back", () => {
    const { study } = validateStudy({
      ...base(),
      pairs: [{ clientele: "Etudiants", need: "Innover", competition: -0 }],
      weights: { perception: -0, impact: 2 },
      segments: [{ name: "S", size: -0 }],
    });
    expect(Object.is(study?.weights.perception, 0)).toBe(true);
    expect(Object.is(study?.segments?.[0].size, 0)).toBe(true);
    expect(Object.is(study?.pairs[0].competition, 0)).toBe(true);
  });

  it("trims names and keeps every other character exactly", () => {
    const odd = [
      "=1+1",
      "+33 6",
      "-x",
      "@home",
      "a*b?c~d",
      "<5 ans>",
      "=",
      "\"quoted\" 'single'",
      "émoji 🚀",
      "x".repeat(200),
    ];
    const { study, problems } = validateStudy({
      clienteles: odd.map((n) => `  ${n} `),
      needs: ["n"],
      pairs: [],
    });
    expect(problems).toEqual([]);
    expect(study?.clienteles.map((c) => c.name)).toEqual(odd);
  });

  it("refuses what is not an object", () => {
    expect(errorsOf([])).toEqual([
      expect.stringMatching(/^study.json: the study must be a JSON object/),
    ]);
  });

  const cases: [string, unknown, RegExp][] = [
    ["missing clientèles", { needs: ["n"] }, /study.json: clienteles: missing list/],
    ["empty needs", { clienteles: ["c"], needs: [] }, /study.json: needs: the list is empty/],
    [
      "a name that is not text",
      { clienteles: ["c", 3], needs: ["n"] },
      /clienteles\[1\]: each clientèle is a name/,
    ],
    [
      "an empty name",
      { clienteles: ["c", "   "], needs: ["n"] },
      /clienteles\[1\]: the name is empty/,
    ],
    [
      "a duplicate after trimming and case-folding",
      { clienteles: ["Etudiants", " ETUDIANTS "], needs: ["n"] },
      /clienteles\[1\]: "ETUDIANTS" is a duplicate \(same as clienteles\[0\]/,
    ],
    [
      "a name too long",
      { clienteles: ["c".repeat(256)], needs: ["n"] },
      /clienteles\[0\]: the name has 256 characters/,
    ],
    [
      "a control character",
      { clienteles: ["a\u0001b"], needs: ["n"] },
      /clienteles\[0\]: contains an invisible control character \(U\+0001/,
    ],
    [
      "an unknown clientèle type",
      { clienteles: [{ name: "c", type: "fournisseur" }], needs: ["n"] },
      /clienteles\[0\].type: unknown type "fournisseur" for "c"/,
    ],
    [
      "an unknown need type",
      { clienteles: ["c"], needs: [{ name: "n", type: "envie" }] },
      /needs\[0\].type: unknown type "envie"/,
    ],
    [
      "an unknown language",
      { language: "de", clienteles: ["c"], needs: ["n"] },
      /language: unknown language "de"/,
    ],
    [
      "a weight out of range",
      { clienteles: ["c"], needs: ["n"], weights: { perception: 6 } },
      /weights.perception: "6" is not a valid weight: use a number from 0 to 5/,
    ],
    [
      "a weight that is text",
      { clienteles: ["c"], needs: ["n"], weights: { impact: "2" } },
      /weights.impact: ""2"" is not a valid weight/,
    ],
    [
      "perception out of range",
      { clienteles: ["c"], needs: ["n"], pairs: [{ clientele: "c", need: "n", perception: 5 }] },
      /pairs\[0\].perception: "5" is not a level: use a whole number from 1 to 4/,
    ],
    [
      "impact not whole",
      { clienteles: ["c"], needs: ["n"], pairs: [{ clientele: "c", need: "n", impact: 2.5 }] },
      /pairs\[0\].impact: "2.5" is not a level/,
    ],
    [
      "competition below 0",
      { clienteles: ["c"], needs: ["n"], pairs: [{ clientele: "c", need: "n", competition: -1 }] },
      /pairs\[0\].competition: "-1" is not a level: use a whole number from 0 to 4/,
    ],
    [
      "a pair without clientèle",
      { clienteles: ["c"], needs: ["n"], pairs: [{ need: "n" }] },
      /pairs\[0\].clientele: name the pair's clientèle/,
    ],
    [
      "a duplicate pair",
      {
        clienteles: ["c"],
        needs: ["n"],
        pairs: [
          { clientele: "c", need: "n" },
          { clientele: "C", need: "N" },
        ],
      },
      /pairs\[1\]: the pair \("c", "n"\) is already pairs\[0\]/,
    ],
    [
      "pairs not a list",
      { clienteles: ["c"], needs: ["n"], pairs: {} },
      /pairs: must be a list of pairs/,
    ],
    [
      "a title that is not text",
      { title: 3, clienteles: ["c"], needs: ["n"] },
      /title: the title must be a text/,
    ],
  ];
  it.each(cases)("names the field for %s", (_label, input, message) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  const orphan = {
    clienteles: ["b"],
    needs: ["n"],
    pairs: [
      { clientele: "a", need: "n", perception: 3, impact: 2 },
      { clientele: "b", need: "n" },
    ],
  };

  it("refuses a pair whose clientèle is not in the list, naming it with its ratings", () => {
    const { study, problems } = validateStudy(orphan);
    expect(study).toBeUndefined();
    expect(problems.map((p) => [p.severity, formatProblem(p, "en")])).toEqual([
      [
        "error",
        'pairs[0]: pair ("a", "n"): clientèle "a" is not in the list (it had perception 3, impact 2); correct the name, or add --drop-orphans to drop such pairs',
      ],
    ]);
  });

  it("drops such a pair when asked, with a warning that keeps its ratings", () => {
    const { study, problems } = validateStudy(orphan, undefined, { orphans: "drop" });
    expect(study?.pairs).toEqual([{ clientele: "b", need: "n" }]);
    expect(problems).toHaveLength(1);
    expect(problems[0].severity).toBe("warning");
    expect(formatProblem(problems[0], "en")).toBe(
      'pairs[0]: pair ("a", "n") dropped: clientèle "a" is no longer in the list (it had perception 3, impact 2)'
    );
    expect(formatProblem(problems[0], "fr")).toContain("retirée");
  });

  it("reads types in French or English and stores them canonically", () => {
    const { study } = validateStudy({
      clienteles: [
        { name: "a", type: "Direct beneficiary" },
        { name: "b", type: "bénéficiaire groupe" },
        { name: "c", type: "CLIENT" },
      ],
      needs: [
        { name: "n", type: "opportunity" },
        { name: "m", type: "probleme" },
      ],
    });
    expect(study?.clienteles.map((c) => c.type)).toEqual([
      "bénéficiaire direct",
      "bénéficiaire groupe",
      "client",
    ]);
    expect(study?.needs.map((c) => c.type)).toEqual(["opportunité", "problème"]);
  });

  it("matches pairs to names regardless of case and spaces and stores the list's spelling", () => {
    const { study } = validateStudy({
      clienteles: ["Hautes écoles"],
      needs: ["Innover"],
      pairs: [{ clientele: " hautes ÉCOLES", need: "innover " }],
    });
    expect(study?.pairs).toEqual([{ clientele: "Hautes écoles", need: "Innover" }]);
  });
});

describe("the shipped examples", () => {
  it.each(["exemple-incubateur.json", "small-en.json"])(
    "%s is a valid study without warnings",
    async (name) => {
      const { study, problems } = validateStudy(await readExample(name), name);
      expect(problems).toEqual([]);
      expect(study?.pairs.length).toBeGreaterThan(0);
    }
  );

  it("the worked example ticks the 47 pairs of the method, 13 × 13", async () => {
    const { study } = validateStudy(await readExample("exemple-incubateur.json"));
    expect([study?.clienteles.length, study?.needs.length, study?.pairs.length]).toEqual([
      13, 13, 47,
    ]);
  });
});

describe("pairs in the tick table's order", () => {
  const clienteles = [{ name: "B" }, { name: "a" }];
  const needs = [{ name: "n1" }, { name: "N2" }];

  it("orders by clientèle column then need row, names matched as the reader matches them", () => {
    const pairs = [
      { clientele: "A", need: "n2" },
      { clientele: " b ", need: "N1" },
      { clientele: "a", need: "n1" },
      { clientele: "ghost", need: "n1" },
    ];
    expect(pairsInTableOrder(clienteles, needs, pairs)).toEqual([pairs[1], pairs[2], pairs[0]]);
    // Keys are clientèle index × needs + need index: B/n1 is 0, a/N2 is 3.
    expect([...pairPlaces(clienteles, needs, pairs).keys()].sort()).toEqual([0, 2, 3]);
  });

  it("keeps the last of two pairs on one place", () => {
    const first = { clientele: "a", need: "n1", perception: 1 };
    const last = { clientele: "A", need: "N1", perception: 2 };
    expect(pairsInTableOrder(clienteles, needs, [first, last])).toEqual([last]);
  });
});
