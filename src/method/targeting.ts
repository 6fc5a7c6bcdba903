/**
 * The strategy a study's targets form (docs/method.md §6): its offering × segment marks, by name, placed
 * on the offerings × segments table and given to `targetingStrategy` (segments.ts, beside the
 * workbook formula). The pane's targeting step and the targeting sheet's cached value both ask here.
 */
import { Strategy, targetingStrategy } from "./segments";
import { Target, nameKey } from "./study";

/**
 * `offerings` and `segments` are the table's rows and columns in order; a slot left blank
 * (undefined) holds no mark and does not count towards full coverage.
 */
export function strategyOfTargets(
  targets: readonly Target[],
  offerings: readonly (string | undefined)[],
  segments: readonly (string | undefined)[]
): Strategy | undefined {
  const offeringIndex = new Map(offerings.map((o, i) => [nameKey(o ?? ""), i]));
  const segmentIndex = new Map(segments.map((s, i) => [nameKey(s ?? ""), i]));
  const marks = targets.flatMap((target) => {
    const offering = offeringIndex.get(nameKey(target.offering));
    const segment = segmentIndex.get(nameKey(target.segment));
    return offering === undefined || segment === undefined ? [] : [{ offering, segment }];
  });
  const named = (items: readonly (string | undefined)[]): number =>
    items.filter((item) => item !== undefined).length;
  return targetingStrategy(marks, named(offerings), named(segments));
}
