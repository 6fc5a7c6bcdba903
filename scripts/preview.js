/* global require, process, __dirname, console */
/**
 * npm run preview: builds the pane (webpack, development, no eval) into out/preview and serves it on
 * 127.0.0.1 with the pages' Content-Security-Policy as a header too. Outside Office, the pane runs
 * with the in-browser workbook beside it. Options: --port N (default 3001), --no-build.
 */
const { execFileSync } = require("child_process");
const http = require("http");
const fs = require("fs");
const path = require("path");
const { CONTENT_SECURITY_POLICY } = require("./csp");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "out", "preview");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
};

/** Serves `root` on 127.0.0.1:`port` (0: any free port); resolves with { url, close }. */
function serve(root, port) {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url || "/", "http://localhost").pathname);
    const file = path.resolve(root, "." + (pathname.endsWith("/") ? pathname + "taskpane.html" : pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (failure, body) => {
      if (failure) {
        response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      response.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "Cache-Control": "no-store",
      });
      response.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      })
    );
  });
}

/** Builds the pane into `outputDir` with the project's webpack config (test/support/pane-build.js). */
function build(outputDir) {
  execFileSync(process.execPath, [path.join(ROOT, "test", "support", "pane-build.js"), outputDir], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

module.exports = { serve, build };

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--port");
  const port = at >= 0 ? Number(args[at + 1]) : 3001;
  if (!args.includes("--no-build")) build(OUT);
  serve(OUT, port).then(({ url }) => {
    console.log(`Segment Matrix preview: ${url}/taskpane.html  (?lang=en for English, ?theme=dark)`);
    console.log("Ctrl+C to stop.");
  });
}
