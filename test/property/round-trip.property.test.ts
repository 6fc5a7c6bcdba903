/**
 * Issue 6's proof, first half: any valid study, built into a workbook and read back, is the same
 * study — in memory (plan → grids → read) and through a real .xlsx file (ExcelJS writes it, the
 * streaming reader reads it) — and the study file's JSON round trip is the identity.
 */
import fc from "fast-check";
import JSZip from "jszip";
import { promises as fs } from "fs";
import path from "path";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { studyToJson } from "../../src/layout/study-json";
import { planToBuffer, readWorkbookFile } from "../../src/hosts/xlsx/file";
import { validateStudy } from "../../src/method/validate";
import { SIZES, TIMEOUT, configureFuzz, runs } from "../support/fuzz";
import { errorsOf, inTableOrder } from "../support/study-canonical";
import { validStudy } from "../support/study-arbitraries";
import { tempDir } from "../support/workbooks";

configureFuzz();

/** Cached values a spreadsheet cannot read as numbers ("Infinity", "NaN"), sheet by sheet. */
async function unreadableNumbers(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const found: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/"))) {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    for (const cell of xml.matchAll(
      /<c [^>]*?r="([A-Z]+\d+)"(?:(?!t=")[^>])*>(?:<f[^>]*(?:\/>|>[^<]*<\/f>))?<v>([^<]*)<\/v>/g
    ))
      if (!Number.isFinite(Number(cell[2]))) found.push(`${name} ${cell[1]}: ${cell[2]}`);
  }
  return found;
}

describe("a valid study survives build → read", () => {
  it(
    "in memory: planGrids(buildPlan(s)) reads back as s",
    () => {
      fc.assert(
        fc.property(validStudy(), ({ study }) => {
          const { study: read, problems } = readStudy(planGrids(buildPlan(study)));
          expect(errorsOf(problems)).toEqual([]);
          expect(read).toStrictEqual(inTableOrder(study));
        }),
        { numRuns: runs("memory", 300) }
      );
    },
    TIMEOUT
  );

  it(
    "in memory, built in the other language (--lang): the same study in the workbook's language",
    () => {
      fc.assert(
        fc.property(validStudy(), ({ study }) => {
          const language = study.language === "fr" ? "en" : "fr";
          const { study: read, problems } = readStudy(planGrids(buildPlan(study, { language })));
          expect(errorsOf(problems)).toEqual([]);
          expect(read).toStrictEqual({ ...inTableOrder(study), language });
        }),
        { numRuns: runs("memory", 100) }
      );
    },
    TIMEOUT
  );

  it(
    "through an .xlsx file: planToBuffer, then the streaming reader",
    async () => {
      const dir = await tempDir("sm-property-");
      let n = 0;
      await fc.assert(
        fc.asyncProperty(validStudy(), async ({ study }) => {
          const file = path.join(dir, `study-${n++}.xlsx`);
          const buffer = await planToBuffer(buildPlan(study));
          expect(await unreadableNumbers(buffer)).toEqual([]);
          await fs.writeFile(file, buffer);
          const { grids } = await readWorkbookFile(file);
          await fs.rm(file);
          const { study: read, problems } = readStudy(grids);
          expect(errorsOf(problems)).toEqual([]);
          expect(read).toStrictEqual(inTableOrder(study));
        }),
        { numRuns: runs("file", 100) }
      );
      await fs.rm(dir, { recursive: true, force: true });
    },
    TIMEOUT
  );
});

describe("the study file's JSON round trip", () => {
  it(
    "validateStudy(studyToJson(s)) is s, also through JSON text",
    () => {
      fc.assert(
        fc.property(validStudy(SIZES), ({ study }) => {
          expect(validateStudy(studyToJson(study))).toStrictEqual({ study, problems: [] });
          const text = JSON.stringify(studyToJson(study));
          expect(validateStudy(JSON.parse(text))).toStrictEqual({ study, problems: [] });
        }),
        { numRuns: runs("memory", 300) }
      );
    },
    TIMEOUT
  );
});
