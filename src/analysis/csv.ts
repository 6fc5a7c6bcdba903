/**
 * CSV text → rows of text, as RFC 4180 says (quoted fields, doubled quotes, separators and line
 * breaks inside quotes, CRLF or LF) and as French Excel writes it (`;` between fields). Untrusted
 * input: one pass, no regex, no backtracking, and a cap on the number of fields, so that any file
 * costs time and memory in proportion to its size.
 */

export type CsvResult =
  | { rows: string[][]; separator: string }
  | { failure: "open-quote" | "text-after-quote"; line: number }
  | { failure: "too-many-cells"; limit: number };

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * The separator of the first record: `;` when it holds more semicolons than commas outside quotes
 * (French Excel), a tab when it holds more tabs than either (Excel's "Unicode text"), else `,`.
 */
export function detectSeparator(text: string): string {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "\n" || c === "\r") break;
    else if (c === ",") commas++;
    else if (c === ";") semicolons++;
    else if (c === "\t") tabs++;
  }
  if (tabs > commas && tabs > semicolons) return "\t";
  return semicolons > commas ? ";" : ",";
}

/** The records of `text` (a leading byte order mark is skipped); a final line break ends no record. */
export function parseCsv(text: string, maxCells: number, separator?: string): CsvResult {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = start ? text.slice(start) : text;
  const sep = separator ?? detectSeparator(body);
  const sepCode = sep.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let cells = 0;
  let line = 1;
  let i = 0;
  const length = body.length;
  if (length === 0) return { rows, separator: sep };
  for (;;) {
    // One field, starting at i.
    let value: string;
    let end: number;
    if (body.charCodeAt(i) === QUOTE) {
      const openedAt = line;
      let pieces = "";
      let from = i + 1;
      for (;;) {
        const close = body.indexOf('"', from);
        if (close < 0) return { failure: "open-quote", line: openedAt };
        pieces += body.slice(from, close);
        for (let k = from; k < close; k++) if (body.charCodeAt(k) === LF) line++;
        if (body.charCodeAt(close + 1) === QUOTE) {
          pieces += '"';
          from = close + 2;
          continue;
        }
        end = close + 1;
        break;
      }
      value = pieces;
      const next = body.charCodeAt(end);
      if (end < length && next !== sepCode && next !== CR && next !== LF)
        return { failure: "text-after-quote", line };
    } else {
      end = i;
      while (end < length) {
        const c = body.charCodeAt(end);
        if (c === sepCode || c === CR || c === LF) break;
        end++;
      }
      value = body.slice(i, end);
    }
    if (++cells > maxCells) return { failure: "too-many-cells", limit: maxCells };
    row.push(value);
    if (end >= length) {
      rows.push(row);
      break;
    }
    const c = body.charCodeAt(end);
    if (c === sepCode) {
      i = end + 1;
      if (i >= length) {
        row.push("");
        rows.push(row);
        break;
      }
      continue;
    }
    // A line break ends the record: CRLF, LF or a lone CR.
    i = c === CR && body.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    line++;
    rows.push(row);
    row = [];
    if (i >= length) break;
  }
  return { rows, separator: sep };
}
