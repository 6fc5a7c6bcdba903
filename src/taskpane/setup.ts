/**
 * Where the pane runs: inside Excel (Office.js host) or in a plain browser (in-memory preview).
 * Decided once, at start, from what Office.onReady reports.
 */
import { Language } from "../method/levels";
import { WorkbookHost } from "../hosts/host";
import { createExcelHost } from "../hosts/excel/excel-host";
import { createMemoryHost } from "../hosts/preview/memory-host";
import { languageOfTag, previewLanguage } from "./language";

export interface PaneSetup {
  host: WorkbookHost;
  language: Language;
  /** True outside Excel: the pane says so, since nothing reaches a real workbook. */
  preview: boolean;
}

function runExcelBatch<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

function excelSetup(): PaneSetup {
  const host = createExcelHost({
    run: runExcelBatch,
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
  return { host, language: languageOfTag(Office.context.displayLanguage), preview: false };
}

export function previewSetup(): PaneSetup {
  const language = previewLanguage(window.location.search, navigator.language);
  return {
    host: createMemoryHost({ name: language === "fr" ? "Aperçu" : "Preview" }),
    language,
    preview: true,
  };
}

export async function detectSetup(): Promise<PaneSetup> {
  // office.js may be missing (offline, blocked CDN): the preview still works without it.
  if (typeof Office === "undefined") return previewSetup();
  const info = await Office.onReady();
  const inExcel = info.host === Office.HostType.Excel && typeof Excel !== "undefined";
  return inExcel ? excelSetup() : previewSetup();
}
