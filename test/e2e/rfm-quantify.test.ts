/**
 * Segments quantified from the client's data (issue 15 §2) on a fixture with a known answer:
 * size = buying customers of the segment's clientèles in the year before the analysis date,
 * frequency = purchases ÷ size, basket = amount ÷ purchases; the clientèle from a column of the
 * transactions or from a customers file; unknown clientèles and empty segments said.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { DuckDBInstance } from "@duckdb/node-api";
import { quantifySegments } from "../../src/analysis/rfm-quantify";
import { runCli } from "../../src/cli/main";
import { emptySegment } from "../../src/method/study";
import { validateStudy } from "../../src/method/validate";

jest.setTimeout(60000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sm-rfm-q-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const STUDY = {
  title: "Boulangerie",
  language: "fr",
  clienteles: [{ name: "Familles" }, { name: "Étudiants" }, { name: "Entreprises" }],
  needs: [{ name: "Pain frais" }],
  pairs: [{ clientele: "Familles", need: "Pain frais" }],
  weights: { perception: 1, impact: 1 },
  segments: [
    { name: "Foyers", clienteles: ["Familles", "Étudiants"] },
    { name: "Pros", clienteles: ["Entreprises"], size: 7, frequency: 2, basket: 30 },
  ],
};

// Analysis date 2025-01-01: the window is 2024-01-02 … 2024-12-31.
// f1: 2 purchases (10 + 20) and a return of 5 → net 25; f2: 1 purchase of 40;
// e1: 1 purchase of 15 plus one in 2023 (outside the window); x1 (Inconnus): 1 of 100;
// b1 (Entreprises) bought only in 2023: Pros stays as the study says.
const TRANSACTIONS = `client,date,montant,clientèle
f1,2024-03-01,10,Familles
f1,2024-06-01,20,Familles
f1,2024-06-02,-5,Familles
f2,2024-12-31,40,Familles
e1,2024-02-01,15,Étudiants
e1,2023-05-01,99,Étudiants
x1,2024-05-01,100,Inconnus
b1,2023-03-01,500,Entreprises
`;

const output = () => {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
};

it("quantifies each segment from the clientèle column of the transactions", async () => {
  const study = path.join(dir, "study.json");
  await fs.writeFile(study, JSON.stringify(STUDY));
  const transactions = path.join(dir, "t.csv");
  await fs.writeFile(transactions, TRANSACTIONS);
  const out = path.join(dir, "out.json");
  const { lines, io } = output();
  const args = ["rfm", transactions, "--clientele", "clientèle", "--study", study];
  expect(await runCli([...args, "--date", "2025-01-01", "-o", out], io)).toBe(0);
  const written = JSON.parse(await fs.readFile(out, "utf8"));
  const foyers = written.segments.find((s: { name: string }) => s.name === "Foyers");
  // 3 customers, 4 purchases, net 10 + 20 − 5 + 40 + 15 = 80; stored exactly, not rounded.
  expect([foyers.size, foyers.frequency, foyers.basket]).toEqual([3, 4 / 3, 20]);
  const pros = written.segments.find((s: { name: string }) => s.name === "Pros");
  expect([pros.size, pros.frequency, pros.basket]).toEqual([7, 2, 30]);
  const said = lines.join("\n");
  expect(said).toContain("« Inconnus »");
  expect(said).toContain("« Pros »");
  expect(said).toContain(
    "Foyers : taille 3, 1,33 achat par an, panier 20 (données clients au 2025-01-01, 3 clients)"
  );
  // The written study is a valid study.
  expect(validateStudy(written, "out.json").problems.filter((p) => p.severity === "error")).toEqual(
    []
  );
});

it("writes the figures' source, and build says it in French and English", async () => {
  const study = path.join(dir, "study-source.json");
  await fs.writeFile(study, JSON.stringify(STUDY));
  const transactions = path.join(dir, "t-source.csv");
  await fs.writeFile(transactions, TRANSACTIONS);
  const out = path.join(dir, "quantified.json");
  const args = ["rfm", transactions, "--clientele", "clientèle", "--study", study];
  expect(await runCli([...args, "--date", "2025-01-01", "-o", out], output().io)).toBe(0);
  const written = JSON.parse(await fs.readFile(out, "utf8"));
  const sources = written.segments.map((s: { figuresSource?: unknown }) => s.figuresSource);
  // Pros kept its own figures: no source.
  expect(sources).toEqual([{ asOf: "2025-01-01", customers: 3 }, undefined]);

  const built = output();
  const workbook = path.join(dir, "quantified.xlsx");
  expect(await runCli(["build", out, "-o", workbook], built.io)).toBe(0);
  expect(built.lines).toContain(
    "tailles, fréquences et paniers de 1 segment tirés des données clients au 2025-01-01"
  );
  const english = output();
  const args2 = ["build", out, "-o", path.join(dir, "quantified-en.xlsx"), "--lang", "en"];
  expect(await runCli(args2, english.io)).toBe(0);
  expect(english.lines).toContain(
    "sizes, frequencies and baskets of 1 segment from the customers' data to 2025-01-01"
  );
  // A study without sources says nothing of them.
  const plain = output();
  expect(await runCli(["build", study, "-o", path.join(dir, "plain.xlsx")], plain.io)).toBe(0);
  expect(plain.lines.join("\n")).not.toContain("données clients");
});

it("takes the clientèle from a customers file", async () => {
  const study = path.join(dir, "study2.json");
  await fs.writeFile(study, JSON.stringify(STUDY));
  const transactions = path.join(dir, "t2.csv");
  await fs.writeFile(
    transactions,
    "client,date,montant\nA,2024-06-01,10\nA,2024-07-01,30\nB,2024-08-01,50\nC,2024-09-01,7\n"
  );
  const customers = path.join(dir, "customers.csv");
  await fs.writeFile(
    customers,
    "id client,segment client\nA,Entreprises\nB,Entreprises\nC,familles\n"
  );
  const out = path.join(dir, "out2.json");
  const { io } = output();
  expect(
    await runCli(
      [
        "rfm",
        transactions,
        "--customers",
        customers,
        "--clientele",
        "segment client",
        "--study",
        study,
        "-o",
        out,
      ],
      io
    )
  ).toBe(0);
  const written = JSON.parse(await fs.readFile(out, "utf8"));
  const figures = (name: string) => {
    const s = written.segments.find((x: { name: string }) => x.name === name);
    return [s.size, s.frequency, s.basket];
  };
  // Analysis date: 2024-09-02. Pros: A and B, 3 purchases, 90; Foyers: C ("familles" matches "Familles").
  expect(figures("Pros")).toEqual([2, 1.5, 30]);
  expect(figures("Foyers")).toEqual([1, 1, 7]);
});

it("reads a customers file by its extension (xlsx, Parquet) and blames that file for its problems", async () => {
  const study = path.join(dir, "study-ext.json");
  await fs.writeFile(study, JSON.stringify(STUDY));
  const transactions = path.join(dir, "t-ext.csv");
  await fs.writeFile(
    transactions,
    "client,date,montant\nA,2024-06-01,10\nA,2024-07-01,30\nB,2024-08-01,50\nC,2024-09-01,7\n"
  );
  const rows = [
    ["id client", "segment client"],
    ["A", "Entreprises"],
    ["B", "Entreprises"],
    ["C", "familles"],
  ];
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Clients").addRows(rows);
  const xlsx = path.join(dir, "customers.xlsx");
  await workbook.xlsx.writeFile(xlsx);
  const parquet = path.join(dir, "customers.parquet");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(
    `copy (select * from (values ('A', 'Entreprises'), ('B', 'Entreprises'), ('C', 'familles')) as t("id client", "segment client")) to '${parquet}' (format parquet)`
  );
  connection.closeSync();
  instance.closeSync();
  const run = async (customers: string, out: string) => {
    const { lines, io } = output();
    const args = ["rfm", transactions, "--customers", customers, "--clientele", "segment client"];
    const code = await runCli([...args, "--study", study, "-o", out, "--lang", "en"], io);
    return { code, said: lines.join("\n") };
  };
  for (const customers of [xlsx, parquet]) {
    const out = path.join(dir, `out-${path.extname(customers).slice(1)}.json`);
    expect((await run(customers, out)).code).toBe(0);
    const written = JSON.parse(await fs.readFile(out, "utf8"));
    const pros = written.segments.find((x: { name: string }) => x.name === "Pros");
    expect([pros.size, pros.frequency, pros.basket]).toEqual([2, 1.5, 30]);
  }
  const missing = await run(path.join(dir, "nope.csv"), path.join(dir, "o-missing.json"));
  expect(missing.code).toBe(1);
  expect(missing.said).toContain("nope.csv");
  expect(missing.said).not.toContain("t-ext.csv");
  const garbage = path.join(dir, "garbage.parquet");
  await fs.writeFile(garbage, "not parquet at all\n");
  const broken = await run(garbage, path.join(dir, "o-garbage.json"));
  expect(broken.code).toBe(1);
  expect(broken.said).toContain("garbage.parquet");
  expect(broken.said).toContain("customers file");
  expect(broken.said).not.toContain("t-ext.csv");
});

it("says a size kept from the population, refuses a study without segments and --study with -o OUT.xlsx", async () => {
  const transactions = path.join(dir, "t-say.csv");
  await fs.writeFile(transactions, TRANSACTIONS);
  const withPopulation = {
    ...STUDY,
    segments: [{ name: "Foyers", clienteles: ["Familles", "Étudiants"], population: 5000 }],
  };
  const study = path.join(dir, "study-pop.json");
  await fs.writeFile(study, JSON.stringify(withPopulation));
  const args = ["rfm", transactions, "--clientele", "clientèle", "--date", "2025-01-01"];
  const said = output();
  const out = path.join(dir, "out-pop.json");
  expect(await runCli([...args, "--study", study, "-o", out], said.io)).toBe(0);
  const text = said.lines.join("\n");
  expect(text).toContain("Foyers : taille de l'étude (sa population), 1,33 achat par an");
  expect(text).not.toContain("Foyers : taille 3");

  const bare = path.join(dir, "study-bare.json");
  await fs.writeFile(bare, JSON.stringify({ ...STUDY, segments: undefined }));
  const none = output();
  const noneOut = path.join(dir, "out-bare.json");
  expect(await runCli([...args, "--study", bare, "-o", noneOut], none.io)).toBe(1);
  expect(none.lines.join("\n")).toContain("l'étude n'a pas de segments");
  await expect(fs.access(noneOut)).rejects.toThrow();

  const misuse = output();
  const xlsx = path.join(dir, "out-ignored.xlsx");
  expect(await runCli([...args, "--study", study, "-o", xlsx], misuse.io)).toBe(2);
  expect(misuse.lines.join("\n")).toContain("-o OUT.json");
});

it("refuses a clientèle column that is not there, and -o OUT.json without a study", async () => {
  const transactions = path.join(dir, "t3.csv");
  await fs.writeFile(transactions, TRANSACTIONS);
  const study = path.join(dir, "study3.json");
  await fs.writeFile(study, JSON.stringify(STUDY));
  const { lines, io } = output();
  expect(
    await runCli(
      [
        "rfm",
        transactions,
        "--clientele",
        "Région",
        "--study",
        study,
        "-o",
        path.join(dir, "o.json"),
      ],
      io
    )
  ).toBe(1);
  expect(lines.join("\n")).toContain("Région");
  expect(await runCli(["rfm", transactions, "-o", path.join(dir, "o.json")], io)).toBe(2);
});

it("leaves a segment whose clientèles bought nothing as it was", () => {
  const { study } = validateStudy(STUDY, "s.json");
  if (!study) throw new Error("invalid");
  const result = quantifySegments(
    { ...study, segments: [...(study.segments ?? []), emptySegment("Vide")] },
    [{ clientele: "familles", customers: 2, purchases: 6, amount: 60 }]
  );
  expect(result.segments).toEqual([{ segment: "Foyers", size: 2, frequency: 3, basket: 10 }]);
  expect(result.unquantified).toEqual(["Pros", "Vide"]);
});
