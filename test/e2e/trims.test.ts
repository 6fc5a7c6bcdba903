/**
 * Trimming that sizes a segment, live (issue 17 item 2): a workbook built with a population and its
 * criteria, a consultant's edits typed into the file (a share kept changed, a criterion added in
 * the spare step), LibreOffice recalculates, and the size, what remains after each step and the
 * yearly potential follow; `read` then gives the edited criteria and the size they make.
 */
import ExcelJS from "exceljs";
import path from "path";
import { readStudy } from "../../src/layout";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { parseSheetRef } from "../../src/layout/a1";
import { NAMES } from "../../src/layout/names";
import { segmentPotential, trimmedSize } from "../../src/method/segment-figures";
import { recalculate } from "../support/libreoffice";
import { buildFile, load, namedValues, study, tempDir } from "../support/workbooks";

jest.setTimeout(120000);

const STUDY = study({
  language: "fr",
  clienteles: ["Hommes", "Femmes"],
  needs: ["Se déplacer"],
  pairs: [
    { clientele: "Hommes", need: "Se déplacer", perception: 3, impact: 4 },
    { clientele: "Femmes", need: "Se déplacer" },
  ],
  segments: [
    {
      name: "Hommes actifs",
      clienteles: ["Hommes"],
      population: 50000,
      trims: [
        { family: "qui", criterion: "25–45 ans", keep: 0.4 },
        { family: "où", criterion: "Genève", keep: 0.25 },
      ],
      frequency: 2,
      basket: 30,
    },
    { name: "Femmes", clienteles: ["Femmes"], size: 800, frequency: 1, basket: 10 },
  ],
});

/** Types into cell (i, j) of a defined name's range, as a consultant would. */
function type(
  workbook: ExcelJS.Workbook,
  name: string,
  i: number,
  j: number,
  value: string | number
): void {
  const found = workbook.definedNames.model.find((n) => n.name === name);
  const at = found && parseSheetRef(found.ranges[0]);
  const sheet = at && workbook.getWorksheet(at.sheet);
  if (!at || !sheet) throw new Error(`no name ${name}`);
  sheet.getCell(at.rect.row + i, at.rect.col + j).value = value;
}

describe("a share kept typed in the funnel, recalculated by LibreOffice", () => {
  let recalculated: ExcelJS.Workbook;
  let file: string;

  beforeAll(async () => {
    const dir = await tempDir("sm-trims-");
    const built = await buildFile(STUDY, dir);
    const workbook = await load(built);
    type(workbook, NAMES.segmentTrims, 2, 0, 0.5); // the first step: 40 % → 50 %
    type(workbook, NAMES.segmentTrims, 8, 0, "Pourquoi ?"); // the spare step, filled in
    type(workbook, NAMES.segmentTrims, 9, 0, "Veut un vélo");
    type(workbook, NAMES.segmentTrims, 10, 0, 0.1);
    const edited = path.join(dir, "edited.xlsx");
    await workbook.xlsx.writeFile(edited);
    file = await recalculate(edited);
    recalculated = await load(file);
  });

  it("sizes the segment from its population and the shares as typed", () => {
    const size = namedValues(recalculated, NAMES.segmentSize)[0];
    expect(size[0]).toBe(trimmedSize(50000, [0.5, 0.25, 0.1]));
    expect(size[0]).toBe(625);
    expect(size[1]).toBe(800); // typed: no population
  });

  it("shows what remains of the population after each step", () => {
    const steps = namedValues(recalculated, NAMES.segmentTrims);
    expect([steps[3][0], steps[7][0], steps[11][0]]).toEqual([25000, 6250, 625]);
    expect([steps[3][1], steps[7][1], steps[11][1]].map((v) => (v === "" ? null : v))).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("carries the new size into the yearly potential", () => {
    const potential = namedValues(recalculated, NAMES.segmentPotential)[0];
    expect(potential[0]).toBe(segmentPotential({ size: 625, frequency: 2, basket: 30 }));
    expect(potential[1]).toBe(8000);
  });

  it("reads back the edited criteria and the size they give, without a word", async () => {
    const { study: read, problems } = readStudy((await readWorkbookFile(file)).grids);
    expect(problems).toEqual([]);
    expect(read!.segments![0].trims).toEqual([
      { family: "qui", criterion: "25–45 ans", keep: 0.5 },
      { family: "où", criterion: "Genève", keep: 0.25 },
      { family: "pourquoi", criterion: "Veut un vélo", keep: 0.1 },
    ]);
    expect(read!.segments![0].size).toBe(625);
  });
});
