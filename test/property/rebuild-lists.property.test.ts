/**
 * Construire over a workbook that holds a study never loses the consultant's work: for any valid
 * study, building from the workbook's own lists gives back the whole study, field by field
 * (STUDY_FIELDS, so a field added to Study is covered with no edit here); building from fewer names
 * changes only the lists, the pairs and the segments' members whose names went, and says each
 * member dropped, naming its segment.
 */
import fc from "fast-check";
import { buildPlan, readStudy } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { WorkbookSnapshot } from "../../src/hosts/host";
import { buildFromLists } from "../../src/app/operations";
import { STUDY_FIELDS, Study, nameKey } from "../../src/method/study";
import { TIMEOUT, configureFuzz, runs } from "../support/fuzz";
import { quoteEn } from "../../src/messages";
import { errorsOf } from "../support/study-canonical";
import { validStudy } from "../support/study-arbitraries";

configureFuzz();

/** The workbook a study builds, and the study it holds (as a refresh reads it). */
function workbookOf(study: Study): { snapshot: WorkbookSnapshot; held: Study } {
  const grids = planGrids(buildPlan(study));
  const { study: held, problems } = readStudy(grids);
  if (!held) throw new Error(errorsOf(problems).join("\n"));
  return {
    snapshot: { sheets: grids.sheets.map((s) => ({ name: s.name, managed: true })), grids },
    held,
  };
}

const names = (items: readonly { name: string }[]): string[] => items.map((item) => item.name);

describe("Construire keeps the study the workbook holds", () => {
  it(
    "the same lists: every field of the study kept, no member said dropped",
    () => {
      fc.assert(
        fc.property(validStudy(), ({ study }) => {
          const { snapshot, held } = workbookOf(study);
          const other = held.language === "fr" ? "en" : "fr";
          const outcome = buildFromLists(
            snapshot,
            names(held.clienteles),
            names(held.needs),
            other
          );
          expect(errorsOf(outcome.problems)).toEqual([]);
          expect(outcome.problems.map((p) => p.code)).not.toContain("segment-member-dropped");
          for (const field of STUDY_FIELDS)
            expect([field, outcome.study?.[field]]).toStrictEqual([field, held[field]]);
        }),
        { numRuns: runs("memory", 100) }
      );
    },
    TIMEOUT
  );

  it(
    "fewer names: only the lists, their pairs and the members that went change; each member said",
    () => {
      // The names kept are drawn from the lists the workbook holds (the study case prints short).
      const withSubsets = validStudy().chain((studyCase) => {
        const { held } = workbookOf(studyCase.study);
        return fc.record({
          studyCase: fc.constant(studyCase),
          clienteles: fc.subarray(names(held.clienteles), { minLength: 1 }),
          needs: fc.subarray(names(held.needs), { minLength: 1 }),
        });
      });
      fc.assert(
        fc.property(withSubsets, ({ studyCase, clienteles, needs }) => {
          const { snapshot, held } = workbookOf(studyCase.study);
          const outcome = buildFromLists(snapshot, clienteles, needs, held.language);
          expect(errorsOf(outcome.problems)).toEqual([]);
          const after = outcome.study as Study;
          const keepC = new Set(clienteles.map(nameKey));
          const keepN = new Set(needs.map(nameKey));
          const changed: readonly string[] = ["clienteles", "needs", "pairs", "segments"];
          for (const field of STUDY_FIELDS.filter((f) => !changed.includes(f)))
            expect([field, after[field]]).toStrictEqual([field, held[field]]);
          expect(names(after.clienteles)).toEqual(clienteles);
          expect(names(after.needs)).toEqual(needs);
          expect(after.pairs).toStrictEqual(
            held.pairs.filter((p) => keepC.has(nameKey(p.clientele)) && keepN.has(nameKey(p.need)))
          );
          const lost: string[] = [];
          const expected = held.segments?.map((segment) => {
            const kept = (list: "clienteles" | "needs", keep: Set<string>): string[] =>
              segment[list].filter((member) => {
                if (keep.has(nameKey(member))) return true;
                lost.push(`${segment.name}\u0000${member}`);
                return false;
              });
            return {
              ...segment,
              clienteles: kept("clienteles", keepC),
              needs: kept("needs", keepN),
            };
          });
          expect(after.segments).toStrictEqual(expected);
          const said = outcome.problems.filter((p) => p.code === "segment-member-dropped");
          expect(said).toHaveLength(lost.length);
          said.forEach((problem, i) => {
            const [segment, member] = lost[i].split("\u0000");
            expect(problem.message.en).toContain(quoteEn(segment));
            expect(problem.message.en).toContain(quoteEn(member));
          });
        }),
        { numRuns: runs("memory", 100) }
      );
    },
    TIMEOUT
  );
});
