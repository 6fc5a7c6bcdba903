/**
 * Studies made to raise the method's warnings (docs/method.md §9.2), shared by the tests of Ciblage
 * and of the pane. No ExcelJS here, so that the jsdom tests can use them.
 */
import { Language } from "../../src/method/levels";
import { Study } from "../../src/method/study";
import { validateStudy } from "../../src/method/validate";

/** A valid study, or the test stops with what validation said. */
export function validStudy(input: unknown): Study {
  const { study, problems } = validateStudy(input);
  if (!study) throw new Error(JSON.stringify(problems));
  return study;
}

/** A study that raises all six warnings at once. */
export function warnedStudy(language: Language): Study {
  return validStudy({
    language,
    clienteles: ["c1", "c2", "c3", "c4", "c5"],
    needs: ["n1", "n2"],
    pairs: [
      ...["c1", "c2", "c3"].map((c) => ({ clientele: c, need: "n1", competition: 4 })),
      { clientele: "c4", need: "n2", competition: 0 },
      { clientele: "c5", need: "n2", competition: 0 },
    ],
    segments: [
      // Three of the five clientèles with an X: too broad; its pairs' competition 4: busy.
      { name: "Tout le monde", clienteles: ["c1", "c2", "c3"], needs: ["n1"] },
      { name: "Désert", clienteles: ["c4"], needs: ["n2"], size: 1, frequency: 1, basket: 1 },
      { name: "S3", clienteles: ["c5"], needs: ["n1"], size: 1, frequency: 1, basket: 1 },
      { name: "S4", clienteles: ["c5"], needs: ["n2"], size: 1, frequency: 1, basket: 1 },
    ],
    offerings: ["O1", "O2"],
    // Every segment targeted with every offering: full coverage, four targets, no conquest order;
    // the first segment has no potential. (In the order the sheet reads them: offering by offering.)
    targets: ["O1", "O2"].flatMap((offering) =>
      ["Tout le monde", "Désert", "S3", "S4"].map((segment) => ({ segment, offering }))
    ),
  });
}
