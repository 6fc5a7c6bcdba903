/**
 * @jest-environment jsdom
 *
 * *Intégrer les réponses* through the pane's hook over the memory host: the first click adds the
 * sheet, rows typed in it and a hand-made rating they change raise the question, Cancel changes
 * nothing, confirming rebuilds with the evidence.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { buildPlan } from "../../src/layout";
import { RESPONSES_SHEET } from "../../src/layout/sheets/responses";
import { createMemoryHost } from "../../src/hosts/preview/memory-host";
import { currentStudy } from "../../src/app/operations";
import { usePane } from "../../src/taskpane/use-pane";
import { validateStudy } from "../../src/method/validate";

globalThis.structuredClone ??= (value) => JSON.parse(JSON.stringify(value));

const plain = (text: string | undefined): string => (text ?? "").replace(/\u00a0/g, " ");

const STUDY = validateStudy({
  clienteles: ["Artisans", "Banques"],
  needs: ["Locaux"],
  pairs: [{ clientele: "Banques", need: "Locaux", perception: 1, impact: 1 }],
}).study!;

it("adds the sheet, asks before changing a hand-made rating, and integrates once confirmed", async () => {
  const host = createMemoryHost({ initialPlan: buildPlan(STUDY) });
  const { result } = renderHook(() => usePane(host, "fr"));
  await waitFor(() => expect(result.current.starting).toBe(false));
  expect(result.current.canIntegrate).toBe(true);

  act(() => result.current.integrateResponses());
  await waitFor(() => expect(result.current.busy).toBe(false));
  expect(plain(result.current.notices[0]?.text)).toMatch(/^Feuille « Réponses » ajoutée/);

  ["p1", "Banques", "Locaux", "X", 4, 4].forEach((value, i) =>
    host.workbook.edit("Réponses", RESPONSES_SHEET.firstRow, i + 1, value)
  );
  act(() => result.current.integrateResponses());
  await waitFor(() => expect(result.current.pendingResponses).toBeDefined());
  expect(result.current.pendingResponses?.handMade).toHaveLength(1);

  act(() => result.current.cancelResponses());
  expect(result.current.pendingResponses).toBeUndefined();
  expect(currentStudy(host.workbook.snapshot()).study?.pairs[0].perception).toBe(1);

  act(() => result.current.integrateResponses());
  await waitFor(() => expect(result.current.pendingResponses).toBeDefined());
  act(() => result.current.confirmResponses());
  await waitFor(() => expect(plain(result.current.notices[0]?.title)).toBe("Réponses intégrées"));
  expect(result.current.pendingResponses).toBeUndefined();
  expect(currentStudy(host.workbook.snapshot()).study?.pairs).toEqual([
    {
      clientele: "Banques",
      need: "Locaux",
      perception: 4,
      impact: 4,
      evidence: { n: 1, feel: 1, source: "Réponses" },
    },
  ]);
});
