/**
 * export STUDY.json|WORKBOOK.xlsx -o CLIENT.xlsx|CLIENT.pdf|DECK.pptx [--sheets|--slides matrix,legend,segments,targeting,rfm]
 *        [--palette default|colourblind] [--lang fr|en] [--competition] [--force]
 * The client deliverable (layout/export.ts): the chosen sheets with fixed values and fixed colours,
 * as a workbook or, through LibreOffice, as a PDF, or as a deck (export-deck.ts); the format
 * follows the output's extension.
 * Exit 0 on success; 1 on bad input, a file it may not replace or no LibreOffice for a PDF; 2 on misuse.
 * The output replaces only an earlier client export unless --force, and never a working workbook.
 */
import path from "path";
import { parseArgs } from "util";
import { hasErrors } from "../messages";
import * as msg from "../messages";
import {
  EXPORT_PARTS,
  ExportPart,
  clientPlan,
  isExportPart,
  rfmClientPlan,
} from "../layout/export";
import { RfmSummaryRead } from "../layout/sheets/rfm";
import { readExportSource } from "./export-source";
import { excelLimitProblems } from "../layout/limits";
import { clientPlanToBuffer } from "../hosts/xlsx/file";
import { PRINT_LOCALES, PdfFailure, findSoffice, xlsxToPdf } from "../hosts/pdf/libreoffice";
import { PALETTES } from "../method/colour";
import { CliError, CliProblems, Io, parseLanguage, report } from "./common";
import { parsePalette } from "./image";
import { guardOutput, writeOutput } from "./output-guard";
import { exportDeck } from "./export-deck";

export const EXPORT_USAGE =
  "segment-matrix export STUDY.json|WORKBOOK.xlsx -o CLIENT.xlsx|CLIENT.pdf|DECK.pptx [--sheets|--slides matrix,legend,segments,targeting,rfm] [--palette default|colourblind] [--lang fr|en] [--competition] [--force]";

type Format = "xlsx" | "pdf" | "pptx";

export async function exportCommand(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      sheets: { type: "string" },
      slides: { type: "string" },
      palette: { type: "string" },
      lang: { type: "string" },
      competition: { type: "boolean" },
      force: { type: "boolean" },
    },
  });
  if (positionals.length !== 1 || !values.output)
    throw new CliError(
      `export needs a study or a workbook and -o CLIENT.xlsx|CLIENT.pdf|DECK.pptx\nusage: ${EXPORT_USAGE}`,
      2
    );
  const input = positionals[0];
  const output = values.output;
  const format = outputFormat(output);
  if (values.slides !== undefined && format !== "pptx")
    throw new CliError(`--slides is for a deck (.pptx); use --sheets\nusage: ${EXPORT_USAGE}`, 2);
  if (values.sheets !== undefined && format === "pptx")
    throw new CliError(
      `--sheets is for a client workbook or PDF; use --slides\nusage: ${EXPORT_USAGE}`,
      2
    );
  const parts = parseParts(values.slides ?? values.sheets, values.slides ? "--slides" : "--sheets");
  const palette = parsePalette(values.palette);
  const language = parseLanguage(values.lang);
  const competition = Boolean(values.competition);
  if (format === "pptx") {
    const request = { input, output, parts, palette, language, competition, usage: EXPORT_USAGE };
    return exportDeck({ ...request, force: Boolean(values.force) }, io);
  }
  // Said before any work: the PDF cannot be made here.
  const soffice = format === "pdf" ? await findSoffice() : undefined;
  if (format === "pdf" && !soffice) throw new CliProblems([msg.libreOfficeMissing(output)]);

  const { study, rfm } = await readExportSource(input, language, io, EXPORT_USAGE);
  const messages = language ?? study?.language ?? rfm?.language ?? "fr";
  const options = { parts, palette, language, competition, created: new Date(), rfm };
  const limits = study ? excelLimitProblems(study, messages, input) : [];
  const { plan, problems } =
    limits.length > 0
      ? { plan: undefined, problems: limits }
      : study
        ? clientPlan(study, options)
        : rfmClientPlan(rfm as RfmSummaryRead, options);
  report(problems, messages, io);
  if (!plan || hasErrors(problems)) throw new CliError("", 1);
  const target = await guardOutput(output, {
    inputs: [input],
    force: Boolean(values.force),
    kind: format === "pdf" ? "clientPdf" : "clientWorkbook",
  });

  const workbook = await clientPlanToBuffer(plan);
  let data = workbook;
  if (format === "pdf" && soffice) {
    try {
      data = await xlsxToPdf(workbook, { soffice, locale: PRINT_LOCALES[plan.language] });
    } catch (failure) {
      const detail =
        failure instanceof PdfFailure
          ? failure.message
          : String((failure as Error).message ?? failure);
      throw new CliProblems([msg.libreOfficeFailed(output, detail)]);
    }
  }
  await writeOutput(output, target, data);

  const sheets = plan.sheets.map((sheet) => sheet.name).join(", ");
  const paletteName = palette ?? study?.palette ?? "default";
  io.err(
    messages === "fr"
      ? `${format === "pdf" ? "PDF" : "Classeur client"} : ${sheets} ; couleurs ${PALETTES[paletteName].label.fr}`
      : `${format === "pdf" ? "PDF" : "Client workbook"}: ${sheets}; palette ${paletteName}`
  );
  io.out(output);
}

function outputFormat(output: string): Format {
  const extension = path.extname(output).toLowerCase();
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".pdf") return "pdf";
  if (extension === ".pptx") return "pptx";
  throw new CliError(
    `${output}: the export's format follows the extension: use .xlsx, .pdf or .pptx\nusage: ${EXPORT_USAGE}`,
    2
  );
}

/** "matrix,legend": the parts asked for, in the workbook's order; a wrong one is named. */
function parseParts(value: string | undefined, flag = "--sheets"): ExportPart[] | undefined {
  if (value === undefined) return undefined;
  const asked = value
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== "");
  if (asked.length === 0)
    throw new CliError(`${flag}: name at least one of ${EXPORT_PARTS.join(", ")}`, 2);
  for (const part of asked)
    if (!isExportPart(part))
      throw new CliError(
        `${flag}: "${part}" is not ${flag === "--slides" ? "a part of the deck" : "a sheet of the export"}: use ${EXPORT_PARTS.join(", ")}`,
        2
      );
  return EXPORT_PARTS.filter((part) => asked.includes(part));
}
