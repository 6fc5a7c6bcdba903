/**
 * A long conquest order and a long segment card as LibreOffice Impress prints the deck: they
 * continue on more slides, every word inside its slide, no word drawn over another, text no
 * smaller than the deck's minimum, every segment of the order printed once and in order, every
 * clientèle of the card printed. The continuation is checked on the model and the XML in
 * test/unit/deck-continued.test.ts; this is the printout.
 */
import { deckModel } from "../../src/layout/deck";
import { printedDeck } from "../support/deck-print";
import {
  PageLayout,
  describePages,
  medianWordHeight,
  overlappingWords,
} from "../support/pdf-layout";
import { study } from "../support/workbooks";

jest.setTimeout(180000);

const CREATED = new Date("2026-12-07T10:00:00Z");
const CLIENTELES = Array.from({ length: 70 }, (_, i) => `Clientèle régionale ${i + 1}`);
const SEGMENTS = Array.from({ length: 50 }, (_, i) => `Segment coopératif ${i + 1}`);

let pages: PageLayout[];

beforeAll(async () => {
  const input = study({
    title: "Longues listes",
    clienteles: CLIENTELES,
    needs: ["Innover"],
    pairs: [{ clientele: CLIENTELES[0], need: "Innover", perception: 4, impact: 4 }],
    offerings: ["Programme d'incubation"],
    segments: SEGMENTS.map((name, i) => ({
      name,
      clienteles: i === 0 ? CLIENTELES : [CLIENTELES[i]],
    })),
    targets: [{ segment: SEGMENTS[0], offering: "Programme d'incubation" }],
    conquest: SEGMENTS,
  });
  // The first segment's card and the targeting: the other 49 cards are short, left out.
  const { model } = deckModel(input, { created: CREATED, parts: ["segments", "targeting"] });
  const slides = model!.slides.filter(
    (slide) =>
      slide.part !== "segments" ||
      slide.shapes.some(
        (shape) => shape.kind === "text" && shape.paragraphs[0]?.text.includes(`${SEGMENTS[0]} (`)
      )
  );
  pages = await printedDeck({ ...model!, slides }, "listes");
});

it("prints the continued slides readable: every word inside, none over another", () => {
  // The title slide, the card on two slides at least, the targeting on two at least.
  expect(pages.length).toBeGreaterThanOrEqual(5);
  const report = describePages(pages).join("\n");
  for (const page of pages) {
    expect({ report, overlaps: overlappingWords(page).length }).toEqual({ report, overlaps: 0 });
    // 10 pt text gives boxes about 11 pt tall once the slide is printed at its own size.
    expect({ report, readable: medianWordHeight(page) >= 10 }).toEqual({ report, readable: true });
    for (const word of page.words) {
      expect(word.xMax).toBeLessThanOrEqual(page.width);
      expect(word.yMax).toBeLessThanOrEqual(page.height);
    }
  }
});

it("prints every segment of the conquest order once, in order, and every clientèle of the card", () => {
  const text = pages
    .map((page) => page.words.map((w) => w.text).join(" "))
    .join(" ")
    .normalize("NFC");
  const order = [...text.matchAll(/(\d+)\. Segment coopératif (\d+)(?!\d)/g)];
  expect(order.map((m) => Number(m[2]))).toEqual(SEGMENTS.map((_, i) => i + 1));
  expect(order.map((m) => Number(m[1]))).toEqual(SEGMENTS.map((_, i) => i + 1));
  // A list cut between two slides is cut between words ("Clientèle" | "régionale 48"): each
  // name's last words once, not followed by a digit.
  for (const name of CLIENTELES) {
    const tail = name.split(" ").slice(1).join(" ");
    const count = text.split(tail).filter((rest, i) => i > 0 && !/^\d/.test(rest)).length;
    expect({ name, count }).toEqual({ name, count: 1 });
  }
});
