/** Which Excel API sets the host needs (to build at all) and uses when present (page layout). */
import { HostCapabilities, RenderRefused } from "../host";
import { error } from "../../method/problems";

export type IsSetSupported = (set: string, version: string) => boolean;

/** List validation (1.8), conditional formats (1.6), names to ranges (1.4), tab colours (1.7). */
export const REQUIRED_SET = { set: "ExcelApi", version: "1.8" } as const;
/** Worksheet page layout: orientation and fit to one page. */
export const PAGE_LAYOUT_SET = { set: "ExcelApi", version: "1.9" } as const;

export function excelCapabilities(isSetSupported: IsSetSupported): HostCapabilities {
  if (isSetSupported(REQUIRED_SET.set, REQUIRED_SET.version))
    return { canBuild: true, name: "Excel" };
  return {
    canBuild: false,
    name: "Excel",
    reason: {
      fr: "Excel est trop ancien : Segment Matrix a besoin de l'API ExcelApi 1.8 (Excel 2019, Microsoft 365 ou Excel sur le web).",
      en: "Excel is too old: Segment Matrix needs ExcelApi 1.8 (Excel 2019, Microsoft 365 or Excel on the web).",
    },
  };
}

export function supportsPageLayout(isSetSupported: IsSetSupported): boolean {
  return isSetSupported(PAGE_LAYOUT_SET.set, PAGE_LAYOUT_SET.version);
}

/** An Excel too old would stop half-way through a build (at the first dropdown): refuse up front. */
export function refuseOldExcel(isSetSupported: IsSetSupported): void {
  const { canBuild, reason } = excelCapabilities(isSetSupported);
  if (!canBuild && reason)
    throw new RenderRefused([error("excel-too-old", undefined, reason.fr, reason.en)]);
}
