/**
 * The client PDF as a client reads it, measured on the words' boxes that poppler's
 * `pdftotext -bbox-layout` gives: no word drawn over another, text of a readable size, the study's
 * title on every page, the matrix on one page for the worked example, and a large matrix that
 * continues over pages with its clientèle and need headers repeated. One LibreOffice run.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { promisify } from "util";
import { runCli } from "../../src/cli/main";
import { studyToJson } from "../../src/layout/study-json";
import { clientPlan, rfmClientPlan } from "../../src/layout/export";
import { clientPlanToBuffer, planToBuffer, readWorkbookFile } from "../../src/hosts/xlsx/file";
import { readRfmSummary, rfmPlan } from "../../src/layout/sheets/rfm";
import { PALETTES } from "../../src/method/colour";
import { sampleRfmWorkbook } from "../support/rfm-data";
import { PRINT_LOCALES, findSoffice, xlsxToPdf } from "../../src/hosts/pdf/libreoffice";
import { buildPlan } from "../../src/layout";
import { Study } from "../../src/method/study";
import { EXAMPLE_GROUPS } from "../support/example-groups";
import { toPdfAll } from "../support/libreoffice";
import {
  HEADER_BAND,
  PageLayout,
  bodyWords,
  describePages,
  medianWordHeight,
  overlappingWords,
  fontCharacters,
  pdfFonts,
  pdfLayout,
  spannedWidth,
} from "../support/pdf-layout";
import { EXPORT_FONT } from "../../src/layout/print-fit";
import { study, tempDir } from "../support/workbooks";

const run = promisify(execFile);
jest.setTimeout(240000);

const CREATED = new Date("2025-03-12T12:00:00Z");

async function example(): Promise<Record<string, unknown>> {
  const text = await fs.readFile(path.join(__dirname, "../../examples/exemple-incubateur.json"));
  return JSON.parse(text.toString("utf8")) as Record<string, unknown>;
}

/** The worked example with its three groups as segments, as `order --segments 3` gives them. */
function withSegments(
  input: Record<string, unknown>,
  names: readonly string[],
  groups: readonly (readonly string[])[] = EXAMPLE_GROUPS
): Study {
  const s = study(input);
  const needsOf = (clienteles: readonly string[]): string[] =>
    s.needs
      .map((n) => n.name)
      .filter((need) =>
        s.pairs.some((p) => p.need === need && clienteles.includes(p.clientele) && p.perception)
      );
  return study({
    ...input,
    offerings: ["Programme d'incubation", "Ateliers de sensibilisation"],
    segments: groups.map((clienteles, i) => ({
      name: names[i],
      type: ["segmented", "niche market", "diversified"][i],
      clienteles,
      needs: needsOf(clienteles),
      offerings: i === 0 ? ["Programme d'incubation"] : [],
      size: 840000,
      frequency: 1.5,
      basket: 41.8,
      checklist: ["ok", "en cours", "à faire", "à analyser"],
    })),
    targets: [{ segment: names[0], offering: "Programme d'incubation" }],
    conquest: [...names],
  });
}

/** `cols` clientèles × `rows` needs, every fifth pair rated. */
function largeStudy(rows: number, cols: number): Study {
  const clienteles = Array.from({ length: cols }, (_, i) => `Clientèle numéro ${i + 1}`);
  const needs = Array.from({ length: rows }, (_, i) => `Besoin numéro ${i + 1}`);
  const pairs = needs.flatMap((need, i) =>
    clienteles
      .filter((_, j) => (i + j) % 5 === 0)
      .map((clientele, j) => ({ clientele, need, perception: 1 + ((i + j) % 4), impact: 4 }))
  );
  return study({ title: "Grande matrice 40 × 30", language: "fr", clienteles, needs, pairs });
}

/** Every segment's figures drawn from the customers' data (`rfm … --study`). */
function withSource(study: Study): Study {
  return {
    ...study,
    segments: study.segments?.map((segment) => ({
      ...segment,
      figuresSource: { asOf: "2026-01-01", customers: segment.size ?? 0 },
    })),
  };
}

describe("the client PDF, measured on its words' boxes", () => {
  let dir: string;
  const layouts = new Map<string, PageLayout[]>();
  const titles = new Map<string, string>();
  const fonts = new Map<string, string[]>();

  beforeAll(async () => {
    dir = await tempDir("sm-client-pdf-");
    const input = await example();
    const longInput = {
      ...input,
      clienteles: (input.clienteles as { name: string }[]).map((c, i) =>
        i === 12 ? { ...c, name: "Financeurs & grands comptes" } : c
      ),
      pairs: (input.pairs as { clientele: string }[]).map((p) =>
        p.clientele === (input.clienteles as { name: string }[])[12].name
          ? { ...p, clientele: "Financeurs & grands comptes" }
          : p
      ),
    };
    const groupsLong = EXAMPLE_GROUPS.map((group) =>
      group.map((name) => (name === "Grandes entreprises" ? "Financeurs & grands comptes" : name))
    );
    const studies: [string, Study][] = [
      // Figures from the customers' data: their source under the basket, on two lines.
      [
        "exemple.xlsx",
        withSource(withSegments(input, ["Financeurs", "Accompagnement", "Porteurs"])),
      ],
      [
        "longs.xlsx",
        withSegments(
          longInput,
          [
            "Financeurs & grands comptes",
            "Écosystème d'accompagnement",
            "Entrepreneurs en devenir",
          ],
          groupsLong
        ),
      ],
      ["grande.xlsx", largeStudy(40, 30)],
      // The competition markers after the scores (`--competition`): wider score columns.
      ["concurrence.xlsx", withSegments(input, ["Financeurs", "Accompagnement", "Porteurs"])],
      // The English texts, for the glyph check.
      [
        "english.xlsx",
        withSegments({ ...input, language: "en", currency: "€" }, [
          "Funders",
          "Support",
          "Founders",
        ]),
      ],
    ];
    const files: string[] = [];
    for (const [name, s] of studies) {
      // The large matrix alone: every page of its PDF is a page of the matrix.
      const parts = name === "grande.xlsx" ? (["matrix"] as const) : undefined;
      const competition = name === "concurrence.xlsx";
      const { plan } = clientPlan(s, {
        created: CREATED,
        ...(parts ? { parts } : {}),
        ...(competition ? { competition } : {}),
      });
      if (!plan) throw new Error(`no plan for ${name}`);
      const file = path.join(dir, name);
      await fs.writeFile(file, await clientPlanToBuffer(plan));
      files.push(file);
      titles.set(name, s.title ?? "");
    }
    // The RFM summary and grids from an RFM workbook (issue 15), as `export RFM.xlsx` makes them.
    const rfmWorkbook = await planToBuffer(
      rfmPlan({ ...sampleRfmWorkbook(), palette: PALETTES.default })
    );
    const { grids } = await readWorkbookFile("rfm.xlsx", {
      source: rfmWorkbook,
      sheets: (listing) => new Set(listing.sheets.map((sheet) => sheet.name)),
    });
    const { plan: rfm } = rfmClientPlan(readRfmSummary(grids)!, { created: CREATED });
    if (!rfm) throw new Error("no plan for the RFM summary");
    const rfmFile = path.join(dir, "rfm.xlsx");
    await fs.writeFile(rfmFile, await clientPlanToBuffer(rfm));
    files.push(rfmFile);
    titles.set("rfm.xlsx", rfm.properties?.title ?? "");

    const pdfs = await toPdfAll(files);
    for (const file of files) {
      layouts.set(path.basename(file), await pdfLayout(pdfs.get(file)!));
      fonts.set(path.basename(file), await pdfFonts(pdfs.get(file)!));
    }
    for (const pdf of pdfs.values())
      await fs.rm(path.dirname(pdf), { recursive: true, force: true });
  });

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(["exemple.xlsx", "longs.xlsx", "grande.xlsx", "rfm.xlsx", "concurrence.xlsx"])(
    "%s: no word over another, words at least 9 pt tall, 60 %% of the width, the title on every page",
    (name) => {
      const pages = layouts.get(name)!;
      const report = describePages(pages).join("\n");
      for (const page of pages) {
        expect({ report, overlaps: overlappingWords(page).length }).toEqual({
          report,
          overlaps: 0,
        });
        expect({ report, height: medianWordHeight(page) >= 9 }).toEqual({ report, height: true });
        expect({ report, wide: spannedWidth(page) >= 0.6 }).toEqual({ report, wide: true });
        const header = page.words
          .filter((w) => w.yMax < HEADER_BAND)
          .map((w) => w.text)
          .join(" ");
        expect(header).toContain(titles.get(name)!.split(" ")[0]);
      }
    }
  );

  // An emoji (📊, the check-list's "to analyse") printed blank or from an emoji font's bitmap:
  // every character printed is one the named font draws, and no other font is used.
  it.each(["exemple.xlsx", "longs.xlsx", "english.xlsx"])(
    "%s: every character printed is drawn by DejaVu Sans, the status 'to analyse' as ▥",
    async (name) => {
      const drawn = await fontCharacters(EXPORT_FONT);
      const words = layouts.get(name)!.flatMap((page) => page.words.map((w) => w.text));
      const missing = [...new Set(words.join(""))].filter((ch) => !drawn(ch.codePointAt(0)!));
      expect(missing).toEqual([]);
      expect(fonts.get(name)!.every((font) => font.startsWith("DejaVuSans"))).toBe(true);
      // The check-list's statuses and the sentence that lists them, each with its glyph.
      expect(words.filter((w) => w === "▥").length).toBeGreaterThanOrEqual(4);
      for (const symbol of ["✓", "⊞", "✗"]) expect(words).toContain(symbol);
    }
  );

  it("prints the competition markers after the scores, and their legend", () => {
    const words = layouts.get("concurrence.xlsx")!.flatMap((page) => page.words.map((w) => w.text));
    for (const marker of ["C0", "C1", "C2", "C3", "C4"]) expect(words).toContain(marker);
    expect(words).toEqual(expect.arrayContaining(["Inexistante", "Très", "forte"]));
  });

  it("prints the worked example's matrix whole on its first page, across most of its width", () => {
    for (const name of ["exemple.xlsx", "longs.xlsx"]) {
      const first = layouts.get(name)![0];
      const words = bodyWords(first).map((w) => w.text);
      expect(words).toEqual(expect.arrayContaining(["Comparer", "pérennité", "Légende"]));
      expect(words).toEqual(expect.arrayContaining(["Accompagnateurs", "Etudiants"]));
      expect(spannedWidth(first)).toBeGreaterThanOrEqual(0.6);
    }
  });

  it("prints the RFM summary and both grids on one page, and no customer's id", () => {
    const pages = layouts.get("rfm.xlsx")!;
    expect(pages.length).toBe(1);
    const words = bodyWords(pages[0]).map((w) => w.text);
    expect(words).toEqual(expect.arrayContaining(["Champions", "Fidèles", "Perdus", "Grille"]));
    expect(words.filter((w) => w === "Grille").length).toBe(2);
    expect(words.some((w) => w.startsWith("client-"))).toBe(false);
  });

  it("continues a 40 × 30 matrix over pages, its clientèle and need headers on each", () => {
    const pages = layouts.get("grande.xlsx")!;
    const matrixPages = pages;
    expect(matrixPages.length).toBeGreaterThanOrEqual(2);
    for (const page of matrixPages) {
      const words = bodyWords(page).map((w) => w.text);
      // The need names down the left and clientèle names across the top, on every page.
      expect(words).toContain("Besoin");
      expect(words).toContain("Clientèle");
      expect(spannedWidth(page)).toBeGreaterThanOrEqual(0.6);
    }
    const all = matrixPages.flatMap((page) => bodyWords(page).map((w) => w.text));
    expect(all).toEqual(expect.arrayContaining(["40", "30"]));
  });

  // LibreOffice follows the machine's locale unless told: the study's language must decide. Basket
  // and potential carry the study's currency where formatAmount puts it (i18n/numbers.ts): after
  // the number in French, before it in English (a code set off by a space, a symbol not).
  it.each([
    [
      "fr",
      "EUR",
      "en_US.UTF-8",
      ["840 000", "1,5", "41,80 EUR", "52 668 000 EUR"],
      ["840,000", "41.8", "EUR 52", "EUR 41"],
    ],
    [
      "en",
      "€",
      "fr_FR.UTF-8",
      ["840,000", "1.5", "€41.80", "€52,668,000"],
      ["840 000", "41,8", "52,668,000 €", "41.80 €"],
    ],
  ] as const)(
    "prints a %s study's numbers in its language, amounts in %s, on a %s machine",
    async (language, currency, machine, shown, absent) => {
      const input = await example();
      const s = withSegments({ ...input, language, currency }, [
        "Financeurs",
        "Accompagnement",
        "Porteurs",
      ]);
      const file = path.join(dir, `etude-${language}.json`);
      await fs.writeFile(file, JSON.stringify(studyToJson(s)));
      const out = path.join(dir, `segments-${language}.pdf`);
      const io = { out: () => undefined, err: () => undefined };
      const saved = process.env.LANG;
      process.env.LANG = machine;
      try {
        const args = ["export", file, "-o", out, "--sheets", "segments,targeting"];
        expect(await runCli(args, io)).toBe(0);
      } finally {
        if (saved === undefined) delete process.env.LANG;
        else process.env.LANG = saved;
      }
      const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", out, "-"]);
      const text = stdout.replace(/[\u00a0\u202f]/g, " ");
      for (const number of shown) expect(text).toContain(number);
      for (const number of absent) expect(text).not.toContain(number);
      // Three segments' potentials on the segments page and again in the targeting's ranking.
      const potential = shown[shown.length - 1];
      expect(text.split(potential).length - 1).toBe(6);
    }
  );

  it("prints the working workbook's basket and potential, recalculated, with the currency", async () => {
    const input = await example();
    const s = withSource(
      withSegments({ ...input, currency: "CHF" }, ["Financeurs", "Accompagnement", "Porteurs"])
    );
    const working = await planToBuffer(buildPlan(s));
    const soffice = await findSoffice();
    if (!soffice)
      throw new Error("LibreOffice is missing: scripts/ensure-test-tools.sh installs it");
    const pdf = await xlsxToPdf(working, { soffice, locale: PRINT_LOCALES.fr });
    const file = path.join(dir, "travail.pdf");
    await fs.writeFile(file, pdf);
    const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]);
    const text = stdout.replace(/[\u00a0\u202f]/g, " ");
    // The potential is the workbook's formula (size × frequency × basket), computed by LibreOffice.
    expect(text.split("52 668 000 CHF").length - 1).toBe(6);
    expect(text).toContain("41,80 CHF");
    // The figures' source, the live formula's text as LibreOffice computes it: the figures are the
    // data's, so each segment's column names the data.
    expect(text.split("données clients au 2026-01-01").length - 1).toBe(3);
    expect(text).not.toContain("chiffres modifiés");
  });
});
