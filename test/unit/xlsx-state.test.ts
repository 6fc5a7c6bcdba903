/** The state part of an .xlsx: written into ExcelJS's zip, replacing an earlier one, keeping others. */
import JSZip from "jszip";
import { withStatePart } from "../../src/hosts/xlsx/state-part";
import { planToBuffer } from "../../src/hosts/xlsx/file";
import { listWorkbookFile, resolveTarget } from "../../src/hosts/xlsx/read";
import { buildPlan } from "../../src/layout";
import { LAYOUT_VERSION, STATE_NAMESPACE } from "../../src/layout/state";
import { study } from "../support/workbooks";

const plan = buildPlan(study({ clienteles: ["a"], needs: ["n"], pairs: [] }));

async function withForeignPart(workbook: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  zip.file("customXml/item7.xml", '<meta xmlns="urn:consultant"><client>ACME</client></meta>');
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item7.xml"/></Relationships>'
    )
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

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

  it("replaces an earlier state of the add-in and keeps the custom XML parts of others", async () => {
    const once = await withForeignPart(await planToBuffer(plan));
    const twice = await withStatePart(
      once,
      '<state xmlns="urn:segment-matrix:state" layoutVersion="1"/>'
    );
    const zip = await JSZip.loadAsync(twice);
    const items = Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/.test(n));
    expect(items.sort()).toEqual(["customXml/item7.xml", "customXml/item8.xml"]);
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
    expect(rels).not.toContain("item1.xml");
    expect(rels).toContain("../customXml/item7.xml");
    const listing = await listWorkbookFile("twice.xlsx", { source: twice });
    expect(listing.state).toEqual({
      kind: "ok",
      state: { layoutVersion: 1, sheets: [], names: [], tables: [] },
    });
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
