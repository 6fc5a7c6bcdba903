/**
 * Reads a workbook back into a study as the CLI's `read` does (the ExcelJS reader and readStudy),
 * and prints how long it took in this process, as JSON.
 *   node dist-bench/read-back.js WORKBOOK.xlsx
 */
import { performance } from "perf_hooks";
import { readWorkbookFile } from "../src/hosts/xlsx/file";
import { readStudy } from "../src/layout";

async function main(): Promise<void> {
  const start = performance.now();
  const { grids } = await readWorkbookFile(process.argv[2]);
  const loaded = performance.now();
  const { study } = readStudy(grids);
  const done = performance.now();
  if (!study) throw new Error(`${process.argv[2]}: no study read back`);
  process.stdout.write(
    JSON.stringify({ loadMs: loaded - start, studyMs: done - loaded, pairs: study.pairs.length }) +
      "\n"
  );
}

main().catch((failure) => {
  console.error(failure);
  process.exitCode = 1;
});
