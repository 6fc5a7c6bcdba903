/**
 * The study's organisation and currency in the working workbook: two named cells of the settings
 * sheet, written by build, read back by read, checked by the same rules as the study file, and kept
 * by every rebuild — through a file (the command line), in memory, and through Office.js (the
 * recording fake), where the pane's refresh and its build from typed lists both keep them.
 */
import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import { buildPlan, readStudy, templatePlan, NAMES } from "../../src/layout";
import { rectAddress } from "../../src/layout/a1";
import { WorkbookGrids } from "../../src/layout/grids";
import { planGrids } from "../../src/layout/plan-grids";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { buildFromLists, refreshFromSheets } from "../../src/app/operations";
import { formatProblem } from "../../src/messages";
import { clientPlan } from "../../src/layout/export";
import { clientPlanToBuffer } from "../../src/hosts/xlsx/file";
import { FakeExcel } from "../support/fake-excel";
import { unzip } from "../support/unzip";
import { study, tempDir } from "../support/workbooks";

const file = {
  title: "Incubateur",
  language: "fr",
  clienteles: ["Etudiants", "Hautes écoles"],
  needs: ["Innover"],
  pairs: [{ clientele: "Etudiants", need: "Innover", perception: 4, impact: 2 }],
  weights: { perception: 1, impact: 1 },
  organisation: "Incubateur du Léman",
  currency: "CHF",
};

/** The cell a name points to, as a sheet and an A1 address. */
function namedCell(grids: WorkbookGrids, name: string): { sheet: string; address: string } {
  const named = grids.names.find((n) => n.name === name);
  if (!named) throw new Error(`no ${name}`);
  return { sheet: named.sheet, address: rectAddress(named.rect) };
}

/** Types into the named cell, as a consultant would. */
function typeInto(grids: WorkbookGrids, name: string, value: string | number): void {
  const named = grids.names.find((n) => n.name === name)!;
  const sheet = grids.sheets.find((s) => s.name === named.sheet)!;
  const row = (sheet.values[named.rect.row - 1] ??= []);
  row[named.rect.col - 1] = value;
}

describe("organisation and currency on the settings sheet", () => {
  it("are two editable named cells of Paramètres, under everything the sheet held before", () => {
    const grids = planGrids(buildPlan(study(file)));
    expect(namedCell(grids, NAMES.organisation).sheet).toBe("Paramètres");
    expect(namedCell(grids, NAMES.currency).sheet).toBe("Paramètres");
    const { organisation, currency, palette } = {
      organisation: grids.names.find((n) => n.name === NAMES.organisation)!.rect,
      currency: grids.names.find((n) => n.name === NAMES.currency)!.rect,
      palette: grids.names.find((n) => n.name === NAMES.palette)!.rect,
    };
    expect(organisation.row).toBeGreaterThan(palette.row);
    expect(currency.row).toBe(organisation.row + 1);
    // Cells of earlier workbooks, guides and tests keep their rows.
    expect(namedCell(grids, NAMES.title).address).toBe("B4");
    expect(namedCell(grids, NAMES.weightPerception).address).toBe("B8");
    const settings = buildPlan(study(file)).sheets.find((s) => s.role === "settings")!;
    const inputs = settings.styles.filter((s) => s.style.fill !== undefined);
    expect(inputs.some((s) => s.rect.row === organisation.row && s.rect.rows === 2)).toBe(true);
  });

  it("read back as the study had them, and kept by a rebuild from what was read", () => {
    const read = readStudy(planGrids(buildPlan(study(file))));
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(read.study).toEqual(study(file));
    expect(readStudy(planGrids(buildPlan(read.study!))).study).toEqual(study(file));
  });

  it("are empty in a template and in a study without them, and read as absent", () => {
    const bare: Record<string, unknown> = { ...file };
    delete bare.organisation;
    delete bare.currency;
    const grids = planGrids(buildPlan(study(bare)));
    const read = readStudy(grids).study!;
    expect(read).not.toHaveProperty("organisation");
    expect(read).not.toHaveProperty("currency");
    const template = planGrids(templatePlan("en"));
    expect(namedCell(template, NAMES.currency).sheet).toBe("Settings");
  });

  it("reads what the consultant typed, trimmed, a number as its text", () => {
    const grids = planGrids(buildPlan(study(file)));
    typeInto(grids, NAMES.organisation, "  Ville de Genève ");
    typeInto(grids, NAMES.currency, 2024);
    const read = readStudy(grids).study!;
    expect(read.organisation).toBe("Ville de Genève");
    expect(read.currency).toBe("2024");
    typeInto(grids, NAMES.currency, "   ");
    expect(readStudy(grids).study).not.toHaveProperty("currency");
  });

  it("refuses a currency too long or a character a cell cannot keep, naming the cell", () => {
    const grids = planGrids(buildPlan(study(file)));
    const at = namedCell(grids, NAMES.currency).address;
    typeInto(grids, NAMES.currency, "Francs suisses");
    typeInto(grids, NAMES.organisation, "Incubateur\u0007");
    const { study: read, problems } = readStudy(grids);
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => formatProblem(p, "en"))).toEqual([
      expect.stringMatching(/^'Paramètres'!B\d+: .*control character/),
      `'Paramètres'!${at}: the currency has 14 characters: at most 12, shorten it`,
    ]);
    expect(read).toBeUndefined();
  });
});

describe("organisation and currency through the command line", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("sm-study-texts-");
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("build then read gives back the same study file", async () => {
    const io = { out: () => undefined, err: () => undefined };
    const input = path.join(dir, "s.json");
    await fs.writeFile(input, JSON.stringify(file));
    const workbook = path.join(dir, "s.xlsx");
    const back = path.join(dir, "back.json");
    expect(await runCli(["build", input, "-o", workbook], io)).toBe(0);
    expect(await runCli(["read", workbook, "-o", back], io)).toBe(0);
    expect(JSON.parse(await fs.readFile(back, "utf8"))).toEqual(file);
    // And again: the rebuilt workbook still holds them.
    expect(await runCli(["build", back, "-o", workbook], io)).toBe(0);
    expect(await runCli(["read", workbook, "-o", back, "--force"], io)).toBe(0);
    expect(JSON.parse(await fs.readFile(back, "utf8"))).toEqual(file);
  });
});

describe("organisation and currency through Office.js (the recording fake)", () => {
  async function built(): Promise<{ excel: FakeExcel; host: ReturnType<typeof createExcelHost> }> {
    const excel = new FakeExcel(["Feuil1"]);
    const host = createExcelHost({ run: excel.run, isSetSupported: () => true });
    await host.render(buildPlan(study(file)), await host.readWorkbook());
    return { excel, host };
  }

  it("writes them in their named cells and reads them back", async () => {
    const { excel, host } = await built();
    const organisation = excel.nameAddress(NAMES.organisation)!;
    expect(organisation).toMatch(/^Paramètres!B\d+$/);
    expect(excel.cell("Paramètres", organisation.split("!")[1])).toEqual({
      value: "Incubateur du Léman",
    });
    const { study: read } = readStudy((await host.readWorkbook()).grids);
    expect(read).toEqual(study(file));
  });

  it("keeps a currency typed in Excel through Actualiser, and through a build from the lists", async () => {
    const { excel, host } = await built();
    const at = excel.nameAddress(NAMES.currency)!.split("!")[1];
    excel.setCells("Paramètres", at, [["€"]]);
    const refreshed = refreshFromSheets(await host.readWorkbook());
    expect(refreshed.study?.currency).toBe("€");
    await host.render(refreshed.plan!, await host.readWorkbook());
    expect(readStudy((await host.readWorkbook()).grids).study?.currency).toBe("€");

    const snapshot = await host.readWorkbook();
    const outcome = buildFromLists(
      snapshot,
      ["Etudiants", "Hautes écoles", "Chercheurs"],
      ["Innover"],
      "fr"
    );
    expect(outcome.study).toMatchObject({ organisation: "Incubateur du Léman", currency: "€" });
    await host.render(outcome.plan!, snapshot);
    const after = readStudy((await host.readWorkbook()).grids).study!;
    expect(after.organisation).toBe("Incubateur du Léman");
    expect(after.currency).toBe("€");
    expect(after.clienteles.map((c) => c.name)).toContain("Chercheurs");
  });
});

describe("the currency in the working workbook's number formats", () => {
  const segmented = (extra: Record<string, unknown>) =>
    study({
      ...file,
      ...extra,
      segments: [
        { name: "Financeurs", clienteles: ["Etudiants"], size: 1200, frequency: 2, basket: 35 },
      ],
    });

  /** The number format the plan gives the cell a name points to (its first cell). */
  function formatOf(plan: ReturnType<typeof buildPlan>, name: string): string | undefined {
    const named = plan.names.find((n) => n.name === name)!;
    const sheet = plan.sheets.find((s) => s.name === named.sheet)!;
    const { row, col } = named.rect;
    const covering = sheet.styles.filter(
      (s) =>
        s.style.numberFormat !== undefined &&
        row >= s.rect.row &&
        row < s.rect.row + s.rect.rows &&
        col >= s.rect.col &&
        col < s.rect.col + s.rect.cols
    );
    return covering[covering.length - 1]?.style.numberFormat;
  }

  it("gives basket and potential the currency, in the workbook's language", () => {
    const fr = buildPlan(segmented({ currency: "CHF" }));
    expect(formatOf(fr, NAMES.segmentBasket)).toBe('#,##0.00"\u00a0CHF"');
    expect(formatOf(fr, NAMES.segmentPotential)).toBe('#,##0"\u00a0CHF"');
    expect(formatOf(fr, NAMES.segmentSize)).toBe("#,##0");
    const en = buildPlan(segmented({ currency: "€" }), { language: "en" });
    expect(formatOf(en, NAMES.segmentBasket)).toBe('"€"#,##0.00');
    expect(formatOf(en, NAMES.segmentPotential)).toBe('"€"#,##0');
    // No currency: the plain formats as before.
    expect(formatOf(buildPlan(segmented({ currency: undefined })), NAMES.segmentPotential)).toBe(
      "#,##0"
    );
  });

  it("gives the targeting's ranked potentials the currency too", () => {
    const plan = buildPlan(segmented({ currency: "CHF" }));
    const targeting = plan.sheets.find((s) => s.role === "targeting")!;
    expect(targeting.styles.map((s) => s.style.numberFormat)).toContain('#,##0"\u00a0CHF"');
  });

  it("is sent to Excel by the Office.js host on the potential cells", async () => {
    const excel = new FakeExcel(["Feuil1"]);
    const host = createExcelHost({ run: excel.run, isSetSupported: () => true });
    await host.render(buildPlan(segmented({ currency: "CHF" })), await host.readWorkbook());
    const [sheet, address] = excel.nameAddress(NAMES.segmentPotential)!.split("!");
    expect(excel.formatAt(sheet, address, "numberFormat")).toBe('#,##0"\u00a0CHF"');
  });

  it("reaches the client workbook's styles (the command line's writer)", async () => {
    const { plan } = clientPlan(segmented({ currency: "CHF" }), { created: new Date(0) });
    const styles = unzip(await clientPlanToBuffer(plan!))
      .get("xl/styles.xml")!
      .toString("utf8");
    expect(styles).toContain('formatCode="#,##0&quot;\u00a0CHF&quot;"');
    expect(styles).toContain('formatCode="#,##0.00&quot;\u00a0CHF&quot;"');
  });
});
