/**
 * What a workbook cannot keep is refused up front, naming the item, never changed silently:
 * names that are the same but for case or normal form, and entries of a segment's lists (channels,
 * zones…) that hold a line feed (the workbook keeps a list in one cell, one entry per line).
 */
import fc from "fast-check";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { validateStudy } from "../../src/method/validate";
import { TIMEOUT, configureFuzz, runs } from "../support/fuzz";
import { describeStudy, printable, rawStudy, reference } from "../support/study-arbitraries";
import { errorsOf } from "../support/study-canonical";

configureFuzz();

const LISTS = ["channels", "zones", "successFactors", "attributes", "personas"] as const;

/** A valid study file with one entry of one segment's list cut by a line feed. */
const withLineFeed = rawStudy()
  .filter((raw) => (raw.segments ?? []).length > 0)
  .chain((raw) =>
    fc
      .record({
        segment: fc.nat(raw.segments!.length - 1),
        list: fc.constantFrom(...LISTS),
        before: fc.constantFrom("a", "Web", "=1", "🚀"),
        after: fc.constantFrom("b", "salons", "+2", "é"),
        breaker: fc.constantFrom("\n", " \n ", "\n\n", "\t\n"),
      })
      .map((cut) => {
        const copy = structuredClone(raw);
        const segment = copy.segments![cut.segment];
        const entries = Array.isArray(segment[cut.list]) ? (segment[cut.list] as string[]) : [];
        segment[cut.list] = [...entries, `${cut.before}${cut.breaker}${cut.after}`];
        return printable(
          { raw: copy, segment: cut.segment, list: cut.list, index: entries.length },
          () => describeStudy(copy)
        );
      })
  );

describe("what a workbook cannot keep is refused, naming the item", () => {
  it(
    "a line feed inside an entry of a segment's list: refused at that entry, not split",
    () => {
      fc.assert(
        fc.property(withLineFeed, ({ raw, segment, list, index }) => {
          const { study, problems } = validateStudy(raw);
          expect(study).toBeUndefined();
          // Only that: targets and conquest naming the refused segment wait until it is right.
          expect(problems.filter((p) => p.severity === "error")).toEqual([
            expect.objectContaining({
              code: "segment-text-line-feed",
              location: { file: undefined, field: `segments[${segment}].${list}[${index}]` },
            }),
          ]);
        }),
        { numRuns: runs("memory", 60) }
      );
    },
    TIMEOUT
  );

  it("line feeds around an entry are only blanks: trimmed, accepted, read back", () => {
    const { study, problems } = validateStudy({
      clienteles: ["C"],
      needs: ["N"],
      segments: [{ name: "S", channels: ["\nWeb\n", " \n"] }],
    });
    expect(errorsOf(problems)).toEqual([]);
    expect(study?.segments?.[0].channels).toEqual(["Web"]);
    expect(readStudy(planGrids(buildPlan(study!))).study).toStrictEqual(study);
  });

  it(
    "a name repeated but for case, normal form or blanks: refused as a duplicate",
    () => {
      const duplicated = rawStudy()
        .chain((raw) =>
          fc
            .record({
              field: fc.constantFrom("clienteles", "needs", "offerings", "segments"),
              pick: fc.nat(),
            })
            .chain(({ field, pick }) => {
              const list =
                field === "segments"
                  ? (raw.segments ?? []).map((s) => s.name as string)
                  : field === "offerings"
                    ? (raw.offerings ?? [])
                    : raw[field].map((item) => (typeof item === "string" ? item : item.name));
              if (list.length === 0) return fc.constant(undefined);
              return reference(list[pick % list.length]).map((again) => ({ raw, field, again }));
            })
        )
        .filter((c) => c !== undefined)
        .map((c) => printable(c!, () => `${c!.field} + ${JSON.stringify(c!.again)}`));
      fc.assert(
        fc.property(duplicated, ({ raw, field, again }) => {
          const copy = structuredClone(raw);
          if (field === "segments") copy.segments = [...(copy.segments ?? []), { name: again }];
          else if (field === "offerings") copy.offerings = [...(copy.offerings ?? []), again];
          else copy[field] = [...copy[field], again];
          const { study, problems } = validateStudy(copy);
          expect(study).toBeUndefined();
          const code = field === "segments" ? "segment-duplicate" : `${field}-duplicate`;
          expect(problems.filter((p) => p.severity === "error").map((p) => p.code)).toContain(code);
        }),
        { numRuns: runs("memory", 60) }
      );
    },
    TIMEOUT
  );
});
