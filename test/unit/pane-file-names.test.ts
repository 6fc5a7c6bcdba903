/** The exported files are named after the study's title, safely, whatever the title holds. */
import { fileNameOf } from "../../src/app/later";
import { study } from "../support/workbooks";

const titled = (title: string | undefined) =>
  study({ title, language: "fr", clienteles: ["A"], needs: ["B"], pairs: [] });

describe("file names from the study's title", () => {
  it("takes the title's words, accents dropped, joined by dashes", () => {
    expect(fileNameOf(titled("Incubateur — exemple de la méthode (notes)"), "matrice")).toBe(
      "Incubateur-exemple-de-la-methode-notes"
    );
    expect(fileNameOf(titled("Étude 2026 : Genève / Lausanne"), "matrice")).toBe(
      "Etude-2026-Geneve-Lausanne"
    );
    expect(fileNameOf(titled("市場 セグメント"), "matrice")).toBe("市場-セグメント");
  });

  it("never gives a path, a hidden file, a device name or an over-long name", () => {
    expect(fileNameOf(titled("../../etc/passwd"), "matrice")).toBe("etc-passwd");
    expect(fileNameOf(titled(".hidden"), "matrice")).toBe("hidden");
    expect(fileNameOf(titled("CON"), "matrice")).toBe("matrice");
    expect(fileNameOf(titled('a\\b:c*d?e"f<g>h|i'), "m")).toBe("a-b-c-d-e-f-g-h-i");
    const long = fileNameOf(titled("mot ".repeat(50)), "m");
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("-")).toBe(false);
  });

  it("falls back when the title is absent or has no letter or digit", () => {
    expect(fileNameOf(titled(undefined), "classeur")).toBe("classeur");
    expect(fileNameOf(titled("*** !!! ***"), "matrice")).toBe("matrice");
  });
});
