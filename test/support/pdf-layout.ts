/**
 * How a PDF's pages are laid out, from the words' boxes that poppler's `pdftotext -bbox-layout`
 * gives (XHTML, one `<page>` with its `<word>`s): the width the content spans, the words' heights
 * and the words drawn over other words. What tells a readable client page from a cramped one.
 */
import { execFile } from "child_process";
import { promisify } from "util";

const run = promisify(execFile);

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageLayout {
  width: number;
  height: number;
  words: WordBox[];
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

function unescape(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(tag: string, name: string): number {
  const match = new RegExp(`\\b${name}="([-0-9.]+)"`).exec(tag);
  if (!match) throw new Error(`no ${name} in ${tag}`);
  return Number(match[1]);
}

/** Parses pdftotext's -bbox-layout XHTML (our own test output, not untrusted input). */
export function parseBboxLayout(xhtml: string): PageLayout[] {
  const pages: PageLayout[] = [];
  const pageTag = /<page\b[^>]*>/g;
  const starts: { index: number; tag: string }[] = [];
  for (let m = pageTag.exec(xhtml); m; m = pageTag.exec(xhtml))
    starts.push({ index: m.index, tag: m[0] });
  starts.forEach((start, i) => {
    const body = xhtml.slice(start.index, starts[i + 1]?.index ?? xhtml.length);
    const words: WordBox[] = [];
    const wordTag = /<word\b([^>]*)>([^<]*)<\/word>/g;
    for (let w = wordTag.exec(body); w; w = wordTag.exec(body))
      words.push({
        text: unescape(w[2]),
        xMin: attribute(w[1], "xMin"),
        yMin: attribute(w[1], "yMin"),
        xMax: attribute(w[1], "xMax"),
        yMax: attribute(w[1], "yMax"),
      });
    pages.push({
      width: attribute(start.tag, "width"),
      height: attribute(start.tag, "height"),
      words,
    });
  });
  return pages;
}

export async function pdfLayout(pdf: string): Promise<PageLayout[]> {
  const { stdout } = await run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdf, "-"], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseBboxLayout(stdout);
}

/** The top margin (0.75 in): above it, the page header with the title and the page number. */
export const HEADER_BAND = 54;

/**
 * The words below the page header: the sheet's own content. A word's box starts a little above
 * its line (the font's ascent): a page's first row, set at the top margin, reaches above it, so a
 * word counts by where its box ends (the header's end well above the margin).
 */
export function bodyWords(page: PageLayout): WordBox[] {
  return page.words.filter((w) => w.yMax > HEADER_BAND);
}

/**
 * The share of the page's width between the leftmost and the rightmost word of the content (the
 * page header, which spans the page whatever the content, left out).
 */
export function spannedWidth(page: PageLayout): number {
  const words = bodyWords(page);
  if (words.length === 0) return 0;
  const left = Math.min(...words.map((w) => w.xMin));
  const right = Math.max(...words.map((w) => w.xMax));
  return (right - left) / page.width;
}

export function medianWordHeight(page: PageLayout): number {
  const heights = page.words.map((w) => w.yMax - w.yMin).sort((a, b) => a - b);
  if (heights.length === 0) return 0;
  const middle = Math.floor(heights.length / 2);
  return heights.length % 2 ? heights[middle] : (heights[middle - 1] + heights[middle]) / 2;
}

/**
 * Pairs of words whose boxes intersect, both ways, by more than a quarter of a line's height
 * (and `tolerance` points). A word's box is its font's full height (ascent and
 * descent, about 1.3 times the size), taller than the line pitch LibreOffice sets paragraphs at:
 * consecutive lines of one paragraph share a sliver of box, about a tenth of it; text drawn over
 * other text shares far more.
 */
export function overlappingWords(page: PageLayout, tolerance = 0.5): [WordBox, WordBox][] {
  const words = [...page.words].sort((a, b) => a.xMin - b.xMin);
  const found: [WordBox, WordBox][] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length && words[j].xMin < words[i].xMax - tolerance; j++) {
      const a = words[i];
      const b = words[j];
      const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      // A word's thin side is its line's height (across the page when the text turns up); a
      // lone ":" is thinner than its line, so the thicker of the two thin sides counts, and a word
      // of one or two characters (":", "•", "·") is upright: its line's height is its height,
      // else two bullets on consecutive lines, sharing the usual sliver, would count.
      const thin = (w: WordBox): number =>
        [...w.text].length <= 2 ? w.yMax - w.yMin : Math.min(w.yMax - w.yMin, w.xMax - w.xMin);
      const least = Math.max(tolerance, Math.max(thin(a), thin(b)) / 4);
      if (across > least && down > least) found.push([a, b]);
    }
  return found;
}

/** One line per page: what the report and a failing test show. */
export function describePages(pages: readonly PageLayout[]): string[] {
  return pages.map((page, i) => {
    const overlaps = overlappingWords(page);
    const sample = overlaps
      .slice(0, 3)
      .map(([a, b]) => `"${a.text}"/"${b.text}"`)
      .join(" ");
    return (
      `page ${i + 1}: ${page.width.toFixed(0)}×${page.height.toFixed(0)} pt, ` +
      `width spanned ${(spannedWidth(page) * 100).toFixed(0)} %, ` +
      `median word height ${medianWordHeight(page).toFixed(1)} pt, ` +
      `${overlaps.length} overlaps ${sample}`
    );
  });
}

/** The fonts a PDF draws with, as poppler's `pdffonts` names them (subset prefix dropped). */
export async function pdfFonts(file: string): Promise<string[]> {
  const { stdout } = await run("pdffonts", [file]);
  return stdout
    .split("\n")
    .slice(2)
    .map((line) => line.split(/\s+/)[0])
    .filter((name) => name !== "")
    .map((name) => name.replace(/^[A-Z]{6}\+/, ""));
}

/**
 * The characters a font has, from fontconfig (`fc-query`'s charset: hexadecimal ranges), the font
 * found by its family name as the system would find it.
 */
export async function fontCharacters(family: string): Promise<(codePoint: number) => boolean> {
  const { stdout: file } = await run("fc-match", ["-f", "%{file}", family]);
  const { stdout } = await run("fc-query", ["-f", "%{charset}", file]);
  const ranges = stdout
    .trim()
    .split(/\s+/)
    .map((range) => range.split("-").map((hex) => parseInt(hex, 16)))
    .map(([from, to]) => [from, to ?? from] as const);
  return (codePoint) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}
