/** Reads an SVG document as a tree of elements, with fast-xml-parser, for the picture's tests. */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface SvgElement {
  name: string;
  attributes: Record<string, string>;
  children: SvgNode[];
}
export type SvgNode = SvgElement | string;

type ParsedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

function toNode(parsed: ParsedNode): SvgNode | undefined {
  if ("#text" in parsed) return String(parsed["#text"]);
  const name = Object.keys(parsed).find((key) => key !== ":@");
  if (!name || name.startsWith("?")) return undefined;
  const attributes = (parsed[":@"] ?? {}) as Record<string, string>;
  const children = ((parsed[name] ?? []) as ParsedNode[])
    .map(toNode)
    .filter((node): node is SvgNode => node !== undefined);
  return { name, attributes, children };
}

/** The root element; throws when the text is not well-formed XML. */
export function parseSvg(svg: string): SvgElement {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  const roots = (parser.parse(svg) as ParsedNode[])
    .map(toNode)
    .filter((node): node is SvgElement => typeof node === "object");
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

/** Every element under (and including) the root, in document order. */
export function allElements(root: SvgElement): SvgElement[] {
  const found: SvgElement[] = [root];
  for (const child of root.children)
    if (typeof child === "object") found.push(...allElements(child));
  return found;
}

export function textContent(element: SvgElement): string {
  return element.children
    .map((child) => (typeof child === "string" ? child : textContent(child)))
    .join("");
}

export function hasClass(element: SvgElement, name: string): boolean {
  return (element.attributes.class ?? "").split(" ").includes(name);
}

/**
 * What a reader can get of each text: the content of every <text> (as shown) and of every <title>
 * (the full text of what was elided or wrapped).
 */
export function visibleAndTitleTexts(root: SvgElement): Set<string> {
  const texts = new Set<string>();
  for (const element of allElements(root)) {
    if (element.name === "text" || element.name === "title") texts.add(textContent(element));
  }
  return texts;
}
