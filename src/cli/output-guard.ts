/**
 * One guard for every command that writes a file (build, template, read -o, and the commands to
 * come): never the input file, never a directory or a special file, never a workbook with macros
 * (its VBA project would be lost, --force or not), and never a file Segment Matrix did not create
 * unless --force, nor a read-only file unless --force. Then the output is written atomically,
 * keeping the replaced file's mode (write-file.ts); a path that cannot be written fails at once
 * with its reason.
 */
import { promises as fs, Stats } from "fs";
import path from "path";
import { managedSheetNames } from "../layout/managed";
import { NAMES } from "../layout/names";
import { CLIENT_EXPORT_KEYWORDS } from "../layout/export";
import { pdfKeywords } from "../hosts/pdf/libreoffice";
import * as msg from "../messages";
import { Problem } from "../messages";
import { LAYOUT_VERSION } from "../layout/state";
import { listWorkbookFile, WorkbookListing } from "../hosts/xlsx/read";
import { SVG_GENERATOR, isSegmentMatrixSvg } from "../hosts/svg/matrix-svg";
import { pngSoftware } from "../hosts/svg/png-text";
import { isSegmentMatrixDeck } from "../hosts/pptx/marker";
import { FileProblems, decodeStudyBytes, STUDY_MAX_BYTES } from "./study-file";
import { writeFileKeepingMode } from "./write-file";

export { FileProblems } from "./study-file";

const EXCEL_FORMATS = [".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".xls", ".xlam"];

/** Output names that say a format the command does not write. */
const WRONG_EXTENSIONS: Record<OutputGuardOptions["kind"], readonly string[]> = {
  workbook: [".json", ...EXCEL_FORMATS.filter((ext) => ext !== ".xlsx")],
  study: EXCEL_FORMATS,
  // The image and export commands take their format from the extension and refuse any other.
  picture: [],
  clientWorkbook: [],
  clientPdf: [],
  clientDeck: [],
};

/** The creator the command line writes in docProps/core.xml (ExcelJS renders it). */
export const CREATOR = "Segment Matrix";

export interface OutputGuardOptions {
  /** The files the command reads: never overwritten, even through another path or a link. */
  inputs: readonly string[];
  force: boolean;
  /** False when the command has no --force that overrides the guard (`order`): not suggested. */
  forceable?: boolean;
  /**
   * What the command writes: a workbook replaces only the add-in's working workbooks, a study only
   * studies, a client export only an earlier client export (never a working workbook, --force or not).
   */
  kind: "workbook" | "study" | "picture" | "clientWorkbook" | "clientPdf" | "clientDeck";
}

/**
 * Checks that `target` may be written and returns the path to write (a symbolic link is followed,
 * so the link stays a link). Throws FileProblems, with one problem, otherwise.
 */
export async function guardOutput(target: string, options: OutputGuardOptions): Promise<string> {
  const refuse = (problem: Problem): never => {
    throw new FileProblems([problem]);
  };
  // Last, once nothing else is wrong: a name that says another format is a mistake in waiting
  // (`read WB.xlsx -o WB2.xlsx`).
  const allow = (writable: string): string => {
    const extension = path.extname(target).toLowerCase();
    const kind = options.kind;
    if (
      !options.force &&
      (kind === "workbook" || kind === "study") &&
      WRONG_EXTENSIONS[kind].includes(extension)
    )
      return refuse(msg.outputExtension(target, kind));
    return writable;
  };
  // "out.xlsx/" names a folder: path.resolve would quietly drop the slash and write out.xlsx.
  if (/[\\/]$/.test(target)) return refuse(msg.outputNotFile(target, "directory"));
  let resolved = path.resolve(target);
  let stat: Stats;
  try {
    stat = await fs.lstat(resolved);
  } catch (failure) {
    const code = (failure as NodeJS.ErrnoException).code ?? String(failure);
    if (code !== "ENOENT") return refuse(msg.outputUnwritable(target, code));
    await checkFolder(target, path.dirname(resolved));
    return allow(resolved);
  }
  if (stat.isSymbolicLink()) {
    // A link that leads nowhere a file can be (dangling, or /dev/stdout to a pipe): the atomic
    // rename would replace the link itself.
    try {
      resolved = await fs.realpath(resolved);
      stat = await fs.stat(resolved);
    } catch {
      return refuse(msg.outputNotFile(target, "link"));
    }
  }
  if (stat.isDirectory()) return refuse(msg.outputNotFile(target, "directory"));
  if (!stat.isFile()) return refuse(msg.outputNotFile(target, "special"));
  for (const input of options.inputs) {
    const inputStat = await fs.stat(input).catch(() => undefined);
    if (inputStat && inputStat.dev === stat.dev && inputStat.ino === stat.ino)
      return refuse(msg.outputIsInput(target));
  }
  // Read-only to us (0444, or another user's file): the rename would replace it all the same.
  if (!options.force && !(await isWritable(resolved, stat)))
    return refuse(msg.outputReadOnly(target, options.forceable ?? true));
  // An empty file holds nothing to lose (`touch out.xlsx`).
  if (stat.size === 0) return allow(resolved);

  const head = await firstBytes(resolved, 8);
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  let listing: WorkbookListing | undefined;
  if (isZip) listing = await listWorkbookFile(target, {}).catch(() => undefined);
  if (listing?.macros || (isZip && !listing && (await mentionsVba(resolved))))
    return refuse(msg.outputMacros(target));
  // A deliverable written over the consultant's ticks and ratings: never, whatever the flags say.
  const client =
    options.kind === "clientWorkbook" ||
    options.kind === "clientPdf" ||
    options.kind === "clientDeck";
  if (client && listing && isWorkingWorkbook(listing))
    return refuse(msg.outputWorkingWorkbook(target));
  if (options.force) return resolved;

  if (options.kind === "clientPdf") {
    if (await isClientPdf(resolved, stat)) return allow(resolved);
    return refuse(msg.outputForeignPdf(target));
  }
  if (options.kind === "clientDeck") {
    if (isZip && (await isSegmentMatrixDeck(resolved))) return allow(resolved);
    return refuse(msg.outputForeignDeck(target));
  }
  if (options.kind === "clientWorkbook") {
    if (!listing || !isClientExport(listing)) return refuse(msg.outputForeignFile(target));
    const problem = foreignWorkbook(target, listing, true);
    return problem ? refuse(problem) : allow(resolved);
  }

  if (options.kind === "picture") {
    if (isSegmentMatrixPicture(await firstBytes(resolved, PICTURE_HEAD))) return allow(resolved);
    return refuse(msg.outputForeignPicture(target));
  }
  if (options.kind === "study") {
    if (!isZip && (await isStudyFile(resolved, stat))) return allow(resolved);
    return refuse(msg.outputForeignStudy(target));
  }
  if (!listing) return refuse(msg.outputForeignFile(target));
  const problem = foreignWorkbook(target, listing);
  if (problem) return refuse(problem);
  return allow(resolved);
}

/** Enough of a picture to find its marker: the SVG root element, or the PNG's first chunks. */
const PICTURE_HEAD = 64 * 1024;

function isSegmentMatrixPicture(head: Buffer): boolean {
  return pngSoftware(head) === SVG_GENERATOR || isSegmentMatrixSvg(head.toString("utf8"));
}

/** A client export: its marker name, written by the command line or the pane (layout/export.ts). */
function isClientExport(listing: WorkbookListing): boolean {
  const marker = NAMES.clientExport.toUpperCase();
  return listing.creator === CREATOR && listing.names.some((n) => n.name.toUpperCase() === marker);
}

/** The add-in's working workbook: its state, or (from before the state) its names and creator. */
function isWorkingWorkbook(listing: WorkbookListing): boolean {
  if (listing.state !== undefined) return true;
  return (
    listing.creator === CREATOR && !isClientExport(listing) && managedSheetNames(listing).size > 0
  );
}

/** A PDF whose keywords say the export made it (LibreOffice carries them from the workbook). */
async function isClientPdf(file: string, stat: Stats): Promise<boolean> {
  const head = await firstBytes(file, 5);
  if (head.toString("latin1") !== "%PDF-") return false;
  const handle = await fs.open(file, "r");
  try {
    // The information dictionary is near the end of the file.
    const length = Math.min(stat.size, 256 * 1024);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, stat.size - length);
    const keywords = pdfKeywords(tail);
    return (
      keywords !== undefined &&
      keywords.replace(/[,;]/g, " ").replace(/\s+/g, " ").includes(CLIENT_EXPORT_KEYWORDS)
    );
  } finally {
    await handle.close();
  }
}

/** Why an existing workbook is not one the add-in may replace, if it is not. */
function foreignWorkbook(
  target: string,
  listing: WorkbookListing,
  clientExport = false
): Problem | undefined {
  if (listing.state?.kind === "newer")
    return msg.workbookNewer(target, listing.state.version, LAYOUT_VERSION);
  // A deliverable is not a working workbook: build and template leave it alone unless --force.
  if (!clientExport && isClientExport(listing)) return msg.outputClientExport(target);
  // Without the add-in's state (a workbook from before it existed), the file must also say the
  // command line wrote it: a consultant's workbook that happens to hold an SM_ name is not ours.
  const ours = listing.state?.kind === "ok" || listing.creator === CREATOR;
  const managed = managedSheetNames(listing);
  if (!ours || managed.size === 0) return msg.outputForeignFile(target);
  const foreign = listing.sheets.map((sheet) => sheet.name).filter((name) => !managed.has(name));
  return foreign.length > 0 ? msg.outputForeignSheets(target, foreign) : undefined;
}

/**
 * Whether the file's owner meant it to be changed: some write permission bit set (root may write
 * any file, so access() alone would not say 0444) and writable by this process.
 */
async function isWritable(file: string, stat: Stats): Promise<boolean> {
  if ((stat.mode & 0o222) === 0) return false;
  try {
    await fs.access(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest folder that exists must be one, and writable; the write itself says the rest. */
async function checkFolder(target: string, folder: string): Promise<void> {
  let current = folder;
  for (;;) {
    let stat: Stats;
    try {
      stat = await fs.stat(current);
    } catch (failure) {
      const code = (failure as NodeJS.ErrnoException).code ?? String(failure);
      if (code !== "ENOENT" || path.dirname(current) === current)
        throw new FileProblems([msg.outputUnwritable(target, code)]);
      current = path.dirname(current);
      continue;
    }
    if (!stat.isDirectory())
      throw new FileProblems([msg.outputUnwritable(target, `${current}: ENOTDIR`)]);
    try {
      await fs.access(current, fs.constants.W_OK);
    } catch (failure) {
      throw new FileProblems([
        msg.outputUnwritable(target, (failure as NodeJS.ErrnoException).code ?? String(failure)),
      ]);
    }
    return;
  }
}

async function firstBytes(file: string, count: number): Promise<Buffer> {
  const handle = await fs.open(file, "r");
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A zip the reader refused (damaged, too large) may still hold macros: its central directory is
 * at the end, and part names are stored as plain bytes, so a look at the tail is enough to tell.
 */
async function mentionsVba(file: string): Promise<boolean> {
  const handle = await fs.open(file, "r");
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 4 * 1024 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.includes("vbaProject.bin");
  } finally {
    await handle.close();
  }
}

/** A JSON object with the lists of a study: a file the read command may replace. */
async function isStudyFile(file: string, stat: Stats): Promise<boolean> {
  if (stat.size > STUDY_MAX_BYTES) return false;
  const decoded = decodeStudyBytes(await fs.readFile(file));
  if (!("text" in decoded)) return false;
  try {
    const value: unknown = JSON.parse(decoded.text.replace(/^\uFEFF/, ""));
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const fields = value as Record<string, unknown>;
    return Array.isArray(fields.clienteles) && Array.isArray(fields.needs);
  } catch {
    return false;
  }
}

/** Writes the output checked by guardOutput; a failure is one line naming the file. */
export async function writeOutput(target: string, resolved: string, data: Buffer): Promise<void> {
  try {
    await writeFileKeepingMode(resolved, data);
  } catch (failure) {
    const code = (failure as NodeJS.ErrnoException).code ?? String(failure);
    throw new FileProblems([msg.outputUnwritable(target, code)]);
  }
}
