/**
 * A client workbook printed to PDF by LibreOffice headless (`soffice --convert-to pdf`): each sheet
 * as its page setup says (landscape, fitted to one page), colours as drawn on screen. Node only.
 *
 * LibreOffice runs with a private profile made for the run and deleted after it: a consultant's own
 * LibreOffice, open or not, is neither used nor changed, two exports can run side by side, and the
 * profile tells it to recalculate formulas on load rather than trust cached values (an export holds
 * none, but a stale number must never reach a PDF). A timeout stops a LibreOffice that hangs.
 */
import { spawn } from "child_process";
import { constants, promises as fs } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";

/** Where LibreOffice's program may be asked for explicitly. */
export const SOFFICE_VARIABLE = "SEGMENT_MATRIX_SOFFICE";

/** Long enough for a cold start and a 100 × 100 study on a slow machine. */
export const PDF_TIMEOUT_MS = 120_000;

/** Places the installers use, besides the PATH. */
const COMMON_LOCATIONS = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/snap/bin/libreoffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe",
];

const PROGRAM_NAMES = ["soffice", "libreoffice"];

/**
 * The locale LibreOffice prints numbers in, by the study's language: the file's number formats
 * (`#,##0`, `0.0`) say where separators go, the locale which ones (French `840 000` and `41,8`,
 * English `840,000` and `41.8`), whatever the machine's own locale.
 */
export const PRINT_LOCALES = { fr: "fr-FR", en: "en-US" } as const;

/**
 * Recalculate every formula on load, .xlsx and .ods alike (0 = always); numbers in `locale`
 * (LibreOffice's "Locale setting", which a document without its own language follows).
 */
function profileXml(locale: string | undefined): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
    (locale
      ? `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n`
      : "") +
    "</oor:items>\n"
  );
}

/** LibreOffice ran but gave no PDF: why, in a few words (its own message, the exit, the timeout). */
export class PdfFailure extends Error {}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    if (process.platform !== "win32") await fs.access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * LibreOffice's program: the one the variable names, else the first on the PATH, else a common
 * install location; undefined when none is there.
 */
export async function findSoffice(
  env: NodeJS.ProcessEnv = process.env
): Promise<string | undefined> {
  const asked = env[SOFFICE_VARIABLE];
  if (asked) return (await isExecutable(asked)) ? asked : undefined;
  const extensions =
    process.platform === "win32" ? (env.PATHEXT ?? ".EXE").split(";").filter(Boolean) : [""];
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean))
    for (const name of PROGRAM_NAMES)
      for (const extension of extensions) {
        const candidate = path.join(dir, name + extension);
        if (await isExecutable(candidate)) return candidate;
      }
  for (const candidate of COMMON_LOCATIONS) if (await isExecutable(candidate)) return candidate;
  return undefined;
}

interface Ran {
  code: number | null;
  output: string;
  timedOut: boolean;
}

/** Runs the program in its own process group, so that a timeout also stops what it started. */
function run(program: string, args: string[], timeoutMs: number): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      stdio: ["ignore", "pipe", "pipe"],
      detached: process.platform !== "win32",
      windowsHide: true,
    });
    let output = "";
    const collect = (chunk: Buffer): void => {
      // Only the start and the end are ever shown.
      if (output.length < 64 * 1024) output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (process.platform !== "win32" && child.pid !== undefined)
          process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // Gone already.
      }
    }, timeoutMs);
    child.on("error", (failure) => {
      clearTimeout(timer);
      reject(failure);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** The last line LibreOffice printed that says what went wrong, if any. */
function reason(output: string): string | undefined {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/javaldx|^convert /i.test(line));
  return lines[lines.length - 1]?.slice(0, 200);
}

export interface PdfOptions {
  soffice: string;
  /** The locale numbers print in (PRINT_LOCALES); the machine's when absent. */
  locale?: string;
  timeoutMs?: number;
}

/** The PDF of an .xlsx, as LibreOffice prints it; throws PdfFailure when none comes out. */
export async function xlsxToPdf(workbook: Buffer, options: PdfOptions): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "segment-matrix-pdf-"));
  try {
    const profile = path.join(dir, "profile");
    await fs.mkdir(path.join(profile, "user"), { recursive: true });
    await fs.writeFile(
      path.join(profile, "user", "registrymodifications.xcu"),
      profileXml(options.locale)
    );
    const input = path.join(dir, "export.xlsx");
    await fs.writeFile(input, workbook);
    const out = path.join(dir, "out");
    await fs.mkdir(out);
    const ran = await run(
      options.soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        out,
        input,
      ],
      options.timeoutMs ?? PDF_TIMEOUT_MS
    );
    const pdf = await fs.readFile(path.join(out, "export.pdf")).catch(() => undefined);
    if (pdf && pdf.subarray(0, 5).toString("latin1") === "%PDF-") return pdf;
    if (ran.timedOut)
      throw new PdfFailure(
        `no answer after ${Math.round((options.timeoutMs ?? PDF_TIMEOUT_MS) / 1000)} s`
      );
    throw new PdfFailure(reason(ran.output) ?? `exit code ${ran.code ?? "none"}, no PDF written`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The document keywords of a PDF, from its information dictionary (LibreOffice writes it near the
 * end, as a UTF-16 hex string or a literal one). Enough to recognise a PDF the export made. Read by
 * a linear scan, not a pattern: the file at an output path may be anyone's, and a pattern tried at
 * each "/Keywords(" of a file made of them rescanned the rest every time (256 KiB: tens of seconds).
 */
export function pdfKeywords(data: Buffer): string | undefined {
  const text = data.toString("latin1");
  for (let from = 0; ;) {
    const at = text.indexOf(KEYWORDS, from);
    if (at < 0) return undefined;
    from = at + KEYWORDS.length;
    let i = from;
    while (i < text.length && isPdfSpace(text.charCodeAt(i))) i++;
    // Keywords are a line; a string longer than this is not the one looked for.
    const end = Math.min(text.length, i + 1 + KEYWORDS_MAX);
    if (text[i] === "<") {
      let j = i + 1;
      while (j < end && (isHexDigit(text.charCodeAt(j)) || isPdfSpace(text.charCodeAt(j)))) j++;
      if (j < end && text[j] === ">") return hexKeywords(text.slice(i + 1, j));
    } else if (text[i] === "(") {
      for (let j = i + 1; j < end; j++) {
        if (text[j] === "\\") j++;
        else if (text[j] === ")") return literalKeywords(text.slice(i + 1, j));
      }
    }
  }
}

/** A literal string's text: \( \) \\ stand for the character, other escapes stay as written. */
function literalKeywords(written: string): string {
  let literal = "";
  for (let j = 0; j < written.length; j++) {
    const char = written[j];
    if (char === "\\" && j + 1 < written.length && "()\\".includes(written[j + 1])) {
      literal += written[j + 1];
      j++;
    } else literal += char;
  }
  return literal;
}

const KEYWORDS = "/Keywords";
const KEYWORDS_MAX = 1024;

function isPdfSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

function isHexDigit(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x46) ||
    (code >= 0x61 && code <= 0x66)
  );
}

/** A hex string's text: UTF-16BE after its byte order mark, else one byte a character. */
function hexKeywords(written: string): string {
  let hex = "";
  for (const char of written) if (isHexDigit(char.charCodeAt(0))) hex += char;
  const bytes = Buffer.from(hex.length % 2 === 0 ? hex : hex + "0", "hex");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return bytes.toString("latin1");
}
