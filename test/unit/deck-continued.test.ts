/**
 * Long lists in the deck continue on more slides rather than shrink below the minimum size or run
 * off the slide: a conquest order of 60 segments, a segment card of 80 clientèles, 45 needs and
 * long channels. Checked on the model (every text box's paragraphs fit its height at their sizes,
 * never under MIN_FONT_SIZE) and in the package as PowerPoint reads it (every name once, in order,
 * the title repeated with its number, unique shape ids).
 */
import { deckModel } from "../../src/layout/deck";
import {
  DeckSlide,
  DeckTextBox,
  MIN_FONT_SIZE,
  lineHeight,
  wrappedLines,
} from "../../src/layout/deck/model";
import { DECK_TEXTS } from "../../src/i18n/deck";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { Language } from "../../src/method/levels";
import { Study } from "../../src/method/study";
import { deckBytes, deckParts, shapeIds, slideNames, slideText } from "../support/deck-xml";
import { study } from "../support/workbooks";

const CREATED = new Date("2026-12-07T10:00:00Z");

/** `segments` segments in the conquest order; the first with `clienteles` clientèles and `needs` needs. */
function longStudy(segments: number, clienteles: number, needs: number, language: Language): Study {
  const clienteleNames = Array.from(
    { length: clienteles },
    (_, i) => `Clientèle régionale ${i + 1}`
  );
  const needNames = Array.from({ length: needs }, (_, i) => `Besoin d'accompagnement ${i + 1}`);
  const segmentNames = Array.from({ length: segments }, (_, i) => `Segment coopératif ${i + 1}`);
  return study({
    title: "Longues listes",
    language,
    clienteles: clienteleNames,
    needs: needNames,
    pairs: clienteleNames.flatMap((clientele, i) =>
      needNames
        .filter((_, j) => (i + j) % 7 === 0)
        .map((need) => ({ clientele, need, perception: 3, impact: 2 }))
    ),
    offerings: ["Programme d'incubation"],
    segments: segmentNames.map((name, s) => ({
      name,
      clienteles: s === 0 ? clienteleNames : [clienteleNames[s % clienteles]],
      needs: s === 0 ? needNames : [],
      channels:
        s === 0 ? Array.from({ length: 30 }, (_, i) => `Canal de distribution ${i + 1}`) : [],
    })),
    targets: [{ segment: segmentNames[0], offering: "Programme d'incubation" }],
    conquest: segmentNames,
  });
}

function textBoxes(slide: DeckSlide): DeckTextBox[] {
  return slide.shapes.filter((shape): shape is DeckTextBox => shape.kind === "text");
}

function expectReadableAndInside(slides: readonly DeckSlide[]): void {
  for (const slide of slides)
    for (const box of textBoxes(slide)) {
      const used = box.paragraphs.reduce(
        (sum, p) =>
          sum +
          wrappedLines(p.text, box.w - 0.2, p.size, p.bold) * lineHeight(p.size) +
          (p.spaceBefore ?? 0) / 72,
        0
      );
      expect({ box: box.paragraphs[0]?.text, fits: used <= box.h + 0.01 }).toEqual({
        box: box.paragraphs[0]?.text,
        fits: true,
      });
      for (const p of box.paragraphs) expect(p.size).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    }
}

describe.each(["fr", "en"] as const)("long lists in the deck (%s)", (language) => {
  const input = longStudy(60, 80, 45, language);
  const { model } = deckModel(input, { created: CREATED, parts: ["segments", "targeting"] });
  const deck = DECK_TEXTS[language];

  it("continues the conquest order on more slides, every segment once and in order", async () => {
    const slides = model!.slides.filter((s) => s.part === "targeting");
    expect(slides.length).toBeGreaterThan(1);
    expectReadableAndInside(slides);
    const title = WORKBOOK_TEXTS[language].targeting.title;
    slides.forEach((slide, i) =>
      expect(textBoxes(slide)[0].paragraphs[0].text).toBe(
        title + deck.continued(i + 1, slides.length)
      )
    );
    const parts = deckParts(await deckBytes(model!));
    const names = slideNames(parts);
    const text = names.map((name) => slideText(parts.get(name)!)).join("\n");
    const order = [...text.matchAll(/^(\d+)\. (Segment coopératif \d+)$/gm)];
    expect(order.map((m) => m[2])).toEqual(input.conquest);
    expect(order.map((m) => Number(m[1]))).toEqual(input.conquest!.map((_, i) => i + 1));
    for (const name of names) {
      const ids = shapeIds(parts.get(name)!);
      expect(new Set(ids).size).toBe(ids.length);
      for (const m of parts.get(name)!.matchAll(/ sz="(\d+)"/g))
        expect(Number(m[1]) / 100).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
    }
  });

  it("continues a long segment card on more slides, its figures once, every name once", async () => {
    const first = input.segments![0].name;
    const titled = (s: DeckSlide): boolean => {
      const title = textBoxes(s)[0].paragraphs[0].text;
      return title === deck.segment(first) || title.startsWith(`${deck.segment(first)} (`);
    };
    const slides = model!.slides.filter((s) => s.part === "segments" && titled(s));
    expect(slides.length).toBeGreaterThan(1);
    expectReadableAndInside(slides);
    slides.forEach((slide, i) => {
      expect(textBoxes(slide)[0].paragraphs[0].text).toBe(
        deck.segment(first) + deck.continued(i + 1, slides.length)
      );
      expect(slide.shapes.some((shape) => shape.kind === "table")).toBe(i === 0);
    });
    const words = slides
      .flatMap((slide) => textBoxes(slide).slice(1))
      // The lists' boxes, in reading order (not the first slide's checklist, not the footers).
      .filter((box) => box.paragraphs[0].text !== WORKBOOK_TEXTS[language].checklist.title)
      .filter((box) => box.paragraphs[0].text !== input.title)
      .flatMap((box) => box.paragraphs.map((p) => p.text))
      .join(" ");
    // Each name once, whole (a list cut between two boxes is cut between words): the names end
    // in a number, so one not followed by a digit is that name.
    // Each name once, whole (a list cut between two boxes is cut between words): the names end
    // in a number, so one not followed by a digit is that name.
    for (const name of [
      ...input.segments![0].clienteles,
      ...input.segments![0].needs,
      ...input.segments![0].channels,
    ]) {
      const count = words
        .split(name)
        .slice(1)
        .filter((rest) => !/^\d/.test(rest)).length;
      expect({ name, count }).toEqual({ name, count: 1 });
    }
    // The other segments, short, keep one slide each.
    const others = model!.slides.filter((s) => s.part === "segments" && !titled(s));
    expect(others).toHaveLength(59);
  });
});
