/**
 * LibreOffice headless, with a private profile that forces recalculation on load: without it,
 * LibreOffice keeps the cached values of an .xlsx and a test could pass on stale numbers.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";

const run = promisify(execFile);

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

async function profile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sm-lo-profile-"));
  await fs.mkdir(path.join(dir, "user"), { recursive: true });
  await fs.writeFile(path.join(dir, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  return dir;
}

/** Converts files in one LibreOffice run (a start costs seconds); distinct file names. */
async function convertAll(
  inputs: readonly string[],
  filter: string,
  extension: string
): Promise<Map<string, string>> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), "sm-lo-out-"));
  const userDir = await profile();
  try {
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${userDir}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...inputs,
      ],
      { timeout: 180000 }
    );
  } finally {
    await fs.rm(userDir, { recursive: true, force: true });
  }
  const outputs = new Map<string, string>();
  for (const input of inputs) {
    const output = path.join(
      outDir,
      path.basename(input).replace(/\.[^.]+$/, "") + "." + extension
    );
    await fs.access(output);
    outputs.set(input, output);
  }
  return outputs;
}

async function convert(input: string, filter: string, extension: string): Promise<string> {
  return (await convertAll([input], filter, extension)).get(input) as string;
}

/** Opens the file in LibreOffice Calc, recalculates every formula, saves it as .xlsx. */
export function recalculate(input: string): Promise<string> {
  return convert(input, "xlsx:Calc MS Excel 2007 XML", "xlsx");
}

/** Renders the workbook (every sheet) to PDF, as LibreOffice prints it. */
export function toPdf(input: string): Promise<string> {
  return convert(input, "pdf", "pdf");
}

/** Recalculates several workbooks in one LibreOffice run; distinct file names. */
export function recalculateAll(inputs: readonly string[]): Promise<Map<string, string>> {
  return convertAll(inputs, "xlsx:Calc MS Excel 2007 XML", "xlsx");
}

/** Prints several workbooks to PDF in one LibreOffice run (a start costs seconds); distinct names. */
export function toPdfAll(inputs: readonly string[]): Promise<Map<string, string>> {
  return convertAll(inputs, "pdf", "pdf");
}
