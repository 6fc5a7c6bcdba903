/* global require, __dirname, process */
/**
 * Builds the task pane with the project's webpack config through webpack's Node API, into the
 * folder given as argument, in development mode. A script of its own because webpack's plugins
 * load ES modules with import(), which jest's module sandbox does not allow.
 * Usage: node test/support/pane-build.js OUTPUT_DIR
 */
const path = require("path");
const webpack = require("webpack");

const ROOT = path.join(__dirname, "..", "..");

function run(compiler) {
  return new Promise((resolve, reject) =>
    compiler.run((failure, stats) => (failure ? reject(failure) : resolve(stats)))
  ).then(
    (stats) => new Promise((resolve) => compiler.close(() => resolve(stats))),
    (failure) => new Promise((resolve, reject) => compiler.close(() => reject(failure)))
  );
}

function build(outputDir) {
  const factory = require(path.join(ROOT, "webpack.config.js"));
  return factory({}, { mode: "development" })
    .then((config) =>
      run(
        webpack(
          Object.assign({}, config, {
            context: ROOT,
            // Source maps cost seconds and no test reads them.
            devtool: false,
            output: Object.assign({}, config.output, { path: path.resolve(outputDir) }),
          })
        )
      )
    )
    .then((stats) => {
      if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
    });
}

const outputDir = process.argv[2];
if (!outputDir) {
  process.stderr.write("usage: node test/support/pane-build.js OUTPUT_DIR\n");
  process.exit(2);
}
build(outputDir).catch((failure) => {
  process.stderr.write(`${failure && failure.stack ? failure.stack : failure}\n`);
  process.exit(1);
});
