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
  /** `attributes` holds only during the call: ask it what the handler needs, or keep `all()`. */
  open?(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * A start tag's attributes, checked as they are scanned (quoted, no "<", no name twice, entities
 * known) but made into strings only when asked: a sheet's 3 million cells ask for one or two of
 * their attributes each, and an object per tag was a fifth of the reader's time.
 */
export interface XmlAttributes {
  /** The value of the attribute written `name` (prefix included), decoded; undefined when absent. */
  get(name: string): string | undefined;
  /** Every attribute, as written name → decoded value. */
  all(): Record<string, string>;
}

/** Attributes above this many are checked for repeats with a set rather than against each other. */
const FEW_ATTRIBUTES = 8;

/**
 * The attributes of the tag being handed on, as offsets into the scanned text: per attribute its
 * name's start and end, its value's start and end, and the index of its decoded value in `decoded`
 * (-1 when the value is the text itself: no entity, no tab or line end).
 */
class TagAttributes implements XmlAttributes {
  text = "";
  count = 0;
  readonly spans: number[] = [];
  readonly decoded: string[] = [];
  /** The names seen, once a tag has more than FEW_ATTRIBUTES (built from the first ones then). */
  private seen: Set<string> | undefined;

  reset(text: string): void {
    this.text = text;
    this.count = 0;
    if (this.decoded.length > 0) this.decoded.length = 0;
    this.seen = undefined;
  }

  /** Records the next attribute; false when its name was already given in this tag. */
  add(
    keyStart: number,
    keyEnd: number,
    valueStart: number,
    valueEnd: number,
    decoded?: string
  ): boolean {
    const { text, spans } = this;
    const length = keyEnd - keyStart;
    if (this.count < FEW_ATTRIBUTES) {
      for (let i = 0; i < this.count; i++) {
        const start = spans[i * 5];
        if (spans[i * 5 + 1] - start === length && sameText(text, start, keyStart, length))
          return false;
      }
    } else {
      if (!this.seen) {
        this.seen = new Set();
        for (let i = 0; i < this.count; i++) this.seen.add(this.keyOf(i));
      }
      const key = text.slice(keyStart, keyEnd);
      if (this.seen.has(key)) return false;
      this.seen.add(key);
    }
    const at = this.count * 5;
    spans[at] = keyStart;
    spans[at + 1] = keyEnd;
    spans[at + 2] = valueStart;
    spans[at + 3] = valueEnd;
    spans[at + 4] = decoded === undefined ? -1 : this.decoded.push(decoded) - 1;
    this.count++;
    return true;
  }

  get(name: string): string | undefined {
    const { text, spans } = this;
    for (let i = 0, at = 0; i < this.count; i++, at += 5) {
      if (spans[at + 1] - spans[at] === name.length && text.startsWith(name, spans[at]))
        return this.valueOf(i);
    }
    return undefined;
  }

  all(): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (let i = 0; i < this.count; i++) attributes[this.keyOf(i)] = this.valueOf(i);
    return attributes;
  }

  private keyOf(i: number): string {
    return this.text.slice(this.spans[i * 5], this.spans[i * 5 + 1]);
  }

  private valueOf(i: number): string {
    const decoded = this.spans[i * 5 + 4];
    return decoded >= 0
      ? this.decoded[decoded]
      : this.text.slice(this.spans[i * 5 + 2], this.spans[i * 5 + 3]);
  }
}

/** Whether the `length` characters of `text` from `a` and from `b` are the same. */
function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++)
    if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** Characters looked at one by one before `find` hands the search to indexOf. */
const NEAR = 16;

/**
 * `text.indexOf(char, from)` for the character whose code is `code`, looking at the first NEAR
 * characters itself: in a sheet the next "<", ">" or closing quote is most often a few characters
 * away (`<c r="A5" s="12">`, `<v>57</v>`), and a call of indexOf costs more than that look.
 */
function find(text: string, code: number, char: string, from: number): number {
  const near = Math.min(from + NEAR, text.length);
  for (let at = from; at < near; at++) if (text.charCodeAt(at) === code) return at;
  return near < text.length ? text.indexOf(char, near) : -1;
}

/** Element names met, kept so that a name met again costs no new string: a sheet has a dozen. */
const NAME_CACHE = 128;

/** The longest start tag taken (attributes included): a real part's are under a few kilobytes. */
export const MAX_TAG = 4 * 1024 * 1024;

export class XmlError extends Error {
  constructor(detail: string) {
    super(`malformed XML: ${detail}`);
    this.name = "XmlError";
  }
}

/** A handler not given. */
function ignore(): void {}

/**
 * An empty array of strings whose elements kind is already that of strings: a new scanner's stack
 * then has the map the optimised code was made for (an empty `[]` starts as small integers).
 */
function stringArray(): string[] {
  const array = [""];
  array.length = 0;
  return array;
}

/**
 * A small part, cut into chunks, that takes each of the scanner's rare paths once: an entity, a
 * carriage return, a tag, an end tag, a comment and a CDATA section cut by a chunk's end; white
 * space of each kind in tags, around "=" and in text; entities in attributes; single quotes; more
 * than FEW_ATTRIBUTES attributes; long and short texts. V8 optimises the scanner on what it has seen
 * run: a path first met later, in the middle of a sheet, throws that code away and compiles it again
 * (each time about a tenth of a cold read's work), so it is run on this before any real part.
 */
export const PRIMER: readonly string[] = [
  '<?xml version="1.0"?>\r\n<!-- a comment',
  ' cut --><x:root xmlns:x="urn:x"\ta = "1"\nb=\'2\'\rc="&amp;&#65;&#x42;"',
  ' d="1" e="2" f="3" g="4" h="5" i="6" j="7"><r><c r="A1" t="s"><v>1</v></c><c r="B1"/>',
  "<t>a text longer than thirty-two characters &lt; with an &am",
  "p; entity cut</t><t>a\r",
  "\nb &gt;</t><t><![CDATA[cut",
  " section]]></t><!",
  "-- cut --><",
  "r><c r='A2' ",
  "/></r",
  " ></r><c/",
  "></x:root>\n",
];

let primed = false;

/** Runs of the primer: V8 keeps no feedback for a function's first few calls. */
const PRIMER_RUNS = 8;

function prime(): void {
  primed = true;
  for (let run = 0; run < PRIMER_RUNS; run++) {
    const scanner = new XmlScanner({});
    for (const chunk of PRIMER) scanner.write(chunk);
    scanner.close();
  }
}

const local = (name: string): string => name.slice(name.indexOf(":") + 1);

/** What a section started in one chunk and not yet ended waits for. */
type Pending = { end: "-->" | "?>" | "]]>"; text: boolean } | undefined;

export class XmlScanner {
  private buffer = "";
  private pending: Pending;
  private readonly stack: string[] = stringArray();
  /** The local name of each element of `stack`. */
  private readonly locals: string[] = stringArray();
  private rootSeen = false;
  private readonly attributes = new TagAttributes();
  /** Names met (as written) and their local names, by a hash of their length and characters. */
  private readonly names: string[] = new Array<string>(NAME_CACHE).fill("");
  private readonly localNames: string[] = new Array<string>(NAME_CACHE).fill("");

  // The handlers, bound and kept in the scanner's own fields: the scanner's calls then read a
  // field of one class whatever object the caller handed in (a class for a sheet, an object literal
  // for a small part), so that code optimised on one part is not thrown away on the next (a "wrong
  // map" deoptimisation costs a recompilation of the scanner, a fifth of a cold read's work).
  private readonly onOpen: (name: string, attributes: XmlAttributes, selfClosing: boolean) => void;
  private readonly onClose: (name: string) => void;
  private readonly onText: (text: string) => void;

  constructor(handlers: XmlHandlers) {
    if (!primed) prime();
    this.onOpen = handlers.open ? handlers.open.bind(handlers) : ignore;
    this.onClose = handlers.close ? handlers.close.bind(handlers) : ignore;
    this.onText = handlers.text ? handlers.text.bind(handlers) : ignore;
  }

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
      const lt = find(text, 60, "<", at);
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
      const next = lt + 1 < text.length ? text.charCodeAt(lt + 1) : NaN;
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
        const gt = find(text, 62, ">", lt);
        if (gt < 0) {
          if (final) throw new XmlError("unexpected end");
          return lt;
        }
        this.closeTag(text, lt + 2, gt);
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
    if (pending.text && stop > from) this.onText(lineEnds(text.slice(from, stop)));
    if (found < 0) return stop;
    this.pending = undefined;
    return found + pending.end.length;
  }

  private content(text: string, from: number, to: number): void {
    if (to <= from) return;
    // One call of the text handler for every path: its call site sees every handler from the first
    // small part on, so that the optimised scanner is not thrown away when the next part's comes.
    this.onText(this.contentText(text, from, to));
  }

  /** The text from `from` to `to`, line ends and entities decoded ("" outside the root element). */
  private contentText(text: string, from: number, to: number): string {
    if (to - from <= 32 && this.stack.length > 0) {
      // A cell's value: nothing to decode when it holds no "&", ">" or carriage return.
      let plain = true;
      for (let i = from; i < to && plain; i++) {
        const code = text.charCodeAt(i);
        plain = code !== 38 && code !== 62 && code !== 13;
      }
      if (plain) return text.slice(from, to);
    }
    const piece = text.slice(from, to);
    if (this.stack.length === 0) {
      if (piece.trim() !== "") throw new XmlError("text outside the root element");
      return "";
    }
    if (piece.includes(">") && piece.includes("]]>")) throw new XmlError("]]> in text");
    return decodeEntities(lineEnds(piece));
  }

  /** The end tag whose name and spaces run from `from` to `to` (its ">"). */
  private closeTag(text: string, from: number, to: number): void {
    const open = this.stack.pop();
    const element = this.locals.pop();
    // Most often the name just as it was opened, nothing after it: no string made.
    if (open === undefined || to - from !== open.length || !text.startsWith(open, from)) {
      const name = text.slice(from, to).trimEnd();
      if (open !== name) throw new XmlError(`</${name}> closes <${open ?? ""}>`);
    }
    this.onClose(element as string);
  }

  /**
   * The slot of the element name from `from` to `to` (`hash` made of its characters), holding the
   * same strings as last time when the name was met before.
   */
  private nameAt(text: string, from: number, to: number, hash: number): number {
    const length = to - from;
    const slot = (hash ^ (hash >>> 7)) & (NAME_CACHE - 1);
    const known = this.names[slot];
    if (known.length !== length || !text.startsWith(known, from)) {
      const name = text.slice(from, to);
      this.names[slot] = name;
      this.localNames[slot] = local(name);
    }
    return slot;
  }

  /**
   * The start tag from `from` (just after "<"), handed on; returns the index past its ">", or -1
   * when the text stops first (nothing handed on). Character by character: no slice until a name
   * or a value is complete.
   */
  private startTag(text: string, from: number): number {
    const length = text.length;
    let at = from;
    // Never past the text's end (-1 there): reading past it costs the optimised code its speed.
    let code = at < length ? text.charCodeAt(at) : -1;
    let hash = 0;
    // White space tested inline (code <= 32 first): these loops run before the code is optimised too.
    while (at < length && code !== 47 && code !== 62 /* / > */ && !(code <= 32 && isSpace(code))) {
      hash = (hash * 31 + code) | 0;
      code = ++at < length ? text.charCodeAt(at) : -1;
    }
    if (at >= length) return -1;
    if (at === from) throw new XmlError("a tag without a name");
    const slot = this.nameAt(text, from, at, hash);
    const name = this.names[slot];
    const attributes = this.attributes;
    attributes.reset(text);
    for (;;) {
      let spaced = false;
      code = at < length ? text.charCodeAt(at) : -1;
      while (code <= 32 && isSpace(code)) {
        spaced = true;
        code = ++at < length ? text.charCodeAt(at) : -1;
      }
      if (at >= length) return -1;
      if (code === 62 /* > */ || code === 47 /* / */) break;
      if (!spaced) throw new XmlError(`<${name}>: attributes run together`);
      const keyStart = at;
      while (
        at < length &&
        code !== 61 /* = */ &&
        code !== 62 &&
        code !== 47 &&
        !(code <= 32 && isSpace(code))
      )
        code = ++at < length ? text.charCodeAt(at) : -1;
      const keyEnd = at;
      while (code <= 32 && isSpace(code)) code = ++at < length ? text.charCodeAt(at) : -1;
      if (at >= length) return -1;
      if (code !== 61 || keyEnd === keyStart)
        throw new XmlError(`<${name}>: an attribute without a value`);
      code = ++at < length ? text.charCodeAt(at) : -1;
      while (code <= 32 && isSpace(code)) code = ++at < length ? text.charCodeAt(at) : -1;
      if (at >= length) return -1;
      const quote = code;
      if (quote !== 34 && quote !== 39) throw new XmlError(`<${name}>: a malformed attribute`);
      // The value to its closing quote, then character by character: whether it holds a "<"
      // (refused), or an entity, a tab or a line end (decoded now, so that a bad entity is refused
      // whether or not the attribute is asked for).
      const valueStart = at + 1;
      const close = find(text, quote, quote === 34 ? '"' : "'", valueStart);
      if (close < 0) return -1;
      let special = false;
      let lessThan = false;
      for (let i = valueStart; i < close; i++) {
        const c = text.charCodeAt(i);
        if (c === 60) lessThan = true;
        else if (c === 38 || (c <= 13 && (c === 9 || c === 10 || c === 13))) special = true;
      }
      if (lessThan) throw new XmlError(`<${name}>: "<" in an attribute`);
      const decoded = special
        ? decodeEntities(attributeSpaces(text.slice(valueStart, close)))
        : undefined;
      if (!attributes.add(keyStart, keyEnd, valueStart, close, decoded))
        throw new XmlError(`<${name}>: the attribute ${text.slice(keyStart, keyEnd)} twice`);
      at = close + 1;
    }
    const selfClosing = code === 47;
    if (selfClosing) {
      if (at + 1 >= length) return -1;
      if (text.charCodeAt(at + 1) !== 62) throw new XmlError(`<${name}>: "/" without ">"`);
    }
    if (this.stack.length === 0 && this.rootSeen) throw new XmlError("two root elements");
    this.rootSeen = true;
    const element = this.localNames[slot];
    this.onOpen(element, attributes, selfClosing);
    if (selfClosing) this.onClose(element);
    else {
      this.stack.push(name);
      this.locals.push(element);
    }
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
      if (element === name) found.push(attributes.all());
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
