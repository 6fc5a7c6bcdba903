/**
 * npm run bench: speed and size figures of the main paths, printed (never asserted).
 * Sizes: the worked example (13 × 13) and larger synthetic studies.
 */
import { performance } from "perf_hooks";
import { buildPlan } from "../src/layout";
import { planToBuffer, readWorkbookFile } from "../src/hosts/xlsx/file";
import { readStudy } from "../src/layout";
import { validateStudy } from "../src/method/validate";
import { syntheticStudy } from "./studies";
import example from "../examples/exemple-incubateur.json";
import { Study } from "../src/method/study";
import { benchOfficeHost } from "./office-host";
import { benchOrdering } from "./ordering";
import { matrixSvg } from "../src/hosts/svg/matrix-svg";
import { svgToPng } from "../src/hosts/svg/png";
import { clientPlan } from "../src/layout/export";
import { clientPlanToBuffer } from "../src/hosts/xlsx/file";
import { findSoffice, xlsxToPdf } from "../src/hosts/pdf/libreoffice";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

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

async function benchStudy(label: string, study: Study, runs: number): Promise<void> {
  const plan = await time(runs, () => buildPlan(study));
  const file = await time(runs, () => planToBuffer(plan.result));
  const read = await time(runs, async () => {
    const { grids } = await readWorkbookFile(label, { source: file.result });
    return readStudy(grids);
  });
  if (!read.result.study) throw new Error(`${label}: read back failed`);
  const cells = plan.result.sheets.reduce(
    (n, s) => n + s.blocks.reduce((m, b) => m + b.values.length * (b.values[0]?.length ?? 0), 0),
    0
  );
  console.log(
    [
      label.padEnd(22),
      `${String(study.pairs.length).padStart(6)} pairs`,
      `${String(cells).padStart(7)} cells`,
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
 * The client deliverable: study → baked plan → .xlsx (ExcelJS), then that .xlsx → PDF through
 * LibreOffice headless. The PDF's time includes LibreOffice's start (a fresh private profile each
 * time, as the command line runs it), which is most of it.
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

async function main(): Promise<void> {
  const worked = validateStudy(example).study;
  if (!worked) throw new Error("example invalid");
  console.log(
    `node ${process.version}, median of runs; heap before: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB`
  );
  console.log("\n== study -> plan -> .xlsx (ExcelJS) -> read back");
  await benchStudy("example 13x13", worked, 9);
  await benchStudy("synthetic 30x60", syntheticStudy(30, 60), 5);
  await benchStudy("synthetic 50x150", syntheticStudy(50, 150), 3);
  await benchStudy("synthetic 100x300", syntheticStudy(100, 300), 1);
  console.log("\n== picture of the matrix: study -> SVG -> PNG");
  await benchPicture("example 13x13", worked, 9);
  await benchPicture("synthetic 100x100", syntheticStudy(100, 100), 3);
  console.log("\n== client export: study -> baked plan -> .xlsx, then -> PDF (LibreOffice)");
  await benchExport("example 13x13", worked, 5);
  await benchExport("synthetic 100x100", syntheticStudy(100, 100), 3);
  console.log(
    `heap after: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`
  );
  await benchOfficeHost(worked);
  benchOrdering(worked);
}

main().catch((failure) => {
  console.error(failure);
  process.exitCode = 1;
});
