/**
 * Office.js host over the recording fake: context.sync() calls, requests and their sizes, and the
 * host's own time (the fake applies writes in memory; Excel's time is not measured here).
 */
import { performance } from "perf_hooks";
import { buildPlan } from "../src/layout";
import { createExcelHost } from "../src/hosts/excel/excel-host";
import { Study } from "../src/method/study";
import { FakeExcel } from "../test/support/fake-excel";
import { syntheticStudy } from "./studies";

async function measure(label: string, study: Study, rebuild = false): Promise<void> {
  const excel = new FakeExcel();
  const host = createExcelHost({ run: excel.run, isSetSupported: () => true });
  if (rebuild) {
    await host.render(buildPlan(study), await host.readWorkbook());
    excel.resetCounters();
  }
  const start = performance.now();
  const snapshot = await host.readWorkbook();
  const readSyncs = excel.syncs;
  await host.render(buildPlan(study), snapshot);
  const ms = performance.now() - start;
  const total = excel.requestBytes.reduce((sum, bytes) => sum + bytes, 0);
  console.log(
    [
      label.padEnd(22),
      `syncs read ${readSyncs} + render ${excel.syncs - readSyncs}`,
      `largest request ${(excel.maxRequestBytes / 1024).toFixed(0).padStart(5)} KiB`,
      `total ${(total / 1048576).toFixed(2).padStart(6)} MiB`,
      `calls ${String(excel.calls).padStart(6)}`,
      `host ${ms.toFixed(0).padStart(5)} ms`,
    ].join("  ")
  );
}

export async function benchOfficeHost(example: Study): Promise<void> {
  console.log(
    "\n== Office.js host over the recording fake (build in a fresh workbook; rebuild over one)"
  );
  await measure("example 13x13", example);
  await measure("example 13x13 rebuild", example, true);
  await measure("synthetic 30x60", syntheticStudy(30, 60));
  await measure("synthetic 50x150", syntheticStudy(50, 150));
  await measure("synthetic 80x200", syntheticStudy(80, 200));
}
