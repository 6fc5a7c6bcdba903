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
import * as msg from "../method/messages";
import { PALETTE_NAMES, PaletteName, isPaletteName } from "../method/palette";
import { writeFileAtomic } from "../hosts/xlsx/file";
import { pictureModel } from "../hosts/svg/model";
import {
  SVG_GENERATOR,
  isSegmentMatrixSvg,
  pictureLayout,
  renderPicture,
} from "../hosts/svg/matrix-svg";
import { pngSoftware } from "../hosts/svg/png-text";
import { CliError, CliProblems, Io, parseLanguage, readStudyInput, sameFile } from "./common";

export const IMAGE_USAGE =
  "segment-matrix image STUDY.json|WORKBOOK.xlsx -o OUT.svg|OUT.png [--palette default|colourblind] [--lang fr|en] [--force]";

type Format = "svg" | "png";

/** Enough of an existing file to find the marker: the SVG root element or the PNG's first chunks. */
const HEAD_BYTES = 64 * 1024;

export async function image(args: string[], io: Io): Promise<void> {
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
    throw new CliError(
      `image needs a study or a workbook and -o OUT.svg|OUT.png\nusage: ${IMAGE_USAGE}`,
      2
    );
  const input = positionals[0];
  const output = values.output;
  const format = outputFormat(output);
  const palette = parsePalette(values.palette);
  const language = parseLanguage(values.lang);
  if (await sameFile(input, output))
    throw new CliError(`${output}: is the input file; choose another output file`, 2);

  const study = await readStudyInput(input, language, io, IMAGE_USAGE);
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
  throw new CliError(
    `${output}: the picture's format follows the extension: use .svg or .png\nusage: ${IMAGE_USAGE}`,
    2
  );
}

function parsePalette(value: string | undefined): PaletteName | undefined {
  if (value === undefined || isPaletteName(value)) return value;
  throw new CliError(
    `--palette: "${value}" is not a palette: use ${PALETTE_NAMES.join(" or ")}`,
    2
  );
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
    throw new CliProblems([
      msg.fileUnreadable(target, (failure as NodeJS.ErrnoException).code ?? String(failure)),
    ]);
  }
  if (pngSoftware(head) === SVG_GENERATOR || isSegmentMatrixSvg(head.toString("utf8"))) return;
  throw new CliProblems([msg.outputForeignPicture(target)]);
}
