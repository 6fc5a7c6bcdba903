/**
 * How each cell of a preview sheet looks and how it is edited, from its plan: the styles (fills,
 * fonts, borders, number formats), the conditional formats the plan declares (the colour scale by
 * scaleColour, the same function the exports use; the tick table's "no X" flags) and the data
 * validations (a tick, a level or a kind to pick, a weight to type). Pure: the grid view draws it.
 */
import { isMark } from "../../method/marks";
import { scaleColour } from "../../method/colour";
import { formatWithNumberFormat } from "../../i18n/numbers";
import { Rect } from "../../layout/a1";
import { GridValue, NamedRect, SheetGrid, cellAt, cellText } from "../../layout/grids";
import { COLOURS } from "../../layout/kit";
import { NAMES } from "../../layout/names";
import { CONSULTANT_ROLES } from "../../layout/registry";
import { CellStyle, ConditionalFormatPlan, SheetPlan, ValidationPlan } from "../../layout/plan";
import { PreviewSheet, PreviewState } from "./workbook";

export type CellEditor =
  | { kind: "toggle"; on: string }
  | { kind: "choice"; options: string[] }
  /** `error`: what the sheet's validation says of a value out of range (shown on the cell). */
  | { kind: "number"; min: number; max: number; error?: string }
  /** A cell the consultant types in (the sheets' input colour) that no validation governs. */
  | { kind: "text" };

export interface CellLook {
  /** As Excel shows it: number format and the workbook language's separators. */
  text: string;
  /** The number itself, for a number editor (shown for editing in the workbook's language). */
  number?: number;
  style: CellStyle;
  editor?: CellEditor;
  /** A formula's result (a score, a count, a potential): what an input cell's value feeds. */
  computed?: boolean;
}

export interface SheetLook {
  name: string;
  rows: number;
  cols: number;
  /** Column widths in Excel's character units, by column. */
  widths: Map<number, number>;
  /** Row heights in points, where the plan sets them. */
  heights: Map<number, number>;
  /** The header rows and columns that stay in view when the sheet scrolls (Excel's frozen panes). */
  freeze: { rows: number; cols: number };
  /** The workbook's language: how numbers are shown and typed. */
  language: "fr" | "en";
  cell(row: number, col: number): CellLook;
}

const inside = (rect: Rect, row: number, col: number): boolean =>
  row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;

/**
 * A value as Excel shows it under the layout's number formats ("0", "0.0", "#,##0", an amount with
 * its currency), with the decimal and thousands separators of the workbook's language (Excel takes
 * them from the system; a French consultant sees 41,8 and 1 200); text as it is.
 */
export function formatValue(
  value: GridValue,
  numberFormat: string | undefined,
  language: "fr" | "en" = "fr"
): string {
  if (typeof value === "number") {
    const formatted = numberFormat && formatWithNumberFormat(value, numberFormat, language);
    if (formatted) return formatted;
    if (Number.isInteger(value)) return String(value);
    const shown = String(Number(value.toPrecision(10)));
    return language === "fr" ? shown.replace(".", ",") : shown;
  }
  return cellText(value);
}

/** The workbook's language, from its SM_Language cell (French unless it says English). */
function workbookLanguage(state: Pick<PreviewState, "names" | "sheets">): "fr" | "en" {
  const named = state.names.find((n) => n.name === NAMES.language);
  const sheet = named && state.sheets.find((s) => s.name === named.sheet);
  if (!named || !sheet) return "fr";
  const text = cellText(
    cellAt({ name: sheet.name, values: sheet.values }, named.rect.row, named.rect.col)
  );
  return text.trim().toLowerCase().startsWith("en") ? "en" : "fr";
}

/** Rows and columns worth drawing: the values, the styled cells (not the spare rows of rules). */
/** The table of a sheet the consultant fills (layout/registry.ts CONSULTANT_ROLES), if it is one. */
function consultantTable(plan: SheetPlan | undefined): Rect | undefined {
  if (!plan || !(CONSULTANT_ROLES as readonly string[]).includes(plan.role)) return undefined;
  return plan.tables[0]?.rect;
}

function extent(sheet: PreviewSheet): { rows: number; cols: number } {
  let rows = sheet.values.length;
  let cols = sheet.values.reduce((widest, line) => Math.max(widest, line.length), 0);
  for (const styled of sheet.plan?.styles ?? []) {
    rows = Math.max(rows, styled.rect.row + styled.rect.rows - 1);
    cols = Math.max(cols, styled.rect.col + styled.rect.cols - 1);
  }
  for (const table of sheet.plan?.tables ?? [])
    cols = Math.max(cols, table.rect.col + table.rect.cols - 1);
  // A sheet the consultant fills (the Réponses sheet): one empty row more to type the next into.
  if (consultantTable(sheet.plan)) rows = Math.max(rows, sheet.values.length + 1);
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

/** The values a list validation offers: its items, or the cells of the named range it refers to. */
function listOptions(
  validation: ValidationPlan,
  state: Pick<PreviewState, "names" | "sheets">
): string[] | undefined {
  const rule = validation.rule;
  if (rule.kind === "list") return rule.source;
  if (rule.kind !== "listRange") return undefined;
  const named: NamedRect | undefined = state.names.find((n) => n.name === rule.formula);
  const source = named && state.sheets.find((s) => s.name === named.sheet);
  if (!named || !source) return undefined;
  const grid: SheetGrid = { name: source.name, values: source.values };
  const options: string[] = [];
  for (let r = 0; r < named.rect.rows; r++)
    for (let c = 0; c < named.rect.cols; c++) {
      const text = cellText(cellAt(grid, named.rect.row + r, named.rect.col + c));
      if (text !== "") options.push(text);
    }
  return options;
}

function editorOf(
  validation: ValidationPlan,
  state: Pick<PreviewState, "names" | "sheets">
): CellEditor | undefined {
  const rule = validation.rule;
  if (rule.kind === "decimal")
    return { kind: "number", min: rule.min, max: rule.max, error: validation.error.message };
  const options = listOptions(validation, state);
  if (!options) return undefined;
  // A fixed list of one value is a mark (X); a list of names that has one name so far is a choice.
  if (rule.kind === "list" && options.length === 1) return { kind: "toggle", on: options[0] };
  return { kind: "choice", options };
}

/** Roughly how wide (in Excel's characters) a drop-down must be to show its longest option whole. */
const DROPDOWN_ARROW = 6;
function dropdownWidth(options: readonly string[]): number {
  const longest = options.reduce((widest, option) => Math.max(widest, option.length), 0);
  // A browser's sans-serif runs about a tenth wider than Excel's character unit.
  return Math.ceil(longest * 1.1) + DROPDOWN_ARROW;
}

/**
 * The tick table's flags (a name with no X in its column or row): the rule's formula counts the X's
 * of the name's column (a rule over the header row) or row (a rule over the name column) inside
 * SM_Ticks. Rules of other shapes are not drawn.
 */
function flagged(
  format: ConditionalFormatPlan,
  row: number,
  col: number,
  grid: SheetGrid,
  ticks: Rect | undefined,
  anyX: () => boolean
): boolean {
  if (format.rule.kind !== "formula" || !ticks) return false;
  if (cellText(cellAt(grid, row, col)).trim() === "") return false;
  const isX = (r: number, c: number): boolean => isMark(cellText(cellAt(grid, r, c)));
  // As the rule's last condition says: no flag before the table's first X.
  if (!anyX()) return false;
  if (format.rect.rows === 1 && format.rect.row < ticks.row) {
    for (let r = ticks.row; r < ticks.row + ticks.rows; r++) if (isX(r, col)) return false;
    return true;
  }
  if (format.rect.cols === 1 && format.rect.col < ticks.col) {
    for (let c = ticks.col; c < ticks.col + ticks.cols; c++) if (isX(row, c)) return false;
    return true;
  }
  return false;
}

/**
 * Whether a formula rule holds at a cell: the tick table's flags are worked out from the X's; any
 * other rule from what it held when the sheet was last planned (the preview plans the segment,
 * checklist and targeting sheets again after every edit, see recompute.ts).
 */
function holdsAt(
  format: ConditionalFormatPlan,
  row: number,
  col: number,
  grid: SheetGrid,
  ticks: Rect | undefined,
  anyX: () => boolean
): boolean {
  if (format.rule.kind !== "formula") return false;
  if (ticks) return flagged(format, row, col, grid, ticks, anyX);
  return format.rule.holds?.[row - format.rect.row]?.[col - format.rect.col] === true;
}

export function sheetLook(
  sheet: PreviewSheet,
  state: Pick<PreviewState, "names" | "sheets">
): SheetLook {
  const { rows, cols } = extent(sheet);
  const plan: SheetPlan | undefined = sheet.plan;
  const grid: SheetGrid = { name: sheet.name, values: sheet.values };
  const widths = new Map((plan?.columnWidths ?? []).map((w) => [w.col, w.width]));
  // A drop-down's column is made wide enough for its longest option ("Ressenti moyen" whole).
  for (const validation of plan?.validations ?? []) {
    const editor = editorOf(validation, state);
    if (editor?.kind !== "choice") continue;
    const wanted = dropdownWidth(editor.options);
    for (let col = validation.rect.col; col < validation.rect.col + validation.rect.cols; col++)
      widths.set(col, Math.max(widths.get(col) ?? 8.43, wanted));
  }
  const ticksName = state.names.find((n) => n.name === NAMES.ticks);
  const ticks = ticksName && ticksName.sheet === sheet.name ? ticksName.rect : undefined;
  const language = workbookLanguage(state);
  let tableHasX: boolean | undefined;
  /** Whether the tick table holds an X anywhere (worked out once per look). */
  const anyX = (): boolean => {
    if (tableHasX !== undefined) return tableHasX;
    tableHasX = false;
    for (let r = ticks?.row ?? 0; ticks && r < ticks.row + ticks.rows && !tableHasX; r++)
      for (let c = ticks.col; c < ticks.col + ticks.cols && !tableHasX; c++)
        tableHasX = isMark(cellText(cellAt(grid, r, c)));
    return tableHasX;
  };
  // Under the headers of a consultant's table, every cell takes what is typed (rows pasted in Excel).
  const typed = consultantTable(plan);
  const typedInto = (row: number, col: number): boolean =>
    typed !== undefined && row > typed.row && col >= typed.col && col < typed.col + typed.cols;
  const computed = new Set<string>();
  for (const { rect: area } of plan?.fills ?? [])
    for (let r = area.row; r < area.row + area.rows; r++)
      for (let c = area.col; c < area.col + area.cols; c++) computed.add(`${r}:${c}`);
  for (const block of plan?.blocks ?? [])
    block.values.forEach((line, i) =>
      line.forEach((value, j) => {
        if (value?.kind === "formula") computed.add(`${block.row + i}:${block.col + j}`);
      })
    );

  return {
    name: sheet.name,
    rows,
    cols,
    widths,
    heights: new Map((plan?.rowHeights ?? []).map((h) => [h.row, h.height])),
    freeze: plan?.freeze ?? { rows: 0, cols: 0 },
    language,
    cell(row, col) {
      let style: CellStyle = {};
      for (const styled of plan?.styles ?? [])
        if (inside(styled.rect, row, col)) style = { ...style, ...styled.style };
      const value = cellAt(grid, row, col);
      for (const format of plan?.conditionalFormats ?? []) {
        if (!inside(format.rect, row, col)) continue;
        const rule = format.rule;
        if (rule.kind === "colourScale") {
          if (typeof value === "number") style = { ...style, fill: scaleColour(value, rule.stops) };
        } else if (rule.kind === "cellValue") {
          const holds =
            typeof value === "number" &&
            (rule.operator === "greaterThan" ? value > rule.value : value < rule.value);
          if (holds) style = { ...style, fontColour: rule.fontColour };
        } else if (holdsAt(format, row, col, grid, ticks, anyX)) {
          style = {
            ...style,
            ...(rule.fill ? { fill: rule.fill } : {}),
            ...(rule.fontColour ? { fontColour: rule.fontColour } : {}),
            ...(rule.bold ? { bold: true } : {}),
            ...(rule.italic ? { italic: true } : {}),
            ...(rule.dottedBorder ? { dottedBorder: rule.dottedBorder } : {}),
          };
        }
      }
      const validation = plan?.validations.find((v) => inside(v.rect, row, col));
      const editor: CellEditor | undefined = validation
        ? editorOf(validation, state)
        : (style.fill === COLOURS.input && !computed.has(`${row}:${col}`)) || typedInto(row, col)
          ? { kind: "text" }
          : undefined;
      return {
        text: formatValue(value, style.numberFormat, language),
        ...(typeof value === "number" ? { number: value } : {}),
        style,
        ...(editor ? { editor } : {}),
        ...(computed.has(`${row}:${col}`) && !editor ? { computed: true } : {}),
      };
    },
  };
}

/** A number as the consultant edits it: every digit, the workbook language's decimal sign. */
export function editingText(value: number, language: "fr" | "en"): string {
  const shown = String(Number(value.toPrecision(15)));
  return language === "fr" ? shown.replace(".", ",") : shown;
}

/**
 * A number as a consultant types it, in the workbook's language: French takes "1,5" and groups with
 * spaces ("1 200"), English takes "1.5" and groups with commas ("1,200"); a point is also taken as
 * the decimal sign in French (a habit of keyboards). Undefined for anything else, so that the cell
 * says so rather than keeping a different number. Linear: one pass over the characters.
 */
export function parseTypedNumber(typed: string, language: "fr" | "en"): number | undefined {
  let cleaned = "";
  let decimals = 0;
  for (const char of typed.trim()) {
    if (char === " " || char === "\u00a0" || char === "\u202f") {
      if (language === "fr") continue;
      return undefined;
    }
    if (char === ",") {
      if (language === "en") continue;
      cleaned += ".";
      decimals++;
    } else if (char === ".") {
      cleaned += ".";
      decimals++;
    } else if ((char >= "0" && char <= "9") || (char === "-" && cleaned === "")) cleaned += char;
    else return undefined;
  }
  if (decimals > 1 || cleaned === "" || cleaned === "-" || cleaned.endsWith(".")) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}
