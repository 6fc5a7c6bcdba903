/**
 * rfm from transaction files: each kind of bad data is counted and said (never dropped silently),
 * every input format reads the same, and the workbook's segments follow an edited rule table once
 * LibreOffice recalculates it.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  DEFAULT_SEGMENT_RULES,
  NamedRule,
  rulesIn,
  scoreCustomers,
  scoresOfCustomers,
  segmentOf,
  summarise,
} from "../../src/analysis/rfm";
import { SourceProblems, readTransactions } from "../../src/hosts/data/transactions";
import { parseAmount, parseDay } from "../../src/analysis/rfm-rows";
import { runCli } from "../../src/cli/main";
import { rfmPlan, CUSTOMERS, RULE_ROWS } from "../../src/layout/sheets/rfm";
import { planToBuffer } from "../../src/hosts/xlsx/file";
import { PALETTES } from "../../src/method/colour";
import { recalculate } from "../support/libreoffice";
import fc from "fast-check";
import { customerTotals, isoOfDay } from "../../src/analysis/rfm";
import { day, transactionArbitrary } from "../support/rfm-data";

jest.setTimeout(180000);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sm-rfm-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const target = path.join(dir, name);
  await fs.writeFile(target, content);
  return target;
}

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

async function transactions(name: string, content: string, language: "fr" | "en" = "fr") {
  const read = await readTransactions(await file(name, content), { language });
  if (read.kind !== "transactions") throw new Error("read as scored");
  return read;
}

describe("bad data is counted and said", () => {
  it("blank ids, text amounts, unreadable dates: counted with an example, the rest scored", async () => {
    const read = await transactions(
      "bad.csv",
      "client,date,montant\nA,2025-01-02,10\n,2025-01-02,5\n  ,2025-01-03,5\nB,2025-01-02,dix\nB,2025-01-02,NaN\nC,hier,4\nC,2025-01-01,4\n"
    );
    expect(read.counts).toMatchObject({ rows: 7, blankIds: 2 });
    expect(read.counts.badAmounts.count).toBe(2);
    expect(["dix", "NaN"]).toContain(read.counts.badAmounts.example);
    expect(read.counts.badDates).toEqual({ count: 1, example: "hier" });
    expect(codes(read.problems)).toEqual(["rfm-blank-ids", "rfm-bad-amounts", "rfm-bad-dates"]);
    expect(read.problems[1].message.fr).toContain(`« ${read.counts.badAmounts.example} »`);
    expect(read.customers.map((c) => c.id).sort()).toEqual(["A", "C"]);
  });

  it("reads ISO, dd/mm/yyyy, dd.mm.yyyy and Excel serial dates, and says how 03/04/2025 was read", async () => {
    // 45658 is 2025-01-01 in Excel's count.
    const content =
      "Customer;Date;Amount\nA;2025-04-03;1\nB;03/04/2025;1\nC;03.04.2025;1\nD;45658;1\nE;2025-04-03 14:30:00;1\nF;25/12/2024;1\n";
    const fr = await transactions("dates.csv", content, "fr");
    const lastDay = (read: typeof fr, id: string) =>
      read.customers.find((c) => c.id === id)?.lastDay;
    expect(lastDay(fr, "A")).toBe(day("2025-04-03"));
    expect(lastDay(fr, "B")).toBe(day("2025-04-03"));
    expect(lastDay(fr, "C")).toBe(day("2025-04-03"));
    expect(lastDay(fr, "D")).toBe(day("2025-01-01"));
    expect(lastDay(fr, "E")).toBe(day("2025-04-03"));
    expect(lastDay(fr, "F")).toBe(day("2024-12-25"));
    expect(fr.counts.ambiguousDates).toEqual({ count: 1, example: "03/04/2025" });
    expect(codes(fr.problems)).toEqual(["rfm-ambiguous-dates"]);
    expect(fr.problems[0].message.fr).toContain("jour/mois/année");
    // In English, 03/04/2025 is March 4th; 25/12/2024 reads only one way.
    const en = await transactions("dates-en.csv", content, "en");
    expect(lastDay(en, "B")).toBe(day("2025-03-04"));
    expect(lastDay(en, "F")).toBe(day("2024-12-25"));
    expect(en.counts.badDates).toEqual({ count: 0 });
    expect(en.problems.find((p) => p.code === "rfm-ambiguous-dates")?.message.en).toContain(
      "month/day/year"
    );
  });

  it("counts dates outside 1900–2199, two-digit years and numbers outside the serial range as bad dates", async () => {
    const content =
      "id,date,amount\nA,2025-01-02,1\nB,9999-12-31,1\nC,0001-01-01,1\nD,03/04/25,1\nE,2025,1\nF,1899-12-31,1\nG,01.01.2200,1\nH,109575,1\nI,109574,1\nJ,1900-01-01,1\n";
    const read = await transactions("implausible.csv", content);
    // 109574 is 2199-12-31, the last serial read.
    expect(read.customers.map((c) => c.id)).toEqual(["A", "I", "J"]);
    expect(read.counts.badDates.count).toBe(7);
    // The analysis date stays the day after the last plausible transaction.
    expect(read.analysisDay).toBe(day("2200-01-01"));
    const bad = read.problems.find((p) => p.code === "rfm-bad-dates");
    expect(bad?.message.fr).toContain("1900 à 2199");
    const tsDays = ["9999-12-31", "0001-01-01", "03/04/25", "2025", 2025, "109575", 9999.5].map(
      (cell) => parseDay(cell, "fr")
    );
    expect(tsDays).toEqual(tsDays.map(() => undefined));
  });

  it("reads a dd/mm/yyyy date whose day is above 12 in either language, and only says the ambiguous ones", async () => {
    const content =
      "id,date,amount\nA,13/04/2025,1\nB,04/13/2025,1\nC,03/04/2025,1\nD,13/13/2025,1\n";
    for (const language of ["fr", "en"] as const) {
      const read = await transactions(`order-${language}.csv`, content, language);
      const lastDay = (id: string) => read.customers.find((c) => c.id === id)?.lastDay;
      expect(lastDay("A")).toBe(day("2025-04-13"));
      expect(lastDay("B")).toBe(day("2025-04-13"));
      expect(lastDay("C")).toBe(day(language === "fr" ? "2025-04-03" : "2025-03-04"));
      expect(read.counts.ambiguousDates).toEqual({ count: 1, example: "03/04/2025" });
      expect(read.counts.badDates).toEqual({ count: 1, example: "13/13/2025" });
      expect(parseDay("13/04/2025", language)).toBe(day("2025-04-13"));
      expect(parseDay("04/13/2025", language)).toBe(day("2025-04-13"));
    }
  });

  it("nets returns per customer, keeps exact duplicates and says both", async () => {
    const read = await transactions(
      "returns.csv",
      'id,date,amount\nA,2025-01-01,100\nA,2025-01-05,-30\nB,2025-01-02,"12,50"\nB,2025-01-02,"12,50"\nC,2025-01-03,-5\n'
    );
    expect(read.counts).toMatchObject({ returns: 2, duplicates: 1, returnsOnly: 1 });
    expect(codes(read.problems)).toEqual(["rfm-returns", "rfm-duplicates", "rfm-returns-only"]);
    const a = read.customers.find((c) => c.id === "A");
    // The return is deducted, not a purchase, and the last purchase stays the 1st.
    expect(a).toEqual({ id: "A", lastDay: day("2025-01-01"), frequency: 1, monetary: 70 });
    expect(read.customers.find((c) => c.id === "B")).toMatchObject({ frequency: 2, monetary: 25 });
  });

  it("leaves out a line with a field missing or one too many, early or late, naming the first", async () => {
    const early = await transactions(
      "ragged.csv",
      "client,date,montant\nA,2025-01-01,5\nB,2025-01-02\nC,2025-01-03,6,extra\nC,2025-01-04,7\n",
      "en"
    );
    expect(early.customers.map((c) => [c.id, c.frequency, c.monetary])).toEqual([
      ["A", 1, 5],
      ["C", 1, 7],
    ]);
    const said = early.problems.find((p) => p.code === "rfm-malformed-lines");
    expect(said?.message.en).toBe(
      '2 lines do not have as many fields as the header line (the first: line 3, "B,2025-01-02"): they are not counted; correct them in the file'
    );
    // Beyond the lines the engine samples to find the columns: still one line, not the whole file.
    const body = Array.from(
      { length: 30000 },
      (_, i) => `K${i % 50},2025-01-0${1 + (i % 9)},${i % 7}`
    );
    const late = await transactions(
      "ragged-late.csv",
      ["client,date,montant", ...body, "X,2025-01-05", "Y,2025-01-05,3"].join("\n") + "\n"
    );
    expect(late.customers).toHaveLength(51);
    expect(late.problems.find((p) => p.code === "rfm-malformed-lines")?.message.fr).toBe(
      "la ligne 30002 n'a pas autant de champs que la ligne d'en-tête (« X,2025-01-05 ») : elle n'est pas comptée ; corrigez-la dans le fichier"
    );
  });

  it("counts as duplicates only rows it keeps: a repeated row left out is said once, as left out", async () => {
    const read = await readTransactions(
      await file(
        "dup-left-out.csv",
        "client,date,montant\n,2025-01-02,5\n,2025-01-02,5\nB,2025-01-02,dix\nB,2025-01-02,dix\nC,2025-03-05,4\nC,2025-03-05,4\nD,2025-01-03,7\nD,2025-01-03,7\n"
      ),
      { language: "fr", analysisDate: "2025-03-01" }
    );
    if (read.kind !== "transactions") throw new Error("read as scored");
    expect(read.counts).toMatchObject({ duplicates: 1, blankIds: 2, afterAnalysis: 2 });
    expect(read.counts.badAmounts.count).toBe(2);
    expect(read.customers).toEqual([
      { id: "D", lastDay: day("2025-01-03"), frequency: 2, monetary: 14 },
    ]);
  });

  it("reads a Windows (Latin-1) export with its accents, and says so", async () => {
    const latin1 = Buffer.from(
      "Client;Date;Montant\nCéline;2025-01-02;10\nBenoît;2025-01-03;5\n",
      "latin1"
    );
    const read = await readTransactions(await file("latin1.csv", latin1), { language: "fr" });
    if (read.kind !== "transactions") throw new Error("scored");
    expect(codes(read.problems)).toEqual(["rfm-latin1"]);
    expect(read.customers.map((c) => c.id).sort()).toEqual(["Benoît", "Céline"]);
  });

  it("reads amounts with a decimal comma, thousands separators, spaces and currency signs", async () => {
    const read = await transactions(
      "amounts.csv",
      'id;date;amount\nA;2025-01-01;12,50\nB;2025-01-01;1.234,50\nC;2025-01-01;"1,234.50"\nD;2025-01-01;1 234,50 €\nE;2025-01-01;$7\nF;2025-01-01;-3,25\nF;2025-01-01;10\n'
    );
    const amounts = Object.fromEntries(read.customers.map((c) => [c.id, c.monetary]));
    expect(amounts).toEqual({ A: 12.5, B: 1234.5, C: 1234.5, D: 1234.5, E: 7, F: 6.75 });
    expect(read.counts.badAmounts.count).toBe(0);
  });

  it("reads 1,234 as 1.234 in French and refuses it as ambiguous in English, saying why", async () => {
    const content =
      'id,date,amount\nA,2025-01-01,"1,234"\nB,2025-01-01,"1,234.50"\nC,2025-01-01,"12,5"\nD,2025-01-01,"1,234,567"\n';
    const fr = await transactions("comma-fr.csv", content, "fr");
    const amounts = (read: typeof fr) =>
      Object.fromEntries(read.customers.map((c) => [c.id, c.monetary]));
    expect(amounts(fr)).toEqual({ A: 1.234, B: 1234.5, C: 12.5, D: 1234567 });
    const en = await transactions("comma-en.csv", content, "en");
    expect(amounts(en)).toEqual({ B: 1234.5, C: 12.5, D: 1234567 });
    expect(en.counts.badAmounts).toEqual({ count: 1, example: "1,234" });
    expect(en.problems.find((p) => p.code === "rfm-bad-amounts")?.message.en).toContain(
      "reads two ways"
    );
    expect(parseAmount("1,234", "en")).toBeUndefined();
    expect(parseAmount("1,234", "fr")).toBe(1.234);
  });

  it("says one row in the singular, a blank example as (blank), and a broken Parquet file in plain words", async () => {
    const read = await transactions(
      "one-bad.csv",
      "client,date,montant\nA,2025-01-01,5\nB,2025-01-01,\nB,2025-01-02,-2\nB,2025-01-02,4\nC,2025-01-01,5\nC,2025-01-01,5\n"
    );
    const message = (code: string) => read.problems.find((p) => p.code === code)?.message;
    expect(message("rfm-bad-amounts")?.fr).toMatch(
      /^1 ligne dont .*par exemple \(vide\)\) n'est pas comptée$/
    );
    expect(message("rfm-bad-amounts")?.en).toMatch(
      /^1 row whose .*for example \(blank\)\) is not counted$/
    );
    expect(message("rfm-returns")?.fr).toMatch(/^1 montant négatif \(un retour\) est déduit/);
    expect(message("rfm-duplicates")?.fr).toMatch(/^1 ligne répète/);
    const parquet = await file("broken.parquet", "id,date,amount\n");
    const failure = await readTransactions(parquet, { language: "fr" }).catch((f: unknown) => f);
    expect(failure).toBeInstanceOf(SourceProblems);
    expect((failure as SourceProblems).problems[0].message.fr).toContain(
      "ce n'est pas un fichier Parquet ; moteur :"
    );
  });

  it("says a single customer scores 111", async () => {
    const read = await transactions(
      "one.csv",
      "client,date,montant\nX,2025-01-01,5\nX,2025-01-02,6\n"
    );
    expect(codes(read.problems)).toEqual(["rfm-single-customer"]);
    const rows = scoreCustomers(
      read.customers,
      read.analysisDay,
      rulesIn(DEFAULT_SEGMENT_RULES, "fr")
    );
    expect(rows).toEqual([
      expect.objectContaining({ id: "X", recency: 1, frequency: 2, code: "111" }),
    ]);
  });

  it("counts the transactions on or after a given analysis date", async () => {
    const read = await readTransactions(
      await file(
        "dated.csv",
        "client,date,montant\nA,2025-01-01,5\nA,2025-02-01,6\nB,2025-03-01,1\n"
      ),
      { language: "fr", analysisDate: "2025-02-01" }
    );
    if (read.kind !== "transactions") throw new Error("scored");
    expect(read.counts.afterAnalysis).toBe(2);
    expect(read.customers).toEqual([
      { id: "A", lastDay: day("2025-01-01"), frequency: 1, monetary: 5 },
    ]);
  });

  it("refuses an empty file, a header alone, a file that is not a table and missing columns", async () => {
    const problemsOf = async (name: string, content: string | Buffer) => {
      try {
        const read = await readTransactions(await file(name, content), { language: "fr" });
        return codes(read.problems);
      } catch (failure) {
        if (failure instanceof SourceProblems) return codes(failure.problems);
        throw failure;
      }
    };
    expect(await problemsOf("empty.csv", "")).toEqual(["rfm-empty"]);
    expect(await problemsOf("header.csv", "client,date,montant\n")).toEqual(["rfm-empty"]);
    expect(await problemsOf("binary.csv", Buffer.from([0, 1, 2, 255, 254, 0, 10, 3]))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^rfm-(not-table|column-missing)$/)])
    );
    expect(await problemsOf("nodate.csv", "client,montant\nA,5\n")).toEqual(["rfm-column-missing"]);
    expect(await problemsOf("all-bad.csv", "client,date,montant\n,x,y\n")).toContain(
      "rfm-no-customers"
    );
  });
});

it("refuses a per-customer result's repeated id, fractional or negative recency and frequency below 1, naming the row", async () => {
  const read = await readTransactions(
    await file(
      "scored-bad.csv",
      "customer_id,recency,frequency,monetary,r,f,m\nA,3,2,10.5,5,5,5\nA,4,1,1,1,1,1\nB,1.5,1,1,1,1,1\nC,-1,1,1,1,1,1\nD,2,0,1,1,1,1\nE,2,-1,1,1,1,1\nF,0,1,2,1,1,1\n"
    ),
    { language: "fr" }
  );
  if (read.kind !== "scored") throw new Error("read as transactions");
  expect(read.rows.map((row) => row.id)).toEqual(["A", "F"]);
  const fr = read.problems.map((p) => p.message.fr);
  expect(fr).toEqual([
    expect.stringMatching(/^ligne 3 du résultat SQL : le client « A » y est déjà, ligne 2/),
    expect.stringMatching(/^ligne 4 du résultat SQL : récence « 1\.5 »/),
    expect.stringMatching(/^ligne 5 du résultat SQL : récence « -1 »/),
    expect.stringMatching(/^ligne 6 du résultat SQL : fréquence « 0 »/),
    expect.stringMatching(/^ligne 7 du résultat SQL : fréquence « -1 »/),
  ]);
  expect(read.problems[1].message.en).toMatch(/^row 4 of the SQL result: recency "1\.5"/);
});

describe("formats", () => {
  const rows = [
    ["Code client", "Date d'achat", "Montant TTC"],
    ["A", "2025-01-02", "10"],
    ["B", "2025-01-03", "20.5"],
    ["A", "2025-01-04", "5"],
  ];
  const expected = [
    { id: "A", lastDay: day("2025-01-04"), frequency: 2, monetary: 15 },
    { id: "B", lastDay: day("2025-01-03"), frequency: 1, monetary: 20.5 },
  ];
  const sorted = (read: Awaited<ReturnType<typeof readTransactions>>) =>
    read.kind === "transactions"
      ? [...read.customers].sort((x, y) => x.id.localeCompare(y.id))
      : [];

  it("guesses French headers in a TSV, reads Parquet and the first sheet of an .xlsx alike", async () => {
    const tsv = await file("t.tsv", rows.map((r) => r.join("\t")).join("\n") + "\n");
    const fromTsv = await readTransactions(tsv, { language: "fr" });
    expect(fromTsv.kind === "transactions" && fromTsv.columns).toEqual({
      id: "Code client",
      date: "Date d'achat",
      amount: "Montant TTC",
    });
    expect(sorted(fromTsv)).toEqual(expected);

    const parquet = path.join(dir, "t.parquet");
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(
      `copy (select "Code client" as customer, cast("Date d'achat" as date) as date, cast("Montant TTC" as double) as amount from read_csv('${tsv}', delim='\\t', header=true, all_varchar=true)) to '${parquet}' (format parquet)`
    );
    connection.closeSync();
    instance.closeSync();
    expect(sorted(await readTransactions(parquet, { language: "fr" }))).toEqual(expected);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ventes");
    sheet.addRow(rows[0]);
    // A real date cell, a number amount, a text date.
    sheet.addRow(["A", new Date(Date.UTC(2025, 0, 2)), 10]);
    sheet.addRow(["B", "2025-01-03", 20.5]);
    sheet.addRow(["A", new Date(Date.UTC(2025, 0, 4)), 5]);
    workbook.addWorksheet("Autre").addRow(["x"]);
    const xlsx = path.join(dir, "t.xlsx");
    await workbook.xlsx.writeFile(xlsx);
    expect(sorted(await readTransactions(xlsx, { language: "fr" }))).toEqual(expected);
  });

  it("reads the first tab with rows (not the first part), a table starting in column C with a blank header cell, and says which sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    // The first part of the file, but the second tab.
    const other = workbook.addWorksheet("Autre");
    other.addRow(["client", "date", "montant"]);
    other.addRow(["Z", "2025-01-01", 1]);
    const sales = workbook.addWorksheet("Ventes");
    sales.getCell("C3").value = "client";
    sales.getCell("D3").value = "date";
    // E3 left blank: a column without a header.
    sales.getCell("F3").value = "montant";
    sales.getCell("C4").value = "A";
    sales.getCell("D4").value = "2025-01-02";
    sales.getCell("E4").value = "note";
    sales.getCell("F4").value = 10;
    sales.getCell("C5").value = "B";
    sales.getCell("D5").value = new Date(Date.UTC(2025, 0, 3));
    sales.getCell("F5").value = 20.5;
    // The tab order ExcelJS writes (its typings omit the field).
    (sales as unknown as { orderNo: number }).orderNo = 0;
    (other as unknown as { orderNo: number }).orderNo = 1;
    const xlsx = path.join(dir, "tabs.xlsx");
    await workbook.xlsx.writeFile(xlsx);
    const read = await readTransactions(xlsx, { language: "fr" });
    expect(sorted(read)).toEqual([
      { id: "A", lastDay: day("2025-01-02"), frequency: 1, monetary: 10 },
      { id: "B", lastDay: day("2025-01-03"), frequency: 1, monetary: 20.5 },
    ]);
    expect(read.problems.find((p) => p.code === "rfm-sheet-read")?.message.fr).toContain(
      "« Ventes »"
    );

    // An empty first tab: the next one with rows is read, and named.
    const second = new ExcelJS.Workbook();
    second.addWorksheet("Vide");
    second.addWorksheet("Données").addRows(rows);
    const emptyFirst = path.join(dir, "empty-first.xlsx");
    await second.xlsx.writeFile(emptyFirst);
    const fromSecond = await readTransactions(emptyFirst, { language: "en" });
    expect(sorted(fromSecond)).toEqual(expected);
    expect(fromSecond.problems.find((p) => p.code === "rfm-sheet-read")?.message.en).toContain(
      '"Données"'
    );
  });

  it("passes over a title and notes above a sheet's table, and says from which row it read", async () => {
    const workbook = new ExcelJS.Workbook();
    const sales = workbook.addWorksheet("Ventes");
    sales.getCell("A1").value = "Ventes 2025 — export du 3 janvier";
    sales.getCell("A2").value = "Source : caisse";
    sales.getCell("B2").value = "montants TTC";
    sales.addRow([]);
    sales.getRow(4).values = ["client", "date", "montant"];
    sales.getRow(5).values = ["A", "2025-01-02", 10];
    sales.getRow(6).values = ["B", "2025-01-03", 20];
    const xlsx = path.join(dir, "titled.xlsx");
    await workbook.xlsx.writeFile(xlsx);
    const read = await readTransactions(xlsx, { language: "fr" });
    expect(sorted(read)).toEqual([
      { id: "A", lastDay: day("2025-01-02"), frequency: 1, monetary: 10 },
      { id: "B", lastDay: day("2025-01-03"), frequency: 1, monetary: 20 },
    ]);
    expect(read.problems.find((p) => p.code === "rfm-header-below")?.message.en).toBe(
      'sheet "Ventes": rows 1 to 3 (a title, notes: fewer than three cells filled) passed over; the header line read is row 4'
    );

    // A table whose rows are all narrow keeps its first row as the header, and says nothing.
    const narrow = new ExcelJS.Workbook();
    narrow.addWorksheet("Étroite").addRows([
      ["client", "date"],
      ["A", "2025-01-02"],
    ]);
    const narrowFile = path.join(dir, "narrow.xlsx");
    await narrow.xlsx.writeFile(narrowFile);
    await expect(readTransactions(narrowFile, { language: "en" })).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: "rfm-column-missing" })],
    });
  });

  it("takes the columns named with --columns", async () => {
    const csv = await file("named.csv", "a,b,c,d\nX,2025-01-01,3,9\n");
    const read = await readTransactions(csv, {
      language: "en",
      columns: { id: "a", date: "b", amount: "d" },
    });
    expect(read.kind === "transactions" && read.customers).toEqual([
      { id: "X", lastDay: day("2025-01-01"), frequency: 1, monetary: 9 },
    ]);
  });
});

describe("the workbook", () => {
  it("is written by the command, and refuses to replace a file it did not write", async () => {
    const csv = await file("cli.csv", "client;date;montant\nA;02/01/2025;10\nB;03/01/2025;20\n");
    const out = path.join(dir, "cli.xlsx");
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runCli(["rfm", csv, "-o", out, "--lang", "fr"], io)).toBe(0);
    expect(lines.join("\n")).toContain(
      "2 clients, 2 lignes lues (identifiant « client », date « date », montant « montant »), date d'analyse 2025-01-04"
    );
    // Written again over its own workbook: allowed.
    expect(await runCli(["rfm", csv, "-o", out, "--lang", "fr"], io)).toBe(0);
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Budget").addRow(["a consultant's own workbook"]);
    const foreign = path.join(dir, "foreign.xlsx");
    await other.xlsx.writeFile(foreign);
    expect(await runCli(["rfm", csv, "-o", foreign], io)).toBe(1);
    expect(await runCli(["rfm", csv, "-o", path.join(dir, "x.json")], io)).toBe(2);
    // A study's working workbook is never replaced, --force or not.
    const study = path.join(dir, "study.xlsx");
    const example = path.join(__dirname, "..", "..", "examples", "exemple-incubateur.json");
    expect(await runCli(["build", example, "-o", study], io)).toBe(0);
    lines.length = 0;
    expect(await runCli(["rfm", csv, "-o", study, "--force", "--lang", "en"], io)).toBe(1);
    expect(lines.join("\n")).toContain("holds a study");
  });

  it("refuses one column for two roles, a role given twice, and an id too long for a cell", async () => {
    const csv = await file("roles.csv", "client,date,montant\nA,2025-01-02,10\n");
    const lines: string[] = [];
    const io = { out: () => undefined, err: (l: string) => lines.push(l) };
    const out = path.join(dir, "roles.xlsx");
    const run = (...more: string[]) => runCli(["rfm", csv, "-o", out, "--lang", "en", ...more], io);
    expect(await run("--columns", "id=client,date=Client,amount=montant")).toBe(2);
    expect(lines.join("\n")).toContain("each role needs its own column");
    expect(await run("--columns", "id=client,id=date")).toBe(2);
    expect(lines.join("\n")).toContain("id is given twice");
    const long = await file(
      "long-id.csv",
      `client,date,montant\n${"x".repeat(40000)},2025-01-02,10\nB,2025-01-02,5\n`
    );
    lines.length = 0;
    expect(await runCli(["rfm", long, "-o", path.join(dir, "long.xlsx"), "--lang", "en"], io)).toBe(
      1
    );
    expect(lines.join("\n")).toContain("40,000 characters long, beyond the 32,767");
    await expect(fs.access(path.join(dir, "long.xlsx"))).rejects.toThrow();
  });

  it("says every message of a run in one language: --lang, else the environment's", async () => {
    const bad = await file(
      "lang-bad.csv",
      "client,date,montant\nA,2025-01-02,dix\nA,2025-01-03,5\nB,2025-01-03,5\n"
    );
    const header = await file("lang-header.csv", "client,date,montant\n");
    const saved = {
      LANG: process.env.LANG,
      LC_ALL: process.env.LC_ALL,
      LC_MESSAGES: process.env.LC_MESSAGES,
    };
    const said = async (input: string, ...more: string[]) => {
      const lines: string[] = [];
      const io = { out: () => undefined, err: (l: string) => lines.push(l) };
      await runCli(["rfm", input, "-o", path.join(dir, "lang.xlsx"), "--force", ...more], io);
      return lines.join("\n");
    };
    try {
      delete process.env.LC_ALL;
      delete process.env.LC_MESSAGES;
      process.env.LANG = "en_US.UTF-8";
      expect(await said(bad)).toContain("1 row whose amount is not a number");
      expect(await said(header)).toContain("no transactions");
      process.env.LANG = "fr_FR.UTF-8";
      expect(await said(bad)).toContain("1 ligne dont le montant");
      expect(await said(header)).toContain("aucune transaction");
      expect(await said(header, "--lang", "en")).toContain("no transactions");
    } finally {
      for (const [key, value] of Object.entries(saved))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
  });

  it("keeps SM_RFM's columns and its segments follow the edited rule table once LibreOffice recalculates", async () => {
    const customers = [
      { id: "a", lastDay: 100, frequency: 10, monetary: 1000 },
      { id: "b", lastDay: 99, frequency: 6, monetary: 400 },
      { id: "c", lastDay: 10, frequency: 1, monetary: 50 },
      { id: "d", lastDay: 50, frequency: 2, monetary: 150 },
      { id: "e", lastDay: 90, frequency: 1, monetary: 10 },
      { id: "f", lastDay: 20, frequency: 8, monetary: 900 },
    ];
    const rules = rulesIn(DEFAULT_SEGMENT_RULES, "en");
    const rows = scoreCustomers(customers, 101, rules);
    const plan = rfmPlan({
      rows,
      rules,
      analysisDay: 101,
      firstDay: 0,
      language: "en",
      palette: PALETTES.default,
    });
    // The consultant's edit: two rules, the first covering only R 4–5; the cached segments stay old.
    const edited: NamedRule[] = [
      { name: "Recent", r: [4, 5], f: [1, 5] },
      { name: "Everyone else", r: [1, 5], f: [1, 5] },
    ];
    const customersSheet = plan.sheets[0];
    const ruleBlock = customersSheet.blocks.find(
      (b) => b.col === CUSTOMERS.rulesCol && b.row === CUSTOMERS.firstRow
    );
    if (!ruleBlock) throw new Error("no rule block");
    expect(ruleBlock.values).toHaveLength(RULE_ROWS);
    ruleBlock.values = ruleBlock.values.map((_, i) => {
      const rule = edited[i];
      return rule
        ? [
            { kind: "text", text: rule.name },
            { kind: "number", value: rule.r[0] },
            { kind: "number", value: rule.r[1] },
            { kind: "number", value: rule.f[0] },
            { kind: "number", value: rule.f[1] },
          ]
        : [null, null, null, null, null];
    });
    const built = path.join(dir, "edited.xlsx");
    await fs.writeFile(built, await planToBuffer(plan));
    const recalculated = await recalculate(built);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(recalculated);
    const sheet = workbook.getWorksheet("RFM customers");
    if (!sheet) throw new Error("no sheet");
    const header = (sheet.getRow(CUSTOMERS.headerRow).values as unknown[]).slice(1, 10);
    expect(header).toEqual([
      "Customer",
      "Recency (days)",
      "Frequency",
      "Monetary",
      "R",
      "F",
      "M",
      "RFM code",
      "Segment",
    ]);
    const value = (cell: ExcelJS.Cell) =>
      typeof cell.value === "object" && cell.value !== null && "formula" in cell.value
        ? (cell.value as { result?: unknown }).result
        : cell.value;
    const got = rows.map((_, i) => {
      const line = sheet.getRow(CUSTOMERS.firstRow + i);
      return [value(line.getCell(1)), value(line.getCell(8)), value(line.getCell(9))];
    });
    const want = rows.map((row) => [row.id, row.code, segmentOf(row.r, row.f, edited)]);
    expect(got).toEqual(want);
    // Both names occur: the edit did change segments, and the first rule won where both hold.
    expect(new Set(want.map((w) => w[2]))).toEqual(new Set(["Recent", "Everyone else"]));

    // The summary follows too: its customers per segment are the recalculated ones.
    const summary = workbook.getWorksheet("RFM summary");
    if (!summary) throw new Error("no summary");
    const relabelled = rows.map((row) => ({ ...row, segment: segmentOf(row.r, row.f, edited) }));
    const expected = summarise(relabelled, edited, 101);
    for (const [i, line] of expected.entries()) {
      const row = summary.getRow(5 + i);
      expect([value(row.getCell(1)), value(row.getCell(2)), value(row.getCell(4))]).toEqual([
        line.segment,
        line.customers,
        line.revenue,
      ]);
    }
    // The R × F grid's counts add up to the customers.
    let gridTotal = 0;
    for (let k = 0; k < 5; k++)
      for (let f = 0; f < 5; f++)
        // LibreOffice leaves a zero result out of the file.
        gridTotal += Number(value(summary.getRow(22 + k).getCell(2 + f)) ?? 0);
    expect(gridTotal).toBe(rows.length);
  });
});

it("reads any random transactions file into the totals the TypeScript rule computes", async () => {
  await fc.assert(
    fc.asyncProperty(transactionArbitrary, async (transactions) => {
      const csv =
        "id;date;montant\n" +
        transactions
          .map((t) => `${t.customerId};${isoOfDay(t.day)};${String(t.amount).replace(".", ",")}`)
          .join("\n") +
        "\n";
      const read = await readTransactions(await file("random.csv", csv), { language: "fr" });
      if (read.kind !== "transactions") throw new Error("scored");
      const expected = customerTotals(transactions, read.analysisDay);
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect([...read.customers].sort(byId)).toEqual([...expected.customers].sort(byId));
      expect(read.counts.returnsOnly).toBe(expected.returnsOnly.length);
      // DuckDB's scores (window ranks) are the TypeScript rule's.
      expect(read.scores).toEqual(scoresOfCustomers(read.customers, read.analysisDay));
    }),
    { numRuns: 25 }
  );
});
