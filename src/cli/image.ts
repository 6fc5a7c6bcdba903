/**
 * image STUDY.json|WORKBOOK.xlsx -o OUT.svg|OUT.png [--palette default|colourblind] [--lang fr|en] [--force]
 * The picture of the score matrix for slides; the format follows the output's extension.
 * Exit 0 on success; 1 on bad input (one line per problem) or a file it may not replace; 2 on misuse.
 * A workbook is read exactly as `read` reads it. The output is written atomically and replaces
 * only a picture Segment Matrix made (SVG marker, PNG "Software" chunk), unless --force; never the input.
 */
import { promises as fs } from "fs";
import path from "path";
import { parseArgs } from "util";
import { Language } from "../method/levels";
import { PALETTE_NAMES, PaletteName, isPaletteName } from "../method/palette";
import { Problem, formatProblem, hasErrors } from "../method/problems";
import { Study } from "../method/study";
import { validateStudy } from "../method/validate";
import { readStudy } from "../layout/read-study";
import { readWorkbookFile, writeFileAtomic } from "../hosts/xlsx/file";
import { pictureModel } from "../hosts/svg/model";
import {
  SVG_GENERATOR,
  isSegmentMatrixSvg,
  pictureLayout,
  renderPicture,
} from "../hosts/svg/matrix-svg";
import { pngSoftware } from "../hosts/svg/png-text";

export const IMAGE_USAGE =
  "segment-matrix image STUDY.json|WORKBOOK.xlsx -o OUT.svg|OUT.png [--palette default|colourblind] [--lang fr|en] [--force]";

type Format = "svg" | "png";

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

class ImageError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2
  ) {
    super(message);
  }
}

/** Enough of an existing file to find the marker: the SVG root element or the PNG's first chunks. */
const HEAD_BYTES = 64 * 1024;

/** Runs the command; returns the exit code. Unexpected failures are left to the caller. */
export async function image(args: string[], io: Io): Promise<number> {
  try {
    await run(args, io);
    return 0;
  } catch (failure) {
    if (failure instanceof ImageError) {
      if (failure.message) io.err(`error: ${failure.message}`);
      return failure.exitCode;
    }
    if (String((failure as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS")) {
      io.err(`error: ${(failure as Error).message}\nusage: ${IMAGE_USAGE}`);
      return 2;
    }
    throw failure;
  }
}

async function run(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      palette: { type: "string" },
      lang: { type: "string" },
      force: { type: "boolean" },
    },
  });
  if (positionals.length !== 1 || !values.output)
    throw new ImageError(
      `image needs a study or a workbook and -o OUT.svg|OUT.png\nusage: ${IMAGE_USAGE}`,
      2
    );
  const input = positionals[0];
  const output = values.output;
  const format = outputFormat(output);
  const palette = parsePalette(values.palette);
  const language = parseLanguage(values.lang);
  if (await sameFile(input, output))
    throw new ImageError(`${output}: is the input file; choose another output file`, 2);

  const study = await readInput(input, language, io);
  await checkOverwrite(output, Boolean(values.force));
  const model = pictureModel(study, { language, palette });
  const svg = renderPicture(model);
  const data =
    format === "svg"
      ? Buffer.from(svg, "utf8")
      : // Loaded only when asked for: the native renderer is not needed for anything else.
        (await import("../hosts/svg/png")).svgToPng(svg);
  await writeFileAtomic(output, data);

  const { width, height } = pictureLayout(model);
  const rated = model.scores.flat().filter((score) => score !== undefined).length;
  io.err(
    (language ?? study.language) === "fr"
      ? `${format.toUpperCase()} ${width} × ${height} : ${model.clienteles.length} clientèles × ${model.needs.length} besoins, ${rated} scores, palette ${model.palette.name}`
      : `${format.toUpperCase()} ${width} × ${height}: ${model.clienteles.length} clientèles × ${model.needs.length} needs, ${rated} scores, palette ${model.palette.name}`
  );
  io.out(output);
}

function outputFormat(output: string): Format {
  const extension = path.extname(output).toLowerCase();
  if (extension === ".svg") return "svg";
  if (extension === ".png") return "png";
  throw new ImageError(
    `${output}: the picture's format follows the extension: use .svg or .png\nusage: ${IMAGE_USAGE}`,
    2
  );
}

function parsePalette(value: string | undefined): PaletteName | undefined {
  if (value === undefined || isPaletteName(value)) return value;
  throw new ImageError(
    `--palette: "${value}" is not a palette: use ${PALETTE_NAMES.join(" or ")}`,
    2
  );
}

function parseLanguage(value: string | undefined): Language | undefined {
  if (value === undefined) return undefined;
  if (value === "fr" || value === "en") return value;
  throw new ImageError(`--lang: "${value}" is not a language of the picture: use fr or en`, 2);
}

/** Same path, or the same file through another path (a link), when both exist. */
async function sameFile(first: string, second: string): Promise<boolean> {
  if (path.resolve(first) === path.resolve(second)) return true;
  try {
    return (await fs.realpath(first)) === (await fs.realpath(second));
  } catch {
    return false;
  }
}

function environmentLanguage(): Language {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
  return locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

function report(problems: readonly Problem[], language: Language, io: Io): void {
  for (const problem of problems) {
    const prefix =
      problem.severity === "error"
        ? { fr: "erreur", en: "error" }[language]
        : { fr: "attention", en: "warning" }[language];
    io.err(`${prefix}: ${formatProblem(problem, language)}`);
  }
}

/** A study file (validated as `build` does) or a workbook (read as `read` does). */
async function readInput(file: string, language: Language | undefined, io: Io): Promise<Study> {
  const extension = path.extname(file).toLowerCase();
  let study: Study | undefined;
  let problems: Problem[];
  if (extension === ".json") {
    ({ study, problems } = validateStudy(await readJson(file), file));
  } else if (extension === ".xlsx") {
    // ExcelJS says "File not found" without an error code: look first.
    await fs.access(file).catch(() => {
      throw new ImageError(`${file}: no such file`, 1);
    });
    let grids;
    try {
      ({ grids } = await readWorkbookFile(file));
    } catch (failure) {
      throw new ImageError(`${file}: not an .xlsx workbook (${(failure as Error).message})`, 1);
    }
    const read = readStudy(grids);
    study = read.study;
    problems = read.problems.map((p) => ({ ...p, location: { ...p.location, file } }));
  } else {
    throw new ImageError(
      `${file}: give a study file (.json) or a workbook (.xlsx)\nusage: ${IMAGE_USAGE}`,
      2
    );
  }
  report(problems, language ?? study?.language ?? environmentLanguage(), io);
  if (!study || hasErrors(problems)) throw new ImageError("", 1);
  return study;
}

async function readJson(file: string): Promise<unknown> {
  let content: string;
  try {
    content = await fs.readFile(file, "utf8");
  } catch (failure) {
    throw new ImageError(
      `${file}: cannot read the study file (${(failure as NodeJS.ErrnoException).code ?? String(failure)})`,
      1
    );
  }
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ""));
  } catch (failure) {
    throw new ImageError(`${file}: not valid JSON (${(failure as Error).message})`, 1);
  }
}

/** An existing output is replaced only if it is a picture Segment Matrix made, or with --force. */
async function checkOverwrite(target: string, force: boolean): Promise<void> {
  if (force) return;
  let head: Buffer;
  try {
    const handle = await fs.open(target, "r");
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (failure) {
    if ((failure as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new ImageError(
      `${target}: exists and cannot be read (${(failure as NodeJS.ErrnoException).code ?? String(failure)}); choose another output file`,
      1
    );
  }
  if (pngSoftware(head) === SVG_GENERATOR || isSegmentMatrixSvg(head.toString("utf8"))) return;
  throw new ImageError(
    `${target}: exists and is not a picture Segment Matrix made; choose another output file, or add --force to replace it`,
    1
  );
}
