/**
 * The add-in manifest, checked offline: Office refuses a manifest whose elements are out of the
 * schema's order, whose resource ids dangle or whose URLs are not https, often with no useful
 * message. Online validation (`npm run validate`) is not reachable from here.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import { promisify } from "util";
import path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ManifestInfo } from "office-addin-manifest/lib/manifestInfo";

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_URL = "https://localhost:3000/";

/**
 * Child order required by Microsoft's schema, as listed in the Office Add-ins docs ("How to find
 * the proper order of manifest elements", task pane add-ins; TaskPaneAppVersionOverrides 1.0).
 * Elements may be missing (when optional) but never out of this order.
 */
const SCHEMA_ORDER: Record<string, string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
    "VersionOverrides",
  ],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "SourceLocation"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
};

/** Required for a TaskPaneApp by the schema, plus what this add-in must declare. */
const REQUIRED_TOP_LEVEL = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

/** An element as fast-xml-parser gives it with preserveOrder: the order of children is kept. */
interface XmlNode {
  tag: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type OrderedEntry = Record<string, unknown>;

function toNode(entry: OrderedEntry): XmlNode | undefined {
  const tag = Object.keys(entry).find((key) => key !== ":@");
  if (!tag || tag === "#text" || tag.startsWith("?")) return undefined;
  const rawAttributes = (entry[":@"] ?? {}) as Record<string, unknown>;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttributes)) attributes[key] = String(value);
  const content = (entry[tag] ?? []) as OrderedEntry[];
  const text = content
    .filter((child) => "#text" in child)
    .map((child) => String(child["#text"]))
    .join("")
    .trim();
  const children = content.map(toNode).filter((node): node is XmlNode => node !== undefined);
  return { tag, attributes, children, text };
}

function parseManifest(xml: string): XmlNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const entries = parser.parse(xml) as OrderedEntry[];
  const root = entries.map(toNode).find((node) => node?.tag === "OfficeApp");
  if (!root) throw new Error("manifest.xml has no OfficeApp root element");
  return root;
}

function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

function child(node: XmlNode, tag: string): XmlNode {
  const found = node.children.find((c) => c.tag === tag);
  if (!found) throw new Error(`<${node.tag}> has no <${tag}>`);
  return found;
}

function childTags(node: XmlNode): string[] {
  return node.children.map((c) => c.tag);
}

/** The tags out of the schema's order, if any (each tag's rank must not go down). */
function outOfOrder(tags: string[], order: string[]): string[] {
  const wrong: string[] = [];
  let highest = -1;
  for (const tag of tags) {
    const rank = order.indexOf(tag);
    if (rank < 0 || rank < highest) wrong.push(tag);
    else highest = rank;
  }
  return wrong;
}

/** Width and height from a PNG's IHDR chunk, which the format puts first. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error("not a PNG file");
  if (bytes.toString("latin1", 12, 16) !== "IHDR") throw new Error("PNG without IHDR first");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A dev-server URL's file in the repository: icons in assets/, pages as webpack's templates. */
function sourceFileOf(url: string): string {
  if (!url.startsWith(DEV_URL)) throw new Error(`${url} is not on the dev server ${DEV_URL}`);
  const relative = url.slice(DEV_URL.length);
  return relative.endsWith(".html")
    ? path.join(ROOT, "src", "taskpane", relative)
    : path.join(ROOT, relative);
}

/** office-addin-manifest's own reader, run by node itself (see pane-read-manifest.js for why). */
async function readWithOfficeAddinManifest(file: string): Promise<ManifestInfo> {
  const script = path.join(ROOT, "test", "support", "pane-read-manifest.js");
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, file], {
    cwd: ROOT,
  });
  if (stderr) console.warn(stderr);
  return JSON.parse(stdout) as ManifestInfo;
}

describe("manifest.xml", () => {
  let xml: string;
  let app: XmlNode;
  let versionOverrides: XmlNode;

  beforeAll(async () => {
    xml = await fs.readFile(MANIFEST, "utf8");
    app = parseManifest(xml);
    versionOverrides = child(app, "VersionOverrides");
  });

  test("is well-formed XML with a TaskPaneApp root in the 1.1 namespace", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(app.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(app.attributes.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(versionOverrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("has every required top-level element, each once, in the schema's order", () => {
    const tags = childTags(app);
    for (const tag of REQUIRED_TOP_LEVEL) expect(tags.filter((t) => t === tag)).toEqual([tag]);
    expect(outOfOrder(tags, SCHEMA_ORDER.OfficeApp)).toEqual([]);
  });

  test("the order check would catch two swapped elements", () => {
    const version = /\s*<Version>[^<]*<\/Version>/.exec(xml)?.[0] ?? "";
    const swapped = parseManifest(xml.replace(version, "").replace("<Id>", `${version}\n<Id>`));
    expect(outOfOrder(childTags(swapped), SCHEMA_ORDER.OfficeApp)).toEqual(["Id"]);
  });

  test("keeps the schema's order inside VersionOverrides too", () => {
    for (const node of walk(versionOverrides)) {
      const order = SCHEMA_ORDER[node.tag];
      if (order && node.children.length > 0) {
        expect({ tag: node.tag, wrong: outOfOrder(childTags(node), order) }).toEqual({
          tag: node.tag,
          wrong: [],
        });
      }
    }
  });

  test("has a GUID id, a four-part version and French as default locale", () => {
    expect(child(app, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
    );
    expect(child(app, "Version").text).toBe("1.0.0.0");
    expect(child(app, "Version").text).toMatch(/^\d{1,5}(\.\d{1,5}){3}$/);
    expect(child(app, "DefaultLocale").text).toBe("fr-FR");
  });

  test("names and describes itself in French with English overrides", () => {
    for (const tag of ["DisplayName", "Description"]) {
      const node = child(app, tag);
      expect(node.attributes.DefaultValue).toBeTruthy();
      const override = child(node, "Override");
      expect(override.attributes.Locale).toBe("en-US");
      expect(override.attributes.Value).toBeTruthy();
    }
    // Schema limits: ShortString 125, LongString 250 characters.
    expect(child(app, "DisplayName").attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(app, "Description").attributes.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  test("runs in Excel with ExcelApi 1.8, reads and writes the workbook", () => {
    const hosts = child(app, "Hosts").children;
    expect(hosts.map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    const sets = child(child(app, "Requirements"), "Sets").children;
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([
      ["ExcelApi", "1.8"],
    ]);
    expect(child(app, "Permissions").text).toBe("ReadWriteDocument");
    const overrideHosts = child(versionOverrides, "Hosts").children;
    expect(overrideHosts.map((h) => h.attributes["xsi:type"])).toEqual(["Workbook"]);
  });

  test("opens the task pane from a button of a Home tab group", () => {
    const host = child(child(versionOverrides, "Hosts"), "Host");
    const tab = child(child(child(host, "DesktopFormFactor"), "ExtensionPoint"), "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const control = child(child(tab, "Group"), "Control");
    expect(control.attributes["xsi:type"]).toBe("Button");
    const action = child(control, "Action");
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "TaskpaneId").text).not.toBe("");
  });

  test("uses https for every URL, the pane's page as SourceLocation", () => {
    const urls: string[] = [];
    for (const node of walk(app)) {
      for (const [name, value] of Object.entries(node.attributes)) {
        // Namespace names are identifiers that look like URLs, never fetched.
        if (!name.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      }
      if (node.tag === "AppDomain") urls.push(node.text);
    }
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
    expect(child(child(app, "DefaultSettings"), "SourceLocation").attributes.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`
    );
  });

  describe("resources", () => {
    /** Which resource list each resid-bearing element must point into. */
    const KIND_OF_REFERENCE: Record<string, string> = {
      "bt:Image": "bt:Images",
      FunctionFile: "bt:Urls",
      SourceLocation: "bt:Urls",
      LearnMoreUrl: "bt:Urls",
      Label: "bt:ShortStrings",
      Title: "bt:ShortStrings",
      Description: "bt:LongStrings",
    };
    let defined: Map<string, { kind: string; node: XmlNode }>;
    let referenced: { tag: string; resid: string }[];

    beforeAll(() => {
      defined = new Map();
      for (const list of child(versionOverrides, "Resources").children) {
        for (const resource of list.children) {
          expect(defined.has(resource.attributes.id)).toBe(false);
          defined.set(resource.attributes.id, { kind: list.tag, node: resource });
        }
      }
      referenced = [...walk(child(versionOverrides, "Hosts"))]
        .filter((node) => node.attributes.resid !== undefined)
        .map((node) => ({ tag: node.tag, resid: node.attributes.resid }));
    });

    test("every resid is defined, in the list its element expects", () => {
      expect(referenced.length).toBeGreaterThan(0);
      for (const { tag, resid } of referenced) {
        expect({ resid, kind: defined.get(resid)?.kind }).toEqual({
          resid,
          kind: KIND_OF_REFERENCE[tag],
        });
      }
    });

    test("every resource is used", () => {
      const used = new Set(referenced.map((r) => r.resid));
      expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
    });

    test("every string has an en-US override and fits the schema's length", () => {
      for (const [id, { kind, node }] of defined) {
        if (kind !== "bt:ShortStrings" && kind !== "bt:LongStrings") continue;
        const limit = kind === "bt:ShortStrings" ? 125 : 250;
        const override = child(node, "bt:Override");
        expect({ id, locale: override.attributes.Locale }).toEqual({ id, locale: "en-US" });
        for (const text of [node.attributes.DefaultValue, override.attributes.Value]) {
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(limit);
        }
      }
    });

    test("every page URL is a page the build makes", async () => {
      const pages = [...defined.values()]
        .filter(({ kind }) => kind === "bt:Urls")
        .map(({ node }) => node.attributes.DefaultValue);
      pages.push(child(app, "SupportUrl").attributes.DefaultValue);
      for (const url of pages) await expect(fs.access(sourceFileOf(url))).resolves.toBeUndefined();
    });
  });

  test("every icon URL is a PNG in assets/ of the declared size", async () => {
    const icons: { url: string; size: number }[] = [
      { url: child(app, "IconUrl").attributes.DefaultValue, size: 32 },
      { url: child(app, "HighResolutionIconUrl").attributes.DefaultValue, size: 64 },
    ];
    const images = new Map(
      child(child(versionOverrides, "Resources"), "bt:Images").children.map((image) => [
        image.attributes.id,
        image.attributes.DefaultValue,
      ])
    );
    for (const node of walk(versionOverrides)) {
      if (node.tag === "bt:Image" && node.attributes.resid) {
        icons.push({
          url: images.get(node.attributes.resid) ?? "",
          size: Number(node.attributes.size),
        });
      }
    }
    expect(icons.length).toBeGreaterThan(2);
    for (const { url, size } of icons) {
      expect(url).toMatch(/^https:\/\/localhost:3000\/assets\/[\w-]+\.png$/);
      const bytes = await fs.readFile(sourceFileOf(url));
      expect({ url, ...pngSize(bytes) }).toEqual({ url, width: size, height: size });
    }
  });

  test("is accepted by office-addin-manifest's offline reader", async () => {
    const info = await readWithOfficeAddinManifest(MANIFEST);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.id).toBe(child(app, "Id").text);
    expect(info.version).toBe("1.0.0.0");
    expect(info.providerName).toBe("Segment Matrix");
    expect(info.displayName).toBe("Segment Matrix");
    expect(info.defaultLocale).toBe("fr-FR");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_URL}taskpane.html`);
  });
});
