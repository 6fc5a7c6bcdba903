/**
 * Where the pane runs: inside Excel (Office.js host) or in a plain browser (in-memory preview beside
 * its workbook). Decided once, at start, from what Office.onReady reports.
 */
import { Language } from "../method/levels";
import { PaneHost } from "../hosts/host";
import { createExcelHost } from "../hosts/excel/excel-host";
import { withNavigation } from "../hosts/excel/navigation";
import { createMemoryHost } from "../hosts/preview/memory-host";
import { PreviewWorkbook } from "../hosts/preview/workbook";
import { languageOfTag, previewLanguage } from "./language";
import { ThemeName, officeThemeName, systemThemeName } from "./theme";

export interface PaneSetup {
  host: PaneHost;
  language: Language;
  /** Outside Excel: the workbook the preview draws beside the pane. */
  preview?: PreviewWorkbook;
  theme: ThemeName;
}

/**
 * Every batch waits for a cell being edited instead of failing (delayForCellEdit): a consultant
 * typing in a cell while pressing a pane button is the common case, not an error.
 */
function runExcelBatch<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}

function excelSetup(): PaneSetup {
  const isSetSupported = (set: string, version: string): boolean =>
    Office.context.requirements.isSetSupported(set, version);
  const host = withNavigation(createExcelHost({ run: runExcelBatch, isSetSupported }), {
    run: runExcelBatch,
    isSetSupported,
  });
  return {
    host,
    language: languageOfTag(Office.context.displayLanguage),
    theme: officeThemeName(Office.context.officeTheme) ?? systemThemeName(),
  };
}

export function previewSetup(): PaneSetup {
  const language = previewLanguage(window.location.search, navigator.language);
  const preview = new PreviewWorkbook();
  return {
    host: createMemoryHost({ name: language === "fr" ? "Aperçu" : "Preview", workbook: preview }),
    language,
    preview,
    theme: systemThemeName(new URLSearchParams(window.location.search).get("theme")),
  };
}

export async function detectSetup(): Promise<PaneSetup> {
  // office.js may be missing (offline, blocked CDN): the preview still works without it.
  if (typeof Office === "undefined") return previewSetup();
  const info = await Office.onReady();
  const inExcel = info.host === Office.HostType.Excel && typeof Excel !== "undefined";
  return inExcel ? excelSetup() : previewSetup();
}
