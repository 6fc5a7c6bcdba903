/**
 * Streaming XML for the parts of a workbook: one SAX pass, element names without their prefix
 * (Strict OOXML and transitional use different namespaces, the same local names). saxes expands
 * no custom entity, so a DOCTYPE cannot blow up memory.
 */
import { SaxesParser } from "saxes";

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

const local = (name: string): string => name.slice(name.indexOf(":") + 1);

type Options = { xmlns: false; position: false };

function parser(handlers: XmlHandlers): SaxesParser<Options> {
  const sax = new SaxesParser<Options>({ xmlns: false, position: false });
  if (handlers.open) {
    const open = handlers.open;
    sax.on("opentag", (tag) => open(local(tag.name), tag.attributes, tag.isSelfClosing));
  }
  if (handlers.close) {
    const close = handlers.close;
    sax.on("closetag", (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    sax.on("text", handlers.text);
    sax.on("cdata", handlers.text);
  }
  return sax;
}

export function parseXml(xml: string, handlers: XmlHandlers): void {
  parser(handlers).write(xml).close();
}

export async function parseXmlStream(
  chunks: AsyncIterable<string>,
  handlers: XmlHandlers
): Promise<void> {
  const sax = parser(handlers);
  for await (const chunk of chunks) sax.write(chunk);
  sax.close();
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
