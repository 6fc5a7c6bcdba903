/** What the pane tells the consultant after an action, as plain values (one Fluent MessageBar each). */
import { Language } from "../method/levels";
import { Problem, oneLine } from "../messages";
import { CellReference, RenderRefused } from "../hosts/host";
import { ExcelFailure } from "../hosts/excel/failure";
import { RenderInterrupted } from "../hosts/excel/interrupted";
import { ProblemGroup, groupProblems, GroupOptions } from "../app/grouping";
import { PaneTexts, frenchSpacing } from "../i18n/pane";
import type { HostStep } from "../messages";

export type NoticeIntent = "success" | "info" | "warning" | "error";

/** One line of a notice's list: its text and the cell it is about, as a link. */
export interface NoticeLine {
  text: string;
  location?: CellReference;
}

export interface Notice extends NoticeLine {
  intent: NoticeIntent;
  title?: string;
  /** The problems a grouped line stands for, shown on demand. */
  items?: NoticeLine[];
  /** A sheet to open from the message (the next step's). */
  open?: { label: string; sheet: string };
}

/** A problem's message alone, in the pane's language and typography (its location is a link). */
export function problemMessage(problem: Problem, language: Language): string {
  const text = oneLine(problem.message[language]);
  return language === "fr" ? frenchSpacing(text) : text;
}

/** The cell a problem is about, when it names a sheet. */
export function problemLocation(problem: Problem): CellReference | undefined {
  const location = problem.location;
  return location?.sheet && location.cell
    ? { sheet: location.sheet, cell: location.cell }
    : undefined;
}

function line(problem: Problem, language: Language): NoticeLine {
  const location = problemLocation(problem);
  return { text: problemMessage(problem, language), ...(location ? { location } : {}) };
}

/** One problem as one line with its location written out (for lists without links). */
export function problemText(problem: Problem, language: Language): string {
  const location = problemLocation(problem);
  const text = problemMessage(problem, language);
  return location ? `'${location.sheet.replace(/'/g, "''")}'!${location.cell} : ${text}` : text;
}

export function groupNotice(group: ProblemGroup, language: Language): Notice {
  const intent: NoticeIntent = group.info
    ? "info"
    : group.head.severity === "error"
      ? "error"
      : "warning";
  return {
    intent,
    ...line(group.head, language),
    ...(group.items.length > 0 ? { items: group.items.map((p) => line(p, language)) } : {}),
  };
}

/** Problems as notices, the repeated ones grouped into one line each. */
export function problemNotices(
  problems: readonly Problem[],
  language: Language,
  options: GroupOptions = {}
): Notice[] {
  return groupProblems(problems, options).map((group) => groupNotice(group, language));
}

/** A host call that failed, with the pane's name for what it was doing. */
export class StepFailed extends Error {
  constructor(
    readonly step: HostStep,
    readonly cause: unknown
  ) {
    super(`${step}: ${describeFailure(cause, "en")}`);
    this.name = "StepFailed";
  }
}

/** Runs a host call; a failure says which step it was (refusals pass through as they are). */
export async function attempt<T>(step: HostStep, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (failure: unknown) {
    if (
      failure instanceof RenderRefused ||
      failure instanceof ExcelFailure ||
      failure instanceof StepFailed
    )
      throw failure;
    throw new StepFailed(step, failure);
  }
}

/** A thrown error never leaves the pane blank: refusals list their reasons, anything else its message. */
export function failureNotices(failure: unknown, texts: PaneTexts, language: Language): Notice[] {
  if (failure instanceof RenderRefused) {
    const reasons = failure.problems.map((p) => line(p, language));
    return reasons.length > 0
      ? reasons.map((reason, i) => ({
          ...reason,
          intent: "error",
          title: i === 0 ? texts.refused : undefined,
        }))
      : [{ intent: "error", title: texts.refused, text: failure.message }];
  }
  // Excel's own failure, already a catalogue message naming the step and the call.
  if (failure instanceof ExcelFailure) {
    return failure.problems.map((problem, i) => ({
      ...line(problem, language),
      intent: "error",
      title: i === 0 ? texts.unexpected : undefined,
    }));
  }
  if (failure instanceof StepFailed) {
    const where = errorLocation(failure.cause);
    const text = describeFailure(failure.cause, language);
    return [
      {
        intent: "error",
        title: texts.failed[failure.step],
        text: where ? `${text} ${texts.excelLocation(where)}` : text,
      },
    ];
  }
  return [{ intent: "error", title: texts.unexpected, text: describeFailure(failure, language) }];
}

/** Office.js says which call failed in `debugInfo.errorLocation` ("Range.values"). */
export function errorLocation(failure: unknown): string | undefined {
  if (!failure || typeof failure !== "object" || !("debugInfo" in failure)) return undefined;
  const info = (failure as { debugInfo?: { errorLocation?: unknown } }).debugInfo;
  return typeof info?.errorLocation === "string" && info.errorLocation !== ""
    ? info.errorLocation
    : undefined;
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
