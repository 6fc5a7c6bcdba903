/**
 * One slide per segment (its card: type, mean score, yearly potential with the currency, where
 * its figures come from when the customers' data gave them, its lists, the "good segment" checklist per family, the growth levers). Figures come from the
 * method's own computations, the workbook's `meanScore` and `potentialOf`; numbers are written by
 * i18n/numbers.ts in the study's language. The targeting slides are in targeting.ts.
 */
import { Language } from "../../method/levels";
import {
  CHECKLIST_FAMILIES,
  CHECKLIST_ITEMS,
  CHECKLIST_STATUSES,
  ChecklistFamily,
  DEFAULT_STATUS,
  GROWTH_LEVERS,
  findSegmentType,
} from "../../method/segments";
import { Segment, Study } from "../../method/study";
import { formatAmount, formatNumber } from "../../i18n/numbers";
import { DECK_TEXTS } from "../../i18n/deck";
import { WORKBOOK_TEXTS } from "../../i18n/workbook";
import { meanScore, potentialOf } from "../sheets/segments";
import { figuresSourceLine } from "../../i18n/figures-source";
import { sourcedFigures } from "../../method/segment-figures";
import {
  DeckCell,
  DeckParagraph,
  DeckSlide,
  DeckTable,
  HEADER_FILL,
  INK,
  MARGIN,
  MIN_FONT_SIZE,
  MUTED,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
} from "./model";
import { flowed, footer, slideTitle, textBox } from "./text";

const WIDTH = SLIDE_WIDTH - 2 * MARGIN;
const COLUMN_GAP = 0.4;
const HALF = (WIDTH - COLUMN_GAP) / 2;
const BODY_TOP = 2.3;
const BODY_BOTTOM = SLIDE_HEIGHT - 0.55;
/** Where a continued card's lists start: under the title, the figures shown once. */
const CONTINUED_TOP = 1.05;

/** French sets a space before a colon (a no-break one, so that it never starts a line). */
function colon(language: Language): string {
  return language === "fr" ? "\u00A0: " : ": ";
}

function listParagraphs(label: string, entries: readonly string[], none: string): DeckParagraph[] {
  return [
    { text: label, size: 13, bold: true, colour: INK, spaceBefore: 6 },
    { text: entries.length > 0 ? entries.join(", ") : none, size: 13, colour: INK },
  ];
}

/** A segment's card, on one slide or, when its lists run long, continued on more. */
export function segmentSlides(study: Study, segment: Segment, language: Language): DeckSlide[] {
  const texts = WORKBOOK_TEXTS[language];
  const deck = DECK_TEXTS[language];
  const s = texts.segments;
  const mean = meanScore(segment, study);
  const potential = potentialOf(segment);
  const figure = (value: number | undefined, amount = false): string =>
    value === undefined
      ? "?"
      : amount
        ? // Two decimals, as the workbook's basket cells show it.
          formatAmount(value, language, study.currency, { decimals: 2 })
        : formatNumber(value, language);
  const figures =
    segment.size !== undefined || segment.frequency !== undefined || segment.basket !== undefined
      ? `${figure(segment.size)} × ${figure(segment.frequency)} × ${figure(segment.basket, true)}`
      : "";
  const type = segment.type ? (findSegmentType(segment.type)?.[language] ?? segment.type) : "";
  const card: DeckTable = {
    kind: "table",
    x: MARGIN,
    y: 1.05,
    columnWidths: [WIDTH * 0.27, WIDTH * 0.15, WIDTH * 0.22, WIDTH * 0.36],
    rowHeights: [0.36, 0.55],
    rows: [
      [s.type, texts.targeting.meanScore, texts.targeting.potential, deck.potentialFigures].map(
        (text): DeckCell => ({ text, bold: true, fill: HEADER_FILL })
      ),
      [
        { text: type || deck.none, size: 16 },
        {
          text: mean === "" ? deck.none : formatNumber(mean, language, { decimals: 1 }),
          size: 16,
          bold: true,
        },
        {
          // Whole, as the workbook's potential cells show it.
          text:
            potential === ""
              ? deck.none
              : formatAmount(potential, language, study.currency, { decimals: 0 }),
          size: 16,
          bold: true,
        },
        { text: figures || deck.none, size: 13 },
      ],
    ],
    fontSize: 12,
  };
  // Where the figures come from, under the card, when the customers' data gave them.
  const source = segment.figuresSource
    ? [
        textBox(
          MARGIN,
          1.05 + 0.36 + 0.55 + 0.02,
          WIDTH,
          0.28,
          [
            {
              text: figuresSourceLine(
                segment.figuresSource,
                language,
                sourcedFigures(segment).includes("size")
              ),
              size: MIN_FONT_SIZE,
              colour: MUTED,
            },
          ],
          "right"
        ),
      ]
    : [];
  const lists = [
    ...listParagraphs(deck.lists.clienteles, segment.clienteles, deck.none),
    ...listParagraphs(deck.lists.needs, segment.needs, deck.none),
    ...listParagraphs(deck.lists.offerings, segment.offerings, deck.none),
    ...listParagraphs(deck.lists.channels, segment.channels, deck.none),
    ...listParagraphs(deck.lists.zones, segment.zones, deck.none),
    ...listParagraphs(deck.lists.personas, segment.personas, deck.none),
  ];
  // The lists on the left, the checklist and levers on the right, continued on more slides (the
  // title repeated, numbered) when a long card would not fit one at a readable size.
  const height = (box: number): number => BODY_BOTTOM - (box === 0 ? BODY_TOP : CONTINUED_TOP);
  const right = flowed(
    [...checklistParagraphs(segment, language), ...leverParagraphs(segment, language)],
    HALF,
    height
  );
  // When the checklist and levers keep to the first slide, the lists continue in both columns of
  // the slides after it.
  const twoColumns = right.length === 1;
  const left = flowed(lists, HALF, height);
  const count = twoColumns
    ? 1 + Math.ceil((left.length - 1) / 2)
    : Math.max(left.length, right.length);
  const title = deck.segment(segment.name);
  return Array.from({ length: count }, (_, i): DeckSlide => {
    const top = i === 0 ? BODY_TOP : CONTINUED_TOP;
    const column = (x: number, paragraphs: DeckParagraph[] | undefined): DeckSlide["shapes"] =>
      paragraphs ? [textBox(x, top, HALF, height(i), paragraphs)] : [];
    const [first, second] =
      twoColumns && i > 0 ? [left[2 * i - 1], left[2 * i]] : [left[i], right[i]];
    return {
      part: "segments",
      shapes: [
        slideTitle(count > 1 ? title + deck.continued(i + 1, count) : title),
        ...(i === 0 ? [card, ...source] : []),
        ...column(MARGIN, first),
        ...column(MARGIN + HALF + COLUMN_GAP, second),
        footer(study, language),
      ],
    };
  });
}

function checklistParagraphs(segment: Segment, language: Language): DeckParagraph[] {
  const deck = DECK_TEXTS[language];
  const families = Object.keys(CHECKLIST_FAMILIES) as ChecklistFamily[];
  const statusOf = (i: number): string => segment.checklist[i] ?? DEFAULT_STATUS;
  const lines = families.map((family): DeckParagraph => {
    const items = CHECKLIST_ITEMS.map((item, i) => ({ item, i })).filter(
      ({ item }) => item.family === family
    );
    const count = (status: string): number =>
      items.filter(({ i }) => statusOf(i) === status).length;
    const others = CHECKLIST_STATUSES.filter((st) => st.canonical !== "ok")
      .map((st) => ({ n: count(st.canonical), label: st[language].toLowerCase() }))
      .filter(({ n }) => n > 0)
      .map(({ n, label }) => `${formatNumber(n, language)} ${label}`)
      .join(" · ");
    return {
      text: `${CHECKLIST_FAMILIES[family][language]}${colon(language)}${deck.familyCounts(count("ok"), items.length, others)}`,
      size: 13,
      colour: INK,
      bullet: true,
    };
  });
  const ok = CHECKLIST_ITEMS.filter((_, i) => statusOf(i) === "ok").length;
  return [
    {
      text: WORKBOOK_TEXTS[language].checklist.title,
      size: 13,
      bold: true,
      colour: INK,
      spaceBefore: 6,
    },
    ...lines,
    {
      text: ok === CHECKLIST_ITEMS.length ? deck.ready : deck.notReady(ok, CHECKLIST_ITEMS.length),
      size: 13,
      bold: ok === CHECKLIST_ITEMS.length,
      colour: INK,
    },
  ];
}

function leverParagraphs(segment: Segment, language: Language): DeckParagraph[] {
  const levers = GROWTH_LEVERS.filter((lever) => (segment.plans[lever.id] ?? "").trim() !== "");
  return [
    {
      text: WORKBOOK_TEXTS[language].targeting.levers,
      size: 13,
      bold: true,
      colour: INK,
      spaceBefore: 12,
    },
    ...(levers.length === 0
      ? [{ text: DECK_TEXTS[language].noLevers, size: 13, colour: INK }]
      : levers.map((lever): DeckParagraph => ({
          text: `${lever[language]}${colon(language)}${segment.plans[lever.id]}`,
          size: 13,
          colour: INK,
          bullet: true,
        }))),
  ];
}
