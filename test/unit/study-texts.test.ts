/** The study's optional organisation and currency: kept trimmed, refused with a message naming the field. */
import { validateStudy } from "../../src/method/validate";
import { studyToJson } from "../../src/layout/study-json";

const base = { clienteles: ["A"], needs: ["B"], pairs: [] };

it("keeps the organisation and the currency, trimmed, and writes them back", () => {
  const { study, problems } = validateStudy({
    ...base,
    organisation: "  Incubateur du Léman ",
    currency: " CHF ",
  });
  expect(problems).toEqual([]);
  expect(study).toMatchObject({ organisation: "Incubateur du Léman", currency: "CHF" });
  expect(studyToJson(study!)).toMatchObject({
    organisation: "Incubateur du Léman",
    currency: "CHF",
  });
  const again = validateStudy(JSON.parse(JSON.stringify(studyToJson(study!))));
  expect(again.study).toEqual(study);
});

it("treats an empty organisation or currency as none", () => {
  const { study } = validateStudy({ ...base, organisation: " ", currency: "" });
  expect(study).not.toHaveProperty("organisation");
  expect(study).not.toHaveProperty("currency");
});

it("refuses a currency or an organisation that is not a short text, naming the field", () => {
  const { study, problems } = validateStudy({
    ...base,
    currency: 756,
    organisation: "x".repeat(201),
  });
  expect(study).toBeUndefined();
  expect(problems.map((p) => [p.code, p.location?.field])).toEqual([
    ["study-text-too-long", "organisation"],
    ["study-text-not-text", "currency"],
  ]);
  expect(problems[1].message.fr).toContain("la monnaie doit être un texte");
  const control = validateStudy({ ...base, currency: "CH\u0007F" });
  expect(control.problems.map((p) => p.code)).toEqual(["study-text-bad-character"]);
  expect(validateStudy({ ...base, currency: "x".repeat(13) }).problems[0].code).toBe(
    "study-text-too-long"
  );
});
