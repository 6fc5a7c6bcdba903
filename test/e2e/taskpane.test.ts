/**
 * The task pane in Chromium, outside Office: the real bundle, the real office.js (served from
 * node_modules in place of Microsoft's CDN), the in-memory preview host. Checks what a consultant
 * sees: language, building from typed lists, refreshing, a duplicate name refused.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { Browser, BrowserContext, Page, Route, chromium } from "playwright-core";
import { buildPane } from "../support/pane-bundle";
import { StaticServer, contentTypeOf, serveDirectory } from "../support/static-server";

jest.setTimeout(90000);

const ROOT = path.join(__dirname, "..", "..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const SCREENSHOT = path.join(ROOT, "test-results", "taskpane.png");
const PANE_SIZE = { width: 350, height: 700 };

let outputDir: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
/** Office.js files answered from the npm package in place of the CDN. */
const servedFromPackage: string[] = [];
/** Requests refused because they would leave the machine (office.js's telemetry, for one). */
const blocked: string[] = [];
/** Uncaught page errors and console errors, per test. */
let pageErrors: string[] = [];

/** office.js and the files it loads next to itself come from the npm package, never the network. */
async function routeRequest(route: Route): Promise<void> {
  const url = route.request().url();
  if (url.startsWith(server.url + "/")) return route.continue();
  if (url.startsWith(OFFICE_CDN)) {
    const relative = new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length);
    const file = path.resolve(OFFICE_DIST, relative);
    if (file.startsWith(OFFICE_DIST + path.sep)) {
      try {
        const body = await fs.readFile(file);
        servedFromPackage.push(relative);
        return route.fulfill({ status: 200, contentType: contentTypeOf(file), body });
      } catch {
        // Not in the package: refused below like any other outside request.
      }
    }
  }
  blocked.push(url);
  return route.abort("blockedbyclient");
}

async function openPane(query = ""): Promise<Page> {
  const page = await context.newPage();
  // Every step takes well under a second; fail fast rather than at jest's timeout.
  page.setDefaultTimeout(10000);
  page.on("pageerror", (failure) => pageErrors.push(`pageerror: ${failure.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`console.error: ${message.text()}`);
  });
  await page.goto(`${server.url}/taskpane.html${query}`);
  return page;
}

/** The pane is ready once the start-up read is done and the main button can be pressed. */
async function ready(page: Page, buildLabel: string): Promise<void> {
  await page.getByRole("button", { name: buildLabel }).waitFor();
  await page.waitForFunction(
    (label) =>
      [...document.querySelectorAll("button")].some(
        (button) => button.textContent === label && !button.disabled
      ),
    buildLabel
  );
}

/** A list's text field (its "take the selection" button has the list's name in its label too). */
function listField(page: Page, label: string): ReturnType<Page["getByRole"]> {
  return page.getByRole("textbox", { name: label, exact: true });
}

/** The page's visible text, French non-breaking spaces read as plain ones. */
async function bodyText(page: Page): Promise<string> {
  return (await page.locator("body").innerText()).replace(/[\u00a0\u202f]/g, " ");
}

const BUILD_FR = "Construire le classeur";
const REFRESH_FR = "Actualiser depuis les feuilles";
const CLIENTELES_FR = "Clientèles (une par ligne)";
const NEEDS_FR = "Besoins (un par ligne)";

beforeAll(async () => {
  const started = Date.now();
  outputDir = await fs.mkdtemp(path.join(os.tmpdir(), "segment-matrix-pane-"));
  await buildPane(outputDir);
  server = await serveDirectory(outputDir);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // A French consultant's browser; the pane's own width in Excel is about 320 to 350 px.
  context = await browser.newContext({ viewport: PANE_SIZE, locale: "fr-FR" });
  await context.route("**/*", routeRequest);
  console.log(`pane built and served in ${Date.now() - started} ms`);
});

afterAll(async () => {
  if (blocked.length > 0) console.log(`blocked outside requests:\n${blocked.join("\n")}`);
  await context?.close();
  await browser?.close();
  await server?.close();
  if (outputDir) await fs.rm(outputDir, { recursive: true, force: true });
});

beforeEach(() => {
  pageErrors = [];
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test("speaks French by default, with the preview note and the help", async () => {
  const page = await openPane();
  await ready(page, BUILD_FR);
  await expect(listField(page, CLIENTELES_FR).isVisible()).resolves.toBe(true);
  await expect(listField(page, NEEDS_FR).isVisible()).resolves.toBe(true);
  const text = await bodyText(page);
  expect(text).toContain("Aperçu hors d'Excel");
  expect(text).toContain("Tapez ou collez vos clientèles");
  for (const label of [REFRESH_FR, "Modèle vierge"]) {
    await expect(page.getByRole("button", { name: label }).isEnabled()).resolves.toBe(true);
  }
  // One "take the selection" button per list, each named after its list for screen readers.
  await expect(
    page.getByRole("button", { name: `Prendre la sélection pour : ${CLIENTELES_FR}` }).count()
  ).resolves.toBe(1);
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("fr");
  await page.close();
});

test("speaks English with ?lang=en", async () => {
  const page = await openPane("?lang=en");
  await ready(page, "Build the workbook");
  await expect(listField(page, "Clientèles (one per line)").isVisible()).resolves.toBe(true);
  await expect(listField(page, "Needs (one per line)").isVisible()).resolves.toBe(true);
  const text = await bodyText(page);
  expect(text).toContain("Preview outside Excel");
  expect(text).toContain("Refresh from the sheets");
  expect(text).not.toContain("Construire");
  await page.close();
});

test("builds from typed lists, then reads the names back from the sheets", async () => {
  const page = await openPane();
  await ready(page, BUILD_FR);
  // A row of cells pasted from Excel arrives tab-separated.
  await listField(page, CLIENTELES_FR).fill("Etudiants\tChercheurs");
  await listField(page, NEEDS_FR).fill("Trouver un financement\n\n  Accéder à des locaux  \n");
  await page.getByRole("button", { name: BUILD_FR }).click();

  const built = "2 clientèles × 2 besoins, 0 paire cochée dont 0 notée : classeur construit.";
  await page.getByText(built).waitFor();
  await expect(page.locator(".fui-MessageBar").count()).resolves.toBe(2); // preview note + success

  await listField(page, CLIENTELES_FR).fill("");
  await listField(page, NEEDS_FR).fill("");
  await page.getByRole("button", { name: REFRESH_FR }).click();
  await page.getByText("classeur actualisé.").waitFor();
  await expect(listField(page, CLIENTELES_FR).inputValue()).resolves.toBe("Etudiants\nChercheurs");
  await expect(listField(page, NEEDS_FR).inputValue()).resolves.toBe(
    "Trouver un financement\nAccéder à des locaux"
  );
  // Nothing is ticked yet: the sheets' reader says so, as warnings naming the cells.
  const text = await bodyText(page);
  expect(text).toContain("la clientèle « Etudiants » n'a aucun X");

  await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-full.png"), fullPage: true });
  await page.close();
});

/** Nothing sticks out sideways: no horizontal scroll bar in a narrow pane. */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

test("refuses a duplicate name, says which, and writes nothing", async () => {
  const page = await openPane();
  // Excel's narrowest task pane.
  await page.setViewportSize({ width: 320, height: 700 });
  await ready(page, BUILD_FR);
  await listField(page, CLIENTELES_FR).fill("Etudiants\n etudiants");
  await listField(page, NEEDS_FR).fill("Trouver un financement");
  await page.getByRole("button", { name: BUILD_FR }).click();

  const error = page.locator(".fui-MessageBar", { hasText: "« etudiants » est en double" });
  await error.waitFor();
  const text = await bodyText(page);
  expect(text).not.toContain("classeur construit");
  await expect(overflowsSideways(page)).resolves.toBe(false);

  // Had anything been rendered, Refresh would find the add-in's sheets.
  await page.getByRole("button", { name: REFRESH_FR }).click();
  await page.getByText("Ce classeur n'a pas encore de feuilles Segment Matrix").waitFor();
  await page.close();
});

test("got office.js from the npm package, not from the network", () => {
  expect(servedFromPackage).toContain("office.js");
});
