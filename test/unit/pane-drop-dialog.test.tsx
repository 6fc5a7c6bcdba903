/**
 * @jest-environment jsdom
 *
 * The safety net's dialog when a rebuild drops segments' members: counted in the summary, each
 * named with its segment in the details, in the pane's language; nothing said of members when none
 * goes.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DropConfirmDialog } from "../../src/taskpane/DropConfirmDialog";
import { PendingDrop } from "../../src/taskpane/actions";
import { dropSummary } from "../../src/app/safety";
import { paneTexts } from "../../src/i18n/pane";
import { Language } from "../../src/method/levels";
import { Study, emptySegment } from "../../src/method/study";

const before: Study = {
  language: "fr",
  clienteles: [{ name: "Etudiants" }, { name: "Écoles privées" }, { name: "Artisans" }],
  needs: [{ name: "Innover" }],
  pairs: [
    { clientele: "Etudiants", need: "Innover", perception: 4, impact: 3 },
    { clientele: "Artisans", need: "Innover", perception: 2, impact: 2 },
  ],
  weights: { perception: 1, impact: 1 },
  segments: [{ ...emptySegment("Jeunes"), clienteles: ["Etudiants", "Écoles privées"] }],
};

function pendingFor(clienteles: string[]): PendingDrop {
  const lists = { clienteles, needs: ["Innover"] };
  return { lists, summary: dropSummary(before, lists), renames: [], study: before };
}

/** French non-breaking spaces read as plain ones. */
const plain = (text: string | null): string => (text ?? "").replace(/\u00a0/g, " ");

function show(pending: PendingDrop, language: Language): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <DropConfirmDialog
        pending={pending}
        texts={paneTexts(language).confirmDrop}
        language={language}
        onConfirm={() => undefined}
        onCancel={() => undefined}
      />
    </FluentProvider>
  );
}

describe("DropConfirmDialog and segments' members", () => {
  it("counts the members removed and names each with its segment (French)", () => {
    show(pendingFor(["Etudiants", "Artisans"]), "fr");
    const dialog = screen.getByRole("alertdialog");
    expect(plain(dialog.textContent)).toContain(
      "1 membre de segment retiré (les segments restent, avec le reste de leur contenu)."
    );
    fireEvent.click(screen.getByRole("button", { name: "Détail des retraits" }));
    const details = screen.getByRole("region");
    expect(plain(details.textContent)).toContain("Membres de segments retirés");
    expect(plain(details.textContent)).toContain(
      "le segment « Jeunes » perdra la clientèle « Écoles privées », retirée de la liste"
    );
    // No ticked pair goes: no empty list of pairs.
    expect(plain(details.textContent)).not.toContain("Paires perdues");
  });

  it("in English", () => {
    show(pendingFor(["Etudiants", "Artisans"]), "en");
    fireEvent.click(screen.getByRole("button", { name: "What is removed" }));
    expect(screen.getByRole("region").textContent).toContain(
      'the segment "Jeunes" will lose the clientèle "Écoles privées", removed from the list'
    );
  });

  it("says nothing of members when only pairs go", () => {
    show(pendingFor(["Etudiants", "Écoles privées"]), "fr");
    expect(plain(screen.getByRole("alertdialog").textContent)).not.toMatch(/membre/);
    fireEvent.click(screen.getByRole("button", { name: "Détail des retraits" }));
    expect(plain(screen.getByRole("region").textContent)).toContain("Paires perdues");
  });
});
