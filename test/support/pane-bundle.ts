/** Builds the task pane with the project's own webpack config, into a folder of the test's choosing. */
import { execFile } from "child_process";
import path from "path";
import { promisify } from "util";

const ROOT = path.join(__dirname, "..", "..");

/** Runs pane-build.js (webpack's Node API) in node itself: see that file for why not in jest. */
export async function buildPane(outputDir: string): Promise<void> {
  const script = path.join(__dirname, "pane-build.js");
  try {
    await promisify(execFile)(process.execPath, [script, outputDir], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (failure) {
    const stderr = (failure as { stderr?: string }).stderr;
    throw new Error(`building the task pane failed:\n${stderr || String(failure)}`);
  }
}
