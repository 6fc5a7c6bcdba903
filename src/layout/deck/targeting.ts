/**
 * The targeting slides: the offerings × segments marks as a native table, the strategy they form
 * (`targetingStrategy`) named and explained, the conquest order. A table that fits leaves room
 * below it for the strategy and the order, on one slide. A larger one continues as the matrix
 * does: each slide at most as many segments as fit with their names' words whole (and no more
 * than MAX_SEGMENTS_PER_SLIDE), as many offerings as fit down to the footer, the header row and
 * the offerings' column repeated; the strategy and the order then have a slide of their own, last.
 */
import { Language } from "../../method/levels";
import { STRATEGIES, strategySentence, targetingStrategy } from "../../method/segments";
import { Study, nameKey } from "../../method/study";
import { formatNumber } from "../../i18n/numbers";
import { DECK_TEXTS } from "../../i18n/deck";
import { WORKBOOK_TEXTS } from "../../i18n/workbook";
import {
  DeckCell,
  DeckParagraph,
  DeckSlide,
  DeckTable,
  GROUP_FILL,
  HEADER_FILL,
  INK,
  MARGIN,
  MIN_FONT_SIZE,
  MUTED,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
  lineHeight,
  wrappedLines,
} from "./model";
import { CELL_PAD_X, ROW_EXTRA, chunks, longestWord } from "./matrix";
import { fitted, flowed, footer, slideTitle, textBox } from "./text";

/** The most segments (columns) one slide shows. */
export const MAX_SEGMENTS_PER_SLIDE = 8;

const WIDTH = SLIDE_WIDTH - 2 * MARGIN;
const COLUMN_GAP = 0.4;
const HALF = (WIDTH - COLUMN_GAP) / 2;
const TABLE_TOP = 1.05;
/** Where a continued table stops: above the footer, as the matrix's. */
export const TARGETING_TABLE_BOTTOM = 6.75;
/** Where the strategy and the order start at the latest under a table on the same slide. */
const TEXT_TOP_MAX = 5.2;
const TEXT_GAP = 0.3;
const BODY_BOTTOM = SLIDE_HEIGHT - 0.55;
const CELL_SIZE = 12;
const HEADER_MIN = 0.6;
const ROW_MIN = 0.34;
const OFFERING_WIDTH = Math.min(3.4, WIDTH * 0.3);
const SEGMENT_COLUMN = { min: 0.9, max: 1.9 };

export interface TargetingPage {
  offerings: number[];
  segments: number[];
}

export interface TargetingGeometry {
  columnWidth: number;
  headerHeight: number;
  rowHeights: number[];
  pages: TargetingPage[];
  /** The table and the texts on one slide (the table fits above TEXT_TOP_MAX). */
  together: boolean;
}

/** Column width, row heights and which offerings and segments each table slide shows. */
export function targetingGeometry(
  segments: readonly string[],
  offerings: readonly string[]
): TargetingGeometry {
  const room = WIDTH - OFFERING_WIDTH;
  // Each column as wide as the longest word of any segment's name, in the header's bold.
  const wordWidth = Math.min(
    room,
    Math.max(SEGMENT_COLUMN.min, longestWord(segments, CELL_SIZE, true) + CELL_PAD_X)
  );
  const perSlide = Math.max(1, Math.min(MAX_SEGMENTS_PER_SLIDE, Math.floor(room / wordWidth)));
  const columnWidth = Math.max(
    wordWidth,
    Math.min(SEGMENT_COLUMN.max, room / Math.min(perSlide, Math.max(1, segments.length)))
  );
  const headerLines = segments.reduce(
    (most, name) => Math.max(most, wrappedLines(name, columnWidth - CELL_PAD_X, CELL_SIZE, true)),
    1
  );
  const headerHeight = Math.max(HEADER_MIN, headerLines * lineHeight(CELL_SIZE) + ROW_EXTRA);
  const rowHeights = offerings.map((offering) =>
    Math.max(
      ROW_MIN,
      wrappedLines(offering, OFFERING_WIDTH - CELL_PAD_X, CELL_SIZE, true) * lineHeight(CELL_SIZE) +
        ROW_EXTRA
    )
  );
  const columnChunks = segments.length === 0 ? [[]] : chunks(segments.length, perSlide);
  const tableHeight = headerHeight + rowHeights.reduce((sum, h) => sum + h, 0);
  // Without offerings there is no table to continue: a sentence says so, above the texts.
  const together =
    offerings.length === 0 ||
    (columnChunks.length === 1 && TABLE_TOP + tableHeight + TEXT_GAP <= TEXT_TOP_MAX);
  if (together)
    return {
      columnWidth,
      headerHeight,
      rowHeights,
      pages: [{ offerings: offerings.map((_, i) => i), segments: columnChunks[0] }],
      together,
    };
  // Rows: as many as fit under the header, down to the footer.
  const rowRoom = TARGETING_TABLE_BOTTOM - TABLE_TOP - headerHeight;
  const rowChunks: number[][] = [];
  let current: number[] = [];
  let used = 0;
  rowHeights.forEach((height, index) => {
    if (current.length > 0 && used + height > rowRoom) {
      rowChunks.push(current);
      current = [];
      used = 0;
    }
    current.push(index);
    used += height;
  });
  if (current.length > 0 || rowChunks.length === 0) rowChunks.push(current);
  const pages = rowChunks.flatMap((rows) =>
    columnChunks.map((columns) => ({ offerings: rows, segments: columns }))
  );
  return { columnWidth, headerHeight, rowHeights, pages, together };
}

export function targetingSlides(study: Study, language: Language): DeckSlide[] {
  const t = WORKBOOK_TEXTS[language].targeting;
  const deck = DECK_TEXTS[language];
  const segments = (study.segments ?? []).map((s) => s.name);
  const offerings = study.offerings ?? [];
  const marked = new Set(
    (study.targets ?? []).map((m) => `${nameKey(m.offering)}\u0000${nameKey(m.segment)}`)
  );
  const isMarked = (offering: string, segment: string): boolean =>
    marked.has(`${nameKey(offering)}\u0000${nameKey(segment)}`);
  const marks = offerings.flatMap((o, offering) =>
    segments.flatMap((s, segment) => (isMarked(o, s) ? [{ offering, segment }] : []))
  );
  const strategy = targetingStrategy(marks, offerings.length, segments.length);
  const geometry = targetingGeometry(segments, offerings);

  const table = (page: TargetingPage): DeckTable => ({
    kind: "table",
    x: MARGIN,
    y: TABLE_TOP,
    columnWidths: [OFFERING_WIDTH, ...page.segments.map(() => geometry.columnWidth)],
    rowHeights: [geometry.headerHeight, ...page.offerings.map((o) => geometry.rowHeights[o])],
    rows: [
      [
        { text: t.corner, bold: true, fill: HEADER_FILL },
        ...page.segments.map((s): DeckCell => ({
          text: segments[s],
          bold: true,
          fill: HEADER_FILL,
          align: "center",
        })),
      ],
      ...page.offerings.map((o): DeckCell[] => [
        { text: offerings[o], bold: true },
        ...page.segments.map((s): DeckCell =>
          isMarked(offerings[o], segments[s])
            ? { text: "X", bold: true, align: "center", fill: GROUP_FILL }
            : { text: "" }
        ),
      ]),
    ],
    fontSize: CELL_SIZE,
  });

  const strategyText: DeckParagraph[] = [
    { text: t.strategy, size: 14, bold: true, colour: INK },
    ...(strategy
      ? [
          {
            text: STRATEGIES[strategy][language],
            size: 16,
            bold: true,
            colour: INK,
            spaceBefore: 4,
          },
          {
            text: strategySentence(strategy, language),
            size: 13,
            colour: INK,
            spaceBefore: 4,
          },
        ]
      : [{ text: deck.noStrategy, size: 13, colour: INK, spaceBefore: 4 }]),
  ];
  const conquest = study.conquest ?? [];
  const conquestText: DeckParagraph[] = [
    { text: t.conquest, size: 14, bold: true, colour: INK },
    ...(conquest.length > 0
      ? conquest.map((name, i): DeckParagraph => ({
          text: `${formatNumber(i + 1, language)}. ${name}`,
          size: 13,
          colour: INK,
          spaceBefore: 2,
        }))
      : [{ text: deck.noConquest, size: 13, colour: INK, spaceBefore: 4 }]),
    { text: t.conquestNote, size: MIN_FONT_SIZE + 1, colour: MUTED, spaceBefore: 8 },
  ];
  /**
   * The strategy on the left and the conquest order on the right from `top` down; an order too
   * long for the rest of the slide continues on more slides, two columns each (the boxes after
   * the first).
   */
  const texts = (top: number): { first: DeckSlide["shapes"]; more: DeckSlide["shapes"][] } => {
    const height = BODY_BOTTOM - top;
    const order = flowed(conquestText, HALF, (box) =>
      box === 0 ? height : BODY_BOTTOM - TABLE_TOP
    );
    const more: DeckSlide["shapes"][] = [];
    for (let i = 1; i < order.length; i += 2)
      more.push([
        textBox(MARGIN, TABLE_TOP, HALF, BODY_BOTTOM - TABLE_TOP, order[i]),
        ...(order[i + 1]
          ? [
              textBox(
                MARGIN + HALF + COLUMN_GAP,
                TABLE_TOP,
                HALF,
                BODY_BOTTOM - TABLE_TOP,
                order[i + 1]
              ),
            ]
          : []),
      ]);
    return {
      first: [
        textBox(MARGIN, top, HALF, height, fitted(strategyText, HALF, height)),
        textBox(MARGIN + HALF + COLUMN_GAP, top, HALF, height, order[0]),
      ],
      more,
    };
  };
  const noOfferings = textBox(MARGIN, TABLE_TOP, WIDTH, 0.5, [
    { text: deck.noOfferings, size: 13, colour: INK },
  ]);

  if (geometry.together) {
    const [page] = geometry.pages;
    const tableHeight = geometry.rowHeights.reduce((sum, h) => sum + h, geometry.headerHeight);
    const below = Math.min(TEXT_TOP_MAX, TABLE_TOP + tableHeight + TEXT_GAP);
    const { first, more } = texts(below);
    const count = 1 + more.length;
    const title = (index: number): string =>
      count > 1 ? t.title + deck.continued(index + 1, count) : t.title;
    return [
      {
        part: "targeting",
        shapes: [
          slideTitle(title(0)),
          offerings.length > 0 ? table(page) : noOfferings,
          ...first,
          footer(study, language),
        ],
      },
      ...more.map((shapes, i): DeckSlide => ({
        part: "targeting",
        shapes: [slideTitle(title(i + 1)), ...shapes, footer(study, language)],
      })),
    ];
  }
  const { first, more } = texts(TABLE_TOP);
  const count = geometry.pages.length + 1 + more.length;
  const title = (index: number): string => t.title + deck.continued(index + 1, count);
  return [
    ...geometry.pages.map((page, index): DeckSlide => ({
      part: "targeting",
      shapes: [slideTitle(title(index)), table(page), footer(study, language)],
    })),
    ...[first, ...more].map((shapes, i): DeckSlide => ({
      part: "targeting",
      shapes: [slideTitle(title(geometry.pages.length + i)), ...shapes, footer(study, language)],
    })),
  ];
}
