/**
 * The Office.js side of the pane's extensions (navigation.ts) against a small recording stand-in of
 * the calls it makes: which objects are asked for, what is set, how many syncs.
 */
import { withNavigation } from "../../src/hosts/excel/navigation";
import { WorkbookHost } from "../../src/hosts/host";
import { buildPlan } from "../../src/layout";
import { validateStudy } from "../../src/method/validate";

interface Recorder {
  calls: string[];
  syncs: number;
  handlers: (() => void)[];
  written: Record<string, unknown>;
}

function fakeContext(
  recorder: Recorder,
  sheets: string[],
  used?: { address: string; values: unknown[][] }
) {
  const range = (sheet: string, address: string) => ({
    select: () => recorder.calls.push(`select ${sheet}!${address}`),
    set formulas(value: unknown) {
      recorder.written[`${sheet}!${address}`] = value;
    },
  });
  const worksheet = (name: string) => ({
    activate: () => recorder.calls.push(`activate ${name}`),
    getRange: (address: string) => range(name, address),
    getUsedRangeOrNullObject: () => ({
      load: () => ({
        isNullObject: !used,
        address: used ? `'${name}'!${used.address}` : "",
        values: used?.values ?? [],
      }),
    }),
    onChanged: {
      add: (handler: () => void) => {
        recorder.handlers.push(handler);
        return { context: {}, remove: () => recorder.calls.push("remove") };
      },
    },
  });
  return {
    sync: async () => {
      recorder.syncs++;
    },
    workbook: {
      worksheets: {
        getItem: worksheet,
        add: (name: string) => {
          recorder.calls.push(`add ${name}`);
          return worksheet(name);
        },
        load: () => ({
          items: sheets.map((name) => ({ name, onChanged: worksheet(name).onChanged })),
        }),
      },
      names: {
        getItem: (name: string) => ({
          getRange: () => ({
            set values(value: unknown) {
              recorder.written[name] = value;
            },
          }),
        }),
      },
    },
  };
}

function host(
  recorder: Recorder,
  sheets: string[],
  used?: { address: string; values: unknown[][] }
) {
  const base: WorkbookHost = {
    capabilities: async () => ({ canBuild: true, name: "Excel" }),
    readWorkbook: async () => ({ sheets: [], grids: { sheets: [], names: [], tables: [] } }),
    render: async (plan) => ({ written: plan.sheets.map((s) => s.name), replaced: [] }),
    readSelection: async () => [],
  };
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(fakeContext(recorder, sheets, used) as unknown as Excel.RequestContext);
  return withNavigation(base, {
    run,
    isSetSupported: () => true,
    debounceMs: 10,
    runIn: (_context, batch) =>
      batch(fakeContext(recorder, sheets, used) as unknown as Excel.RequestContext),
  });
}

const newRecorder = (): Recorder => ({ calls: [], syncs: 0, handlers: [], written: {} });

describe("the Excel host's navigation", () => {
  it("activates a sheet and selects a cell, one sync each", async () => {
    const recorder = newRecorder();
    const excel = host(recorder, ["Matrice"]);
    await excel.activateSheet("Matrice");
    await excel.selectRange({ sheet: "Matrice", cell: "D7" });
    expect(recorder.calls).toEqual(["activate Matrice", "activate Matrice", "select Matrice!D7"]);
    expect(recorder.syncs).toBe(2);
  });

  it("writes a weight through its defined name", async () => {
    const recorder = newRecorder();
    await host(recorder, []).writeNamedValue("SM_WeightImpact", 2);
    expect(recorder.written).toEqual({ SM_WeightImpact: [[2]] });
  });

  it("copies a sheet's values under a free name, text kept as text", async () => {
    const recorder = newRecorder();
    const excel = host(recorder, ["Évaluation", "Évaluation (copie)"], {
      address: "A4:B5",
      values: [
        ["Clientèle", "Score"],
        ["=1+1", 75],
      ],
    });
    await expect(excel.keepCopy("Évaluation", "Évaluation (copie)")).resolves.toBe(
      "Évaluation (copie) 2"
    );
    expect(recorder.calls).toEqual(["add Évaluation (copie) 2"]);
    expect(recorder.written).toEqual({
      "Évaluation (copie) 2!A4:B5": [
        ["'Clientèle", "'Score"],
        ["'=1+1", 75],
      ],
    });
  });

  it("reports a burst of edits once, and progress at a render's start and end", async () => {
    const recorder = newRecorder();
    const excel = host(recorder, ["Qui ressent quoi", "Évaluation"]);
    let changes = 0;
    const stop = await excel.onUserChange(() => changes++);
    expect(recorder.handlers).toHaveLength(2);
    for (const handler of recorder.handlers) handler();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(changes).toBe(1);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(recorder.calls).toEqual(["remove", "remove"]);

    const { study } = validateStudy({ clienteles: ["A"], needs: ["N"], pairs: [] });
    const progress: string[] = [];
    await excel.render(buildPlan(study as NonNullable<typeof study>), await excel.readWorkbook(), {
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    const total = buildPlan(study as NonNullable<typeof study>).sheets.length;
    expect(progress).toEqual([`0/${total}`, `${total}/${total}`]);
  });
});
