/**
 * npm run bench: speed and size figures of the main paths, printed (never asserted).
 *
 * 1. The CLI build against a straightforward ExcelJS writer of the same workbook (bench/reference.ts),
 *    measured in the same run, each build in its own process (so that one run's memory cannot
 *    pollute another's): wall time of the whole process, its CPU time and peak resident memory
 *    (process.resourceUsage, reported at exit by bench/measure.ts), the file's size, and the time
 *    to read each file back into a study. Both run compiled (esbuild bundles, plain node).
 * 2. In-process stages (plan, .xlsx, read back) at smaller sizes.
 * 3. The Office.js host over the recording fake.
 * 4. `read` on hostile files (bench/hostile.ts): the readers' worst case, time and peak memory.
 *
 *   npm run bench                 sizes 200, 500, 1000 (n × n, 40 % ticked)
 *   npm run bench -- 200 500      chosen sizes only
 *   npm run bench -- 200 --writers  the builds and reads only (section 1 and the hostile files)
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import { buildPlan, readStudy } from "../src/layout";
import { planToBuffer, readWorkbookFile } from "../src/hosts/xlsx/file";
import { matrixSvg } from "../src/hosts/svg/matrix-svg";
import { svgToPng } from "../src/hosts/svg/png";
import { clientPlan } from "../src/layout/export";
import { deckModel } from "../src/layout/deck";
import { deckToPptx } from "../src/hosts/pptx/deck";
import { finishWithZlib } from "../src/hosts/pptx/node-package";
import { clientPlanToBuffer } from "../src/hosts/xlsx/file";
import { findSoffice, xlsxToPdf } from "../src/hosts/pdf/libreoffice";
import { validateStudy } from "../src/method/validate";
import { Study } from "../src/method/study";
import { studyToJson } from "../src/layout/study-json";
import example from "../examples/exemple-incubateur.json";
import { benchHostile } from "./hostile";
import { benchOfficeHost } from "./office-host";
import { benchOrdering } from "./ordering";
import { benchRfm } from "./rfm";
import { squareStudy, syntheticStudy } from "./studies";

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "dist-cli", "segment-matrix.js");
const BENCH = path.join(ROOT, "dist-bench");
const SHARE = 0.4;
/** A process that runs longer is stopped and reported as such. */
const TIMEOUT_MS = 10 * 60 * 1000;

interface ProcessFigures {
  ok: boolean;
  /** Exit code, or the signal's name, when not ok. */
  failure?: string;
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
  stdout: string;
}

/** Runs node on a script in a fresh process, with bench/measure.ts preloaded. */
async function measured(args: string[], scratch: string): Promise<ProcessFigures> {
  const report = path.join(scratch, `report-${process.hrtime.bigint()}.json`);
  const start = performance.now();
  const outcome = await new Promise<{ failure?: string; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--require", path.join(BENCH, "measure.js"), ...args],
      {
        env: { ...process.env, SM_BENCH_REPORT: report, LANG: "C" },
        timeout: TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout) => {
        const e = error as (Error & { code?: number | string; signal?: string }) | null;
        resolve({
          failure: e
            ? String(e.signal ?? (e.code !== undefined ? `exit ${e.code}` : e.message))
            : undefined,
          stdout,
        });
      }
    );
  });
  const wallMs = performance.now() - start;
  const figures = JSON.parse(await fs.readFile(report, "utf8").catch(() => "{}")) as {
    cpuMs?: number;
    maxRssKiB?: number;
  };
  return {
    ok: outcome.failure === undefined,
    failure: outcome.failure,
    wallMs,
    cpuMs: figures.cpuMs ?? NaN,
    maxRssKiB: figures.maxRssKiB ?? NaN,
    stdout: outcome.stdout,
  };
}

const median = (values: number[]): number => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};
const seconds = (ms: number): string => (Number.isNaN(ms) ? "–" : `${(ms / 1000).toFixed(2)} s`);
const mib = (bytes: number): string =>
  Number.isNaN(bytes) ? "–" : `${(bytes / 1048576).toFixed(bytes < 10485760 ? 2 : 1)} MiB`;
const ratio = (ours: number, theirs: number): string =>
  Number.isNaN(ours) || Number.isNaN(theirs) ? "–" : `${(ours / theirs).toFixed(2)}×`;

interface WriterFigures {
  runs: ProcessFigures[];
  bytes: number;
  readMs: number;
  readWallMs: number;
  /** Peak resident memory of the read-back process. */
  readRssKiB: number;
  failure?: string;
}

function writerArgs(label: "reference" | "CLI", studyFile: string, output: string): string[] {
  return label === "CLI"
    ? [CLI, "build", studyFile, "-o", output, "--force"]
    : [path.join(BENCH, "reference.js"), studyFile, output];
}

async function readBack(
  file: string,
  scratch: string
): Promise<{ ms: number; wallMs: number; rssKiB: number }> {
  const figures = await measured([path.join(BENCH, "read-back.js"), file], scratch);
  if (!figures.ok) return { ms: NaN, wallMs: NaN, rssKiB: NaN };
  const { loadMs, studyMs } = JSON.parse(figures.stdout) as { loadMs: number; studyMs: number };
  return { ms: loadMs + studyMs, wallMs: figures.wallMs, rssKiB: figures.maxRssKiB };
}

async function compareWriters(size: number, runs: number, scratch: string): Promise<void> {
  const study = squareStudy(size, size, SHARE);
  const studyFile = path.join(scratch, `study-${size}.json`);
  await fs.writeFile(studyFile, JSON.stringify(studyToJson(study)));
  const outputs = {
    reference: path.join(scratch, `reference-${size}.xlsx`),
    CLI: path.join(scratch, `cli-${size}.xlsx`),
  };
  const results: Record<"reference" | "CLI", ProcessFigures[]> = { reference: [], CLI: [] };
  // Alternate the two, so that a busy moment of the machine falls on both alike.
  for (let run = 0; run < runs; run++) {
    for (const label of ["reference", "CLI"] as const) {
      if (results[label].some((r) => !r.ok)) continue;
      results[label].push(await measured(writerArgs(label, studyFile, outputs[label]), scratch));
    }
  }
  const figures = {} as Record<"reference" | "CLI", WriterFigures>;
  for (const label of ["reference", "CLI"] as const) {
    const ok = results[label].filter((r) => r.ok);
    const failed = results[label].find((r) => !r.ok);
    const bytes = ok.length ? (await fs.stat(outputs[label])).size : NaN;
    const reads = [];
    if (ok.length)
      for (let i = 0; i < Math.min(runs, 3); i++)
        reads.push(await readBack(outputs[label], scratch));
    figures[label] = {
      runs: ok,
      bytes,
      readMs: median(reads.map((r) => r.ms)),
      readWallMs: median(reads.map((r) => r.wallMs)),
      readRssKiB: median(reads.map((r) => r.rssKiB)),
      failure: failed?.failure,
    };
  }
  const row = (label: string, f: WriterFigures): string =>
    [
      label.padEnd(10),
      (f.failure && f.runs.length === 0
        ? `failed (${f.failure})`
        : seconds(median(f.runs.map((r) => r.wallMs)))
      ).padStart(10),
      seconds(median(f.runs.map((r) => r.cpuMs))).padStart(9),
      mib(median(f.runs.map((r) => r.maxRssKiB * 1024))).padStart(11),
      mib(f.bytes).padStart(10),
      seconds(f.readMs).padStart(9),
      seconds(f.readWallMs).padStart(9),
    ].join("  ");
  const { reference, CLI } = figures;
  console.log(
    `\n${size} × ${size}, ${study.pairs.length} ticked and rated pairs, median of ${runs} run(s) each`
  );
  console.log(
    [
      "writer".padEnd(10),
      "wall".padStart(10),
      "cpu".padStart(9),
      "peak RSS".padStart(11),
      "file".padStart(10),
      "read".padStart(9),
      "read+node".padStart(9),
    ].join("  ")
  );
  console.log(row("reference", reference));
  console.log(row("CLI", CLI));
  const m = (f: WriterFigures, key: "wallMs" | "cpuMs" | "maxRssKiB") =>
    median(f.runs.map((r) => r[key]));
  // Issue 12's goal: reading a workbook back takes at most half as long as building it.
  const build = m(CLI, "wallMs");
  console.log(
    `read / CLI build: ${ratio(CLI.readMs, build)} in process, ${ratio(CLI.readWallMs, build)} as a whole process (goal: at most 0.50×)`
  );
  // Issue 12's other goal: a workbook the CLI built is readable, 1000 × 1000 in under 5 s and 600 MB.
  console.log(
    `read of the CLI's workbook as a whole process: ${seconds(CLI.readWallMs)}, peak RSS ${mib(CLI.readRssKiB * 1024)}` +
      (size >= 1000 ? " (goal at 1000 × 1000: under 5 s and 600 MB)" : "")
  );
  console.log(
    [
      "CLI / ref".padEnd(10),
      ratio(m(CLI, "wallMs"), m(reference, "wallMs")).padStart(10),
      ratio(m(CLI, "cpuMs"), m(reference, "cpuMs")).padStart(9),
      ratio(m(CLI, "maxRssKiB"), m(reference, "maxRssKiB")).padStart(11),
      ratio(CLI.bytes, reference.bytes).padStart(10),
      ratio(CLI.readMs, reference.readMs).padStart(9),
    ].join("  ")
  );
}

// In-process stages: plan, .xlsx, read back (the product's reader + readStudy).

async function time<T>(
  runs: number,
  work: () => Promise<T> | T
): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

async function benchStages(label: string, study: Study, runs: number): Promise<void> {
  const plan = await time(runs, () => buildPlan(study));
  const file = await time(runs, () => planToBuffer(plan.result));
  const read = await time(runs, async () => {
    const { grids } = await readWorkbookFile(label, { source: file.result });
    return readStudy(grids);
  });
  if (!read.result.study) throw new Error(`${label}: read back failed`);
  console.log(
    [
      label.padEnd(22),
      `${String(study.pairs.length).padStart(6)} pairs`,
      `plan ${plan.ms.toFixed(1).padStart(7)} ms`,
      `xlsx ${file.ms.toFixed(0).padStart(6)} ms ${(file.result.length / 1024).toFixed(0).padStart(6)} KiB`,
      `read ${read.ms.toFixed(0).padStart(6)} ms`,
    ].join("  ")
  );
}

/** The picture of the matrix: study → SVG text, then that SVG → PNG (resvg), as the CLI does. */
async function benchPicture(label: string, study: Study, runs: number): Promise<void> {
  const svg = await time(runs, () => matrixSvg(study));
  const png = await time(runs, () => svgToPng(svg.result));
  const height = /height="(\d+)"/.exec(svg.result)?.[1];
  console.log(
    [
      label.padEnd(22),
      `1920x${height}`.padEnd(10),
      `svg ${svg.ms.toFixed(1).padStart(6)} ms ${(Buffer.byteLength(svg.result) / 1024).toFixed(0).padStart(5)} KiB`,
      `png (from the svg) ${png.ms.toFixed(0).padStart(5)} ms ${(png.result.length / 1024).toFixed(0).padStart(5)} KiB`,
    ].join("  ")
  );
}

/**
 * The client deliverable: study → baked plan → .xlsx, then that .xlsx → PDF through LibreOffice
 * headless. The PDF's time includes LibreOffice's start (a fresh private profile each time, as the
 * command line runs it), which is most of it.
 */
async function benchExport(label: string, study: Study, runs: number): Promise<void> {
  const xlsx = await time(runs, async () => {
    const { plan } = clientPlan(study, { created: new Date() });
    if (!plan) throw new Error(`${label}: no client plan`);
    return clientPlanToBuffer(plan);
  });
  const soffice = await findSoffice();
  const pdf = soffice
    ? await time(Math.min(runs, 3), () => xlsxToPdf(xlsx.result, { soffice }))
    : undefined;
  console.log(
    [
      label.padEnd(22),
      `xlsx ${xlsx.ms.toFixed(0).padStart(6)} ms ${(xlsx.result.length / 1024).toFixed(0).padStart(5)} KiB`,
      pdf
        ? `pdf (LibreOffice, start included) ${pdf.ms.toFixed(0).padStart(6)} ms ${(pdf.result.length / 1024).toFixed(0).padStart(5)} KiB`
        : "pdf: LibreOffice not found",
    ].join("  ")
  );
}

/** The client deck: study → deck model → .pptx (pptxgenjs, then deflated as the CLI does), in process. */
async function benchDeck(label: string, study: Study, runs: number): Promise<void> {
  const model = await time(runs, () => {
    const { model: deck } = deckModel(study, { created: new Date() });
    if (!deck) throw new Error(`${label}: no deck`);
    return deck;
  });
  const pptx = await time(runs, () => deckToPptx(model.result, finishWithZlib));
  console.log(
    [
      label.padEnd(22),
      `${String(model.result.slides.length).padStart(3)} slides`,
      `model ${model.ms.toFixed(1).padStart(6)} ms`,
      `pptx ${pptx.ms.toFixed(0).padStart(6)} ms ${(pptx.result.length / 1024).toFixed(0).padStart(5)} KiB`,
      `total ${(model.ms + pptx.ms).toFixed(0).padStart(6)} ms (goal ${label.includes("100x100") ? "2 s" : "0.3 s"})`,
    ].join("  ")
  );
}

async function main(): Promise<void> {
  const asked = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const sizes = asked.length ? asked : [200, 500, 1000];
  const worked = validateStudy(example).study;
  if (!worked) throw new Error("example invalid");
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "sm-bench-"));
  console.log(
    `node ${process.version}, ${os.cpus().length} CPU, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`
  );
  console.log(
    "\n== CLI build vs a straightforward ExcelJS writer of the same workbook (bench/reference.ts)\n" +
      "   each build in its own process; wall and CPU time of the whole process, peak RSS;\n" +
      "   read = the file read back into a study (the product's reader + readStudy), in process;\n" +
      "   read+node = the same as a whole process"
  );
  try {
    for (const size of sizes)
      await compareWriters(size, size <= 200 ? 5 : size <= 500 ? 3 : 1, scratch);
    await benchHostile(CLI, path.join(BENCH, "measure.js"), scratch);
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
  if (process.argv.includes("--writers")) return;

  console.log("\n== in process: study -> plan -> .xlsx -> read back (median of runs)");
  await benchStages("example 13x13", worked, 9);
  await benchStages("synthetic 30x60", syntheticStudy(30, 60), 5);
  await benchStages("synthetic 50x150", syntheticStudy(50, 150), 3);
  await benchStages("synthetic 100x300", syntheticStudy(100, 300), 1);
  console.log("\n== picture of the matrix: study -> SVG -> PNG");
  await benchPicture("example 13x13", worked, 9);
  await benchPicture("synthetic 100x100", syntheticStudy(100, 100), 3);
  console.log("\n== client export: study -> baked plan -> .xlsx, then -> PDF (LibreOffice)");
  await benchExport("example 13x13", worked, 5);
  await benchExport("synthetic 100x100", syntheticStudy(100, 100), 3);
  console.log("\n== client deck: study -> deck model -> .pptx (median of runs)");
  await benchDeck("example 13x13", worked, 9);
  await benchDeck("synthetic 100x100", syntheticStudy(100, 100), 3);
  await benchOfficeHost(worked);
  benchOrdering(worked);
  await benchRfm();
}

main().catch((failure) => {
  console.error(failure);
  process.exitCode = 1;
});
