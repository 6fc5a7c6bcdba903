/**
 * Everything a workbook's layout holds, as ExcelJS reads it back, in plain comparable data: sheets,
 * cells (values, formulas as each cell computes them, cached results, styles), widths, heights,
 * frozen panes, validations, conditional formats, tables, defined names and printing. Two writers
 * that produce the same digest wrote the same workbook, however they wrote it.
 */
import ExcelJS from "exceljs";

type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

export interface SheetDigest {
  name: string;
  tabColour: Plain;
  frozen: Plain;
  columns: Record<string, Plain>;
  rowHeights: Record<string, number>;
  cells: Record<string, Plain>;
  validations: Record<string, Plain>;
  conditionalFormats: Plain[];
  tables: Plain[];
  print: Plain;
}

export interface WorkbookDigest {
  sheets: SheetDigest[];
  names: Record<string, Plain>;
  activeTab: Plain;
}

const colour = (value: Partial<ExcelJS.Color> | undefined): Plain =>
  value?.argb
    ? value.argb.toUpperCase()
    : value?.theme !== undefined
      ? `theme ${value.theme}`
      : null;

/** A cell's look, with what a reader assumes when a field is absent (Calibri 11, no fill…). */
function styleOf(cell: ExcelJS.Cell): Plain {
  const font = cell.font ?? {};
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  const border = cell.border ?? {};
  const alignment = cell.alignment ?? {};
  const side = (b: Partial<ExcelJS.Border> | undefined): Plain =>
    b?.style ? `${b.style} ${colour(b.color)}` : null;
  const fontColour = colour(font.color);
  return {
    bold: Boolean(font.bold),
    italic: Boolean(font.italic),
    size: font.size ?? 11,
    // Named in every export: a font without a name is drawn in the viewer's default face.
    fontName: font.name ?? null,
    fontColour: fontColour === "theme 1" ? null : fontColour,
    fill: fill?.pattern === "solid" ? colour(fill.fgColor) : null,
    border: [side(border.top), side(border.left), side(border.bottom), side(border.right)],
    horizontal: alignment.horizontal ?? null,
    vertical: alignment.vertical ?? null,
    wrap: Boolean(alignment.wrapText),
    rotation: (alignment.textRotation as number | undefined) ?? null,
    numberFormat: cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null,
  };
}

function valueOf(cell: ExcelJS.Cell): Plain {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    // An empty text result and no result both read as "no value" to a viewer.
    return {
      formula: cell.formula,
      result: result === undefined || result === null || result === "" ? null : (result as Plain),
    };
  }
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((run) => run.text).join("");
  return value as Plain;
}

export function digestWorkbook(workbook: ExcelJS.Workbook): WorkbookDigest {
  const sheets: SheetDigest[] = [];
  workbook.eachSheet((sheet) => {
    const cells: Record<string, Plain> = {};
    const validations: Record<string, Plain> = {};
    const rowHeights: Record<string, number> = {};
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.height && row.height !== 15) rowHeights[rowNumber] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = styleOf(cell);
        const value = valueOf(cell);
        const plainStyle = JSON.stringify(style) === JSON.stringify(styleOf({} as ExcelJS.Cell));
        if (value !== null || !plainStyle) cells[cell.address] = { value, style };
      });
    });
    const model = (sheet as unknown as { dataValidations: { model: Record<string, Plain> } })
      .dataValidations.model;
    for (const [address, rule] of Object.entries(model)) {
      const r = rule as Record<string, Plain>;
      validations[address] = {
        type: r.type,
        operator: r.operator ?? null,
        formulae: ((r.formulae as Plain[]) ?? []).map((f) => String(f)),
        allowBlank: Boolean(r.allowBlank),
        showErrorMessage: Boolean(r.showErrorMessage),
        error: [r.errorTitle ?? null, r.error ?? null],
        prompt: r.showInputMessage ? [r.promptTitle ?? null, r.prompt ?? null] : null,
      };
    }
    const columns: Record<string, Plain> = {};
    (sheet.columns ?? []).forEach((column, index) => {
      // ExcelJS takes a width of 9 for its default and does not write it: not a difference.
      if (column.hidden || (column.width !== undefined && column.width !== 9))
        columns[index + 1] = { width: column.width ?? null, hidden: Boolean(column.hidden) };
    });
    const formats = (
      sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings.flatMap((format): Plain[] =>
      // Every rule of the element: a writer may put one range's rules together (LibreOffice
      // draws only the first element over a cell) or one per element.
      format.rules.map((found) => {
        const rule = found as ExcelJS.ConditionalFormattingRule & {
          cfvo?: { type: string; value: number }[];
          color?: Partial<ExcelJS.Color>[];
          formulae?: (string | number)[];
          operator?: string;
          style?: { font?: Partial<ExcelJS.Font>; fill?: ExcelJS.FillPattern };
        };
        return {
          ref: format.ref.replace(/\$/g, ""),
          type: rule.type,
          ...(rule.operator ? { operator: rule.operator } : {}),
          stops: (rule.cfvo ?? []).map((c) => [c.type, Number(c.value)]),
          colours: (rule.color ?? []).map(colour),
          formulae: (rule.formulae ?? []).map(String),
          font: rule.style?.font
            ? [Boolean(rule.style.font.bold), colour(rule.style.font.color)]
            : null,
          fill: rule.style?.fill
            ? colour(rule.style.fill.bgColor ?? rule.style.fill.fgColor)
            : null,
        };
      })
    );
    const tables = (sheet.getTables() as unknown as ExcelJS.Table[]).map((table): Plain => {
      const t = (
        table as unknown as {
          table: {
            name: string;
            tableRef: string;
            columns: { name: string }[];
            style?: { theme?: string };
          };
        }
      ).table;
      return {
        name: t.name,
        ref: t.tableRef,
        columns: t.columns.map((c) => c.name),
        style: t.style?.theme ?? null,
      };
    });
    const view = sheet.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    const setup = sheet.pageSetup;
    sheets.push({
      name: sheet.name,
      tabColour: colour(sheet.properties.tabColor),
      frozen: view?.state === "frozen" ? [view.xSplit ?? 0, view.ySplit ?? 0] : null,
      columns,
      rowHeights,
      cells,
      validations,
      conditionalFormats: formats,
      tables,
      print: {
        orientation: setup.orientation ?? null,
        fitToPage: Boolean(setup.fitToPage),
        fitToWidth: setup.fitToWidth ?? null,
        fitToHeight: setup.fitToHeight ?? null,
        paperSize: setup.paperSize ?? null,
        area: setup.printArea ? setup.printArea.replace(/\$/g, "") : null,
        scale: setup.fitToPage ? null : (setup.scale ?? null),
        titleRows: setup.printTitlesRow?.replace(/\$/g, "") ?? null,
        titleColumns: setup.printTitlesColumn?.replace(/\$/g, "") ?? null,
        header: sheet.headerFooter?.oddHeader ?? null,
      },
    });
  });
  const names: Record<string, Plain> = {};
  for (const defined of workbook.definedNames.model) names[defined.name] = defined.ranges;
  return { sheets, names, activeTab: workbook.views?.[0]?.activeTab ?? null };
}

/** The first differences between two digests, as readable paths (empty when equal). */
export function digestDifferences(
  a: unknown,
  b: unknown,
  path = "",
  found: string[] = []
): string[] {
  if (found.length >= 20) return found;
  if (JSON.stringify(a) === JSON.stringify(b)) return found;
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
    for (const key of keys)
      digestDifferences(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
        found
      );
    return found;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => digestDifferences(item, b[i], `${path}[${i}]`, found));
    return found;
  }
  found.push(`${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`);
  return found;
}
