/**
 * The reader's XML scanner (src/hosts/xlsx/xml.ts) against saxes, the parser it replaced: the same
 * events on the constructs workbook parts use, whatever the chunks the text comes in; malformed
 * documents refused by both; and linear on inputs made to be slow.
 */
import { SaxesParser } from "saxes";
import { PRIMER, XmlScanner, parseXml } from "../../src/hosts/xlsx/xml";

type Event = [string, string, Record<string, string>?, boolean?];

function ours(chunks: string[]): Event[] {
  const events: Event[] = [];
  let text = "";
  const flush = (): void => {
    if (text !== "") events.push(["text", text]);
    text = "";
  };
  const scanner = new XmlScanner({
    open: (name, attributes, selfClosing) => {
      flush();
      events.push(["open", name, attributes.all(), selfClosing]);
    },
    close: (name) => {
      flush();
      events.push(["close", name]);
    },
    text: (piece) => (text += piece),
  });
  for (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return events;
}

function theirs(xml: string): Event[] {
  const events: Event[] = [];
  let text = "";
  const flush = (): void => {
    if (text !== "") events.push(["text", text]);
    text = "";
  };
  const local = (name: string): string => name.slice(name.indexOf(":") + 1);
  const sax = new SaxesParser({ xmlns: false, position: false });
  sax.on("opentag", (tag) => {
    flush();
    events.push(["open", local(tag.name), { ...tag.attributes }, tag.isSelfClosing]);
  });
  sax.on("closetag", (tag) => {
    flush();
    events.push(["close", local(tag.name)]);
  });
  sax.on("text", (piece) => {
    // saxes reports the text around the root too; ours gives only the text inside it.
    if (events.length > 0 && events.some((e) => e[0] === "open")) text += piece;
  });
  sax.on("cdata", (piece) => (text += piece));
  sax.write(xml).close();
  flush();
  return events.filter((event, i, all) => !(event[0] === "text" && i === all.length - 1));
}

const DOCUMENTS = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="urn:x" xmlns:r="urn:r"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"/></row></sheetData></worksheet>',
  "<x:sst xmlns:x='urn:x' count='2'><x:si><x:t xml:space='preserve'> a &amp; b &lt;c&gt; &#233;&#x1F600; </x:t></x:si><x:si><x:r><x:t>one\r\ntwo\rthree\nfour</x:t></x:r><x:rPh><x:t>ふ</x:t></x:rPh></x:si></x:sst>",
  "<a><!-- a comment with <tags> & - --><b  c = \"1\"\n d='2'\t/><![CDATA[<raw> & ]]]]><![CDATA[>]]><?pi data?>tail</a >",
  '<definedNames><definedName name="SM_Ticks">\'Qui ressent quoi\'!$C$6:$D$7</definedName><definedName name="x" comment="a&#10;b&#9;c\nd">A&quot;B</definedName></definedNames>',
  "<a>é à ü 漢字 😀 &apos;&quot;</a>",
];

describe("the reader's XML scanner", () => {
  it.each(DOCUMENTS.map((xml, i) => [i, xml]))(
    "document %i: the same events as saxes, in one chunk or cut anywhere",
    (_i, xml) => {
      const expected = theirs(xml);
      expect(ours([xml])).toEqual(expected);
      for (let cut = 1; cut < xml.length; cut++)
        expect(ours([xml.slice(0, cut), xml.slice(cut)])).toEqual(expected);
      // Character by character: every construct split across chunks.
      expect(ours([...xml])).toEqual(expected);
    }
  );

  it("the primer run before any part: the same events as saxes, cut as it is cut or whole", () => {
    // Every scanner runs it first (to train V8 on the rare paths): its chunks cut an entity, a
    // carriage return, a tag, an end tag, a comment and a CDATA section; a mistake on any of those
    // paths would show here as it would in a sheet.
    const xml = PRIMER.join("");
    const expected = theirs(xml);
    expect(ours([...PRIMER])).toEqual(expected);
    expect(ours([xml])).toEqual(expected);
    expect(expected.filter((event) => event[0] === "open").length).toBeGreaterThan(5);
  });

  it.each([
    ["a tag not closed", "<a><b></a>"],
    ["an undefined entity", "<a>&nbsp;</a>"],
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ["text outside the root", "<a/>text"],
    ["two roots", "<a/><b/>"],
    ["an attribute without quotes", "<a b=c/>"],
    ["an attribute twice", '<a b="1" b="2"/>'],
    ["an unfinished comment", "<a><!-- never ends</a>"],
    ["nothing", ""],
    ["the end cut", '<a><b c="1'],
  ])("%s: refused, as saxes refuses it", (_label, xml) => {
    expect(() => parseXml(xml, {})).toThrow(/malformed XML/);
    expect(() => new SaxesParser().write(xml).close()).toThrow();
  });

  it("hands on each attribute asked by name as all() has it, and nothing for a name not given", () => {
    const many = Array.from({ length: 12 }, (_, i) => ` k${i}="v${i}"`).join("");
    const xml = `<x:a xmlns:x="urn:x"><x:b  c = "1"\n d='a&amp;b&#9;c\td'${many}/><e r:id="rId1" r="2"/></x:a>`;
    const seen: [string, string | undefined][] = [];
    for (const chunks of [[xml], [...xml]]) {
      const scanner = new XmlScanner({
        open: (_name, attributes) => {
          const all = attributes.all();
          for (const [key, value] of Object.entries(all)) {
            expect(attributes.get(key)).toBe(value);
            seen.push([key, attributes.get(key)]);
          }
          for (const absent of ["z", "x:c", "id", "k", "k1 ", ""])
            expect(attributes.get(absent)).toBeUndefined();
        },
      });
      for (const chunk of chunks) scanner.write(chunk);
      scanner.close();
    }
    expect(seen).toContainEqual(["d", "a&b\tc d"]);
    expect(seen).toContainEqual(["k11", "v11"]);
    expect(seen).toContainEqual(["r:id", "rId1"]);
    expect(seen).toContainEqual(["r", "2"]);
  });

  it.each([
    ["an attribute twice among few", '<a b="1" c="2" b="3"/>'],
    [
      "an attribute twice among many",
      `<a${Array.from({ length: 20 }, (_, i) => ` k${i}="1"`).join("")} k3="2"/>`,
    ],
    ["an undefined entity in an attribute nobody asks for", '<a b="&nbsp;"/>'],
    ['a "<" in an attribute nobody asks for', '<a b="<"/>'],
    ["an end tag naming another element", "<a><b></c></a>"],
  ])("%s: refused, as saxes refuses it", (_label, xml) => {
    expect(() => parseXml(xml, {})).toThrow(/malformed XML/);
    expect(() => new SaxesParser().write(xml).close()).toThrow();
  });

  it("is linear on inputs made to be slow (comments, attributes, entities)", () => {
    const inputs = [
      `<a>${"<!--".repeat(200000)}`,
      `<a ${'b="'.repeat(200000)}`,
      `<a>${"&amp".repeat(200000)}</a>`,
      `<a>${"<b>".repeat(100000)}</a>`,
      // Many attributes of one tag: a repeat is found through a set, not against each other one.
      `<a${Array.from({ length: 100000 }, (_, i) => ` k${i}="1"`).join("")}/>`,
      `<a ${"k".repeat(1000000)}="1" ${"k".repeat(999999)}j="1"/>`,
    ];
    for (const xml of inputs) {
      let events = 0;
      try {
        parseXml(xml, { open: () => events++ });
      } catch (failure) {
        expect(String(failure)).toMatch(/malformed XML/);
      }
      expect(events).toBeLessThanOrEqual(100001);
    }
  });
});
