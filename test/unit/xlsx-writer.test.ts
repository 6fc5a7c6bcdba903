/**
 * The .xlsx writer on a plan made by hand to use every primitive: the file is a valid zip of
 * well-formed parts, and ExcelJS reads back exactly what the plan says.
 */
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { planToXlsx } from "../../src/hosts/xlsx/render";
import { escapeCellText } from "../../src/hosts/xlsx/xml-write";
import { emptySheet, fill, put, rect, style } from "../../src/layout/kit";
import { WorkbookPlan, formula, num, text } from "../../src/layout/plan";
import { buildPlan, readStudy, templatePlan } from "../../src/layout";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { digestWorkbook } from "../support/layout-digest";
import { unzip } from "../support/unzip";
import { readExample, study } from "../support/workbooks";

function handPlan(): WorkbookPlan {
  const first = emptySheet("ticks", "Données & <tests>", "#2F5597");
  put(first, 1, 1, [
    [text('a < b & "c"'), text("_x0041_ stays"), text("  spaced  "), text("line\nbreak")],
    [num(1.5), num(-2), num(17179869187), text("émoji 🚀")],
    [formula("A2*2", 3), formula('IF(A2>9,"big","")', ""), null, formula('B2&"!"', "-2!")],
  ]);
  fill(first, rect(5, 1, 3, 2), "$A$2+A1", [
    [4, 5],
    [6, 7],
    [8, 9],
  ]);
  fill(first, rect(9, 1), "ROW()", [[9]]);
  style(first, rect(1, 1, 2, 2), { bold: true, fill: "#FFF9E6", border: true });
  style(first, rect(2, 2, 2, 2), { italic: true, horizontal: "center", numberFormat: "0" });
  style(first, rect(12, 3), { rotateUp: true, wrap: true, fontColour: "#9C0006", fontSize: 8 });
  first.columnWidths.push(
    { col: 1, width: 30 },
    { col: 2, width: 12 },
    { col: 3, width: 12, hidden: true }
  );
  first.rowHeights = [{ row: 2, height: 40 }];
  first.freeze = { rows: 1, cols: 1 };
  first.validations.push(
    {
      rect: rect(5, 1, 3, 1),
      rule: { kind: "list", source: ["X"] },
      prompt: { title: "Tick", message: "X or nothing" },
      error: { title: "No", message: "Only X" },
    },
    {
      rect: rect(5, 2),
      rule: { kind: "decimal", min: 0, max: 5 },
      error: { title: "W", message: "0–5" },
    },
    {
      rect: rect(6, 2),
      rule: { kind: "listRange", formula: "SM_Levels" },
      error: { title: "L", message: "l" },
    }
  );
  first.conditionalFormats.push(
    {
      rect: rect(5, 1, 3, 2),
      rule: {
        kind: "colourScale",
        stops: [
          { value: 0, colour: "#C55A11" },
          { value: 100, colour: "#548235" },
        ],
      },
    },
    {
      rect: rect(1, 1, 1, 4),
      rule: {
        kind: "formula",
        formula: 'A$1<>""',
        fill: "#FFC7CE",
        fontColour: "#9C0006",
        bold: true,
      },
    }
  );
  first.print = { landscape: false, fitToOnePage: false, area: rect(1, 1, 9, 2) };

  const second = emptySheet("ratings", "It's", "#BF8F00");
  put(second, 2, 1, [
    [text("Name"), text("Score")],
    [text("a"), num(1)],
    [text("b"), num(2)],
  ]);
  second.tables.push({
    name: "SM_T",
    rect: rect(2, 1, 3, 2),
    headers: ["Name", "Score"],
    style: "TableStyleMedium2",
  });
  put(second, 8, 1, [[text("SM_Levels")], [text("low")]]);
  second.freeze = { rows: 2, cols: 0 };
  return {
    language: "fr",
    sheets: [first, second],
    names: [
      { name: "SM_Levels", sheet: "It's", rect: rect(9, 1, 1, 1) },
      { name: "SM_Block", sheet: "Données & <tests>", rect: rect(5, 1, 3, 2) },
    ],
    activeSheet: "ratings",
  };
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("the .xlsx writer", () => {
  let file: Buffer;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    file = await planToXlsx(handPlan(), { created: new Date("2024-05-01T10:00:00Z") });
    workbook = await load(file);
  });

  it("writes a zip of well-formed parts, with the parts Excel expects", () => {
    const parts = unzip(file);
    expect([...parts.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/core.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/tables/table1.xml",
      "xl/theme/theme1.xml",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
    ]);
    for (const [name, data] of parts)
      expect([name, XMLValidator.validate(data.toString("utf8"))]).toEqual([name, true]);
  });

  it("gives the same bytes for the same plan", async () => {
    const again = await planToXlsx(handPlan(), { created: new Date("2024-05-01T10:00:00Z") });
    expect(again.equals(file)).toBe(true);
  });

  it("keeps text exactly, numbers, formulas and the values they compute", () => {
    const sheet = workbook.getWorksheet("Données & <tests>")!;
    expect([1, 2, 3, 4].map((c) => sheet.getCell(1, c).value)).toEqual([
      'a < b & "c"',
      "_x0041_ stays",
      "  spaced  ",
      "line\nbreak",
    ]);
    expect([1, 2, 3, 4].map((c) => sheet.getCell(2, c).value)).toEqual([
      1.5,
      -2,
      17179869187,
      "émoji 🚀",
    ]);
    expect(sheet.getCell("A3").value).toEqual({ formula: "A2*2", result: 3 });
    // An empty text result: ExcelJS reads no value, as it does in files Excel writes.
    expect(sheet.getCell("B3").formula).toBe('IF(A2>9,"big","")');
    expect(sheet.getCell("B3").result ?? "").toBe("");
    expect(sheet.getCell("D3").value).toEqual({ formula: 'B2&"!"', result: "-2!" });
    expect(sheet.getCell("C3").value).toBeNull();
    // A fill is one shared formula: each cell computes its own, relative references shifted.
    expect([sheet.getCell("A5").formula, sheet.getCell("B7").formula]).toEqual([
      "$A$2+A1",
      "$A$2+B3",
    ]);
    expect([sheet.getCell("B6").result, sheet.getCell("B7").result]).toEqual([7, 9]);
    expect(sheet.getCell("A9").value).toEqual({ formula: "ROW()", result: 9 });
  });

  it("merges the styles of overlapping ranges in plan order, and lays the sheet out", () => {
    const digest = digestWorkbook(workbook).sheets[0];
    const styleAt = (address: string) => (digest.cells[address] as { style: unknown }).style;
    expect(styleAt("B2")).toMatchObject({
      bold: true,
      italic: true,
      fill: "FFFFF9E6",
      horizontal: "center",
      numberFormat: "0",
    });
    expect(styleAt("A1")).toMatchObject({ bold: true, italic: false, horizontal: null });
    expect(styleAt("C3")).toMatchObject({ italic: true, bold: false, fill: null });
    expect(styleAt("C12")).toMatchObject({
      rotation: 90,
      wrap: true,
      fontColour: "FF9C0006",
      size: 8,
    });
    expect(digest.columns).toEqual({
      1: { width: 30, hidden: false },
      2: { width: 12, hidden: false },
      3: { width: 12, hidden: true },
    });
    expect(digest.rowHeights).toEqual({ 2: 40 });
    expect(digest.frozen).toEqual([1, 1]);
    expect(digest.tabColour).toBe("FF2F5597");
    expect(digest.print).toMatchObject({
      orientation: "portrait",
      fitToPage: false,
      area: "A1:B9",
    });
  });

  it("writes validations, conditional formats, the table, names and the active sheet", () => {
    const digest = digestWorkbook(workbook);
    const [first, second] = digest.sheets;
    expect(first.validations["A6"]).toMatchObject({
      type: "list",
      formulae: ['"X"'],
      prompt: ["Tick", "X or nothing"],
    });
    expect(first.validations["B5"]).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: ["0", "5"],
    });
    expect(first.validations["B6"]).toMatchObject({ type: "list", formulae: ["SM_Levels"] });
    expect(first.conditionalFormats).toEqual([
      expect.objectContaining({
        ref: "A5:B7",
        type: "colorScale",
        colours: ["FFC55A11", "FF548235"],
      }),
      expect.objectContaining({
        ref: "A1:D1",
        type: "expression",
        formulae: ['A$1<>""'],
        font: [true, "FF9C0006"],
      }),
    ]);
    expect(second.tables).toEqual([
      { name: "SM_T", ref: "A2:B4", columns: ["Name", "Score"], style: "TableStyleMedium2" },
    ]);
    expect(second.frozen).toEqual([0, 2]);
    expect(digest.names).toMatchObject({
      SM_Levels: ["'It''s'!$A$9"],
      SM_Block: ["'Données & <tests>'!$A$5:$B$7"],
    });
    expect(digest.activeTab).toBe(1);
  });

  it("escapes what SpreadsheetML would misread in a cell's text", () => {
    expect(escapeCellText("_x0041_")).toBe("_x005F_x0041_");
    expect(escapeCellText("a\u0001b")).toBe("a_x0001_b");
    expect(escapeCellText("<&>")).toBe("&lt;&amp;&gt;");
    expect(escapeCellText("plain _x12_ text")).toBe("plain _x12_ text");
  });
});

describe("real plans through the writer", () => {
  it("reads back the worked example and the template as the studies they hold", async () => {
    const example = study(await readExample("exemple-incubateur.json"));
    const back = readStudy(
      (await readWorkbookFile("example.xlsx", { source: await planToXlsx(buildPlan(example)) }))
        .grids
    );
    expect(back.study).toEqual(example);
    const template = readStudy(
      (await readWorkbookFile("template.xlsx", { source: await planToXlsx(templatePlan("en")) }))
        .grids
    );
    expect(template.problems.map((p) => p.code)).toContain("no-clienteles");
  });
});
