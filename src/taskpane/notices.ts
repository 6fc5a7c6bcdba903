/** What the pane tells the consultant after an action, as plain values (one Fluent MessageBar each). */
import { Language } from "../method/levels";
import { Problem, formatProblem } from "../method/problems";
import { RenderRefused } from "../hosts/host";
import { RenderInterrupted } from "../hosts/excel/interrupted";
import { PaneTexts, frenchSpacing } from "../i18n/pane";

export type NoticeIntent = "success" | "info" | "warning" | "error";

export interface Notice {
  intent: NoticeIntent;
  title?: string;
  text: string;
}

/** One problem as one line, in the pane's language and typography. */
export function problemText(problem: Problem, language: Language): string {
  const text = formatProblem(problem, language);
  return language === "fr" ? frenchSpacing(text) : text;
}

export function problemNotices(problems: readonly Problem[], language: Language): Notice[] {
  return problems.map((problem) => ({
    intent: problem.severity === "error" ? "error" : "warning",
    text: problemText(problem, language),
  }));
}

/** A thrown error never leaves the pane blank: refusals list their reasons, anything else its message. */
export function failureNotices(failure: unknown, texts: PaneTexts, language: Language): Notice[] {
  if (failure instanceof RenderRefused) {
    const reasons = problemNotices(failure.problems, language);
    return reasons.length > 0
      ? reasons.map((notice, i) => ({
          ...notice,
          intent: "error",
          title: i === 0 ? texts.refused : undefined,
        }))
      : [{ intent: "error", title: texts.refused, text: failure.message }];
  }
  return [{ intent: "error", title: texts.unexpected, text: describeFailure(failure, language) }];
}

function describeFailure(failure: unknown, language: Language): string {
  // An interrupted build says what is left in both languages; show the pane's.
  if (failure instanceof RenderInterrupted) return failure.text[language];
  if (failure instanceof Error) return failure.message || failure.name;
  if (typeof failure === "string" && failure !== "") return failure;
  // Office.js sometimes rejects with plain objects ({ code, message }).
  if (failure && typeof failure === "object" && "message" in failure) {
    const message = (failure as { message: unknown }).message;
    if (typeof message === "string" && message !== "") return message;
  }
  return String(failure);
}
