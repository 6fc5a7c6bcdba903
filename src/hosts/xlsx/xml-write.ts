/** Text as SpreadsheetML wants it in element content and attributes. */

const SPECIAL = /[&<>"]/;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/** Escapes & < > " (enough for content and double-quoted attributes). */
export function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"
  );
}

/**
 * A cell's text: XML escapes, plus SpreadsheetML's own: characters XML cannot hold are written
 * _xHHHH_, and a typed "_x0041_" keeps its underscore (_x005F_), or Excel would show "A".
 */
export function escapeCellText(text: string): string {
  const escaped = escapeXml(text);
  if (!UNSAFE.test(escaped)) return escaped;
  return escaped.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g,
    (c) =>
      c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/** Leading or trailing spaces, or line breaks, survive only with xml:space="preserve". */
export function needsPreserve(text: string): boolean {
  return /^\s|\s$|\n|\t/.test(text);
}
