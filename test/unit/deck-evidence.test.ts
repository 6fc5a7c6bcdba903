/**
 * The client deck of a study with evidence: a hypothesis's cell (a scored pair without responses) in
 * italics with a broken dark border, in the model and in the slide's XML PowerPoint reads; the line
 * under the table says what that means; a study without evidence gets none of it.
 */
import { deckModel } from "../../src/layout/deck";
import { DeckCell, DeckTable, DeckTextBox } from "../../src/layout/deck/model";
import { WORKBOOK_TEXTS } from "../../src/i18n/workbook";
import { deckBytes, deckParts, slideNames } from "../support/deck-xml";
import { study } from "../support/workbooks";

const CREATED = new Date("2026-12-07T10:00:00Z");

const EVIDENCED = {
  language: "fr",
  clienteles: ["Artisans", "Banques"],
  needs: ["Financement", "Locaux"],
  pairs: [
    {
      clientele: "Artisans",
      need: "Financement",
      perception: 3,
      impact: 3,
      evidence: { n: 12, feel: 0.75 },
    },
    { clientele: "Artisans", need: "Locaux", perception: 2, impact: 3 },
    { clientele: "Banques", need: "Locaux", perception: 1, impact: 2, evidence: { n: 3, feel: 1 } },
  ],
  weights: { perception: 1, impact: 1 },
};

function matrixSlide(input: unknown) {
  const { model } = deckModel(study(input), { parts: ["matrix"], created: CREATED });
  return { model: model!, slide: model!.slides.find((s) => s.part === "matrix")! };
}

describe("hypotheses in the deck", () => {
  it("puts a hypothesis's score in italics with a broken dark border, and says so under the table", () => {
    const { slide } = matrixSlide(EVIDENCED);
    const table = slide.shapes.find((s): s is DeckTable => s.kind === "table")!;
    const scored = table.rows.flat().filter((cell: DeckCell) => /^\d+$/.test(cell.text));
    expect(scored.map((cell) => [cell.text, cell.italic === true, cell.dottedBorder])).toEqual([
      ["56", false, undefined],
      ["38", true, "404040"],
      ["13", false, undefined],
    ]);
    const notes = slide.shapes
      .filter((s): s is DeckTextBox => s.kind === "text")
      .flatMap((box) => box.paragraphs.map((p) => p.text));
    expect(notes).toContain(WORKBOOK_TEXTS.fr.export.hypotheses);
  });

  it("writes them into the slide as PowerPoint reads it: italic run, dashed dark border", async () => {
    const { model } = matrixSlide(EVIDENCED);
    const parts = deckParts(await deckBytes(model));
    const slide = slideNames(parts)
      .map((name) => parts.get(name)!)
      .find((xml) => xml.includes("<a:tbl>"))!;
    const cells = slide.split(/<a:tc[ >]/).slice(1);
    const cellOf = (score: string) => cells.find((cell) => cell.includes(`<a:t>${score}</a:t>`))!;
    expect(cellOf("38")).toMatch(/<a:rPr[^>]* i="1"/);
    expect(cellOf("38")).toContain('<a:prstDash val="sysDash"/>');
    expect(cellOf("38")).toContain('<a:srgbClr val="404040"/>');
    expect(cellOf("56")).not.toMatch(/<a:rPr[^>]* i="1"/);
    expect(cellOf("56")).not.toContain("sysDash");
  });

  it("draws none of it for a study without evidence", () => {
    const plain = {
      ...EVIDENCED,
      pairs: EVIDENCED.pairs.map((p) => ({ ...p, evidence: undefined })),
    };
    const { slide } = matrixSlide(plain);
    const table = slide.shapes.find((s): s is DeckTable => s.kind === "table")!;
    expect(table.rows.flat().some((cell) => cell.italic || cell.dottedBorder)).toBe(false);
    expect(JSON.stringify(slide)).not.toContain(WORKBOOK_TEXTS.fr.export.hypotheses);
  });
});
