/**
 * The task pane in Chromium, outside Office: the real bundle, the real office.js (served from
 * node_modules in place of Microsoft's CDN), the preview's in-browser workbook beside the pane.
 * Drives what a consultant does: types the worked example's lists, builds, ticks and rates in the
 * grid, changes a weight, and checks the steps' counts, the scores and the cells' colours; tries bad
 * input; runs axe-core in each state.
 */
import { promises as fs, readFileSync } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { Browser, BrowserContext, Page } from "playwright-core";
import { buildPane } from "../support/pane-bundle";
import { StaticServer, serveDirectory } from "../support/static-server";
import { RouteLog, axeViolations, launchChromium, routeOffline } from "../support/pane-browser";
import { IMPACT, PERCEPTION } from "../../src/method/levels";
import { pairScore } from "../../src/method/score";
import { hexToRgb, scaleColour } from "../../src/method/colour";
import { Study, pairsInTableOrder } from "../../src/method/study";

jest.setTimeout(180000);

const ROOT = path.join(__dirname, "..", "..");
const SCREENSHOT = path.join(ROOT, "test-results", "taskpane.png");
const PANE_SIZE = { width: 350, height: 700 };
const WIDE = { width: 1280, height: 800 };

const example = JSON.parse(
  readFileSync(path.join(ROOT, "examples", "exemple-incubateur.json"), "utf8")
) as Study & { clienteles: { name: string }[]; needs: { name: string }[] };

let outputDir: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let routes: RouteLog;
/** Uncaught page errors, console errors and policy violations, per test. */
let pageErrors: string[] = [];

async function openPane(query = "", size = PANE_SIZE): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  // Every step takes well under a second; fail fast rather than at jest's timeout.
  page.setDefaultTimeout(10000);
  page.on("pageerror", (failure) => pageErrors.push(`pageerror: ${failure.message}`));
  page.on("console", (message) => {
    const text = message.text();
    // office.js reaches for its telemetry (a frame of another origin): the test refuses the
    // request and the page's policy refuses the frame, on purpose.
    const telemetry = /telemetryservice\.firstpartyapps\.oaspapps\.com/.test(text);
    if (
      message.type() === "error" &&
      !telemetry &&
      !/ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(text)
    )
      pageErrors.push(`console.error: ${text}`);
  });
  page.on("dialog", (dialog) => {
    pageErrors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  // Any breach of the Content-Security-Policy (an eval, an inline script) is an error.
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
    )
  );
  await page.goto(`${server.url}/taskpane.html${query}`);
  return page;
}

/** Retries `read` until it gives `expected` (or the time is up, then fails with the last value). */
async function poll<T>(read: () => Promise<T>, expected: T, timeout = 5000): Promise<void> {
  const until = Date.now() + timeout;
  let last = await read();
  while (last !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** The pane is ready once the start-up read is done. */
async function ready(page: Page): Promise<void> {
  await page.locator("main[aria-busy='false']").waitFor();
}

/** A list's text field (its "take the selection" button has the list's name in its label too). */
function listField(page: Page, label: string): ReturnType<Page["getByRole"]> {
  return page.getByRole("textbox", { name: label, exact: true });
}

/** The page's visible text, French non-breaking spaces read as plain ones. */
async function textOf(locator: ReturnType<Page["locator"]>): Promise<string> {
  return (await locator.innerText()).replace(/[\u00a0\u202f]/g, " ");
}
const bodyText = (page: Page): Promise<string> => textOf(page.locator("body"));
const stepText = (page: Page, id: string): Promise<string> =>
  textOf(page.locator(`[data-step="${id}"]`));

/** Nothing sticks out sideways: no horizontal scroll bar. */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

async function expectNoSeriousAxeViolation(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.log(state, JSON.stringify(violations, null, 1));
  expect({ state, violations }).toEqual({ state, violations: [] });
}

const BUILD_FR = "Construire le classeur";
const REFRESH_FR = "Actualiser depuis les feuilles";
const CLIENTELES_FR = "Clientèles (une par ligne)";
const NEEDS_FR = "Besoins (un par ligne)";

/** A cell of the preview grid, by sheet and address. */
const gridCell = (page: Page, sheet: string, address: string) =>
  page.locator(`table[data-sheet="${sheet}"] td[data-cell="${address}"]`);

const rgb = (hex: string): string => `rgb(${hexToRgb(hex).join(", ")})`;

async function typeLists(page: Page, clienteles: string[], needs: string[]): Promise<void> {
  await listField(page, CLIENTELES_FR).fill(clienteles.join("\n"));
  await listField(page, NEEDS_FR).fill(needs.join("\n"));
}

beforeAll(async () => {
  const started = Date.now();
  outputDir = await fs.mkdtemp(path.join(os.tmpdir(), "segment-matrix-pane-"));
  await buildPane(outputDir);
  server = await serveDirectory(outputDir);
  browser = await launchChromium();
  // A French consultant's browser; the pane's own width in Excel is about 320 to 350 px.
  context = await browser.newContext({ viewport: PANE_SIZE, locale: "fr-FR" });
  routes = await routeOffline(context, server.url);
  console.log(`pane built and served in ${Date.now() - started} ms`);
});

afterAll(async () => {
  if (routes?.blocked.length > 0)
    console.log(`blocked outside requests:\n${routes.blocked.join("\n")}`);
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

test("speaks French by default: steps, their legend, one main action, and the page's policy", async () => {
  const page = await openPane();
  await ready(page);
  await expect(listField(page, CLIENTELES_FR).isVisible()).resolves.toBe(true);
  const text = await bodyText(page);
  expect(text).toContain("Aperçu hors d'Excel");
  expect(text).toContain("Classeur sans étude Segment Matrix.");
  for (const title of [
    "Clientèles et besoins",
    "Qui ressent quoi",
    "Évaluation",
    "Matrice",
    "Segments",
    "Ciblage",
  ])
    expect(text).toContain(title);
  expect(await stepText(page, "ticks")).toContain("✗ À faire");
  // Empty workbook: build (off while a list is empty) or a blank template; no refresh.
  await expect(page.getByRole("button", { name: BUILD_FR }).isDisabled()).resolves.toBe(true);
  await expect(page.getByRole("button", { name: "Modèle vierge" }).isEnabled()).resolves.toBe(true);
  await expect(page.getByRole("button", { name: REFRESH_FR }).count()).resolves.toBe(0);
  await expect(
    page.getByRole("button", { name: `Prendre la sélection pour : ${CLIENTELES_FR}` }).count()
  ).resolves.toBe(1);
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("fr");
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  expect(policy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  expect(policy).not.toContain("unsafe-eval");
  await expectNoSeriousAxeViolation(page, "empty workbook, French");
  // Outside Office the page follows the system's light or dark setting, as it changes.
  const background = () =>
    page.evaluate(
      () =>
        getComputedStyle(document.querySelector("[data-theme-root]") ?? document.body)
          .backgroundColor
    );
  await expect(background()).resolves.toBe("rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "dark" });
  await poll(async () => (await background()) !== "rgb(255, 255, 255)", true);
  await page.close();
});

test("speaks English with ?lang=en, in the dark theme with ?theme=dark", async () => {
  const page = await openPane("?lang=en&theme=dark");
  await ready(page);
  await expect(listField(page, "Clientèles (one per line)").isVisible()).resolves.toBe(true);
  const text = await bodyText(page);
  expect(text).toContain("Preview outside Excel");
  expect(text).toContain("Who feels what");
  expect(text).not.toContain("Construire");
  const background = await page.evaluate(
    () =>
      getComputedStyle(document.querySelector("[data-theme-root]") ?? document.body).backgroundColor
  );
  expect(background).toBe("rgb(41, 41, 41)"); // Fluent's dark neutral background
  await expectNoSeriousAxeViolation(page, "empty workbook, English, dark");
  // Built: each step's "Open the sheet" button has its visible text inside its accessible name.
  await listField(page, "Clientèles (one per line)").fill("Students\nUniversities");
  await listField(page, "Needs (one per line)").fill("Innovate");
  await page.getByRole("button", { name: "Build the workbook" }).click();
  await page.getByText("Workbook built").waitFor();
  await expect(
    page.getByRole("button", { name: 'Open the sheet "Who feels what"', exact: true }).count()
  ).resolves.toBeGreaterThan(0);
  await expectNoSeriousAxeViolation(page, "built, English, dark");
  await page.close();
});

test("the worked example: build, tick and rate in the grid, change a weight; counts, scores and colours follow", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  const clienteles = example.clienteles.map((c) => c.name);
  const needs = example.needs.map((n) => n.name);
  await typeLists(page, clienteles, needs);
  await expect(textOf(page.getByText("13 clientèles", { exact: true }))).resolves.toBe(
    "13 clientèles"
  );
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page
    .getByText("Classeur construit : 13 clientèles × 13 besoins, 0 paire cochée dont 0 notée.")
    .waitFor();
  // The success names the next step, with the sheet to open; focus is on the new main action.
  expect(await bodyText(page)).toContain("Prochaine étape : dans « Qui ressent quoi », tapez X");
  await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toBe(
    REFRESH_FR
  );
  expect(await stepText(page, "lists")).toContain("13 clientèles × 13 besoins");
  await expectNoSeriousAxeViolation(page, "built, nothing ticked");

  // Tick the 47 X of the method's table, in the grid.
  for (const pair of example.pairs)
    await page
      .getByRole("button", { name: `${pair.clientele} ressent « ${pair.need} »`, exact: true })
      .click();
  // Live counts: no refresh needed to see the X's counted.
  await expect(stepText(page, "ticks")).resolves.toContain("47 X");
  expect(await stepText(page, "ticks")).toContain("✓ Ok");
  expect(await stepText(page, "ratings")).toContain("47 paires cochées n'ont pas encore de ligne");

  await page.getByRole("button", { name: REFRESH_FR }).click();
  await page
    .getByText("Classeur actualisé : 13 clientèles × 13 besoins, 47 paires cochées dont 0 notée.")
    .waitFor();
  expect(await stepText(page, "ratings")).toContain("0 sur 47 paires notées · 47 restent à noter");

  // Rate three pairs in the ratings sheet, as a consultant would.
  await page.getByRole("tab", { name: "Évaluation" }).click();
  const ordered = pairsInTableOrder(example.clienteles, example.needs, example.pairs).slice(0, 3);
  for (const pair of ordered) {
    const perception = PERCEPTION.levels.find((l) => l.value === pair.perception)?.fr ?? "";
    const impact = IMPACT.levels.find((l) => l.value === pair.impact)?.fr ?? "";
    await page
      .getByRole("combobox", { name: `${PERCEPTION.header.fr} — ${pair.clientele} × ${pair.need}` })
      .selectOption(perception);
    await page
      .getByRole("combobox", { name: `${IMPACT.header.fr} — ${pair.clientele} × ${pair.need}` })
      .selectOption(impact);
  }
  await expect(stepText(page, "ratings")).resolves.toContain("3 sur 47 paires notées");
  expect(await stepText(page, "matrix")).toContain("Les cinq meilleures paires");

  // The matrix: scores by the method's function, colours by the exports' colour function.
  const matrixCell = (pair: (typeof ordered)[number]): string => {
    const col = clienteles.indexOf(pair.clientele);
    const row = needs.indexOf(pair.need);
    return `${String.fromCharCode(67 + col)}${6 + row}`;
  };
  const checkMatrix = async (weights: { perception: number; impact: number }) => {
    for (const pair of ordered) {
      const score = pairScore(pair.perception ?? 0, pair.impact ?? 0, weights);
      const cell = gridCell(page, "Matrice", matrixCell(pair));
      await expect(cell.innerText()).resolves.toBe(String(score));
      await expect(cell.evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.toBe(
        rgb(scaleColour(score))
      );
    }
  };
  await page.getByRole("tab", { name: "Matrice" }).click();
  await checkMatrix({ perception: 1, impact: 1 });
  await expectNoSeriousAxeViolation(page, "rated, matrix shown");

  // A weight typed in the pane goes into the settings; the matrix follows at once. Typed as a
  // French consultant types it, with a comma (a number input used to drop it: "2,5" became 25).
  const weightField = page.getByRole("textbox", { name: "Poids de la perception", exact: true });
  await weightField.fill("");
  await weightField.pressSequentially("2,5");
  await expect(weightField.inputValue()).resolves.toBe("2,5");
  await expect(weightField.getAttribute("aria-invalid")).resolves.not.toBe("true");
  await page.getByRole("tab", { name: "Paramètres" }).click();
  await poll(
    () => page.getByRole("spinbutton", { name: /perception.*\(B\d+\)/i }).inputValue(),
    "2.5"
  );
  await page.getByRole("tab", { name: "Matrice" }).click();
  await weightField.fill("2");
  const shown = () =>
    Promise.all(
      ordered.map((pair) => gridCell(page, "Matrice", matrixCell(pair)).innerText())
    ).then((texts) => texts.join(" "));
  await poll(
    shown,
    ordered
      .map((pair) =>
        pairScore(pair.perception ?? 0, pair.impact ?? 0, { perception: 2, impact: 1 })
      )
      .join(" ")
  );
  await checkMatrix({ perception: 2, impact: 1 });
  await page.getByRole("tab", { name: "Paramètres" }).click();
  await expect(
    page.getByRole("spinbutton", { name: /perception.*\(B\d+\)/i }).inputValue()
  ).resolves.toBe("2");

  // A best pair is a link that selects its cell in the matrix.
  const best = page.locator('[data-step="matrix"] ol button').first();
  await best.click();
  await expect(page.getByRole("tab", { name: "Matrice", selected: true }).count()).resolves.toBe(1);
  await expect(
    page
      .locator('table[data-sheet="Matrice"] td[class*="selected"], table[data-sheet="Matrice"] td')
      .evaluateAll(
        (cells) => cells.filter((cell) => getComputedStyle(cell).outlineStyle === "solid").length
      )
  ).resolves.toBe(1);

  // The number of segments says what is wrong with it, on its field.
  const segmentCount = page.getByRole("spinbutton", { name: "Nombre de segments" });
  await segmentCount.fill("0");
  await expect(
    page.getByText("Mettez un nombre entier de segments, 1 ou plus").count()
  ).resolves.toBe(1);
  await expect(segmentCount.getAttribute("aria-invalid")).resolves.toBe("true");
  await segmentCount.fill("3");
  await expect(
    page.getByText("Mettez un nombre entier de segments, 1 ou plus").count()
  ).resolves.toBe(0);

  await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  await page.close();
});

test("nothing ticked yet: one line of information with the list to expand, not 26 warnings", async () => {
  const page = await openPane();
  await ready(page);
  const clienteles = example.clienteles.map((c) => c.name);
  const needs = example.needs.map((n) => n.name);
  await typeLists(page, clienteles, needs);
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByRole("button", { name: REFRESH_FR }).click();
  await page.getByText("Classeur actualisé").waitFor();
  await expect(
    page.locator(".fui-MessageBar[class*='warning'], .fui-MessageBar").count()
  ).resolves.toBe(3); // preview note, success, one info
  const toggle = page.getByRole("button", { name: "Afficher la liste (26)" });
  await toggle.click();
  await expect(
    page.getByRole("button", { name: "Masquer la liste" }).getAttribute("aria-expanded")
  ).resolves.toBe("true");
  // Each line's cell is a link that selects it in the sheet.
  await page.getByRole("button", { name: "'Qui ressent quoi'!C5" }).click();
  await expect(
    gridCell(page, "Qui ressent quoi", "C5").evaluate((td) => getComputedStyle(td).outlineStyle)
  ).resolves.toBe("solid");
  await expectNoSeriousAxeViolation(page, "nothing ticked, list expanded");
  await page.close();
});

test("bad input: a duplicate on its field with focus, an empty list keeps Build off, 300 names build with progress", async () => {
  const page = await openPane();
  // Excel's narrowest task pane.
  await page.setViewportSize({ width: 320, height: 700 });
  await ready(page);
  await typeLists(page, ["Etudiants", " etudiants"], ["Trouver un financement"]);
  await page.getByRole("button", { name: BUILD_FR }).click();
  const field = listField(page, CLIENTELES_FR);
  await expect(field.getAttribute("aria-invalid")).resolves.toBe("true");
  expect(await bodyText(page)).toContain("Clientèles, ligne 2 : « etudiants » est en double");
  await expect(
    page.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))
  ).resolves.toBe("true");
  expect(await bodyText(page)).not.toContain("Classeur construit");
  await expect(overflowsSideways(page)).resolves.toBe(false);
  await expectNoSeriousAxeViolation(page, "duplicate on its field");

  // An empty list: Build stays off and says why; no internal field name anywhere.
  await listField(page, NEEDS_FR).fill("");
  await expect(page.getByRole("button", { name: BUILD_FR }).isDisabled()).resolves.toBe(true);
  expect(await bodyText(page)).toContain("Tapez au moins une clientèle et un besoin");
  expect(await bodyText(page)).not.toMatch(/\bclienteles\b|\bneeds\b/);

  // 300 names pasted: counted, said to be long, built with visible progress.
  const many = Array.from({ length: 300 }, (_, i) => `Clientèle ${i + 1}`);
  await typeLists(page, many, ["Innover"]);
  await page.getByText("300 clientèles", { exact: true }).waitFor();
  expect(await bodyText(page)).toContain("300 clientèles : au-delà de 40 environ");
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit : 300 clientèles × 1 besoin").waitFor();
  await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toBe(
    REFRESH_FR
  );
  await expect(overflowsSideways(page)).resolves.toBe(false);
  await page.close();
});

test("a blank template: its own status, Actualiser offered, no second template", async () => {
  const page = await openPane();
  await ready(page);
  await page.getByRole("button", { name: "Modèle vierge" }).click();
  await page.getByText("Modèle vierge créé.", { exact: false }).waitFor();
  expect(await bodyText(page)).toContain("Modèle vierge : tapez les noms dans la feuille");
  await expect(page.getByRole("button", { name: REFRESH_FR }).isEnabled()).resolves.toBe(true);
  await expect(page.getByRole("button", { name: "Modèle vierge" }).count()).resolves.toBe(0);
  await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toBe(
    REFRESH_FR
  );
  await page.close();
});

test("a name is shown exactly as typed, never as markup", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  const hostile = "<img src=x onerror=alert(1)>";
  await typeLists(page, ["Etudiants", hostile], ["Innover"]);
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit").waitFor();
  await expect(gridCell(page, "Qui ressent quoi", "D5").innerText()).resolves.toBe(hostile);
  await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
  await page.close();
});

test("the client workbook: ExcelJS fetched on demand under the page's policy, offered as a download", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await typeLists(page, ["Etudiants", "=Hautes écoles 🚀"], ["Innover"]);
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit").waitFor();
  // Nothing of ExcelJS yet: the pane's first load stays small.
  expect(scripts).toEqual([]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exporter le classeur client" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("classeur-client.xlsx");
  expect(scripts.length).toBeGreaterThan(0);
  const zip = await JSZip.loadAsync(await fs.readFile(await download.path()));
  const book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  expect(book.match(/<sheet [^>]*name="([^"]*)"/g)).toEqual([
    expect.stringContaining('name="Matrice"'),
    expect.stringContaining('name="Légende"'),
  ]);
  expect(await zip.file("xl/sharedStrings.xml")?.async("string")).toContain("=Hautes écoles 🚀");
  const text = await bodyText(page);
  expect(text).toContain("Classeur client enregistré : classeur-client.xlsx (Matrice, Légende)");
  expect(text).toContain("Fichier › Exporter › Créer un document PDF");
  await page.close();
});

test("the safety net: a summary, the rename carried over, a copy kept, focus back on the main action", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  await typeLists(
    page,
    ["Etudiants", "Hautes écoles", "Acteurs durables"],
    ["Innover", "Se former"]
  );
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit").waitFor();
  for (const [c, n] of [
    ["Etudiants", "Innover"],
    ["Acteurs durables", "Innover"],
    ["Hautes écoles", "Se former"],
  ])
    await page.getByRole("button", { name: `${c} ressent « ${n} »`, exact: true }).click();
  await page.getByRole("button", { name: REFRESH_FR }).click();
  await page.getByText("Classeur actualisé").waitFor();
  await page.getByRole("tab", { name: "Évaluation" }).click();
  for (const pair of ["Etudiants × Innover", "Acteurs durables × Innover"]) {
    await page
      .getByRole("combobox", { name: `${PERCEPTION.header.fr} — ${pair}` })
      .selectOption("Fort ressenti");
    await page
      .getByRole("combobox", { name: `${IMPACT.header.fr} — ${pair}` })
      .selectOption("Fort");
  }

  await page.getByRole("button", { name: "Modifier les listes" }).click();
  await listField(page, CLIENTELES_FR).fill("Étudiants\nHautes écoles");
  await page.getByRole("button", { name: "Reconstruire avec ces listes" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  const summary = await textOf(dialog);
  expect(summary).toContain("1 clientèle retirée : 1 paire cochée perdue, dont 1 notée.");
  await expect(
    dialog.getByRole("checkbox", { name: "« Etudiants » → « Étudiants »" }).isChecked()
  ).resolves.toBe(true);
  await expect(
    dialog
      .getByRole("checkbox", { name: /Garder une copie de la feuille « Évaluation »/ })
      .isChecked()
  ).resolves.toBe(true);
  // Without the rename, two clientèles would go.
  await dialog.getByRole("checkbox", { name: "« Etudiants » → « Étudiants »" }).uncheck();
  expect(await textOf(dialog)).toContain(
    "2 clientèles retirées : 2 paires cochées perdues, dont 2 notées."
  );
  await dialog.getByRole("checkbox", { name: "« Etudiants » → « Étudiants »" }).check();
  // The details, collapsed, open in a region the keyboard can scroll.
  await dialog.getByRole("button", { name: "Détail des retraits" }).click();
  const region = dialog.getByRole("region", { name: /Détail des retraits/ });
  await expect(region.getAttribute("tabindex")).resolves.toBe("0");
  expect(await textOf(region)).toContain("Acteurs durables × Innover");
  await expectNoSeriousAxeViolation(page, "safety-net dialog open");

  await dialog.getByRole("button", { name: "Reconstruire" }).click();
  await page.getByText("Classeur construit : 2 clientèles × 2 besoins").waitFor();
  expect(await bodyText(page)).toContain(
    "Copie des notes gardée dans la feuille « Évaluation (copie) »"
  );
  await expect(page.getByRole("tab", { name: "Évaluation (copie)" }).count()).resolves.toBe(1);
  // The renamed clientèle kept its tick and its rating.
  expect(await stepText(page, "ratings")).toContain("1 sur 2 paires notées");
  await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toBe(
    REFRESH_FR
  );

  // Cancelling also gives the focus back to the main action.
  await listField(page, CLIENTELES_FR).fill("Hautes écoles");
  await page.getByRole("button", { name: "Reconstruire avec ces listes" }).click();
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""), REFRESH_FR);
  await page.close();
});

test("at 320 px and at 200 % zoom nothing overflows", async () => {
  for (const [query, scale] of [
    ["", 1],
    ["?lang=en", 2],
  ] as const) {
    const zoomed = await context.browser()?.newContext({
      viewport: { width: Math.round(320 / scale), height: Math.round(700 / scale) },
      deviceScaleFactor: scale,
      locale: "fr-FR",
    });
    if (!zoomed) throw new Error("no browser");
    await routeOffline(zoomed, server.url);
    const page = await zoomed.newPage();
    page.on("pageerror", (failure) => pageErrors.push(`pageerror: ${failure.message}`));
    await page.goto(`${server.url}/taskpane.html${query}`);
    await ready(page);
    await listField(page, query ? "Clientèles (one per line)" : CLIENTELES_FR).fill(
      "Structures de conseil et accompagnement\nBailleurs de fonds"
    );
    await listField(page, query ? "Needs (one per line)" : NEEDS_FR).fill(
      "Sensibiliser à l'entrepreneuriat"
    );
    await page.getByRole("button", { name: query ? "Build the workbook" : BUILD_FR }).click();
    await page.locator(".fui-MessageBar").nth(1).waitFor();
    expect({ scale, overflows: await overflowsSideways(page) }).toEqual({
      scale,
      overflows: false,
    });
    // Nor is anything cut off at the pane's edge (the weight fields' fieldset used to be).
    const sticking = await page.evaluate(() =>
      [...document.querySelectorAll("main input, main button, main textarea, main fieldset")]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((element) => element.outerHTML.slice(0, 80))
    );
    expect({ scale, sticking }).toEqual({ scale, sticking: [] });
    await zoomed.close();
  }
});

test("got office.js from the npm package, not from the network", () => {
  expect(routes.servedFromPackage).toContain("office.js");
});
