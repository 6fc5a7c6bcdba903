/**
 * Segments quantified from the data in the pane (issue 15 §2): with a fourth column, the clientèle,
 * Clients RFM writes its sheets and then sets the open study's segments' size, frequency and basket
 * from the year before the analysis date (the command line's rule), building the study again with
 * everything else kept; the clientèles the study lacks, the customers with several clientèles and
 * the segments left as they were are said. Over the Office.js host with the recording fake, and
 * over the preview's memory host.
 */
import { buildPlan } from "../../src/layout";
import { currentStudy } from "../../src/app/operations";
import { quantifyWorkbook } from "../../src/app/quantify";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { withNavigation } from "../../src/hosts/excel/navigation";
import { createMemoryHost } from "../../src/hosts/preview/memory-host";
import { PaneHost } from "../../src/hosts/host";
import { paneTexts } from "../../src/i18n/pane";
import { PaneContext } from "../../src/taskpane/actions";
import { rfmReadSelection, rfmRun } from "../../src/taskpane/rfm-actions";
import { Study } from "../../src/method/study";
import { FakeExcel } from "../support/fake-excel";
import { HOSTILE_NAMES, segmentedStudy } from "../support/export-fixtures";

const c = HOSTILE_NAMES;

function excelHost(excel: FakeExcel): PaneHost {
  const options = { run: excel.run, isSetSupported: excel.isSetSupported };
  return withNavigation(createExcelHost(options), options);
}

function contextOf(host: PaneHost, language: "fr" | "en" = "fr"): PaneContext {
  return { host, language, texts: paneTexts(language) };
}

const plain = (text: string | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

/**
 * Analysis date 2026-01-01, so the year is 2025. Segment « Pressés » (c0, c1, c2): A and B (c2),
 * E (c1 then c2: several clientèles); « @Prudents » (c3, c4): C, with a return. D's clientèle is
 * not the study's; A's purchase of 2024 is out of the year.
 */
const SALES: (string | number)[][] = [
  ["Client", "Date", "Montant", "Clientèle"],
  ["A", "2025-02-01", 100, c[2]],
  ["A", "2025-06-01", 50, c[2]],
  ["A", "2024-06-01", 999, c[2]],
  ["B", "2025-05-01", 30, c[2]],
  ["E", "2025-04-01", 20, c[1]],
  ["E", "2025-08-01", 40, c[2]],
  ["C", "2025-07-01", 80, c[3]],
  ["C", "2025-07-02", -20, c[3]],
  ["D", "2025-09-01", 10, "Inconnue"],
];

const COLUMNS = { id: "Client", date: "Date", amount: "Montant" };

/**
 * The study in the preview's memory host (the recording fake does not compute the Segments sheet's
 * formulas, so its segments do not read back), with `rows` on a sheet of the user's, selected.
 */
async function memoryWith(study: Study, rows: readonly (string | number)[][]) {
  const host = createMemoryHost({ initialPlan: buildPlan(study) });
  const sales = host.workbook.keepCopy((await host.readWorkbook()).sheets[0].name, "Ventes");
  const held = host.workbook.getState().sheets.find((s) => s.name === sales)!;
  held.values.forEach((line, r) =>
    line.forEach((value, col) => {
      if (value !== null) host.workbook.edit(sales, r + 1, col + 1, "");
    })
  );
  rows.forEach((line, r) =>
    line.forEach((value, col) => host.workbook.edit(sales, r + 1, col + 1, value))
  );
  await host.selectRange({ sheet: sales, cell: `A1:D${rows.length}` });
  return host;
}

async function studyOf(host: PaneHost): Promise<Study> {
  const { study } = currentStudy(await host.readWorkbook());
  if (!study) throw new Error("no study read back");
  return study;
}

describe("segments quantified from the clientèle column", () => {
  it("sets each segment's size, frequency and basket, keeps the rest, and says what the study lacks", async () => {
    const study = segmentedStudy();
    const host = await memoryWith(study, SALES);
    const context = contextOf(host);
    const before = await studyOf(host);
    const setup = await rfmReadSelection(context);
    // No guess for the clientèle: the consultant chooses it.
    expect(setup.options).toContain("Clientèle");
    const result = await rfmRun(context, setup, {
      columns: COLUMNS,
      analysisDate: "2026-01-01",
      clientele: "Clientèle",
    });
    expect(result.notices[0].intent).toBe("success");
    expect(host.workbook.getState().sheets.map((sheet) => sheet.name)).toContain("Synthèse RFM");

    const after = await studyOf(host);
    const [pressed, prudent] = after.segments ?? [];
    // A 2 purchases 150, B 1 × 30, E 2 × 60: 3 customers, 5 purchases, 240.
    expect([pressed.size, pressed.frequency, pressed.basket]).toEqual([3, 5 / 3, 48]);
    // C: one purchase of 80 and a return of 20.
    expect([prudent.size, prudent.frequency, prudent.basket]).toEqual([1, 1, 60]);
    // Everything else as it was: ticks, ratings, kinds, members, checklists, targets, order.
    expect(after.pairs).toEqual(before.pairs);
    expect(after.clienteles).toEqual(before.clienteles);
    expect(after.targets).toEqual(before.targets);
    expect(after.conquest).toEqual(before.conquest);
    const rest = (s: NonNullable<Study["segments"]>[number]) =>
      Object.fromEntries(
        Object.entries(s).filter(
          ([key]) => !["size", "frequency", "basket", "figuresSource"].includes(key)
        )
      );
    expect(after.segments?.map(rest)).toEqual(before.segments?.map(rest));

    const texts = result.notices.map((n) => plain(`${n.title ?? ""} ${n.text}`));
    const quantified = result.notices.find((n) => n.title?.startsWith("Segments chiffrés"));
    expect(quantified?.intent).toBe("success");
    expect(plain(quantified?.title)).toBe(
      "Segments chiffrés d'après la colonne « Clientèle » : 2 segments"
    );
    expect(plain(quantified?.text)).toBe(
      "Pressés & « connectés » : taille 3, 1,67 achat par an, panier 48 (données clients au 2026-01-01, 3 clients)"
    );
    expect(plain(quantified?.items?.[0].text)).toContain("@Prudents : taille 1, 1 achat par an");
    expect(texts.some((t) => t.includes("« Inconnue »") && t.includes("son client acheteur"))).toBe(
      true
    );
    expect(texts.some((t) => t.includes("1 client a plusieurs clientèles"))).toBe(true);
  });

  it("leaves a segment whose clientèles bought nothing as it was, over the memory host", async () => {
    const study = segmentedStudy();
    // Only the first segment's clientèles bought.
    const rows = SALES.filter((line, i) => i === 0 || (line[3] !== c[3] && line[3] !== "Inconnue"));
    const host = await memoryWith(study, rows);
    const context = contextOf(host, "en");
    const result = await rfmRun(context, await rfmReadSelection(context), {
      columns: COLUMNS,
      analysisDate: "2026-01-01",
      clientele: "Clientèle",
    });
    const after = await studyOf(host);
    const [pressed, prudent] = after.segments ?? [];
    expect([pressed.size, pressed.frequency, pressed.basket]).toEqual([3, 5 / 3, 48]);
    const before = study.segments?.[1];
    expect([prudent.size, prudent.frequency, prudent.basket]).toEqual([
      before?.size,
      before?.frequency,
      before?.basket,
    ]);
    const texts = result.notices.map((n) => plain(`${n.title ?? ""} ${n.text}`));
    expect(
      texts.some((t) => t.includes(`the segment "@Prudents": no customer of its clientèles bought`))
    ).toBe(true);
  });

  it("says a workbook without segments, and still writes the RFM sheets", async () => {
    const study = segmentedStudy({ segments: [], targets: [], conquest: [] });
    const excel = new FakeExcel(["Ventes"]);
    const host = excelHost(excel);
    await host.render(buildPlan(study), await host.readWorkbook());
    excel.setCells("Ventes", "A1", SALES);
    excel.select("Ventes", "A1:D10");
    const context = contextOf(host);
    const before = await host.readWorkbook();
    const result = await rfmRun(context, await rfmReadSelection(context), {
      columns: COLUMNS,
      analysisDate: "2026-01-01",
      clientele: "Clientèle",
    });
    expect(result.notices[0].intent).toBe("success");
    expect(excel.sheetNames()).toContain("Clients RFM");
    const texts = result.notices.map((n) => plain(n.text));
    expect(texts.some((t) => t.includes("pas d'étude avec des segments"))).toBe(true);
    expect(currentStudy(before).study).toBeDefined();
    expect(currentStudy(await host.readWorkbook()).study).toEqual(currentStudy(before).study);
  });

  it("refuses the clientèle on a column already chosen, before reading", async () => {
    const excel = new FakeExcel(["Ventes"]);
    excel.setCells("Ventes", "A1", SALES);
    excel.select("Ventes", "A1:D10");
    const context = contextOf(excelHost(excel));
    const result = await rfmRun(context, await rfmReadSelection(context), {
      columns: COLUMNS,
      analysisDate: "",
      clientele: "Client",
    });
    expect(result.notices).toEqual([
      {
        intent: "error",
        text: "La clientèle doit être une quatrième colonne, autre que l'identifiant, la date et le montant.",
      },
    ]);
    expect(excel.sheetNames()).toEqual(["Ventes"]);
  });

  it("are read by the Office.js host as a fourth cell of each row, in bands", async () => {
    const excel = new FakeExcel(["Ventes"]);
    // Plain names: the fake takes a text starting with = + - @ for a formula, as Excel would.
    const sales = SALES.map((line, i) =>
      i === 0 ? line : [...line.slice(0, 3), `Clientèle ${i % 3}`]
    );
    excel.setCells("Ventes", "B3", sales);
    excel.select("Ventes", "B3:E12");
    const host = excelHost(excel);
    const table = await host.readSelectedTable();
    const rows = await host.readTransactionRows(table, { ...COLUMNS, clientele: "Clientèle" });
    expect(rows).toEqual(sales.slice(1));
    // Without it, three cells as before.
    const three = await host.readTransactionRows(table, COLUMNS);
    expect(three).toEqual(sales.slice(1).map((line) => line.slice(0, 3)));
  });

  it("writes each quantified segment's figures' source in the study it builds", async () => {
    const study = segmentedStudy();
    const host = await memoryWith(study, SALES);
    const outcome = quantifyWorkbook(
      await host.readWorkbook(),
      [{ clientele: c[0], customers: 4, purchases: 8, amount: 100 }],
      "2026-01-01",
      { sheet: "Ventes", cell: "A1:D10" }
    );
    expect(outcome.plan).toBeDefined();
    expect(outcome.study?.segments?.[0]).toMatchObject({
      size: 4,
      frequency: 2,
      basket: 12.5,
      figuresSource: { asOf: "2026-01-01", customers: 4 },
    });
    expect(outcome.study?.segments?.[1].figuresSource).toBeUndefined();
  });
});
