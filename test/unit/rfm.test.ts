/** The RFM rule (src/analysis/rfm.ts) against an independent, naive computation on hand-made data. */
import fc from "fast-check";
import {
  DEFAULT_SEGMENT_RULES,
  customerTotals,
  dayOfIso,
  isoOfDay,
  rfGrid,
  rfmRuleText,
  rulesIn,
  scoreCustomers,
  scoresOf,
  segmentOf,
  summarise,
} from "../../src/analysis/rfm";
import { RFM_TEXTS } from "../../src/i18n/rfm";

/** The formula, written out with a count per value (N²). */
const naiveScore = (values: number[], i: number) =>
  1 + Math.floor((5 * values.filter((v) => v < values[i]).length) / values.length);

const day = (iso: string) => dayOfIso(iso) as number;
const rules = rulesIn(DEFAULT_SEGMENT_RULES, "fr");

describe("scores", () => {
  it("match the formula on ties, with the smallest at 1 and none above 5", () => {
    const values = [10, 10, 10, 3, 7, 7, 1, 100, 100, 50];
    expect(scoresOf(values)).toEqual(values.map((_, i) => naiveScore(values, i)));
    // Hand-checked: 1 has nobody below → 1; 3: 1 below → 1+⌊5/10⌋=1; 7: 2 below → 2; 10: 4 below → 3;
    // 50: 7 below → 4; 100: 8 below → 5.
    expect(scoresOf(values)).toEqual([3, 3, 3, 1, 2, 2, 1, 5, 5, 4]);
  });

  it("give every customer 1 when all are equal, and a single customer 1", () => {
    expect(scoresOf([4, 4, 4])).toEqual([1, 1, 1]);
    expect(scoresOf([42])).toEqual([1]);
    expect(scoresOf([])).toEqual([]);
  });

  it("agree with the naive formula on any values", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 60 }),
        (values) => {
          expect(scoresOf(values)).toEqual(values.map((_, i) => naiveScore(values, i)));
        }
      )
    );
  });
});

describe("customers", () => {
  const analysis = day("2025-01-11");
  const transactions = [
    { customerId: "A", day: day("2025-01-10"), amount: 100 },
    { customerId: "A", day: day("2025-01-01"), amount: 50 },
    { customerId: "A", day: day("2025-01-10"), amount: -30 }, // a return: netted, not a purchase
    { customerId: "B", day: day("2024-12-01"), amount: 20 },
    { customerId: "C", day: day("2025-01-10"), amount: 500 },
    { customerId: "D", day: day("2025-01-05"), amount: -10 }, // returns only
    { customerId: "E", day: day("2025-01-11"), amount: 999 }, // on the analysis date: not counted
  ];

  it("sum up recency, purchases and the net amount per customer", () => {
    const { customers, returnsOnly } = customerTotals(transactions, analysis);
    expect(returnsOnly).toEqual(["D"]);
    const rows = scoreCustomers(customers, analysis, rules);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get("A")).toMatchObject({ recency: 1, frequency: 2, monetary: 120 });
    expect(byId.get("B")).toMatchObject({ recency: 41, frequency: 1, monetary: 20 });
    expect(byId.get("C")).toMatchObject({ recency: 1, frequency: 1, monetary: 500 });
    expect(byId.has("E")).toBe(false);
    // A and C bought on the same day: same R. Recencies 1,41,1 → negated −1,−41,−1: A and C have
    // one customer below (B) → 1+⌊5/3⌋ = 2; B → 1.
    expect([byId.get("A")?.r, byId.get("B")?.r, byId.get("C")?.r]).toEqual([2, 1, 2]);
    expect(byId.get("A")?.f).toBe(1 + Math.floor((5 * 2) / 3));
    expect(byId.get("A")?.code).toBe(`${byId.get("A")?.r}${byId.get("A")?.f}${byId.get("A")?.m}`);
  });

  it("score a single customer 111", () => {
    const rows = scoreCustomers(
      [{ id: "solo", lastDay: analysis - 3, frequency: 4, monetary: 10 }],
      analysis,
      rules
    );
    expect(rows).toEqual([
      expect.objectContaining({ recency: 3, r: 1, f: 1, m: 1, code: "111", segment: "Perdus" }),
    ]);
  });
});

describe("segments", () => {
  it("cover the whole R × F grid once, by the first rule that holds", () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) {
        const holding = rules.filter(
          (rule) => rule.r[0] <= r && r <= rule.r[1] && rule.f[0] <= f && f <= rule.f[1]
        );
        expect([r, f, holding.length]).toEqual([r, f, 1]);
        expect(segmentOf(r, f, rules)).toBe(holding[0].name);
      }
    expect(segmentOf(5, 5, rules)).toBe("Champions");
    expect(segmentOf(1, 5, rulesIn(DEFAULT_SEGMENT_RULES, "en"))).toBe("At risk");
  });

  it("follow an edited table: first rule wins, none gives an empty name", () => {
    const edited = [
      { name: "Tous", r: [1, 5] as const, f: [1, 5] as const },
      { name: "Jamais", r: [5, 5] as const, f: [5, 5] as const },
    ];
    expect(segmentOf(5, 5, edited)).toBe("Tous");
    expect(segmentOf(3, 3, [{ name: "X", r: [5, 5], f: [5, 5] }])).toBe("");
  });

  it("summarise customers, revenue share, basket and purchases per year, and fill the grid", () => {
    const rows = scoreCustomers(
      [
        { id: "a", lastDay: 100, frequency: 10, monetary: 1000 },
        { id: "b", lastDay: 100, frequency: 10, monetary: 1000 },
        { id: "c", lastDay: 10, frequency: 1, monetary: 50 },
        { id: "d", lastDay: 50, frequency: 2, monetary: 150 },
        { id: "e", lastDay: 90, frequency: 1, monetary: 0 },
      ],
      101,
      rules
    );
    const summary = summarise(rows, rules, 365 * 2);
    expect(summary.map((line) => line.segment)).toEqual(rules.map((rule) => rule.name));
    const total = summary.reduce((sum, line) => sum + line.customers, 0);
    expect(total).toBe(5);
    const champions = summary.find((line) => line.segment === "Champions");
    // a and b: R 1+⌊5×3/5⌋ = 4… recency 1 for both, 3 customers with a larger recency → R 4.
    expect(rows[0]).toMatchObject({ r: 4, f: 4 });
    expect(champions?.customers).toBe(0);
    const loyal = summary.find((line) => line.segment === "Fidèles");
    expect(loyal).toMatchObject({
      customers: 2,
      revenue: 2000,
      meanBasket: 100,
      purchasesPerYear: 5,
    });
    expect(loyal?.shareOfRevenue).toBeCloseTo(2000 / 2200, 12);
    const grid = rfGrid(rows);
    expect(grid.counts[3][3]).toBe(2);
    expect(grid.revenue[3][3]).toBe(2000);
    expect(grid.counts.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });
});

it("states the rule in French and English from the same constants", () => {
  for (const language of ["fr", "en"] as const) {
    const text = rfmRuleText(language).join(" ");
    expect(text).toContain("1 + ⌊5 ×");
  }
  expect(rfmRuleText("fr").join(" ")).toContain("strictement inférieure");
  expect(rfmRuleText("en").join(" ")).toContain("strictly smaller");
});

it("reads and writes ISO days, refusing impossible dates", () => {
  expect(isoOfDay(day("2024-02-29"))).toBe("2024-02-29");
  expect(dayOfIso("2025-02-29")).toBeUndefined();
  expect(dayOfIso("1970-01-01")).toBe(0);
});

it("titles the customers' sheet with the count's plural in each language", () => {
  expect(RFM_TEXTS.fr.customersTitle("2025-01-01", 1)).toBe(
    "Clients RFM : 1 client, analyse au 2025-01-01"
  );
  expect(RFM_TEXTS.fr.customersTitle("2025-01-01", 2)).toBe(
    "Clients RFM : 2 clients, analyse au 2025-01-01"
  );
  expect(RFM_TEXTS.en.customersTitle("2025-01-01", 1)).toBe(
    "RFM customers: 1 customer, analysis date 2025-01-01"
  );
});
