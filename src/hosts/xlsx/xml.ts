/**
 * Streaming XML for the parts of a workbook: one pass, element names without their prefix (Strict
 * OOXML and transitional use different namespaces, the same local names). Written for the reader's
 * speed and bounds: each step is an indexOf from where the last one ended, so the time is linear in
 * the text whatever it holds; a comment, a processing instruction or a CDATA section is never kept
 * whole (a 128 MiB comment costs one search, not a buffer); a start tag is at most MAX_TAG
 * characters. Well-formed or refused: tags must nest, entities are the five of XML and character
 * references, and a DOCTYPE (which OOXML forbids) is refused, so no entity can blow up memory.
 */

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** The longest start tag taken (attributes included): a real part's are under a few kilobytes. */
export const MAX_TAG = 4 * 1024 * 1024;

export class XmlError extends Error {
  constructor(detail: string) {
    super(`malformed XML: ${detail}`);
    this.name = "XmlError";
  }
}

const local = (name: string): string => name.slice(name.indexOf(":") + 1);

/** What a section started in one chunk and not yet ended waits for. */
type Pending = { end: "-->" | "?>" | "]]>"; text: boolean } | undefined;

export class XmlScanner {
  private buffer = "";
  private pending: Pending;
  private readonly stack: string[] = [];
  private rootSeen = false;

  constructor(private readonly handlers: XmlHandlers) {}

  write(chunk: string): this {
    this.buffer = this.buffer === "" ? chunk : this.buffer + chunk;
    this.buffer = this.buffer.slice(this.scan(this.buffer, false));
    return this;
  }

  close(): void {
    const rest = this.scan(this.buffer, true);
    if (rest < this.buffer.length || this.pending) throw new XmlError("unexpected end");
    if (this.stack.length > 0)
      throw new XmlError(`<${this.stack[this.stack.length - 1]}> not closed`);
    if (!this.rootSeen) throw new XmlError("no element");
    this.buffer = "";
  }

  /** Handles what `text` holds complete; returns how much of it was consumed. */
  private scan(text: string, final: boolean): number {
    let at = 0;
    if (this.pending) {
      at = this.finishPending(text, 0);
      if (this.pending) return at;
    }
    for (;;) {
      const lt = text.indexOf("<", at);
      if (lt < 0) {
        // Text up to the end, but an entity cut by the chunk's end waits for the next chunk.
        const amp = final ? -1 : text.lastIndexOf("&");
        let cut = amp >= at && text.indexOf(";", amp) < 0 ? amp : text.length;
        // A carriage return at the chunk's end may be half of a CR LF: it waits too.
        if (!final && cut > at && text.charCodeAt(cut - 1) === 13) cut--;
        this.content(text, at, cut);
        return cut;
      }
      if (lt > at) this.content(text, at, lt);
      at = lt;
      const next = text.charCodeAt(lt + 1);
      if (next === 33 /* ! */) {
        if (text.startsWith("<!--", lt)) this.pending = { end: "-->", text: false };
        else if (text.startsWith("<![CDATA[", lt)) {
          if (this.stack.length === 0) throw new XmlError("CDATA outside the root element");
          this.pending = { end: "]]>", text: true };
        } else if (text.length - lt < 9 && !final) return lt;
        else if (text.startsWith("<!DOCTYPE", lt)) throw new XmlError("DOCTYPE not allowed");
        else throw new XmlError("unknown declaration");
        at = this.finishPending(text, lt + (this.pending.end === "-->" ? 4 : 9));
        if (this.pending) return at;
      } else if (next === 63 /* ? */) {
        this.pending = { end: "?>", text: false };
        at = this.finishPending(text, lt + 2);
        if (this.pending) return at;
      } else if (Number.isNaN(next)) {
        if (final) throw new XmlError("unexpected end");
        return lt;
      } else if (next === 47 /* / */) {
        const gt = text.indexOf(">", lt);
        if (gt < 0) {
          if (final) throw new XmlError("unexpected end");
          return lt;
        }
        this.closeTag(text.slice(lt + 2, gt));
        at = gt + 1;
      } else {
        const end = this.startTag(text, lt + 1);
        if (end < 0) {
          if (final) throw new XmlError("unexpected end");
          if (text.length - lt > MAX_TAG) throw new XmlError("a tag longer than 4 MiB");
          return lt;
        }
        at = end;
      }
    }
  }

  /** Past the end of the pending section if `text` holds it (its text handed on), else all of it. */
  private finishPending(text: string, from: number): number {
    const pending = this.pending as NonNullable<Pending>;
    const found = text.indexOf(pending.end, from);
    const stop = found < 0 ? Math.max(from, text.length - (pending.end.length - 1)) : found;
    if (pending.text && stop > from) this.handlers.text?.(lineEnds(text.slice(from, stop)));
    if (found < 0) return stop;
    this.pending = undefined;
    return found + pending.end.length;
  }

  private content(text: string, from: number, to: number): void {
    if (to <= from) return;
    const piece = text.slice(from, to);
    if (this.stack.length === 0) {
      if (piece.trim() !== "") throw new XmlError("text outside the root element");
      return;
    }
    if (piece.includes(">") && piece.includes("]]>")) throw new XmlError("]]> in text");
    const decoded = decodeEntities(lineEnds(piece));
    this.handlers.text?.(decoded);
  }

  private closeTag(inner: string): void {
    const name = inner.trimEnd();
    const open = this.stack.pop();
    if (open !== name) throw new XmlError(`</${name}> closes <${open ?? ""}>`);
    this.handlers.close?.(local(name));
  }

  /**
   * The start tag from `from` (just after "<"), handed on; returns the index past its ">", or -1
   * when the text stops first (nothing handed on). Character by character: no slice until a name
   * or a value is complete.
   */
  private startTag(text: string, from: number): number {
    const length = text.length;
    let at = from;
    let code = text.charCodeAt(at);
    while (at < length && !isSpace(code) && code !== 47 && code !== 62 /* / > */)
      code = text.charCodeAt(++at);
    if (at >= length) return -1;
    const name = text.slice(from, at);
    if (name === "") throw new XmlError("a tag without a name");
    const attributes: Record<string, string> = {};
    for (;;) {
      let spaced = false;
      while (at < length && isSpace(text.charCodeAt(at))) {
        at++;
        spaced = true;
      }
      if (at >= length) return -1;
      code = text.charCodeAt(at);
      if (code === 62 /* > */ || code === 47 /* / */) break;
      if (!spaced) throw new XmlError(`<${name}>: attributes run together`);
      const keyStart = at;
      while (at < length && !isSpace(code) && code !== 61 /* = */ && code !== 62 && code !== 47)
        code = text.charCodeAt(++at);
      const key = text.slice(keyStart, at);
      while (at < length && isSpace(text.charCodeAt(at))) at++;
      if (at >= length) return -1;
      if (text.charCodeAt(at) !== 61 || key === "")
        throw new XmlError(`<${name}>: an attribute without a value`);
      at++;
      while (at < length && isSpace(text.charCodeAt(at))) at++;
      if (at >= length) return -1;
      const quote = text.charCodeAt(at);
      if (quote !== 34 && quote !== 39) throw new XmlError(`<${name}>: a malformed attribute`);
      const close = text.indexOf(quote === 34 ? '"' : "'", at + 1);
      if (close < 0) return -1;
      const value = text.slice(at + 1, close);
      if (value.includes("<")) throw new XmlError(`<${name}>: "<" in an attribute`);
      if (attributes[key] !== undefined)
        throw new XmlError(`<${name}>: the attribute ${key} twice`);
      attributes[key] = decodeEntities(attributeSpaces(value));
      at = close + 1;
    }
    const selfClosing = code === 47;
    if (selfClosing) {
      if (at + 1 >= length) return -1;
      if (text.charCodeAt(at + 1) !== 62) throw new XmlError(`<${name}>: "/" without ">"`);
    }
    if (this.stack.length === 0 && this.rootSeen) throw new XmlError("two root elements");
    this.rootSeen = true;
    const element = local(name);
    this.handlers.open?.(element, attributes, selfClosing);
    if (selfClosing) this.handlers.close?.(element);
    else this.stack.push(name);
    return at + (selfClosing ? 2 : 1);
  }
}

/** XML's white space: space, tab, line feed, carriage return. */
const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

/** XML's line ends: CR LF and a lone CR are read as LF, before entities (&#13; stays a CR). */
function lineEnds(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** XML's attribute values: each tab, line feed or carriage return is read as a space. */
function attributeSpaces(value: string): string {
  return /[\t\n\r]/.test(value) ? lineEnds(value).replace(/[\t\n]/g, " ") : value;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The five entities of XML and character references, in one pass; anything else is refused. */
function decodeEntities(text: string): string {
  let amp = text.indexOf("&");
  if (amp < 0) return text;
  let out = "";
  let at = 0;
  for (; amp >= 0; amp = text.indexOf("&", at)) {
    const semi = text.indexOf(";", amp);
    if (semi < 0 || semi - amp > 10) throw new XmlError("an unfinished entity");
    out += text.slice(at, amp);
    const entity = text.slice(amp + 1, semi);
    const known = ENTITIES[entity];
    if (known !== undefined) out += known;
    else if (entity.charCodeAt(0) === 35 /* # */) {
      const hex = entity.charAt(1) === "x";
      const digits = entity.slice(hex ? 2 : 1);
      const code = hex ? parseInt(digits, 16) : Number(digits);
      if (!(hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/).test(digits) || code > 0x10ffff)
        throw new XmlError(`&${entity};`);
      out += String.fromCodePoint(code);
    } else throw new XmlError(`the undefined entity &${entity};`);
    at = semi + 1;
  }
  return out + text.slice(at);
}

export function parseXml(xml: string, handlers: XmlHandlers): void {
  new XmlScanner(handlers).write(xml).close();
}

export async function parseXmlStream(
  chunks: AsyncIterable<string>,
  handlers: XmlHandlers
): Promise<void> {
  const scanner = new XmlScanner(handlers);
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.close();
}

/** The attributes of every element of one local name (relationships, sheets, overrides). */
export function elementsNamed(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  parseXml(xml, {
    open: (element, attributes) => {
      if (element === name) found.push(attributes);
    },
  });
  return found;
}

/**
 * Excel writes characters XML cannot hold as _xHHHH_ (a carriage return as _x000D_), and a literal
 * "_x" sequence as _x005F_x…; decoded as Excel does, so a name reads back as Excel shows it.
 */
export function decodeExcelEscapes(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16))
      )
    : text;
}

/**
 * The inverse, for texts written through ExcelJS (which writes them raw): "_x0041_" stays itself.
 * Every underscore that starts an escape-looking sequence is escaped, also one that ends the
 * previous sequence ("_x005F_x0041_" shares its middle underscore between two).
 */
export function escapeExcelText(text: string): string {
  return text.includes("_x") ? text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_") : text;
}
