/**
 * Each rule of the method is written twice by construction — a TypeScript function and the Excel
 * formula generated from the same definition (src/method/) — so a real spreadsheet application
 * holds them together: one workbook holds, for every case of every rule's table
 * (test/support/rule-cases.ts), the inputs and the formula; LibreOffice recalculates it; each
 * result must be what the TypeScript rule gives for that case.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import path from "path";
import { markCountFormula } from "../../src/method/marks";
import { COMPETITION } from "../../src/method/levels";
import {
  competitionFormula,
  trimmedSizeFormula,
  meanScoreFormula,
  potentialFormula,
  figuresFromData,
  figuresSourceFormula,
  segmentPotential,
} from "../../src/method/segment-figures";
import {
  STRATEGIES,
  isSegmentReady,
  okCount,
  okCountFormula,
  readyFormula,
  strategyFormula,
} from "../../src/method/segments";
import { pairScore, scoreFormula } from "../../src/method/score";
import { isMark } from "../../src/method/marks";
import { GridValue } from "../../src/layout/grids";
import { recalculate } from "../support/libreoffice";
import {
  CHECKLIST_CASES,
  MARK_CASES,
  MEAN_SCORE_CASES,
  POTENTIAL_CASES,
  SOURCE_CASES,
  SCORE_CASES,
  STRATEGY_CASES,
  caseStatuses,
  casePairs,
  CLIENTELES,
  NEEDS,
  tsMeanScore,
  tsStrategy,
  COMPETITION_CASES,
  QUANTIFICATION_CASES,
  tsCompetition,
  TRIM_CASES,
  tsTrimmedSize,
} from "../support/rule-cases";
import { figureEnteredFormula, quantificationMismatchFormula } from "../../src/method/segments";
import { unzip } from "../support/unzip";
import { tempDir } from "../support/workbooks";

jest.setTimeout(180000);

/** A1 address of (row, col), both 1-based. */
const at = (row: number, col: number): string => `${String.fromCharCode(64 + col)}${row}`;

/**
 * Each sheet's XML in a workbook LibreOffice wrote, by sheet name. Read here rather than through
 * ExcelJS, which leaves out a formula's cached 0 or FALSE, or the add-in's reader, which reads only
 * its own sheets. (This file is the test's own output, not untrusted input.)
 */
function sheetXml(file: Buffer): Map<string, string> {
  const parts = unzip(file);
  const text = (name: string): string => parts.get(name)?.toString("utf8") ?? "";
  const targets = new Map<string, string>();
  for (const rel of text("xl/_rels/workbook.xml.rels").split("<Relationship ").slice(1)) {
    const id = /Id="([^"]+)"/.exec(rel)?.[1];
    const target = /Target="([^"]+)"/.exec(rel)?.[1];
    if (id && target) targets.set(id, `xl/${target.replace(/^\/?xl\//, "")}`);
  }
  const sheets = new Map<string, string>();
  for (const sheet of text("xl/workbook.xml").split("<sheet ").slice(1)) {
    const name = /name="([^"]+)"/.exec(sheet)?.[1];
    const id = /r:id="([^"]+)"/.exec(sheet)?.[1];
    const part = id && targets.get(id);
    if (name && part) sheets.set(name, text(part));
  }
  return sheets;
}

/** The cached result of the formula at `address`: a number, a boolean, a text, or null. */
function formulaResult(xml: string, address: string): GridValue {
  const start = xml.indexOf(`<c r="${address}"`);
  if (start < 0) return null;
  const cell = xml.slice(start, xml.indexOf("</c>", start));
  const type = /^<c [^>]*t="([a-z]+)"/.exec(cell)?.[1] ?? "n";
  const from = cell.indexOf("<v>");
  if (from < 0) return null;
  const raw = cell.slice(from + 3, cell.indexOf("</v>", from));
  if (type === "b") return raw === "1";
  if (type === "n") return Number(raw);
  return raw
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** What a formula cell shows, with "" (however LibreOffice stores it) as undefined. */
function shown(value: GridValue): GridValue | undefined {
  return value === "" || value === null ? undefined : value;
}

/** Writes a text or number, leaving empty texts as blank cells (as a consultant leaves them). */
function put(sheet: ExcelJS.Worksheet, address: string, value: string | number | undefined): void {
  if (value === undefined || value === "") return;
  sheet.getCell(address).value = value;
}

function formula(sheet: ExcelJS.Worksheet, address: string, text: string): void {
  sheet.getCell(address).value = { formula: text, date1904: false } as ExcelJS.CellFormulaValue;
}

/** The cells each case's result lands in, by rule. */
interface Layout {
  score: string[];
  mark: string[];
  mean: string[];
  competition: string[];
  trimmed: string[];
  quantification: string[];
  potential: string[];
  source: string[];
  okCount: string[];
  ready: string[];
  strategy: { fr: string; en: string }[];
}

function rulesWorkbook(): { workbook: ExcelJS.Workbook; layout: Layout } {
  const workbook = new ExcelJS.Workbook();
  const layout: Layout = {
    score: [],
    mark: [],
    mean: [],
    competition: [],
    trimmed: [],
    quantification: [],
    potential: [],
    source: [],
    okCount: [],
    ready: [],
    strategy: [],
  };

  const score = workbook.addWorksheet("Score");
  SCORE_CASES.forEach((c, i) => {
    const r = i + 1;
    put(score, at(r, 1), c.perception);
    put(score, at(r, 2), c.impact);
    put(score, at(r, 3), c.weights.perception);
    put(score, at(r, 4), c.weights.impact);
    formula(score, at(r, 5), scoreFormula(at(r, 1), at(r, 2), at(r, 3), at(r, 4)));
    layout.score.push(at(r, 5));
  });

  const mark = workbook.addWorksheet("Mark");
  MARK_CASES.forEach((c, i) => {
    put(mark, at(i + 1, 1), c.text);
    formula(mark, at(i + 1, 2), markCountFormula(at(i + 1, 1)));
    layout.mark.push(at(i + 1, 2));
  });

  // A 3 × 3 matrix (needs down B–D), the clientèle marks in F and the need marks in G.
  const mean = workbook.addWorksheet("Mean");
  MEAN_SCORE_CASES.forEach((c, i) => {
    const r = i * 4 + 1;
    for (const pair of casePairs(c)) {
      const address = at(r + NEEDS.indexOf(pair.need), 2 + CLIENTELES.indexOf(pair.clientele));
      if (pair.perception !== undefined && pair.impact !== undefined)
        put(mean, address, pairScore(pair.perception, pair.impact, c.weights));
      else formula(mean, address, '""'); // ticked, not rated: the matrix shows ""
    }
    c.clienteleMarks.forEach((m, k) => put(mean, at(r + k, 6), m));
    c.needMarks.forEach((m, k) => put(mean, at(r + k, 7), m));
    formula(
      mean,
      at(r, 8),
      meanScoreFormula(
        `${at(r, 2)}:${at(r + 2, 4)}`,
        `${at(r, 6)}:${at(r + 2, 6)}`,
        `${at(r, 7)}:${at(r + 2, 7)}`
      )
    );
    layout.mean.push(at(r, 8));
  });

  // Per case: clientèle headings in B–D of its first row, need headings in A below them, the
  // ratings rows' keys in F and competition labels in G, the marks in H and I, the scale in L.
  const competition = workbook.addWorksheet("Competition");
  COMPETITION.levels.forEach((level, k) => put(competition, at(k + 1, 12), level.fr));
  const KEY_ROW_FACTOR = 16384;
  COMPETITION_CASES.forEach((c, i) => {
    const r = i * 11 + 1; // up to ten ratings rows, then a blank row
    CLIENTELES.forEach((name, k) => put(competition, at(r, 2 + k), name));
    NEEDS.forEach((name, k) => put(competition, at(r + 1 + k, 1), name));
    const key = (clientele: number, need: number): number =>
      (r + 1 + need) * KEY_ROW_FACTOR + 2 + clientele;
    const rows: [number | undefined, number | undefined][] = [
      ...c.pairs.map(([cl, n, level]): [number, number | undefined] => [key(cl, n), level]),
      ...(c.unticked ?? []).map(([, , level]): [undefined, number] => [undefined, level]),
    ];
    rows.forEach(([k, level], j) => {
      if (k === undefined) formula(competition, at(r + j, 6), '""');
      else put(competition, at(r + j, 6), k);
      if (level !== undefined) put(competition, at(r + j, 7), COMPETITION.levels[level].fr);
    });
    c.clienteleMarks.forEach((m, k) => put(competition, at(r + k, 8), m));
    c.needMarks.forEach((m, k) => put(competition, at(r + k, 9), m));
    formula(
      competition,
      at(r, 10),
      competitionFormula({
        keys: `${at(r, 6)}:${at(r + 9, 6)}`,
        competitions: `${at(r, 7)}:${at(r + 9, 7)}`,
        levels: `$L$1:$L$${COMPETITION.levels.length}`,
        levelCount: COMPETITION.levels.length,
        keyRowFactor: KEY_ROW_FACTOR,
        matrixNeeds: `${at(r + 1, 1)}:${at(r + 3, 1)}`,
        matrixClienteles: `${at(r, 2)}:${at(r, 4)}`,
        clienteleMarks: `${at(r, 8)}:${at(r + 2, 8)}`,
        needMarks: `${at(r, 9)}:${at(r + 2, 9)}`,
      })
    );
    layout.competition.push(at(r, 10));
  });

  // The population in A, the kept shares in B–D (blank where a step is), the size in E.
  const trimmed = workbook.addWorksheet("Trimmed");
  TRIM_CASES.forEach((c, i) => {
    const r = i + 1;
    put(trimmed, at(r, 1), c.population);
    c.keeps.forEach((keep, k) => put(trimmed, at(r, 2 + k), keep));
    formula(
      trimmed,
      at(r, 5),
      trimmedSizeFormula(
        at(r, 1),
        [2, 3, 4].map((k) => at(r, k))
      )
    );
    layout.trimmed.push(at(r, 5));
  });

  // The status in A, the figure in B, whether they disagree in C.
  const quantification = workbook.addWorksheet("Quantification");
  QUANTIFICATION_CASES.forEach((c, i) => {
    put(quantification, at(i + 1, 1), c.status);
    put(quantification, at(i + 1, 2), c.figure);
    formula(
      quantification,
      at(i + 1, 3),
      quantificationMismatchFormula(at(i + 1, 1), figureEnteredFormula(at(i + 1, 2)))
    );
    layout.quantification.push(at(i + 1, 3));
  });

  const potential = workbook.addWorksheet("Potential");
  POTENTIAL_CASES.forEach((c, i) => {
    const r = i + 1;
    put(potential, at(r, 1), c.size);
    put(potential, at(r, 2), c.frequency);
    put(potential, at(r, 3), c.basket);
    formula(
      potential,
      at(r, 4),
      potentialFormula(
        at(r, 1),
        at(r, 3),
        [1, 2, 3].map((k) => at(r, k))
      )
    );
    layout.potential.push(at(r, 4));
  });

  // Size, frequency, basket in A–C as typed now, the source's text in D.
  const source = workbook.addWorksheet("Source");
  SOURCE_CASES.forEach((c, i) => {
    const r = i + 1;
    put(source, at(r, 1), c.cells.size);
    put(source, at(r, 2), c.cells.frequency);
    put(source, at(r, 3), c.cells.basket);
    formula(
      source,
      at(r, 4),
      figuresSourceFormula(
        { size: at(r, 1), frequency: at(r, 2), basket: at(r, 3) },
        c.data,
        c.figures,
        "données",
        "modifiés"
      )
    );
    layout.source.push(at(r, 4));
  });

  // Eleven statuses in B–L, their Ok count in M, "ready" in N.
  const checklist = workbook.addWorksheet("Checklist");
  CHECKLIST_CASES.forEach((c, i) => {
    const r = i + 1;
    c.cells.forEach((cell, k) => put(checklist, at(r, 2 + k), cell));
    formula(checklist, at(r, 13), okCountFormula(`${at(r, 2)}:${at(r, 12)}`));
    formula(checklist, at(r, 14), readyFormula(at(r, 13)));
    layout.okCount.push(at(r, 13));
    layout.ready.push(at(r, 14));
  });

  // Segment names in B–D, offerings in A, marks below, counts per offering in E and per segment
  // under the marks, the strategy in F (French) and G (English).
  const strategy = workbook.addWorksheet("Strategy");
  STRATEGY_CASES.forEach((c, i) => {
    const r = i * 6 + 1;
    c.segments.forEach((name, k) => put(strategy, at(r, 2 + k), name));
    c.offerings.forEach((name, k) => {
      put(strategy, at(r + 1 + k, 1), name);
      [...c.marks[k]].forEach((m, j) => put(strategy, at(r + 1 + k, 2 + j), m === "." ? "" : m));
      formula(
        strategy,
        at(r + 1 + k, 5),
        markCountFormula(`${at(r + 1 + k, 2)}:${at(r + 1 + k, 4)}`)
      );
    });
    for (let j = 0; j < 3; j++)
      formula(
        strategy,
        at(r + 4, 2 + j),
        markCountFormula(`${at(r + 1, 2 + j)}:${at(r + 3, 2 + j)}`)
      );
    const cells = (language: "fr" | "en", col: number): string => {
      formula(
        strategy,
        at(r + 1, col),
        strategyFormula(
          `${at(r + 4, 2)}:${at(r + 4, 4)}`,
          `${at(r + 1, 5)}:${at(r + 3, 5)}`,
          { segments: `${at(r, 2)}:${at(r, 4)}`, offerings: `${at(r + 1, 1)}:${at(r + 3, 1)}` },
          language
        )
      );
      return at(r + 1, col);
    };
    layout.strategy.push({ fr: cells("fr", 6), en: cells("en", 7) });
  });
  return { workbook, layout };
}

describe("each rule's Excel formula, recalculated by LibreOffice, gives what its TypeScript rule gives", () => {
  let recalculated: Map<string, string>;
  let layout: Layout;

  beforeAll(async () => {
    const built = rulesWorkbook();
    layout = built.layout;
    const file = path.join(await tempDir("sm-rules-"), "rules.xlsx");
    await built.workbook.xlsx.writeFile(file);
    recalculated = sheetXml(await fs.readFile(await recalculate(file)));
  });

  const value = (sheet: string, address: string): GridValue | undefined => {
    const xml = recalculated.get(sheet);
    if (!xml) throw new Error(`no sheet ${sheet}`);
    return shown(formulaResult(xml, address));
  };

  it.each(
    SCORE_CASES.map(
      (c, i) =>
        [
          `${c.perception} × ${c.impact}, weights ${c.weights.perception}/${c.weights.impact}`,
          c,
          i,
        ] as const
    )
  )("score: %s", (_label, c, i) => {
    expect(value("Score", layout.score[i])).toBe(pairScore(c.perception, c.impact, c.weights));
  });

  it.each(MARK_CASES.map((c, i) => [JSON.stringify(c.text), c, i] as const))(
    "mark: %s",
    (_label, c, i) => {
      expect(value("Mark", layout.mark[i])).toBe(isMark(c.text) ? 1 : 0);
    }
  );

  it.each(MEAN_SCORE_CASES.map((c, i) => [c.label, c, i] as const))(
    "mean score: %s",
    (_label, c, i) => {
      const expected = tsMeanScore(c);
      const got = value("Mean", layout.mean[i]);
      if (expected === undefined) expect(got).toBeUndefined();
      else expect(got).toBeCloseTo(expected, 10);
    }
  );

  it.each(COMPETITION_CASES.map((c, i) => [c.label, c, i] as const))(
    "competition: %s",
    (_label, c, i) => {
      const expected = tsCompetition(c);
      const got = value("Competition", layout.competition[i]);
      if (expected === undefined) expect(got).toBeUndefined();
      else expect(got).toBeCloseTo(expected, 10);
    }
  );

  it.each(QUANTIFICATION_CASES.map((c, i) => [JSON.stringify(c), c, i] as const))(
    "quantification item against its figure: %s",
    (_label, c, i) => {
      // LibreOffice stores a formula's FALSE as 0 or as a boolean: both are "no mismatch".
      const got = value("Quantification", layout.quantification[i]);
      expect(got === true || got === 1).toBe(c.mismatch);
    }
  );

  it.each(TRIM_CASES.map((c, i) => [c.label, c, i] as const))(
    "trimmed size: %s",
    (_label, c, i) => {
      expect(value("Trimmed", layout.trimmed[i])).toBe(tsTrimmedSize(c));
    }
  );

  it.each(POTENTIAL_CASES.map((c, i) => [JSON.stringify(c), c, i] as const))(
    "potential: %s",
    (_label, c, i) => {
      const expected = segmentPotential(c);
      const got = value("Potential", layout.potential[i]);
      if (expected === undefined) expect(got).toBeUndefined();
      else {
        expect(typeof got).toBe("number");
        expect(Math.abs((got as number) - expected)).toBeLessThanOrEqual(
          Math.abs(expected) * 1e-14
        );
      }
    }
  );

  it.each(SOURCE_CASES.map((c, i) => [c.label, c, i] as const))(
    "figures' source: %s",
    (_label, c, i) => {
      const expected = figuresFromData(c.cells, c.data, c.figures) ? "données" : "modifiés";
      expect(value("Source", layout.source[i])).toBe(expected);
    }
  );

  it.each(CHECKLIST_CASES.map((c, i) => [c.label, c, i] as const))(
    "checklist: %s",
    (_label, c, i) => {
      const statuses = caseStatuses(c);
      expect(value("Checklist", layout.okCount[i])).toBe(okCount(statuses));
      expect(value("Checklist", layout.ready[i])).toBe(isSegmentReady(statuses));
    }
  );

  it.each(STRATEGY_CASES.map((c, i) => [c.label, c, i] as const))(
    "strategy: %s",
    (_label, c, i) => {
      const expected = tsStrategy(c);
      expect(value("Strategy", layout.strategy[i].fr)).toBe(expected && STRATEGIES[expected].fr);
      expect(value("Strategy", layout.strategy[i].en)).toBe(expected && STRATEGIES[expected].en);
    }
  );
});
