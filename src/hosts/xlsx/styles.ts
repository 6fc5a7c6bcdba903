/**
 * The workbook's cell formats: each distinct merged CellStyle becomes one entry of styles.xml,
 * made once and shared by every cell that has it (a cell only carries its index).
 */
import { CellStyle, ConditionalRule, DEFAULT_FONT as CALIBRI } from "../../layout/plan";
import { escapeXml } from "./xml-write";

const argb = (hex: string): string => "FF" + hex.replace("#", "").toUpperCase();

const BORDER_COLOUR = "FFBFBFBF";
const OUTLINE_COLOUR = "FF404040";
const HORIZONTAL = { left: "left", center: "center", right: "right" } as const;
const VERTICAL = { top: "top", middle: "center", bottom: "bottom" } as const;
/** Excel's built-in number formats that the plans use; any other gets an id from 164 on. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2 };

/** A later style's fields win over an earlier one's, as when styles are applied in turn. */
export function mergeStyles(base: CellStyle, over: CellStyle): CellStyle {
  const merged: CellStyle = { ...base };
  for (const key of Object.keys(over) as (keyof CellStyle)[]) {
    if (over[key] !== undefined) (merged as Record<string, unknown>)[key] = over[key];
  }
  // Edges add up: a corner cell of an outline has two.
  if (base.edges && over.edges) merged.edges = [...new Set([...base.edges, ...over.edges])].sort();
  return merged;
}

/** Interns strings: the same text gets the same index. */
class Table {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];
  constructor(initial: string[] = []) {
    for (const item of initial) this.id(item);
  }
  id(item: string): number {
    let found = this.index.get(item);
    if (found === undefined) {
      found = this.items.length;
      this.items.push(item);
      this.index.set(item, found);
    }
    return found;
  }
}

/** Calibri is the theme's minor font; another font is named alone (the theme would win). */
function fontXml(style: CellStyle, name: string): string {
  const face =
    name === CALIBRI
      ? '<name val="Calibri"/><family val="2"/><scheme val="minor"/>'
      : `<name val="${escapeXml(name)}"/><family val="2"/>`;
  return (
    "<font>" +
    (style.bold ? "<b/>" : "") +
    (style.italic ? "<i/>" : "") +
    `<sz val="${style.fontSize ?? 11}"/>` +
    (style.fontColour ? `<color rgb="${argb(style.fontColour)}"/>` : '<color theme="1"/>') +
    face +
    "</font>"
  );
}

export class StyleSheet {
  private readonly fonts: Table;
  // Excel requires these two fills first.
  private readonly fills = new Table([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Table([
    "<border><left/><right/><top/><bottom/><diagonal/></border>",
  ]);
  private readonly formats = new Table();
  private readonly xfs = new Table([
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ]);
  private readonly dxfs = new Table();
  private readonly byKey = new Map<string, number>();

  /** `font`: the face every cell font names. */
  constructor(private readonly font: string = CALIBRI) {
    this.fonts = new Table([fontXml({}, font)]);
  }

  /**
   * The format of a cell without a style: one that applies the default font, so that every
   * reader sees the font named on the cell (as the browser's writer names it).
   */
  plainFormat(): number {
    return this.xfs.id(
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    );
  }

  /** The cellXfs index of a style (0 for none). */
  cellFormat(style: CellStyle): number {
    const key = JSON.stringify(style, Object.keys(style).sort());
    const known = this.byKey.get(key);
    if (known !== undefined) return known;

    const font = this.fonts.id(fontXml(style, this.font));
    const fill = style.fill
      ? this.fills.id(
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/>` +
            '<bgColor indexed="64"/></patternFill></fill>'
        )
      : 0;
    const edges = new Set(style.edges ?? []);
    const side = (name: "left" | "right" | "top" | "bottom"): string =>
      edges.has(name)
        ? `<${name} style="medium"><color rgb="${OUTLINE_COLOUR}"/></${name}>`
        : style.dottedBorder
          ? `<${name} style="dotted"><color rgb="${argb(style.dottedBorder)}"/></${name}>`
          : style.border
            ? `<${name} style="thin"><color rgb="${BORDER_COLOUR}"/></${name}>`
            : `<${name}/>`;
    const border =
      style.border || style.dottedBorder || edges.size > 0
        ? this.borders.id(
            `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`
          )
        : 0;
    const format = style.numberFormat ? this.numberFormat(style.numberFormat) : 0;
    const alignment =
      (style.horizontal ? ` horizontal="${HORIZONTAL[style.horizontal]}"` : "") +
      (style.vertical ? ` vertical="${VERTICAL[style.vertical]}"` : "") +
      (style.rotateUp ? ' textRotation="90"' : "") +
      (style.wrap ? ' wrapText="1"' : "");
    const xf =
      `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      (font ? ' applyFont="1"' : "") +
      (fill ? ' applyFill="1"' : "") +
      (border ? ' applyBorder="1"' : "") +
      (format ? ' applyNumberFormat="1"' : "") +
      (alignment ? ` applyAlignment="1"><alignment${alignment}/></xf>` : "/>");
    const id = this.xfs.id(xf);
    this.byKey.set(key, id);
    return id;
  }

  private numberFormat(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    return builtIn ?? 164 + this.formats.id(code);
  }

  /** The dxfs index of a formula rule's look. */
  differentialFormat(
    rule: Extract<ConditionalRule, { kind: "formula" } | { kind: "cellValue" }>
  ): number {
    const font =
      (rule.kind === "formula" && (rule.bold || rule.italic)) || rule.fontColour
        ? "<font>" +
          (rule.kind === "formula" && rule.bold ? "<b/>" : "") +
          (rule.kind === "formula" && rule.italic ? "<i/>" : "") +
          (rule.fontColour ? `<color rgb="${argb(rule.fontColour)}"/>` : "") +
          "</font>"
        : "";
    const fill =
      rule.kind === "formula" && rule.fill
        ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(rule.fill)}"/></patternFill></fill>`
        : "";
    // A dxf's parts come in the schema's order: font, fill, then border.
    const dotted = rule.kind === "formula" ? rule.dottedBorder : undefined;
    const border = dotted
      ? "<border>" +
        (["left", "right", "top", "bottom"] as const)
          .map((side) => `<${side} style="dotted"><color rgb="${argb(dotted)}"/></${side}>`)
          .join("") +
        "</border>"
      : "";
    return this.dxfs.id(`<dxf>${font}${fill}${border}</dxf>`);
  }

  xml(): string {
    const list = (tag: string, items: string[]): string =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const formats = this.formats.items.map(
      (code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`
    );
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? list("numFmts", formats) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs.items) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

export { argb };
