/** `responses RESPONSES.csv|.xlsx --study STUDY.json -o STUDY2.json`, through runCli as a consultant runs it. */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { runCli } from "../../src/cli/main";
import { validateStudy } from "../../src/method/validate";
import { tempDir } from "../support/workbooks";

async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const STUDY = {
  language: "fr",
  clienteles: ["Artisans", "Banques"],
  needs: ["Financement", "Locaux"],
  pairs: [
    { clientele: "Artisans", need: "Financement", perception: 2, impact: 2, comment: "à revoir" },
    { clientele: "Banques", need: "Locaux" },
  ],
  weights: { perception: 1, impact: 1 },
};

/** French Excel's CSV: byte order mark, `;`, CRLF, a quoted name holding the separator. */
const CSV =
  "\uFEFFRépondant;Clientèle;Besoin;Ressent;Perception;Impact;Concurrence\r\n" +
  "A;Artisans;Financement;X;Fort ressenti;3;\r\n" +
  'B;"artisans";Financement;oui;3;Faible;"Très forte"\r\n' +
  "C;Banques;Locaux;non;;;\r\n" +
  "D;Banques;Locaux;peut-être;;;\r\n" +
  ";Banques;Locaux;X;;;\r\n" +
  "E;Artisans;Locaux;X;2;;\r\n";

describe("cli responses", () => {
  let dir: string;
  let study: string;
  beforeEach(async () => {
    dir = await tempDir();
    study = path.join(dir, "etude.json");
    await fs.writeFile(study, JSON.stringify(STUDY));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function written(file: string) {
    const { study: read, problems } = validateStudy(
      JSON.parse(await fs.readFile(file, "utf8")),
      file
    );
    expect(problems).toEqual([]);
    return read!;
  }

  it("writes the study with ticks, ratings and evidence, and says what changed, in the study's language", async () => {
    const responses = path.join(dir, "réponses.csv");
    await fs.writeFile(responses, CSV);
    const output = path.join(dir, "etude2.json");
    const run = await cli("responses", responses, "--study", study, "-o", output);
    expect(run.code).toBe(0);
    expect(run.out).toEqual([output]);
    const result = await written(output);
    expect(result.pairs).toEqual([
      {
        clientele: "Artisans",
        need: "Financement",
        perception: 4, // 4 and 3: half up
        impact: 3, // 3 and 2 ("Faible"): half up
        competition: 4,
        comment: "à revoir",
        evidence: { n: 2, feel: 1, source: "réponses.csv" },
      },
      {
        clientele: "Artisans",
        need: "Locaux",
        perception: 2,
        evidence: { n: 1, feel: 1, source: "réponses.csv" },
      },
    ]);
    expect(run.err).toEqual([
      `attention: ${responses}: ligne 5 : « peut-être » n'est pas une réponse à « ressent » ; ligne non comptée : écrivez X, oui ou 1 pour oui, et laissez vide ou écrivez non ou 0 pour non`,
      `attention: ${responses}: ligne 6 : le répondant est vide ; ligne non comptée : nommez ou numérotez le répondant`,
      "3 paires appuyées par 4 répondants (4 lignes comptées) : 2 cochées, 1 non cochée (seuil 50 %)",
      "1 coche ajoutée, 1 retirée, 1 paire aux notes changées",
      "  (« Artisans », « Financement ») : perception 2 → 4, impact 2 → 3, concurrence — → 4 (saisie à la main)",
      "  (« Artisans », « Locaux ») : coche ajoutée, perception 2",
      "  (« Banques », « Locaux ») : coche retirée (était non notée) (saisie à la main)",
      "2 lignes non comptées : 5, 6",
    ]);
    // The study file given is left as it was.
    expect(JSON.parse(await fs.readFile(study, "utf8"))).toEqual(STUDY);
  });

  it("applies --threshold and --source, and reads the first sheet of a workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Votes");
    sheet.addRow(["respondent", "clientele", "need", "feels", "perception", "impact"]);
    sheet.addRow(["p1", "Banques", "Locaux", 1, "Strongly felt", 4]);
    sheet.addRow(["p2", "Banques", "Locaux", 1, 3, "Medium"]);
    sheet.addRow(["p3", "Banques", "Locaux", 0, 1, 1]);
    sheet.addRow(["p4", "Banques", "Locaux", "", 1, "Énorme"]);
    workbook.addWorksheet("Autre").addRow(["rien"]);
    const responses = path.join(dir, "votes.xlsx");
    await workbook.xlsx.writeFile(responses);
    const output = path.join(dir, "etude2.json");
    const run = await cli(
      "responses",
      responses,
      "--study",
      study,
      "-o",
      output,
      "--threshold",
      "0,6",
      "--source",
      "Atelier du 3 mai"
    );
    expect(run.code).toBe(0);
    expect(run.err[0]).toBe(
      `attention: ${responses}: 'Votes': ligne 5 : « Énorme » n'est pas un niveau de « Importance de l'impact » ; ligne non comptée : écrivez un nombre ou un libellé parmi 1 Très faible, 2 Faible, 3 Moyen, 4 Fort, ou laissez vide`
    );
    const result = await written(output);
    expect(result.pairs.find((p) => p.clientele === "Banques")).toEqual({
      clientele: "Banques",
      need: "Locaux",
      perception: 4, // 4 and 3 from those who feel it: half up
      impact: 4, // 4 and 3 ("Medium"): half up
      evidence: { n: 3, feel: 2 / 3, source: "Atelier du 3 mai" },
    });
    // At 0.7, two of three is not enough.
    const strict = await cli(
      "responses",
      responses,
      "--study",
      study,
      "-o",
      output,
      "--threshold",
      "0.7"
    );
    expect(strict.code).toBe(0);
    expect((await written(output)).pairs.some((p) => p.clientele === "Banques")).toBe(false);
  });

  it("refuses names the study lacks, listed, and adds them with --add-new", async () => {
    const responses = path.join(dir, "r.csv");
    await fs.writeFile(
      responses,
      "respondent,clientele,need,feels\nA,Cafés,Locaux,X\nB,Artisans,Export,X\n"
    );
    const output = path.join(dir, "o.json");
    const refused = await cli("responses", responses, "--study", study, "-o", output);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      `erreur: ${responses}: ligne 2 : la clientèle « Cafés » n'est pas dans l'étude : corrigez le nom (la casse et les espaces autour ne comptent pas), ou ajoutez --add-new pour l'ajouter`,
      `erreur: ${responses}: ligne 3 : le besoin « Export » n'est pas dans l'étude : corrigez le nom (la casse et les espaces autour ne comptent pas), ou ajoutez --add-new pour l'ajouter`,
    ]);
    await expect(fs.access(output)).rejects.toThrow();
    const added = await cli("responses", responses, "--study", study, "-o", output, "--add-new");
    expect(added.code).toBe(0);
    const result = await written(output);
    expect(result.clienteles.map((c) => c.name)).toEqual(["Artisans", "Banques", "Cafés"]);
    expect(result.needs.map((n) => n.name)).toEqual(["Financement", "Locaux", "Export"]);
  });

  it("refuses misuse, a broken CSV and an output that is the study", async () => {
    const responses = path.join(dir, "r.csv");
    await fs.writeFile(responses, 'respondent,clientele,need,feels\nA,"Artisans,Financement,X\n');
    const output = path.join(dir, "o.json");
    expect((await cli("responses", responses, "--study", study)).code).toBe(2);
    expect(
      (await cli("responses", responses, "--study", study, "-o", output, "--threshold", "2")).code
    ).toBe(2);
    expect((await cli("responses", study, "--study", study, "-o", output)).code).toBe(2);
    const broken = await cli("responses", responses, "--study", study, "-o", output);
    expect(broken.code).toBe(1);
    expect(broken.err).toEqual([
      `erreur: ${responses}: ligne 2 : un guillemet ouvert n'est jamais refermé ; le reste du fichier serait une seule valeur : corrigez le guillemet ou réenregistrez le fichier en CSV depuis Excel`,
    ]);
    await fs.writeFile(responses, "respondent,clientele,need,feels\nA,Artisans,Financement,X\n");
    const same = await cli("responses", responses, "--study", study, "-o", study);
    expect(same.code).toBe(1);
    expect(JSON.parse(await fs.readFile(study, "utf8"))).toEqual(STUDY);
  });
});
