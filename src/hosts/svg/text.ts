/**
 * Text for an SVG written as a string: XML escaping, a width estimate (there is no font engine
 * here: the same code must run in the pane and in the CLI) and eliding or wrapping to a width.
 * Browser-safe: no Node, no DOM.
 */

/**
 * Escapes text for XML content and attribute values. Tabs and line breaks become character
 * references so that attribute-value normalisation cannot turn them into spaces; characters XML 1.0
 * forbids (which validation already refuses in names) become U+FFFD rather than break the file.
 */
export function escapeXml(text: string): string {
  let out = "";
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    switch (character) {
      case "&":
        out += "&amp;";
        break;
      case "<":
        out += "&lt;";
        break;
      case ">":
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case "'":
        out += "&apos;";
        break;
      case "\t":
      case "\n":
      case "\r":
        out += `&#${code};`;
        break;
      default:
        out += isXmlCharacter(code) ? character : "\uFFFD";
    }
  }
  return out;
}

function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

interface GraphemeSegmenter {
  segment(input: string): Iterable<{ segment: string }>;
}
type SegmenterClass = new (
  locale: string | undefined,
  options: { granularity: "grapheme" }
) => GraphemeSegmenter;

let segmenter: GraphemeSegmenter | null | undefined;

/**
 * User-perceived characters, so that an ellipsis never splits an emoji or an accent from its
 * letter: Intl.Segmenter where the runtime has it (ES2022 lib, hence the cast), code points otherwise.
 */
export function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    const found = (Intl as unknown as { Segmenter?: SegmenterClass }).Segmenter;
    segmenter = found ? new found(undefined, { granularity: "grapheme" }) : null;
  }
  return segmenter ? Array.from(segmenter.segment(text), (part) => part.segment) : Array.from(text);
}

const NARROW = new Set(Array.from("iIjl.,;:'|!()[]{}/\\ -ftr\"`’"));
const WIDE = new Set(Array.from("mwMWOQGDHNU@%&"));

/**
 * Advance of one grapheme in em, on the generous side for common sans-serif faces (DejaVu Sans,
 * the widest usual one, then Noto Sans, Arial): an overestimate only leaves a little space, an
 * underestimate overlaps.
 */
function advance(grapheme: string): number {
  const code = grapheme.codePointAt(0) ?? 0;
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || code >= 0xac00))
    return 1.05; // CJK, Hangul, emoji and other wide symbols
  if (NARROW.has(grapheme)) return 0.38;
  if (WIDE.has(grapheme)) return 0.95;
  if (grapheme >= "A" && grapheme <= "Z") return 0.76;
  if (grapheme >= "0" && grapheme <= "9") return 0.66;
  return 0.64;
}

/** How much wider bold text runs than regular, for the estimates. */
export const BOLD_WIDTH = 1.12;

/** Estimated width of a text in pixels at a font size. */
export function textWidth(text: string, fontSize: number): number {
  return graphemes(text).reduce((sum, grapheme) => sum + advance(grapheme), 0) * fontSize;
}

export const ELLIPSIS = "…";

/** The text, or its longest head that fits with an ellipsis; `elided` says which. */
export function elide(
  text: string,
  maxWidth: number,
  fontSize: number
): { shown: string; elided: boolean } {
  if (textWidth(text, fontSize) <= maxWidth) return { shown: text, elided: false };
  const parts = graphemes(text);
  let width = advance(ELLIPSIS) * fontSize;
  let kept = 0;
  while (kept < parts.length && width + advance(parts[kept]) * fontSize <= maxWidth) {
    width += advance(parts[kept]) * fontSize;
    kept++;
  }
  return { shown: parts.slice(0, kept).join("").trimEnd() + ELLIPSIS, elided: true };
}

/**
 * Wraps at spaces into at most `maxLines` lines of `maxWidth`. A word wider than a line, and the
 * last line when words are left over, end in an ellipsis. `complete` is false when the lines,
 * joined by single spaces, are not the text exactly (cut, or whitespace other than single spaces).
 */
export function wrap(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number
): { lines: string[]; complete: boolean } {
  const words = text.split(/\s+/).filter((word) => word !== "");
  const lines: string[] = [];
  let next = 0;
  while (next < words.length && lines.length < maxLines) {
    let line = words[next++];
    while (next < words.length && textWidth(`${line} ${words[next]}`, fontSize) <= maxWidth)
      line += ` ${words[next++]}`;
    lines.push(line);
  }
  if (next < words.length) lines[lines.length - 1] += ` ${words.slice(next).join(" ")}`;
  const fitted = lines.map((line) => elide(line, maxWidth, fontSize).shown);
  return { lines: fitted, complete: fitted.join(" ") === text };
}
