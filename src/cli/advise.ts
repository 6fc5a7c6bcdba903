/**
 * advise STUDY.json|WORKBOOK.xlsx [--json] [--lang fr|en]
 * Prints the method's advice (docs/method.md §9): the suggested conquest order with each step's
 * reason, then the method's warnings. With --json, exactly
 * {"conquest": [names], "warnings": [{"code", "segment", "text"}]}, segment null for a warning about
 * the whole study. Writes nothing; problems reading the input go to stderr, as for every command.
 */
import { parseArgs } from "util";
import { describeAdvice } from "../i18n/advice";
import { advise } from "../method/advice";
import { Language } from "../method/levels";
import { formatProblem } from "../messages";
import { CliError, Io, parseLanguage, readStudyInput, writeLines } from "./common";

export const ADVISE_USAGE =
  "segment-matrix advise STUDY.json|WORKBOOK.xlsx [--json] [--lang fr|en]";

/** The --json output: the order's names and each warning's code, segment and text. */
export interface AdviceJson {
  conquest: string[];
  warnings: { code: string; segment: string | null; text: string }[];
}

export async function adviseCommand(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      lang: { type: "string" },
    },
  });
  if (positionals.length !== 1)
    throw new CliError(`advise needs a study or a workbook\nusage: ${ADVISE_USAGE}`, 2);
  const asked = parseLanguage(values.lang);
  const study = await readStudyInput(positionals[0], asked, io, ADVISE_USAGE);
  const language: Language = asked ?? study.language;
  const advice = advise(study);
  if (values.json) {
    const json: AdviceJson = {
      conquest: advice.conquest.map((step) => step.segment),
      warnings: advice.warnings.map((warning) => ({
        code: warning.code,
        segment: warning.segment ?? null,
        text: formatProblem(warning.problem, language),
      })),
    };
    writeLines(io.out, JSON.stringify(json, null, 2));
    return;
  }
  for (const line of describeAdvice(advice, language)) io.out(line);
}
