/**
 * Excel's failures as values: a problem from the catalogue (stable code, French and English, location
 * when there is one) saying which step failed and, when Excel tells, which call
 * (`OfficeExtension.Error.debugInfo.errorLocation`, "the object type and property or method name").
 */
import { Bilingual } from "../../method/levels";
import {
  HostStep,
  excelCause,
  excelCellEdit,
  excelFailed,
  excelSelectionInvalid,
} from "../../messages";
import { Problem } from "../../messages";

/** What an Office.js error carries, read defensively: Office.js sometimes rejects with plain objects. */
export interface OfficeErrorParts {
  code?: string;
  location?: string;
  message?: string;
}

export function officeErrorParts(failure: unknown): OfficeErrorParts {
  if (!failure || typeof failure !== "object") return { message: String(failure) };
  const { code, message, debugInfo } = failure as {
    code?: unknown;
    message?: unknown;
    debugInfo?: { errorLocation?: unknown };
  };
  const location: unknown = debugInfo?.errorLocation;
  return {
    code: typeof code === "string" && code !== "" ? code : undefined,
    location: typeof location === "string" && location !== "" ? location : undefined,
    message: typeof message === "string" && message !== "" ? message : undefined,
  };
}

/** Excel's code, the failing call and Excel's text, for a message in either language. */
export function causeOf(failure: unknown): Bilingual {
  const { code, location, message } = officeErrorParts(failure);
  return excelCause(code, location, message);
}

/** Thrown by the Excel host when Excel refused, or when a read would not be bounded; nothing changed. */
export class ExcelFailure extends Error {
  /** The problems' messages in each language, for a pane that shows only one. */
  readonly text: Bilingual;

  constructor(
    readonly problems: Problem[],
    /** Excel's own error, when there was one. */
    readonly excelError?: unknown
  ) {
    const text = {
      fr: problems.map((p) => p.message.fr).join("\n"),
      en: problems.map((p) => p.message.en).join("\n"),
    };
    super(`${text.fr}\n${text.en}`);
    this.name = "ExcelFailure";
    this.text = text;
  }
}

/** Excel's error during `step`, told in the consultant's terms. */
export function excelFailure(step: HostStep, failure: unknown): ExcelFailure {
  const { code } = officeErrorParts(failure);
  if (code === "InvalidOperationInCellEditMode")
    return new ExcelFailure([excelCellEdit(step)], failure);
  if (code === "InvalidSelection" && step === "selection")
    return new ExcelFailure([excelSelectionInvalid()], failure);
  return new ExcelFailure([excelFailed(step, causeOf(failure))], failure);
}
