/**
 * @jest-environment jsdom
 *
 * The pane's state and actions over the memory host, without a browser: the hook rendered alone
 * (renderHook), as Fluent UI v9 tests its components' hooks.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { buildPlan } from "../../src/layout";
import { NAMES } from "../../src/layout";
import { createMemoryHost } from "../../src/hosts/preview/memory-host";
import { PaneHost } from "../../src/hosts/host";
import { stepOf } from "../../src/app/steps";
import { usePane } from "../../src/taskpane/use-pane";
import { LATER } from "../../src/app/later";
import exampleJson from "../../examples/exemple-incubateur.json";
import { validateStudy } from "../../src/method/validate";
import { Study } from "../../src/method/study";

/** A valid study (no ExcelJS here: the jsdom environment cannot load it). */
function study(input: unknown): Study {
  const { study: valid, problems } = validateStudy(input);
  if (!valid) throw new Error(JSON.stringify(problems));
  return valid;
}

// jsdom has no structuredClone; Node's is the same algorithm.
globalThis.structuredClone ??= (value) => JSON.parse(JSON.stringify(value));

const rated = study({
  clienteles: ["Etudiants", "Hautes écoles", "Acteurs durables"],
  needs: ["Innover", "Se former"],
  pairs: [
    { clientele: "Etudiants", need: "Innover", perception: 4, impact: 3 },
    { clientele: "Acteurs durables", need: "Innover", perception: 2, impact: 2 },
    { clientele: "Hautes écoles", need: "Se former" },
  ],
});

/** French non-breaking spaces read as plain ones. */
const plain = (text: string | undefined): string => (text ?? "").replace(/\u00a0/g, " ");

async function started(host: PaneHost) {
  const hook = renderHook(() => usePane(host, "fr"));
  await waitFor(() => expect(hook.result.current.starting).toBe(false));
  return hook;
}

describe("usePane over the memory host", () => {
  it("builds from typed lists once, names the next step and asks for the focus on the main action", async () => {
    const host = createMemoryHost();
    const render = jest.spyOn(host, "render");
    const { result } = await started(host);
    expect(result.current.workbook?.hasStudy).toBe(false);
    expect(result.current.canBuild).toBe(false);

    act(() => {
      result.current.setField("clienteles", "Etudiants\nHautes écoles");
      result.current.setField("needs", "Innover");
    });
    expect(result.current.lists.clienteles.names).toEqual(["Etudiants", "Hautes écoles"]);
    expect(result.current.canBuild).toBe(true);

    act(() => {
      result.current.build();
      result.current.build(); // a double click starts nothing more
    });
    await waitFor(() => expect(result.current.workbook?.hasStudy).toBe(true));
    expect(render).toHaveBeenCalledTimes(1);
    expect(result.current.busy).toBe(false);
    const [success] = result.current.notices;
    expect(plain(success.title)).toBe(
      "Classeur construit : 2 clientèles × 1 besoin, 0 paire cochée dont 0 notée."
    );
    expect(plain(success.text)).toMatch(/^Prochaine étape : dans « Qui ressent quoi »/);
    expect(success.open?.sheet).toBe("Qui ressent quoi");
    expect(result.current.focus).toBe("main");
  });

  it("keeps a bad list on its field, focuses it and writes nothing", async () => {
    const host = createMemoryHost();
    const render = jest.spyOn(host, "render");
    const { result } = await started(host);
    act(() => {
      result.current.setField("clienteles", "Etudiants\n etudiants");
      result.current.setField("needs", "Innover");
    });
    // Not said while typing: only once a build is tried.
    expect(result.current.fieldErrors.clienteles).toEqual([]);
    act(() => result.current.build());
    expect(result.current.fieldErrors.clienteles).toHaveLength(1);
    expect(plain(result.current.fieldErrors.clienteles[0].message.fr)).toMatch(
      /^Clientèles, ligne 2 :/
    );
    expect(result.current.focus).toBe("clienteles");
    expect(render).not.toHaveBeenCalled();
  });

  it("follows the consultant's edits in the workbook: live counts", async () => {
    const host = createMemoryHost({ initialPlan: buildPlan(rated) });
    const { result } = await started(host);
    expect(stepOf(result.current.workbook?.steps ?? [], "ticks").ticks).toBe(3);
    act(() => host.workbook.edit("Qui ressent quoi", 7, 3, "X")); // Etudiants × Se former
    await waitFor(() =>
      expect(stepOf(result.current.workbook?.steps ?? [], "ticks").ticks).toBe(4)
    );
    expect(stepOf(result.current.workbook?.steps ?? [], "ratings").rowsMissing).toBe(1);
  });

  it("shows the share of rated pairs backed by responses, read from the workbook, and follows n", async () => {
    const backed = study({
      ...JSON.parse(JSON.stringify(rated)),
      pairs: rated.pairs.map((pair, i) =>
        i < 2 ? { ...pair, evidence: { n: i === 0 ? 9 : 4, feel: 1 } } : pair
      ),
    });
    const host = createMemoryHost({ initialPlan: buildPlan(backed) });
    const { result } = await started(host);
    const evidence = () => stepOf(result.current.workbook?.steps ?? [], "matrix").evidence;
    expect(evidence()).toEqual({ rated: 2, backed: 2, medianN: 6.5 });
    // (Etudiants, Innover) is the ratings table's first row; its n is column I.
    act(() => host.workbook.edit("Évaluation", 5, 9, ""));
    await waitFor(() => expect(evidence()).toEqual({ rated: 2, backed: 1, medianN: 4 }));
  });

  it("asks before dropping rated pairs, carries the rename, keeps a copy, then focuses the main action", async () => {
    const host = createMemoryHost({ initialPlan: buildPlan(rated) });
    const { result } = await started(host);
    expect(result.current.fields.clienteles).toBe("Etudiants\nHautes écoles\nActeurs durables");
    act(() => result.current.setField("clienteles", "Étudiants\nHautes écoles"));
    act(() => result.current.build());
    await waitFor(() => expect(result.current.pendingDrop).toBeDefined());
    const pending = result.current.pendingDrop;
    expect(pending?.summary.clientelesRemoved).toEqual(["Etudiants", "Acteurs durables"]);
    expect(pending?.renames).toEqual([{ list: "clienteles", from: "Etudiants", to: "Étudiants" }]);

    act(() => result.current.confirmDrop({ renames: pending?.renames ?? [], keepCopy: true }));
    await waitFor(() => expect(result.current.busy).toBe(false));
    await waitFor(() => expect(result.current.workbook?.study?.clienteles).toHaveLength(2));
    const pairs = result.current.workbook?.study?.pairs ?? [];
    expect(pairs.find((p) => p.clientele === "Étudiants")).toMatchObject({
      perception: 4,
      impact: 3,
    });
    expect(result.current.workbook?.hasStudy).toBe(true);
    const sheets = (await host.readWorkbook()).sheets.map((s) => s.name);
    expect(sheets).toContain("Évaluation (copie)");
    expect(result.current.notices.map((n) => plain(n.text))).toContain(
      "Copie des notes gardée dans la feuille « Évaluation (copie) »."
    );
    expect(result.current.focus).toBe("main");
  });

  it("keeps the segments on Construire; a member removed from a list is asked first, then said", async () => {
    const segmented = study({
      ...JSON.parse(JSON.stringify(rated)),
      clienteles: [...rated.clienteles, { name: "Écoles privées" }],
      offerings: ["Coaching"],
      segments: [
        {
          name: "Jeunes",
          clienteles: ["Etudiants", "Écoles privées"],
          needs: ["Innover"],
          offerings: ["Coaching"],
          size: 300,
          checklist: ["ok", "en cours"],
          plans: { acquisition: "Salons" },
          risks: ["Budget"],
        },
      ],
      targets: [{ segment: "Jeunes", offering: "Coaching" }],
      conquest: ["Jeunes"],
    });
    const host = createMemoryHost({ initialPlan: buildPlan(segmented) });
    const { result } = await started(host);
    const segments = () => result.current.workbook?.study?.segments;
    expect(segments()).toEqual(segmented.segments);

    // The same lists: rebuilt with no question, every segment, target and order kept.
    act(() => result.current.build());
    await waitFor(() => expect(result.current.notices[0]?.intent).toBe("success"));
    expect(result.current.pendingDrop).toBeUndefined();
    expect(segments()).toEqual(segmented.segments);
    expect(result.current.workbook?.study?.targets).toEqual(segmented.targets);
    expect(result.current.workbook?.study?.conquest).toEqual(["Jeunes"]);
    const said = () => result.current.notices.map((n) => plain(n.text)).join("\n");
    expect(said()).not.toMatch(/ne fait plus partie du segment/);

    // "Écoles privées" has no ticked pair, but belongs to the segment: asked first all the same.
    act(() =>
      result.current.setField("clienteles", "Etudiants\nHautes écoles\nActeurs durables")
    );
    act(() => result.current.build());
    await waitFor(() => expect(result.current.pendingDrop).toBeDefined());
    expect(result.current.pendingDrop?.summary.pairsLost).toEqual([]);
    expect(result.current.pendingDrop?.summary.membersLost).toEqual([
      { segment: "Jeunes", list: "clienteles", member: "Écoles privées" },
    ]);
    act(() => result.current.confirmDrop({ renames: [], keepCopy: false }));
    await waitFor(() => expect(result.current.workbook?.study?.clienteles).toHaveLength(3));
    expect(segments()).toEqual([{ ...segmented.segments?.[0], clienteles: ["Etudiants"] }]);
    expect(result.current.workbook?.study?.targets).toEqual(segmented.targets);
    expect(said()).toMatch(
      /la clientèle « Écoles privées », retirée de la liste, ne fait plus partie du segment « Jeunes »/
    );
  });

  it("writes a weight into its cell; the steps read it back", async () => {
    const host = createMemoryHost({ initialPlan: buildPlan(rated) });
    const { result } = await started(host);
    act(() => result.current.setWeight("perception", 2));
    await waitFor(() => expect(result.current.workbook?.study?.weights.perception).toBe(2));
    const matrix = stepOf(result.current.workbook?.steps ?? [], "matrix");
    expect(matrix.best[0]).toEqual({ clientele: "Etudiants", need: "Innover", score: 75 });
    expect(host.workbook.getState().names.some((n) => n.name === NAMES.weightPerception)).toBe(
      true
    );
  });

  it("a blank template, then the typed lists fill it", async () => {
    const host = createMemoryHost();
    const { result } = await started(host);
    act(() => result.current.template());
    await waitFor(() => expect(result.current.workbook?.hasStudy).toBe(true));
    expect(plain(result.current.notices[0].text)).toMatch(
      /^Modèle vierge créé. Dans la feuille « Qui ressent quoi »/
    );
    expect(result.current.workbook?.study).toBeUndefined();
    act(() => {
      result.current.setField("clienteles", "Etudiants");
      result.current.setField("needs", "Innover");
    });
    act(() => result.current.build());
    await waitFor(() => expect(result.current.workbook?.study?.clienteles).toHaveLength(1));
  });

  it("orders the workbook, cuts it into K, and replaces segments only with consent", async () => {
    const example = study(exampleJson);
    const host = createMemoryHost({ initialPlan: buildPlan(example) });
    const { result } = await started(host);
    expect(result.current.canOrder).toBe(true);
    act(() => result.current.order(3));
    await waitFor(() => expect(result.current.workbook?.study?.segments).toHaveLength(3));
    const ordered = result.current.workbook?.study;
    expect(ordered?.clienteles.map((c) => c.name)).not.toEqual(
      example.clienteles.map((c) => c.name)
    );
    expect(ordered?.pairs).toHaveLength(example.pairs.length);
    // The success says what was done (not "Classeur actualisé") and, segments being there, that
    // the next step is to fill them in, with their sheet to open.
    const [done] = result.current.notices;
    expect(plain(done.title)).toMatch(
      /^Clientèles ordonnées par profil de besoins : 13 clientèles/
    );
    expect(plain(done.text)).toMatch(
      /^Prochaine étape : dans « Segments », complétez chaque segment/
    );
    expect(done.open?.sheet).toBe("Segments");

    // Cutting again without consent changes nothing and says why; with it, the segments go.
    act(() => result.current.order(2));
    await waitFor(() =>
      expect(result.current.notices.map((n) => plain(n.text)).join(" ")).toMatch(
        /contient déjà des segments/
      )
    );
    expect(result.current.workbook?.study?.segments).toHaveLength(3);
    act(() => result.current.order(2, true));
    await waitFor(() => expect(result.current.workbook?.study?.segments).toHaveLength(2));
  });

  it("offers the matrix as an SVG picture", async () => {
    const { result } = await started(createMemoryHost({ initialPlan: buildPlan(rated) }));
    expect(result.current.canExport).toBe(true);
    expect(LATER.exportMatrixPicture).toBeDefined();
    const file = await (LATER.exportMatrixPicture as NonNullable<typeof LATER.exportMatrixPicture>)(
      rated,
      "fr"
    );
    expect(file.mimeType).toBe("image/svg+xml");
    expect(String(file.data)).toMatch(
      /^<\?xml[\s\S]*<svg[\s\S]*Acteurs durables[\s\S]*<\/svg>\s*$/
    );
  });

  it("offers the client workbook once there is a study; Excel's picture only in Excel", async () => {
    const empty = await started(createMemoryHost());
    expect(empty.result.current.canExportClient).toBe(false);
    const { result } = await started(createMemoryHost({ initialPlan: buildPlan(rated) }));
    expect(result.current.canExportClient).toBe(true);
    expect(LATER.exportClientWorkbook).toBeDefined();
    expect(result.current.canExportRangeImage).toBe(false);
  });

  it("says which step failed and which Excel call, in the pane's language", async () => {
    const host = createMemoryHost();
    const failure = Object.assign(new Error("The requested resource doesn't exist."), {
      code: "ItemNotFound",
      debugInfo: { errorLocation: "Worksheet.getItem" },
    });
    jest.spyOn(host, "readWorkbook").mockRejectedValue(failure);
    const { result } = await started(host);
    expect(
      result.current.notices.map((n) => ({ ...n, title: plain(n.title), text: plain(n.text) }))
    ).toEqual([
      {
        intent: "error",
        title: "La lecture du classeur a échoué :",
        text: "The requested resource doesn't exist. (appel Excel en échec : Worksheet.getItem)",
      },
    ]);
  });
});
