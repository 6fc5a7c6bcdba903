/**
 * The add-in's state in the open workbook (a custom XML part), through the recording fake: written
 * by every build, replaced by the next, read with the other listings at no extra sync; a foreign
 * SM_ name is not the add-in's; a newer layout is refused; a workbook from before it is upgraded.
 */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { WorkbookHost } from "../../src/hosts/host";
import { refreshFromSheets } from "../../src/app/operations";
import { buildPlan } from "../../src/layout";
import { LAYOUT_VERSION, STATE_NAMESPACE, stateFromXml } from "../../src/layout/state";
import { formatProblem } from "../../src/messages";
import { Study } from "../../src/method/study";
import { FakeExcel } from "../support/fake-excel";
import { study } from "../support/workbooks";

const small: Study = study({
  clienteles: ["Commuters", "Students"],
  needs: ["Fix a flat"],
  pairs: [{ clientele: "Commuters", need: "Fix a flat", perception: 3, impact: 4 }],
});

function hostOn(excel: FakeExcel): WorkbookHost {
  return createExcelHost({ run: excel.run, isSetSupported: () => true });
}

async function build(excel: FakeExcel): Promise<void> {
  const host = hostOn(excel);
  await host.render(buildPlan(small), await host.readWorkbook());
}

const ownParts = (excel: FakeExcel) => excel.customXmlPartsIn(STATE_NAMESPACE);

describe("Excel host: the add-in's state in the workbook", () => {
  it("a build writes one state part; a rebuild replaces it and keeps other custom XML parts", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    excel.addCustomXmlPart('<other xmlns="urn:someone-else"><x/></other>');
    await build(excel);
    expect(ownParts(excel)).toHaveLength(1);
    const state = stateFromXml(ownParts(excel)[0].xml);
    expect(state).toMatchObject({
      kind: "ok",
      state: { layoutVersion: LAYOUT_VERSION, tables: ["SM_Ratings"] },
    });
    expect(state?.kind === "ok" && state.state.sheets.map((s) => s.role)).toEqual([
      "ticks",
      "ratings",
      "matrix",
      "segments",
      "checklist",
      "targeting",
      "diagnostic",
      "settings",
    ]);
    const first = ownParts(excel)[0].id;
    await build(excel);
    expect(ownParts(excel)).toHaveLength(1);
    expect(ownParts(excel)[0].id).not.toBe(first);
    expect(excel.customXmlParts.map((p) => p.xml)).toContain(
      '<other xmlns="urn:someone-else"><x/></other>'
    );
  });

  it("reading a built workbook costs no extra sync: the state comes with the addresses", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    await build(excel);
    excel.resetCounters();
    const snapshot = await hostOn(excel).readWorkbook();
    // List, addresses (with the state's XML), values: the three syncs of any read.
    expect(excel.syncs).toBe(3);
    expect(snapshot.grids.state?.kind).toBe("ok");
    expect(snapshot.sheets.filter((s) => s.managed).map((s) => s.name)).toEqual([
      "Qui ressent quoi",
      "Évaluation",
      "Matrice",
      "Segments",
      "Check-list",
      "Ciblage",
      "Diagnostic",
      "Paramètres",
    ]);
  });

  it("a consultant's live SM_ name is theirs: not deleted, and its sheet is not the add-in's", async () => {
    const excel = new FakeExcel(["Budget"]);
    excel.setCells("Budget", "A1", [[1200]]);
    excel.defineName("SM_Budget", "Budget", "A1");
    await build(excel);
    await build(excel);
    expect(excel.nameAddress("SM_Budget")).toBe("Budget!A1");
    const snapshot = await hostOn(excel).readWorkbook();
    expect(snapshot.sheets.find((s) => s.name === "Budget")?.managed).toBe(false);
  });

  it("a workbook from before the state (layout 0) is read, and upgraded by the next build", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    await build(excel);
    for (const part of ownParts(excel)) excel.deleteCustomXmlPart(part);
    const host = hostOn(excel);
    const snapshot = await host.readWorkbook();
    expect(snapshot.grids.state).toBeUndefined();
    const outcome = refreshFromSheets(snapshot);
    expect(outcome.study).toEqual(small);
    if (!outcome.plan) throw new Error("no plan");
    await host.render(outcome.plan, snapshot);
    expect(ownParts(excel)).toHaveLength(1);
  });

  it("a workbook written by a newer layout is refused, and left as it is", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    await build(excel);
    const part = ownParts(excel)[0];
    part.xml = part.xml.replace(
      `layoutVersion="${LAYOUT_VERSION}"`,
      `layoutVersion="${LAYOUT_VERSION + 1}"`
    );
    const snapshot = await hostOn(excel).readWorkbook();
    const outcome = refreshFromSheets(snapshot);
    expect(outcome.plan).toBeUndefined();
    expect(outcome.problems.map((p) => formatProblem(p, "en"))).toEqual([
      `this workbook was written by a newer Segment Matrix (layout ${LAYOUT_VERSION + 1}; this one knows layout ${LAYOUT_VERSION}): update Segment Matrix`,
    ]);
  });

  it("a damaged state is said, and the sheets are still recognised by their names", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    await build(excel);
    const part = ownParts(excel)[0];
    part.xml = part.xml.replace(`layoutVersion="${LAYOUT_VERSION}"`, 'layoutVersion="one"');
    const outcome = refreshFromSheets(await hostOn(excel).readWorkbook());
    expect(outcome.plan).toBeDefined();
    expect(outcome.problems.map((p) => p.code)).toContain("workbook-state-damaged");
  });
});
