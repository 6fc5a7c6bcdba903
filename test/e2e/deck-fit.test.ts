/**
 * The matrix slides as LibreOffice Impress prints them, for a study with long clientèle names (3
 * to 5 header lines), long need names and a segment named with a word longer than a column: the
 * table never runs into the note under it (no word drawn over another) and no word is split (each
 * printed word of a name is a whole word of it): the layout measures its texts with the font the
 * deck names.
 */
import { deckModel } from "../../src/layout/deck";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { printedDeck } from "../support/deck-print";
import { PageLayout, describePages, overlappingWords } from "../support/pdf-layout";
import { study } from "../support/workbooks";

jest.setTimeout(180000);

const CREATED = new Date("2026-12-07T10:00:00Z");
// As the tester's study: 33 clientèles (every fourth with a name of 3 to 5 header lines), 45
// needs (every fifth long), 9 segments of two clientèles, some named with a word longer than a
// column.
const CLIENTELES = Array.from({ length: 33 }, (_, i) =>
  i % 4 === 0 ? `Clientèle numéro ${i} avec un nom assez long` : `Client${i}`
);
const NEEDS = Array.from({ length: 45 }, (_, i) =>
  i % 5 === 0 ? `Besoin extrêmement détaillé numéro ${i} concernant l'accompagnement` : `Need ${i}`
);
const SEGMENTS = Array.from({ length: 9 }, (_, s) =>
  s % 3 === 0 ? `Segment ${s} Supercalifragilisticexpialidocious professionals` : `Seg ${s}`
);

let pages: PageLayout[];

beforeAll(async () => {
  const input = study({
    title: "Noms longs",
    clienteles: CLIENTELES,
    needs: NEEDS,
    pairs: CLIENTELES.flatMap((clientele, c) =>
      NEEDS.filter((_, n) => (c + n) % 3 === 0).map((need, n) => ({
        clientele,
        need,
        perception: ((c + n) % 4) + 1,
        impact: ((c * 3 + n) % 4) + 1,
      }))
    ),
    segments: SEGMENTS.map((name, s) => ({
      name,
      clienteles: [CLIENTELES[s * 3 + (s % 2)], CLIENTELES[s * 3 + 1 + (s % 2)]],
    })),
  });
  const { model } = deckModel(input, { created: CREATED, parts: ["matrix"] });
  // The first slides of the matrix, those of the first needs (Impress is slow on 26 slides).
  const slides = model!.slides.filter((slide) => slide.part === "matrix").slice(0, 3);
  pages = await printedDeck({ ...model!, slides }, "noms");
});

it("prints the matrix above its note: no word over another", () => {
  expect(pages.length).toBeGreaterThanOrEqual(2);
  const report = describePages(pages).join("\n");
  for (const page of pages)
    expect({ report, overlaps: overlappingWords(page).length }).toEqual({ report, overlaps: 0 });
});

it("splits no word of a name", () => {
  const words = new Set(
    [
      ...CLIENTELES,
      ...NEEDS,
      ...SEGMENTS,
      WORKBOOK_TEXTS.fr.matrix.groups,
      WORKBOOK_TEXTS.fr.ticks.corner,
    ].flatMap((name) => name.split(/[\s/-]+/))
  );
  const pieces = pages.flatMap((page) =>
    page.words
      .map((w) => w.text.normalize("NFC"))
      .filter((text) =>
        /^(Clientèle|numéro|Besoin|extrêmement|détaillé|concernant|Supercal|l'acc|d'acc|accomp|Segment)/.test(
          text
        )
      )
  );
  expect(pieces.length).toBeGreaterThan(0);
  expect(pieces.filter((text) => !words.has(text))).toEqual([]);
});
