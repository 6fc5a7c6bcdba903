/** Files: build, template and read .xlsx on disk, written atomically (no partial file is ever left). */
import { promises as fs } from "fs";
import path from "path";
import { WorkbookPlan } from "../../layout/plan";
import { STATE_NAMESPACE, planState, stateToXml } from "../../layout/state";
import { planToXlsx } from "./render";

export { listWorkbookFile, readWorkbookFile } from "./read";

/** The workbook of a plan, with the add-in's state in it (layout version, what it owns). */
export async function planToBuffer(plan: WorkbookPlan): Promise<Buffer> {
  return planToXlsx(plan, {
    customXml: { xml: stateToXml(planState(plan)), namespace: STATE_NAMESPACE },
  });
}

/**
 * A client export (layout/export.ts): the plan's workbook without the add-in's state: the
 * deliverable is not a working workbook, and nothing in it is the add-in's to manage.
 */
export async function clientPlanToBuffer(plan: WorkbookPlan): Promise<Buffer> {
  return planToXlsx(plan);
}

/**
 * Creates the folders up to `dir`, one level at a time from the nearest one that exists, so that a
 * path that can never be created (under /proc, or through a file) fails at once with its reason.
 * (Node's recursive mkdir loops forever on some such paths.)
 */
export async function ensureDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      const stat = await fs.stat(current);
      if (!stat.isDirectory())
        throw Object.assign(new Error(`${current} is not a directory`), { code: "ENOTDIR" });
      break;
    } catch (failure) {
      if ((failure as NodeJS.ErrnoException).code !== "ENOENT") throw failure;
      const parent = path.dirname(current);
      if (parent === current) throw failure;
      missing.unshift(current);
      current = parent;
    }
  }
  for (const folder of missing) {
    try {
      await fs.mkdir(folder);
    } catch (failure) {
      if ((failure as NodeJS.ErrnoException).code !== "EEXIST") throw failure;
    }
  }
}

/** Writes next to the target, then renames: readers never see half a file, a failure leaves none. */
export async function writeFileAtomic(target: string, data: Buffer): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await ensureDirectory(dir);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    // "wx": never through a link planted at the temporary name; a stale one from a crash goes first.
    await fs.rm(temporary, { force: true });
    await fs.writeFile(temporary, data, { flag: "wx" });
    await fs.rename(temporary, target);
  } catch (failure) {
    await fs.rm(temporary, { force: true });
    throw failure;
  }
}
