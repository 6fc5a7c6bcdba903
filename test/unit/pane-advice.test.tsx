/**
 * @jest-environment jsdom
 *
 * The method's judgement in the pane's targeting step (issue 17): read from the workbook, each
 * warning with its code in the study's language, the suggested order with each step's reason, and
 * no warning on the worked example.
 */
import { render, screen, within } from "@testing-library/react";
import { buildPlan } from "../../src/layout";
import { planGrids } from "../../src/layout/plan-grids";
import { WorkbookSnapshot } from "../../src/hosts/host";
import { stepOf, workbookState } from "../../src/app/steps";
import { StepList } from "../../src/taskpane/StepList";
import { paneTexts } from "../../src/i18n/pane";
import { ADVICE_CODES } from "../../src/method/advice";
import { Language } from "../../src/method/levels";
import { Study } from "../../src/method/study";
import { orderStudy } from "../../src/analysis/order-study";
import exampleJson from "../../examples/exemple-incubateur.json";
import { validStudy, warnedStudy } from "../support/advice-studies";

function snapshotOf(value: Study): WorkbookSnapshot {
  const grids = planGrids(buildPlan(value));
  return { sheets: grids.sheets.map((s) => ({ name: s.name, managed: true })), grids };
}

function renderPane(value: Study, language: Language) {
  const workbook = workbookState(snapshotOf(value));
  render(
    <StepList
      texts={paneTexts(language)}
      language={language}
      workbook={workbook}
      steps={workbook.steps}
      busy={false}
      lists={null}
      onOpen={() => undefined}
      onSelect={() => undefined}
      onWeight={() => undefined}
    />
  );
  return workbook;
}

describe("the method's warnings in the pane's targeting step", () => {
  it.each([
    ["fr", "fr"],
    ["en", "fr"],
  ] as const)(
    "lists each warning with its code, in the study's language (study %s, pane %s)",
    (studyLanguage, paneLanguage) => {
      const workbook = renderPane(warnedStudy(studyLanguage), paneLanguage);
      const step = stepOf(workbook.steps, "targeting");
      expect(new Set(step.warnings.map((w) => w.code))).toEqual(new Set(ADVICE_CODES));
      const list = screen.getByRole("list", { name: paneTexts(paneLanguage).steps.methodWarnings });
      const items = within(list).getAllByRole("listitem");
      expect(items.map((item) => item.getAttribute("data-code"))).toEqual(
        step.warnings.map((w) => w.code)
      );
      expect(list.getAttribute("lang")).toBe(studyLanguage);
      const broad = items.find((item) => item.getAttribute("data-code") === "segment-too-broad")!;
      expect(broad.textContent).toContain(
        studyLanguage === "fr" ? "mon marché, c'est tout le monde" : '"my market is everyone"'
      );
      // The suggested order, each step with its reason.
      const first = step.suggestedConquest[0].segment;
      expect(screen.getByText(new RegExp(`^${first} — `))).toBeTruthy();
    }
  );

  it("says there is none on the worked example with its three candidate segments", () => {
    const example = orderStudy(validStudy(exampleJson), { segments: 3 }).ordered!.study;
    expect(example.segments).toHaveLength(3);
    const workbook = renderPane(example, "fr");
    expect(stepOf(workbook.steps, "targeting").warnings).toEqual([]);
    expect(screen.getByText(paneTexts("fr").steps.noMethodWarning)).toBeTruthy();
    expect(screen.queryByRole("list", { name: paneTexts("fr").steps.methodWarnings })).toBeNull();
  });
});

describe("the checklist step points out quantification items that disagree with their figures", () => {
  const todo = Array(11).fill("à faire");
  const mismatched = (language: Language): Study =>
    validStudy({
      language,
      clienteles: ["c1"],
      needs: ["n1"],
      pairs: [{ clientele: "c1", need: "n1" }],
      segments: [
        { name: "Chiffré", size: 10, checklist: todo }, // size entered, its item to do
        { name: "Coché", checklist: [...todo.slice(0, 10), "ok"] }, // basket Ok, no basket
        { name: "D'accord", basket: 3, checklist: [...todo.slice(0, 10), "ok"] },
      ],
    });

  it.each(["fr", "en"] as const)("names each one, in the study's language (%s)", (language) => {
    const workbook = renderPane(mismatched(language), "fr");
    const step = stepOf(workbook.steps, "segments");
    expect(step.quantification.map((p) => p.code)).toEqual([
      "quantification-figure-not-ok",
      "quantification-ok-without-figure",
    ]);
    const list = screen.getByRole("list", {
      name: paneTexts("fr").steps.quantificationMismatches,
    });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    // (French spacing puts a no-break space inside the guillemets.)
    expect(items[0].textContent).toMatch(language === "fr" ? /«\staille\s»/u : /"size"/);
    expect(items[0].textContent).toContain("Chiffré");
    expect(items[1].textContent).toMatch(
      language === "fr" ? /«\spanier moyen\s»/u : /"average basket"/
    );
    expect(items[1].textContent).toContain("Coché");
  });

  it("says nothing when items and figures agree", () => {
    const agreeing = mismatched("fr");
    const workbook = renderPane({ ...agreeing, segments: agreeing.segments!.slice(2) }, "fr");
    expect(stepOf(workbook.steps, "segments")).toMatchObject({ segments: 1, quantification: [] });
    expect(
      screen.queryByRole("list", { name: paneTexts("fr").steps.quantificationMismatches })
    ).toBeNull();
  });
});
