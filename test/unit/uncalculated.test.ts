/**
 * A workbook saved by a program that does not calculate (a script editing the file with a library
 * such as openpyxl) keeps its formulas but not their values. The labels that formulas mirror (a
 * segment's name in Check-list and Ciblage, a clientèle beside its membership mark, an offering
 * beside its target marks) then read as empty: the reader takes them from the cells they mirror.
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import { readWorkbookFile } from "../../src/hosts/xlsx/file";
import { readStudy } from "../../src/layout";
import { Study } from "../../src/method/study";
import { segmentedStudy } from "../support/export-fixtures";
import { editZip } from "../support/hostile";
import { errorsOf, inTableOrder } from "../support/study-canonical";
import { buildFile, tempDir } from "../support/workbooks";

/** Every formula cell of every sheet loses its saved value, as such programs write them. */
async function dropFormulaValues(file: string): Promise<number> {
  let dropped = 0;
  await editZip(file, async (zip: JSZip) => {
    const sheets = Object.keys(zip.files).filter((name) =>
      /^xl\/worksheets\/[^/]+\.xml$/.test(name)
    );
    for (const name of sheets) {
      const xml = await (zip.file(name) as JSZip.JSZipObject).async("string");
      const bare = xml.replace(
        /<c ([^>]*?)(?: t="str")?>(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)<v>[^<]*<\/v><\/c>/g,
        (_, attributes: string, formula: string) => {
          dropped++;
          return `<c ${attributes}>${formula}</c>`;
        }
      );
      zip.file(name, bare);
    }
  });
  return dropped;
}

async function readBack(file: string): Promise<{ study: Study | undefined; errors: string[] }> {
  const { grids } = await readWorkbookFile(file);
  const { study, problems } = readStudy(grids);
  return { study, errors: errorsOf(problems) };
}

describe("a workbook whose formulas hold no saved value", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("reads back every segment's members, statuses, targets, conquest and plans", async () => {
    const input = segmentedStudy();
    const segments = input.segments as NonNullable<Study["segments"]>;
    segments[0].plans.acquisition = "Salons « pro »";
    segments[1].plans.loyalty = "=Club";
    input.targets = [
      { segment: segments[0].name, offering: "Atelier <1>" },
      { segment: segments[1].name, offering: "=Abonnement" },
    ];
    const file = await buildFile(input, dir, "uncalculated.xlsx");
    const dropped = await dropFormulaValues(file);
    // The mirrors of the segments' names, offerings, clientèles and needs were among them.
    expect(dropped).toBeGreaterThan(40);

    const { study, errors } = await readBack(file);
    expect(errors).toEqual([]);
    expect(study).toEqual(inTableOrder(input));
  });
});
