/**
 * Syncs and request sizes per host call (build in a fresh workbook, rebuild over it, read), over the
 * recording fake, for a 200 × 200 study with 40 % of the pairs ticked and rated: on ExcelApi 1.9 each
 * call takes at most 3 syncs and no request passes 1 MB; on 1.8 the budget still holds every request
 * under 1 MB (figures printed). `npm run bench` prints the same figures for more sizes.
 */
import { GRID, RATINGS } from "../../src/layout";
import { cellAddress } from "../../src/layout/a1";
import { matrixCellFormula } from "../../src/layout/sheets/matrix";
import { CallFigures, officeFigures, tickedStudy } from "../support/office-figures";

const ONE_MB = 1_000_000;
const study = tickedStudy(200, 200, 0.4);

function line(label: string, figures: CallFigures): string {
  return `${label}: ${figures.syncs} syncs, largest request ${figures.largestRequest} bytes, sent ${figures.sent} bytes`;
}

describe("Excel host: 200 × 200, 40 % ticked", () => {
  it("has 16 000 ticked pairs", () => {
    expect(study.pairs).toHaveLength(16_000);
  });

  it("builds, rebuilds and reads in at most 3 syncs each on ExcelApi 1.9, no request over 1 MB", async () => {
    const { build, rebuild, read, excel } = await officeFigures(study, "1.9");
    console.log(
      ["ExcelApi 1.9", line("build", build), line("rebuild", rebuild), line("read", read)].join(
        "\n"
      )
    );
    for (const figures of [build, rebuild, read]) {
      expect(figures.syncs).toBeLessThanOrEqual(3);
      expect(figures.largestRequest).toBeLessThanOrEqual(ONE_MB);
    }
    // Kilobytes of formulas, not megabytes: what is sent is the values (names, ticks, ratings).
    expect(build.sent).toBeLessThan(2 * ONE_MB);
    const last = { row: GRID.firstRow + 199, col: GRID.firstCol + 199 };
    expect(excel.cell("Matrice", cellAddress(last.row, last.col))?.formula).toBe(
      `=${matrixCellFormula()}`
    );
    expect(excel.cell("Évaluation", cellAddress(RATINGS.firstRow + 15_999, 1))).toEqual({
      value: study.pairs[15_999].clientele,
    });
  }, 60_000);

  it("keeps every request under 1 MB on ExcelApi 1.8 (more syncs: the R1C1 text of every cell)", async () => {
    const { build, rebuild, read } = await officeFigures(study, "1.8");
    console.log(
      ["ExcelApi 1.8", line("build", build), line("rebuild", rebuild), line("read", read)].join(
        "\n"
      )
    );
    for (const figures of [build, rebuild, read])
      expect(figures.largestRequest).toBeLessThanOrEqual(ONE_MB);
    expect(read.syncs).toBeLessThanOrEqual(3);
    expect(build.syncs).toBeGreaterThan(3);
  }, 60_000);
});
