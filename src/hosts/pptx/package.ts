/**
 * What the package pptxgenjs 4 writes needs before PowerPoint reads it without a doubt, as pure
 * text fixes shared by both ways of finishing it (deck.ts in the browser, node-package.ts in Node):
 * - it stores the parts uncompressed whenever an output type is named (its `compression` applies
 *   only to the Node stream and the browser download): about ten times larger, so it is deflated;
 * - its content types declare a slide master per slide where only the first exists: the
 *   declarations of absent parts are dropped;
 * - it numbers a table's shape from the slide's number where text boxes take their index, so two
 *   shapes of a slide can share an id: each slide's shapes are numbered again in order (nothing in
 *   the deck refers to them);
 * - in a paragraph of several runs (a score and its competition marker) it writes the paragraph's
 *   properties again before each run, where the schema allows them only first: the repeats go.
 */
export const CONTENT_TYPES = "[Content_Types].xml";
export const CORE_PROPERTIES = "docProps/core.xml";

/**
 * The package's creation and modification dates set to the deck's own date (pptxgenjs writes the
 * clock's): the same study and date give the same deck, in the pane and in the command line.
 */
export function withDates(core: string, created: Date): string {
  const stamp = created.toISOString().replace(/\.\d{3}Z$/, "Z");
  return core.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_, open: string, _kind: string, close: string) => `${open}${stamp}${close}`
  );
}

export function isSlidePart(name: string): boolean {
  return /^ppt\/slides\/slide\d+\.xml$/.test(name);
}

/** The content types without the overrides of parts the package does not hold. */
export function withoutAbsentParts(types: string, holds: (part: string) => boolean): string {
  return types.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
    holds(part) ? override : ""
  );
}

/** A slide with its shapes numbered 1, 2, 3… in document order. */
export function renumberShapes(slide: string): string {
  let id = 0;
  return slide.replace(/<p:cNvPr id="\d+"/g, () => `<p:cNvPr id="${++id}"`);
}

/** The slide as PowerPoint reads it without a doubt: paragraphs' properties once, shapes renumbered. */
export function fixedSlide(slide: string): string {
  return renumberShapes(withParagraphPropertiesFirst(slide));
}

/**
 * A slide with every `<a:pPr>` that follows a run (`</a:r>`) removed: a linear scan, each repeat
 * cut up to its own end (`/>` or `</a:pPr>`, which holds no nested pPr).
 */
export function withParagraphPropertiesFirst(slide: string): string {
  const repeat = "</a:r><a:pPr";
  let out = "";
  let from = 0;
  for (let at = slide.indexOf(repeat); at >= 0; at = slide.indexOf(repeat, from)) {
    const start = at + "</a:r>".length;
    const tagEnd = slide.indexOf(">", start);
    if (tagEnd < 0) break;
    const end =
      slide[tagEnd - 1] === "/"
        ? tagEnd + 1
        : slide.indexOf("</a:pPr>", tagEnd) + "</a:pPr>".length;
    if (end <= start) break;
    out += slide.slice(from, start);
    from = end;
  }
  return out + slide.slice(from);
}
