/**
 * The picture of the score matrix as an SVG string, for slides: 1920 wide, 16:9 (1080 high) unless
 * there are too many needs to stay readable, in which case it grows downwards (rows never get
 * thinner than MIN_ROW_HEIGHT). Self-contained: no script, no event attribute, no link, no
 * embedded font (generic `sans-serif`), so it opens the same anywhere and can be rendered to PNG.
 * Browser-safe: no Node, no DOM.
 */
import { TextColourRule, textColour, ColourStop, scaleColour } from "../../method/colour";
import { Study } from "../../method/study";
import { HYPOTHESIS_LOOK } from "../../method/evidence";
import { PICTURE_TEXTS } from "../../i18n/picture";
import { competitionLegend } from "../../i18n/competition";
import { competitionMarker } from "../../method/competition-look";
import { ColumnGroup, PictureModel, PictureOptions, pictureModel } from "./model";
import { BOLD_WIDTH, elide, escapeXml, textWidth, wrap } from "./text";

/** The marker on the root element by which Segment Matrix knows a picture it wrote. */
export const SVG_GENERATOR = "Segment Matrix";
export const PICTURE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;

const MARGIN = 48;
const TITLE_FONT = 40;
const NOTE_FONT = 18;
const HEADER_HEIGHT = 150;
const LEGEND_STEP = 5; // one rect per score 0–100, 5 px each
const MIN_ROW_HEIGHT = 22;
const MAX_ROW_HEIGHT = 80;
const MAX_COLUMN_WIDTH = 200;
/** Columns at least this wide get horizontal labels wrapped on up to three lines. */
const WRAP_MIN_COLUMN_WIDTH = 96;
const WRAP_LINES = 3;
const MAX_ROTATED_LABEL = 260;
const GROUP_LANE_HEIGHT = 44;
const EMPTY_FILL = "#F2F2F2";
const GRID_LINE = "#FFFFFF";
const INK = "#1F1F1F";
const MUTED = "#595959";
/** Below this size a score cannot be read at slide size: the cells keep their colour only. */
const MIN_SCORE_FONT = 9;
/** A competition marker smaller than this cannot be read: the picture says so instead. */
const MIN_MARKER_FONT = 8;

export interface PictureLayout {
  width: number;
  height: number;
  needLabelWidth: number;
  gridLeft: number;
  gridTop: number;
  columnWidth: number;
  rowHeight: number;
  nameFont: number;
  columnFont: number;
  columnLabels: "wrapped" | "rotated";
  scoreFont: number;
  showScores: boolean;
  /** The competition markers' size, in the cell's top right corner above the score. */
  markerFont: number;
  showMarkers: boolean;
  footerTop: number;
}

const clamp = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, value));

const widest = (names: readonly string[], fontSize: number): number =>
  names.reduce((max, name) => Math.max(max, textWidth(name, fontSize)), 0);

function footerLines(model: PictureModel, showScores: boolean, showMarkers = true): string[] {
  const texts = PICTURE_TEXTS[model.language];
  const lines = [texts.footer(model.weights.perception, model.weights.impact)];
  if (!showScores) lines.push(texts.scoresOmitted);
  if (model.scatteredSegments.length > 0)
    lines.push(texts.scatteredSegments(model.scatteredSegments.join(", ")));
  if (model.evidence) lines.push(texts.hypotheses);
  if (model.competition)
    lines.push(showMarkers ? competitionLegend(model.language) : texts.competitionOmitted);
  return lines;
}

/**
 * The largest font (from the names' own down to 14) at which every column label wraps whole on
 * WRAP_LINES lines; none when the columns are narrow or a word is too long: labels are rotated.
 */
function wrappedLabelFont(
  names: readonly string[],
  columnWidth: number,
  nameFont: number
): number | undefined {
  if (columnWidth < WRAP_MIN_COLUMN_WIDTH) return undefined;
  for (let font = Math.min(nameFont, 18); font >= 14; font--) {
    if (names.every((name) => wrap(name, columnWidth - 10, font, WRAP_LINES).complete)) return font;
  }
  return undefined;
}

export function pictureLayout(model: PictureModel): PictureLayout {
  const rows = Math.max(1, model.needs.length);
  const columns = Math.max(1, model.clienteles.length);
  const lanes = model.groups.reduce((max, group) => Math.max(max, group.lane + 1), 0);
  const groupsHeight = lanes * GROUP_LANE_HEIGHT;
  const footerHeight = (footerLines(model, true).length + 1) * (NOTE_FONT + 10);
  const fixedHeight = HEADER_HEIGHT + groupsHeight + footerHeight + MARGIN;

  // First guess of the row height (with a typical label band) sets the font of the names.
  const firstRowHeight = clamp(
    (SLIDE_HEIGHT - fixedHeight - 200) / rows,
    MIN_ROW_HEIGHT,
    MAX_ROW_HEIGHT
  );
  const nameFont = Math.round(clamp(firstRowHeight * 0.45, 11, 24));
  const needLabelWidth = clamp(widest(model.needs, nameFont) + 24, 160, 560);
  const gridSpace = PICTURE_WIDTH - 2 * MARGIN - needLabelWidth;
  const columnWidth = Math.min(MAX_COLUMN_WIDTH, gridSpace / columns);
  // A small matrix sits in the middle of the slide rather than in its top-left corner.
  const gridLeft = MARGIN + needLabelWidth + (gridSpace - columns * columnWidth) / 2;

  const wrappedFont = wrappedLabelFont(model.clienteles, columnWidth, nameFont);
  const wrapped = wrappedFont !== undefined;
  const columnFont = wrappedFont ?? Math.round(clamp(columnWidth * 0.6, 7, Math.min(nameFont, 18)));
  const labelBand = wrapped
    ? WRAP_LINES * Math.round(columnFont * 1.2) + 16
    : Math.min(widest(model.clienteles, columnFont), MAX_ROTATED_LABEL) + 20;
  const gridTop = HEADER_HEIGHT + labelBand;

  const rowHeight = clamp(
    (SLIDE_HEIGHT - gridTop - groupsHeight - footerHeight - MARGIN) / rows,
    MIN_ROW_HEIGHT,
    MAX_ROW_HEIGHT
  );
  const scoreFont = Math.floor(Math.min(28, rowHeight * 0.45, (columnWidth - 6) / 1.9));
  const showScores = scoreFont >= MIN_SCORE_FONT;
  // In the top third of the row, clear of the score centred below it.
  const markerFont = Math.floor(Math.min(16, rowHeight * 0.32, columnWidth * 0.22));
  const showMarkers = markerFont >= MIN_MARKER_FONT;
  const footerTop = gridTop + rows * rowHeight + groupsHeight + 16;
  const footerNeeded = (footerLines(model, showScores, showMarkers).length + 1) * (NOTE_FONT + 10);
  return {
    width: PICTURE_WIDTH,
    height: Math.max(SLIDE_HEIGHT, Math.ceil(footerTop + footerNeeded + MARGIN / 2)),
    needLabelWidth,
    gridLeft,
    gridTop,
    columnWidth,
    rowHeight,
    nameFont,
    columnFont,
    columnLabels: wrapped ? "wrapped" : "rotated",
    scoreFont,
    showScores,
    markerFont,
    showMarkers,
    footerTop,
  };
}

/** Numbers as SVG attributes: at most two decimals, no trailing zeros, so output is stable. */
const n = (value: number): string => String(Math.round(value * 100) / 100);

const attribute = (name: string, value: string | number): string =>
  ` ${name}="${typeof value === "number" ? n(value) : escapeXml(value)}"`;

/** A one-line text, elided to a width with the full text in a <title> when it does not fit. */
function label(
  text: string,
  maxWidth: number,
  fontSize: number,
  attributes: string,
  className: string,
  bold = false
): string {
  const { shown, elided } = elide(text, maxWidth, bold ? fontSize * BOLD_WIDTH : fontSize);
  const element = `<text class="${className}"${attributes}>${escapeXml(shown)}</text>`;
  return elided
    ? `<g class="${className}"><title>${escapeXml(text)}</title>${element}</g>`
    : element;
}

function header(model: PictureModel, layout: PictureLayout): string[] {
  const texts = PICTURE_TEXTS[model.language];
  const legendWidth = 101 * LEGEND_STEP;
  const legendLeft = layout.width - MARGIN - legendWidth;
  const titleWidth = legendLeft - MARGIN - 140;
  // A long title gets a smaller font (down to three quarters) before it is elided.
  let titleFont = TITLE_FONT;
  while (
    titleFont > TITLE_FONT * 0.75 &&
    textWidth(model.title, titleFont * BOLD_WIDTH) > titleWidth
  )
    titleFont -= 2;
  const out = [
    label(
      model.title,
      titleWidth,
      titleFont,
      attribute("x", MARGIN) +
        attribute("y", MARGIN + TITLE_FONT) +
        attribute("font-size", titleFont) +
        ' font-weight="bold"',
      "title",
      true
    ),
    label(
      texts.legendMeaning,
      layout.width - 2 * MARGIN,
      NOTE_FONT,
      attribute("x", MARGIN) +
        attribute("y", MARGIN + TITLE_FONT + 44) +
        attribute("font-size", NOTE_FONT) +
        attribute("fill", MUTED),
      "legend-meaning"
    ),
  ];
  const barTop = MARGIN + 6;
  const bar: string[] = [];
  for (let score = 0; score <= 100; score++) {
    bar.push(
      `<rect${attribute("x", legendLeft + score * LEGEND_STEP)}${attribute("y", barTop)}` +
        `${attribute("width", LEGEND_STEP + 0.5)} height="26"${attribute("fill", scaleColour(score, model.palette.stops))}/>`
    );
  }
  const ticks = [0, 25, 50, 75, 100].map(
    (score) =>
      `<text${attribute("x", legendLeft + score * LEGEND_STEP + LEGEND_STEP / 2)}${attribute("y", barTop + 50)} text-anchor="middle">${score}</text>`
  );
  out.push(
    `<g class="legend" data-palette="${model.palette.name}" font-size="${NOTE_FONT}">`,
    `<text${attribute("x", legendLeft - 12)}${attribute("y", barTop + 20)} text-anchor="end" font-weight="bold">${escapeXml(texts.legendTitle)}</text>`,
    ...bar,
    ...ticks,
    "</g>"
  );
  return out;
}

function columnLabels(model: PictureModel, layout: PictureLayout): string[] {
  const out = [`<g class="clienteles" font-size="${layout.columnFont}" fill="${INK}">`];
  const bottom = layout.gridTop - 10;
  model.clienteles.forEach((name, column) => {
    const centre = layout.gridLeft + (column + 0.5) * layout.columnWidth;
    if (layout.columnLabels === "wrapped") {
      const lineHeight = Math.round(layout.columnFont * 1.2);
      const { lines, complete } = wrap(
        name,
        layout.columnWidth - 10,
        layout.columnFont,
        WRAP_LINES
      );
      const spans = lines.map(
        (line, i) =>
          `<tspan${attribute("x", centre)}${attribute("y", bottom - (lines.length - 1 - i) * lineHeight)}>${escapeXml(line)}</tspan>`
      );
      const text = `<text class="clientele" text-anchor="middle">${spans.join("")}</text>`;
      out.push(
        complete && lines.length === 1
          ? `<text class="clientele"${attribute("x", centre)}${attribute("y", bottom)} text-anchor="middle">${escapeXml(name)}</text>`
          : `<g class="clientele"><title>${escapeXml(name)}</title>${text}</g>`
      );
    } else {
      const x = centre + layout.columnFont * 0.35;
      out.push(
        label(
          name,
          MAX_ROTATED_LABEL,
          layout.columnFont,
          attribute("x", x) +
            attribute("y", bottom) +
            attribute("transform", `rotate(-90 ${n(x)} ${n(bottom)})`),
          "clientele"
        )
      );
    }
  });
  out.push("</g>");
  return out;
}

function rowLabels(model: PictureModel, layout: PictureLayout): string[] {
  const out = [
    `<g class="needs" font-size="${layout.nameFont}" fill="${INK}" text-anchor="end">`,
    `<text class="corner"${attribute("x", layout.gridLeft - 12)}${attribute("y", layout.gridTop - 10)} font-size="${Math.min(14, layout.nameFont)}"${attribute("fill", MUTED)}>${escapeXml(PICTURE_TEXTS[model.language].corner)}</text>`,
  ];
  const maxWidth = layout.needLabelWidth - 12;
  model.needs.forEach((name, row) => {
    const y = layout.gridTop + (row + 0.5) * layout.rowHeight + layout.nameFont * 0.35;
    out.push(
      label(
        name,
        maxWidth,
        layout.nameFont,
        attribute("x", layout.gridLeft - 12) + attribute("y", y),
        "need"
      )
    );
  });
  out.push("</g>");
  return out;
}

function cells(model: PictureModel, layout: PictureLayout): string[] {
  const gridWidth = model.clienteles.length * layout.columnWidth;
  const gridHeight = model.needs.length * layout.rowHeight;
  const out = [
    `<rect class="grid-background"${attribute("x", layout.gridLeft)}${attribute("y", layout.gridTop)}${attribute("width", gridWidth)}${attribute("height", gridHeight)}${attribute("fill", EMPTY_FILL)}/>`,
    '<g class="cells">',
  ];
  const scores: string[] = [];
  const markers: string[] = [];
  const dotted: string[] = [];
  const stops: readonly ColourStop[] = model.palette.stops;
  const rule: TextColourRule = model.palette.text;
  model.scores.forEach((row, need) =>
    row.forEach((score, clientele) => {
      if (score === undefined) return;
      const x = layout.gridLeft + clientele * layout.columnWidth;
      const y = layout.gridTop + need * layout.rowHeight;
      out.push(
        `<rect class="cell" data-need="${need}" data-clientele="${clientele}" data-score="${score}"` +
          `${attribute("x", x)}${attribute("y", y)}${attribute("width", layout.columnWidth)}${attribute("height", layout.rowHeight)}${attribute("fill", scaleColour(score, stops))}/>`
      );
      const hypothesis = model.hypotheses[need]?.[clientele] === true;
      if (hypothesis) {
        // Inside the cell, clear of the white grid lines drawn over the fills.
        const inset = Math.min(4, layout.columnWidth / 6, layout.rowHeight / 6);
        dotted.push(
          `<rect data-need="${need}" data-clientele="${clientele}"${attribute("x", x + inset)}${attribute("y", y + inset)}` +
            `${attribute("width", layout.columnWidth - 2 * inset)}${attribute("height", layout.rowHeight - 2 * inset)}/>`
        );
      }
      const level = model.competition?.[need]?.[clientele];
      if (level !== undefined && layout.showMarkers)
        markers.push(
          `<text data-need="${need}" data-clientele="${clientele}" data-competition="${level}"` +
            `${attribute("x", x + layout.columnWidth - 3)}${attribute("y", y + 2 + layout.markerFont * 0.8)}${attribute("fill", textColour(score, rule))}>${competitionMarker(level)}</text>`
        );
      if (layout.showScores)
        scores.push(
          `<text${attribute("x", x + layout.columnWidth / 2)}${attribute("y", y + layout.rowHeight / 2 + layout.scoreFont * 0.36)}${attribute("fill", textColour(score, rule))}${hypothesis ? ' font-style="italic"' : ""}>${score}</text>`
        );
    })
  );
  out.push("</g>");
  // White lines between all cells, drawn over the fills, as one path.
  const lines: string[] = [];
  for (let column = 0; column <= model.clienteles.length; column++)
    lines.push(
      `M${n(layout.gridLeft + column * layout.columnWidth)} ${n(layout.gridTop)}v${n(gridHeight)}`
    );
  for (let row = 0; row <= model.needs.length; row++)
    lines.push(
      `M${n(layout.gridLeft)} ${n(layout.gridTop + row * layout.rowHeight)}h${n(gridWidth)}`
    );
  out.push(
    `<path class="grid" d="${lines.join("")}"${attribute("stroke", GRID_LINE)} stroke-width="2" fill="none"/>`
  );
  if (dotted.length > 0)
    out.push(
      `<g class="hypotheses" fill="none"${attribute("stroke", HYPOTHESIS_LOOK.dottedBorder)} stroke-width="2" stroke-dasharray="2 3">`,
      ...dotted,
      "</g>"
    );
  if (scores.length > 0)
    out.push(
      `<g class="scores" font-size="${layout.scoreFont}" font-weight="bold" text-anchor="middle">`,
      ...scores,
      "</g>"
    );
  if (markers.length > 0)
    out.push(
      `<g class="competition" font-size="${layout.markerFont}" text-anchor="end">`,
      ...markers,
      "</g>"
    );
  return out;
}

function groups(model: PictureModel, layout: PictureLayout): string[] {
  if (model.groups.length === 0) return [];
  const gridBottom = layout.gridTop + model.needs.length * layout.rowHeight;
  const out = [`<g class="groups" font-size="16" font-weight="bold"${attribute("fill", INK)}>`];
  const edges = new Set<number>();
  for (const group of model.groups) {
    edges.add(group.first);
    edges.add(group.last + 1);
  }
  // Boundaries through the grid, where a segment starts or ends.
  const boundaries = [...edges]
    .sort((a, b) => a - b)
    .map(
      (column) =>
        `M${n(layout.gridLeft + column * layout.columnWidth)} ${n(layout.gridTop - 4)}V${n(gridBottom + 4)}`
    );
  out.push(
    `<path class="group-boundaries" d="${boundaries.join("")}"${attribute("stroke", INK)} stroke-width="3" fill="none"/>`
  );
  model.groups.forEach((group: ColumnGroup) => {
    const left = layout.gridLeft + group.first * layout.columnWidth + 4;
    const right = layout.gridLeft + (group.last + 1) * layout.columnWidth - 4;
    const top = gridBottom + 10 + group.lane * GROUP_LANE_HEIGHT;
    out.push(
      `<path class="group-bracket" d="M${n(left)} ${n(top)}v8H${n(right)}v-8"${attribute("stroke", INK)} stroke-width="2" fill="none"/>`,
      label(
        group.name,
        right - left,
        16,
        attribute("x", (left + right) / 2) + attribute("y", top + 28) + ' text-anchor="middle"',
        "group",
        true
      )
    );
  });
  out.push("</g>");
  return out;
}

function footer(model: PictureModel, layout: PictureLayout): string[] {
  const lines = footerLines(model, layout.showScores);
  return [
    `<g class="footer" font-size="${NOTE_FONT}"${attribute("fill", MUTED)}>`,
    ...lines.map((line, i) =>
      label(
        line,
        layout.width - 2 * MARGIN,
        NOTE_FONT,
        attribute("x", MARGIN) + attribute("y", layout.footerTop + (i + 1) * (NOTE_FONT + 10)),
        "note"
      )
    ),
    "</g>",
  ];
}

/** The picture of a model, as a standalone SVG document. */
export function renderPicture(model: PictureModel): string {
  const layout = pictureLayout(model);
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg"${attribute("width", layout.width)}${attribute("height", layout.height)} viewBox="0 0 ${n(layout.width)} ${n(layout.height)}"` +
      ` font-family="sans-serif"${attribute("xml:lang", model.language)}${attribute("data-generator", SVG_GENERATOR)}${attribute("data-palette", model.palette.name)}>`,
    `<title>${escapeXml(model.title)}</title>`,
    `<metadata>${escapeXml(`${SVG_GENERATOR}: ${PICTURE_TEXTS[model.language].defaultTitle}`)}</metadata>`,
    `<rect width="100%" height="100%" fill="#FFFFFF"/>`,
    ...header(model, layout),
    ...columnLabels(model, layout),
    ...rowLabels(model, layout),
    ...cells(model, layout),
    ...groups(model, layout),
    ...footer(model, layout),
    "</svg>",
  ];
  return parts.join("\n") + "\n";
}

/** Whether the start of a file is an SVG that Segment Matrix wrote (its root element's marker). */
export function isSegmentMatrixSvg(head: string): boolean {
  // A scan, not a pattern: the head of any file at an output path, "<svg" many times unclosed
  // included, is looked at once (the pattern rescanned the rest at each "<svg": quadratic).
  for (let from = 0; ;) {
    const at = head.indexOf("<svg", from);
    if (at < 0) return false;
    from = at + 4;
    const next = head.charCodeAt(from);
    // "<svg" as a whole word (what \b said), not "<svgfoo".
    const named = Number.isNaN(next) || !/\w/.test(head[from]);
    if (!named) continue;
    const close = head.indexOf(">", from);
    if (close < 0) return false;
    return head.slice(at, close + 1).includes(` data-generator="${SVG_GENERATOR}"`);
  }
}

/** Study → SVG text: the picture model, then the drawing. */
export function matrixSvg(study: Study, options: PictureOptions = {}): string {
  return renderPicture(pictureModel(study, options));
}
