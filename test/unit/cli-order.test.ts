/** `order STUDY.json -o ORDERED.json [--segments K] [--force]`, through runCli as a consultant runs it. */
import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import { validateStudy } from "../../src/method/validate";
import { emptySegment } from "../../src/method/study";
import { tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const example = path.join(__dirname, "..", "..", "examples", "exemple-incubateur.json");

interface PairJson {
  clientele: string;
  need: string;
}
interface OrderedJson {
  clienteles: (string | { name: string })[];
  needs: (string | { name: string })[];
  pairs: PairJson[];
  segments?: { name: string; clienteles: string[]; needs: string[] }[];
  [field: string]: unknown;
}

const itemName = (item: string | { name: string }): string =>
  typeof item === "string" ? item : item.name;

describe("cli order", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const write = async (name: string, content: unknown): Promise<string> => {
    const file = path.join(dir, name);
    await fs.writeFile(file, JSON.stringify(content, null, 2));
    return file;
  };
  const readOrdered = async (file: string): Promise<OrderedJson> =>
    JSON.parse(await fs.readFile(file, "utf8")) as OrderedJson;

  it("writes the same study in the new order, prints its path, and the groups and suggestion in French", async () => {
    const out = path.join(dir, "ordered.json");
    const result = await cli("order", example, "-o", out);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([out]);
    expect(result.err[0]).toBe("13 clientèles × 13 besoins réordonnés par profil de besoins.");
    expect(result.err).toContain("Groupes pour 3 segments (non écrits ; --segments 3 les écrit) :");
    expect(result.err.join("\n")).toMatch(
      /Nombre de segments suggéré : 3, là où l'écart entre deux hauteurs de fusion successives est le plus grand \(0,153, de 0,750 à 0,903/
    );

    const input = JSON.parse(await fs.readFile(example, "utf8")) as OrderedJson;
    const ordered = await readOrdered(out);
    expect(ordered.segments).toBeUndefined();
    expect(ordered.title).toBe(input.title);
    expect(ordered.weights).toEqual(input.weights);
    expect(ordered.clienteles.map(itemName)).not.toEqual(input.clienteles.map(itemName));
    expect([...ordered.clienteles].sort((a, b) => itemName(a).localeCompare(itemName(b)))).toEqual(
      [...input.clienteles].sort((a, b) => itemName(a).localeCompare(itemName(b)))
    );
    expect(new Set(ordered.needs.map(itemName))).toEqual(new Set(input.needs.map(itemName)));
    const sorted = (pairs: PairJson[]): string[] => pairs.map((p) => JSON.stringify(p)).sort();
    expect(sorted(ordered.pairs)).toEqual(sorted(input.pairs));

    const { study, problems } = validateStudy(ordered, out);
    expect(study).toBeDefined();
    expect(problems).toEqual([]);
  });

  it("writes K candidate segments with --segments K: the worked example's three groups, buildable", async () => {
    const out = path.join(dir, "ordered.json");
    const result = await cli("order", example, "-o", out, "--segments", "3");
    expect(result.code).toBe(0);
    expect(result.err[1]).toBe(
      "3 segments candidats, écrits dans l'étude (à revoir et compléter) :"
    );
    const ordered = await readOrdered(out);
    const groups = (ordered.segments ?? []).map((s) => [...s.clienteles].sort().join(" | ")).sort();
    expect(groups).toEqual(
      [
        "Bailleurs de fonds | Concours et prix | Grandes entreprises",
        "Accompagnateurs | Faîtières ESS/ES | Hautes écoles | Structures de conseil et accompagnement | i-Coaches",
        "Acteurs durables | Entrepreneurs durables | Etudiants | Intrapreneurs | Micro-entrepreneurs",
      ].sort()
    );
    expect(Object.keys(ordered).slice(-1)).toEqual(["segments"]);
    expect(Object.keys(ordered.segments?.[0] ?? {})).toEqual([
      "name",
      "clienteles",
      "needs",
      "offerings",
      "channels",
      "zones",
      "successFactors",
      "attributes",
      "personas",
      "checklist",
      "plans",
    ]);
    // Valid for build; until validateStudy reads `segments`, it only warns that it does not.
    const { study, problems } = validateStudy(ordered, out);
    expect(study).toBeDefined();
    expect(problems.filter((p) => p.code !== "unknown-field")).toEqual([]);
    expect((await cli("build", out, "-o", path.join(dir, "ordered.xlsx"))).code).toBe(0);
  });

  it("speaks the study's language, and names the clientèles and needs out of the method", async () => {
    const study = await write("s.json", {
      language: "en",
      clienteles: ["Alone", "A", "B", "C"],
      needs: ["Nobody", "x", "y"],
      pairs: [
        { clientele: "A", need: "x", perception: 2, impact: 3, comment: "keep me" },
        { clientele: "B", need: "x" },
        { clientele: "B", need: "y" },
        { clientele: "C", need: "y" },
      ],
    });
    const out = path.join(dir, "o.json");
    const result = await cli("order", study, "-o", out);
    expect(result.code).toBe(0);
    expect(result.err).toContain('Out of the method (no X), put last: clientèles "Alone".');
    expect(result.err).toContain('Out of the method (no X), put last: needs "Nobody".');
    expect(result.err).toContain(
      "Suggested number of segments: 2, where the gap between two successive merge heights is widest (0.250, from 0.500 to 0.750 mean Jaccard distance)."
    );
    const ordered = await readOrdered(out);
    expect(ordered.clienteles.map(itemName)).toEqual(["A", "B", "C", "Alone"]);
    expect(ordered.needs.map(itemName)).toEqual(["x", "y", "Nobody"]);
    expect(ordered.pairs[0]).toEqual({
      clientele: "A",
      need: "x",
      perception: 2,
      impact: 3,
      comment: "keep me",
    });
  });

  it("never replaces the study's segments unless forced, naming them; keeps them when only reordering", async () => {
    const segment = (name: string): object => ({
      ...emptySegment(name),
      clienteles: ["Etudiants"],
    });
    const input = JSON.parse(await fs.readFile(example, "utf8")) as Record<string, unknown>;
    const study = await write("s.json", {
      ...input,
      offerings: ["Atelier"],
      segments: [segment("Jeunes pousses"), segment("Réseau")],
      targets: [{ segment: "Réseau", offering: "Atelier" }],
      conquest: ["Réseau"],
    });
    const out = path.join(dir, "o.json");

    const refused = await cli("order", study, "-o", out, "--segments", "3");
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      `erreur: ${study}: segments: l'étude contient déjà des segments (« Jeunes pousses », « Réseau ») que --segments remplacerait : ajoutez --force pour les remplacer, ou retirez --segments pour seulement réordonner`,
    ]);
    expect(refused.out).toEqual([]);
    expect((await fs.readdir(dir)).sort()).toEqual(["s.json"]);

    const reordered = await cli("order", study, "-o", out);
    expect(reordered.code).toBe(0);
    expect(reordered.err.join("\n")).not.toMatch(/champ inconnu/);
    const kept = await readOrdered(out);
    expect(kept.segments?.map((s) => s.name)).toEqual(["Jeunes pousses", "Réseau"]);
    expect(kept.offerings).toEqual(["Atelier"]);
    expect(kept.targets).toEqual([{ segment: "Réseau", offering: "Atelier" }]);
    expect(kept.conquest).toEqual(["Réseau"]);
    expect(Object.keys(kept).slice(-4)).toEqual(["offerings", "segments", "targets", "conquest"]);

    const forced = await cli("order", study, "-o", out, "--segments", "3", "--force");
    expect(forced.code).toBe(0);
    expect(forced.err[0]).toBe(
      `attention: ${study}: segments: segments remplacés par les segments candidats, avec leurs cibles et l'ordre de conquête : « Jeunes pousses », « Réseau »`
    );
    const replaced = await readOrdered(out);
    expect(replaced.segments?.map((s) => s.name)).toEqual(["Segment 1", "Segment 2", "Segment 3"]);
    expect(replaced.offerings).toEqual(["Atelier"]);
    // The targets and conquest order named the replaced segments: kept, the study would not build.
    expect(replaced.targets).toBeUndefined();
    expect(replaced.conquest).toBeUndefined();
    const rebuilt = await cli("build", out, "-o", path.join(dir, "o.xlsx"));
    expect(rebuilt.err.filter((line) => /^erreur/.test(line))).toEqual([]);
    expect(rebuilt.code).toBe(0);
  });

  it("refuses to write over the study file itself (exit 1), leaving it untouched", async () => {
    const study = await write("s.json", { clienteles: ["a"], needs: ["n"], pairs: [] });
    const before = await fs.readFile(study, "utf8");
    for (const target of [study, path.join(dir, ".", "s.json")]) {
      const result = await cli("order", study, "-o", target);
      expect(result.code).toBe(1);
      expect(result.err[0]).toMatch(/the output file is the input file/);
    }
    expect(await fs.readFile(study, "utf8")).toBe(before);
  });

  it.each([
    [["--segments", "abc"], 2, /--segments: "abc" is not a number of segments/],
    [["--segments", "0"], 2, /--segments: "0" is not a number of segments/],
    [["--segments", "2.5"], 2, /--segments: "2.5" is not a number of segments/],
    [
      ["--segments", "14"],
      1,
      /^erreur: --segments: 14 segments demandés, mais seules 13 clientèles ont au moins un X : choisissez au plus 13 segments$/,
    ],
  ])("refuses %p with exit %p and leaves no file", async (options, code, message) => {
    const out = path.join(dir, "o.json");
    const result = await cli("order", example, "-o", out, ...options);
    expect(result.code).toBe(code);
    expect(result.err[0]).toMatch(message);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("needs a study file and -o (exit 2, with the usage)", async () => {
    const result = await cli("order", example);
    expect(result.code).toBe(2);
    expect(result.err.join("\n")).toMatch(
      /order needs a study file and -o ORDERED\.json[\s\S]*usage:/
    );
  });

  it("reports a faulty study as build does (exit 1, one line naming the field)", async () => {
    const study = await write("s.json", { clienteles: ["a", "A"], needs: ["n"] });
    const result = await cli("order", study, "-o", path.join(dir, "o.json"));
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/s\.json: clienteles\[1\]: .*/);
    expect((await fs.readdir(dir)).sort()).toEqual(["s.json"]);
  });
});
