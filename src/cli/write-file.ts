/**
 * Writing an output as the consultant would expect of a save: all or nothing (a temporary file
 * beside the target, then a rename), the replaced file's permissions kept (a 0600 study stays
 * private, a 0444 one stays read-only), and no debris: folders made for the output are removed
 * when the write fails, and the temporary file a killed run left (`.NAME.PID.tmp`) is removed by the
 * next run to the same output once that run is surely gone.
 */
import { promises as fs, Stats } from "fs";
import path from "path";

/** A temporary file older than this is debris even if its PID is alive again (a reused PID). */
export const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Bytes a file name may take on common file systems (ext4, APFS, NTFS in UTF-16 units aside). */
const NAME_MAX_BYTES = 255;
/** What `.` + `.PID.tmp` add, with the longest process id (10 digits). */
const TEMPORARY_EXTRA_BYTES = 1 + 1 + 10 + 4;

/**
 * The output's name as its temporary file carries it: whole, or cut (at a character boundary) so
 * that `.NAME.PID.tmp` still fits where NAME itself fits.
 */
function temporaryBase(base: string): string {
  let fitted = base;
  while (Buffer.byteLength(fitted, "utf8") > NAME_MAX_BYTES - TEMPORARY_EXTRA_BYTES) {
    const last = fitted.codePointAt(fitted.length - 1) ?? 0;
    // A character beyond U+FFFF ends in a low surrogate: both halves go together.
    fitted = fitted.slice(0, fitted.length - (last >= 0xdc00 && last <= 0xdfff ? 2 : 1));
  }
  return fitted;
}

/** `.NAME.PID.tmp`: the temporary file of the run with that process id, for the output NAME. */
export function temporaryName(target: string, pid: number): string {
  return path.join(path.dirname(target), `.${temporaryBase(path.basename(target))}.${pid}.tmp`);
}

/**
 * The process id of a temporary file of `base` (the output's file name), or undefined when `entry`
 * is another file.
 */
export function temporaryPid(entry: string, base: string): number | undefined {
  const prefix = `.${temporaryBase(base)}.`;
  const suffix = ".tmp";
  if (!entry.startsWith(prefix) || !entry.endsWith(suffix)) return undefined;
  const digits = entry.slice(prefix.length, entry.length - suffix.length);
  if (digits.length === 0 || digits.length > 10) return undefined;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  return Number(digits);
}

/** Whether a process with this id runs on this machine (one we may not signal runs too). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (failure) {
    return (failure as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files earlier runs left for this output: those whose process is gone, or
 * that are older than STALE_TEMPORARY_MS (a write takes seconds; an hour-old one whose PID is alive
 * belongs to another process that reused the id). Only regular files and links, never a folder;
 * a file that cannot be removed is left, since the write does not depend on it.
 */
export async function removeStaleTemporaries(target: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = temporaryPid(entry, base);
    if (pid === undefined || pid === process.pid) continue;
    const file = path.join(dir, entry);
    let stat: Stats;
    try {
      stat = await fs.lstat(file);
    } catch {
      continue;
    }
    if (!stat.isFile() && !stat.isSymbolicLink()) continue;
    if (isProcessAlive(pid) && now - stat.mtimeMs < STALE_TEMPORARY_MS) continue;
    try {
      await fs.unlink(file);
      removed.push(file);
    } catch {
      // Not ours to insist on: the write below does not need that name.
    }
  }
  return removed;
}

/**
 * Creates the folders up to `dir`, one level at a time from the nearest one that exists, so that a
 * path that can never be created (under /proc, or through a file) fails at once with its reason
 * (Node's recursive mkdir loops forever on some such paths). Returns the folders it created,
 * outermost first; on failure, removes those it had created before throwing.
 */
export async function createFolders(dir: string): Promise<string[]> {
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
  const created: string[] = [];
  try {
    for (const folder of missing) {
      try {
        await fs.mkdir(folder);
        created.push(folder);
      } catch (failure) {
        if ((failure as NodeJS.ErrnoException).code !== "EEXIST") throw failure;
      }
    }
  } catch (failure) {
    await removeFolders(created);
    throw failure;
  }
  return created;
}

/** Removes folders this run created, innermost first, only while empty (rmdir, never recursive). */
export async function removeFolders(created: readonly string[]): Promise<void> {
  for (const folder of [...created].reverse()) {
    try {
      await fs.rmdir(folder);
    } catch {
      return; // not empty (someone else wrote there meanwhile) or gone: leave it and its parents
    }
  }
}

/**
 * Writes `data` to `target` (a path already resolved through links): a temporary file beside it,
 * given the replaced file's mode and group (and, run as root, its owner), flushed, then renamed over it.
 * A new file gets the usual mode (0666 less the umask). On failure, nothing of this run is left.
 */
export async function writeFileKeepingMode(target: string, data: Buffer): Promise<void> {
  let replaced: Stats | undefined;
  try {
    replaced = await fs.stat(target);
  } catch {
    replaced = undefined;
  }
  const created = await createFolders(path.dirname(target));
  const temporary = temporaryName(target, process.pid);
  try {
    await removeStaleTemporaries(target);
    // Our own name may be left by an earlier run that had this PID: it goes first; "wx" then
    // refuses to write through a link planted at the name meanwhile.
    await fs.rm(temporary, { force: true });
    const handle = await fs.open(temporary, "wx", replaced ? 0o600 : 0o666);
    try {
      await handle.writeFile(data);
      if (replaced) {
        await handle.chmod(replaced.mode & 0o777);
        // Root gives the file back to its owner; anyone may keep its group if a member of it.
        // Best effort: a file system without owners (FAT) refuses, and the write goes on.
        const uid = process.getuid?.();
        const owner = uid === 0 ? replaced.uid : uid;
        const opened = await handle.stat();
        if (owner !== undefined && (opened.uid !== owner || opened.gid !== replaced.gid))
          await handle.chown(owner, replaced.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (failure) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    await removeFolders(created);
    throw failure;
  }
}
