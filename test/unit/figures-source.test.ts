/**
 * A segment's figures' source (issue 15 §2: "build shows their source"): kept through the study
 * file, a wrong one left out with a warning naming the field (the figures kept), and the lines
 * `build` prints, per analysis date, a segment sized from its population taking only its
 * frequency and basket from the data. On the Segments sheet: shown under the basket, read back
 * from what the cell shows (none once it says a figure changed), a text it cannot read said.
 */
import { figuresSourceLines } from "../../src/cli/main";
import { studyToJson } from "../../src/layout/study-json";
import { validateStudy } from "../../src/method/validate";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { NAMES } from "../../src/layout/names";
import { SheetGrid, WorkbookGrids, cellAt } from "../../src/layout/grids";
import { cellAddress } from "../../src/layout/a1";
import { clientPlan } from "../../src/layout/export";
import { deckModel } from "../../src/layout/deck";
import {
  figuresChangedText,
  figuresSourceText,
  readFiguresSourceText,
} from "../../src/i18n/figures-source";

const source24503 = { asOf: "2026-01-01", customers: 24503 };

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

describe("the source beside the figures on the Segments sheet", () => {
  const quantified = validateStudy({
    ...base,
    segments: [
      segment("A", { size: 24503, frequency: 2.1, basket: 41.8, figuresSource: source24503 }),
      segment("B", {
        size: undefined,
        population: 50000,
        trims: [{ family: "qui", criterion: "Jeunes", keep: 0.5 }],
        figuresSource: source24503,
      }),
      segment("C", {}),
    ],
  }).study!;

  /** The source row's cells (one per segment) and the grids they sit in. */
  function sourceCells(grids: WorkbookGrids): { grid: SheetGrid; row: number; cols: number[] } {
    const named = grids.names.find((n) => n.name === NAMES.segmentSource)!;
    const grid = grids.sheets.find((s) => s.name === named.sheet)!;
    const cols = Array.from({ length: named.rect.cols }, (_, k) => named.rect.col + k);
    return { grid, row: named.rect.row, cols };
  }

  it("shows the source right under the basket, per segment, in the study's language", () => {
    for (const [language, expected] of [
      [
        "fr",
        [
          "données clients au 2026-01-01, 24\u00a0503 clients",
          "fréquence et panier : données clients au 2026-01-01, 24\u00a0503 clients",
          null,
        ],
      ],
      [
        "en",
        [
          "customer data as of 2026-01-01, 24,503 customers",
          "frequency and basket: customer data as of 2026-01-01, 24,503 customers",
          null,
        ],
      ],
    ] as const) {
      const plan = buildPlan(quantified, { language });
      const grids = planGrids(plan);
      const { grid, row, cols } = sourceCells(grids);
      const basket = grids.names.find((n) => n.name === NAMES.segmentBasket)!;
      expect(row).toBe(basket.rect.row + 1);
      expect(cols.map((col) => cellAt(grid, row, col))).toEqual(expected);
      // The same again from the workbook: read gives the source back.
      const { study, problems } = readStudy(grids);
      expect(problems.filter((p) => p.code.includes("source"))).toEqual([]);
      expect(study?.segments?.map((s) => s.figuresSource)).toEqual([
        source24503,
        source24503,
        undefined,
      ]);
    }
  });

  it("gives no source back once the sheet says a figure changed, and says a text it cannot read", () => {
    const grids = planGrids(buildPlan(quantified));
    const { grid, row, cols } = sourceCells(grids);
    const set = (col: number, value: string) => {
      grid.values[row - 1][col - 1] = value;
    };
    // What the live formula shows once the basket is typed over: the figures are the consultant's.
    set(cols[0], figuresChangedText(source24503, "fr"));
    // A source in the other language and with a narrow no-break space: still the source.
    set(cols[1], "frequency and basket: customer data as of 2026-01-01, 24\u202f503 customers");
    set(cols[2], "d'après le fichier du client");
    const { study, problems } = readStudy(grids);
    expect(study?.segments?.map((s) => s.figuresSource)).toEqual([
      undefined,
      source24503,
      undefined,
    ]);
    const said = problems.filter((p) => p.code.includes("source"));
    expect(said.map((p) => [p.code, p.severity, p.location?.cell])).toEqual([
      ["segment-source-unread", "warning", cellAddress(row, cols[2])],
    ]);
    // The figures themselves are read as typed, whatever the source says.
    expect(study?.segments?.[0].basket).toBe(41.8);
  });

  it("writes a live formula holding the data's figures, the size only when the data gave it", () => {
    const plan = buildPlan(quantified);
    const sheet = plan.sheets.find((s) => s.role === "segments")!;
    const formulas = sheet.blocks
      .flatMap((block) => block.values.flat())
      .flatMap((value) =>
        value && typeof value === "object" && "formula" in value ? [value.formula] : []
      )
      .filter((f) => f.includes("données clients"));
    expect(formulas).toHaveLength(2);
    expect(formulas[0]).toContain("(24503)");
    expect(formulas[0]).toContain("(2.1)");
    expect(formulas[0]).toContain("(41.8)");
    expect(formulas[1]).not.toContain("(24503)");
  });
});

it("reads the texts the sheet writes, and only those", () => {
  for (const language of ["fr", "en"] as const)
    for (const sized of [true, false]) {
      const big = { asOf: "1999-12-31", customers: Number.MAX_SAFE_INTEGER };
      for (const source of [source24503, big, { asOf: "2026-01-01", customers: 0 }])
        expect(readFiguresSourceText(figuresSourceText(source, language, sized))).toEqual({
          kind: "source",
          source,
        });
    }
  expect(readFiguresSourceText(figuresChangedText(source24503, "en"))).toEqual({
    kind: "changed",
  });
  for (const text of [
    "",
    "données clients au 2026-02-30, 3 clients",
    "données clients au 2026-01-01, clients",
    "données clients au 2026-01-01, -3 clients",
    "données clients au 2026-01-01, 3,5 clients".replace(",5", ".5"),
    "données clients au 2026-01-01 3 clients",
    "données clients au 2026-01-01, 99999999999999999 clients",
    "customer data as of 2026-01-01, 3 clients",
    "chiffres modifiés depuis les données clients au hier",
  ])
    expect([text, readFiguresSourceText(text)]).toEqual([text, undefined]);
});

it("goes to the client: baked beside the figures in the client workbook, under the deck's segment card", () => {
  const { study } = validateStudy({
    ...base,
    segments: [
      segment("A", { size: 24503, frequency: 2.1, basket: 41.8, figuresSource: source24503 }),
      segment("B", {}),
    ],
  });
  const { plan } = clientPlan(study!, { created: new Date("2026-01-02") });
  const sheet = plan!.sheets.find((s) => s.role === "segments")!;
  const values = sheet.blocks.flatMap((block) => block.values.flat());
  expect(values).toContainEqual(
    expect.objectContaining({ text: "données clients au 2026-01-01, 24\u00a0503 clients" })
  );
  // Baked: no formula goes to the client.
  const formulas = values.filter((v) => v !== null && typeof v === "object" && "formula" in v);
  expect(JSON.stringify(formulas)).not.toContain("données clients");

  const { model } = deckModel(study!, { parts: ["segments"], created: new Date("2026-01-02") });
  const lines = (index: number) =>
    model!.slides[index].shapes.flatMap((shape) =>
      shape.kind === "text" ? shape.paragraphs.map((p) => p.text) : []
    );
  expect(lines(1)).toContain(
    "Taille, fréquence et panier\u00a0: données clients au 2026-01-01, 24\u00a0503 clients"
  );
  expect(lines(2).some((line) => line.includes("données clients"))).toBe(false);
});
