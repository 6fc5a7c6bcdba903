/**
 * The worked example's picture, committed as a golden file so that any change to the drawing shows
 * in review. After an intended change, regenerate it:
 *   npm run cli -- image examples/exemple-incubateur.json -o examples/golden/exemple-incubateur.svg
 */
import { promises as fs } from "fs";
import path from "path";
import { matrixSvg } from "../../src/hosts/svg/matrix-svg";
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
