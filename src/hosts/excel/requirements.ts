/** Which Excel API sets the host needs (to build at all) and uses when present (1.9). */
import { HostCapabilities, RenderRefused } from "../host";
import { excelTooOld, excelTooOldReason } from "../../messages";

export type IsSetSupported = (set: string, version: string) => boolean;

/** List validation (1.8), conditional formats (1.6), names to ranges (1.4), tab colours (1.7). */
export const REQUIRED_SET = { set: "ExcelApi", version: "1.8" } as const;
/** Worksheet page layout (orientation, fit to one page) and Range.copyFrom (formula fills). */
export const NEWER_SET = { set: "ExcelApi", version: "1.9" } as const;

export function excelCapabilities(isSetSupported: IsSetSupported): HostCapabilities {
  if (isSetSupported(REQUIRED_SET.set, REQUIRED_SET.version))
    return { canBuild: true, name: "Excel" };
  return {
    canBuild: false,
    name: "Excel",
    reason: excelTooOldReason(),
  };
}

/** ExcelApi 1.9: page layout, and fills copied instead of sent cell by cell. */
export function supportsNewerSet(isSetSupported: IsSetSupported): boolean {
  return isSetSupported(NEWER_SET.set, NEWER_SET.version);
}

/** An Excel too old would stop half-way through a build (at the first dropdown): refuse up front. */
export function refuseOldExcel(isSetSupported: IsSetSupported): void {
  if (!excelCapabilities(isSetSupported).canBuild) throw new RenderRefused([excelTooOld()]);
}
