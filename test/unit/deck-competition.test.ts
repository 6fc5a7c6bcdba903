/**
 * The client deck with `competition`: each scored pair that has a level gets a small "C0"–"C4" run
 * after its score (in the model and in the slide's XML PowerPoint reads), the others none, and the
 * line under the table names the levels; by default none of it.
 */
import { deckModel } from "../../src/layout/deck";
import { DeckTable, DeckTextBox, MIN_FONT_SIZE, textWidth } from "../../src/layout/deck/model";
import { CELL_PAD_X } from "../../src/layout/deck/matrix";
import { competitionLegend } from "../../src/i18n/competition";
import { deckBytes, deckParts, slideNames, tables } from "../support/deck-xml";
import { readExample, study } from "../support/workbooks";

const CREATED = new Date("2026-12-07T10:00:00Z");

const RATED = {
  language: "fr",
  clienteles: ["Artisans", "Banques"],
  needs: ["Financement", "Locaux"],
  pairs: [
    { clientele: "Artisans", need: "Financement", perception: 4, impact: 4, competition: 4 },
    { clientele: "Artisans", need: "Locaux", perception: 2, impact: 3 },
    { clientele: "Banques", need: "Locaux", perception: 1, impact: 2, competition: 0 },
    // A level on a pair not rated: no score, so nothing to mark.
    { clientele: "Banques", need: "Financement", competition: 2 },
  ],
  weights: { perception: 1, impact: 1 },
};

function matrixSlides(input: unknown, competition?: boolean) {
  const { model } = deckModel(study(input), { parts: ["matrix"], created: CREATED, competition });
  return { model: model!, slides: model!.slides.filter((s) => s.part === "matrix") };
}

const notesOf = (slide: { shapes: unknown[] }) =>
  (slide.shapes as (DeckTable | DeckTextBox)[])
    .filter((s): s is DeckTextBox => s.kind === "text")
    .flatMap((box) => box.paragraphs.map((p) => p.text));

describe("competition in the deck", () => {
  it("puts a marker beside exactly the scores of pairs with a level, and the legend under the table", () => {
    const { slides } = matrixSlides(RATED, true);
    const table = slides[0].shapes.find((s): s is DeckTable => s.kind === "table")!;
    const scored = table.rows.flat().filter((cell) => /^\d+$/.test(cell.text));
    expect(scored.map((cell) => [cell.text, cell.marker])).toEqual([
      ["100", "C4"],
      ["38", undefined],
      ["13", "C0"],
    ]);
    expect(notesOf(slides[0])).toContain(competitionLegend("fr"));
  });

  it("writes the marker as a smaller run in the cell, as PowerPoint reads it", async () => {
    const { model } = matrixSlides(RATED, true);
    const parts = deckParts(await deckBytes(model));
    const slide = slideNames(parts)
      .map((name) => parts.get(name)!)
      .find((xml) => xml.includes("<a:tbl>"))!;
    const cells = tables(slide)[0].flat();
    const marked = cells.find((cell) => cell.text === "100 C4")!;
    expect(marked.sizes).toEqual([11, MIN_FONT_SIZE]);
    expect(cells.find((cell) => cell.text === "13 C0")).toBeDefined();
    expect(cells.find((cell) => cell.text === "38")!.sizes).toEqual([11]);
    expect(slide).toContain(competitionLegend("fr"));
    // The score bold, its marker not; the paragraph's properties once, before its first run.
    const cellXml = slide.split(/<a:tc[ >]/).find((xml) => xml.includes("<a:t> C4</a:t>"))!;
    const runs = [...cellXml.matchAll(/<a:rPr ([^>]*)>/g)].map((m) => m[1]);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toContain('b="1"');
    expect(runs[1]).not.toContain('b="1"');
    for (const paragraph of slide.split("<a:p>").slice(1))
      expect(paragraph.split("</a:p>")[0].match(/<a:pPr\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it("leaves every score cell room for its marker on one line, on the worked example", async () => {
    const { slides } = matrixSlides(await readExample("exemple-incubateur.json"), true);
    for (const slide of slides) {
      const table = slide.shapes.find((s): s is DeckTable => s.kind === "table")!;
      const markers = table.rows.flat().filter((cell) => cell.marker !== undefined);
      for (const cell of markers) {
        const width = textWidth(cell.text, 11, true) + textWidth(` ${cell.marker}`, MIN_FONT_SIZE);
        expect(width + CELL_PAD_X).toBeLessThanOrEqual(table.columnWidths[1]);
      }
    }
    expect(
      slides
        .flatMap((slide) => slide.shapes.flatMap((s) => (s.kind === "table" ? s.rows.flat() : [])))
        .filter((cell) => cell.marker !== undefined).length
    ).toBe(47);
  });

  it("shows none of it by default", () => {
    const { slides } = matrixSlides(RATED);
    const table = slides[0].shapes.find((s): s is DeckTable => s.kind === "table")!;
    expect(table.rows.flat().some((cell) => cell.marker !== undefined)).toBe(false);
    expect(JSON.stringify(slides)).not.toContain(competitionLegend("fr"));
  });
});
