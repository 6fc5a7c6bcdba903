/**
 * Many problems of one kind become one line with the list to expand: the "no X" warnings of a tick
 * table become "13 clientèles et 13 besoins sans X" (information, not a warning, while nothing is
 * ticked yet), and any kind seen three times or more "N problèmes du même genre". Pure.
 */
import * as msg from "../messages";
import { Problem } from "../messages";
import type { ProblemCode } from "../messages";

export interface ProblemGroup {
  /** The line shown: the problem itself, or a summary of `items`. */
  head: Problem;
  /** The problems the head stands for (empty for a single problem). */
  items: Problem[];
  /** Nothing is wrong: it says what to do next (shown as information). */
  info: boolean;
}

const WITHOUT_X: readonly ProblemCode[] = ["clientele-without-need", "need-without-clientele"];

/** From this many problems of one kind, they are shown as one line. */
export const GROUP_FROM = 3;

export interface GroupOptions {
  /** No pair is ticked at all: the "no X" warnings are the normal state of a new tick table. */
  nothingTicked?: boolean;
  /** The tick table's sheet, named in the hint while nothing is ticked. */
  ticksSheet?: string;
}

export function groupProblems(
  problems: readonly Problem[],
  options: GroupOptions = {}
): ProblemGroup[] {
  const byCode = new Map<ProblemCode, Problem[]>();
  for (const problem of problems) {
    const code = WITHOUT_X.includes(problem.code) ? WITHOUT_X[0] : problem.code;
    byCode.set(code, [...(byCode.get(code) ?? []), problem]);
  }
  const groups: ProblemGroup[] = [];
  const done = new Set<ProblemCode>();
  for (const problem of problems) {
    const withoutX = WITHOUT_X.includes(problem.code);
    const code = withoutX ? WITHOUT_X[0] : problem.code;
    const same = byCode.get(code) ?? [problem];
    if (withoutX && options.nothingTicked) {
      if (done.has(code)) continue;
      done.add(code);
      groups.push({ head: msg.nothingTicked(options.ticksSheet ?? ""), items: same, info: true });
    } else if (withoutX && same.length > 1) {
      if (done.has(code)) continue;
      done.add(code);
      const clienteles = same.filter((p) => p.code === "clientele-without-need").length;
      groups.push({
        head: msg.withoutTicks(clienteles, same.length - clienteles),
        items: same,
        info: false,
      });
    } else if (same.length >= GROUP_FROM) {
      if (done.has(code)) continue;
      done.add(code);
      groups.push({ head: msg.similarProblems(same.length, same[0]), items: same, info: false });
    } else {
      groups.push({ head: problem, items: [], info: false });
    }
  }
  return groups;
}
