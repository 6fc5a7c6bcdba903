/**
 * The deck model (layout/deck/) → a .pptx, with pptxgenjs: text boxes and native tables, nothing
 * drawn as a picture, so that every label can be edited in PowerPoint. The same code runs in the
 * CLI and in the pane (pptxgenjs's `write` gives the bytes in both); it decides nothing the model
 * has not decided, and knows no slide in particular.
 */
import JSZip from "jszip";
import PptxGenJS from "pptxgenjs";
import {
  BORDER,
  DECK_FONT,
  DeckCell,
  DeckModel,
  DeckSlide,
  DeckTable,
  DeckTextBox,
  MIN_FONT_SIZE,
} from "../../layout/deck/model";
import { CELL_PAD_X, CELL_PAD_Y } from "../../layout/deck/matrix";
import { escapeXml } from "../svg/text";
import {
  CONTENT_TYPES,
  CORE_PROPERTIES,
  isSlidePart,
  fixedSlide,
  withDates,
  withoutAbsentParts,
} from "./package";

const LAYOUT = "SEGMENT_MATRIX_16x9";
/**
 * The package as pptxgenjs 4 writes it, finished (package.ts says what is wrong with it): the parts
 * read back with JSZip, the zip library pptxgenjs itself runs on, corrected, and deflated. The
 * browser's way; the command line passes Node's faster one (node-package.ts).
 */
export async function finishWithJsZip(stored: Uint8Array, created: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(stored);
  const core = await zip.file(CORE_PROPERTIES)?.async("string");
  if (core !== undefined) zip.file(CORE_PROPERTIES, withDates(core, created));
  const types = await zip.file(CONTENT_TYPES)?.async("string");
  if (types !== undefined)
    zip.file(
      CONTENT_TYPES,
      withoutAbsentParts(types, (part) => zip.file(part) !== null)
    );
  for (const name of Object.keys(zip.files).filter(isSlidePart))
    zip.file(name, fixedSlide(await zip.file(name)!.async("string")));
  return zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    // The fastest level: the slides' XML repeats itself so much that it still shrinks tenfold.
    compressionOptions: { level: 1 },
  });
}

/** Finishes the stored package pptxgenjs writes into the deck's file. */
export type PackageFinisher = (stored: Uint8Array, created: Date) => Promise<Uint8Array>;

/** The deck's bytes (an Office Open XML presentation). */
export async function deckToPptx(
  model: DeckModel,
  finish: PackageFinisher = finishWithJsZip
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: LAYOUT, width: 13.333, height: 7.5 });
  pptx.layout = LAYOUT;
  pptx.title = model.properties.title;
  pptx.subject = model.properties.subject;
  pptx.author = model.properties.author;
  // pptxgenjs escapes the title and the subject, but writes the company into app.xml as it is.
  pptx.company = escapeXml(model.properties.company);
  const lang = model.language === "fr" ? "fr-FR" : "en-GB";
  pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };
  for (const slide of model.slides) renderSlide(pptx.addSlide(), slide, lang);
  const stored = (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
  return finish(stored, model.properties.created);
}

function renderSlide(slide: PptxGenJS.Slide, model: DeckSlide, lang: string): void {
  for (const shape of model.shapes) {
    switch (shape.kind) {
      case "text":
        addText(slide, shape, lang);
        break;
      case "table":
        addTable(slide, shape, lang);
        break;
    }
  }
}

function addText(slide: PptxGenJS.Slide, box: DeckTextBox, lang: string): void {
  const runs: PptxGenJS.TextProps[] = box.paragraphs.map((p, i) => ({
    text: p.text,
    options: {
      fontFace: DECK_FONT,
      fontSize: p.size,
      bold: p.bold ?? false,
      ...(p.colour ? { color: p.colour } : {}),
      ...(p.bullet ? { bullet: true } : {}),
      ...(p.spaceBefore ? { paraSpaceBefore: p.spaceBefore } : {}),
      breakLine: i < box.paragraphs.length - 1,
      lang,
    },
  }));
  slide.addText(runs, {
    x: box.x,
    y: box.y,
    w: box.w,
    h: box.h,
    align: box.align ?? "left",
    valign: box.valign ?? "top",
    fontFace: DECK_FONT,
    margin: 0.05,
    wrap: true,
    lang,
  });
}

function cellOptions(cell: DeckCell, table: DeckTable, lang: string): PptxGenJS.TableCellProps {
  return {
    fontFace: DECK_FONT,
    fontSize: cell.size ?? table.fontSize,
    // A marked cell's runs carry their own weight (cellText).
    bold: cell.marker === undefined ? (cell.bold ?? false) : false,
    align: cell.align ?? "left",
    valign: "middle",
    color: cell.colour ?? "1F1F1F",
    margin: [CELL_PAD_Y / 2, CELL_PAD_X / 2, CELL_PAD_Y / 2, CELL_PAD_X / 2],
    border: cell.dottedBorder
      ? { type: "dash", pt: 1.5, color: cell.dottedBorder }
      : { type: "solid", pt: 0.75, color: BORDER },
    ...(cell.italic ? { italic: true } : {}),
    ...(cell.fill ? { fill: { color: cell.fill } } : {}),
    ...(cell.colspan ? { colspan: cell.colspan } : {}),
    lang,
  };
}

/**
 * The cell's text, with its marker as a second, smaller run when it has one. Runs take the cell's
 * options where they set none, so a bold cell would make its marker bold: the cell is not bold,
 * its first run is.
 */
function cellText(cell: DeckCell, table: DeckTable, lang: string): string | PptxGenJS.TableCell[] {
  if (cell.marker === undefined) return cell.text;
  const options = cellOptions(cell, table, lang);
  return [
    { text: cell.text, options: { ...options, bold: cell.bold ?? false } },
    { text: ` ${cell.marker}`, options: { ...options, fontSize: MIN_FONT_SIZE } },
  ];
}

function addTable(slide: PptxGenJS.Slide, table: DeckTable, lang: string): void {
  const rows: PptxGenJS.TableRow[] = table.rows.map((row) =>
    row.map((cell) => ({
      text: cellText(cell, table, lang),
      options: cellOptions(cell, table, lang),
    }))
  );
  slide.addTable(rows, {
    x: table.x,
    y: table.y,
    colW: table.columnWidths,
    rowH: table.rowHeights,
    fontFace: DECK_FONT,
    fontSize: table.fontSize,
    autoPage: false,
  });
}
