/**
 * fast-check generators of study files as a consultant or a tool could write them: names from the
 * whole of Unicode (astral characters, combining marks, right-to-left text, formula-looking and
 * number-looking texts, Excel's own escapes), untrimmed, types and statuses in either language,
 * every optional part present, empty or absent. `validStudy` pairs each raw file with the study
 * validateStudy makes of it; the properties compare what a workbook gives back with that.
 */
import fc from "fast-check";
import { CLIENTELE_TYPES, Kind, NEED_TYPES } from "../../src/method/levels";
import {
  CHECKLIST_ITEMS,
  CHECKLIST_STATUSES,
  GROWTH_LEVERS,
  SEGMENT_TYPES,
} from "../../src/method/segments";
import { PESTEL_FACTORS, SWOT_PARTS, TRIM_FAMILIES } from "../../src/method/diagnostics";
import { NAME_MAX_LENGTH, Study, nameKey } from "../../src/method/study";
import { STUDY_TEXT_MAX } from "../../src/method/checks/study-texts";
import { validateStudy } from "../../src/method/validate";
import { SIZES } from "./fuzz";

/** Texts a spreadsheet, a formula engine or an XML writer may take for something else. */
const TRICKY = [
  "=",
  "+",
  "-",
  "@",
  "*",
  "?",
  "~",
  "<",
  ">",
  '"',
  "'",
  "&",
  "&amp;",
  "]]>",
  "=1+1",
  "=SUM(A1:A2)",
  "+33 6",
  "-1",
  "@user",
  "2024",
  "0012",
  "1e5",
  "1,5",
  "TRUE",
  "FALSE",
  "#N/A",
  "#REF!",
  "A1",
  "$B$2",
  "SM_Matrix",
  "X",
  "x",
  "✓ Ok",
  "\t",
  "\n",
  " ",
  "\u00a0",
  "\u3000",
  "\u200b",
  "\ufeff",
  "_x000D_",
  "_x0041_",
  "_x005F_",
  "_x005F_x0041_",
  "_x",
  "_xD83D_",
  "é",
  "e\u0301",
  "É",
  "ß",
  "İ",
  "ﬁ",
  "Σς",
  "مرحبا",
  "שלום",
  "\u200f",
  "\u202e",
  "🚀",
  "👩‍👩‍👧",
  "𝔘𝔫𝔦",
  "\u{10ffff}",
  "\u0301",
  "\\",
  "%",
];

/** Whether a code point may stand in a cell as it is (the rule validate.ts states, restated). */
function storable(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a;
  if (code === 0x7f || code === 0xfffe || code === 0xffff) return false;
  return code < 0xd800 || code > 0xdfff;
}

const codePoint = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .integer({ min, max })
    .filter(storable)
    .map((code) => String.fromCodePoint(code));

/** One piece of a text: mostly ordinary letters, often something awkward. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: codePoint(0x20, 0x7e) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: codePoint(0xa0, 0x2fff) },
  { weight: 1, arbitrary: codePoint(0x0300, 0x036f) },
  { weight: 1, arbitrary: codePoint(0x3000, 0xfffd) },
  { weight: 1, arbitrary: codePoint(0x10000, 0x10ffff) },
  { weight: 1, arbitrary: codePoint(0x80, 0x9f) }
);

/** At most `max` UTF-16 units, never cutting a surrogate pair in two. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}

const blank = fc.constantFrom("", "", "", " ", "  ", "\t", " \n", "\u00a0");

/**
 * A name as typed: surrounding blanks, its core up to 255 characters (sometimes exactly), never
 * blank once trimmed. Line feeds are kept inside names: a cell holds them.
 */
export const rawName: fc.Arbitrary<string> = fc
  .tuple(
    blank,
    fc.array(piece, { minLength: 1, maxLength: 12 }),
    fc.oneof(
      { weight: 9, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) }
    ),
    blank
  )
  .map(([before, pieces, long, after]) => {
    let core = pieces.join("");
    if (long) while (core.length < NAME_MAX_LENGTH) core += core;
    return before + cut(core, NAME_MAX_LENGTH) + after;
  })
  .filter((name) => name.trim() !== "");

/** A free text (a comment, a plan, a title): line feeds allowed, up to a few thousand characters. */
export function rawText(options: { lineFeeds: boolean }): fc.Arbitrary<string> {
  return fc
    .tuple(
      blank,
      fc.array(piece, { minLength: 0, maxLength: 30 }),
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(1) },
        { weight: 1, arbitrary: fc.integer({ min: 20, max: 120 }) }
      ),
      blank
    )
    .map(([before, pieces, repeat, after]) => {
      const text = before + pieces.join("").repeat(repeat).slice(0, 4000) + after;
      return options.lineFeeds ? text : text.replace(/\n/g, " ");
    })
    .map((text) => cut(text, 4000));
}

/** A one-line text of at most `max` characters (code points) once trimmed, blanks around. */
function shortText(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(blank, fc.array(piece, { maxLength: max }), blank)
    .map(([before, pieces, after]) => {
      const core = [...pieces.join("").replace(/\n/g, " ")].slice(0, max).join("");
      return before + core + after;
    });
}

/** A kind as a person may write it: French, English, any case, with spaces around. */
function kindLabel(kinds: readonly Kind[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...kinds), fc.constantFrom("fr", "en", "canonical"), fc.nat(3))
    .map(([kind, language, style]) => {
      const label = language === "fr" ? kind.fr : language === "en" ? kind.en : kind.canonical;
      return [label, label.toUpperCase(), ` ${label} `, label.toLowerCase()][style];
    });
}

/** A reference to a name: as listed, trimmed, or in another case or normal form meaning the same. */
export function reference(name: string): fc.Arbitrary<string> {
  const variants = [name, name.trim(), name.toUpperCase(), name.normalize("NFD"), ` ${name}\t`];
  // Upper case may lengthen a name (ß → SS) past the limit: only variants still valid.
  return fc.constantFrom(
    ...variants.filter((v) => nameKey(v) === nameKey(name) && v.trim().length <= NAME_MAX_LENGTH)
  );
}

/** One value from each arbitrary, as an array (none for none). */
function each<T>(arbitraries: fc.Arbitrary<T>[]): fc.Arbitrary<T[]> {
  return arbitraries.length === 0
    ? fc.constant<T[]>([])
    : fc.tuple(...arbitraries).map((values) => [...values]);
}

const references = (names: readonly string[]): fc.Arbitrary<string[]> =>
  fc.shuffledSubarray([...names]).chain((picked) => each(picked.map(reference)));

/** A figure of zero or more: whole, with cents, any double, rarely one near Excel's largest. */
export const figure: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(1_000_000) },
  { weight: 3, arbitrary: fc.nat(100_000_000).map((n) => n / 100) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1e12, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 1e100, max: Number.MAX_VALUE, noNaN: true }) }
);

/** A weight from 0 to 5: whole, with decimals, -0 (JSON allows it). */
const weight: fc.Arbitrary<number> = fc.oneof(
  fc.nat(5),
  fc.nat(500).map((n) => n / 100),
  fc.double({ min: 0, max: 5, noNaN: true }),
  fc.constant(-0)
);

/** Sometimes absent, sometimes empty: an empty list must mean the same as none. */
function optionalList<T>(list: fc.Arbitrary<T[]>): fc.Arbitrary<T[] | undefined> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant<T[]>([]) },
    { weight: 4, arbitrary: list }
  );
}

const option = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arbitrary, { nil: undefined });

type RawItem = string | { name: string; type?: string };

function items(kinds: readonly Kind[], max: number): fc.Arbitrary<RawItem[]> {
  return fc.uniqueArray(
    fc
      .tuple(rawName, option(kindLabel(kinds)), fc.boolean())
      .map(([name, type, plain]): RawItem => (type === undefined && plain ? name : { name, type })),
    {
      minLength: 1,
      maxLength: max,
      selector: (item) => nameKey(typeof item === "string" ? item : item.name),
    }
  );
}

const itemName = (item: RawItem): string => (typeof item === "string" ? item : item.name);

const level = (min: number, max: number): fc.Arbitrary<number | undefined> =>
  option(fc.integer({ min, max }));

const status = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...CHECKLIST_STATUSES),
      fc.constantFrom("canonical", "fr", "en", "symbol")
    )
    .map(([s, form]) => s[form as "canonical" | "fr" | "en" | "symbol"]),
  fc.constantFrom(null, "", "  ")
);

/** A study file as JSON would hold it (before validation). */
export interface RawStudy {
  title?: string;
  language?: string;
  clienteles: RawItem[];
  needs: RawItem[];
  pairs?: Record<string, unknown>[];
  weights?: { perception?: number; impact?: number };
  offerings?: string[];
  segments?: Record<string, unknown>[];
  targets?: { segment: string; offering: string }[];
  conquest?: string[];
  organisation?: string;
  currency?: string;
  pestel?: Partial<Record<string, string[]>>;
}

export interface Sizes {
  items: number;
  offerings: number;
  segments: number;
  listEntries: number;
}

function segment(
  name: string,
  lists: { clienteles: string[]; needs: string[]; offerings: string[] },
  sizes: Sizes
): fc.Arbitrary<Record<string, unknown>> {
  const texts = optionalList(
    fc.array(rawText({ lineFeeds: false }), { maxLength: sizes.listEntries })
  );
  return (
    fc
      .record(
        {
          type: option(kindLabel(SEGMENT_TYPES)),
          clienteles: optionalList(references(lists.clienteles)),
          needs: optionalList(references(lists.needs)),
          offerings: optionalList(references(lists.offerings)),
          channels: texts,
          zones: texts,
          successFactors: texts,
          attributes: texts,
          personas: texts,
          size: option(figure),
          frequency: option(figure),
          basket: option(figure),
          checklist: optionalList(fc.array(status, { maxLength: CHECKLIST_ITEMS.length })),
          plans: option(
            fc.record(
              Object.fromEntries(
                GROWTH_LEVERS.map((lever) => [lever.id, rawText({ lineFeeds: true })])
              ) as Record<string, fc.Arbitrary<string>>,
              { requiredKeys: [] }
            )
          ),
          population: option(figure),
          trims: optionalList(fc.array(trim, { maxLength: 3 })),
          swot: option(
            textLists(
              SWOT_PARTS.map((part) => part.id),
              sizes
            )
          ),
          risks: texts,
          figuresSource: option(figuresSource),
        },
        { requiredKeys: [] }
      )
      // With a population the size is computed: a size given besides would have to be that one.
      .map(({ size, ...fields }) => ({
        name,
        ...withoutUndefined(fields.population === undefined ? { ...fields, size } : fields),
      }))
  );
}

/**
 * Where a segment's figures come from (`rfm … --study`): a day of the calendar from 1900 to 9999
 * and any count of customers a study file holds exactly, the largest included.
 */
const figuresSource = fc.record({
  asOf: fc
    .integer({ min: Date.UTC(1900, 0, 1) / 86400000, max: Date.UTC(9999, 11, 31) / 86400000 })
    .map((day) => new Date(day * 86400000).toISOString().slice(0, 10)),
  customers: fc.oneof(
    fc.nat(100000),
    fc.constant(Number.MAX_SAFE_INTEGER),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
  ),
});

/** A trimming criterion: a family in any spelling the study file reads, a share from 0 to 1. */
const trim = fc.record({
  family: fc.constantFrom(
    ...TRIM_FAMILIES.flatMap((f) => [f.canonical, f.fr, f.en, ...f.aliases]),
    "ou",
    "WHO"
  ),
  criterion: rawText({ lineFeeds: false }).filter((text) => text.trim() !== ""),
  keep: fc.oneof(
    fc.constantFrom(0, 1, 0.5),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.nat(100).map((n) => n / 100)
  ),
});

/** A SWOT or a PESTEL: some of its lists, each sometimes empty. */
function textLists(
  ids: readonly string[],
  sizes: Sizes
): fc.Arbitrary<Partial<Record<string, string[]>>> {
  return fc.record(
    Object.fromEntries(
      ids.map((id) => [
        id,
        fc.array(rawText({ lineFeeds: false }), { maxLength: sizes.listEntries }),
      ])
    ),
    { requiredKeys: [] }
  );
}

function withoutUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined)
  ) as Partial<T>;
}

/** Any valid study file, of at most `sizes` (12 × 12 in CI). */
export function rawStudy(sizes: Sizes = SIZES): fc.Arbitrary<RawStudy> {
  return fc
    .record({
      title: option(rawText({ lineFeeds: true })),
      language: option(fc.constantFrom("fr", "en", " EN ", "Fr")),
      clienteles: items(CLIENTELE_TYPES, sizes.items),
      needs: items(NEED_TYPES, sizes.items),
      weights: option(fc.record({ perception: weight, impact: weight }, { requiredKeys: [] })),
      offerings: optionalList(
        fc.uniqueArray(rawName, { maxLength: sizes.offerings, selector: nameKey })
      ),
      segmentNames: fc.uniqueArray(rawName, { maxLength: sizes.segments, selector: nameKey }),
      organisation: option(shortText(STUDY_TEXT_MAX.organisation)),
      currency: option(
        fc.oneof(fc.constantFrom("CHF", "€", "EUR", " $ ", "£", "R$", "2024"), shortText(12))
      ),
    })
    .chain(({ segmentNames, ...base }) => {
      const clienteles = base.clienteles.map(itemName);
      const needs = base.needs.map(itemName);
      const offerings = base.offerings ?? [];
      const cells = clienteles.flatMap((clientele) => needs.map((need) => ({ clientele, need })));
      const pairs = fc.shuffledSubarray(cells).chain((picked) =>
        each(
          picked.map((cell) =>
            fc
              .record({
                clientele: reference(cell.clientele),
                need: reference(cell.need),
                perception: level(1, 4),
                impact: level(1, 4),
                competition: level(0, 4),
                comment: option(rawText({ lineFeeds: true })),
              })
              .map((pair): Record<string, unknown> => withoutUndefined(pair))
          )
        )
      );
      const segments = each(
        segmentNames.map((name) => segment(name, { clienteles, needs, offerings }, sizes))
      );
      const targetCells = segmentNames.flatMap((s) =>
        offerings.map((offering) => ({ segment: s, offering }))
      );
      const targets = fc
        .shuffledSubarray(targetCells)
        .chain((picked) =>
          each(
            picked.map((t) =>
              fc.record({ segment: reference(t.segment), offering: reference(t.offering) })
            )
          )
        );
      return fc
        .record({
          pairs: optionalList(pairs),
          segments: segmentNames.length === 0 ? optionalList(segments) : segments,
          targets: optionalList(targets),
          conquest: optionalList(references(segmentNames)),
          pestel: option(
            textLists(
              PESTEL_FACTORS.map((factor) => factor.id),
              sizes
            )
          ),
        })
        .map((rest) => withoutUndefined({ ...base, ...rest }) as RawStudy);
    });
}

/** A raw study file and the study validation makes of it. */
export interface StudyCase {
  raw: RawStudy;
  study: Study;
}

/** Valid studies, each printed short when a property fails (see `describeStudy`). */
export function validStudy(sizes: Sizes = SIZES): fc.Arbitrary<StudyCase> {
  return rawStudy(sizes).map((raw) => {
    const { study, problems } = validateStudy(raw);
    if (!study)
      throw new Error(
        `the generator made a study validation refuses: ${JSON.stringify(problems.map((p) => p.message.en))}\n${describeStudy(raw)}`
      );
    return printable({ raw, study }, () => describeStudy(raw));
  });
}

/** Gives a value the short description fast-check prints for a counter-example. */
export function printable<T extends object>(value: T, show: () => string): T {
  return Object.assign(value, { [fc.toStringMethod]: show });
}

/**
 * A study (or raw file) in one readable block: every character outside printable ASCII as \u{…}
 * (so that a tab, a combining mark or an invisible character can be seen), long texts shortened.
 */
export function describeStudy(study: unknown): string {
  const shown = (text: string): string => {
    const short = text.length > 48 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
    return [...short]
      .map((ch) => {
        const code = ch.codePointAt(0) as number;
        return code >= 0x20 && code <= 0x7e ? ch : `\\u{${code.toString(16)}}`;
      })
      .join("");
  };
  return JSON.stringify(
    study,
    (_key, value: unknown) =>
      typeof value === "string"
        ? shown(value)
        : typeof value === "number" && Object.is(value, -0)
          ? "-0"
          : value,
    1
  )
    .replace(/\\\\u\{/g, "\\u{")
    .replace(/\n\s*/g, " ");
}
