/**
 * The client deck as PowerPoint reads it: the package (content types, relationships, no external
 * link, no macro, unique shape ids per slide), the matrix as native tables (every name, every
 * scored cell's text and fill as the scale says, every other cell empty, headers repeated on
 * continued slides, no text under the minimum size), the segments' cards with the currency, and
 * the targeting slide.
 */
import { deckModel } from "../../src/layout/deck";
import { finishWithZlib } from "../../src/hosts/pptx/node-package";
import { MAX_COLUMNS_PER_SLIDE, MAX_ROWS_PER_SLIDE } from "../../src/layout/deck/matrix";
import {
  DECK_FONT,
  DeckTable,
  DeckTextBox,
  MIN_FONT_SIZE,
  textWidth,
} from "../../src/layout/deck/model";
import { CELL_PAD_X } from "../../src/layout/deck/matrix";
import { MAX_SEGMENTS_PER_SLIDE, TARGETING_TABLE_BOTTOM } from "../../src/layout/deck/targeting";
import { PALETTES, scaleColour } from "../../src/method/colour";
import { pairScore } from "../../src/method/score";
import { Study, isRated, pairKey } from "../../src/method/study";
import { STRATEGIES } from "../../src/method/segments";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { ExportPart } from "../../src/layout/export";
import { Language } from "../../src/method/levels";
import { DECK_TEXTS } from "../../src/i18n/deck";
import { deckBytes, deckParts, shapeIds, slideNames, slideText, tables } from "../support/deck-xml";
import { HOSTILE_NAMES, segmentedStudy } from "../support/export-fixtures";
import { readExample, study } from "../support/workbooks";

const CREATED = new Date("2026-12-07T10:00:00Z");

async function deck(
  input: Study,
  options: { parts?: ExportPart[]; language?: Language; palette?: "default" | "colourblind" } = {}
): Promise<Map<string, string>> {
  const { model, problems } = deckModel(input, { ...options, created: CREATED });
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  return deckParts(await deckBytes(model!));
}

/** Every cell of the matrix slides, by (need, clientèle) name, read from the tables. */
function matrixCells(
  parts: Map<string, string>,
  input: Study
): Map<string, { text: string; fill?: string; sizes: number[] }[]> {
  const cells = new Map<string, { text: string; fill?: string; sizes: number[] }[]>();
  const clienteles = new Set(input.clienteles.map((c) => c.name));
  for (const name of slideNames(parts)) {
    for (const table of tables(parts.get(name)!)) {
      const header = table.find((row) => row.slice(1).some((cell) => clienteles.has(cell.text)));
      if (!header) continue;
      const headerIndex = table.indexOf(header);
      for (const row of table.slice(headerIndex + 1))
        row.slice(1).forEach((cell, j) => {
          const key = pairKey(header[j + 1].text, row[0].text);
          cells.set(key, [...(cells.get(key) ?? []), cell]);
        });
    }
  }
  return cells;
}

function expectPackageWellFormed(parts: Map<string, string>): void {
  const types = parts.get("[Content_Types].xml")!;
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]));
  const overrides = new Set([...types.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1]));
  for (const name of parts.keys()) {
    if (name.endsWith("/") || name === "[Content_Types].xml") continue;
    const extension = name.slice(name.lastIndexOf(".") + 1);
    expect({ name, typed: overrides.has("/" + name) || defaults.has(extension) }).toEqual({
      name,
      typed: true,
    });
  }
  for (const override of overrides) expect(parts.has(override.slice(1))).toBe(true);
  // Every relationship points inside the package, to a part that exists.
  for (const [name, xml] of parts) {
    if (!name.endsWith(".rels")) continue;
    expect(xml).not.toMatch(/TargetMode="External"/);
    const folder = name.replace(/_rels\/[^/]*\.rels$/, "");
    for (const [, target] of xml.matchAll(/Target="([^"]+)"/g)) {
      const resolved = new URL(target, "http://x/" + folder).pathname.slice(1);
      expect({ name, target, exists: parts.has(resolved) }).toEqual({ name, target, exists: true });
    }
  }
  // No macro, no embedded object, no link out.
  for (const name of parts.keys())
    expect(name).not.toMatch(/vbaProject|\.bin$|activeX|embeddings\/./i);
  expect(types).not.toMatch(/macroEnabled|vbaProject/i);
  for (const [name, xml] of parts)
    if (name.endsWith(".xml")) expect(xml).not.toMatch(/r:link=|hlinkClick|TargetMode/);
  // Unique shape ids on every slide.
  for (const name of slideNames(parts)) {
    const ids = shapeIds(parts.get(name)!);
    expect(new Set(ids).size).toBe(ids.length);
  }
}

describe("the deck of the worked example", () => {
  let example: Study;
  let parts: Map<string, string>;
  beforeAll(async () => {
    example = study(await readExample("exemple-incubateur.json"));
    parts = await deck(example);
  });

  it("is a well-formed package: typed parts, internal relationships, no macro, unique ids", () => {
    expectPackageWellFormed(parts);
    expect(parts.get("docProps/core.xml")).toContain(
      "<dc:subject>Segment Matrix client deck</dc:subject>"
    );
    // 16:9.
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(parts.get("ppt/presentation.xml")!)!;
    expect(Number(size[1]) / Number(size[2])).toBeCloseTo(16 / 9, 2);
  });

  it("opens on the study's title and the date", () => {
    const first = slideText(parts.get(slideNames(parts)[0])!);
    expect(first).toContain(example.title);
    expect(first).toContain("7 décembre 2026");
  });

  it("shows every name, and each rated pair's score filled with its scale colour", () => {
    const cells = matrixCells(parts, example);
    const palette = PALETTES.default;
    const rated = new Map(
      example.pairs
        .filter(isRated)
        .map((p) => [
          pairKey(p.clientele, p.need),
          pairScore(p.perception, p.impact, example.weights),
        ])
    );
    for (const clientele of example.clienteles)
      for (const need of example.needs) {
        const key = pairKey(clientele.name, need.name);
        const shown = cells.get(key);
        // Every pair appears exactly once across the matrix slides: every name is there.
        expect({ key, count: shown?.length }).toEqual({ key, count: 1 });
        const score = rated.get(key);
        const cell = shown![0];
        if (score === undefined) expect(cell).toEqual({ text: "", sizes: [] });
        else {
          expect(cell.text).toBe(String(score));
          expect(cell.fill).toBe(scaleColour(score, palette.stops).slice(1));
        }
      }
  });

  it("writes no text under the minimum size and names one font", () => {
    for (const name of slideNames(parts)) {
      const xml = parts.get(name)!;
      for (const [, size] of xml.matchAll(/<a:rPr [^>]*sz="(\d+)"/g))
        expect(Number(size) / 100).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
      const faces = new Set([...xml.matchAll(/<a:latin typeface="([^"]+)"/g)].map((m) => m[1]));
      expect([...faces]).toEqual([DECK_FONT]);
    }
  });

  it("has a legend with the score rule and the study's weights", async () => {
    const weighted = await deck(
      { ...example, weights: { perception: 1.5, impact: 2 } },
      { parts: ["legend"] }
    );
    const text = slideNames(weighted)
      .map((n) => slideText(weighted.get(n)!))
      .join("\n");
    expect(text).toContain("(perception/4)^1,5 × (impact/4)^2");
    expect(text).toContain("Inconscient");
    expect(text).toContain("Fort ressenti");
  });
});

describe("a study with segments, targets and a currency", () => {
  const input = (): Study =>
    segmentedStudy({ currency: "CHF", organisation: "Incubateur « Léman » & co" });

  it("gives each segment its card: type, mean score, potential with the currency, lists", async () => {
    const parts = await deck(input());
    const texts = slideNames(parts).map((n) => slideText(parts.get(n)!));
    expect(texts[0]).toContain("Incubateur « Léman » & co");
    const first = texts.find((t) => t.includes("Segment : Pressés & « connectés »"))!;
    expect(first).toBeDefined();
    expect(first).toContain("marché de niche");
    // 1 200 × 2 × 35 = 84 000, with no-break spaces, the currency after it.
    expect(first).toContain("84\u00A0000\u00A0CHF");
    expect(first).toContain("Taille × fréquence × panier");
    expect(first).toContain("1\u00A0200 × 2 × 35,00\u00A0CHF");
    // Mean of 100, 56 and 38 (the segment's rated pairs), one decimal.
    expect(first).toMatch(/\d+,\d\b/);
    expect(first).toContain("=Instagram");
    expect(first).toContain("Cohérence\u00A0: 5 Ok sur 5");
    expect(first).toContain("Prêt : les 11 critères sont Ok.");
    expect(texts.some((t) => t.includes("Segment : @Prudents"))).toBe(true);
  });

  it("writes English numbers and the currency before them in English", async () => {
    const parts = await deck(input(), { language: "en", parts: ["segments"] });
    const text = slideNames(parts)
      .map((n) => slideText(parts.get(n)!))
      .join("\n");
    expect(text).toContain("CHF\u00A084,000");
    expect(text).toContain("1,200 × 2 × CHF\u00A035.00");
  });

  it("keeps every hostile name exactly, escaped in the XML", async () => {
    const parts = await deck(input());
    const text = slideNames(parts)
      .map((n) => slideText(parts.get(n)!))
      .join("\n");
    for (const name of HOSTILE_NAMES) expect(text).toContain(name);
    expectPackageWellFormed(parts);
  });

  it("names the targeting strategy, explains it and gives the conquest order", async () => {
    const parts = await deck(input(), { parts: ["targeting"] });
    const names = slideNames(parts);
    expect(names).toHaveLength(2);
    const text = slideText(parts.get(names[1])!);
    expect(text).toContain(STRATEGIES.concentration.fr);
    expect(text).toContain(STRATEGIES.concentration.explanation.fr);
    expect(text).toContain("1. Pressés & « connectés »\n2. @Prudents");
    const [table] = tables(parts.get(names[1])!);
    const marked = table.flatMap((row) => row.filter((cell) => cell.text === "X"));
    expect(marked).toHaveLength(1);
  });

  it("shows the segments' groups above the matrix", async () => {
    const parts = await deck(input(), { parts: ["matrix"] });
    const text = slideNames(parts)
      .map((n) => slideText(parts.get(n)!))
      .join("\n");
    expect(text).toContain("Segments →");
    expect(text).toContain("@Prudents");
  });
});

describe("a matrix too large for one slide", () => {
  const big = (needs: number, clienteles: number): Study =>
    study({
      title: "Grande étude",
      clienteles: Array.from({ length: clienteles }, (_, i) => `Clientèle ${i + 1}`),
      needs: Array.from({ length: needs }, (_, i) => `Besoin ${i + 1}`),
      pairs: Array.from({ length: needs }, (_, i) => ({
        clientele: `Clientèle ${(i % clienteles) + 1}`,
        need: `Besoin ${i + 1}`,
        perception: (i % 4) + 1,
        impact: ((i * 3) % 4) + 1,
      })),
    });

  it("continues on more slides, headers repeated, every pair once, never below the minimum size", async () => {
    const input = big(45, 32);
    const parts = await deck(input, { parts: ["matrix"] });
    const slides = slideNames(parts).slice(1);
    expect(slides.length).toBeGreaterThan(1);
    for (const name of slides) {
      const [table] = tables(parts.get(name)!);
      const header = table[0];
      expect(header[0].text).toContain("Besoins");
      expect(table.length - 1).toBeLessThanOrEqual(MAX_ROWS_PER_SLIDE);
      expect(header.length - 1).toBeLessThanOrEqual(MAX_COLUMNS_PER_SLIDE);
      for (const row of table)
        for (const cell of row)
          for (const size of cell.sizes) expect(size).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    }
    const cells = matrixCells(parts, input);
    expect(cells.size).toBe(45 * 32);
    for (const shown of cells.values()) expect(shown).toHaveLength(1);
  });

  it("follows the palette asked for", async () => {
    const input = big(4, 4);
    const parts = await deck(input, { parts: ["matrix"], palette: "colourblind" });
    const cells = matrixCells(parts, input);
    const pair = input.pairs.filter(isRated)[3];
    const score = pairScore(pair.perception, pair.impact, input.weights);
    expect(cells.get(pairKey(pair.clientele, pair.need))![0].fill).toBe(
      scaleColour(score, PALETTES.colourblind.stops).slice(1)
    );
  });
});

describe("the matrix's slides, filled", () => {
  /** Each matrix slide's table: its first column's texts. */
  const matrixTables = (input: Study): DeckTable[] =>
    deckModel(input, { created: CREATED, parts: ["matrix"] })
      .model!.slides.filter((slide) => slide.part === "matrix")
      .map((slide) => slide.shapes.find((shape): shape is DeckTable => shape.kind === "table")!);

  it("takes no more slides for a segment, and labels segments only where its columns hold one", async () => {
    const example = study(await readExample("exemple-incubateur.json"));
    const first = example.clienteles[0].name;
    const segmented = study({
      ...example,
      segments: [{ name: "Seg A", clienteles: [first], needs: [] }],
    });
    const plain = matrixTables(example);
    const withSegment = matrixTables(segmented);
    expect(withSegment).toHaveLength(plain.length);
    for (const table of withSegment) {
      const clienteles = table.rows.find((row) => row[0].text.includes("Besoins"))!;
      const holdsSegment = clienteles.some((cell) => cell.text === first);
      expect({
        first: clienteles[1].text,
        labelled: table.rows[0][0].text === "Segments →",
      }).toEqual({
        first: clienteles[1].text,
        labelled: holdsSegment,
      });
    }
  });

  it("shares the needs evenly between slides: no slide of one need", () => {
    const needs = Array.from({ length: 25 }, (_, i) => `Besoin ${i + 1}`);
    const input = study({
      title: "Liste",
      clienteles: ["Clientèle"],
      needs,
      pairs: needs.map((need) => ({ clientele: "Clientèle", need, perception: 2, impact: 3 })),
    });
    const counts = matrixTables(input).map((table) => table.rows.length - 1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(25);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});

describe("a targeting table too large for one slide", () => {
  /** `segments` segments with long words in their names, `offerings` offerings, a diagonal of marks. */
  const wide = (segments: number, offerings: number): Study => {
    const clienteles = ["Etudiants", "Hautes écoles"];
    const segmentNames = Array.from(
      { length: segments },
      (_, i) => `Accompagnement entrepreneurial ${i + 1}`
    );
    const offeringNames = Array.from({ length: offerings }, (_, i) => `Prestation ${i + 1}`);
    return study({
      title: "Ciblage large",
      clienteles,
      needs: ["Innover"],
      pairs: [{ clientele: "Etudiants", need: "Innover", perception: 4, impact: 4 }],
      offerings: offeringNames,
      segments: segmentNames.map((name) => ({ name, clienteles: ["Etudiants"] })),
      targets: offeringNames.map((offering, i) => ({
        offering,
        segment: segmentNames[i % segments],
      })),
      conquest: segmentNames.slice(0, 3),
    });
  };

  it("stays on one slide, the texts under the table, while the table fits", async () => {
    const { model } = deckModel(wide(4, 6), { created: CREATED, parts: ["targeting"] });
    const slides = model!.slides.filter((s) => s.part === "targeting");
    expect(slides).toHaveLength(1);
    const [table] = slides[0].shapes.filter((shape) => shape.kind === "table");
    const bottom = table.y + (table as DeckTable).rowHeights.reduce((sum, h) => sum + h, 0);
    const texts = slides[0].shapes.filter((shape) => shape.kind === "text" && shape.y > table.y);
    for (const text of texts) expect(text.y).toBeGreaterThanOrEqual(bottom);
  });

  it("continues over slides, every mark once, names whole, the strategy and order last", async () => {
    const input = wide(14, 20);
    const { model } = deckModel(input, { created: CREATED, parts: ["targeting"] });
    const slides = model!.slides.filter((s) => s.part === "targeting");
    expect(slides.length).toBeGreaterThan(2);
    const segmentNames = input.segments!.map((s) => s.name);
    const seen = new Map<string, string[]>();
    slides.forEach((slide, index) => {
      const title = slide.shapes[0] as DeckTextBox;
      expect(title.paragraphs[0].text).toBe(
        `${WORKBOOK_TEXTS.fr.targeting.title} (${index + 1}/${slides.length})`
      );
      const tablesOf = slide.shapes.filter((shape): shape is DeckTable => shape.kind === "table");
      if (index === slides.length - 1) {
        expect(tablesOf).toEqual([]);
        return;
      }
      expect(tablesOf).toHaveLength(1);
      const [table] = tablesOf;
      const header = table.rows[0];
      expect(header[0].text).toBe(WORKBOOK_TEXTS.fr.targeting.corner);
      expect(header.length - 1).toBeLessThanOrEqual(MAX_SEGMENTS_PER_SLIDE);
      // Down to the footer at most, and no word of a segment's name split in its column.
      expect(table.y + table.rowHeights.reduce((sum, h) => sum + h, 0)).toBeLessThanOrEqual(
        TARGETING_TABLE_BOTTOM
      );
      header.slice(1).forEach((cell, j) => {
        for (const word of cell.text.split(" "))
          expect(textWidth(word, table.fontSize, true) + CELL_PAD_X).toBeLessThanOrEqual(
            table.columnWidths[j + 1]
          );
      });
      for (const row of table.rows.slice(1))
        row.slice(1).forEach((cell, j) => {
          const key = `${row[0].text}\u0000${header[j + 1].text}`;
          seen.set(key, [...(seen.get(key) ?? []), cell.text]);
        });
    });
    // Every offering × segment cell exactly once, an X exactly where a target is.
    expect(seen.size).toBe(20 * 14);
    for (const [key, shown] of seen) {
      expect(shown).toHaveLength(1);
      const [offering, segment] = key.split("\u0000");
      const target = input.targets!.some((t) => t.offering === offering && t.segment === segment);
      expect(shown[0]).toBe(target ? "X" : "");
    }
    expect([...new Set([...seen.keys()].map((k) => k.split("\u0000")[1]))].sort()).toEqual(
      [...segmentNames].sort()
    );
    // The last slide: the strategy named and the conquest order, in the package as PowerPoint reads it.
    const parts = deckParts(await deckBytes(model!));
    const names = slideNames(parts);
    const last = slideText(parts.get(names[names.length - 1])!);
    expect(last).toContain(STRATEGIES["selective-specialisation"].fr);
    expect(last).toContain(`1. ${segmentNames[0]}`);
    expectPackageWellFormed(parts);
    for (const name of names)
      for (const table of tables(parts.get(name)!))
        for (const row of table)
          for (const cell of row)
            for (const size of cell.sizes) expect(size).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
  });
});

describe("the two ways of finishing the package", () => {
  it("give the same parts: the pane's (JSZip) and the command line's (Node's zlib)", async () => {
    const input = segmentedStudy({ currency: "€" });
    const { model } = deckModel(input, { created: CREATED });
    const inPane = deckParts(await deckBytes(model!));
    const inNode = deckParts(await deckBytes(model!, finishWithZlib));
    const files = (parts: Map<string, string>): string[] =>
      [...parts.keys()].filter((name) => !name.endsWith("/")).sort();
    expect(files(inNode)).toEqual(files(inPane));
    for (const name of files(inPane))
      expect({ name, xml: inNode.get(name) }).toEqual({ name, xml: inPane.get(name) });
    expectPackageWellFormed(inNode);
    // The deck's date, not the clock's: the same study and date give the same file.
    const stamp = CREATED.toISOString().replace(/\.\d{3}Z$/, "Z");
    expect(inNode.get("docProps/core.xml")).toContain(`>${stamp}</dcterms:created>`);
    expect(inNode.get("docProps/core.xml")).toContain(`>${stamp}</dcterms:modified>`);
  });
});

describe("the parts", () => {
  it("leaves out segments and targeting without segments, and says so", async () => {
    const example = study(await readExample("exemple-incubateur.json"));
    const { model, problems } = deckModel(example, {
      parts: ["segments", "targeting", "matrix"],
      created: CREATED,
    });
    expect(problems.map((p) => p.code)).toEqual(["export-no-segments", "export-no-segments"]);
    expect(model!.slides.map((s) => s.part)).toEqual(["title", "matrix", "matrix"]);
    const nothing = deckModel(example, { parts: ["segments"], created: CREATED });
    expect(nothing.model).toBeUndefined();
  });
});

it("says a segment's checklist count in the singular for one item, in both languages", () => {
  expect(DECK_TEXTS.en.notReady(1, 11)).toBe("1 item Ok of 11: not ready yet.");
  expect(DECK_TEXTS.en.notReady(0, 11)).toBe("0 items Ok of 11: not ready yet.");
  expect(DECK_TEXTS.fr.notReady(1, 11)).toBe("1 critère Ok sur 11 : pas encore prêt.");
  expect(DECK_TEXTS.fr.notReady(4, 11)).toBe("4 critères Ok sur 11 : pas encore prêt.");
});
