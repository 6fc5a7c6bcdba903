/**
 * How the host runs its batches in Excel. `delayForCellEdit` (Excel.RunOptions): "when true, the
 * batch request is executed immediately if the user is not in cell edit mode, but if the user is in
 * cell edit mode then the batch request is delayed until the user exits cell edit mode"; without it
 * the batch fails while the consultant is typing in a cell.
 */
import { RenderRefused } from "../host";
import { HostStep } from "../../messages";
import { ExcelFailure, excelFailure } from "./failure";
import { RenderInterrupted } from "./interrupted";

export type RunBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export type RunWithOptions = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/** `run` with delayForCellEdit on every batch. */
export function waitingForCellEdit(run: RunWithOptions): RunBatch {
  return (batch) => run({ delayForCellEdit: true }, batch);
}

/** Excel.run waiting for a cell edit to end: the host's default. */
export const runInExcel: RunBatch = (batch) => Excel.run({ delayForCellEdit: true }, batch);

/** Runs `work`; an error of Excel's becomes an ExcelFailure naming `step` (the host's own pass through). */
export async function guarded<T>(step: HostStep, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (failure) {
    if (
      failure instanceof ExcelFailure ||
      failure instanceof RenderRefused ||
      failure instanceof RenderInterrupted
    )
      throw failure;
    throw excelFailure(step, failure);
  }
}
