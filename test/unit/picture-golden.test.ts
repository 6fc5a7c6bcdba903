/**
 * The worked example's picture, committed as a golden file so that any change to the drawing shows
 * in review; and the small example with its workshop's responses (examples/small-en-responses.csv),
 * whose pairs without responses are drawn as hypotheses. After an intended change, regenerate them:
 *   npm run cli -- image examples/exemple-incubateur.json -o examples/golden/exemple-incubateur.svg
 *   npm run cli -- responses examples/small-en-responses.csv --study examples/small-en.json -o S.json
 *   npm run cli -- image S.json -o examples/golden/small-en-responses.svg
 */
import { promises as fs } from "fs";
import path from "path";
import { matrixSvg } from "../../src/hosts/svg/matrix-svg";
import { parseCsv } from "../../src/analysis/csv";
import { applyResponses, readResponseTable } from "../../src/analysis/responses";
import { readExample, study } from "../support/workbooks";

it("draws the worked example exactly as the golden SVG", async () => {
  const golden = await fs.readFile(
    path.join(__dirname, "..", "..", "examples", "golden", "exemple-incubateur.svg"),
    "utf8"
  );
  const drawn = matrixSvg(study(await readExample("exemple-incubateur.json")));
  // Line by line first, so that a difference names its line.
  const drawnLines = drawn.split("\n");
  golden
    .split("\n")
    .forEach((line, i) => expect(`${i + 1}: ${drawnLines[i]}`).toBe(`${i + 1}: ${line}`));
  expect(drawn).toBe(golden);
});

it("draws the small example with its workshop's responses exactly as its golden SVG (hypotheses marked)", async () => {
  const root = path.join(__dirname, "..", "..", "examples");
  const golden = await fs.readFile(path.join(root, "golden", "small-en-responses.svg"), "utf8");
  const csv = parseCsv(
    await fs.readFile(path.join(root, "small-en-responses.csv"), "utf8"),
    10_000
  );
  if (!("rows" in csv)) throw new Error("the example's CSV does not parse");
  const table = readResponseTable(csv.rows, "small-en-responses.csv");
  const outcome = applyResponses(study(await readExample("small-en.json")), table.rows, {
    file: "small-en-responses.csv",
  });
  expect([...table.problems, ...outcome.problems]).toEqual([]);
  const drawn = matrixSvg(outcome.study!);
  expect(drawn).toContain('class="hypotheses"');
  expect(drawn).toBe(golden);
});
