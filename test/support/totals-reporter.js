/**
 * Prints the totals as one plain line, "N passed, N failed", last, for CI, and keeps a copy in
 * test-results/totals.txt so that .ci/run can repeat it as its own last line.
 */
const fs = require("fs");
const path = require("path");

class TotalsReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed`;
    const dir = path.join(process.cwd(), "test-results");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "totals.txt"), line + "\n");
    process.stdout.write(line + "\n");
  }
}

module.exports = TotalsReporter;
