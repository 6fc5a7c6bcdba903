import {
  PALETTES,
  PaletteName,
  WHITE_TEXT,
  textColour,
  scaleColour,
} from "../../src/method/colour";
import { pairScore } from "../../src/method/score";
import { Segment, Study, emptySegment } from "../../src/method/study";
import { pictureModel } from "../../src/hosts/svg/model";
import {
  PICTURE_WIDTH,
  SLIDE_HEIGHT,
  isSegmentMatrixSvg,
  matrixSvg,
  pictureLayout,
} from "../../src/hosts/svg/matrix-svg";
import { syntheticStudy } from "../../bench/studies";
import {
  SvgElement,
  allElements,
  hasClass,
  parseSvg,
  textContent,
  visibleAndTitleTexts,
} from "../support/svg";
import { readExample, study } from "../support/workbooks";

function segment(name: string, clienteles: string[]): Segment {
  return { ...emptySegment(name), clienteles };
}

const small = (): Study =>
  study({
    title: "Étude",
    clienteles: ["Etudiants", "Hautes écoles", "PME"],
    needs: ["Innover", "Former"],
    pairs: [
      { clientele: "Etudiants", need: "Innover", perception: 4, impact: 4 },
      { clientele: "Hautes écoles", need: "Innover", perception: 3, impact: 1 },
      { clientele: "PME", need: "Former" }, // ticked, not rated
    ],
  });

describe("picture model", () => {
  it("scores each rated pair with the method's formula and leaves the others empty", () => {
    const model = pictureModel(small());
    expect(model.clienteles).toEqual(["Etudiants", "Hautes écoles", "PME"]);
    expect(model.needs).toEqual(["Innover", "Former"]);
    expect(model.scores).toEqual([
      [100, pairScore(3, 1, { perception: 1, impact: 1 }), undefined],
      [undefined, undefined, undefined],
    ]);
    expect(model.title).toBe("Étude");
    expect(model.palette).toBe(PALETTES.default);
  });

  it("follows the study's weights, language and chosen palette; a missing title gets the matrix's", () => {
    const input = { ...small(), title: undefined, weights: { perception: 2, impact: 1 } };
    const model = pictureModel(input, { language: "en", palette: "colourblind" });
    expect(model.scores[0][1]).toBe(pairScore(3, 1, { perception: 2, impact: 1 }));
    expect(model.title).toBe("Score matrix — clientèles × needs");
    expect(model.palette.name).toBe("colourblind");
    expect(pictureModel({ ...input, title: "  " }).title).toBe(
      "Matrice des scores — clientèles × besoins"
    );
  });

  it("outlines segments whose clientèles sit side by side, on separate lanes when they overlap", () => {
    const input: Study = {
      ...study({
        clienteles: ["A", "B", "C", "D", "E"],
        needs: ["N"],
        pairs: [],
      }),
      segments: [
        segment("Pair", ["b", "C"]), // names match as the workbook does: case ignored
        segment("Overlap", ["C", "D", "E"]),
        segment("Scattered", ["A", "E"]),
        segment("Gone", ["Z"]),
        segment("Alone", ["A"]),
      ],
    };
    const model = pictureModel(input);
    expect(model.groups).toEqual([
      { name: "Alone", segment: 4, first: 0, last: 0, lane: 0 },
      { name: "Pair", segment: 0, first: 1, last: 2, lane: 0 },
      { name: "Overlap", segment: 1, first: 2, last: 4, lane: 1 },
    ]);
    expect(model.scatteredSegments).toEqual(["Scattered"]);
  });
});

/** The scored cells of a picture: need row, clientèle column, score and fill. */
function scoredCells(
  root: SvgElement
): { need: number; clientele: number; score: number; fill: string }[] {
  return allElements(root)
    .filter((element) => element.name === "rect" && hasClass(element, "cell"))
    .map((element) => ({
      need: Number(element.attributes["data-need"]),
      clientele: Number(element.attributes["data-clientele"]),
      score: Number(element.attributes["data-score"]),
      fill: element.attributes.fill,
    }));
}

/** The document is self-contained and inert: nothing runs, nothing is fetched. */
function expectInert(svg: string, root: SvgElement): void {
  const elements = allElements(root);
  const names = new Set(elements.map((element) => element.name.toLowerCase()));
  for (const forbidden of ["script", "foreignobject", "image", "use", "a", "iframe", "style"])
    expect(names.has(forbidden)).toBe(false);
  for (const element of elements) {
    for (const [attribute, value] of Object.entries(element.attributes)) {
      expect(attribute.toLowerCase().startsWith("on")).toBe(false);
      expect(attribute.toLowerCase()).not.toMatch(/(^|:)href$/);
      expect(value).not.toMatch(/url\(|javascript:/i);
    }
  }
  expect(svg).not.toMatch(/<script|<!DOCTYPE|<!ENTITY|https?:\/\/(?!www\.w3\.org\/2000\/svg")/i);
}

function expectEveryName(root: SvgElement, input: Study): void {
  const texts = visibleAndTitleTexts(root);
  for (const item of [...input.clienteles, ...input.needs]) expect(texts).toContain(item.name);
}

function expectScoredFills(root: SvgElement, input: Study, palette: PaletteName): void {
  const expected = input.pairs
    .filter((pair) => pair.perception !== undefined && pair.impact !== undefined)
    .map((pair) => ({
      need: input.needs.findIndex((item) => item.name === pair.need),
      clientele: input.clienteles.findIndex((item) => item.name === pair.clientele),
      score: pairScore(pair.perception!, pair.impact!, input.weights),
    }))
    .map((cell) => ({ ...cell, fill: scaleColour(cell.score, PALETTES[palette].stops) }));
  const order = (a: { need: number; clientele: number }, b: { need: number; clientele: number }) =>
    a.need - b.need || a.clientele - b.clientele;
  expect(scoredCells(root).sort(order)).toEqual(expected.sort(order));
}

describe("picture of the worked example", () => {
  let example: Study;
  beforeAll(async () => {
    example = study(await readExample("exemple-incubateur.json"));
  });

  it.each<[PaletteName]>([["default"], ["colourblind"]])(
    "is well-formed, inert, 1920 × 1080, with every name and every scored cell in its scale colour (%s)",
    (palette) => {
      const svg = matrixSvg(example, { palette });
      const root = parseSvg(svg);
      expect(root.name).toBe("svg");
      expect(root.attributes.width).toBe(String(PICTURE_WIDTH));
      expect(root.attributes.height).toBe(String(SLIDE_HEIGHT));
      expect(root.attributes.viewBox).toBe(`0 0 ${PICTURE_WIDTH} ${SLIDE_HEIGHT}`);
      expect(root.attributes["data-generator"]).toBe("Segment Matrix");
      expect(isSegmentMatrixSvg(svg)).toBe(true);
      expect(isSegmentMatrixSvg(svg.replace("<svg", "<svgx"))).toBe(false);
      expectInert(svg, root);
      expectEveryName(root, example);
      expectScoredFills(root, example, palette);
      expect(scoredCells(root)).toHaveLength(47);
    }
  );

  it("shows each score in its cell, in the text colour the palette's rule gives", () => {
    for (const palette of ["default", "colourblind"] as const) {
      const root = parseSvg(matrixSvg(example, { palette }));
      const scores = allElements(root).find((e) => e.name === "g" && hasClass(e, "scores"));
      const shown = (scores?.children ?? []).filter((c): c is SvgElement => typeof c === "object");
      expect(shown).toHaveLength(47);
      for (const text of shown) {
        const score = Number(textContent(text));
        expect(text.attributes.fill).toBe(textColour(score, PALETTES[palette].text));
      }
      const whites = shown.filter((text) => text.attributes.fill === WHITE_TEXT).length;
      // The worked example has two pairs scored 100: white on the dark blue end only.
      expect(whites).toBe(palette === "colourblind" ? 2 : 0);
    }
  });

  it("has a title, a legend bar of the palette's 101 colours and its meaning, in the study's language", () => {
    const root = parseSvg(matrixSvg(example, { palette: "colourblind" }));
    const texts = visibleAndTitleTexts(root);
    expect(texts).toContain("Incubateur — exemple de la méthode (notes illustratives)");
    expect([...texts].some((text) => text.startsWith("1 : paire la moins intéressante"))).toBe(
      true
    );
    const legend = allElements(root).find((e) => e.name === "g" && hasClass(e, "legend"))!;
    const bar = legend.children.filter(
      (c): c is SvgElement => typeof c === "object" && c.name === "rect"
    );
    expect(bar.map((rect) => rect.attributes.fill)).toEqual(
      Array.from({ length: 101 }, (_, score) => scaleColour(score, PALETTES.colourblind.stops))
    );
    const english = visibleAndTitleTexts(parseSvg(matrixSvg(example, { language: "en" })));
    expect([...english].some((text) => text.startsWith("1: least interesting pair"))).toBe(true);
  });

  it("draws segment boundaries and names when the study has segments side by side", () => {
    const names = example.clienteles.map((item) => item.name);
    const grouped: Study = {
      ...example,
      segments: [
        segment("Créateurs", names.slice(5, 9)),
        segment("Dispersé", [names[0], names[12]]),
      ],
    };
    const root = parseSvg(matrixSvg(grouped));
    const groups = allElements(root).find((e) => e.name === "g" && hasClass(e, "groups"))!;
    expect(visibleAndTitleTexts(groups)).toContain("Créateurs");
    expect(allElements(groups).filter((e) => hasClass(e, "group-bracket"))).toHaveLength(1);
    const boundaries = allElements(groups).find((e) => hasClass(e, "group-boundaries"))!;
    expect(boundaries.attributes.d.match(/M/g)).toHaveLength(2);
    expect(visibleAndTitleTexts(root)).toContain(
      "Segments non délimités (clientèles non adjacentes) : Dispersé"
    );
  });
});

describe("names as typed", () => {
  const hostile = [
    "=SUM(A1:A9)",
    "+33 6 12",
    "-moins",
    "@home",
    "<script>alert('x')</script>",
    "Tom & Jerry > Bugs",
    'Les "guillemets"',
    "l'apostrophe",
    "👩‍💻 Développeuses 🚀",
    "É".repeat(120) + " " + "x".repeat(79), // 200 characters
    "]]> <!-- -->",
  ];
  const input = (): Study =>
    study({
      clienteles: hostile,
      needs: [...hostile].reverse().map((name) => `${name} (besoin)`),
      pairs: hostile.map((name, i) => ({
        clientele: name,
        need: `${hostile[hostile.length - 1 - i]} (besoin)`,
        perception: 1 + (i % 4),
        impact: 4 - (i % 4),
      })),
    });

  it.each<[PaletteName]>([["default"], ["colourblind"]])(
    "keeps every hostile name exact and the document well-formed and inert (%s)",
    (palette) => {
      const svg = matrixSvg(input(), { palette });
      const root = parseSvg(svg);
      expectInert(svg, root);
      expectEveryName(root, input());
      expectScoredFills(root, input(), palette);
      expect(input().clienteles[9].name).toHaveLength(200);
    }
  );

  it("elides long names with an ellipsis and puts the full name in a <title>", () => {
    const root = parseSvg(matrixSvg(input()));
    const long = input().clienteles[9].name;
    const titled = allElements(root).filter(
      (e) => e.name === "g" && e.children.some((c) => typeof c === "object" && c.name === "title")
    );
    const holder = titled.find((g) => textContent(g).startsWith(long));
    expect(holder).toBeDefined();
    const shown = allElements(holder!).find((e) => e.name === "text")!;
    expect(textContent(shown).endsWith("…")).toBe(true);
    expect(long.startsWith(textContent(shown).slice(0, -1))).toBe(true);
  });
});

describe("many needs and clientèles", () => {
  it("stays 1920 wide, grows in height with readable rows, and keeps every name", () => {
    const big = syntheticStudy(100, 100);
    const model = pictureModel(big);
    const layout = pictureLayout(model);
    expect(layout.width).toBe(1920);
    expect(layout.rowHeight).toBeGreaterThanOrEqual(22);
    expect(layout.height).toBeGreaterThan(SLIDE_HEIGHT);
    expect(layout.nameFont).toBeGreaterThanOrEqual(11);
    expect(layout.columnLabels).toBe("rotated");
    const svg = matrixSvg(big);
    const root = parseSvg(svg);
    expect(root.attributes.height).toBe(String(layout.height));
    expectEveryName(root, big);
    expectScoredFills(root, big, "default");
    // Cells too narrow for three digits keep their colour and say where the numbers are.
    expect(layout.showScores).toBe(false);
    expect(visibleAndTitleTexts(root)).toContain(
      "Trop de colonnes pour lire les scores : voir le classeur pour les nombres."
    );
  });

  it("keeps 16:9 and the scores for a mid-sized study", () => {
    const layout = pictureLayout(pictureModel(syntheticStudy(20, 25)));
    expect(layout.height).toBe(SLIDE_HEIGHT);
    expect(layout.showScores).toBe(true);
  });
});

describe("browser safety", () => {
  it("draws the picture with nothing from Node, Office or a native renderer (the pane can use it)", async () => {
    const { promises: fs } = await import("fs");
    const path = await import("path");
    const root = path.join(__dirname, "..", "..", "src");
    const seen = new Set<string>();
    const external: string[] = [];
    // The file a relative import names: `x.ts`, or a folder's `index.ts`.
    const moduleFile = async (base: string): Promise<string> => {
      const file = `${base}.ts`;
      return (await fs.stat(file).catch(() => null)) ? file : path.join(base, "index.ts");
    };
    const visit = async (file: string): Promise<void> => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await fs.readFile(file, "utf8");
      for (const [, target] of source.matchAll(/^import[^;]*?from "([^"]+)";/gms)) {
        if (target.startsWith("."))
          await visit(await moduleFile(path.resolve(path.dirname(file), target)));
        else external.push(`${path.relative(root, file)} → ${target}`);
      }
    };
    await visit(path.join(root, "hosts", "svg", "matrix-svg.ts"));
    expect(external).toEqual([]);
    expect([...seen].map((file) => path.relative(root, file)).sort()).toContain(
      path.join("hosts", "svg", "model.ts")
    );
  });
});

describe("recognising a picture the command line wrote", () => {
  it("looks at a hostile head once: 64 KiB of unclosed <svg, another file's root element", () => {
    // The pattern this scan replaced rescanned the rest of the text at each "<svg" (quadratic).
    expect(isSegmentMatrixSvg("<svg ".repeat(13000))).toBe(false);
    expect(isSegmentMatrixSvg('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>')).toBe(false);
    expect(isSegmentMatrixSvg('<?xml version="1.0"?>\n<svg data-generator="Segment Matrix">')).toBe(
      true
    );
  });
});
