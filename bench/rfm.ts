/**
 * RFM figures for `npm run bench` (printed, never asserted): a generated transactions CSV through
 * the CLI's `rfm` in its own process (wall time, CPU, peak resident memory, DuckDB included), the
 * DuckDB read alone in process, the pandas reference on the same file where Debian's python3-pandas
 * is installed (its time, and whether every customer's figures and scores agree with ours), and
 * the writing of 250,000 customers' rows in process (time, file size).
 * And 1,000,000 rows selected in Excel over the recording fake: the pane's syncs, largest request
 * and response, and the time to score them in TypeScript; then 250,000 customers' RFM sheets
 * written by the pane through the Office.js host (syncs, bytes sent, largest request).
 *   SM_BENCH_RFM_ROWS=1000000 npm run bench   a smaller file (default 10,000,000 rows)
 *   SM_BENCH_RFM_PANE_ROWS=100000 npm run bench   fewer rows selected (default 1,000,000)
 *   SM_BENCH_RFM_ONLY=pane npx tsx bench/rfm.ts   the pane's read, scoring and write only
 */
import { execFile } from "child_process";
import { createWriteStream, promises as fs } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import { promisify } from "util";
import {
  CustomerTotals,
  DEFAULT_SEGMENT_RULES,
  rulesIn,
  scoreCustomers,
} from "../src/analysis/rfm";
import { rfmPlan } from "../src/layout/sheets/rfm";
import { planToBuffer } from "../src/hosts/xlsx/file";
import { TransactionsRead, readTransactions } from "../src/hosts/data/transactions";
import { rfmFromRows } from "../src/analysis/rfm-rows";
import { readSelectedTransactions } from "../src/hosts/excel/rfm-read";
import { FakeExcel } from "../test/support/fake-excel";
import { createExcelHost } from "../src/hosts/excel/excel-host";
import { withNavigation } from "../src/hosts/excel/navigation";
import { PALETTES } from "../src/method/colour";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "dist-cli", "segment-matrix.js");
const MEASURE = path.join(ROOT, "dist-bench", "measure.js");
const CUSTOMERS = 250_000;

/** A fixed-seed generator: the same file every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export async function writeTransactions(file: string, rows: number): Promise<number> {
  const next = random(15);
  const out = createWriteStream(file);
  const start = Date.UTC(2023, 0, 1) / 86400000;
  out.write("customer_id,date,amount\n");
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const id = Math.floor(next() * next() * CUSTOMERS);
    const day = start + Math.floor(next() * 730);
    const amount = (Math.floor(next() * 20000) - 500) / 100;
    chunk += `C${id},${new Date(day * 86400000).toISOString().slice(0, 10)},${amount}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk))
        await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return (await fs.stat(file)).size;
}

const PANDAS = `
import sys, time, pandas as pd
t = time.time()
d = pd.read_csv(sys.argv[1], dtype={"customer_id": str})
d["date"] = pd.to_datetime(d["date"]).dt.normalize()
analysis = d["date"].max() + pd.Timedelta(days=1)
buy = d[d["amount"] >= 0]
g = pd.DataFrame({
  "recency": (analysis - buy.groupby("customer_id")["date"].max()).dt.days,
  "frequency": buy.groupby("customer_id").size(),
  "monetary": d.groupby("customer_id")["amount"].sum().round(6),
}).dropna()
g["recency"] = g["recency"].astype(int)
g["frequency"] = g["frequency"].astype(int)
n = len(g)
for col, key in (("r", -g["recency"]), ("f", g["frequency"]), ("m", g["monetary"])):
  g[col] = 1 + (5 * (key.rank(method="min") - 1) // n).astype(int)
g.to_csv(sys.argv[2], index_label="customer_id")
print(time.time() - t)
`;

/**
 * The customers on which pandas and the product differ (id: what each says), both ways: a
 * customer only one of them scores differs too.
 */
function compareWithPandas(read: TransactionsRead, referenceCsv: string): string[] {
  const ours = new Map(
    read.customers.map((c, i) => {
      const { r, f, m } = read.scores[i];
      return [c.id, [read.analysisDay - c.lastDay, c.frequency, c.monetary, r, f, m].join(",")];
    })
  );
  const lines = referenceCsv.trim().split("\n");
  const header = lines[0].split(",");
  const at = (name: string) => header.indexOf(name);
  const columns = ["recency", "frequency", "monetary", "r", "f", "m"].map(at);
  const differences: string[] = [];
  const seen = new Set<string>();
  for (const line of lines.slice(1)) {
    const cells = line.split(",");
    const id = cells[at("customer_id")];
    seen.add(id);
    const theirs = columns.map((k) => Number(cells[k])).join(",");
    if (ours.get(id) !== theirs) differences.push(`${id}: pandas ${theirs}, ours ${ours.get(id)}`);
  }
  for (const id of ours.keys()) if (!seen.has(id)) differences.push(`${id}: not in pandas`);
  return differences;
}

/**
 * 1,000,000 rows selected in Excel, over the recording fake: the pane's read (syncs, largest
 * request and response) and the TypeScript scoring. The fake's own time is in the read's.
 */
export async function benchPaneReadOnly(): Promise<void> {
  const rows = Number(process.env.SM_BENCH_RFM_PANE_ROWS ?? 1_000_000);
  console.log(
    `\n== rfm in the pane: ${rows.toLocaleString("en-US")} rows selected (recording fake)`
  );
  const excel = new FakeExcel(["Ventes"]);
  const next = random(21);
  const start = Date.UTC(2023, 0, 1) / 86400000;
  const cells: (string | number)[][] = [["Client", "Date", "Montant"]];
  for (let i = 0; i < rows; i++)
    cells.push([
      `C${Math.floor(next() * next() * CUSTOMERS)}`,
      25569 + start + Math.floor(next() * 730),
      (Math.floor(next() * 20000) - 500) / 100,
    ]);
  excel.setCells("Ventes", "A1", cells);
  excel.select("Ventes", "A:C");
  excel.resetCounters();
  const began = performance.now();
  const read = await excel.run((context) => readSelectedTransactions(context));
  const readAt = performance.now();
  const scored = rfmFromRows(read.rows, { id: 0, date: 1, amount: 2 }, { language: "fr" });
  const scoredAt = performance.now();
  console.log(
    `   read: ${read.syncs} syncs, largest request ${excel.maxRequestBytes} B, largest response ` +
      `${(excel.maxResponseBytes / 1048576).toFixed(2)} MiB, ${((readAt - began) / 1000).toFixed(2)} s (fake included); ` +
      `scored in TypeScript in ${((scoredAt - readAt) / 1000).toFixed(2)} s, ${scored.customers.length} customers`
  );
  await benchPaneWrite();
}

/**
 * 250,000 customers' RFM sheets written by the pane through the Office.js host, over the recording
 * fake: syncs, bytes sent, largest request, time (the fake's own included), on ExcelApi 1.9 and 1.8.
 */
export async function benchPaneWrite(): Promise<void> {
  const next = random(7);
  const totals: CustomerTotals[] = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: `C${i}`,
    lastDay: 19000 + Math.floor(next() * 700),
    frequency: 1 + Math.floor(next() * next() * 40),
    monetary: Math.round(next() * 500000) / 100,
  }));
  const rules = rulesIn(DEFAULT_SEGMENT_RULES, "fr");
  const rows = scoreCustomers(totals, 19700, rules);
  const plan = rfmPlan({
    rows,
    rules,
    analysisDay: 19700,
    firstDay: 19000,
    language: "fr",
    palette: PALETTES.default,
  });
  for (const api of ["1.9", "1.8"] as const) {
    const excel = new FakeExcel(["Ventes"], { api });
    const options = { run: excel.run, isSetSupported: excel.isSetSupported };
    const host = withNavigation(createExcelHost(options), options);
    excel.resetCounters();
    const began = performance.now();
    await host.writeRfmSheets(plan);
    const ms = performance.now() - began;
    const sent = excel.requestBytes.reduce((sum, bytes) => sum + bytes, 0);
    console.log(
      `   pane write, ${CUSTOMERS.toLocaleString("en-US")} customers (ExcelApi ${api}): ${excel.syncs} syncs, ` +
        `${(sent / 1048576).toFixed(1)} MiB sent, largest request ${excel.maxRequestBytes} B, ` +
        `${(ms / 1000).toFixed(2)} s (fake included)`
    );
  }
}

export async function benchRfm(): Promise<void> {
  await benchPaneReadOnly();
  if (process.env.SM_BENCH_RFM_ONLY === "pane") return;
  const rows = Number(process.env.SM_BENCH_RFM_ROWS ?? 10_000_000);
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "sm-bench-rfm-"));
  try {
    console.log(`\n== rfm: ${rows.toLocaleString("en-US")} transaction rows (CSV) through the CLI`);
    const csv = path.join(scratch, "transactions.csv");
    const generated = performance.now();
    const bytes = await writeTransactions(csv, rows);
    console.log(
      `   generated ${(bytes / 1048576).toFixed(0)} MiB in ${((performance.now() - generated) / 1000).toFixed(1)} s`
    );
    const report = path.join(scratch, "report.json");
    const out = path.join(scratch, "rfm.xlsx");
    const start = performance.now();
    let failure = "";
    try {
      await run(process.execPath, ["--require", MEASURE, CLI, "rfm", csv, "-o", out, "--force"], {
        env: { ...process.env, SM_BENCH_REPORT: report, LANG: "C" },
        timeout: 20 * 60 * 1000,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      failure = ` (failed: ${(error as Error).message.split("\n")[0]})`;
    }
    const wall = performance.now() - start;
    const figures = JSON.parse(await fs.readFile(report, "utf8").catch(() => "{}")) as {
      cpuMs?: number;
      maxRssKiB?: number;
    };
    const size = await fs
      .stat(out)
      .then((s) => s.size)
      .catch(() => NaN);
    console.log(
      `   CLI rfm: ${(wall / 1000).toFixed(2)} s wall, ${((figures.cpuMs ?? NaN) / 1000).toFixed(2)} s CPU, ` +
        `peak ${((figures.maxRssKiB ?? NaN) / 1024).toFixed(0)} MiB, workbook ${(size / 1048576).toFixed(1)} MiB${failure}`
    );
    // In process, not timed against the goal: the DuckDB read alone, and the rows to compare.
    const readStart = performance.now();
    const cpuStart = process.cpuUsage();
    const read = await readTransactions(csv, { language: "en" });
    const cpu = process.cpuUsage(cpuStart);
    console.log(
      `   in process, DuckDB read and score alone: ${((performance.now() - readStart) / 1000).toFixed(2)} s wall, ` +
        `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${read.kind === "transactions" ? read.customers.length : 0} customers`
    );
    let pandas = true;
    try {
      await run("/usr/bin/python3", ["-c", "import pandas"]);
    } catch {
      pandas = false;
      console.log("   pandas reference: skipped (no python3-pandas for /usr/bin/python3)");
    }
    if (pandas && read.kind === "transactions") {
      const reference = path.join(scratch, "pandas.csv");
      const { stdout } = await run("/usr/bin/python3", ["-c", PANDAS, csv, reference], {
        timeout: 20 * 60 * 1000,
      });
      const disagreements = compareWithPandas(read, await fs.readFile(reference, "utf8"));
      console.log(
        `   pandas reference: ${Number(stdout).toFixed(2)} s (read, group, rank); ` +
          (disagreements.length === 0
            ? "every customer's recency, frequency, monetary and scores agree"
            : `${disagreements.length} customers disagree, e.g. ${disagreements.slice(0, 3).join("; ")}`)
      );
    }

    // Writing 250,000 customers' rows, in process.
    const next = random(7);
    const totals: CustomerTotals[] = Array.from({ length: CUSTOMERS }, (_, i) => ({
      id: `C${i}`,
      lastDay: 19000 + Math.floor(next() * 700),
      frequency: 1 + Math.floor(next() * next() * 40),
      monetary: Math.round(next() * 500000) / 100,
    }));
    const rules = rulesIn(DEFAULT_SEGMENT_RULES, "fr");
    const began = performance.now();
    const scored = scoreCustomers(totals, 19700, rules);
    const scoredAt = performance.now();
    const plan = rfmPlan({
      rows: scored,
      rules,
      analysisDay: 19700,
      firstDay: 19000,
      language: "fr",
      palette: PALETTES.default,
    });
    const planned = performance.now();
    // zlib level 1, as the CLI writes a workbook of this many customers; then the default 6.
    const fast = await planToBuffer(plan, 1);
    const written = performance.now();
    const small = await planToBuffer(plan);
    const writtenSmall = performance.now();
    const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `   ${CUSTOMERS.toLocaleString("en-US")} customers: scored in ${seconds(scoredAt - began)}, ` +
        `planned in ${seconds(planned - scoredAt)}, workbook in ${seconds(written - planned)} (${mib(fast.length)}; ` +
        `${seconds(writtenSmall - written)} and ${mib(small.length)} at zlib's default level)`
    );
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchRfm().catch((failure) => {
    console.error(failure);
    process.exitCode = 1;
  });
}
