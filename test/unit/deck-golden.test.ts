/**
 * The worked example's deck, its slides' XML committed as golden files (the date fixed), so that
 * any change to the deck shows in review. After an intended change, write them again:
 *   GOLDEN_UPDATE=1 npx jest test/unit/deck-golden.test.ts
 */
import { promises as fs } from "fs";
import path from "path";
import { deckModel } from "../../src/layout/deck";
import { deckBytes, deckParts, slideNames } from "../support/deck-xml";
import { readExample, study } from "../support/workbooks";

const GOLDEN = path.join(__dirname, "..", "..", "examples", "golden", "exemple-incubateur-deck");
const CREATED = new Date("2026-12-07T10:00:00Z");

it("writes the worked example's slides exactly as the golden deck", async () => {
  const example = study(await readExample("exemple-incubateur.json"));
  const { model } = deckModel(example, { created: CREATED });
  const parts = deckParts(await deckBytes(model!));
  const slides = slideNames(parts);
  if (process.env.GOLDEN_UPDATE) {
    await fs.rm(GOLDEN, { recursive: true, force: true });
    await fs.mkdir(GOLDEN, { recursive: true });
    for (const name of slides)
      await fs.writeFile(path.join(GOLDEN, path.basename(name)), parts.get(name)!);
  }
  const golden = (await fs.readdir(GOLDEN)).filter((f) => f.endsWith(".xml")).sort();
  expect(slides.map((name) => path.basename(name)).sort()).toEqual(golden);
  for (const name of slides) {
    const expected = await fs.readFile(path.join(GOLDEN, path.basename(name)), "utf8");
    const written = parts.get(name)!;
    // Element by element first, so that a difference names its element.
    const writtenElements = written.split("><");
    expected
      .split("><")
      .forEach((element, i) =>
        expect(`${name} ${i}: ${writtenElements[i]}`).toBe(`${name} ${i}: ${element}`)
      );
    expect(written).toBe(expected);
  }
});
