/** What a workbook keeps of a study, stated once for the property tests. */
import { Study, nameKey, pairsInTableOrder } from "../../src/method/study";
import { Problem } from "../../src/messages";

/**
 * The study as a workbook gives it back. Pairs and targets are sets: a workbook holds them as marks
 * in a table, so they come back in the table's reading order (pairs clientèle by clientèle, targets
 * offering by offering), whatever order the file listed them in. Everything else must be identical.
 */
export function inTableOrder(study: Study): Study {
  const copy = clone(study);
  copy.pairs = pairsInTableOrder(copy.clienteles, copy.needs, copy.pairs);
  if (copy.targets) {
    const offering = new Map((copy.offerings ?? []).map((o, i) => [nameKey(o), i]));
    const segment = new Map((copy.segments ?? []).map((s, i) => [nameKey(s.name), i]));
    const rank = (t: { segment: string; offering: string }): number =>
      (offering.get(nameKey(t.offering)) ?? 0) * 100_000 + (segment.get(nameKey(t.segment)) ?? 0);
    copy.targets.sort((a, b) => rank(a) - rank(b));
  }
  return copy;
}

/** The errors among problems, shown by code, place and English text (readable in a failure). */
export function errorsOf(problems: readonly Problem[]): string[] {
  return problems
    .filter((p) => p.severity === "error")
    .map(
      (p) =>
        `${p.code} ${p.location?.sheet ?? ""}!${p.location?.cell ?? p.location?.field ?? ""}: ${p.message.en}`
    );
}

/** A deep copy in this realm (jest's structuredClone makes objects of another realm). */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}
