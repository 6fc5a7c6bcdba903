/* global require, module, __dirname, process, URL */
// Builds the task pane the way the Office add-in templates do: one bundle per page, Office.js from
// Microsoft's CDN (never bundled), the manifest and icons copied next to the pages.
// Plain ES2015, as the project's ESLint setup parses .js files.

const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const path = require("path");
const webpack = require("webpack");
const { CONTENT_SECURITY_POLICY } = require("./scripts/csp");

const urlDev = "https://localhost:3000/";
// Where the production files will be served from: replace before deploying (must end with "/").
const urlProd = "https://segment-matrix.example.com/";

/** The dev server's certificate; only `webpack serve` asks for it, so builds need none. */
function getHttpsOptions() {
  return devCerts.getHttpsServerOptions().then((httpsOptions) => ({
    ca: httpsOptions.ca,
    key: httpsOptions.key,
    cert: httpsOptions.cert,
  }));
}

/** The manifest as served in production: full URLs first, then the bare origin (AppDomain). */
function productionManifest(content) {
  return content
    .toString()
    .split(urlDev)
    .join(urlProd)
    .split(new URL(urlDev).origin)
    .join(new URL(urlProd).origin);
}

function page(name, chunks) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: `./src/taskpane/${name}.html`,
    chunks: chunks,
    // Every page carries the policy (scripts/csp.js) first in its head: its own files and
    // Office.js only, no eval.
    templateParameters: { contentSecurityPolicy: CONTENT_SECURITY_POLICY },
  });
}

function config(dev, httpsOptions) {
  return {
    mode: dev ? "development" : "production",
    // Never an eval-based devtool (webpack's default in development): the pages' policy forbids eval.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".html"],
      // pptxgenjs (the client deck) imports Node's fs and https only to read pictures in Node; the
      // deck has none, and a browser has neither (see the plugin below).
      fallback: { fs: false, https: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // `tsc --noEmit` does the type checking; here we only transpile. ES modules let
              // webpack drop the unused parts of Fluent UI.
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      // "node:fs" requests bypass `resolve.fallback`: made plain "fs", which the fallback empties.
      new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      page("taskpane", ["taskpane"]),
      // The ribbon's FunctionFile.
      page("commands", ["commands"]),
      // The manifest's SupportUrl and LearnMoreUrl: static, no script.
      page("help", []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : productionManifest(content)),
          },
        ],
      }),
    ],
    // Fluent UI and React make one large bundle; a task pane loads it once, then from cache.
    performance: { maxAssetSize: 2000000, maxEntrypointSize: 2000000 },
    devServer: {
      headers: {
        "Access-Control-Allow-Origin": "*",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      },
      server: { type: "https", options: httpsOptions },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
}

module.exports = (env, options) => {
  const dev = !options || options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const https = serving ? getHttpsOptions() : Promise.resolve({});
  return https.then((httpsOptions) => config(dev, httpsOptions));
};
