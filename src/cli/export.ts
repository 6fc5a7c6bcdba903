/**
 * export STUDY.json|WORKBOOK.xlsx -o CLIENT.xlsx|CLIENT.pdf [--sheets matrix,legend,segments,targeting]
 *        [--palette default|colourblind] [--lang fr|en] [--force]
 * The client deliverable (layout/export.ts): the chosen sheets with fixed values and fixed colours,
 * as a workbook or, through LibreOffice, as a PDF; the format follows the output's extension.
 * Exit 0 on success; 1 on bad input, a file it may not replace or no LibreOffice for a PDF; 2 on misuse.
 * The output replaces only an earlier client export unless --force, and never a working workbook.
 */
import path from "path";
import { parseArgs } from "util";
import { hasErrors } from "../method/problems";
import * as msg from "../method/messages";
import { EXPORT_PARTS, ExportPart, clientPlan, isExportPart } from "../layout/export";
import { excelLimitProblems } from "../layout/limits";
import { clientPlanToBuffer } from "../hosts/xlsx/file";
import { PRINT_LOCALES, PdfFailure, findSoffice, xlsxToPdf } from "../hosts/pdf/libreoffice";
import { CliError, CliProblems, Io, parseLanguage, readStudyInput, report } from "./common";
import { parsePalette } from "./image";
import { guardOutput, writeOutput } from "./output-guard";

export const EXPORT_USAGE =
  "segment-matrix export STUDY.json|WORKBOOK.xlsx -o CLIENT.xlsx|CLIENT.pdf [--sheets matrix,legend,segments,targeting] [--palette default|colourblind] [--lang fr|en] [--force]";

type Format = "xlsx" | "pdf";

export async function exportCommand(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      sheets: { type: "string" },
      palette: { type: "string" },
      lang: { type: "string" },
      force: { type: "boolean" },
    },
  });
  if (positionals.length !== 1 || !values.output)
    throw new CliError(
      `export needs a study or a workbook and -o CLIENT.xlsx|CLIENT.pdf\nusage: ${EXPORT_USAGE}`,
      2
    );
  const input = positionals[0];
  const output = values.output;
  const format = outputFormat(output);
  const parts = parseParts(values.sheets);
  const palette = parsePalette(values.palette);
  const language = parseLanguage(values.lang);
  // Said before any work: the PDF cannot be made here.
  const soffice = format === "pdf" ? await findSoffice() : undefined;
  if (format === "pdf" && !soffice) throw new CliProblems([msg.libreOfficeMissing(output)]);

  const study = await readStudyInput(input, language, io, EXPORT_USAGE);
  const messages = language ?? study.language;
  const limits = excelLimitProblems(study, language ?? study.language, input);
  const { plan, problems } =
    limits.length > 0
      ? { plan: undefined, problems: limits }
      : clientPlan(study, { parts, palette, language, created: new Date() });
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
  const paletteName = palette ?? study.palette ?? "default";
  io.err(
    messages === "fr"
      ? `${format === "pdf" ? "PDF" : "Classeur client"} : ${sheets} ; palette ${paletteName}`
      : `${format === "pdf" ? "PDF" : "Client workbook"}: ${sheets}; palette ${paletteName}`
  );
  io.out(output);
}

function outputFormat(output: string): Format {
  const extension = path.extname(output).toLowerCase();
  if (extension === ".xlsx") return "xlsx";
  if (extension === ".pdf") return "pdf";
  throw new CliError(
    `${output}: the export's format follows the extension: use .xlsx or .pdf\nusage: ${EXPORT_USAGE}`,
    2
  );
}

/** "matrix,legend": the parts asked for, in the workbook's order; a wrong one is named. */
function parseParts(value: string | undefined): ExportPart[] | undefined {
  if (value === undefined) return undefined;
  const asked = value
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== "");
  if (asked.length === 0)
    throw new CliError(`--sheets: name at least one of ${EXPORT_PARTS.join(", ")}`, 2);
  for (const part of asked)
    if (!isExportPart(part))
      throw new CliError(
        `--sheets: "${part}" is not a sheet of the export: use ${EXPORT_PARTS.join(", ")}`,
        2
      );
  return EXPORT_PARTS.filter((part) => asked.includes(part));
}
