/**
 * order STUDY.json -o ORDERED.json [--segments K] [--force]
 * Writes the same study with clientèles and needs reordered by need profile (valid for `build`);
 * with --segments K, its `segments` hold K candidate segments. Prints to stderr, in the study's
 * language, the groups, the suggested K with its reason and the items out of the method.
 * Existing segments are never replaced silently: --segments needs --force when the study has some.
 */
import { parseArgs } from "util";
import { candidateSegments } from "../analysis/candidate-segments";
import { orderStudy } from "../analysis/order-study";
import { describeOrdering } from "../i18n/ordering";
import * as msg from "../messages";
import { hasErrors } from "../messages";
import { validateStudy } from "../method/validate";
import { studyToJson } from "../layout/study-json";
import { CliError, Io, environmentLanguage, readJson, report } from "./common";
import { guardOutput, writeOutput } from "./output-guard";

export async function order(args: string[], io: Io, usage: string): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      segments: { type: "string" },
      force: { type: "boolean" },
    },
  });
  if (positionals.length !== 1 || !values.output)
    throw new CliError(`order needs a study file and -o ORDERED.json\n${usage}`, 2);
  const file = positionals[0];
  const output = values.output;
  const k = parseSegmentCount(values.segments);

  const { study, problems } = validateStudy(await readJson(file), file);
  const language = study?.language ?? environmentLanguage();
  report(problems, language, io);
  if (!study || hasErrors(problems)) throw new CliError("", 1);

  const { ordered, problems: refused } = orderStudy(study, { segments: k });
  if (!ordered) {
    report(
      refused.map((p) => ({ ...p, location: { field: "--segments" } })),
      language,
      io
    );
    throw new CliError("", 1);
  }
  // Notices that come with the ordering: a side too large for the exact method, and which one ran.
  report(refused, language, io);

  const existing = (study.segments ?? []).map((segment) => segment.name);
  if (k !== undefined && existing.length > 0) {
    if (!values.force) {
      report([msg.segmentsWouldBeReplaced(file, existing)], language, io);
      throw new CliError("", 1);
    }
    report([msg.segmentsReplaced(file, existing)], language, io);
  }

  // Here --force only lets --segments replace segments: it never overrides the output guard.
  const target = await guardOutput(output, {
    inputs: [file],
    force: false,
    forceable: false,
    kind: "study",
  });
  const written = studyToJson(ordered.study);
  await writeOutput(output, target, Buffer.from(JSON.stringify(written, null, 2) + "\n", "utf8"));

  const shownK = k ?? ordered.suggestion?.k;
  const groups =
    shownK === undefined
      ? undefined
      : {
          segments:
            ordered.segments ?? candidateSegments(ordered.study, ordered.clienteles, shownK),
          written: k !== undefined,
        };
  for (const line of describeOrdering(ordered, groups, language)) io.err(line);
  io.out(output);
}

/** --segments K: a whole number from 1 (whether the study has that many is checked later). */
function parseSegmentCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const k = Number(value.trim());
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(k) || k < 1)
    throw new CliError(
      `--segments: "${value}" is not a number of segments: use a whole number from 1`,
      2
    );
  return k;
}
