/**
 * Every page of the client PDF, for studies shaped to print badly (test/support/awkward-studies.ts:
 * one segment, one clientèle, one need, 60 needs, 40 and 45 offerings, long names, long segment cards,
 * 6, 9 and 12 segments with two-line names, in French and English; and twelve more drawn from a
 * seed) and the worked example with its
 * competition markers: no word over another,
 * words at least 9 pt tall, the content across at least 60 % of the page's width, the study's title
 * in every page's header. One LibreOffice run for the whole sweep.
 */
import { promises as fs } from "fs";
import path from "path";
import { ExportPart, clientPlan } from "../../src/layout/export";
import { clientPlanToBuffer } from "../../src/hosts/xlsx/file";
import { Study } from "../../src/method/study";
import {
  AWKWARD_SHAPES,
  LONG_WORD,
  awkwardStudy,
  generatedShapes,
} from "../support/awkward-studies";
import { EXAMPLE_GROUPS } from "../support/example-groups";
import { toPdfAll } from "../support/libreoffice";
import {
  HEADER_BAND,
  PageLayout,
  bodyWords,
  describePages,
  medianWordHeight,
  overlappingWords,
  pdfLayout,
  spannedWidth,
} from "../support/pdf-layout";
import { readExample, study, tempDir } from "../support/workbooks";

jest.setTimeout(300000);

const CREATED = new Date("2025-03-12T12:00:00Z");
/** The shapes chosen by hand, and twelve drawn from a fixed seed (up to five segments). */
const SHAPES = [...AWKWARD_SHAPES, ...generatedShapes(7, 12)];

/** The parts a case exports, when not the export's own. */
type Parts = readonly ExportPart[] | undefined;

/** The worked example with the method's three groups as segments, in either language. */
async function workedExample(language: "fr" | "en"): Promise<Study> {
  const input = (await readExample("exemple-incubateur.json")) as Record<string, unknown>;
  const plain = study(input);
  const names = language === "fr" ? ["Financeurs", "Accompagnement", "Porteurs"] : ["A", "B", "C"];
  return study({
    ...input,
    language,
    offerings: ["Programme d'incubation"],
    segments: EXAMPLE_GROUPS.map((clienteles, i) => ({
      name: names[i],
      clienteles,
      needs: plain.needs
        .map((n) => n.name)
        .filter((need) =>
          plain.pairs.some((p) => p.need === need && clienteles.includes(p.clientele))
        ),
      offerings: i === 0 ? ["Programme d'incubation"] : [],
    })),
    targets: [{ segment: names[0], offering: "Programme d'incubation" }],
    conquest: names,
  });
}

describe("every page of the client PDF, over awkward studies", () => {
  const layouts = new Map<string, PageLayout[]>();
  const titles = new Map<string, string>();
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir("sm-pdf-sweep-");
    const cases: [string, Study, boolean, Parts?][] = SHAPES.map((shape) => [
      shape.name,
      awkwardStudy(shape),
      false,
      shape.parts,
    ]);
    cases.push(["exemple-concurrence", await workedExample("fr"), true]);
    cases.push(["example-competition", await workedExample("en"), true]);
    const files: string[] = [];
    for (const [name, s, competition, parts] of cases) {
      const { plan } = clientPlan(s, { created: CREATED, competition, parts });
      if (!plan) throw new Error(`no plan for ${name}`);
      const file = path.join(dir, `${name}.xlsx`);
      await fs.writeFile(file, await clientPlanToBuffer(plan));
      files.push(file);
      titles.set(name, s.title ?? "");
    }
    const pdfs = await toPdfAll(files);
    for (const file of files)
      layouts.set(path.basename(file, ".xlsx"), await pdfLayout(pdfs.get(file)!));
    for (const pdf of new Set([...pdfs.values()].map((p) => path.dirname(p))))
      await fs.rm(pdf, { recursive: true, force: true });
  });

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const names = [
    ...SHAPES.map((shape) => shape.name),
    "exemple-concurrence",
    "example-competition",
  ];

  it.each(names)("%s: every page readable, across the page, titled", (name) => {
    const pages = layouts.get(name)!;
    const report = describePages(pages).join("\n");
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const short = pages
      .map((page, i) => ({
        page: i + 1,
        overlaps: overlappingWords(page).length,
        small: medianWordHeight(page) < 9,
        narrow: spannedWidth(page) < 0.6,
        untitled: !page.words
          .filter((w) => w.yMax < HEADER_BAND)
          .map((w) => w.text)
          .includes(titles.get(name)!.split(" ")[0]),
      }))
      .filter((p) => p.overlaps > 0 || p.small || p.narrow || p.untitled);
    expect({ report, short }).toEqual({ report, short: [] });
  });

  it.each(["exemple-concurrence", "example-competition"])(
    "%s: the matrix with its competition markers whole on its first page",
    (name) => {
      const pages = layouts.get(name)!;
      const first = bodyWords(pages[0]).map((w) => w.text);
      // The first and the last need, the last clientèle, a marker and the markers' legend line.
      expect(first).toEqual(expect.arrayContaining(["Comparer", "pérennité", "Etudiants", "C4"]));
      expect(bodyWords(pages[1]).map((w) => w.text)).not.toContain("C4");
    }
  );

  // Six segments fit on the segments' page; the check-list's continue (the unit tests check it).
  it.each([
    ["nine-segments", 9],
    ["douze-segments", 12],
  ])(
    "%s: the last segments continue on a page of their own, the labels repeated",
    (name, count) => {
      const label = name === "nine-segments" ? "Mean" : "moyen";
      // The segments' page (the labels' "mean score" row) that holds the last segment: a band of
      // its own, since the first segment is not on it.
      const last = layouts.get(name)!.filter((page) => {
        const words = bodyWords(page).map((w) => w.text);
        return words.includes(label) && words.includes(String(count)) && !words.includes("1");
      });
      expect(last.length).toBeGreaterThanOrEqual(1);
      for (const page of last) expect(spannedWidth(page)).toBeGreaterThanOrEqual(0.6);
    }
  );

  it.each([
    ["forty-offerings", "en"],
    ["quarante-cinq-offres", "fr"],
    ["deux-segments-45-offres", "fr"],
    ["forty-five-offerings", "en"],
  ])(
    "%s: a tall targeting grid continues on pages that each reach across, its header on each",
    (name, language) => {
      const [title, offering, corner] =
        language === "fr"
          ? ["Ciblage", "Offre", "Prestations"]
          : ["Targeting", "Offering", "Offerings"];
      const pages = layouts.get(name)!;
      // The targeting sheet prints last: its pages from its title's on.
      const first = pages.findIndex((page) => bodyWords(page).some((w) => w.text === title));
      const grid = pages
        .slice(first)
        .filter((page) => bodyWords(page).some((w) => w.text === offering));
      expect(grid.length).toBeGreaterThanOrEqual(2);
      for (const page of grid) {
        expect(spannedWidth(page)).toBeGreaterThanOrEqual(0.6);
        expect(bodyWords(page).map((w) => w.text)).toContain(corner);
      }
    }
  );

  // 33 clientèles × 45 needs, nine segments side by side, three named with a word wider than
  // their two columns: the labels neither widen the columns (one clientèle a page, 52 pages) nor
  // run over their neighbours, and no word of theirs is cut across lines or pages.
  it("keeps long segment labels within their columns, on as many pages as without them", () => {
    const pages = layouts.get("long-segment-labels")!;
    const matrix = pages.filter((page) => bodyWords(page).some((w) => w.text === "Needs"));
    // 9 matrix pages with short segment names or none (3 across × 3 down).
    expect(matrix.length).toBeGreaterThanOrEqual(2);
    expect(matrix.length).toBeLessThanOrEqual(10);
    const pieces = matrix.flatMap((page) =>
      bodyWords(page)
        .filter((w) => w.text.startsWith(LONG_WORD.slice(0, 3)))
        .map((w) => w.text)
    );
    expect(pieces.length).toBeGreaterThan(0);
    for (const piece of pieces)
      expect(
        piece === LONG_WORD || (piece.endsWith("…") && LONG_WORD.startsWith(piece.slice(0, -1)))
      ).toBe(true);
    for (const page of matrix)
      expect(Math.max(...page.words.map((w) => w.xMax))).toBeLessThanOrEqual(842);
  });
});
