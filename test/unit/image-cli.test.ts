import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import { PALETTES, scaleColour } from "../../src/method/colour";
import { pairScore } from "../../src/method/score";
import { cellBoxes, cornerOf, decodePng } from "../support/png";
import { parseSvg, visibleAndTitleTexts } from "../support/svg";
import { tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const HOSTILE = ["=1+1", "Tom & Jerry <3", 'Les "guillemets"', "l'équipe 🚲", "x".repeat(200)];
const good = {
  title: "Vélos",
  language: "fr",
  clienteles: HOSTILE,
  needs: ["Réparer vite", "Payer peu"],
  pairs: [
    { clientele: HOSTILE[0], need: "Réparer vite", perception: 4, impact: 4 },
    { clientele: HOSTILE[1], need: "Payer peu", perception: 1, impact: 2 },
    { clientele: HOSTILE[2], need: "Réparer vite" },
  ],
};

describe("cli image", () => {
  let dir: string;
  let studyFile: string;
  beforeEach(async () => {
    dir = await tempDir();
    studyFile = path.join(dir, "study.json");
    await fs.writeFile(studyFile, JSON.stringify(good));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("writes the SVG, prints its path and exits 0; every name survives exactly", async () => {
    const out = path.join(dir, "matrix.svg");
    const result = await cli("image", studyFile, "-o", out);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([out]);
    expect(result.err).toEqual([
      "SVG 1920 × 1080 : 5 clientèles × 2 besoins, 2 scores, couleurs orange foncé → jaune → vert foncé",
    ]);
    const root = parseSvg(await fs.readFile(out, "utf8"));
    const texts = visibleAndTitleTexts(root);
    for (const name of [...HOSTILE, ...good.needs]) expect(texts).toContain(name);
  });

  it("writes a 1920-wide PNG with the colour-blind palette's colours at the best and worst cells", async () => {
    const out = path.join(dir, "matrix.png");
    const result = await cli(
      "image",
      studyFile,
      "-o",
      out,
      "--palette",
      "colourblind",
      "--lang",
      "en"
    );
    expect(result.code).toBe(0);
    expect(result.err[0]).toMatch(/^PNG 1920 × 1080: 5 clientèles × 2 needs, 2 scores/);
    const image = decodePng(await fs.readFile(out));
    expect([image.width, image.height]).toEqual([1920, 1080]);
    // Where the cells are: the same drawing as SVG.
    const svgFile = path.join(dir, "same.svg");
    await cli("image", studyFile, "-o", svgFile, "--palette", "colourblind", "--lang", "en");
    const cells = cellBoxes(parseSvg(await fs.readFile(svgFile, "utf8")));
    const best = pairScore(4, 4, { perception: 1, impact: 1 });
    const worst = pairScore(1, 2, { perception: 1, impact: 1 });
    for (const score of [best, worst]) {
      const cell = cells.find((c) => c.score === score)!;
      const { x, y } = cornerOf(cell.box);
      expect(image.colourAt(x, y)).toBe(scaleColour(score, PALETTES.colourblind.stops));
    }
  });

  it("reads a workbook exactly as read does", async () => {
    const workbook = path.join(dir, "study.xlsx");
    expect((await cli("build", studyFile, "-o", workbook)).code).toBe(0);
    const fromJson = path.join(dir, "a.svg");
    const fromWorkbook = path.join(dir, "b.svg");
    expect((await cli("image", studyFile, "-o", fromJson)).code).toBe(0);
    expect((await cli("image", workbook, "-o", fromWorkbook)).code).toBe(0);
    expect(await fs.readFile(fromWorkbook, "utf8")).toBe(await fs.readFile(fromJson, "utf8"));
  });

  it("replaces its own earlier pictures, never another file unless forced, never the input", async () => {
    const svg = path.join(dir, "m.svg");
    const png = path.join(dir, "m.png");
    for (const out of [svg, png]) {
      expect((await cli("image", studyFile, "-o", out)).code).toBe(0);
      expect((await cli("image", studyFile, "-o", out, "--palette", "colourblind")).code).toBe(0);
    }
    const foreign = path.join(dir, "logo.png");
    await fs.writeFile(foreign, "not made by us");
    const refused = await cli("image", studyFile, "-o", foreign);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      `error: ${foreign}: exists and is not a picture Segment Matrix made; choose another output file, or add --force to replace it`,
    ]);
    expect(await fs.readFile(foreign, "utf8")).toBe("not made by us");
    expect((await cli("image", studyFile, "-o", foreign, "--force")).code).toBe(0);
    expect(decodePng(await fs.readFile(foreign)).width).toBe(1920);

    // An SVG someone else wrote, even one that mentions Segment Matrix in its text.
    const drawing = path.join(dir, "drawing.svg");
    const theirs = '<svg xmlns="http://www.w3.org/2000/svg"><text>Segment Matrix</text></svg>';
    await fs.writeFile(drawing, theirs);
    expect((await cli("image", studyFile, "-o", drawing)).code).toBe(1);
    expect(await fs.readFile(drawing, "utf8")).toBe(theirs);

    const own = await cli("image", studyFile, "-o", studyFile.replace(".json", ".svg"));
    expect(own.code).toBe(0);
    const input = await fs.readFile(studyFile, "utf8");
    for (const args of [
      ["-o", studyFile],
      ["-o", studyFile, "--force"],
    ]) {
      const result = await cli("image", studyFile, ...args);
      expect(result.code).toBe(2);
    }
    expect(await fs.readFile(studyFile, "utf8")).toBe(input);
  });

  it.each([
    [
      "an output that is neither .svg nor .png",
      ["-o", "m.pdf"],
      /m\.pdf: the picture's format follows the extension: use \.svg or \.png/,
    ],
    [
      "an unknown palette",
      ["-o", "m.svg", "--palette", "rainbow"],
      /--palette: "rainbow" is not a palette: use default or colourblind/,
    ],
    [
      "an unknown language",
      ["-o", "m.svg", "--lang", "de"],
      /--lang: "de" is not a language of Segment Matrix/,
    ],
    ["no output", [], /image needs a study or a workbook and -o OUT\.svg\|OUT\.png/],
    ["an unknown option", ["-o", "m.svg", "--colour", "x"], /Unknown option '--colour'/],
  ])("refuses %s: exit 2, nothing written", async (_label, args, message) => {
    const result = await cli(
      "image",
      studyFile,
      ...args.map((a) => (/^m\./.test(a) ? path.join(dir, a) : a))
    );
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(message);
    expect((await fs.readdir(dir)).sort()).toEqual(["study.json"]);
  });

  it("refuses an input that is neither a study nor a workbook (exit 2)", async () => {
    const result = await cli("image", path.join(dir, "notes.txt"), "-o", path.join(dir, "m.svg"));
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(
      /notes\.txt: give a study file \(\.json\) or a workbook \(\.xlsx\)/
    );
  });

  it.each([
    ["invalid JSON", "{ nope", /study\.json: not valid JSON/],
    [
      "a level out of range",
      JSON.stringify({ ...good, pairs: [{ clientele: "=1+1", need: "Payer peu", impact: 9 }] }),
      /study\.json: pairs\[0\]\.impact: "9" is not a level/,
    ],
  ])("reports %s on one line, exits 1 and writes nothing", async (_label, content, message) => {
    await fs.writeFile(studyFile, content);
    const result = await cli("image", studyFile, "-o", path.join(dir, "m.png"), "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(message);
    expect((await fs.readdir(dir)).sort()).toEqual(["study.json"]);
  });

  it("says when a workbook is missing or is not a workbook", async () => {
    const missing = await cli("image", path.join(dir, "nope.xlsx"), "-o", path.join(dir, "m.svg"));
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/nope\.xlsx: no such file/);
    await fs.writeFile(path.join(dir, "fake.xlsx"), "plain text");
    const fake = await cli("image", path.join(dir, "fake.xlsx"), "-o", path.join(dir, "m.svg"));
    expect(fake.code).toBe(1);
    expect(fake.err[0]).toMatch(/fake\.xlsx: not an \.xlsx workbook/);
  });

  it("is listed in the usage", async () => {
    const result = await cli("help");
    expect(result.out.join("\n")).toMatch(
      /segment-matrix image STUDY\.json\|WORKBOOK\.xlsx -o OUT\.svg\|OUT\.png/
    );
  });
});
