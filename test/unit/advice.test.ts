/**
 * The method's advice (docs/method.md §9): the suggested conquest order on hand-made cases with
 * ties, each warning on a study made to raise it (and not one step short of it), none on the worked
 * example, and the `advise` command's output.
 */
import { promises as fs } from "fs";
import path from "path";
import { orderStudy } from "../../src/analysis/order-study";
import { runCli } from "../../src/cli/main";
import { meanScore } from "../../src/layout/sheets/segments";
import { describeAdvice } from "../../src/i18n/advice";
import { advise, methodWarnings, suggestedConquest } from "../../src/method/advice";
import { segmentCompetition } from "../../src/method/segment-figures";
import { Pair, Segment, Study, emptySegment } from "../../src/method/study";
import { validateStudy } from "../../src/method/validate";
import { tempDir } from "../support/workbooks";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "exemple-incubateur.json");

interface SegmentSpec {
  name: string;
  clienteles?: string[];
  needs?: string[];
  size?: number;
  frequency?: number;
  basket?: number;
}

function segment(spec: SegmentSpec): Segment {
  return {
    ...emptySegment(spec.name),
    clienteles: spec.clienteles ?? [],
    needs: spec.needs ?? [],
    ...(spec.size !== undefined ? { size: spec.size } : {}),
    ...(spec.frequency !== undefined ? { frequency: spec.frequency } : {}),
    ...(spec.basket !== undefined ? { basket: spec.basket } : {}),
  };
}

/** A study over the given lists; `extra` adds offerings, targets, conquest. */
function study(
  clienteles: string[],
  needs: string[],
  pairs: Pair[],
  segments: SegmentSpec[],
  extra: Partial<Study> = {}
): Study {
  return {
    language: "en",
    clienteles: clienteles.map((name) => ({ name })),
    needs: needs.map((name) => ({ name })),
    pairs,
    weights: { perception: 1, impact: 1 },
    segments: segments.map(segment),
    ...extra,
  };
}

/** A rated pair: with weights 1, score = 100 × perception/4 × impact/4. */
const rated = (clientele: string, need: string, perception: number, impact: number): Pair => ({
  clientele,
  need,
  perception,
  impact,
});

const order = (s: Study): string[] => suggestedConquest(s).map((step) => step.segment);
const codes = (s: Study): string[] => methodWarnings(s).map((w) => `${w.code}:${w.segment ?? "-"}`);

describe("suggested conquest order: the first segment", () => {
  // Four disjoint segments: every later step overlaps 0, so the rank alone decides.
  const lists = {
    clienteles: ["c1", "c2", "c3", "c4", "c5"],
    needs: ["n1", "n2", "n3", "n4", "n5"],
  };
  const pairs = [
    rated("c1", "n1", 2, 4), // 50
    rated("c2", "n2", 4, 4), // 100
    rated("c3", "n3", 4, 4), // 100
    rated("c4", "n4", 4, 4), // 100
    { clientele: "c5", need: "n5" }, // ticked, not rated: no mean score
  ];
  const make = (segments: SegmentSpec[]): Study =>
    study(lists.clienteles, lists.needs, pairs, segments);

  it("starts with the highest mean score, segments without one last", () => {
    const s = make([
      { name: "Unrated", clienteles: ["c5"], needs: ["n5"], size: 9, frequency: 9, basket: 9 },
      { name: "Fifty", clienteles: ["c1"], needs: ["n1"] },
      { name: "Hundred", clienteles: ["c2"], needs: ["n2"] },
    ]);
    expect(order(s)).toEqual(["Hundred", "Fifty", "Unrated"]);
    expect(suggestedConquest(s)[0].reason).toEqual({ kind: "best-rank", meanScore: 100 });
  });

  it("breaks a mean-score tie by the higher potential, a missing potential counting lowest", () => {
    const s = make([
      { name: "No potential", clienteles: ["c2"], needs: ["n2"] },
      { name: "Small", clienteles: ["c3"], needs: ["n3"], size: 10, frequency: 1, basket: 1 },
      { name: "Large", clienteles: ["c4"], needs: ["n4"], size: 10, frequency: 2, basket: 5 },
    ]);
    expect(order(s)).toEqual(["Large", "Small", "No potential"]);
    expect(suggestedConquest(s)[0].reason).toEqual({
      kind: "best-rank",
      meanScore: 100,
      potential: 100,
    });
  });

  it("breaks a tie on mean score and potential by the study's order", () => {
    const s = make([
      { name: "Third", clienteles: ["c4"], needs: ["n4"], size: 1, frequency: 1, basket: 1 },
      { name: "First", clienteles: ["c2"], needs: ["n2"], size: 1, frequency: 1, basket: 1 },
      { name: "Second", clienteles: ["c3"], needs: ["n3"], size: 1, frequency: 1, basket: 1 },
    ]);
    expect(order(s)).toEqual(["Third", "First", "Second"]);
  });

  it("ranks segments without a mean score by potential, then study order", () => {
    const s = make([
      { name: "A", clienteles: ["c5"] },
      { name: "B", needs: ["n5"], size: 1, frequency: 1, basket: 1 },
      { name: "C" },
    ]);
    expect(order(s)).toEqual(["B", "A", "C"]);
    expect(suggestedConquest(s)[0].reason).toEqual({ kind: "best-rank", potential: 1 });
  });

  it("has no order without segments", () => {
    expect(suggestedConquest(study(["c"], ["n"], [], []))).toEqual([]);
  });
});

describe("suggested conquest order: the next segments by Jaccard overlap", () => {
  const clienteles = ["a", "b", "c", "d", "e", "f"];
  const needs = ["x", "y", "z", "w"];
  // Scores: the mean of each segment's rated pairs (weights 1).
  const pairs = [
    rated("a", "x", 4, 4), // 100
    rated("b", "y", 3, 4), // 75
    rated("c", "z", 2, 4), // 50
    rated("d", "w", 1, 4), // 25
    rated("e", "w", 1, 4), // 25
    rated("f", "w", 1, 4), // 25
  ];

  it("takes next the segment sharing most, not the next best score", () => {
    const s = study(clienteles, needs, pairs, [
      { name: "Lead", clienteles: ["a", "b"], needs: ["x"] }, // {a b x}; a×x: mean 100
      { name: "Good, apart", clienteles: ["c"], needs: ["z"] }, // {c z}; mean 50, overlap 0
      { name: "Weak, close", clienteles: ["d"], needs: ["x", "w"] }, // {d x w}; mean 25; x of {a b d x w}
    ]);
    const steps = suggestedConquest(s);
    expect(steps.map((step) => step.segment)).toEqual(["Lead", "Weak, close", "Good, apart"]);
    expect(steps[1].reason).toEqual({ kind: "overlap", overlap: 1 / 5 });
    expect(steps[2].reason).toEqual({ kind: "overlap", overlap: 0 });
  });

  it("measures the overlap against the union of every segment chosen so far", () => {
    const s = study(clienteles, needs, pairs, [
      { name: "S1", clienteles: ["a"], needs: ["x"] }, // 100
      { name: "S2", clienteles: ["a", "b"], needs: ["x"] }, // {a b x}: 2/3 with S1; a×x: mean 100
      { name: "S3", clienteles: ["b"], needs: ["y"] }, // {b y}: 0 with S1; 1/4 once S2 is in (b)
      { name: "S4", clienteles: ["e"], needs: ["y"] }, // {e y}: 0, then 1/5 once S3 is in (y)
    ]);
    const steps = suggestedConquest(s);
    expect(steps.map((step) => step.segment)).toEqual(["S1", "S2", "S3", "S4"]);
    expect(steps.map((step) => step.reason)).toEqual([
      { kind: "best-rank", meanScore: 100 },
      { kind: "overlap", overlap: 2 / 3 },
      { kind: "overlap", overlap: 1 / 4 },
      { kind: "overlap", overlap: 1 / 5 },
    ]);
  });

  it("a tie of equal fractions written differently goes to the better rank", () => {
    // After Lead {a x}: P {a y} → 1/3; Q {a x b c d e} → 2/6 = 1/3. Q has the better mean score.
    const s = study(clienteles, needs, pairs, [
      { name: "P", clienteles: ["a"], needs: ["y"] }, // no ticked a×y: no mean score
      { name: "Q", clienteles: ["a", "b", "c", "d"], needs: ["x", "w"] }, // a×x 100, d×w 25: 62.5
      { name: "Lead", clienteles: ["a"], needs: ["x"] }, // 100
    ]);
    const steps = suggestedConquest(s);
    expect(steps.map((step) => step.segment)).toEqual(["Lead", "Q", "P"]);
    expect(steps[1].reason).toEqual({ kind: "overlap", overlap: 2 / 6 });
    // And with the ranks the other way round, the other one wins the same tie.
    const swapped = study(
      clienteles,
      needs,
      [...pairs, rated("a", "y", 4, 4)],
      [
        { name: "P", clienteles: ["a"], needs: ["y"] }, // a×y 100
        { name: "Q", clienteles: ["a", "b", "c", "d"], needs: ["x", "w"] }, // 62.5
        { name: "Lead", clienteles: ["a"], needs: ["x"], size: 1, frequency: 1, basket: 1 }, // 100, potential
      ]
    );
    expect(order(swapped)).toEqual(["Lead", "P", "Q"]);
  });

  it("counts a clientèle and a need of the same name as two members, names compared as keys", () => {
    const s = study(
      ["Innover", "b"],
      ["Innover", "y"],
      [rated("b", "y", 4, 4)],
      [
        { name: "Lead", clienteles: ["b"], needs: ["y"] }, // {c:b n:y}
        { name: "Clientèle", clienteles: ["INNOVER", "B"] }, // {c:innover c:b}: 1/3
        { name: "Need", needs: ["innover", " Y "] }, // {n:innover n:y}: 1/3 too; the rank decides
      ]
    );
    const steps = suggestedConquest(s);
    expect(steps.map((step) => step.segment)).toEqual(["Lead", "Clientèle", "Need"]);
    expect(steps[1].reason).toEqual({ kind: "overlap", overlap: 1 / 3 });
    // Union {c:b n:y c:innover}; Need {n:innover n:y}: shares n:y only, of 4 members.
    expect(steps[2].reason).toEqual({ kind: "overlap", overlap: 1 / 4 });
  });
});

describe("the method's warnings", () => {
  const clienteles = ["c1", "c2", "c3", "c4", "c5"];
  const needs = ["n1", "n2"];
  const ticked = (clientele: string, need: string, competition?: number): Pair => ({
    clientele,
    need,
    ...(competition !== undefined ? { competition } : {}),
  });
  const quantified = { size: 100, frequency: 2, basket: 30 };

  it("segment-too-broad: more than half of the clientèles that have an X, not exactly half", () => {
    // c5 has no X: the clientèles with an X are c1–c4; half is 2.
    const pairs = ["c1", "c2", "c3", "c4"].map((c) => ticked(c, "n1"));
    const s = study(clienteles, needs, pairs, [
      { name: "Three of four", clienteles: ["c1", "c2", "c3"] },
      { name: "Two of four, plus c5", clienteles: ["c1", "c2", "c5"] },
    ]);
    const warnings = methodWarnings(s);
    expect(codes(s)).toEqual(["segment-too-broad:Three of four"]);
    expect(warnings[0].problem.severity).toBe("warning");
    expect(warnings[0].problem.message.fr).toContain("« mon marché, c'est tout le monde »");
    expect(warnings[0].problem.message.en).toContain("3 of the 4 clientèles that have an X");
  });

  const targeting = (segmentCount: number, conquest: string[] = []): Study => {
    const names = Array.from({ length: segmentCount }, (_, i) => `S${i + 1}`);
    return study(
      clienteles,
      needs,
      [],
      names.map((name) => ({ name, ...quantified })),
      {
        offerings: ["O1", "O2"],
        targets: names.map((name) => ({ segment: name, offering: "O1" })),
        ...(conquest.length > 0 ? { conquest } : {}),
      }
    );
  };

  it("too-many-targets: more than three segments targeted without a conquest order", () => {
    expect(codes(targeting(4))).toEqual(["too-many-targets:-"]);
    expect(methodWarnings(targeting(4))[0].segment).toBeUndefined();
    expect(methodWarnings(targeting(4))[0].problem.message.en).toMatch(/^4 segments are targeted/);
    expect(codes(targeting(3))).toEqual([]);
    expect(codes(targeting(4, ["S2"]))).toEqual([]);
  });

  it("full-coverage: every offering for every segment, and only then", () => {
    const full = study(
      clienteles,
      needs,
      [],
      [
        { name: "A", ...quantified },
        { name: "B", ...quantified },
      ],
      {
        offerings: ["O1", "O2"],
        targets: [
          { segment: "A", offering: "O1" },
          { segment: "A", offering: "O2" },
          { segment: "b", offering: "o1" },
          { segment: "B", offering: "O2" },
        ],
      }
    );
    expect(codes(full)).toEqual(["full-coverage:-"]);
    expect(methodWarnings(full)[0].problem.message.fr).toContain(
      "les moyens d'une grande entreprise"
    );
    const selective = { ...full, targets: full.targets!.slice(0, 3) };
    expect(codes(selective)).toEqual([]);
  });

  it("target-unquantified: a targeted segment without a potential, naming the missing figures", () => {
    const s = study(
      clienteles,
      needs,
      [],
      [
        { name: "Targeted, no basket", size: 10, frequency: 1 },
        { name: "Not targeted", size: 10 },
        { name: "Targeted, quantified", ...quantified },
      ],
      {
        offerings: ["O1", "O2"],
        targets: [
          { segment: "Targeted, no basket", offering: "O1" },
          { segment: "Targeted, quantified", offering: "O2" },
        ],
      }
    );
    expect(codes(s)).toEqual(["target-unquantified:Targeted, no basket"]);
    const text = methodWarnings(s)[0].problem.message;
    expect(text.en).toContain("missing: average basket");
    expect(text.fr).toContain("il manque : panier moyen");
  });

  it("busy-market from a mean competition of 3, empty-market up to 0.5, unrated pairs ignored", () => {
    const pairs = [
      ticked("c1", "n1", 3),
      ticked("c2", "n1", 3),
      ticked("c3", "n1", 2),
      ticked("c3", "n2", 4), // c3: mean 3
      ticked("c4", "n1", 1),
      ticked("c4", "n2", 0), // c4: mean 0.5
      ticked("c5", "n1", 1),
      ticked("c5", "n2"), // no level: left out of the mean, which stays 1
    ];
    const s = study(clienteles, needs, pairs, [
      { name: "Busy", clienteles: ["c1", "c2"], needs: ["n1"] },
      { name: "Busy too", clienteles: ["c3"], needs: ["n1", "n2"] },
      { name: "Just under busy", clienteles: ["c1", "c3"], needs: ["n1"] }, // (3 + 2) / 2 = 2.5
      { name: "Empty", clienteles: ["c4"], needs: ["n1", "n2"] },
      { name: "Unrated left out", clienteles: ["c5"], needs: ["n1", "n2"] }, // 1, not 0.5
      { name: "No pair", clienteles: ["c1"], needs: ["n2"] },
    ]);
    // Every segment with pairs holds few of the five clientèles: no segment-too-broad.
    expect(codes(s)).toEqual(["busy-market:Busy", "busy-market:Busy too", "empty-market:Empty"]);
    expect(segmentCompetition(s.segments![4], s.pairs)).toBe(1);
    expect(segmentCompetition(s.segments![5], s.pairs)).toBeUndefined();
    const empty = methodWarnings(s)[2].problem.message;
    expect(empty.fr).toContain("0,5 sur 4");
    expect(empty.en).toContain("ask why nobody is there");
  });

  it("finds a segment's pairs whatever the case and spaces of its names", () => {
    const s = study(
      clienteles,
      needs,
      [ticked("c1", "n1", 4), rated("c2", "n1", 4, 4), ticked("c3", "n2"), ticked("c4", "n2")],
      [{ name: "Typed loosely", clienteles: ["C1", " c2"], needs: ["N1 "] }]
    );
    expect(codes(s)).toEqual(["busy-market:Typed loosely"]);
    expect(suggestedConquest(s)[0].reason).toEqual({ kind: "best-rank", meanScore: 100 });
  });

  it("the mean competition is not rounded", () => {
    const s = study(
      clienteles,
      needs,
      [ticked("c1", "n1", 3), ticked("c2", "n1", 3), ticked("c3", "n1", 2)],
      [{ name: "Almost busy", clienteles: ["c1", "c2", "c3"], needs: ["n1"] }]
    );
    expect(segmentCompetition(s.segments![0], s.pairs)).toBeCloseTo(8 / 3, 12);
    expect(codes(s).filter((c) => c.startsWith("busy"))).toEqual([]);
  });

  it("lists the warnings in the catalogue's order, then the study's order of segments", () => {
    const names = ["S1", "S2", "S3", "S4"];
    const s = study(
      ["c1", "c2"],
      ["n1"],
      [ticked("c1", "n1", 4), ticked("c2", "n1", 4)],
      names.map((name) => ({ name, clienteles: ["c1", "c2"], needs: ["n1"] })),
      {
        offerings: ["O1"],
        targets: names.map((name) => ({ segment: name, offering: "O1" })),
      }
    );
    expect(codes(s)).toEqual([
      ...names.map((n) => `segment-too-broad:${n}`),
      "too-many-targets:-",
      ...names.map((n) => `target-unquantified:${n}`),
      ...names.map((n) => `busy-market:${n}`),
    ]);
  });
});

describe("the worked example", () => {
  it("raises no warning, as shipped (no segments yet) and with its three candidate segments", async () => {
    const { study: example } = validateStudy(JSON.parse(await fs.readFile(EXAMPLE, "utf8")));
    expect(example).toBeDefined();
    expect(advise(example!)).toEqual({ conquest: [], warnings: [] });
    const { ordered } = orderStudy(example!, { segments: 3 });
    const withSegments = ordered!.study;
    expect(withSegments.segments).toHaveLength(3);
    expect(methodWarnings(withSegments)).toEqual([]);
    // Its mean competitions sit between the thresholds: nothing to warn about, by the figures.
    for (const s of withSegments.segments!) {
      const mean = segmentCompetition(s, withSegments.pairs)!;
      expect(mean).toBeGreaterThan(0.5);
      expect(mean).toBeLessThan(3);
    }
    // The first step's mean score is the sheet's own, over the whole study.
    const [first] = suggestedConquest(withSegments);
    const lead = withSegments.segments!.find((segment) => segment.name === first.segment)!;
    expect(first.reason).toEqual({ kind: "best-rank", meanScore: meanScore(lead, withSegments) });
    expect(suggestedConquest(withSegments)).toHaveLength(3);
  });
});

describe("the advice in words", () => {
  it("says each step's reason, in French and in English", () => {
    const s = study(
      ["a", "b"],
      ["x"],
      [rated("a", "x", 4, 3), rated("b", "x", 4, 4)],
      [
        { name: "Lead", clienteles: ["a"], needs: ["x"], size: 1000, frequency: 2, basket: 3.5 },
        { name: "Next", clienteles: ["a", "b"], needs: ["x"] },
      ]
    );
    expect(describeAdvice(advise(s), "fr")).toEqual([
      "Ordre de conquête suggéré :",
      "  1. « Next » — meilleur score moyen (87,5, sans potentiel)",
      "  2. « Lead » — recouvrement de 67 % de ses clientèles et besoins avec ceux des segments déjà choisis",
      "Avertissements de la méthode :",
      "  [segment-too-broad] le segment « Next » regroupe 2 des 2 clientèles qui ont un X, plus de la moitié : « mon marché, c'est tout le monde » n'est pas un segment. Scindez-le jusqu'à ce que ses membres partagent une même offre, un même message et un même prix",
    ]);
    const en = describeAdvice(advise({ ...s, segments: [s.segments![0]] }), "en");
    expect(en[1]).toBe('  1. "Lead" — best mean score (75, potential 7,000)');
    expect(en[en.length - 1]).toBe("No warning from the method.");
  });
});

describe("cli advise", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  const file = {
    language: "fr",
    clienteles: ["Etudiants", "Hautes écoles", "Intrapreneurs"],
    needs: ["Innover", "Former des tiers"],
    pairs: [
      { clientele: "Etudiants", need: "Innover", perception: 4, impact: 4, competition: 4 },
      { clientele: "Hautes écoles", need: "Former des tiers", perception: 2, impact: 2 },
      { clientele: "Intrapreneurs", need: "Innover", perception: 3, impact: 4, competition: 3 },
    ],
    offerings: ["Atelier"],
    segments: [
      { name: "Écoles", clienteles: ["Hautes écoles"], needs: ["Former des tiers"] },
      { name: "Créateurs", clienteles: ["Etudiants", "Intrapreneurs"], needs: ["Innover"] },
    ],
    targets: [{ segment: "Créateurs", offering: "Atelier" }],
  };

  it("--json prints exactly the conquest names and each warning's code, segment and text", async () => {
    const input = path.join(dir, "s.json");
    await fs.writeFile(input, JSON.stringify(file));
    const result = await cli("advise", input, "--json", "--lang", "en");
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    const json = JSON.parse(result.out.join("\n"));
    expect(Object.keys(json)).toEqual(["conquest", "warnings"]);
    expect(json.conquest).toEqual(["Créateurs", "Écoles"]);
    expect(json.warnings.map((w: object) => Object.keys(w))).toEqual([
      ["code", "segment", "text"],
      ["code", "segment", "text"],
      ["code", "segment", "text"],
    ]);
    expect(
      json.warnings.map((w: { code: string; segment: string | null }) => [w.code, w.segment])
    ).toEqual([
      ["segment-too-broad", "Créateurs"],
      ["target-unquantified", "Créateurs"],
      ["busy-market", "Créateurs"],
    ]);
    expect(json.warnings[2].text).toContain("mean competition of 3.5 out of 4");
  });

  it("gives a study-wide warning a null segment, and reads a workbook as a study", async () => {
    const wide = {
      ...file,
      offerings: ["A", "B"],
      segments: file.segments.map((s) => ({ ...s, size: 1, frequency: 1, basket: 1 })),
      targets: ["Écoles", "Créateurs"].flatMap((segment) =>
        ["A", "B"].map((offering) => ({ segment, offering }))
      ),
    };
    const input = path.join(dir, "wide.json");
    await fs.writeFile(input, JSON.stringify(wide));
    const fromStudy = await cli("advise", input, "--json");
    const json = JSON.parse(fromStudy.out.join("\n"));
    expect(json.warnings[1]).toEqual({
      code: "full-coverage",
      segment: null,
      text: expect.stringContaining("couverture complète du marché"),
    });
    const workbook = path.join(dir, "wide.xlsx");
    expect((await cli("build", input, "-o", workbook)).code).toBe(0);
    const fromWorkbook = await cli("advise", workbook, "--json");
    expect(fromWorkbook.code).toBe(0);
    expect(JSON.parse(fromWorkbook.out.join("\n"))).toEqual(json);
  });

  it("prints the order and the warnings in words, in the study's language", async () => {
    const input = path.join(dir, "s.json");
    await fs.writeFile(input, JSON.stringify(file));
    const result = await cli("advise", input);
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe("Ordre de conquête suggéré :");
    expect(result.out[1]).toMatch(
      /^ {2}1\. « Créateurs » — meilleur score moyen \(87,5, sans potentiel\)$/
    );
    expect(result.out).toContain("Avertissements de la méthode :");
    expect(result.out.filter((line) => line.startsWith("  [busy-market] "))).toHaveLength(1);
  });

  it("refuses a missing input (exit 1) and misuse (exit 2)", async () => {
    expect((await cli("advise", path.join(dir, "none.json"))).code).toBe(1);
    expect((await cli("advise")).code).toBe(2);
    expect((await cli("advise", "a.json", "--lang", "de")).code).toBe(2);
  });
});
