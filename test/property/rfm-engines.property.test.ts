/**
 * The two RFM engines agree: the pane's TypeScript (src/analysis/rfm-rows.ts, on cells as Excel's
 * `values` gives them) and the command line's DuckDB pipeline (src/hosts/data/transactions.ts, on
 * the same rows written as a CSV) give the same customers, totals, scores and counts of bad data —
 * on random rows with ties, equal dates, returns, duplicates, blank ids, dates in every documented
 * form (Excel serial numbers as numbers and as text, ISO with or without a time, dd/mm/yyyy, both
 * ways in French and English, dd.mm.yyyy, impossible days, years outside 1900–2199, numbers outside
 * the serial range) and amounts as numbers or texts.
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { isoOfDay } from "../../src/analysis/rfm";
import { clienteleFiguresFromRows, rfmFromRows } from "../../src/analysis/rfm-rows";
import { readTransactions } from "../../src/hosts/data/transactions";
import { configureFuzz, runs } from "../support/fuzz";

configureFuzz();

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "sm-rfm-engines-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const pad = (n: number) => String(n).padStart(2, "0");

/** A date cell in one of the forms the rule reads, or one it refuses. */
const dateCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 20000, max: 20040 }).map((day) => isoOfDay(day)) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 20000, max: 20040 })
      .map((day) => 25569 + day) // an Excel serial number, as Excel's values give it
      .chain((serial) => fc.constantFrom<string | number>(serial, serial + 0.5, String(serial))),
  },
  {
    weight: 2,
    arbitrary: fc
      // 13 in either place: a date that reads one way only, or none (13/13).
      .record({ d: fc.integer({ min: 1, max: 13 }), m: fc.integer({ min: 1, max: 13 }) })
      .chain(({ d, m }) =>
        fc.constantFrom(
          `${pad(d)}/${pad(m)}/2024`,
          `${d}/${m}/2024`,
          `${pad(d)}.${pad(m)}.2024`,
          `${pad(d)}/${pad(m)}/2024 10:30`
        )
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string | number>(
      "2024-10-05 14:30:00",
      "2024-10-05T08:00:00",
      " 2024-10-06 ",
      "2024-02-30",
      "31/02/2024",
      "00/05/2024",
      "hier",
      "",
      "0",
      "-3",
      "2958466",
      // Outside the years 1900–2199 or the serials 10000–109574, and a two-digit year.
      "9999-12-31",
      "0001-01-01",
      "1899-12-31",
      "2200-01-01",
      "31.12.2199",
      "01/01/1899",
      "03/04/25",
      "2025",
      "9999",
      "109574",
      "109575",
      2025,
      109574.5,
      109575
    ),
  }
);

/** An amount cell: mostly numbers (cents, returns, ties), sometimes texts. */
const amountCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3000, max: 20000 }).map((cents) => cents / 100) },
  { weight: 1, arbitrary: fc.constantFrom(0, 10, 10, -10) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "12,50",
      "-7,5",
      "1.234,50",
      "1,234.50",
      "€ 3",
      "4 000",
      " 15 ",
      "1e2",
      "+5",
      ".5",
      "dix",
      "NaN",
      "inf",
      "",
      "1.2,5",
      ",5",
      // A comma before three digits: decimals in French, refused as ambiguous in English.
      "1,234",
      "$1,234",
      "-12,345",
      "0,500",
      "1,2345",
      "1,234,567"
    ),
  }
);

/** Ids with ties between customers, blanks around some, numbers, and blank ones. */
const idCell = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("a", "b", "c", "d", "e", "f", "Zoé", "ÉRIC", "g h") },
  { weight: 1, arbitrary: fc.constantFrom<string | number>(" a", "b ", "\u00a0c", 42, 7.5) },
  { weight: 1, arbitrary: fc.constantFrom("", "  ") }
);

const rowsArbitrary = fc.array(fc.tuple(idCell, dateCell, amountCell), {
  minLength: 1,
  maxLength: 60,
});

/** A CSV of the rows: every non-empty field quoted (ids with blanks, amounts with commas). */
function csvOf(
  rows: readonly (readonly (string | number)[])[],
  header = "id;date;montant"
): string {
  const field = (value: string | number) => {
    const text = String(value);
    return text === "" ? "" : `"${text.replace(/"/g, '""')}"`;
  };
  return `${header}\n${rows.map((row) => row.map(field).join(";")).join("\n")}\n`;
}

let fileNumber = 0;

it("TypeScript on cells and DuckDB on the same rows give the same customers, scores and counts", async () => {
  await fc.assert(
    fc.asyncProperty(
      rowsArbitrary,
      fc.constantFrom<"fr" | "en">("fr", "en"),
      fc.option(fc.integer({ min: 20010, max: 20045 }), { nil: undefined }),
      async (rows, language, analysisDay) => {
        const file = path.join(dir, `rows-${fileNumber++}.csv`);
        await fs.writeFile(file, csvOf(rows));
        const analysisDate = analysisDay === undefined ? undefined : isoOfDay(analysisDay);
        const read = await readTransactions(file, { language, analysisDate });
        if (read.kind !== "transactions") throw new Error("read as scored customers");
        const ours = rfmFromRows(rows, { id: 0, date: 1, amount: 2 }, { language, analysisDay });
        const byId = <T extends { id: string }>(list: T[]) =>
          [...list].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
        const scored = (customers: typeof ours.customers, scores: typeof ours.scores) =>
          byId(customers.map((c, i) => ({ ...c, ...scores[i] })));
        expect(scored(ours.customers, ours.scores)).toEqual(scored(read.customers, read.scores));
        expect(ours.analysisDay).toBe(read.analysisDay);
        expect(ours.firstDay).toBe(read.firstDay);
        // Counts exactly; each example one of the texts counted (either engine may pick another).
        const { badAmounts, badDates, ambiguousDates, ...plain } = ours.counts;
        const theirs = read.counts;
        expect(plain).toEqual({
          rows: theirs.rows,
          blankIds: theirs.blankIds,
          returns: theirs.returns,
          duplicates: theirs.duplicates,
          afterAnalysis: theirs.afterAnalysis,
          returnsOnly: theirs.returnsOnly,
        });
        for (const [mine, other] of [
          [badAmounts, theirs.badAmounts],
          [badDates, theirs.badDates],
          [ambiguousDates, theirs.ambiguousDates],
        ] as const) {
          expect(mine.count).toBe(other.count);
          expect(mine.example === undefined).toBe(other.example === undefined);
        }
        await fs.rm(file);
      }
    ),
    { numRuns: runs("file", 60) }
  );
}, 120_000);

/** Clientèles: a few names (accents, case, blanks around), numbers, and none. */
const clienteleCell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<string | number>("PME", "Grands comptes", "Élus", "pme"),
  },
  { weight: 1, arbitrary: fc.constantFrom<string | number>(" PME", "Élus\u00a0", 12) },
  { weight: 2, arbitrary: fc.constantFrom("", "  ") }
);

/** Some customers keep one clientèle, others change or have none on some rows. */
const clienteleRows = fc.array(fc.tuple(idCell, dateCell, amountCell, clienteleCell), {
  minLength: 1,
  maxLength: 60,
});

it("the figures per clientèle agree between TypeScript and DuckDB (window, latest clientèle, conflicts)", async () => {
  await fc.assert(
    fc.asyncProperty(
      clienteleRows,
      fc.constantFrom<"fr" | "en">("fr", "en"),
      // Analysis days far enough apart that the 365-day window cuts some rows off.
      fc.option(fc.integer({ min: 20010, max: 20400 }), { nil: undefined }),
      async (rows, language, analysisDay) => {
        const file = path.join(dir, `clienteles-${fileNumber++}.csv`);
        await fs.writeFile(file, csvOf(rows, "id;date;montant;clientele"));
        const analysisDate = analysisDay === undefined ? undefined : isoOfDay(analysisDay);
        const read = await readTransactions(file, {
          language,
          analysisDate,
          clientele: { column: "clientele" },
        });
        if (read.kind !== "transactions") throw new Error("read as scored customers");
        const day = rfmFromRows(rows, { id: 0, date: 1, amount: 2 }, { language, analysisDay });
        expect(day.analysisDay).toBe(read.analysisDay);
        const ours = clienteleFiguresFromRows(
          rows,
          { id: 0, date: 1, amount: 2, clientele: 3 },
          { language, analysisDay: day.analysisDay }
        );
        expect(ours.figures).toEqual(read.clienteles);
        const conflict = read.problems.find((p) => p.code === "rfm-clientele-conflict");
        expect(conflict === undefined).toBe(ours.conflicts === 0);
        if (conflict)
          expect(conflict.message.en.startsWith(`${ours.conflicts} customer`)).toBe(true);
        await fs.rm(file);
      }
    ),
    { numRuns: runs("file", 60) }
  );
}, 120_000);
