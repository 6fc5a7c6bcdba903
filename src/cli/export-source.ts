/** What `export` reads: a study, an RFM workbook's summary, or both (a workbook holding both). */
import path from "path";
import { Language } from "../method/levels";
import { Study } from "../method/study";
import { sheetsToRead } from "../layout/managed";
import {
  RfmSummaryRead,
  isRfmWorkbook,
  readRfmSummary,
  rfmSummarySheetName,
} from "../layout/sheets/rfm";
import { Io, readStudyInput, readWorkbook, studyOfGrids } from "./common";

/**
 * The study of a study file or a workbook, and the workbook's RFM summary when it has one; an RFM
 * workbook (every sheet an RFM sheet) has no study, only its summary.
 */
export async function readExportSource(
  input: string,
  language: Language | undefined,
  io: Io,
  usage: string
): Promise<{ study?: Study; rfm?: RfmSummaryRead }> {
  if (path.extname(input).toLowerCase() !== ".xlsx")
    return { study: await readStudyInput(input, language, io, usage) };
  // The study's sheets and the RFM summary; never the customers' sheet (their ids stay out).
  const { grids, listing } = await readWorkbook(input, {
    sheets: (workbook) => {
      const wanted = sheetsToRead(workbook);
      const summary = rfmSummarySheetName(workbook);
      if (summary !== undefined) wanted.add(summary);
      return wanted;
    },
  });
  const rfm = readRfmSummary(grids);
  if (rfm && isRfmWorkbook(listing)) return { rfm };
  return { study: studyOfGrids(grids, input, language, io), rfm };
}
