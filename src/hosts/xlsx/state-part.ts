/**
 * The add-in's state as a custom XML part of an .xlsx (ExcelJS writes none, so the zip it wrote is
 * completed here): customXml/itemN.xml, its itemPropsN.xml and relationships, the workbook's
 * relationship to it and its content type. Parts the file already had are kept; an earlier state
 * part of the add-in is replaced. Untouched parts keep their compressed bytes (JSZip reuses them).
 */
import { randomUUID } from "crypto";
import JSZip from "jszip";
import { STATE_NAMESPACE, stateFromXml } from "../../layout/state";
import { resolveTarget } from "./read";

const CUSTOM_XML_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const PROPS_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export async function withStatePart(workbook: Buffer, stateXml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  const workbookPart = "xl/workbook.xml";
  const relsPart = "xl/_rels/workbook.xml.rels";
  const typesPart = "[Content_Types].xml";
  let rels = (await zip.file(relsPart)?.async("string")) ?? "";
  let types = (await zip.file(typesPart)?.async("string")) ?? "";
  if (!rels.includes("</Relationships>") || !types.includes("</Types>"))
    throw new Error("the workbook written has no relationships or content types");

  // An earlier state of the add-in: removed with its properties, relationship and content type.
  const items = Object.keys(zip.files).filter((name) => /^customXml\/item\d+\.xml$/i.test(name));
  for (const item of items) {
    if (stateFromXml((await zip.file(item)?.async("string")) ?? "") === undefined) continue;
    const n = /item(\d+)\.xml$/i.exec(item)?.[1] ?? "";
    zip.remove(item);
    zip.remove(`customXml/itemProps${n}.xml`);
    zip.remove(`customXml/_rels/item${n}.xml.rels`);
    types = types.replace(
      new RegExp(`<Override PartName="/customXml/itemProps${n}\\.xml"[^>]*/>`),
      ""
    );
    rels = rels.replace(/<Relationship [^>]*\/>/g, (rel) =>
      rel.includes(CUSTOM_XML_REL) &&
      resolveTarget(workbookPart, /Target="([^"]*)"/.exec(rel)?.[1] ?? "").toLowerCase() ===
        item.toLowerCase()
        ? ""
        : rel
    );
  }

  const taken = Object.keys(zip.files).map((name) =>
    Number(/^customXml\/item(\d+)\.xml$/i.exec(name)?.[1] ?? 0)
  );
  const n = Math.max(0, ...taken) + 1;
  const guid = `{${randomUUID().toUpperCase()}}`;
  zip.file(`customXml/item${n}.xml`, stateXml);
  zip.file(
    `customXml/itemProps${n}.xml`,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      `<ds:datastoreItem ds:itemID="${guid}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeAttribute(STATE_NAMESPACE)}"/></ds:schemaRefs></ds:datastoreItem>`
  );
  zip.file(
    `customXml/_rels/item${n}.xml.rels`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`
  );
  const ids = new Set([...rels.matchAll(/Id="([^"]*)"/g)].map((m) => m[1]));
  let id = "rIdSM1";
  for (let i = 2; ids.has(id); i++) id = `rIdSM${i}`;
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${CUSTOM_XML_REL}" Target="../customXml/item${n}.xml"/></Relationships>`
  );
  if (!/<Default Extension="xml"/i.test(types))
    types = types.replace(
      "</Types>",
      '<Default Extension="xml" ContentType="application/xml"/></Types>'
    );
  types = types.replace(
    "</Types>",
    `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${PROPS_TYPE}"/></Types>`
  );
  zip.file(relsPart, rels);
  zip.file(typesPart, types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
