/**
 * Chromium for the pane's browser tests and the screenshots: Debian's Chromium through
 * playwright-core (never a downloaded browser), the pane served from a folder, office.js answered
 * from the npm package in place of Microsoft's CDN, every other outside request refused, and axe-core
 * (from npm) run in the page.
 */
import { promises as fs } from "fs";
import path from "path";
import { Browser, BrowserContext, Page, Route, chromium } from "playwright-core";

const ROOT = path.join(__dirname, "..", "..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export interface RouteLog {
  /** Office.js files answered from the npm package. */
  servedFromPackage: string[];
  /** Requests refused because they would leave the machine. */
  blocked: string[];
}

/** Routes a context's requests: the pane's server, office.js from the package, nothing else. */
export async function routeOffline(context: BrowserContext, serverUrl: string): Promise<RouteLog> {
  const log: RouteLog = { servedFromPackage: [], blocked: [] };
  await context.route("**/*", async (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(serverUrl + "/")) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const relative = new URL(url).pathname.slice(new URL(OFFICE_CDN).pathname.length);
      const file = path.resolve(OFFICE_DIST, relative);
      if (file.startsWith(OFFICE_DIST + path.sep)) {
        try {
          const body = await fs.readFile(file);
          log.servedFromPackage.push(relative);
          return route.fulfill({ status: 200, contentType: "text/javascript", body });
        } catch {
          // Not in the package: refused below like any other outside request.
        }
      }
    }
    log.blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return log;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page (WCAG 2.x A and AA rules and best practices) and returns its serious and
 * critical violations. The source is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern, so the policy stays as it is for the test.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await fs.readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  const loaded = await page.evaluate("typeof window.axe !== 'undefined'");
  if (!loaded) await page.evaluate(axeSource);
  const violations = (await page.evaluate(`
    window.axe
      .run(document, { resultTypes: ["violations"] })
      .then((results) => results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
      })))
  `)) as AxeViolation[];
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((node) => !isTabsterSentinel(v.id, node.html)) }))
    .filter((v) => v.nodes.length > 0)
    .filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Fluent UI's focus manager (tabster) puts aria-hidden focus sentinels around focus groups; they
 * hand the focus on as soon as they get it. A known false positive of aria-hidden-focus (Fluent v9's
 * known issues; microsoft/tabster#288): only these nodes, only for that rule, are left out.
 */
function isTabsterSentinel(rule: string, html: string): boolean {
  return rule === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy/.test(html);
}
