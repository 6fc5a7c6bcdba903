/**
 * order STUDY.json -o ORDERED.json [--segments K] [--force]
 * Writes the same study with clientèles and needs reordered by need profile (valid for `build`);
 * with --segments K, its `segments` hold K candidate segments. Prints to stderr, in the study's
 * language, the groups, the suggested K with its reason and the items out of the method.
 * Existing segments are never replaced silently: --segments needs --force when the study has some.
 */
import { promises as fs } from "fs";
import path from "path";
import { parseArgs } from "util";
import { candidateSegments } from "../analysis/candidate-segments";
import { orderStudy } from "../analysis/order-study";
import { describeOrdering } from "../i18n/ordering";
import { Language } from "../method/levels";
import { Problem, error, hasErrors, quoteEn, quoteFr, warning } from "../method/problems";
import { validateStudy } from "../method/validate";
import { StudyJson, studyToJson } from "../layout/study-json";
import { writeFileAtomic } from "../hosts/xlsx/file";

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What the command borrows from main.ts, so that every command reads and reports alike. */
export interface CliTools {
  usage: string;
  readJson: (file: string) => Promise<unknown>;
  report: (problems: readonly Problem[], language: Language, io: Io) => void;
  environmentLanguage: () => Language;
  /** Ends the command with this exit code; an empty message means "already reported". */
  fail: (message: string, exitCode: number) => never;
}

/**
 * Fields of the study contract that validateStudy may not read yet: when the study it returns
 * lacks one the file has, the file's value is written back as it was, so ordering drops nothing.
 */
const CARRIED_FIELDS = ["offerings", "segments", "targets", "conquest"] as const;
type CarriedField = (typeof CARRIED_FIELDS)[number];

export async function order(args: string[], io: Io, tools: CliTools): Promise<void> {
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
    tools.fail(`order needs a study file and -o ORDERED.json\n${tools.usage}`, 2);
  const file = positionals[0];
  const output = values.output;
  const k = parseSegmentCount(values.segments, tools);
  if (await sameFile(file, output))
    tools.fail(
      `-o ${output}: is the study file itself; write the ordered study to another file`,
      2
    );

  const raw = await tools.readJson(file);
  const { study, problems } = validateStudy(raw, file);
  const carried = carriedFields(raw, study ? studyToJson(study) : undefined);
  const language = study?.language ?? tools.environmentLanguage();
  // Fields carried over are not "ignored", whatever validateStudy says of them.
  tools.report(
    problems.filter((p) => !(p.code === "unknown-field" && (p.location?.field ?? "") in carried)),
    language,
    io
  );
  if (!study || hasErrors(problems)) tools.fail("", 1);

  const { ordered, problems: refused } = orderStudy(study, { segments: k });
  if (!ordered) {
    tools.report(
      refused.map((p) => ({ ...p, location: { field: "--segments" } })),
      language,
      io
    );
    tools.fail("", 1);
  }

  const existing = segmentNames(study.segments ?? carried.segments);
  if (k !== undefined && existing.length > 0) {
    const problem = replacedSegmentsProblem(file, existing, Boolean(values.force));
    tools.report([problem], language, io);
    if (problem.severity === "error") tools.fail("", 1);
  }

  const written = withCarriedFields(studyToJson(ordered.study), carried);
  await writeFileAtomic(output, Buffer.from(JSON.stringify(written, null, 2) + "\n", "utf8"));

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
function parseSegmentCount(value: string | undefined, tools: CliTools): number | undefined {
  if (value === undefined) return undefined;
  const k = Number(value.trim());
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(k) || k < 1)
    tools.fail(`--segments: "${value}" is not a number of segments: use a whole number from 1`, 2);
  return k;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return (await fs.realpath(a)) === (await fs.realpath(b));
  } catch {
    return false; // one of them does not exist yet
  }
}

function carriedFields(
  raw: unknown,
  known: StudyJson | undefined
): Partial<Record<CarriedField, unknown>> {
  const carried: Partial<Record<CarriedField, unknown>> = {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return carried;
  const input = raw as Record<string, unknown>;
  for (const field of CARRIED_FIELDS) {
    if (input[field] !== undefined && known?.[field] === undefined) carried[field] = input[field];
  }
  return carried;
}

/** The study file's fields in the contract's order, carried fields in their place. */
function withCarriedFields(
  json: StudyJson,
  carried: Partial<Record<CarriedField, unknown>>
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(json)) {
    if (!(CARRIED_FIELDS as readonly string[]).includes(field)) result[field] = value;
  }
  for (const field of CARRIED_FIELDS) {
    const value = json[field] ?? carried[field];
    if (value !== undefined) result[field] = value;
  }
  return result;
}

function segmentNames(segments: unknown): string[] {
  if (!Array.isArray(segments)) return [];
  return segments.map((segment: unknown, i) => {
    const name = (segment as { name?: unknown } | null)?.name;
    return typeof name === "string" ? name : `#${i + 1}`;
  });
}

/** Refusal to replace the study's segments, or with --force the warning that they were. */
function replacedSegmentsProblem(file: string, names: readonly string[], force: boolean): Problem {
  const fr = names.map(quoteFr).join(", ");
  const en = names.map(quoteEn).join(", ");
  const at = { file, field: "segments" };
  if (force) {
    return warning(
      "segments-replaced",
      at,
      `segments remplacés par les segments candidats : ${fr}`,
      `segments replaced by the candidate segments: ${en}`
    );
  }
  return error(
    "segments-would-be-replaced",
    at,
    `l'étude contient déjà des segments (${fr}) que --segments remplacerait : ajoutez --force pour les remplacer, ou retirez --segments pour seulement réordonner`,
    `the study already holds segments (${en}) that --segments would replace: add --force to replace them, or leave out --segments to reorder only`
  );
}
