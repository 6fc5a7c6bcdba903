/** The aggregation of responses (docs/method.md §3.3), on hand-made answers with a known result. */
import { parseCsv } from "../../src/analysis/csv";
import {
  ResponseCell,
  applyResponses,
  medianLevel,
  readResponseTable,
} from "../../src/analysis/responses";
import { DEFAULT_WEIGHTS, Study } from "../../src/method/study";

const FILE = "réponses.csv";

function study(): Study {
  return {
    language: "fr",
    clienteles: [{ name: "Artisans" }, { name: "Banques" }],
    needs: [{ name: "Financement" }, { name: "Locaux" }, { name: "Réseau" }],
    pairs: [
      {
        clientele: "Artisans",
        need: "Financement",
        perception: 2,
        impact: 2,
        comment: "vu en mai",
      },
      { clientele: "Artisans", need: "Réseau", perception: 3, impact: 1, competition: 2 },
      { clientele: "Banques", need: "Locaux" },
    ],
    weights: DEFAULT_WEIGHTS,
  };
}

const HEADER = ["respondent", "clientele", "need", "feels", "perception", "impact", "competition"];

/** Rows as a survey export gives them; the header is row 1. */
const ANSWERS: ResponseCell[][] = [
  HEADER,
  // (Artisans, Financement): 3 of 4 feel it; perceptions 4, 3, 4 → 4; impacts 3, 2, 4 → 3.
  ["r1", "Artisans", "Financement", "X", 4, 3, ""],
  ["r2", "artisans ", "financement", "oui", "3", "Faible", ""],
  ["r3", "Artisans", "Financement", "", 1, 1, 0],
  ["r4", "ARTISANS", "Financement", "yes", "fort ressenti", "High", "tres forte"],
  // (Artisans, Locaux): 2 of 4, exactly the threshold; perceptions 2 and 3 → 3 (half up).
  ["r1", "Artisans", "Locaux", "1", 2, "", ""],
  ["r2", "Artisans", "Locaux", "oui", 3, "", ""],
  ["r3", "Artisans", "Locaux", "non", 4, 4, 4],
  ["r4", "Artisans", "Locaux", "0", "", "", ""],
  // (Banques, Locaux): 1 of 3: the hand-made tick goes.
  ["r1", "Banques", "Locaux", "no", "", "", ""],
  ["r2", "Banques", "Locaux", "", "", "", ""],
  ["r3", "Banques", "Locaux", "X", 4, 4, 4],
  // (Banques, Financement): r4 skipped it; 3 of 3 feel it, none rated.
  ["r1", "Banques", "Financement", "x", "", "", ""],
  [],
  ["r2", "Banques", "Financement", "X", "", "", ""],
  ["r3", "Banques", "Financement", true, null, null, null],
];

describe("medianLevel", () => {
  it("takes the middle value, and with an even count the mean of the two middle ones rounded half up", () => {
    expect(medianLevel([])).toBeUndefined();
    expect(medianLevel([3])).toBe(3);
    expect(medianLevel([4, 1, 3])).toBe(3);
    expect(medianLevel([2, 3])).toBe(3);
    expect(medianLevel([3, 1])).toBe(2);
    expect(medianLevel([1, 4, 1, 4])).toBe(3);
    expect(medianLevel([0, 1])).toBe(1);
    expect(medianLevel([2, 2, 1, 1])).toBe(2);
  });
});

describe("applyResponses", () => {
  const table = readResponseTable(ANSWERS, FILE);

  it("reads every row, with labels in either language and without accents", () => {
    expect(table.problems).toEqual([]);
    expect(table.badRows).toEqual([]);
    expect(table.rows).toHaveLength(14);
    const r4 = table.rows.find((r) => r.respondent === "r4" && r.need === "Financement");
    expect(r4?.levels).toEqual({ perception: 4, impact: 4, competition: 4 });
    expect(table.rows[14 - 1].row).toBe(16);
  });

  it("gives the known ticks, ratings and evidence", () => {
    const outcome = applyResponses(study(), table.rows, { file: FILE, source: "Enquête mai" });
    expect(outcome.problems).toEqual([]);
    expect(outcome.backed).toBe(4);
    expect(outcome.ticked).toBe(3);
    expect(outcome.study?.pairs).toEqual([
      {
        clientele: "Artisans",
        need: "Financement",
        perception: 4,
        impact: 3,
        competition: 4,
        comment: "vu en mai",
        evidence: { n: 4, feel: 0.75, source: "Enquête mai" },
      },
      // Not mentioned: kept as it was, a hypothesis without evidence.
      { clientele: "Artisans", need: "Réseau", perception: 3, impact: 1, competition: 2 },
      {
        clientele: "Artisans",
        need: "Locaux",
        perception: 3,
        evidence: { n: 4, feel: 0.5, source: "Enquête mai" },
      },
      {
        clientele: "Banques",
        need: "Financement",
        evidence: { n: 3, feel: 1, source: "Enquête mai" },
      },
    ]);
  });

  it("lists each tick and rating it changes, before → after, in the table's order", () => {
    const outcome = applyResponses(study(), table.rows, { file: FILE });
    expect(outcome.changes).toEqual([
      {
        clientele: "Artisans",
        need: "Financement",
        before: { ticked: true, perception: 2, impact: 2 },
        after: { ticked: true, perception: 4, impact: 3, competition: 4 },
        handMade: true,
      },
      {
        clientele: "Artisans",
        need: "Locaux",
        before: { ticked: false },
        after: { ticked: true, perception: 3 },
        handMade: true,
      },
      {
        clientele: "Banques",
        need: "Financement",
        before: { ticked: false },
        after: { ticked: true },
        handMade: true,
      },
      {
        clientele: "Banques",
        need: "Locaux",
        before: { ticked: true },
        after: { ticked: false },
        handMade: true,
      },
    ]);
    // No source given: the evidence has none.
    expect(outcome.study?.pairs[0].evidence).toEqual({ n: 4, feel: 0.75 });
  });

  it("applies the threshold: at 0.8 only the pair all feel is ticked", () => {
    const outcome = applyResponses(study(), table.rows, { file: FILE, threshold: 0.8 });
    expect(outcome.study?.pairs.map((p) => [p.clientele, p.need])).toEqual([
      ["Artisans", "Réseau"],
      ["Banques", "Financement"],
    ]);
  });

  it("changes nothing and lists nothing when the responses agree with the study", () => {
    const first = applyResponses(study(), table.rows, { file: FILE });
    const again = applyResponses(first.study as Study, table.rows, { file: FILE });
    expect(again.changes).toEqual([]);
    expect(again.study?.pairs).toEqual(first.study?.pairs);
  });

  it("refuses clientèles and needs the study lacks, listed, unless asked to add them", () => {
    const rows = readResponseTable(
      [
        HEADER,
        ["a", "Artisans", "Export", "X"],
        ["b", "Cafés", "Locaux", "X"],
        ["c", "cafés", "export", ""],
      ],
      FILE
    ).rows;
    const refused = applyResponses(study(), rows, { file: FILE });
    expect(refused.study).toBeUndefined();
    expect(refused.problems.map((p) => [p.code, p.severity, p.message.en])).toEqual([
      [
        "responses-unknown-name",
        "error",
        'row 3: the clientèle "Cafés" is not in the study: correct the name (case and surrounding spaces do not matter), or add --add-new to add it',
      ],
      [
        "responses-unknown-name",
        "error",
        'row 2: the need "Export" is not in the study: correct the name (case and surrounding spaces do not matter), or add --add-new to add it',
      ],
    ]);
    const added = applyResponses(study(), rows, { file: FILE, addNew: true });
    expect(added.problems.map((p) => [p.code, p.severity])).toEqual([
      ["responses-name-added", "warning"],
      ["responses-name-added", "warning"],
    ]);
    expect(added.study?.clienteles.map((c) => c.name)).toEqual(["Artisans", "Banques", "Cafés"]);
    expect(added.study?.needs.map((c) => c.name)).toEqual([
      "Financement",
      "Locaux",
      "Réseau",
      "Export",
    ]);
    expect(added.study?.pairs.slice(3)).toEqual([
      { clientele: "Artisans", need: "Export", evidence: { n: 1, feel: 1 } },
      { clientele: "Cafés", need: "Locaux", evidence: { n: 1, feel: 1 } },
    ]);
    // (Cafés, Export): nobody feels it, so no tick and no change to list.
    expect(added.backed).toBe(3);
    expect(added.ticked).toBe(2);
  });
});

describe("readResponseTable", () => {
  it("reads French headers in any case, with or without accents, from a French Excel CSV", () => {
    const csv =
      "\uFEFFREPONDANT;Clientèle;besoin;Ressent;Perception;IMPACT;concurrence\r\n" +
      'Jeanne;Artisans;Financement;oui;"Fort ressenti";Moyen;Inexistante\r\n' +
      'Paul;"Artisans";"Financement";non;;;\r\n';
    const parsed = parseCsv(csv, 1000);
    if (!("rows" in parsed)) throw new Error("not parsed");
    const table = readResponseTable(parsed.rows, FILE);
    expect(table.problems).toEqual([]);
    expect(table.rows).toEqual([
      {
        row: 2,
        respondent: "Jeanne",
        clientele: "Artisans",
        need: "Financement",
        feels: true,
        levels: { perception: 4, impact: 3, competition: 0 },
      },
      {
        row: 3,
        respondent: "Paul",
        clientele: "Artisans",
        need: "Financement",
        feels: false,
        levels: {},
      },
    ]);
  });

  it("counts and names each bad row by its number, and counts none of them", () => {
    const table = readResponseTable(
      [
        HEADER,
        ["r1", "Artisans", "Financement", "X", 5, "", ""], // 2: perception 5 does not exist
        ["", "Artisans", "Financement", "X", 3, "", ""], // 3: no respondent
        ["r2", "Artisans", "Financement", "peut-être", "", "", ""], // 4: feels unknown
        ["r3", "Artisans", "Financement", "X", "", "Énorme", ""], // 5: impact unknown
        ["r4", "Artisans", "Financement", "X", 2, "", ""], // 6: answered again at 8
        ["r5", "Artisans", "Financement", "X", 2, "", ""], // 7: counted
        ["R4 ", "artisans", "financement", "", "", "", ""], // 8: the same respondent again
        ["r6", "", "Financement", "X", "", "", ""], // 9: no clientèle
        ["r7", "Artisans", "Financement", "X", "", "", -1], // 10: competition -1
      ],
      FILE
    );
    expect(table.badRows).toEqual([2, 3, 4, 5, 6, 8, 9, 10]);
    expect(table.rows.map((r) => r.row)).toEqual([7]);
    expect(table.problems.map((p) => [p.code, p.severity])).toEqual([
      ["response-level-unknown", "warning"],
      ["response-respondent-empty", "warning"],
      ["response-feels-unknown", "warning"],
      ["response-level-unknown", "warning"],
      ["response-answered-twice", "warning"],
      ["response-name-empty", "warning"],
      ["response-level-unknown", "warning"],
    ]);
    expect(table.problems[0].message.fr).toMatch(
      /^ligne 2 : « 5 » n'est pas un niveau de « Degré de perception du besoin »/
    );
    expect(table.problems[4].message.en).toMatch(
      /^row 8: respondent "R4" already answers for the pair \("artisans", "financement"\) at row 6/
    );
  });

  it("refuses a table without the columns it needs, naming them", () => {
    const table = readResponseTable(
      [
        ["", ""],
        ["répondant", "clientèle", "perception"],
      ],
      FILE
    );
    expect(table.problems.map((p) => p.message.en)).toEqual([
      expect.stringMatching(/^row 2 \(headers\): the column "need" \(or "besoin"\) is missing/),
      expect.stringMatching(/^row 2 \(headers\): the column "feels" \(or "ressent"\) is missing/),
    ]);
    expect(readResponseTable([HEADER], FILE).problems[0].code).toBe("responses-no-rows");
    expect(readResponseTable([], FILE).problems[0].code).toBe("responses-no-rows");
  });
});
