/**
 * The client deck from the pane (actions.ts exportClientDeck): the same deck as the command line's,
 * written in the pane and offered as a download, with a notice naming the file and its slides.
 */
import { buildPlan } from "../../src/layout";
import { createMemoryHost } from "../../src/hosts/preview/memory-host";
import { ExportedFile, PPTX_MIME } from "../../src/app/later";
import { paneTexts } from "../../src/i18n/pane";
import { exportClientDeck } from "../../src/taskpane/actions";
import { deckParts, slideNames, slideText } from "../support/deck-xml";
import { segmentedStudy } from "../support/export-fixtures";

it("writes the deck in the pane and offers it as a download", async () => {
  // pptxgenjs loads node:fs by dynamic import when it sees Node; jest's sandbox refuses that (see
  // deckBytes in test/support/deck-xml.ts): Node's release name is hidden for this test.
  const release = process.release;
  Object.defineProperty(process, "release", { value: { name: "jest" }, configurable: true });
  try {
    const saved: ExportedFile[] = [];
    // Organisation and currency travel through the workbook's settings sheet to the pane's deck.
    const study = segmentedStudy({ organisation: "Incubateur du Léman", currency: "CHF" });
    const host = createMemoryHost({ initialPlan: buildPlan(study) });
    const result = await exportClientDeck(
      { host, language: "fr", texts: paneTexts("fr") },
      (file) => saved.push(file)
    );
    expect(saved).toHaveLength(1);
    expect(saved[0].mimeType).toBe(PPTX_MIME);
    expect(saved[0].fileName).toBe("Etude-client-co-SOMME-A1-A3.pptx");
    const parts = deckParts(saved[0].data as Uint8Array);
    const texts = slideNames(parts).map((name) => slideText(parts.get(name)!));
    expect(texts[0]).toContain("Étude « client » & co");
    expect(texts[0]).toContain("Incubateur du Léman");
    expect(texts.some((t) => t.includes("84\u00a0000\u00a0CHF"))).toBe(true);
    expect(texts.some((t) => t.includes("Segment : @Prudents"))).toBe(true);
    expect(result.notices.map((n) => [n.intent, n.text.replace(/\u00a0/g, " ")])).toEqual([
      [
        "success",
        `Présentation enregistrée : Etude-client-co-SOMME-A1-A3.pptx (${texts.length} diapositives, tableaux modifiables dans PowerPoint).`,
      ],
    ]);
  } finally {
    Object.defineProperty(process, "release", { value: release, configurable: true });
  }
});
