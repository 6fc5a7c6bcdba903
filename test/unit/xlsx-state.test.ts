/** The state part of an .xlsx: written by the file writer, read back with the listing. */
import JSZip from "jszip";
import { planToBuffer } from "../../src/hosts/xlsx/file";
import { resolveTarget } from "../../src/hosts/xlsx/read";
import { buildPlan } from "../../src/layout";
import { LAYOUT_VERSION, STATE_NAMESPACE } from "../../src/layout/state";
import { study } from "../support/workbooks";

const plan = buildPlan(study({ clienteles: ["a"], needs: ["n"], pairs: [] }));

describe("the state part of an .xlsx", () => {
  it("is listed in the package: relationship, properties and content type", async () => {
    const zip = await JSZip.loadAsync(await planToBuffer(plan));
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        "customXml/item1.xml",
        "customXml/itemProps1.xml",
        "customXml/_rels/item1.xml.rels",
      ])
    );
    const item = (await zip.file("customXml/item1.xml")?.async("string")) ?? "";
    expect(item).toContain(`xmlns="${STATE_NAMESPACE}" layoutVersion="${LAYOUT_VERSION}"`);
    expect(await zip.file("xl/_rels/workbook.xml.rels")?.async("string")).toContain(
      'Target="../customXml/item1.xml"'
    );
    expect(await zip.file("[Content_Types].xml")?.async("string")).toContain(
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
    );
  });

  it("follows relationship targets, relative or absolute", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe(
      "xl/worksheets/sheet1.xml"
    );
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table%201.xml")).toBe(
      "xl/tables/table 1.xml"
    );
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });
});
