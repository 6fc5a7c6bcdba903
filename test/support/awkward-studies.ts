/**
 * Studies shaped to print badly, generated from a few knobs: one clientèle or one need, a single
 * segment, dozens of needs or offerings, names long enough to wrap, either language. What the
 * client PDF's page checks (test/e2e/client-pdf-sweep.test.ts) and the deck's continuation checks
 * run over, beside the worked example.
 */
import { ExportPart } from "../../src/layout/export";
import { Language } from "../../src/method/levels";
import { Study } from "../../src/method/study";
import { seededRandom } from "./random";
import { study } from "./workbooks";

export interface AwkwardShape {
  /** The file's base name, and what a failing test names. */
  name: string;
  language: Language;
  clienteles: number;
  needs: number;
  /** Segments, each taking a run of the clientèles (at least one each). */
  segments: number;
  offerings: number;
  /** Names of three to four words and ~40 characters, instead of two short words. */
  long?: boolean;
  /** Lines in each segment's channels, zones and personas (its card runs long). */
  lines?: number;
  /**
   * Each segment takes this many clientèles side by side (then one left out), so that the matrix
   * labels it over them; by default a segment's clientèles are scattered (every n-th).
   */
  run?: number;
  /** Every third segment's name holds a word wider than its clientèles' columns. */
  longWord?: boolean;
  /** The parts the sweep exports (default: the export's own). */
  parts?: readonly ExportPart[];
}

/** A word no narrow column holds. */
export const LONG_WORD = "Supercalifragilisticexpialidocious";

const FR_WORDS = ["Coopératives", "agricoles", "régionales", "d'accompagnement", "durable"];
const EN_WORDS = ["Regional", "agricultural", "cooperatives", "accompanying", "sustainable"];

function names(kind: string, count: number, language: Language, long: boolean): string[] {
  const words = language === "fr" ? FR_WORDS : EN_WORDS;
  return Array.from({ length: count }, (_, i) =>
    long
      ? `${kind} ${words[i % words.length]} ${words[(i + 2) % words.length]} n° ${i + 1}`
      : `${kind} ${i + 1}`
  );
}

/** The study a shape describes: every third pair rated, segments over runs of clientèles. */
export function awkwardStudy(shape: AwkwardShape): Study {
  const fr = shape.language === "fr";
  const long = shape.long ?? false;
  const clienteles = names(fr ? "Clientèle" : "Clientele", shape.clienteles, shape.language, long);
  const needs = names(fr ? "Besoin" : "Need", shape.needs, shape.language, long);
  const offerings = names(fr ? "Offre" : "Offering", shape.offerings, shape.language, long);
  const pairs = needs.flatMap((need, i) =>
    clienteles
      .map((clientele, j) => ({ clientele, need, i, j }))
      .filter(({ i, j }) => (i + 2 * j) % 3 === 0)
      .map(({ clientele, need, i, j }) => ({
        clientele,
        need,
        perception: 1 + ((i + j) % 4),
        impact: 1 + ((i * 3 + j) % 4),
        competition: (i + j) % 5,
      }))
  );
  const segmentCount = Math.min(shape.segments, clienteles.length);
  const segmentNames = names(fr ? "Segment" : "Segment", segmentCount, shape.language, long).map(
    (name, s) =>
      shape.longWord && s % 3 === 0
        ? `Segment ${s} ${LONG_WORD} ${fr ? "professionnels" : "professionals"}`
        : name
  );
  const run = shape.run;
  const lines = shape.lines ?? 1;
  const list = (what: string, s: number): string[] =>
    Array.from({ length: lines }, (_, k) => `${what} ${s + 1}.${k + 1}`);
  const segments = segmentNames.map((name, s) => {
    const members = clienteles.filter((_, j) =>
      run ? j >= s * (run + 1) && j < s * (run + 1) + run : j % segmentCount === s
    );
    return {
      name,
      type: ["segmented", "niche market", "diversified"][s % 3],
      clienteles: members,
      needs: needs.filter((need) =>
        pairs.some((p) => p.need === need && members.includes(p.clientele))
      ),
      offerings: offerings.filter((_, o) => o % segmentCount === s),
      channels: list(fr ? "Canal" : "Channel", s),
      zones: list("Zone", s),
      personas: list("Persona", s),
      size: 840000 + s * 1000,
      frequency: 1.5,
      basket: 41.8,
      checklist: ["ok", "en cours", "à faire", "à analyser"],
    };
  });
  return study({
    title: `${shape.name} — ${fr ? "étude d'essai" : "test study"}`,
    language: shape.language,
    clienteles,
    needs,
    pairs,
    weights: { perception: 1, impact: 1 },
    ...(segments.length > 0
      ? {
          offerings,
          segments,
          targets: segments.flatMap((segment) =>
            segment.offerings.map((offering) => ({ segment: segment.name, offering }))
          ),
          conquest: segmentNames,
        }
      : {}),
  });
}

/** The sweep: each shape that printed short of the page, and its neighbours, in both languages. */
export const AWKWARD_SHAPES: readonly AwkwardShape[] = [
  { name: "un-segment", language: "fr", clienteles: 4, needs: 6, segments: 1, offerings: 1 },
  { name: "une-clientele", language: "fr", clienteles: 1, needs: 5, segments: 1, offerings: 2 },
  { name: "un-besoin", language: "en", clienteles: 5, needs: 1, segments: 2, offerings: 1 },
  { name: "soixante-besoins", language: "fr", clienteles: 6, needs: 60, segments: 2, offerings: 3 },
  { name: "forty-offerings", language: "en", clienteles: 8, needs: 10, segments: 3, offerings: 40 },
  {
    name: "noms-longs",
    language: "fr",
    clienteles: 7,
    needs: 9,
    segments: 2,
    offerings: 4,
    long: true,
  },
  {
    name: "long-names",
    language: "en",
    clienteles: 3,
    needs: 4,
    segments: 1,
    offerings: 2,
    long: true,
  },
  { name: "two-by-two", language: "en", clienteles: 2, needs: 2, segments: 1, offerings: 1 },
  {
    name: "cartes-longues",
    language: "fr",
    clienteles: 5,
    needs: 8,
    segments: 2,
    offerings: 2,
    lines: 12,
  },
  // A matrix continued to the right (a segment's long label widens its one clientèle's column):
  // the legend's sentences under it, in the repeated name column, are not cut on the next page.
  {
    name: "matrix-continued",
    language: "en",
    clienteles: 4,
    needs: 60,
    segments: 4,
    offerings: 16,
    long: true,
    lines: 7,
  },
  // One column per segment: more than a page holds, printed in bands of segments (two-line names).
  {
    name: "six-segments",
    language: "fr",
    clienteles: 12,
    needs: 10,
    segments: 6,
    offerings: 6,
    long: true,
  },
  {
    name: "nine-segments",
    language: "en",
    clienteles: 14,
    needs: 12,
    segments: 9,
    offerings: 9,
    long: true,
  },
  {
    name: "douze-segments",
    language: "fr",
    clienteles: 20,
    needs: 15,
    segments: 12,
    offerings: 12,
    long: true,
    lines: 3,
  },
  // A tall, narrow targeting grid (one or two segments, 45 offerings with long names): the
  // ranking table under it runs to its right, the pages holding only offerings were narrow strips
  // without the grid's header.
  {
    name: "quarante-cinq-offres",
    language: "fr",
    clienteles: 23,
    needs: 25,
    segments: 1,
    offerings: 45,
    long: true,
    lines: 5,
  },
  {
    name: "deux-segments-45-offres",
    language: "fr",
    clienteles: 14,
    needs: 48,
    segments: 2,
    offerings: 45,
    long: true,
    lines: 10,
  },
  {
    name: "forty-five-offerings",
    language: "en",
    clienteles: 2,
    needs: 57,
    segments: 1,
    offerings: 45,
    long: true,
    lines: 10,
  },
  // Segments labelled over their clientèles (side by side): labels wider than their columns,
  // in a matrix that fits a page and in one that continues on pages to the right.
  {
    name: "etiquettes-segments",
    language: "fr",
    clienteles: 12,
    needs: 10,
    segments: 3,
    offerings: 3,
    long: true,
    run: 3,
  },
  {
    name: "long-segment-labels",
    language: "en",
    clienteles: 33,
    needs: 45,
    segments: 9,
    offerings: 9,
    run: 2,
    longWord: true,
    // The matrix and its legend: with these names the check-list's and the targeting's bands of
    // segments still end on a page holding one segment (a narrow page; not yet fixed).
    parts: ["matrix", "legend"],
  },
];

/**
 * `count` shapes drawn from a seed: from one clientèle to 24, one need to 70, one segment to 5,
 * up to 45 offerings, names short or long, cards of one to ten lines, either language.
 */
export function generatedShapes(seed: number, count: number): AwkwardShape[] {
  const random = seededRandom(seed);
  const between = (low: number, high: number): number =>
    low + Math.floor(random() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const clienteles = between(1, 24);
    return {
      name: `tirage-${seed}-${i + 1}`,
      language: random() < 0.5 ? "fr" : "en",
      clienteles,
      needs: between(1, 70),
      segments: between(1, Math.min(5, clienteles)),
      offerings: between(1, 45),
      long: random() < 0.4,
      lines: between(1, 10),
    };
  });
}
