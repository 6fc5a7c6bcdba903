/**
 * @jest-environment jsdom
 *
 * The question before the responses change what the consultant typed: every hand-made tick or
 * rating changed before → after, the names the study lacks, the rows not counted, in the pane's
 * language; the main button says whether names are added; each button answers once.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ResponsesDialog } from "../../src/taskpane/ResponsesDialog";
import { PendingResponses } from "../../src/taskpane/responses-actions";
import { Language } from "../../src/method/levels";

const plain = (text: string | null): string => (text ?? "").replace(/\u00a0/g, " ");

const PENDING: PendingResponses = {
  sheet: "Réponses",
  handMade: [
    {
      clientele: "Artisans",
      need: "Financement",
      before: { ticked: true, perception: 2, impact: 2 },
      after: { ticked: true, perception: 4, impact: 3 },
      handMade: true,
    },
    {
      clientele: "Banques",
      need: "Locaux",
      before: { ticked: true, perception: 3, impact: 3 },
      after: { ticked: false },
      handMade: true,
    },
  ],
  unknown: { clienteles: ["Notaires"], needs: [] },
  badRows: 2,
  key: "k",
  threshold: 0.5,
};

function show(pending: PendingResponses, language: Language) {
  const answers: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ResponsesDialog
        pending={pending}
        language={language}
        onConfirm={() => answers.push("confirm")}
        onCancel={() => answers.push("cancel")}
      />
    </FluentProvider>
  );
  return answers;
}

describe("ResponsesDialog", () => {
  it("lists the hand-made values changed, before → after, and the names to add (French)", () => {
    const answers = show(PENDING, "fr");
    const dialog = screen.getByRole("alertdialog");
    const text = plain(dialog.textContent);
    expect(text).toContain("Les réponses changent 2 paires saisies à la main (avant → après).");
    expect(text).toContain("Elles nomment 1 clientèle ou besoin absent de l'étude");
    expect(text).toContain("2 lignes ne sont pas comptées");
    const region = plain(screen.getByRole("region").textContent);
    expect(region).toContain("Clientèle « Notaires »");
    expect(region).toContain(
      "(« Artisans », « Financement ») : perception 2 → 4, impact 2 → 3 (saisie à la main)"
    );
    expect(region).toContain(
      "(« Banques », « Locaux ») : coche retirée (était perception 3, impact 3) (saisie à la main)"
    );
    fireEvent.click(screen.getByRole("button", { name: "Ajouter ces noms et intégrer" }));
    expect(answers).toEqual(["confirm"]);
  });

  it("offers Integrate when no name is added, and Cancel answers no (English)", () => {
    const answers = show({ ...PENDING, unknown: { clienteles: [], needs: [] }, badRows: 0 }, "en");
    const text = plain(screen.getByRole("alertdialog").textContent);
    expect(text).toContain("The responses change 2 pairs typed by hand (before → after).");
    expect(text).not.toContain("not counted");
    expect(screen.queryByRole("button", { name: "Add these names and integrate" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(answers).toEqual(["cancel"]);
    expect(screen.getByRole("button", { name: "Integrate" })).toBeTruthy();
  });
});
