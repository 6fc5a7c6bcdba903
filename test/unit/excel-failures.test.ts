/**
 * When Excel says no: the host waits for a cell being edited, tells which step and which call failed
 * in both languages, and refuses up front what Excel would reject half-way through a build.
 */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { ExcelFailure } from "../../src/hosts/excel/failure";
import { RenderInterrupted } from "../../src/hosts/excel/interrupted";
import { renderPlan } from "../../src/hosts/excel/render";
import { RunBatch, waitingForCellEdit } from "../../src/hosts/excel/run";
import { RenderRefused, WorkbookHost } from "../../src/hosts/host";
import { buildPlan } from "../../src/layout";
import { WorkbookPlan } from "../../src/layout/plan";
import { Problem } from "../../src/messages";
import { Study } from "../../src/method/study";
import { FakeExcel } from "../support/fake-excel";
import { readExample, study } from "../support/workbooks";

function hostOn(excel: FakeExcel, run: RunBatch = excel.run): WorkbookHost {
  return createExcelHost({ run, isSetSupported: excel.isSetSupported });
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (failure: unknown) => failure
  );
}

async function problemsOf(work: Promise<unknown>): Promise<Problem[]> {
  const failure = await failureOf(work);
  if (failure instanceof ExcelFailure || failure instanceof RenderRefused) return failure.problems;
  throw new Error(`expected a refusal, got ${String(failure)}`);
}

let example: Study;
beforeAll(async () => {
  example = study(await readExample("exemple-incubateur.json"));
});

describe("Excel host: a cell being edited", () => {
  it("runs every batch with delayForCellEdit, so a build waits for the edit instead of failing", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = hostOn(excel, waitingForCellEdit(excel.runWith));
    const snapshot = await host.readWorkbook();
    expect(excel.lastRunOptions).toEqual({ delayForCellEdit: true });
    excel.beginCellEdit();
    await host.render(buildPlan(example), snapshot);
    expect(excel.sheetNames()).toContain("Matrice");
  });

  it("says so in both languages when a batch ran without it", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    excel.beginCellEdit();
    const problems = await problemsOf(hostOn(excel).readWorkbook());
    expect(problems.map((p) => p.code)).toEqual(["excel-cell-edit"]);
    expect(problems[0].message.fr).toMatch(/pendant la saisie d'une cellule : appuyez sur Entrée/);
    expect(problems[0].message.en).toMatch(/while a cell is being edited: press Enter or Esc/);
  });
});

describe("Excel host: which step failed", () => {
  it("names Excel's code and the call that failed (debugInfo.errorLocation), in each language", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = hostOn(excel);
    await host.render(buildPlan(example), await host.readWorkbook());
    excel.failAt((call) => call === "Worksheet.getUsedRangeOrNullObject");
    const failure = await failureOf(host.readWorkbook());
    expect(failure).toBeInstanceOf(ExcelFailure);
    const { problems, text } = failure as ExcelFailure;
    expect(problems.map((p) => p.code)).toEqual(["excel-failed"]);
    expect(text.fr).toBe(
      "Excel a refusé la lecture du classeur (GeneralException à l'étape Worksheet.getUsedRangeOrNullObject : injected failure) ; rien n'a été modifié. Recommencez ; si l'erreur revient, enregistrez le classeur, rouvrez-le, puis recommencez."
    );
    expect(text.en).toBe(
      "Excel refused reading the workbook (GeneralException at step Worksheet.getUsedRangeOrNullObject: injected failure); nothing was changed. Try again; if the error comes back, save the workbook, reopen it, then try again."
    );
  });

  it("tells a failure of the build's own listing apart from an interrupted build: nothing changed", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = hostOn(excel);
    const snapshot = await host.readWorkbook();
    excel.failAt((call) => call === "NamedItemCollection.load");
    const problems = await problemsOf(host.render(buildPlan(example), snapshot));
    expect(problems[0].message.en).toMatch(
      /^Excel refused the build \(GeneralException at step NamedItemCollection.load: injected failure\); nothing was changed/
    );
    expect(excel.sheetNames()).toEqual(["Feuil1"]);
  });

  it("asks for one block of cells when Excel cannot give the selection", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const problems = await problemsOf(hostOn(excel).readSelection());
    expect(problems.map((p) => p.code)).toEqual(["excel-selection-invalid"]);
    expect(problems[0].message.fr).toBe(
      "Sélectionnez un seul bloc de cellules (la liste des noms), puis recommencez."
    );
  });
});

describe("Excel host: names Excel would refuse, refused before Excel is called", () => {
  function renamed(edit: (plan: WorkbookPlan) => void): WorkbookPlan {
    const plan = buildPlan(example);
    edit(plan);
    return plan;
  }

  it.each(["History", "history"])("refuses a sheet named %s (reserved by Excel)", async (name) => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = hostOn(excel);
    const snapshot = await host.readWorkbook();
    excel.resetCounters();
    const plan = renamed((p) => (p.sheets[3].name = name));
    const problems = await problemsOf(host.render(plan, snapshot));
    expect(problems.map((p) => [p.code, p.location])).toEqual([
      ["plan-sheet-name-invalid", { sheet: name }],
    ]);
    expect(problems[0].message.fr).toBe(
      `Excel refuserait le nom de feuille « ${name} » (Excel réserve ce nom) : rien n'a été modifié.`
    );
    expect(excel.calls).toBe(0);
  });

  it("refuses table and defined names that read as cell references", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = hostOn(excel);
    const snapshot = await host.readWorkbook();
    excel.resetCounters();
    const plan = renamed((p) => {
      p.sheets[1].tables[0].name = "R1C1";
      p.names[0].name = "AB12";
    });
    const problems = await problemsOf(host.render(plan, snapshot));
    expect(problems.map((p) => p.code)).toEqual(["plan-name-invalid", "plan-name-invalid"]);
    expect(problems[0].message.en).toMatch(/^Excel would refuse the table name "R1C1" \(/);
    expect(problems[1].message.en).toMatch(/^Excel would refuse the defined name "AB12" \(/);
    expect(excel.calls).toBe(0);
    expect(excel.sheetNames()).toEqual(["Feuil1"]);
  });

  it("which Excel would otherwise reject half-way, leaving temporary sheets", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const plan = renamed((p) => {
      for (const named of p.names) if (named.sheet === p.sheets[3].name) named.sheet = "History";
      p.sheets[3].name = "History";
    });
    const failure = await failureOf(
      excel.run((context) => renderPlan(context, plan, { pageLayout: true, copyFormulas: true }))
    );
    expect(failure).toBeInstanceOf(RenderInterrupted);
    // Stopped at the fourth sheet's rename: it and the sheets after it keep their temporary names.
    expect((failure as RenderInterrupted).state?.temporarySheets).toEqual(
      plan.sheets.slice(3).map((_, i) => `SM temp ${i + 4}`)
    );
  });
});
