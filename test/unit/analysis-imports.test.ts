/** src/analysis runs in the browser pane too: it imports only itself and the method. */
import { promises as fs } from "fs";
import path from "path";

it("src/analysis imports nothing from Node, Office, React or ExcelJS", async () => {
  const folder = path.join(__dirname, "..", "..", "src", "analysis");
  const files = (await fs.readdir(folder)).filter((name) => name.endsWith(".ts"));
  expect(files.length).toBeGreaterThanOrEqual(6);
  let checked = 0;
  for (const name of files) {
    const source = await fs.readFile(path.join(folder, name), "utf8");
    // Import statements start a line; require() and import() may sit anywhere.
    const imported = [
      ...source.matchAll(/^import\s[^;]*?["']([^"']+)["'];/gm),
      ...source.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']/g),
    ].map((match) => match[1]);
    checked += imported.length;
    for (const module of imported)
      expect([name, module]).toEqual([
        name,
        expect.stringMatching(/^\.\/|^\.\.\/(method|messages)(\/|$)/),
      ]);
  }
  expect(checked).toBeGreaterThan(10);
});
