/**
 * Study → the client deck's model (model.ts): a title slide, then the parts asked for in the
 * export's order (matrix, legend, one slide per segment, targeting), as the client workbook chooses
 * its sheets (layout/export.ts: same parts, same defaults, same refusals). Pure; the pptx host
 * writes it in Node and in the browser alike.
 */
import { Language } from "../../method/levels";
import * as msg from "../../messages";
import { PALETTES, PaletteName } from "../../method/colour";
import { Problem } from "../../messages";
import { Study } from "../../method/study";
import { WORKBOOK_TEXTS } from "../../i18n/workbook";
import { EXPORT_PARTS, ExportPart, askedParts } from "../export";
import { DeckModel, DeckSlide } from "./model";
import { matrixSlides } from "./matrix";
import { legendSlide, titleSlide } from "./slides";
import { segmentSlides } from "./segments";
import { targetingSlides } from "./targeting";
import { rfmSlides } from "./rfm";
import { RfmSummaryRead } from "../sheets/rfm";
import { RFM_TEXTS } from "../../i18n/rfm";

export type { DeckModel } from "./model";

/** In the deck's subject (docProps/core.xml): the output guard knows a deck it made by it. */
export const DECK_SUBJECT = "Segment Matrix client deck";
export const DECK_AUTHOR = "Segment Matrix";

export interface DeckOptions {
  /** Default: the matrix, its legend and, when the study has segments, segments and targeting. */
  parts?: readonly ExportPart[];
  language?: Language;
  palette?: PaletteName;
  /** Each scored pair's competition level beside its score, with a legend line (off by default). */
  competition?: boolean;
  /** The date the title slide shows. */
  created: Date;
  /** The RFM summary of the input workbook, when it has one (the `rfm` part). */
  rfm?: RfmSummaryRead;
}

export interface DeckResult {
  model?: DeckModel;
  problems: Problem[];
}

export function deckModel(study: Study, options: DeckOptions): DeckResult {
  const language = options.language ?? study.language;
  const palette = PALETTES[options.palette ?? study.palette ?? "default"];
  const { asked, problems } = askedParts(study, options.parts, options.rfm, "slides");
  if (asked.length === 0) return { problems: [...problems, msg.exportNothing("slides")] };

  const slides: DeckSlide[] = [titleSlide(study, language, options.created)];
  for (const part of EXPORT_PARTS.filter((p) => asked.includes(p))) {
    if (part === "matrix")
      slides.push(...matrixSlides(study, language, palette, options.competition ?? false));
    if (part === "legend") slides.push(legendSlide(study, language, palette));
    if (part === "segments")
      slides.push(...(study.segments ?? []).flatMap((s) => segmentSlides(study, s, language)));
    if (part === "targeting") slides.push(...targetingSlides(study, language));
    if (part === "rfm" && options.rfm)
      slides.push(
        ...rfmSlides(
          options.rfm,
          language,
          palette,
          study.title ?? WORKBOOK_TEXTS[language].matrix.title
        )
      );
  }
  return {
    model: {
      language,
      properties: {
        title: study.title ?? WORKBOOK_TEXTS[language].matrix.title,
        subject: DECK_SUBJECT,
        author: DECK_AUTHOR,
        company: study.organisation ?? DECK_AUTHOR,
        created: options.created,
      },
      slides,
    },
    problems,
  };
}

/**
 * The deck of an RFM workbook, which holds no study: the RFM summary's and grids' slides only; a part of the
 * study asked for is left out and said.
 */
export function rfmDeckModel(read: RfmSummaryRead, options: DeckOptions): DeckResult {
  const language = options.language ?? read.language;
  const problems: Problem[] = (options.parts ?? [])
    .filter((part) => part !== "rfm")
    .map((part) => msg.exportRfmWorkbookOnly(part, "slides"));
  if (options.parts && !options.parts.includes("rfm"))
    return { problems: [...problems, msg.exportRfmNothing()] };
  const texts = RFM_TEXTS[language];
  const title = read.analysisDate ? texts.summaryTitle(read.analysisDate) : read.title;
  const palette = PALETTES[options.palette ?? "default"];
  return {
    model: {
      language,
      properties: {
        title,
        subject: DECK_SUBJECT,
        author: DECK_AUTHOR,
        company: DECK_AUTHOR,
        created: options.created,
      },
      slides: rfmSlides(read, language, palette, title),
    },
    problems,
  };
}
