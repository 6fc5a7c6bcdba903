/**
 * *Intégrer les réponses* in the pane, over the recording Office.js fake (and once over the
 * preview's memory host): the *Réponses* sheet is added on demand and stays the consultant's (no
 * rebuild replaces it nor its rows), its rows go through the command line's reading and
 * aggregation, the rows not counted are named by row and linked to their cells, hand-made values
 * the responses change are shown before → after and changed only once confirmed, names the study
 * lacks are refused and listed (added once the consultant agrees), and the rebuild keeps the rest.
 */
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { withNavigation } from "../../src/hosts/excel/navigation";
import { PaneHost } from "../../src/hosts/host";
import { createMemoryHost } from "../../src/hosts/preview/memory-host";
import { paneTexts } from "../../src/i18n/pane";
import { describeChange } from "../../src/i18n/responses";
import { buildPlan } from "../../src/layout";
import { RESPONSES_TABLE } from "../../src/layout/names";
import { RESPONSES_SHEET } from "../../src/layout/sheets/responses";
import { Study } from "../../src/method/study";
import { validateStudy } from "../../src/method/validate";
import { currentStudy } from "../../src/app/operations";
import { PaneContext, refresh } from "../../src/taskpane/actions";
import { integrate } from "../../src/taskpane/responses-actions";
import { RESPONSE_TARGET_BYTES } from "../../src/hosts/excel/rfm-read";
import { FakeExcel } from "../support/fake-excel";

const STUDY_JSON = {
  language: "fr",
  title: "Étude des locaux",
  clienteles: ["Artisans", "Banques"],
  needs: ["Financement", "Locaux"],
  pairs: [
    // Typed by hand: the responses below change its perception (2 → 4) and keep its comment.
    { clientele: "Artisans", need: "Financement", perception: 2, impact: 2, comment: "à revoir" },
    // Typed by hand, never mentioned by the responses: a hypothesis, kept as it is.
    { clientele: "Banques", need: "Financement", perception: 3, impact: 1 },
  ],
  weights: { perception: 1, impact: 2 },
};

function study(): Study {
  const { study: read, problems } = validateStudy(STUDY_JSON);
  expect(problems).toEqual([]);
  return read!;
}

const plain = (text: string | undefined): string => (text ?? "").replace(/\u00a0/g, " ");

function contextOf(host: PaneHost): PaneContext {
  return { host, language: "fr", texts: paneTexts("fr") };
}

function excelHost(excel: FakeExcel): PaneHost {
  return withNavigation(createExcelHost({ run: excel.run, isSetSupported: () => true }), {
    run: excel.run,
    isSetSupported: () => true,
  });
}

async function built(): Promise<{ excel: FakeExcel; host: PaneHost }> {
  const excel = new FakeExcel();
  const host = excelHost(excel);
  await host.render(buildPlan(study()), await host.readWorkbook());
  return { excel, host };
}

async function studyOf(host: PaneHost): Promise<Study> {
  const read = currentStudy(await host.readWorkbook());
  expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
  return read.study!;
}

/** Rows pasted under the headers: row 6 onwards. */
const ROWS = [
  ["p1", "Artisans", "Financement", "X", 4, 3, ""],
  ["p2", "artisans", "Financement", "oui", "Fort ressenti", 2, ""],
  ["p3", "Artisans", "Financement", "non", 1, 1, ""],
  // Row 9: an unknown level, not counted.
  ["p4", "Artisans", "Financement", "X", "Énorme", 1, ""],
  ["p1", "Banques", "Locaux", "X", 3, 4, "Forte"],
  // Row 11: no respondent, not counted.
  ["", "Banques", "Locaux", "X", 3, 4, ""],
];

describe("Intégrer les réponses over Office.js", () => {
  it("adds the Réponses sheet the first time, unmanaged, with its headers as a table", async () => {
    const { excel, host } = await built();
    const result = await integrate(contextOf(host));
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0].intent).toBe("info");
    expect(plain(result.notices[0].text)).toMatch(/^Feuille « Réponses » ajoutée : collez-y/);
    expect(result.notices[0].open?.sheet).toBe("Réponses");
    expect(plain(result.notices[0].open?.label)).toBe("Ouvrir la feuille « Réponses »");
    expect(excel.findTable(RESPONSES_TABLE)?.sheet.name).toBe("Réponses");
    expect(excel.cell("Réponses", `A${RESPONSES_SHEET.headerRow}`)?.value).toBe("Répondant");
    expect(excel.cell("Réponses", `G${RESPONSES_SHEET.headerRow}`)?.value).toBe("Concurrence");
    expect(excel.activeSheetName()).toBe("Réponses");
    const snapshot = await host.readWorkbook();
    expect(snapshot.sheets.find((s) => s.name === "Réponses")?.managed).toBe(false);
    // Nothing pasted yet: said, with the sheet to open; the study is untouched.
    const again = await integrate(contextOf(host));
    expect(plain(again.notices[0].text)).toMatch(/n'a pas encore de réponses/);
    expect(again.rendered).toBeUndefined();
    expect(await studyOf(host)).toEqual(study());
  });

  it("ticks from the threshold the consultant set, and confirms with the threshold it asked with", async () => {
    const { host, excel } = await built();
    await integrate(contextOf(host));
    excel.setCells("Réponses", `A${RESPONSES_SHEET.firstRow}`, ROWS);
    // Two of three respondents feel (Artisans, Financement): ticked at 50 %, not at 70 %.
    const asked = await integrate(contextOf(host), undefined, 0.7);
    const pending = asked.confirmResponses!;
    expect(pending.threshold).toBe(0.7);
    expect(pending.handMade.map((change) => plain(describeChange(change, "fr")).trim())).toEqual([
      "(« Artisans », « Financement ») : coche retirée (était perception 2, impact 2) (saisie à la main)",
    ]);
    // The confirmation applies the threshold shown, whatever the default.
    const done = await integrate(contextOf(host), pending);
    expect(done.rendered).toBe(true);
    const after = await studyOf(host);
    const pair = after.pairs.find((p) => p.clientele === "Artisans" && p.need === "Financement");
    expect(pair).toBeUndefined();
    expect(after.pairs.map((p) => `${p.clientele}/${p.need}`)).toEqual([
      "Banques/Financement",
      "Banques/Locaux",
    ]);
  });

  it("asks before changing hand-made ratings, shows the bad rows by row, then rebuilds keeping the rest", async () => {
    const { excel, host } = await built();
    await integrate(contextOf(host));
    excel.setCells("Réponses", `A${RESPONSES_SHEET.firstRow}`, ROWS);

    const asked = await integrate(contextOf(host));
    expect(asked.rendered).toBeUndefined();
    const pending = asked.confirmResponses!;
    expect(pending.sheet).toBe("Réponses");
    expect(pending.badRows).toBe(2);
    expect(pending.unknown).toEqual({ clienteles: [], needs: [] });
    expect(pending.handMade.map((change) => plain(describeChange(change, "fr")).trim())).toEqual([
      "(« Artisans », « Financement ») : perception 2 → 4, impact 2 → 3 (saisie à la main)",
    ]);
    // Nothing changed while asking.
    expect(await studyOf(host)).toEqual(study());

    const done = await integrate(contextOf(host), pending);
    expect(done.rendered).toBe(true);
    expect(done.notices[0].intent).toBe("success");
    expect(plain(done.notices[0].title)).toBe("Réponses intégrées");
    expect(plain(done.notices[0].text)).toMatch(/^2 paires appuyées par 3 répondants/);
    // The rows not counted, each linked to its row's first cell.
    const warnings = done.notices.filter((n) => n.intent === "warning");
    const lines = warnings.flatMap((n) => [n, ...(n.items ?? [])]).filter((n) => n.location);
    expect(lines.map((n) => n.location)).toEqual([
      { sheet: "Réponses", cell: "A9" },
      { sheet: "Réponses", cell: "A11" },
    ]);

    const after = await studyOf(host);
    expect(after.title).toBe("Étude des locaux");
    expect(after.weights).toEqual({ perception: 1, impact: 2 });
    expect(after.pairs).toEqual([
      {
        clientele: "Artisans",
        need: "Financement",
        perception: 4, // 4 and 4 ("Fort ressenti") from those who feel it
        impact: 3, // 3 and 2: half up
        comment: "à revoir",
        evidence: { n: 3, feel: 2 / 3, source: "Réponses" },
      },
      { clientele: "Banques", need: "Financement", perception: 3, impact: 1 },
      {
        clientele: "Banques",
        need: "Locaux",
        perception: 3,
        impact: 4,
        competition: 3,
        evidence: { n: 1, feel: 1, source: "Réponses" },
      },
    ]);
    // The consultant's rows are still there, and a rebuild (Actualiser) leaves them.
    expect(excel.cell("Réponses", "A11")?.value ?? "").toBe("");
    expect(excel.cell("Réponses", "B11")?.value).toBe("Banques");
    const refreshed = await refresh(contextOf(host));
    expect(refreshed.rendered).toBe(true);
    expect(excel.cell("Réponses", "A6")?.value).toBe("p1");
    expect(excel.cell("Réponses", "G10")?.value).toBe("Forte");
    expect(excel.findTable(RESPONSES_TABLE)?.sheet.name).toBe("Réponses");
    expect(await studyOf(host)).toEqual(after);
    // Integrating the same responses again changes nothing, and asks nothing.
    const twice = await integrate(contextOf(host));
    expect(twice.confirmResponses).toBeUndefined();
    expect(await studyOf(host)).toEqual(after);
  });

  it("refuses names the study lacks, listing them, and adds them once the consultant agrees", async () => {
    const { excel, host } = await built();
    await integrate(contextOf(host));
    excel.setCells("Réponses", `A${RESPONSES_SHEET.firstRow}`, [
      ["p1", "Banques", "Locaux", "X", "", "", ""],
      ["p1", "Notaires", "Locaux", "X", 2, 2, ""],
      ["p2", "Notaires", "Conseil", "oui", 3, 3, ""],
    ]);
    const asked = await integrate(contextOf(host));
    const pending = asked.confirmResponses!;
    expect(pending.unknown).toEqual({ clienteles: ["Notaires"], needs: ["Conseil"] });
    expect(pending.handMade).toEqual([]);
    expect(await studyOf(host)).toEqual(study());
    // Listed in the pane's words (no command-line option), each at the first row naming it.
    expect(asked.notices.map((n) => [n.intent, plain(n.text), n.location])).toEqual([
      [
        "error",
        "ligne 7 : la clientèle « Notaires » n'est pas dans l'étude : corrigez le nom (la casse et les espaces autour ne comptent pas), ou acceptez de l'ajouter quand le volet le propose",
        { sheet: "Réponses", cell: "A7" },
      ],
      [
        "error",
        expect.stringMatching(/^ligne 8 : le besoin « Conseil » n'est pas dans l'étude/),
        { sheet: "Réponses", cell: "A8" },
      ],
    ]);

    // The sheet changed before the answer: asked again, nothing applied.
    excel.setCells("Réponses", "A9", [["p3", "Courtiers", "Locaux", "X", "", "", ""]]);
    const changed = await integrate(contextOf(host), pending);
    expect(changed.rendered).toBeUndefined();
    expect(plain(changed.notices[0].text)).toMatch(/ont changé depuis la question/);
    expect(changed.confirmResponses!.unknown.clienteles).toEqual(["Notaires", "Courtiers"]);

    const done = await integrate(contextOf(host), changed.confirmResponses);
    expect(done.rendered).toBe(true);
    const after = await studyOf(host);
    expect(after.clienteles.map((c) => c.name)).toEqual([
      "Artisans",
      "Banques",
      "Notaires",
      "Courtiers",
    ]);
    expect(after.needs.map((n) => n.name)).toEqual(["Financement", "Locaux", "Conseil"]);
    expect(after.pairs.find((p) => p.clientele === "Notaires" && p.need === "Conseil")).toEqual({
      clientele: "Notaires",
      need: "Conseil",
      perception: 3,
      impact: 3,
      evidence: { n: 1, feel: 1, source: "Réponses" },
    });
  });

  it("stops on a missing column, linked to the header row", async () => {
    const { excel, host } = await built();
    await integrate(contextOf(host));
    excel.setCells("Réponses", `B${RESPONSES_SHEET.headerRow}`, [["Client"]]);
    excel.setCells("Réponses", `A${RESPONSES_SHEET.firstRow}`, [["p1", "Banques", "Locaux", "X"]]);
    const result = await integrate(contextOf(host));
    expect(result.rendered).toBeUndefined();
    expect(result.notices.map((n) => [n.intent, plain(n.text)])).toEqual([
      [
        "error",
        expect.stringMatching(/^ligne 5 \(en-têtes\) : il manque la colonne « clientèle »/),
      ],
    ]);
    expect(result.notices[0].location).toEqual({ sheet: "Réponses", cell: "A5" });
  });

  it("reads a large sheet in bands whose responses stay under the target", async () => {
    const { excel, host } = await built();
    await integrate(contextOf(host));
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      `répondant ${i}`,
      i % 2 ? "Artisans" : "Banques",
      i % 3 ? "Financement" : "Locaux",
      i % 5 ? "X" : "non",
      1 + (i % 4),
      1 + (i % 3),
      i % 5,
    ]);
    excel.setCells("Réponses", `A${RESPONSES_SHEET.firstRow}`, rows);
    excel.resetCounters();
    const table = await host.readConsultantTable({
      table: RESPONSES_TABLE,
      sheets: [],
      maxCells: 5_000_000,
    });
    expect(table!.sheet).toBe("Réponses");
    expect(table!.values).toHaveLength(RESPONSES_SHEET.firstRow - 1 + rows.length);
    expect(table!.values[RESPONSES_SHEET.firstRow - 1]).toEqual(rows[0]);
    expect(table!.values.at(-1)).toEqual(rows.at(-1));
    expect(excel.syncs).toBeGreaterThan(3);
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(RESPONSE_TARGET_BYTES * 1.1);
    // Refused past the cells asked for, before any band is read.
    await expect(
      host.readConsultantTable({ table: RESPONSES_TABLE, sheets: [], maxCells: 1000 })
    ).rejects.toMatchObject({ problems: [{ code: "responses-sheet-too-large" }] });
  });

  it("finds the sheet by its name when the consultant removed the table", async () => {
    const excel = new FakeExcel(["Feuil1", "responses"]);
    excel.setCells("responses", "C3", [
      ["respondent", "clientele", "need", "feels"],
      ["p1", "Banques", "Locaux", "yes"],
    ]);
    const host = excelHost(excel);
    const table = await host.readConsultantTable({
      table: RESPONSES_TABLE,
      sheets: ["Réponses", "Responses"],
      maxCells: 100,
    });
    expect(table!.sheet).toBe("responses");
    expect(table!.values.slice(0, 2)).toEqual([[], []]);
    expect(table!.values[3]).toEqual(["p1", "Banques", "Locaux", "yes"]);
  });
});

describe("Intégrer les réponses in the preview", () => {
  it("adds the sheet, reads the rows typed in it, and keeps the sheet and its table across rebuilds", async () => {
    const host = createMemoryHost({ initialPlan: buildPlan(study()) });
    await integrate(contextOf(host));
    const sheet = host.workbook.getState().sheets.find((s) => s.name === "Réponses")!;
    expect(sheet.values[RESPONSES_SHEET.headerRow - 1][0]).toBe("Répondant");
    ["p9", "Banques", "Locaux", "X", 2, 3].forEach((value, i) =>
      host.workbook.edit("Réponses", RESPONSES_SHEET.firstRow, i + 1, value)
    );
    const done = await integrate(contextOf(host));
    expect(done.rendered).toBe(true);
    const after = await studyOf(host);
    expect(after.pairs.find((p) => p.clientele === "Banques" && p.need === "Locaux")).toEqual({
      clientele: "Banques",
      need: "Locaux",
      perception: 2,
      impact: 3,
      evidence: { n: 1, feel: 1, source: "Réponses" },
    });
    const state = host.workbook.getState();
    expect(state.sheets.find((s) => s.name === "Réponses")?.values[5][0]).toBe("p9");
    expect(state.tables.find((t) => t.name === RESPONSES_TABLE)?.sheet).toBe("Réponses");
  });
});
