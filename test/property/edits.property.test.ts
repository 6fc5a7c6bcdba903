/**
 * Issue 6's proof, second half: a consultant's edits of a built workbook — ticks, levels, ratings
 * rows added and deleted by hand, a clientèle renamed in its header, clientèle columns moved,
 * statuses, segments renamed or added — read back as exactly those edits, and a rebuild from what
 * was read keeps them. In memory (the grids) and in a real file edited with ExcelJS.
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import path from "path";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { planToBuffer, readWorkbookFile } from "../../src/hosts/xlsx/file";
import { Study } from "../../src/method/study";
import {
  Edit,
  StudyModel,
  edit,
  excelEditor,
  gridEditor,
  placesOf,
} from "../support/consultant-edits";
import { SIZES, TIMEOUT, configureFuzz, runs } from "../support/fuzz";
import { describeStudy, printable, validStudy } from "../support/study-arbitraries";
import { errorsOf, inTableOrder } from "../support/study-canonical";
import { load, tempDir } from "../support/workbooks";

configureFuzz();

const editedStudy = fc
  .tuple(validStudy(), fc.array(edit, { minLength: 1, maxLength: SIZES.edits }))
  .map(([c, edits]) =>
    printable(
      { study: c.study, edits },
      () => `${describeStudy(c.raw)}\nedits: ${describeStudy(edits)}`
    )
  );

function readBack(study: Study | undefined, problems: Parameters<typeof errorsOf>[0]): Study {
  expect(errorsOf(problems)).toEqual([]);
  expect(study).toBeDefined();
  return study as Study;
}

describe("a consultant's edits read back as exactly those edits, and a rebuild keeps them", () => {
  it(
    "in memory: edited grids",
    () => {
      fc.assert(
        fc.property(editedStudy, ({ study, edits }: { study: Study; edits: Edit[] }) => {
          const grids = planGrids(buildPlan(study));
          const model = new StudyModel(study, placesOf(grids), gridEditor(grids));
          for (const e of edits) model.apply(e);
          const expected = inTableOrder(model.expected());
          const once = readStudy(grids);
          const read = readBack(once.study, once.problems);
          expect(read).toStrictEqual(expected);
          const again = readStudy(planGrids(buildPlan(read)));
          expect(readBack(again.study, again.problems)).toStrictEqual(expected);
        }),
        { numRuns: runs("memory", 400) }
      );
    },
    TIMEOUT
  );

  it(
    "through an .xlsx file edited with ExcelJS",
    async () => {
      const dir = await tempDir("sm-edits-");
      let n = 0;
      await fc.assert(
        fc.asyncProperty(editedStudy, async ({ study, edits }) => {
          const file = path.join(dir, `edited-${n++}.xlsx`);
          const plan = buildPlan(study);
          await fs.writeFile(file, await planToBuffer(plan));
          const workbook = await load(file);
          const built = planGrids(plan);
          const cells = excelEditor(workbook, built);
          const model = new StudyModel(study, placesOf(built), cells);
          for (const e of edits) model.apply(e);
          await cells.save(file);
          const expected = inTableOrder(model.expected());
          const once = readStudy((await readWorkbookFile(file)).grids);
          const read = readBack(once.study, once.problems);
          expect(read).toStrictEqual(expected);
          await fs.writeFile(file, await planToBuffer(buildPlan(read)));
          const again = readStudy((await readWorkbookFile(file)).grids);
          expect(readBack(again.study, again.problems)).toStrictEqual(expected);
          await fs.rm(file);
        }),
        { numRuns: runs("file", 40) }
      );
      await fs.rm(dir, { recursive: true, force: true });
    },
    TIMEOUT
  );
});
