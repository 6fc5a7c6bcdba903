/**
 * What JSON.parse hides in a study file: a key given twice in one object (the parser keeps the
 * last, so a second "clienteles" list would be taken silently) and a number that no double can hold
 * (1e309 becomes Infinity, then "null" in a message). Run on text JSON.parse has accepted, so the
 * syntax is known to be valid and the parser's own message still names any syntax error.
 * One pass, linear in the text, an explicit stack (no recursion, any depth), no regex.
 */

/** Where a finding is: the field path, as the validator writes it (`segments[0].clienteles`). */
export type JsonFinding =
  | { kind: "duplicate-key"; path: string; key: string }
  | { kind: "number-out-of-range"; path: string; text: string };

interface ObjectFrame {
  kind: "object";
  keys: Set<string>;
  key: string | undefined;
  expectingKey: boolean;
}
interface ArrayFrame {
  kind: "array";
  index: number;
}
type Frame = ObjectFrame | ArrayFrame;

/** Findings past this many are not collected: the report shows at most a few of each kind anyway. */
const MAX_FINDINGS = 1000;

/** Keys that read as a plain word in a path; others are written as a JSON string in brackets. */
function isPlainKey(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
    const digit = c >= 0x30 && c <= 0x39;
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

function pathOf(stack: readonly Frame[]): string {
  let path = "";
  for (const frame of stack) {
    if (frame.kind === "array") path += `[${frame.index}]`;
    else if (frame.key === undefined) continue;
    else if (isPlainKey(frame.key)) path += path === "" ? frame.key : `.${frame.key}`;
    else path += `[${JSON.stringify(frame.key)}]`;
  }
  return path;
}

function isNumberChar(c: number): boolean {
  // digits, minus, plus, point, e, E
  return (
    (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45
  );
}

/** True when the number's text names a value other than zero that a double rounds to 0. */
function hasNonZeroDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x65 || c === 0x45) return false; // the exponent's digits do not count
    if (c >= 0x31 && c <= 0x39) return true;
  }
  return false;
}

/**
 * Duplicate keys and numbers out of a double's range (too large, or so small they read as 0), in
 * the order met. `text` must be JSON that JSON.parse accepts.
 */
export function scanJson(text: string): JsonFinding[] {
  const findings: JsonFinding[] = [];
  const stack: Frame[] = [];
  const found = (finding: JsonFinding): void => {
    if (findings.length < MAX_FINDINGS) findings.push(finding);
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (c === 0x7b /* { */) {
      stack.push({ kind: "object", keys: new Set(), key: undefined, expectingKey: true });
      i++;
    } else if (c === 0x5b /* [ */) {
      stack.push({ kind: "array", index: 0 });
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      if (top?.kind === "array") top.index++;
      else if (top?.kind === "object") top.expectingKey = true;
      i++;
    } else if (c === 0x22 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22)
        end += text.charCodeAt(end) === 0x5c /* \ */ ? 2 : 1;
      if (top?.kind === "object" && top.expectingKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.expectingKey = false;
        top.key = key;
        if (top.keys.has(key)) found({ kind: "duplicate-key", path: pathOf(stack), key });
        else top.keys.add(key);
      }
      i = end + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
      const typed = text.slice(i, end);
      const value = Number(typed);
      if (!Number.isFinite(value) || (value === 0 && hasNonZeroDigit(typed)))
        found({ kind: "number-out-of-range", path: pathOf(stack), text: typed });
      i = end;
    } else {
      // Whitespace, colons, and the letters of true, false and null.
      i++;
    }
  }
  return findings;
}
