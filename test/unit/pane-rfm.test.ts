/**
 * The pane's Clients RFM (src/taskpane/rfm-actions.ts) end to end over the Office.js host and the
 * recording fake, and over the preview's memory host: the columns guessed from French and English
 * headers by the command line's rule and confirmed; every row left out counted with the command
 * line's messages; the RFM sheets written beside a study's (which stays), replaced by a rerun and
 * kept by the study's rebuild; a sheet of the consultant's never overwritten; the read and the write
 * in requests under Excel's limits.
 */
import * as msg from "../../src/messages";
import { buildPlan } from "../../src/layout";
import { RFM_SUMMARY_NAME, RFM_TABLE, rfmPlan } from "../../src/layout/sheets/rfm";
import { DEFAULT_SEGMENT_RULES, rulesIn } from "../../src/analysis/rfm";
import { PALETTES } from "../../src/method/colour";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { withNavigation } from "../../src/hosts/excel/navigation";
import { REQUEST_LIMIT_BYTES } from "../../src/hosts/excel/budget";
import { RESPONSE_TARGET_BYTES } from "../../src/hosts/excel/rfm-read";
import { createMemoryHost } from "../../src/hosts/preview/memory-host";
import { PaneHost } from "../../src/hosts/host";
import { paneTexts } from "../../src/i18n/pane";
import { PaneContext, exportClientWorkbook, refresh } from "../../src/taskpane/actions";
import { problemMessage } from "../../src/taskpane/notices";
import {
  confirmedColumns,
  rfmReadSelection,
  rfmRun,
  tableLabel,
} from "../../src/taskpane/rfm-actions";
import { FakeExcel } from "../support/fake-excel";
import { segmentedStudy } from "../support/export-fixtures";

function excelHost(excel: FakeExcel): PaneHost {
  const options = { run: excel.run, isSetSupported: excel.isSetSupported };
  return withNavigation(createExcelHost(options), options);
}

function contextOf(host: PaneHost, language: "fr" | "en" = "fr"): PaneContext {
  return { host, language, texts: paneTexts(language) };
}

/** A "Ventes" sheet holding `rows` from A1, `range` selected on it, and the pane's first step read. */
async function selectedSales(rows: (string | number | null)[][], range: string) {
  const excel = new FakeExcel(["Ventes"]);
  excel.setCells("Ventes", "A1", rows);
  excel.select("Ventes", range);
  const context = contextOf(excelHost(excel));
  const setup = await rfmReadSelection(context);
  return { excel, context, setup };
}

const plain = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

/** Rows of id, product, date (an Excel serial), amount: `customers` customers, every one buying. */
function transactions(count: number, customers: number): (string | number)[][] {
  return Array.from({ length: count }, (_, i) => [
    `C${String(i % customers).padStart(6, "0")}`,
    `P${i % 13}`,
    45292 + ((i * 7) % 700),
    ((i * 37) % 20000) / 100 + 1,
  ]);
}

describe("the columns", () => {
  it("are guessed from French headers by the command line's rule, and confirmed", async () => {
    const excel = new FakeExcel(["Ventes"]);
    excel.setCells("Ventes", "B2", [
      ["Produit", "N° client", "Date d'achat", "Montant TTC"],
      ["P1", "A", "2025-01-02", 5],
    ]);
    excel.select("Ventes", "A1:H50");
    const setup = await rfmReadSelection(contextOf(excelHost(excel)));
    expect(setup.table.sheet).toBe("Ventes");
    expect(tableLabel(setup.table)).toBe("'Ventes'!B2:E3");
    expect(setup.options).toEqual(["Produit", "N° client", "Date d'achat", "Montant TTC"]);
    expect(setup.guessed).toEqual({ id: "N° client", date: "Date d'achat", amount: "Montant TTC" });
    expect(confirmedColumns(setup, setup.guessed)).toEqual(setup.guessed);
    // One column for two roles, a role left empty, a header that is not there: not confirmed.
    expect(confirmedColumns(setup, { ...setup.guessed, amount: "N° client" })).toBeUndefined();
    expect(confirmedColumns(setup, { id: "N° client", date: "Date d'achat" })).toBeUndefined();
    expect(confirmedColumns(setup, { ...setup.guessed, amount: "Prix" })).toBeUndefined();
  });

  it("are guessed from English headers, a role without a telling header left to choose", async () => {
    const excel = new FakeExcel(["Orders"]);
    excel.setCells("Orders", "A1", [
      ["Customer ID", "Order Date", "Sales", "Region"],
      ["A", "2025-01-02", 5, "N"],
    ]);
    excel.select("Orders", "A1:D2");
    const setup = await rfmReadSelection(contextOf(excelHost(excel), "en"));
    expect(setup.guessed).toEqual({ id: "Customer ID", date: "Order Date", amount: "Sales" });
    excel.setCells("Orders", "A1", [["Who", "Order Date", "Sales", "Region"]]);
    const again = await rfmReadSelection(contextOf(excelHost(excel), "en"));
    expect(again.guessed).toEqual({ date: "Order Date", amount: "Sales" });
  });

  it("the consultant's choice is what is read", async () => {
    const { excel, context, setup } = await selectedSales(
      [
        ["Client", "Date", "Montant", "Remise"],
        ["A", "2025-01-02", 5, 1],
        ["B", "2025-01-03", 7, 2],
      ],
      "A1:D3"
    );
    const result = await rfmRun(context, setup, {
      columns: { ...setup.guessed, amount: "Remise" },
      analysisDate: "2025-02-01",
    });
    expect(result.notices[0].intent).toBe("success");
    // Monetary (column D of SM_RFM) is the discount column's.
    expect(excel.cell("Clients RFM", "D7")?.value).toBe(1);
    expect(excel.cell("Clients RFM", "D8")?.value).toBe(2);
  });

  it("refuses two roles on one column and a date that is not one, before reading", async () => {
    const { excel, context, setup } = await selectedSales(
      [
        ["Client", "Date", "Montant"],
        ["A", "2025-01-02", 5],
      ],
      "A1:C2"
    );
    excel.resetCounters();
    const same = await rfmRun(context, setup, {
      columns: { ...setup.guessed, date: "Client" },
      analysisDate: "",
    });
    expect(same.notices.map((n) => n.intent)).toEqual(["error"]);
    const date = await rfmRun(context, setup, {
      columns: setup.guessed,
      analysisDate: "01/02/2025",
    });
    expect(plain(date.notices[0].text)).toContain("01/02/2025");
    expect(excel.syncs).toBe(0);
    expect(excel.sheetNames()).toEqual(["Ventes"]);
  });
});

describe("bad data", () => {
  it("is counted with the command line's messages; the sheets are written from what is left", async () => {
    const { excel, context, setup } = await selectedSales(
      [
        ["Client", "Date", "Montant"],
        ["A", "2025-01-02", 10],
        ["A", "2025-01-02", 10],
        ["", "2025-01-03", 4],
        ["B", "hier", 4],
        ["B", "2025-01-05", "beaucoup"],
        ["B", "03/04/2025", 8],
        ["C", "2025-01-06", -3],
        ["C", "2025-01-07", 9],
      ],
      "A1:C9"
    );
    const result = await rfmRun(context, setup, { columns: setup.guessed, analysisDate: "" });
    const where = { sheet: "Ventes", cell: "A1:C9" };
    const expected = [
      msg.rfmBlankIds(where, "Client", 1),
      msg.rfmBadAmounts(where, "Montant", 1, "beaucoup"),
      msg.rfmBadDates(where, "Date", 1, "hier"),
      msg.rfmAmbiguousDates(where, 1, "03/04/2025", true),
      msg.rfmReturns(where, 1),
      msg.rfmDuplicates(where, 1),
    ].map((p) => plain(problemMessage(p, "fr")));
    const told = result.notices.map((n) => plain(n.text));
    for (const text of expected) expect(told).toContain(text);
    // Each warning links to the table it is about.
    expect(result.notices.find((n) => n.intent === "warning")?.location).toEqual(where);
    expect(result.notices[0].intent).toBe("success");
    // 03/04/2025 read day first (French): 3 April, the last transaction: analysis the day after.
    expect(plain(result.notices[0].text)).toContain("3 clients");
    expect(plain(result.notices[0].text)).toContain("2025-04-04");
    expect(excel.tableList().find((t) => t.name === RFM_TABLE)?.address).toBe("A6:I9");
  });

  it("writes nothing when no customer is left, and says why", async () => {
    const { excel, context, setup } = await selectedSales(
      [
        ["Client", "Date", "Montant"],
        ["A", "jamais", 10],
        ["", "2025-01-02", 3],
      ],
      "A1:C3"
    );
    const result = await rfmRun(context, setup, { columns: setup.guessed, analysisDate: "" });
    expect(result.notices.map((n) => n.intent)).toContain("error");
    expect(result.notices.map((n) => plain(n.text))).toContain(
      plain(problemMessage(msg.rfmNoCustomers("'Ventes'!A1:C3"), "fr"))
    );
    expect(result.rendered).toBeUndefined();
    expect(excel.sheetNames()).toEqual(["Ventes"]);
  });

  it("refuses an empty selection and a header line alone, as refusals", async () => {
    const excel = new FakeExcel(["Ventes"]);
    excel.select("Ventes", "A1:C10");
    const host = excelHost(excel);
    await expect(rfmReadSelection(contextOf(host))).rejects.toMatchObject({
      problems: [{ code: "rfm-selection-empty" }],
    });
    excel.setCells("Ventes", "A1", [["Client", "Date", "Montant"]]);
    await expect(rfmReadSelection(contextOf(host))).rejects.toMatchObject({
      problems: [{ code: "rfm-selection-empty" }],
    });
  });

  it("refuses a table whose header line changed since it was shown", async () => {
    const { excel, context, setup } = await selectedSales(
      [
        ["Client", "Date", "Montant"],
        ["A", "2025-01-02", 10],
      ],
      "A1:C2"
    );
    excel.setCells("Ventes", "A1", [["Montant", "Date", "Client"]]);
    await expect(
      rfmRun(context, setup, { columns: setup.guessed, analysisDate: "" })
    ).rejects.toMatchObject({ problems: [{ code: "rfm-selection-changed" }] });
    expect(excel.sheetNames()).toEqual(["Ventes"]);
  });
});

describe("the sheets", () => {
  const study = segmentedStudy({ segments: [], targets: [], conquest: [] });

  async function withStudyAndSales(): Promise<{ excel: FakeExcel; host: PaneHost }> {
    const excel = new FakeExcel(["Ventes"]);
    const host = excelHost(excel);
    const snapshot = await host.readWorkbook();
    await host.render(buildPlan(study), snapshot);
    excel.setCells("Ventes", "A1", [
      ["Client", "Date", "Montant"],
      ...transactions(40, 7).map(([id, , d, a]) => [id, d, a]),
    ]);
    excel.select("Ventes", "A1:C41");
    return { excel, host };
  }

  it("go beside the study's, which stay; a rerun replaces them; a rebuild of the study keeps them", async () => {
    const { excel, host } = await withStudyAndSales();
    const studySheets = excel.sheetNames();
    const context = contextOf(host);
    const first = await rfmRun(context, await rfmReadSelection(context), {
      columns: { id: "Client", date: "Date", amount: "Montant" },
      analysisDate: "2026-01-01",
    });
    expect(first.notices[0].intent).toBe("success");
    expect(first.notices[0].open?.sheet).toBe("Synthèse RFM");
    expect(excel.sheetNames()).toEqual([...studySheets, "Clients RFM", "Synthèse RFM"]);
    expect(excel.nameAddress(RFM_SUMMARY_NAME)).toMatch(/^'Synthèse RFM'!A4:G17$/);
    expect(excel.cell("Clients RFM", "A7")?.value).toBe("C000000");
    expect(excel.cell("Clients RFM", "A13")?.value).toBe("C000006");
    expect(excel.activeSheetName()).toBe("Synthèse RFM");
    // The study reads back as it was.
    const state = await host.readWorkbook();
    expect(state.sheets.filter((s) => s.managed).map((s) => s.name)).toEqual(
      studySheets.filter((name) => name !== "Ventes")
    );

    // A rerun with another date: its own sheets replaced, nothing else.
    excel.select("Ventes", "A1:C41");
    const second = await rfmRun(context, await rfmReadSelection(context), {
      columns: { id: "Client", date: "Date", amount: "Montant" },
      analysisDate: "2026-06-01",
    });
    expect(second.notices.map((n) => plain(n.text))).toContain(
      "Les feuilles RFM précédentes ont été remplacées : « Clients RFM », « Synthèse RFM »."
    );
    expect(excel.sheetNames()).toEqual([...studySheets, "Clients RFM", "Synthèse RFM"]);
    expect(String(excel.cell("Clients RFM", "A1")?.value)).toContain("2026-06-01");
    expect(excel.tableList().filter((t) => t.name === RFM_TABLE)).toHaveLength(1);
    // Each of the RFM sheets' names once, on the new sheets.
    expect(excel.nameList().filter((name) => name.startsWith("SM_Rfm"))).toEqual([
      "SM_RfmRules",
      "SM_RfmSummary",
    ]);
    expect(excel.nameAddress("SM_RfmRules")).toBe("'Clients RFM'!K7:O18");

    // Actualiser rebuilds the study's sheets and leaves the RFM ones, which a rerun still knows.
    const refreshed = await refresh(context);
    expect(refreshed.notices[0].intent).toBe("success");
    expect(excel.sheetNames()).toContain("Clients RFM");
    expect(excel.sheetNames()).toContain("Synthèse RFM");
    expect(excel.nameAddress(RFM_SUMMARY_NAME)).toMatch(/^'Synthèse RFM'!/);
    excel.select("Ventes", "A1:C41");
    const third = await rfmRun(context, await rfmReadSelection(context), {
      columns: { id: "Client", date: "Date", amount: "Montant" },
      analysisDate: "",
    });
    expect(third.notices[0].intent).toBe("success");
    expect(excel.sheetNames().filter((name) => name.includes("RFM"))).toEqual([
      "Clients RFM",
      "Synthèse RFM",
    ]);
  });

  it("never overwrite a sheet of the consultant's: refused, nothing changed", async () => {
    const excel = new FakeExcel(["Ventes", "Synthèse RFM"]);
    excel.setCells("Synthèse RFM", "A1", [["mes notes"]]);
    excel.setCells("Ventes", "A1", [
      ["Client", "Date", "Montant"],
      ["A", "2025-01-02", 10],
      ["B", "2025-01-03", 12],
    ]);
    excel.select("Ventes", "A1:C3");
    const context = contextOf(excelHost(excel));
    const setup = await rfmReadSelection(context);
    const read = jest.fn();
    await expect(
      rfmRun(context, setup, { columns: setup.guessed, analysisDate: "" }, read)
    ).rejects.toMatchObject({ problems: [msg.sheetNameTaken("Synthèse RFM")] });
    // Refused before the transactions were read.
    expect(read).not.toHaveBeenCalled();
    expect(excel.sheetNames()).toEqual(["Ventes", "Synthèse RFM"]);
    expect(excel.cell("Synthèse RFM", "A1")?.value).toBe("mes notes");
    expect(excel.nameList()).toEqual([]);
  });

  it("are refused by the write itself too, from the workbook as it is when it runs", async () => {
    const excel = new FakeExcel(["Ventes", "Clients RFM"]);
    const plan = rfmPlan({
      rows: [
        {
          id: "A",
          recency: 3,
          frequency: 1,
          monetary: 5,
          r: 1,
          f: 1,
          m: 1,
          code: "111",
          segment: "",
        },
      ],
      rules: rulesIn(DEFAULT_SEGMENT_RULES, "fr"),
      analysisDay: 20000,
      firstDay: 19990,
      language: "fr",
      palette: PALETTES.default,
    });
    excel.resetCounters();
    await expect(excelHost(excel).writeRfmSheets(plan)).rejects.toMatchObject({
      problems: [msg.sheetNameTaken("Clients RFM")],
    });
    // The listing only: nothing was queued.
    expect(excel.sheetNames()).toEqual(["Ventes", "Clients RFM"]);
    expect(excel.callCounts.get("WorksheetCollection.add")).toBeUndefined();
  });

  it("never take a name of the consultant's in another case either", async () => {
    const excel = new FakeExcel(["Ventes", "clients rfm"]);
    excel.setCells("Ventes", "A1", [
      ["Client", "Date", "Montant"],
      ["A", "2025-01-02", 10],
    ]);
    excel.select("Ventes", "A1:C2");
    const context = contextOf(excelHost(excel));
    const setup = await rfmReadSelection(context);
    await expect(
      rfmRun(context, setup, { columns: setup.guessed, analysisDate: "" })
    ).rejects.toMatchObject({ problems: [msg.sheetNameTaken("clients rfm")] });
    expect(excel.sheetNames()).toEqual(["Ventes", "clients rfm"]);
  });

  it("stopped half-way by Excel: what is left is said, and the next run replaces it", async () => {
    const { excel, context, setup } = await selectedSales(
      [
        ["Client", "Date", "Montant"],
        ["A", "2025-01-02", 10],
        ["B", "2025-01-05", 10],
      ],
      "A1:C3"
    );
    excel.failAt((call) => call === "TableCollection.add");
    await expect(
      rfmRun(context, setup, { columns: setup.guessed, analysisDate: "" })
    ).rejects.toMatchObject({
      name: "StepFailed",
      step: "render",
      // The customers' sheet was written under its name, its table was not.
      cause: { name: "RenderInterrupted", state: { planSheets: ["Clients RFM", "Synthèse RFM"] } },
    });
    excel.failAt(() => false);
    const again = await rfmRun(context, setup, { columns: setup.guessed, analysisDate: "" });
    expect(again.notices[0].intent).toBe("success");
    expect(excel.sheetNames()).toEqual(["Ventes", "Clients RFM", "Synthèse RFM"]);
    expect(excel.tableList().map((t) => t.name)).toEqual([RFM_TABLE]);
  });

  it("are written over the preview's memory host too, and replaced there by a rerun", async () => {
    const host = createMemoryHost({ initialPlan: buildPlan(study) });
    const before = (await host.readWorkbook()).sheets.map((s) => s.name);
    // The preview has no sheet to paste into: the transactions go on a copy (a sheet of the user's).
    const sales = host.workbook.keepCopy(before[0], "Ventes");
    host.workbook.select({ sheet: sales, cell: "A1" });
    const rows = [
      ["Client", "Date", "Montant"],
      ["A", "2025-01-02", 10],
      ["B", "2025-01-03", 12],
    ];
    rows.forEach((line, r) =>
      line.forEach((value, c) => host.workbook.edit(sales, r + 1, c + 1, value))
    );
    // Clear what the copy held beyond the table.
    const held = host.workbook.getState().sheets.find((s) => s.name === sales)!;
    held.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if ((r >= 3 || c >= 3) && value !== null) host.workbook.edit(sales, r + 1, c + 1, "");
      })
    );
    await host.selectRange({ sheet: sales, cell: "A1:C3" });
    const context = contextOf(host);
    const setup = await rfmReadSelection(context);
    expect(setup.guessed).toEqual({ id: "Client", date: "Date", amount: "Montant" });
    const result = await rfmRun(context, setup, { columns: setup.guessed, analysisDate: "" });
    expect(result.notices[0].intent).toBe("success");
    const names = () => host.workbook.getState().sheets.map((s) => s.name);
    expect(names()).toEqual([...before, sales, "Clients RFM", "Synthèse RFM"]);
    await host.selectRange({ sheet: sales, cell: "A1:C3" });
    await rfmRun(context, await rfmReadSelection(context), {
      columns: setup.guessed,
      analysisDate: "",
    });
    expect(names()).toEqual([...before, sales, "Clients RFM", "Synthèse RFM"]);
  });
});

describe("chunks under Excel's limits", () => {
  it("reads 100,000 rows and writes their customers in requests under the budget", async () => {
    const excel = new FakeExcel(["Ventes"]);
    const data = transactions(100_000, 20_000);
    excel.setCells("Ventes", "A1", [["Client", "Produit", "Date", "Montant"], ...data]);
    excel.select("Ventes", "A:D");
    const context = contextOf(excelHost(excel));
    const setup = await rfmReadSelection(context);
    excel.resetCounters();
    const bands: number[] = [];
    const result = await rfmRun(
      context,
      setup,
      { columns: setup.guessed, analysisDate: "" },
      (done) => bands.push(done)
    );
    expect(result.notices[0].intent).toBe("success");
    expect(plain(result.notices[0].text)).toContain("20 000 clients");
    expect(bands[bands.length - 1]).toBe(100_000);
    // Every response under the read's target, every request under the write's budget.
    expect(excel.maxResponseBytes).toBeLessThanOrEqual(RESPONSE_TARGET_BYTES * 1.1);
    expect(excel.maxRequestBytes).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES * 1.1);
    // The read in a few bands, the write in a few requests: not one sync per row or per customer.
    expect(bands.length).toBeLessThanOrEqual(6);
    expect(excel.syncs).toBeLessThan(30);
    expect(excel.cell("Clients RFM", `A${7 + 19_999}`)?.value).toBe("C019999");
  });
});

describe("the client exports", () => {
  const study = segmentedStudy({ segments: [], targets: [], conquest: [] });
  const sales = [
    ["Client", "Date", "Montant"],
    ["A", "2025-01-02", 10],
    ["B", "2025-01-03", 12],
    ["B", "2025-02-03", 30],
    ["C", "2025-03-03", 8],
  ];

  it("take the RFM summary and grids when the workbook holds them (never the customers)", async () => {
    const host = createMemoryHost({ initialPlan: buildPlan(study) });
    const context = contextOf(host);
    const save = jest.fn();
    const without = await exportClientWorkbook(context, save);
    expect(plain(without.notices[0].text)).not.toContain("RFM");
    const copy = host.workbook.keepCopy((await host.readWorkbook()).sheets[0].name, "Ventes");
    const held = host.workbook.getState().sheets.find((s) => s.name === copy)!;
    held.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value !== null) host.workbook.edit(copy, r + 1, c + 1, "");
      })
    );
    sales.forEach((line, r) =>
      line.forEach((value, c) => host.workbook.edit(copy, r + 1, c + 1, value))
    );
    await host.selectRange({ sheet: copy, cell: "A1:C5" });
    const setup = await rfmReadSelection(context);
    await rfmRun(context, setup, { columns: setup.guessed, analysisDate: "2025-04-01" });
    const summary = await host.readRfmSummary();
    expect(summary?.analysisDate).toBe("2025-04-01");
    expect(summary?.lines.reduce((sum, line) => sum + line.customers, 0)).toBe(3);
    const withRfm = await exportClientWorkbook(context, save);
    expect(plain(withRfm.notices[0].text)).toContain("Synthèse RFM");
    expect(plain(withRfm.notices[0].text)).not.toContain("Clients RFM");
  });

  it("find the summary written through Office.js by its defined name", async () => {
    const excel = new FakeExcel(["Ventes"]);
    excel.setCells("Ventes", "A1", sales);
    excel.select("Ventes", "A1:C5");
    const host = excelHost(excel);
    expect(await host.readRfmSummary()).toBeUndefined();
    const context = contextOf(host);
    const setup = await rfmReadSelection(context);
    await rfmRun(context, setup, { columns: setup.guessed, analysisDate: "2025-04-01" });
    // The fake calculates nothing: the title, a text, says the sheet was found and read.
    expect((await host.readRfmSummary())?.analysisDate).toBe("2025-04-01");
  });
});
