/**
 * The matrix slides as LibreOffice Impress prints them, for a study with long clientèle names (3
 * to 5 header lines), long need names and a segment named with a word longer than a column: the
 * table never runs into the note under it (no word drawn over another) and no word is split (each
 * printed word of a name is a whole word of it): the layout measures its texts with the font the
 * deck names.
 */
import { promises as fs } from "fs";
import path from "path";
import { deckModel } from "../../src/layout/deck";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { deckBytes } from "../support/deck-xml";
import { toPdf } from "../support/libreoffice";
import { PageLayout, describePages, overlappingWords, pdfLayout } from "../support/pdf-layout";
import { study, tempDir } from "../support/workbooks";

jest.setTimeout(180000);

const CREATED = new Date("2026-12-07T10:00:00Z");
const CLIENTELES = Array.from({ length: 12 }, (_, i) =>
  i % 3 === 0 ? `Clientèle numéro ${i} avec un nom assez long` : `Client ${i}`
);
const NEEDS = Array.from({ length: 24 }, (_, i) =>
  i % 4 === 0 ? `Besoin extrêmement détaillé numéro ${i} concernant l'accompagnement` : `Need ${i}`
);
const SEGMENT = "Segment Supercalifragilisticexpialidocious d'accompagnement";

let pages: PageLayout[];

beforeAll(async () => {
  const input = study({
    title: "Noms longs",
    clienteles: CLIENTELES,
    needs: NEEDS,
    pairs: NEEDS.map((need, i) => ({
      clientele: CLIENTELES[i % CLIENTELES.length],
      need,
      perception: (i % 4) + 1,
      impact: ((i * 3) % 4) + 1,
    })),
    segments: [{ name: SEGMENT, clienteles: [CLIENTELES[1]] }],
  });
  const { model } = deckModel(input, { created: CREATED, parts: ["matrix"] });
  const dir = await tempDir("sm-deck-fit-");
  try {
    const file = path.join(dir, "noms.pptx");
    await fs.writeFile(file, await deckBytes(model!));
    const pdf = await toPdf(file);
    pages = (await pdfLayout(pdf)).slice(1);
    await fs.rm(path.dirname(pdf), { recursive: true, force: true });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
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
      SEGMENT,
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
