/**
 * The recording fake plays by Excel's documented rules, including those a host could forget: these
 * tests pin the rules themselves (the host's tests show it copes with each).
 */
import {
  FORMULA_STAND_IN,
  FakeExcel,
  FakeRichApiError,
  PAYLOAD_LIMIT_BYTES,
  shiftFormula,
} from "../support/fake-excel";

/** Runs one batch and returns what it threw (undefined if nothing). */
async function failureOf(
  excel: FakeExcel,
  batch: (context: Excel.RequestContext) => Promise<void>
): Promise<FakeRichApiError | undefined> {
  const caught: unknown = await excel.run(batch).then(
    () => undefined,
    (failure: unknown) => failure
  );
  if (caught === undefined) return undefined;
  expect(caught).toBeInstanceOf(FakeRichApiError);
  return caught as FakeRichApiError;
}

describe('The fake: Range.copyFrom(…, "Formulas") (ExcelApi 1.9)', () => {
  it("moves relative references with each cell, keeps $ ones, leaves text and names alone", async () => {
    const excel = new FakeExcel(["Data", "Copy"]);
    excel.setCells("Copy", "B2", [[`=IF(Data!C5="x",SM_Weight*$A$1+A$1+$A2,"B2")`]]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Copy");
      sheet.getRange("C2:E2").copyFrom(sheet.getRange("B2"), "Formulas");
      sheet.getRange("B3:E4").copyFrom(sheet.getRange("B2:E2"), "Formulas");
      await context.sync();
    });
    expect(excel.cell("Copy", "B2")?.formula).toBe(`=IF(Data!C5="x",SM_Weight*$A$1+A$1+$A2,"B2")`);
    expect(excel.cell("Copy", "E4")?.formula).toBe(`=IF(Data!F7="x",SM_Weight*$A$1+D$1+$A4,"B2")`);
    expect(excel.cell("Copy", "C3")?.formula).toBe(`=IF(Data!D6="x",SM_Weight*$A$1+B$1+$A3,"B2")`);
  });

  it("repeats a source into an exact multiple, and pastes one copy into anything else", async () => {
    const excel = new FakeExcel(["S"]);
    excel.setCells("S", "A1", [["=Z1", "plain"]]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A2:D3").copyFrom(sheet.getRange("A1:B1"), "Formulas");
      sheet.getRange("A5:C5").copyFrom(sheet.getRange("A1:B1"), "Formulas");
      await context.sync();
    });
    expect(excel.cell("S", "C3")).toEqual({ value: null, formula: "=AB3" });
    expect(excel.cell("S", "D2")).toEqual({ value: "plain" });
    expect(excel.cell("S", "B5")).toEqual({ value: "plain" });
    expect(excel.cell("S", "C5")).toBeUndefined();
  });

  it("fails with ApiNotFound on ExcelApi 1.8, changing nothing after it", async () => {
    const excel = new FakeExcel(["S"], { api: "1.8" });
    expect(excel.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.9")).toBe(false);
    excel.setCells("S", "A1", [["=B1"]]);
    const failure = await failureOf(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A2").copyFrom(sheet.getRange("A1"), "Formulas");
      sheet.getRange("A3").values = [["after"]];
      await context.sync();
    });
    expect(failure?.code).toBe("ApiNotFound");
    expect(failure?.debugInfo.errorLocation).toBe("Range.copyFrom");
    expect(excel.cell("S", "A2")).toBeUndefined();
    expect(excel.cell("S", "A3")).toBeUndefined();
  });

  it("shifts A1 formulas by its own rules (written apart from the layout's R1C1 code)", () => {
    expect(shiftFormula("A1+$B$2+C$3+$D4", 2, 3)).toBe("D3+$B$2+F$3+$D6");
    expect(shiftFormula("SUM(C6:O18)", 1, 0)).toBe("SUM(C7:O19)");
    expect(shiftFormula(`'It''s here'!A1&"A1"&LOG10(B2)`, 0, 1)).toBe(
      `'It''s here'!B1&"A1"&LOG10(C2)`
    );
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
    expect(shiftFormula("SM_Ratings+TRUE+0.5", 4, 4)).toBe("SM_Ratings+TRUE+0.5");
  });
});

describe("The fake: formula cells read back with a value", () => {
  it("gives literals, references and mirrors their value, anything else the stand-in", async () => {
    const excel = new FakeExcel(["S"]);
    excel.setCells("S", "A1", [
      ["Nom", '="X"', "=A1", '=IF(S!A1="","",S!A1)', "=C9", "=SUM(A1:A2)", "=7"],
    ]);
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:G1").load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([["Nom", "X", "Nom", "Nom", 0, FORMULA_STAND_IN, 7]]);
    expect(excel.cell("S", "F1")).toEqual({ value: null, formula: "=SUM(A1:A2)" });
  });
});

describe("The fake: Excel's size limits", () => {
  it("refuses a request over 5 MB whole (RequestPayloadSizeLimitExceeded)", async () => {
    const excel = new FakeExcel(["S"]);
    const text = "x".repeat(1000);
    const failure = await failureOf(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1").values = [["first"]];
      const rows = Math.ceil(PAYLOAD_LIMIT_BYTES / 1000) + 1;
      sheet.getRange(`B1:B${rows}`).values = Array.from({ length: rows }, () => [text]);
      await context.sync();
    });
    expect(failure?.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.cell("S", "A1")).toBeUndefined();
  });

  it("gives null values over 5 million cells, and refuses a response over 5 MB", async () => {
    const excel = new FakeExcel(["S"]);
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A:E").load("values");
      await context.sync();
      return range.values;
    });
    expect(values).toBeNull();

    const failure = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:D500000").load("values");
      await context.sync();
    });
    expect(failure?.code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});

describe("The fake: names Excel refuses", () => {
  it.each(["History", "HISTORY", "history"])("refuses the sheet name %s", async (name) => {
    const excel = new FakeExcel(["S"]);
    expect(() => excel.addSheet(name)).toThrow(
      expect.objectContaining({ code: "InvalidArgument" })
    );
    const failure = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("S").name = name;
      await context.sync();
    });
    expect(failure?.code).toBe("InvalidArgument");
    expect(excel.sheetNames()).toEqual(["S"]);
  });

  it.each(["AB12", "xfd1048576", "R1C1", "R", "c", "RC", "R2C"])(
    "refuses %s as a table or defined name (it reads as a cell)",
    async (name) => {
      const excel = new FakeExcel(["S"]);
      excel.setCells("S", "A1", [["Head"], ["x"]]);
      expect(() => excel.defineName(name, "S", "A1")).toThrow(
        expect.objectContaining({ code: "InvalidArgument" })
      );
      expect(() => excel.addTable(name, "S", "A1:A2")).toThrow(
        expect.objectContaining({ code: "InvalidArgument" })
      );
    }
  );

  it("accepts names that only look close to a reference", () => {
    const excel = new FakeExcel(["S"]);
    excel.setCells("S", "A1", [["Head"], ["x"]]);
    for (const name of ["SM_Ratings", "ABCD1", "XFE1", "Row1Col1", "_A1"])
      excel.defineName(name, "S", "A1");
    expect(excel.nameList()).toEqual(["SM_Ratings", "ABCD1", "XFE1", "Row1Col1", "_A1"]);
  });
});

describe("The fake: a cell being edited", () => {
  it("fails a batch unless it was run with delayForCellEdit, which waits for the edit", async () => {
    const excel = new FakeExcel(["S"]);
    excel.beginCellEdit();
    const failure = await failureOf(excel, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
      await context.sync();
    });
    expect(failure?.code).toBe("InvalidOperationInCellEditMode");
    expect(excel.cell("S", "A1")).toBeUndefined();

    await excel.runWith({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
      await context.sync();
    });
    expect(excel.lastRunOptions).toEqual({ delayForCellEdit: true });
    expect(excel.cell("S", "A1")).toEqual({ value: "x" });
  });
});
