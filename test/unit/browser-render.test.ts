/**
 * The pane writes the client workbook with ExcelJS's browser build (hosts/xlsx/browser-render.ts),
 * the command line with the streaming writer (hosts/xlsx/render.ts): ExcelJS must read the same
 * workbook from both — sheets, cells, fixed fills and fonts, conditional formats, names, printing —
 * and the same document properties. Also the colour-blind working workbook, rules and all.
 */
import ExcelJS from "exceljs";
import { buildPlan } from "../../src/layout";
import { clientPlan } from "../../src/layout/export";
import { AWKWARD_SHAPES, awkwardStudy } from "../support/awkward-studies";
import { unzip } from "../support/unzip";
import { WorkbookPlan } from "../../src/layout/plan";
import { planToWorkbook, planToXlsxBytes } from "../../src/hosts/xlsx/browser-render";
import { planToXlsx } from "../../src/hosts/xlsx/render";
import { digestDifferences, digestWorkbook } from "../support/layout-digest";
import { segmentedStudy } from "../support/export-fixtures";
import { study } from "../support/workbooks";
import JSZip from "jszip";

const CREATED = new Date("2025-03-12T12:00:00Z");

async function load(buffer: Buffer | ExcelJS.Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as ExcelJS.Buffer);
  return workbook;
}

function exported(palette: "default" | "colourblind"): WorkbookPlan {
  const { plan } = clientPlan(segmentedStudy(), { palette, created: CREATED });
  if (!plan) throw new Error("no plan");
  return plan;
}

describe("the browser's writer and the streaming writer write the same workbook", () => {
  it.each([
    ["the client workbook", () => exported("default")],
    ["the colour-blind client workbook", () => exported("colourblind")],
    [
      "the colour-blind working workbook",
      () => buildPlan(segmentedStudy({ palette: "colourblind" })),
    ],
    // Amounts' number formats with a quoted currency and a no-break space.
    [
      "the client workbook with a currency",
      () => clientPlan(segmentedStudy({ currency: "CHF" }), { created: CREATED }).plan!,
    ],
    [
      "the English client workbook with a currency symbol",
      () =>
        clientPlan(segmentedStudy({ currency: "€" }), { created: CREATED, language: "en" }).plan!,
    ],
    [
      "the client workbook of a study with evidence (hypotheses dotted, in italics)",
      () => {
        const base = segmentedStudy();
        const backed = {
          ...base,
          pairs: base.pairs.map((pair, i) =>
            i % 2 === 0 ? { ...pair, evidence: { n: 4 + i, feel: 1 } } : pair
          ),
        };
        const { plan } = clientPlan(backed, { palette: "colourblind", created: CREATED });
        if (!plan) throw new Error("no plan");
        return plan;
      },
    ],
  ])("%s", async (_label, make) => {
    const plan = make();
    const browser = await load(await planToWorkbook(plan).xlsx.writeBuffer());
    const streamed = await load(await planToXlsx(plan, { created: CREATED }));
    expect(digestDifferences(digestWorkbook(browser), digestWorkbook(streamed))).toEqual([]);
  });

  it("with the same page breaks, where the export chose them (a tall targeting sheet)", async () => {
    const shape = AWKWARD_SHAPES.find((s) => s.name === "forty-offerings")!;
    const { plan } = clientPlan(awkwardStudy(shape), { created: CREATED });
    // Each sheet part's manual breaks, in the workbook's sheet order (sheet1.xml, sheet2.xml…).
    const breaks = (file: Buffer): number[][] =>
      plan!.sheets.map((_, i) => {
        const xml =
          unzip(file)
            .get(`xl/worksheets/sheet${i + 1}.xml`)
            ?.toString("utf8") ?? "";
        return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
      });
    const planned = plan!.sheets.map((sheet) => sheet.print.rowBreaks ?? []);
    expect(planned.some((rows) => rows.length > 0)).toBe(true);
    const browser = Buffer.from(await planToWorkbook(plan!).xlsx.writeBuffer());
    const streamed = await planToXlsx(plan!, { created: CREATED });
    expect(breaks(browser)).toEqual(planned);
    expect(breaks(streamed)).toEqual(planned);
  });

  it("with the same rows repeated on every page (a tall targeting grid's header)", async () => {
    const shape = AWKWARD_SHAPES.find((s) => s.name === "quarante-cinq-offres")!;
    const { plan } = clientPlan(awkwardStudy(shape), { created: CREATED });
    // Each sheet's print titles, its quotes left out (the writers quote names differently).
    const titles = (file: Buffer): string[] => {
      const xml = unzip(file).get("xl/workbook.xml")!.toString("utf8");
      return [
        ...xml.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)</g),
      ].map((m) => `${m[1]} ${m[2].replace(/&apos;|'/g, "")}`);
    };
    const targeting = plan!.sheets.findIndex((s) => s.role === "targeting");
    const browser = titles(Buffer.from(await planToXlsxBytes(plan!)));
    const streamed = titles(await planToXlsx(plan!, { created: CREATED }));
    expect(browser).toEqual(streamed);
    expect(streamed).toContain(`${targeting} ${plan!.sheets[targeting].name}!$4:$4`);
  });

  it("with the same column breaks, where the export chose them (twelve segments)", async () => {
    const shape = AWKWARD_SHAPES.find((s) => s.name === "douze-segments")!;
    const { plan } = clientPlan(awkwardStudy(shape), { created: CREATED });
    // Each sheet part's column breaks, in the workbook's sheet order.
    const breaks = (file: Buffer): number[][] =>
      plan!.sheets.map((_, i) => {
        const xml =
          unzip(file)
            .get(`xl/worksheets/sheet${i + 1}.xml`)
            ?.toString("utf8") ?? "";
        const part = /<colBreaks [^>]*>(.*?)<\/colBreaks>/.exec(xml)?.[1] ?? "";
        return [...part.matchAll(/<brk id="(\d+)" max="1048575" man="1"\/>/g)].map((m) =>
          Number(m[1])
        );
      });
    const planned = plan!.sheets.map((sheet) => sheet.print.colBreaks ?? []);
    expect(planned.filter((cols) => cols.length > 0).length).toBeGreaterThanOrEqual(2);
    const browser = Buffer.from(await planToXlsxBytes(plan!));
    const streamed = await planToXlsx(plan!, { created: CREATED });
    expect(breaks(browser)).toEqual(planned);
    expect(breaks(streamed)).toEqual(planned);
    // Where SpreadsheetML wants them, after the row breaks, and the workbook still reads.
    for (const file of [browser, streamed]) {
      const xml = unzip(file).get("xl/worksheets/sheet4.xml")!.toString("utf8");
      expect(xml).toMatch(/<headerFooter>.*(<rowBreaks .*<\/rowBreaks>)?<colBreaks /);
    }
    const read = await load(browser);
    expect(read.worksheets.map((w) => w.name)).toEqual(plan!.sheets.map((s) => s.name));
  });

  it("with the same document properties", async () => {
    const plan = exported("default");
    const browser = await load(await planToWorkbook(plan).xlsx.writeBuffer());
    const streamed = await load(await planToXlsx(plan));
    const properties = (workbook: ExcelJS.Workbook) => ({
      title: workbook.title,
      subject: workbook.subject,
      keywords: workbook.keywords,
      creator: workbook.creator,
      created: workbook.created?.toISOString(),
    });
    expect(properties(streamed)).toEqual({
      title: plan.properties?.title,
      subject: "Matrice des scores — clientèles × besoins",
      keywords: "Segment Matrix client export",
      creator: "Segment Matrix",
      created: CREATED.toISOString(),
    });
    expect(properties(browser)).toEqual(properties(streamed));
  });
});

describe("texts the browser's writer keeps as typed", () => {
  it("escapes a formula's cached text like any text: a segment named _x0041_ is not shown as A", async () => {
    const s = study({ clienteles: ["C"], needs: ["N"], segments: [{ name: "_x0041_" }] });
    const zip = await JSZip.loadAsync(await planToWorkbook(buildPlan(s)).xlsx.writeBuffer());
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => name.startsWith("xl/worksheets/sheet"))
        .map((name) => (zip.file(name) as JSZip.JSZipObject).async("string"))
    );
    const cached = sheets.join("").match(/<v>[^<]*x0041_<\/v>/g) ?? [];
    // The name mirrored on the checklist and targeting sheets (header, growth levers).
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.every((v) => v === "<v>_x005F_x0041_</v>")).toBe(true);
  });

  it("name the font of every cell and every font of their styles parts (the pane's as the CLI's)", async () => {
    const plan = exported("default");
    const browserFile = Buffer.from(await planToWorkbook(plan).xlsx.writeBuffer());
    const streamedFile = await planToXlsx(plan, { created: CREATED });
    for (const file of [browserFile, streamedFile]) {
      const zip = await JSZip.loadAsync(file);
      const styles = await (zip.file("xl/styles.xml") as JSZip.JSZipObject).async("string");
      const fonts = styles.slice(styles.indexOf("<fonts"), styles.indexOf("</fonts>"));
      const each = fonts.split("<font>").slice(1);
      expect(each.length).toBeGreaterThan(1);
      // Before: the pane's title font was <font><b/><sz val="14"/></font>, drawn in a serif face.
      for (const font of each) expect(font).toMatch(/<name val="[^"]+"\/>/);
      const digest = digestWorkbook(await load(file));
      type Cells = Record<string, { value: unknown; style: { fontName: unknown } }>;
      for (const sheet of digest.sheets as unknown as { cells: Cells }[])
        for (const cell of Object.values(sheet.cells))
          if (cell.value !== null) expect(cell.style.fontName).toBe("DejaVu Sans");
    }
  });
});
