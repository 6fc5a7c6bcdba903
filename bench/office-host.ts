/**
 * Office.js host over the recording fake, per host call: syncs, largest request, bytes sent, largest
 * response, and the time of host plus fake (the fake applies everything in memory; Excel's own time
 * is not measured here). ExcelApi 1.9 copies formula fills; 1.8 sends their R1C1 text cell by cell.
 */
import { Study } from "../src/method/study";
import { CallFigures, officeFigures, tickedStudy } from "../test/support/office-figures";
import { FakeApiVersion } from "../test/support/fake-excel";

/** Bytes under 10 KiB, KiB above. */
const size = (bytes: number): string =>
  (bytes < 10240 ? `${bytes} B` : `${(bytes / 1024).toFixed(0)} KiB`).padStart(9);

function row(label: string, api: FakeApiVersion, call: string, figures: CallFigures): string {
  return [
    label.padEnd(28),
    api,
    call.padEnd(7),
    `syncs ${String(figures.syncs).padStart(2)}`,
    `largest request ${size(figures.largestRequest)}`,
    `sent ${size(figures.sent)}`,
    `largest response ${size(figures.largestResponse)}`,
    `${figures.ms.toFixed(0).padStart(5)} ms`,
  ].join("  ");
}

async function measure(label: string, study: Study): Promise<void> {
  for (const api of ["1.9", "1.8"] as const) {
    const { build, rebuild, read } = await officeFigures(study, api);
    console.log(row(label, api, "build", build));
    console.log(row(label, api, "rebuild", rebuild));
    console.log(row(label, api, "read", read));
  }
}

export async function benchOfficeHost(example: Study): Promise<void> {
  console.log(
    "\n== Office.js host over the recording fake: build in a fresh workbook, rebuild over it, read it"
  );
  await measure(`example 13x13 (${example.pairs.length} pairs)`, example);
  for (const [clienteles, needs] of [
    [80, 200],
    [200, 200],
  ] as const) {
    const study = tickedStudy(clienteles, needs, 0.4);
    await measure(`${clienteles}x${needs}, 40% (${study.pairs.length} pairs)`, study);
  }
}
