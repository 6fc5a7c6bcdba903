/**
 * image STUDY.json|WORKBOOK.xlsx -o OUT.svg|OUT.png [--palette default|colourblind] [--lang fr|en] [--competition] [--force]
 * The picture of the score matrix for slides; the format follows the output's extension.
 * Exit 0 on success; 1 on bad input (one line per problem) or a file it may not replace; 2 on misuse.
 * A workbook is read exactly as `read` reads it. The output is written atomically and replaces
 * only a picture Segment Matrix made (SVG marker, PNG "Software" chunk), unless --force; never the input.
 */
import path from "path";
import { parseArgs } from "util";
import { PALETTE_NAMES, PaletteName, isPaletteName } from "../method/colour";
import { pictureModel } from "../hosts/svg/model";
import { pictureLayout, renderPicture } from "../hosts/svg/matrix-svg";
import { CliError, Io, parseLanguage, readStudyInput } from "./common";
import { guardOutput, writeOutput } from "./output-guard";

export const IMAGE_USAGE =
  "segment-matrix image STUDY.json|WORKBOOK.xlsx -o OUT.svg|OUT.png [--palette default|colourblind] [--lang fr|en] [--competition] [--force]";

type Format = "svg" | "png";

export async function image(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      palette: { type: "string" },
      lang: { type: "string" },
      competition: { type: "boolean" },
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

  const study = await readStudyInput(input, language, io, IMAGE_USAGE);
  const target = await guardOutput(output, {
    inputs: [input],
    force: Boolean(values.force),
    kind: "picture",
  });
  const model = pictureModel(study, {
    language,
    palette,
    competition: Boolean(values.competition),
  });
  const svg = renderPicture(model);
  const data =
    format === "svg"
      ? Buffer.from(svg, "utf8")
      : // Loaded only when asked for: the native renderer is not needed for anything else.
        (await import("../hosts/svg/png")).svgToPng(svg);
  await writeOutput(output, target, data);

  const { width, height } = pictureLayout(model);
  const rated = model.scores.flat().filter((score) => score !== undefined).length;
  io.err(
    (language ?? study.language) === "fr"
      ? `${format.toUpperCase()} ${width} × ${height} : ${model.clienteles.length} clientèles × ${model.needs.length} besoins, ${rated} scores, couleurs ${model.palette.label.fr}`
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

export function parsePalette(value: string | undefined): PaletteName | undefined {
  if (value === undefined || isPaletteName(value)) return value;
  throw new CliError(
    `--palette: "${value}" is not a palette: use ${PALETTE_NAMES.join(" or ")}`,
    2
  );
}
