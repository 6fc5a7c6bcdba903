/**
 * Reading a .pptx the way the tests need it: its parts, each slide's tables (cells' text and
 * fill), every shape id and the text of every run. Regular expressions are fine here: the input is
 * the deck the tests just wrote, not an untrusted file.
 */
import { DeckModel } from "../../src/layout/deck/model";
import { PackageFinisher, deckToPptx } from "../../src/hosts/pptx/deck";
import { unzip } from "./unzip";

export interface TableCell {
  text: string;
  /** The cell's own fill (not its borders'), as six hex digits. */
  fill?: string;
  /** Font sizes of its runs, in points. */
  sizes: number[];
}

export function deckParts(bytes: Uint8Array): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, data] of unzip(Buffer.from(bytes))) parts.set(name, data.toString("utf8"));
  return parts;
}

/** Slide part names in presentation order (slide1.xml, slide2.xml, …). */
export function slideNames(parts: Map<string, string>): string[] {
  const number = (name: string): number => Number(/slide(\d+)\.xml$/.exec(name)?.[1]);
  return [...parts.keys()]
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => number(a) - number(b));
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

/** The text of an XML fragment's paragraphs: runs joined, paragraphs on their own lines. */
export function paragraphsText(xml: string): string {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) =>
      [...p[1].matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => unescapeXml(t[1])).join("")
    )
    .join("\n");
}

export function tables(slide: string): TableCell[][][] {
  return [...slide.matchAll(/<a:tbl>([\s\S]*?)<\/a:tbl>/g)].map((table) =>
    [...table[1].matchAll(/<a:tr [^>]*>([\s\S]*?)<\/a:tr>/g)].map((row) =>
      [...row[1].matchAll(/<a:tc(?: [^>]*)?>([\s\S]*?)<\/a:tc>/g)].map((cell): TableCell => {
        const body = /<a:txBody>([\s\S]*?)<\/a:txBody>/.exec(cell[1])?.[1] ?? "";
        const properties = (/<a:tcPr[^>]*>([\s\S]*?)<\/a:tcPr>/.exec(cell[1])?.[1] ?? "").replace(
          /<a:ln[LRTB][\s\S]*?<\/a:ln[LRTB]>/g,
          ""
        );
        const fill = /<a:solidFill><a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(properties)?.[1];
        const sizes = [...body.matchAll(/<a:rPr [^>]*sz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
        return { text: paragraphsText(body), ...(fill ? { fill: fill.toUpperCase() } : {}), sizes };
      })
    )
  );
}

/** Every text of a slide, runs joined per paragraph. */
export function slideText(slide: string): string {
  return paragraphsText(slide);
}

export function shapeIds(slide: string): number[] {
  return [...slide.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
}

/**
 * deckToPptx under jest. pptxgenjs starts loading node:fs with a dynamic import() whenever it sees
 * Node (for pictures, which the deck has none of); jest's module sandbox refuses dynamic imports
 * without --experimental-vm-modules. The check and the import happen synchronously at the start
 * of `write`, so the deck is written with Node's release name hidden for that instant only.
 */
export async function deckBytes(model: DeckModel, finish?: PackageFinisher): Promise<Uint8Array> {
  const release = process.release;
  Object.defineProperty(process, "release", {
    value: { ...release, name: "jest" },
    configurable: true,
  });
  let written: Promise<Uint8Array>;
  try {
    written = deckToPptx(model, finish);
  } finally {
    Object.defineProperty(process, "release", { value: release, configurable: true });
  }
  return written;
}
