/**
 * The Office.js reader with defined names stretched past their sheet's content (issue 13 A): a
 * name redefined to B5:XFD1048576 is read as the used range it meets, so the area asked of Excel
 * and every loop of the sheet readers stay the size of what the sheet holds.
 */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { readWorkbook } from "../../src/hosts/excel/read";
import { buildPlan, readStudy } from "../../src/layout";
import { columnLetters } from "../../src/layout/a1";
import { NAMES } from "../../src/layout";
import { Study } from "../../src/method/study";
import { FakeExcel } from "../support/fake-excel";
import { readExample, study } from "../support/workbooks";

let example: Study;
beforeAll(async () => {
  example = study(await readExample("exemple-incubateur.json"));
});

function redefine(excel: FakeExcel, name: string, address: string): void {
  const named = excel.findName(name);
  if (!named?.sheet) throw new Error(`no name ${name}`);
  const sheet = named.sheet.name;
  excel.deleteName(named);
  excel.defineName(name, sheet, address);
}

describe("Excel read: names stretched past the sheet", () => {
  it.each([
    [NAMES.targets, (col: string) => `${col}:XFD1048576`],
    [NAMES.ticks, (col: string) => `${col}:XFD1048576`],
    [NAMES.segmentClienteles, (col: string) => `${col}:XFD1048576`],
  ])("%s to XFD1048576: read as the cells there are, the same study", async (name, stretch) => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = createExcelHost({ run: excel.run, isSetSupported: () => true });
    await host.render(buildPlan(example), await host.readWorkbook());
    const before = readStudy((await host.readWorkbook()).grids).study;
    expect(before).toBeDefined();
    const named = excel.findName(name);
    if (!named) throw new Error(`no name ${name}`);
    const topLeft = `${columnLetters(named.rect.col)}${named.rect.row}`;
    redefine(excel, name, stretch(topLeft));
    const { snapshot } = await excel.run((context) => readWorkbook(context));
    const rect = snapshot.grids.names.find((n) => n.name === name)?.rect;
    expect(rect?.row).toBe(named.rect.row);
    expect(rect?.col).toBe(named.rect.col);
    expect((rect?.rows ?? 0) * (rect?.cols ?? 0)).toBeLessThan(100000);
    expect(snapshot.grids.notes).toBeUndefined();
    if (name === NAMES.targets) {
      // Its new cells hold the sheet's other tables: each said, at once.
      expect(readStudy(snapshot.grids).problems.length).toBeGreaterThan(0);
    } else {
      expect(readStudy(snapshot.grids).study).toEqual(before);
    }
  });
});
