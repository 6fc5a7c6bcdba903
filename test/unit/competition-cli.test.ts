/**
 * `--competition` on the command line: `image` draws the markers only when asked, and `export`
 * passes it to the client workbook (each host's look is tested on its own).
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { competitionLegend } from "../../src/i18n/competition";
import { GRID } from "../../src/layout/sheets/grid";
import { tempDir } from "../support/workbooks";

const RATED = {
  language: "en",
  clienteles: ["Artisans", "Banks"],
  needs: ["Funding", "Premises"],
  pairs: [
    { clientele: "Artisans", need: "Funding", perception: 4, impact: 4, competition: 3 },
    { clientele: "Banks", need: "Premises", perception: 1, impact: 2 },
  ],
};

async function cli(...args: string[]): Promise<number> {
  return runCli(args, { out: () => undefined, err: () => undefined });
}

describe("--competition on the command line", () => {
  let dir: string;
  let studyFile: string;
  beforeEach(async () => {
    dir = await tempDir();
    studyFile = path.join(dir, "study.json");
    await fs.writeFile(studyFile, JSON.stringify(RATED));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("image: markers and legend only with the option", async () => {
    const plain = path.join(dir, "plain.svg");
    const marked = path.join(dir, "marked.svg");
    expect(await cli("image", studyFile, "-o", plain)).toBe(0);
    expect(await cli("image", studyFile, "-o", marked, "--competition")).toBe(0);
    const without = await fs.readFile(plain, "utf8");
    const withIt = await fs.readFile(marked, "utf8");
    expect(without).not.toContain('class="competition"');
    expect(withIt).toContain('data-competition="3"');
    expect(withIt).toContain(competitionLegend("en"));
  });

  // The deck's own command runs outside jest's sandbox (pptxgenjs imports node:fs dynamically):
  // its markers are tested on the model and the written XML (deck-competition.test.ts).
  it("export: the client workbook gets the markers when asked", async () => {
    const client = path.join(dir, "client.xlsx");
    expect(await cli("export", studyFile, "-o", client, "--competition")).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(client);
    const matrix = book.worksheets[0];
    const { numFmt } = matrix.getCell(GRID.firstRow, GRID.firstCol);
    expect(numFmt).toBe('0" C3"');
  });
});
