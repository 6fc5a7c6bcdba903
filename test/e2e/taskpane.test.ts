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
import { buildPlan } from "../../src/layout";
import { cellAddress } from "../../src/layout/a1";
import { planGrids } from "../../src/layout/plan-grids";
import { statusLabels } from "../../src/layout/sheets/checklist";

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
  // Colours measured as they rest, not halfway through a button's fade back from dimmed.
  await page.addStyleTag({
    content: "*, *::before, *::after { transition: none !important; animation: none !important; }",
  });
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
  expect(await stepText(page, "lists")).toContain("2 customer groups × 1 need");
  expect(await stepText(page, "ticks")).toContain("No X yet");
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
  // The suggested cut says why, in a consultant's words.
  expect(await stepText(page, "segments")).toMatch(
    /Découpage suggéré : 3 segments, car c'est en 3 groupes que les clientèles aux besoins proches/
  );
  expect(await stepText(page, "segments")).not.toMatch(/Jaccard/i);

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
    () => page.getByRole("textbox", { name: /perception.*\(B\d+\)/i }).inputValue(),
    "2,5"
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
    page.getByRole("textbox", { name: /perception.*\(B\d+\)/i }).inputValue()
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

/** The small study the typing tests build, and where its defined names put each cell. */
const TYPED = {
  clienteles: ["Etudiants", "Hautes écoles", "Acteurs durables"],
  needs: ["Innover", "Se former"],
};
const typedNames = planGrids(
  buildPlan({
    language: "fr",
    ...TYPED,
    clienteles: TYPED.clienteles.map((name) => ({ name })),
    needs: TYPED.needs.map((name) => ({ name })),
    pairs: [],
    weights: { perception: 1, impact: 1 },
  })
).names;
/** The sheet and address of a defined name's cell (i rows down, j columns across). */
function cellOf(name: string, i = 0, j = 0): { sheet: string; address: string } {
  const found = typedNames.find((n) => n.name === name);
  if (!found) throw new Error(`no ${name}`);
  return { sheet: found.sheet, address: cellAddress(found.rect.row + i, found.rect.col + j) };
}

async function buildTyped(page: Page): Promise<void> {
  await typeLists(page, TYPED.clienteles, TYPED.needs);
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit").waitFor();
}

/** The cell that has the keyboard focus, by its address. */
const focusedCell = (page: Page): Promise<string | undefined> =>
  page.evaluate(
    () => document.activeElement?.closest("td")?.getAttribute("data-cell") ?? undefined
  );

/**
 * Types into a cell of the preview as a person does: clicks it, then one key at a time; after
 * every key the cell still has the focus and holds everything typed so far. Tab leaves the cell.
 */
async function typeInCell(page: Page, where: { sheet: string; address: string }, typed: string) {
  await page.getByRole("tab", { name: where.sheet, exact: true }).click();
  const input = gridCell(page, where.sheet, where.address).locator("input");
  await input.click();
  let sofar = "";
  for (const key of typed) {
    await page.keyboard.type(key);
    sofar += key;
    expect({ key, focus: await focusedCell(page), value: await input.inputValue() }).toEqual({
      key,
      focus: where.address,
      value: sofar,
    });
  }
  await page.keyboard.press("Tab");
}

const cellText = (page: Page, where: { sheet: string; address: string }) =>
  textOf(gridCell(page, where.sheet, where.address));
const background = (page: Page, where: { sheet: string; address: string }) =>
  gridCell(page, where.sheet, where.address).evaluate((td) => getComputedStyle(td).backgroundColor);

test("steps 5 and 6 in the preview, typed key by key: segments, offerings, marks, statuses, levers", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  await buildTyped(page);
  // Right after building: no name in red (it would read as an error), the pane says "no X yet".
  await expect(background(page, { sheet: "Qui ressent quoi", address: "C5" })).resolves.not.toBe(
    rgb("#FFC7CE")
  );
  expect(await stepText(page, "ticks")).toContain("Pas encore de X");

  // Ticks by keyboard: X ticks, the arrows move.
  await page.getByRole("button", { name: "Etudiants ressent « Innover »", exact: true }).focus();
  await page.keyboard.press("x");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("x");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("X");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("x");
  await expect(focusedCell(page)).resolves.toBe("E7");
  for (const name of [
    "Etudiants ressent « Innover »",
    "Hautes écoles ressent « Innover »",
    "Hautes écoles ressent « Se former »",
    "Acteurs durables ressent « Se former »",
  ])
    await expect(
      page.getByRole("button", { name, exact: true }).getAttribute("aria-pressed")
    ).resolves.toBe("true");
  // The build's success message stated 0 X: it goes at the first edit, the step counts live.
  await expect(stepText(page, "ticks")).resolves.toContain("4 X");
  expect(await bodyText(page)).not.toContain("0 paire cochée");

  // Segments: a name, whole numbers and a French decimal, an offering, a member.
  await typeInCell(page, cellOf("SM_SegmentNames"), "Jeunes");
  await typeInCell(page, cellOf("SM_SegmentSize"), "1200");
  await typeInCell(page, cellOf("SM_SegmentFrequency"), "2,5");
  await typeInCell(page, cellOf("SM_SegmentBasket"), "30");
  await expect(cellText(page, cellOf("SM_SegmentSize"))).resolves.toBe("");
  await expect(
    gridCell(page, "Segments", cellOf("SM_SegmentSize").address).locator("input").inputValue()
  ).resolves.toBe("1200");
  await expect(cellText(page, cellOf("SM_SegmentPotential"))).resolves.toBe("90 000");
  await typeInCell(page, cellOf("SM_Offerings"), "Atelier");
  await typeInCell(page, cellOf("SM_Offerings", 1), "Cours");
  await gridCell(page, "Segments", cellOf("SM_SegmentClienteles").address)
    .locator("button")
    .focus();
  await page.keyboard.press("x");
  await expect(stepText(page, "segments")).resolves.toContain("1 segment");

  // Targeting: the mirrors follow, a mark gives the strategy and the counts.
  await page.getByRole("tab", { name: "Ciblage", exact: true }).click();
  const targets = cellOf("SM_Targets");
  await expect(cellText(page, { sheet: targets.sheet, address: "B4" })).resolves.toBe("Jeunes");
  await expect(cellText(page, { sheet: targets.sheet, address: "A5" })).resolves.toBe("Atelier");
  await gridCell(page, targets.sheet, targets.address).locator("button").focus();
  await page.keyboard.press("x");
  await expect(cellText(page, cellOf("SM_TargetStrategy"))).resolves.toBe("Concentration");
  await expect(cellText(page, { sheet: targets.sheet, address: "E5" })).resolves.toBe("1");
  await expect(cellText(page, { sheet: targets.sheet, address: "B10" })).resolves.toBe("1");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("x");
  await expect(cellText(page, cellOf("SM_TargetStrategy"))).resolves.toBe(
    "Spécialisation par segment"
  );
  await expect(cellText(page, { sheet: targets.sheet, address: "B10" })).resolves.toBe("2");
  await expect(stepText(page, "targeting")).resolves.toContain("Spécialisation par segment");
  await typeInCell(page, cellOf("SM_SegmentPlans"), "Salons, bouche-à-oreille");
  await gridCell(page, targets.sheet, cellOf("SM_Conquest").address)
    .locator("select")
    .selectOption("Jeunes");
  await expect(stepText(page, "targeting")).resolves.toContain("✓ Ok");

  // The checklist: each status in its colour, the ready segment in green.
  await page.getByRole("tab", { name: "Check-list", exact: true }).click();
  const [ok] = statusLabels("fr");
  const first = cellOf("SM_Checklist");
  await gridCell(page, first.sheet, first.address).locator("select").selectOption(ok);
  await expect(background(page, first)).resolves.toBe(rgb("#C6EFCE"));
  await expect(background(page, cellOf("SM_Checklist", 1))).resolves.toBe(rgb("#FFC7CE"));
  for (let i = 1; i < 11; i++)
    await gridCell(page, first.sheet, cellOf("SM_Checklist", i).address)
      .locator("select")
      .selectOption(ok);
  await expect(background(page, { sheet: first.sheet, address: "C4" })).resolves.toBe(
    rgb("#C6EFCE")
  );
  await expect(stepText(page, "segments")).resolves.toContain("1 prêt");

  // A weight typed in the sheet reads 1,5 in the French pane; a title names the exported file.
  await typeInCell(page, cellOf("SM_WeightPerception"), "1,5");
  await poll(
    () => page.getByRole("textbox", { name: "Poids de la perception", exact: true }).inputValue(),
    "1,5"
  );
  await typeInCell(page, cellOf("SM_Title"), "Étude Genève / 2026");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exporter le classeur client" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("Etude-Geneve-2026-client.xlsx");
  // The download can come before the export's end: its dimmed buttons are not the pane at rest.
  await ready(page);
  await expectNoSeriousAxeViolation(page, "steps 5 and 6 typed in the preview");
  await page.screenshot({ path: path.join(ROOT, "test-results", "preview-targeting.png") });

  // Rebuilt from the same lists: the segment, its marks, order, statuses and plan are all kept.
  await page.getByRole("button", { name: "Modifier les listes" }).click();
  await page.getByRole("button", { name: "Reconstruire avec ces listes" }).click();
  await page.getByText("Classeur construit").waitFor();
  await expect(page.getByRole("alertdialog").count()).resolves.toBe(0);
  await expect(stepText(page, "segments")).resolves.toContain("1 prêt");
  await expect(stepText(page, "targeting")).resolves.toContain("Spécialisation par segment");
  await expect(stepText(page, "targeting")).resolves.toContain("✓ Ok");
  // The segment's member removed from its list: asked first, named with its segment, then said.
  await listField(page, CLIENTELES_FR).fill("Hautes écoles\nActeurs durables");
  await page.getByRole("button", { name: "Reconstruire avec ces listes" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await textOf(dialog)).toContain("1 membre de segment retiré");
  await dialog.getByRole("button", { name: "Détail des retraits" }).click();
  expect(await textOf(dialog.getByRole("region"))).toContain(
    "le segment « Jeunes » perdra la clientèle « Etudiants », retirée de la liste"
  );
  await dialog.getByRole("button", { name: "Reconstruire" }).click();
  await page.getByText("Classeur construit : 2 clientèles × 2 besoins").waitFor();
  expect(await bodyText(page)).toContain(
    "la clientèle « Etudiants », retirée de la liste, ne fait plus partie du segment « Jeunes »"
  );
  await expect(stepText(page, "segments")).resolves.toContain("1 prêt");
  await expect(stepText(page, "targeting")).resolves.toContain("Spécialisation par segment");
  await page.close();
});

test("a number the sheet refuses stays in its cell, marked with the sheet's message, and is not written; the figures it feeds are shown out of date", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  await buildTyped(page);
  await typeInCell(page, cellOf("SM_SegmentNames"), "Jeunes");
  await typeInCell(page, cellOf("SM_SegmentSize"), "1200");
  await typeInCell(page, cellOf("SM_SegmentFrequency"), "2,5");
  await typeInCell(page, cellOf("SM_SegmentBasket"), "30");
  const potential = gridCell(page, "Segments", cellOf("SM_SegmentPotential").address);
  await expect(textOf(potential)).resolves.toBe("90 000");
  await expect(potential.getAttribute("data-stale")).resolves.toBeNull();
  const size = cellOf("SM_SegmentSize");
  const input = gridCell(page, size.sheet, size.address).locator("input");
  await input.click();
  await page.keyboard.type("12 abc");
  await page.keyboard.press("Enter");
  await expect(focusedCell(page)).resolves.toBe(size.address);
  await expect(input.getAttribute("aria-invalid")).resolves.toBe("true");
  await expect(input.inputValue()).resolves.toBe("12 abc");
  // The potential still comes from 1 200: said above the sheet, and struck out.
  const alert = page.getByRole("alert").filter({ hasText: "n'est pas écrit" });
  const said = await textOf(alert);
  expect(said).toContain(`Segments!${size.address} : « 12 abc » n'est pas écrit`);
  expect(said).toContain(
    "Les chiffres calculés sont barrés : ils viennent encore de la valeur d'avant (1 200)"
  );
  await expect(potential.getAttribute("data-stale")).resolves.toBe("true");
  await expect(potential.evaluate((td) => getComputedStyle(td).textDecorationLine)).resolves.toBe(
    "line-through"
  );
  await expect(potential.getAttribute("title")).resolves.toContain("Pas à jour");
  // Left as it is (the focus elsewhere), it stays said.
  await gridCell(page, "Segments", "A1").click();
  await expect(alert.count()).resolves.toBe(1);
  await expectNoSeriousAxeViolation(page, "a refused number, its figures out of date");
  // Escape goes back to the value before: nothing out of date any more.
  await input.click();
  await page.keyboard.press("Escape");
  await expect(input.inputValue()).resolves.toBe("1200");
  await expect(alert.count()).resolves.toBe(0);
  await expect(page.locator("[data-stale]").count()).resolves.toBe(0);
  // Corrected: written, and the figures follow.
  await input.click();
  await page.keyboard.type("12 abc");
  await page.keyboard.press("Enter");
  await expect(alert.count()).resolves.toBe(1);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("100");
  await page.keyboard.press("Enter");
  await expect(alert.count()).resolves.toBe(0);
  await expect(textOf(potential)).resolves.toBe("7 500");
  await page.close();
});

test("frozen panes hide what scrolls under them: scrolling sideways or down changes no pixel of the frozen columns or rows", async () => {
  const page = await openPane("", { width: 1280, height: 560 });
  await ready(page);
  await typeLists(
    page,
    example.clienteles.map((c) => c.name),
    example.needs.map((n) => n.name)
  );
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit").waitFor();
  // Ticks, so that coloured cells and X's pass under the frozen panes.
  const ticks = page.locator('table[data-sheet="Qui ressent quoi"] td button');
  for (let i = 0; i < 60; i += 3) await ticks.nth(i).click();
  await page.getByRole("button", { name: REFRESH_FR }).click();
  await page.getByText("Classeur actualisé").waitFor();
  for (const sheet of ["Qui ressent quoi", "Matrice", "Évaluation"]) {
    await page.getByRole("tab", { name: sheet, exact: true }).click();
    const region = page.getByRole("region", { name: sheet, exact: true });
    // The frozen panes' extent: right of the last frozen column, below the last frozen row.
    const panes = await region.evaluate((element) => {
      const box = element.getBoundingClientRect();
      let right = box.left;
      let bottom = box.top;
      for (const cell of element.querySelectorAll<HTMLElement>("td, th")) {
        const style = getComputedStyle(cell);
        if (style.position !== "sticky") continue;
        const rect = cell.getBoundingClientRect();
        if (style.left !== "auto" && cell.tagName === "TD") right = Math.max(right, rect.right);
        if (style.top !== "auto" && rect.top > box.top + 1) bottom = Math.max(bottom, rect.bottom);
      }
      return {
        x: box.left,
        y: box.top,
        width: box.width,
        height: box.height,
        right,
        bottom,
        wide: element.scrollWidth > element.clientWidth,
        tall: element.scrollHeight > element.clientHeight,
      };
    });
    // The scroll bars (along the bottom and the right) move: left out of what is compared.
    const columns = {
      x: panes.x,
      y: panes.y,
      width: Math.floor(panes.right - panes.x),
      height: panes.height - 20,
    };
    const rows = {
      x: panes.x,
      y: panes.y,
      width: panes.width - 20,
      height: Math.floor(panes.bottom - panes.y),
    };
    const shot = async (clip: typeof columns, left: number, top: number): Promise<Buffer> => {
      await region.evaluate(
        (element, [l, t]) => {
          element.scrollLeft = l;
          element.scrollTop = t;
        },
        [left, top]
      );
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      return page.screenshot({ clip });
    };
    if (panes.wide && columns.width > 60) {
      const still = await shot(columns, 0, 0);
      for (const left of [37, 151, 333, 10000]) {
        const now = await shot(columns, left, 0);
        expect({ sheet, left, same: now.equals(still) }).toEqual({
          sheet,
          left,
          same: true,
        });
      }
    }
    if (panes.tall && rows.height > 40) {
      const still = await shot(rows, 0, 0);
      for (const top of [23, 101, 10000])
        expect({ sheet, top, same: (await shot(rows, 0, top)).equals(still) }).toEqual({
          sheet,
          top,
          same: true,
        });
    }
    expect({
      sheet,
      tested: (panes.wide && columns.width > 60) || (panes.tall && rows.height > 40),
    }).toEqual({
      sheet,
      tested: true,
    });
  }
  await page.screenshot({ path: path.join(ROOT, "test-results", "preview-frozen-scrolled.png") });
  await page.close();
});

test("one stray X in Ciblage: said at once, pointing to where offerings are typed; the other steps keep their counts", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  await buildTyped(page);
  await page.getByRole("button", { name: "Etudiants ressent « Innover »", exact: true }).click();
  await expect(stepText(page, "ticks")).resolves.toContain("1 X");
  const before = await stepText(page, "ticks");
  await page.getByRole("tab", { name: "Ciblage", exact: true }).click();
  const targets = cellOf("SM_Targets");
  await gridCell(page, targets.sheet, targets.address).locator("button").focus();
  await page.keyboard.press("x");
  const offering = cellOf("SM_Offerings");
  await page.getByText(`X sans nom en ${offering.sheet}!${offering.address}`).waitFor();
  expect(await stepText(page, "ticks")).toBe(before);
  expect(await stepText(page, "lists")).toContain("3 clientèles × 2 besoins");
  expect(await stepText(page, "lists")).toContain("✓ Ok");
  // The sheet's figures cannot follow until it is fixed: said above the sheet, and struck out.
  const waiting = page
    .getByRole("status")
    .filter({ hasText: "Les chiffres calculés de cette feuille sont barrés" });
  await expect(waiting.count()).resolves.toBe(1);
  const perSegment = gridCell(page, targets.sheet, "B10");
  await expect(textOf(perSegment)).resolves.toBe("0");
  await expect(perSegment.getAttribute("data-stale")).resolves.toBe("true");
  await expectNoSeriousAxeViolation(page, "a stray X, the targeting's figures out of date");
  // The message's cell is a link to the mark.
  await page.getByRole("button", { name: `'Ciblage'!${targets.address}` }).click();
  await expect(page.getByRole("tab", { name: "Ciblage", selected: true }).count()).resolves.toBe(1);
  // Removed: the message goes.
  await gridCell(page, targets.sheet, targets.address).locator("button").focus();
  await page.keyboard.press("Delete");
  await poll(async () => (await bodyText(page)).includes("X sans nom"), false);
  await expect(waiting.count()).resolves.toBe(0);
  await expect(page.locator("[data-stale]").count()).resolves.toBe(0);
  await page.close();
});

test("the preview as Excel shows it: frozen headers, whole drop-down labels, readable instructions", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  await typeLists(
    page,
    example.clienteles.map((c) => c.name),
    example.needs.map((n) => n.name)
  );
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit").waitFor();
  const sheet = "Qui ressent quoi";
  // The instructions: whole, within the visible sheet.
  const cut = await gridCell(page, sheet, "A2").evaluate((td) => {
    const region = td.closest("[role=region]") as HTMLElement;
    const text = td.firstElementChild as HTMLElement;
    return {
      wider: text.scrollWidth > text.clientWidth + 1,
      past: text.getBoundingClientRect().right > region.getBoundingClientRect().right + 1,
    };
  });
  expect(cut).toEqual({ wider: false, past: false });
  // Scrolled down and right, the names stay in view (the workbook's frozen panes).
  await page.setViewportSize({ width: 1280, height: 520 });
  const region = page.getByRole("region", { name: sheet, exact: true });
  const frozen = await region.evaluate((element) => {
    element.scrollTop = 300;
    element.scrollLeft = 900;
    const box = element.getBoundingClientRect();
    const at = (x: number, y: number) =>
      document.elementFromPoint(x, y)?.closest("td")?.getAttribute("data-cell") ?? "";
    const header = document.querySelector('td[data-cell="C5"]')?.getBoundingClientRect();
    return {
      scrolled: element.scrollTop > 0 && element.scrollLeft > 0,
      header: header ? at(box.left + box.width * 0.6, header.top + header.height / 2) : "",
      names: at(box.left + 60, box.top + box.height * 0.8),
    };
  });
  expect(frozen.scrolled).toBe(true);
  expect(frozen.header).toMatch(/^[D-Z]5$/); // a clientèle's name, in the header row
  expect(frozen.names).toMatch(/^A(1[0-9]|[6-9])$/); // a need's name, in the first column
  // The title, scrolled sideways, is still in view.
  await expect(
    gridCell(page, sheet, "A1").evaluate((td) => {
      const text = (td.firstElementChild as HTMLElement).getBoundingClientRect();
      const view = (td.closest("[role=region]") as HTMLElement).getBoundingClientRect();
      return text.left >= view.left && text.right <= view.right + 1;
    })
  ).resolves.toBe(true);
  await page.setViewportSize(WIDE);
  // A level's drop-down shows "Ressenti moyen" whole.
  await page
    .getByRole("button", {
      name: `${example.clienteles[0].name} ressent « ${example.needs[0].name} »`,
      exact: true,
    })
    .click();
  await page.getByRole("button", { name: REFRESH_FR }).click();
  await page.getByText("Classeur actualisé").waitFor();
  await page.getByRole("tab", { name: "Évaluation" }).click();
  const select = page
    .getByRole("combobox", { name: new RegExp(`^${PERCEPTION.header.fr} — `) })
    .first();
  await select.selectOption("Ressenti moyen");
  const fits = await select.evaluate((element) => {
    const canvas = document.createElement("canvas").getContext("2d");
    if (!canvas) return false;
    canvas.font = getComputedStyle(element).font;
    // The text plus the drop-down's arrow and padding.
    return canvas.measureText("Ressenti moyen").width + 28 <= element.clientWidth;
  });
  expect(fits).toBe(true);
  await page.screenshot({ path: path.join(ROOT, "test-results", "preview-frozen.png") });
  await page.close();
});

test("got office.js from the npm package, not from the network", () => {
  expect(routes.servedFromPackage).toContain("office.js");
});

test("Intégrer les réponses: adds the Réponses sheet, integrates the rows typed in it, keeps them at a refresh", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  await typeLists(page, ["Artisans", "Banques"], ["Financement", "Locaux"]);
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit").waitFor();
  const integrate = page.getByRole("button", { name: "Intégrer les réponses" });
  await integrate.click();
  await page.getByText("Feuille « Réponses » ajoutée", { exact: false }).waitFor();
  await expect(page.getByRole("tab", { name: "Réponses", selected: true }).count()).resolves.toBe(
    1
  );
  await expect(gridCell(page, "Réponses", "A5").innerText()).resolves.toBe("Répondant");

  // Two respondents typed under the headers, as rows pasted from a survey export.
  const rows = [
    ["p1", "Banques", "Locaux", "X", "4", "3"],
    ["p2", "banques", "Locaux", "oui", "Ressenti moyen", "Fort"],
  ];
  for (const [r, values] of rows.entries())
    for (const [c, value] of values.entries()) {
      const input = gridCell(page, "Réponses", `${String.fromCharCode(65 + c)}${6 + r}`).locator(
        "input"
      );
      await input.fill(value);
      await input.press("Tab");
    }
  await integrate.click();
  await page.getByText("Réponses intégrées").waitFor();
  expect(await bodyText(page)).toContain("1 paire appuyée par 2 répondants");
  await expect(stepText(page, "ratings")).resolves.toContain("1 sur 1 paire notée");
  await expect(stepText(page, "matrix")).resolves.toContain(
    "100 % des paires notées appuyées par des réponses (n médian = 2)"
  );

  // Actualiser rebuilds the study's sheets; the consultant's rows stay where they were typed.
  await page.getByRole("button", { name: REFRESH_FR }).click();
  await page.getByText("Classeur actualisé").waitFor();
  await page.getByRole("tab", { name: "Réponses" }).click();
  await expect(gridCell(page, "Réponses", "B7").locator("input").inputValue()).resolves.toBe(
    "banques"
  );
  await expect(stepText(page, "matrix")).resolves.toContain("100 % des paires notées appuyées");
  await page.close();
});

test("Clients RFM: a selected table's columns chosen in the pane, the RFM sheets written and shown", async () => {
  const page = await openPane("", WIDE);
  await ready(page);
  await typeLists(page, ["Artisans", "Banques"], ["Financement", "Locaux"]);
  await page.getByRole("button", { name: BUILD_FR }).click();
  await page.getByText("Classeur construit").waitFor();
  // The preview's one sheet a consultant types rows into: three transactions under its headers.
  await page.getByRole("button", { name: "Intégrer les réponses" }).click();
  await page.getByText("Feuille « Réponses » ajoutée", { exact: false }).waitFor();
  const sales = [
    ["A", "2025-01-02", "10"],
    ["B", "2025-01-03", "12"],
    ["B", "2025-02-03", "30,5"],
  ];
  for (const [r, values] of sales.entries())
    for (const [c, value] of values.entries()) {
      const input = gridCell(page, "Réponses", `${"ABC"[c]}${6 + r}`).locator("input");
      await input.fill(value);
      await input.press("Tab");
    }
  // The last cell typed is selected; a shift-click on the header line extends the selection to it.
  await gridCell(page, "Réponses", "C8").locator("input").click();
  await gridCell(page, "Réponses", "A5").click({ modifiers: ["Shift"] });

  await page.getByRole("button", { name: "Lire la sélection" }).click();
  await page.getByText("Table 'Réponses'!A5:C8 : 3 lignes de transactions.").waitFor();
  // The headers say nothing of ids, dates or amounts: the consultant picks each column.
  const column = (label: string) => page.getByLabel(label, { exact: true });
  await column("Identifiant client").selectOption("Répondant");
  await column("Date").selectOption("Clientèle");
  await column("Montant").selectOption("Besoin");
  await page.getByLabel("Date d'analyse (AAAA-MM-JJ)").fill("2025-03-01");
  await page.getByRole("button", { name: "Calculer et écrire les feuilles RFM" }).click();
  await page.getByText("2 clients notés sur 3 lignes lues, date d'analyse 2025-03-01").waitFor();

  // The customers' sheet is in the preview's workbook, one row per customer, B's amounts summed.
  await page.getByRole("tab", { name: "Clients RFM" }).click();
  const table = page.locator('table[data-sheet="Clients RFM"]');
  await expect(textOf(table)).resolves.toMatch(/B\s+26\s+2\s+42,5/);
  await expect(page.getByRole("tab", { name: "Synthèse RFM" }).count()).resolves.toBe(1);
  // The panel is back to its first button; the Réponses rows stay as typed.
  await expect(page.getByRole("button", { name: "Lire la sélection" }).count()).resolves.toBe(1);
  await page.getByRole("tab", { name: "Réponses" }).click();
  await expect(gridCell(page, "Réponses", "C8").locator("input").inputValue()).resolves.toBe(
    "30,5"
  );
  await page.close();
});
