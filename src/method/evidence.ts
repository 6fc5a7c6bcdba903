/**
 * A pair's evidence in the study file (docs/method.md §3.3): {n, feel, source?}, checked on its own so
 * that the study's validation only calls it. n respondents answered for the pair, a share `feel`
 * of them feel the need; `source` says where the responses come from.
 */
import * as msg from "../messages";
import { Location, Problem, isControl } from "../messages";
import { CELL_TEXT_MAX, Evidence } from "./study";

const EVIDENCE_FIELDS = new Set(["n", "feel", "source"]);

/** The evidence, or a problem naming the field and what is expected. */
export function checkEvidence(
  value: unknown,
  location: Location
): { evidence: Evidence } | { problem: Problem } {
  const refuse = (shown: string) => ({ problem: msg.pairEvidenceInvalid(location, shown) });
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return refuse(shownValue(value));
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!EVIDENCE_FIELDS.has(key)) return refuse(`"${key}"`);
  const { n, feel, source } = raw;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1)
    return refuse(`"n": ${shownValue(n)}`);
  if (typeof feel !== "number" || !Number.isFinite(feel) || feel < 0 || feel > 1)
    return refuse(`"feel": ${shownValue(feel)}`);
  const evidence: Evidence = { n, feel };
  if (source !== undefined && source !== null) {
    if (typeof source !== "string" || !plainText(source))
      return refuse(`"source": ${shownValue(source)}`);
    if (source.trim() !== "") evidence.source = source.trim();
  }
  return { evidence };
}

/** Text a cell can hold as it is: not too long, no control character except tab and line breaks. */
function plainText(text: string): boolean {
  if (text.length > CELL_TEXT_MAX) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isControl(code) && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return true;
}

/** A value as the message shows it: JSON, cut short (a hostile file may hold megabytes). */
function shownValue(value: unknown): string {
  const shown = value === undefined ? "absent" : (JSON.stringify(value) ?? String(value));
  return shown.length > 60 ? shown.slice(0, 57) + "…" : shown;
}
