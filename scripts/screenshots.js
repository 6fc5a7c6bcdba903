/* global require, process, __dirname, console */
/**
 * npm run screenshots: one screenshot of each step of the method, in French (the worked example)
 * and in English (the small English example), written under out/screenshots/. Drives the preview
 * (the pane beside its in-browser workbook) in Debian's Chromium through playwright-core, never a
 * downloaded browser; office.js is answered from the npm package, nothing else leaves the machine.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");
const { build, serve } = require("./preview");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "out", "screenshots");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const RUNS = [
  {
    language: "fr",
    study: "exemple-incubateur.json",
    build: /^Construire le classeur$/,
    refresh: /^Actualiser/,
    order: /^Ordonner par profil de besoins/,
    ordered: /^Clientèles ordonnées/,
    tabs: { matrix: "Matrice", segments: "Segments", targeting: "Ciblage" },
  },
  {
    language: "en",
    study: "small-en.json",
    build: /^Build the workbook$/,
    refresh: /^Refresh/,
    order: /^Order by need profile/,
    ordered: /^Clientèles ordered/,
    tabs: { matrix: "Matrix", segments: "Segments", targeting: "Targeting" },
  },
];

/** Table order: clientèle by clientèle (columns), then its needs (rows), as the ratings sheet. */
function ratedInTableOrder(study) {
  const rows = [];
  study.clienteles.forEach((c) =>
    study.needs.forEach((n) => {
      const pair = study.pairs.find((p) => p.clientele === c.name && p.need === n.name);
      if (pair) rows.push(pair);
    })
  );
  return rows;
}

const cellAddress = (row, col) => `${String.fromCharCode(64 + col)}${row}`;

async function route(context, serverUrl) {
  await context.route("**/*", async (request) => {
    const url = request.request().url();
    if (url.startsWith(serverUrl + "/")) return request.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const file = path.resolve(OFFICE_DIST, new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length));
      if (file.startsWith(OFFICE_DIST + path.sep) && fs.existsSync(file))
        return request.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
    }
    return request.abort("blockedbyclient");
  });
}

async function shoot(page, run, index, name, step) {
  if (step) await page.locator(`[data-step="${step}"]`).scrollIntoViewIfNeeded();
  const file = path.join(OUT, `${run.language}-${index}-${name}.png`);
  await page.screenshot({ path: file });
  console.log(path.relative(ROOT, file));
}

async function walk(browser, serverUrl, run) {
  const study = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", run.study), "utf8"));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: run.language });
  await route(context, serverUrl);
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${serverUrl}/taskpane.html?lang=${run.language}`);
  await page.locator("main[aria-busy='false']").waitFor();

  // 1. The lists.
  const boxes = page.getByRole("textbox");
  await boxes.nth(0).fill(study.clienteles.map((c) => c.name).join("\n"));
  await boxes.nth(1).fill(study.needs.map((n) => n.name).join("\n"));
  await shoot(page, run, 1, "lists", "lists");

  // 2. Who feels what: build, then tick in the grid.
  await page.getByRole("button", { name: run.build }).click();
  await page.getByRole("button", { name: run.refresh }).waitFor();
  const ticks = page.locator("table[data-sheet]").first();
  for (const pair of study.pairs) {
    const col = 3 + study.clienteles.findIndex((c) => c.name === pair.clientele);
    const row = 6 + study.needs.findIndex((n) => n.name === pair.need);
    await ticks.locator(`td[data-cell="${cellAddress(row, col)}"] button`).click();
  }
  await shoot(page, run, 2, "ticks", "ticks");

  // 3. Ratings: refresh creates the rows; rate every pair the example rates.
  await page.getByRole("button", { name: run.refresh }).click();
  await page.locator(".fui-MessageBar").nth(1).waitFor();
  await page.getByRole("tab").nth(1).click();
  const ratings = page.locator("table[data-sheet]").first();
  const rows = ratedInTableOrder(study);
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].perception === undefined || rows[i].impact === undefined) continue;
    await ratings.locator(`td[data-cell="C${5 + i}"] select`).selectOption({ index: rows[i].perception });
    await ratings.locator(`td[data-cell="D${5 + i}"] select`).selectOption({ index: rows[i].impact });
  }
  await shoot(page, run, 3, "ratings", "ratings");

  // 4. The matrix, coloured.
  await page.getByRole("tab", { name: run.tabs.matrix, exact: true }).click();
  await shoot(page, run, 4, "matrix", "matrix");

  // 5 and 6. Ordered and cut into the suggested segments (where the pane offers it), then each
  // step beside its own sheet: the segments, then the targeting table.
  const order = page.getByRole("button", { name: run.order });
  if ((await order.count()) > 0 && (await order.first().isEnabled())) {
    await order.first().click();
    await page.getByText(run.ordered).first().waitFor();
  }
  await page.getByRole("tab", { name: run.tabs.segments, exact: true }).click();
  await shoot(page, run, 5, "segments", "segments");
  await page.getByRole("tab", { name: run.tabs.targeting, exact: true }).click();
  await page.locator(`table[data-sheet="${run.tabs.targeting}"]`).waitFor();
  await shoot(page, run, 6, "targeting", "targeting");
  await context.close();
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const built = fs.mkdtempSync(path.join(os.tmpdir(), "segment-matrix-shots-"));
  try {
    build(built);
    const server = await serve(built, 0);
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
    try {
      for (const run of RUNS) await walk(browser, server.url, run);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    fs.rmSync(built, { recursive: true, force: true });
  }
}

main().catch((failure) => {
  console.error(failure && failure.stack ? failure.stack : failure);
  process.exit(1);
});
