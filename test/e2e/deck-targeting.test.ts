/**
 * A targeting table too large for one slide, as LibreOffice Impress prints the deck: each slide's
 * words inside the slide and above its footer's band, no word drawn over another, every segment's
 * name printed whole (its words, never a piece of one), and the strategy and conquest order on the
 * last page. The geometry is checked on the model in test/unit/deck.test.ts; this is the printout.
 */
import { promises as fs } from "fs";
import path from "path";
import { deckModel } from "../../src/layout/deck";
import { STRATEGIES } from "../../src/method/segments";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { deckBytes } from "../support/deck-xml";
import { toPdf } from "../support/libreoffice";
import { PageLayout, describePages, overlappingWords, pdfLayout } from "../support/pdf-layout";
import { study, tempDir } from "../support/workbooks";

jest.setTimeout(180000);

const CREATED = new Date("2026-12-07T10:00:00Z");
const SEGMENTS = Array.from({ length: 12 }, (_, i) => `Accompagnement entrepreneurial ${i + 1}`);
const OFFERINGS = Array.from({ length: 18 }, (_, i) => `Programme d'incubation ${i + 1}`);

let pages: PageLayout[];

beforeAll(async () => {
  const input = study({
    title: "Ciblage large",
    clienteles: ["Etudiants"],
    needs: ["Innover"],
    pairs: [{ clientele: "Etudiants", need: "Innover", perception: 4, impact: 4 }],
    offerings: OFFERINGS,
    segments: SEGMENTS.map((name) => ({ name, clienteles: ["Etudiants"] })),
    targets: OFFERINGS.map((offering, i) => ({ offering, segment: SEGMENTS[i % 12] })),
    conquest: SEGMENTS.slice(0, 2),
  });
  const { model } = deckModel(input, { created: CREATED, parts: ["targeting"] });
  const dir = await tempDir("sm-deck-targeting-");
  try {
    const file = path.join(dir, "ciblage.pptx");
    await fs.writeFile(file, await deckBytes(model!));
    const pdf = await toPdf(file);
    pages = await pdfLayout(pdf);
    await fs.rm(path.dirname(pdf), { recursive: true, force: true });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

it("prints the targeting over several slides, no word over another, every word inside", () => {
  // The title slide, the table's slides, the strategy and order's slide.
  expect(pages.length).toBeGreaterThan(3);
  const report = describePages(pages).join("\n");
  for (const page of pages) {
    expect({ report, overlaps: overlappingWords(page).length }).toEqual({ report, overlaps: 0 });
    for (const word of page.words) {
      expect(word.xMax).toBeLessThanOrEqual(page.width);
      expect(word.yMax).toBeLessThanOrEqual(page.height);
    }
  }
});

it("prints each segment's name whole on a table slide, every offering, the texts last", () => {
  const tablePages = pages.slice(1, -1);
  const words = tablePages.flatMap((page) => page.words.map((w) => w.text));
  // A name's long words never cut: each appears whole, once per column it heads.
  expect(words.filter((w) => w === "Accompagnement").length).toBeGreaterThanOrEqual(12);
  expect(words.filter((w) => w === "entrepreneurial").length).toBeGreaterThanOrEqual(12);
  expect(words.filter((w) => w.startsWith("Accompagn") && w !== "Accompagnement")).toEqual([]);
  expect(words.filter((w) => w.startsWith("entrepren") && w !== "entrepreneurial")).toEqual([]);
  expect(words.filter((w) => w === "X")).toHaveLength(18);
  const last = pages[pages.length - 1].words.map((w) => w.text).join(" ");
  expect(last).toContain(STRATEGIES["selective-specialisation"].fr.split(" ")[0]);
  expect(last).toContain(WORKBOOK_TEXTS.fr.targeting.conquest.split(" ")[0]);
});
