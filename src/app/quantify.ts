/**
 * Segments quantified from the data in the pane (issue 15 §2): the study the open workbook holds,
 * its segments' size, frequency and basket set from the figures per clientèle of the transactions
 * (src/analysis/rfm-quantify.ts, the command line's rule), everything else kept as the sheets say
 * it, and the plan to build it again. Pure: the pane reads before and renders after.
 */
import { ClienteleFigures, Quantified, quantifySegments } from "../analysis/rfm-quantify";
import { WorkbookSnapshot } from "../hosts/host";
import * as msg from "../messages";
import { Location, Problem, hasErrors } from "../messages";
import { Outcome, currentStudy, planned } from "./operations";

export interface QuantifyOutcome extends Outcome {
  /** What was set, segment by segment; absent when nothing could be. */
  quantified?: Quantified;
}

/**
 * `where`: the transactions (for the clientèles the study lacks); `conflicts`: customers whose
 * rows name several clientèles. No plan when the workbook holds no study with segments, when the
 * study cannot be read, or when no segment got figures (nothing would change).
 */
export function quantifyWorkbook(
  snapshot: WorkbookSnapshot,
  figures: readonly ClienteleFigures[],
  asOf: string,
  where: Location,
  conflicts = 0
): QuantifyOutcome {
  const said: Problem[] = conflicts > 0 ? [msg.rfmClienteleConflict(where, conflicts)] : [];
  const current = currentStudy(snapshot);
  if (hasErrors(current.problems)) return { problems: [...said, ...current.problems] };
  const study = current.study;
  if (!study || !study.segments || study.segments.length === 0)
    return { problems: [...said, msg.rfmNoSegmentsToQuantify(where)] };
  const quantified = quantifySegments(study, figures, asOf);
  const problems: Problem[] = [
    ...said,
    ...current.problems,
    ...quantified.unknownClienteles.map((line) =>
      msg.rfmUnknownClientele(where, line.clientele, line.customers)
    ),
    ...quantified.unquantified.map((name) => msg.rfmSegmentUnquantified({ field: name }, name)),
    ...quantified.sizedByPopulation.map((name) => msg.rfmSizeFromPopulation({ field: name }, name)),
  ];
  if (quantified.segments.length === 0) return { problems, quantified };
  return { ...planned(quantified.study, problems), quantified };
}
