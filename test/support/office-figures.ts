/**
 * Syncs and request sizes of the Office.js host over the recording fake, per host call: a build in a
 * fresh workbook, a rebuild over it, a read of it. Used by the tests (bounds asserted) and by
 * `npm run bench` (figures printed).
 */
import { performance } from "perf_hooks";
import { createExcelHost } from "../../src/hosts/excel/excel-host";
import { buildPlan } from "../../src/layout";
import { Study } from "../../src/method/study";
import { FakeApiVersion, FakeExcel } from "./fake-excel";

export interface CallFigures {
  syncs: number;
  /** Largest request, bytes (JSON of the queued calls' arguments). */
  largestRequest: number;
  /** All requests, bytes. */
  sent: number;
  /** Largest response, bytes (JSON of what was loaded). */
  largestResponse: number;
  calls: number;
  /** The host's own time over the fake (Excel's time is not measured here). */
  ms: number;
}

export interface OfficeFigures {
  build: CallFigures;
  rebuild: CallFigures;
  read: CallFigures;
  /** The workbook after the rebuild, for checks. */
  excel: FakeExcel;
}

/**
 * `clienteles` × `needs` names, a share of the pairs ticked and rated (spread evenly: pair k is
 * ticked when k × share crosses an integer), deterministic.
 */
export function tickedStudy(clienteles: number, needs: number, share: number): Study {
  const c = Array.from({ length: clienteles }, (_, i) => ({ name: `Clientèle n° ${i + 1}` }));
  const n = Array.from({ length: needs }, (_, j) => ({ name: `Besoin n° ${j + 1}` }));
  const pairs = [];
  for (let i = 0; i < clienteles; i++) {
    for (let j = 0; j < needs; j++) {
      const k = i * needs + j;
      if (Math.floor((k + 1) * share) === Math.floor(k * share)) continue;
      pairs.push({
        clientele: c[i].name,
        need: n[j].name,
        perception: 1 + ((i + j) % 4),
        impact: 1 + ((i * 3 + j) % 4),
        competition: (i + j) % 5,
      });
    }
  }
  return { language: "fr", clienteles: c, needs: n, pairs, weights: { perception: 1, impact: 1 } };
}

async function measured(excel: FakeExcel, work: () => Promise<unknown>): Promise<CallFigures> {
  excel.resetCounters();
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  return {
    syncs: excel.syncs,
    largestRequest: excel.maxRequestBytes,
    sent: excel.requestBytes.reduce((sum, bytes) => sum + bytes, 0),
    largestResponse: excel.maxResponseBytes,
    calls: excel.calls,
    ms,
  };
}

export async function officeFigures(study: Study, api: FakeApiVersion): Promise<OfficeFigures> {
  const excel = new FakeExcel(["Feuil1"], { api });
  const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  const plan = buildPlan(study);
  const fresh = await host.readWorkbook();
  const build = await measured(excel, () => host.render(plan, fresh));
  const earlier = await host.readWorkbook();
  const rebuild = await measured(excel, () => host.render(plan, earlier));
  const read = await measured(excel, () => host.readWorkbook());
  return { build, rebuild, read, excel };
}
