/** Each sheet module declares the defined names of its own areas; NAMES gathers them. */
import { buildPlan } from "../../src/layout";
import { NAMES, NAME_PREFIX } from "../../src/layout/names";
import { SHEETS } from "../../src/layout/registry";
import { LEGEND_NAMES } from "../../src/layout/sheets/legend";
import { validateStudy } from "../../src/method/validate";
import example from "../../examples/exemple-incubateur.json";

const study = validateStudy(example).study;

it("each sheet names exactly the areas its module declares, on its own sheet, its anchor among them", () => {
  if (!study) throw new Error("the example study does not validate");
  const plan = buildPlan(study);
  for (const module of SHEETS) {
    const sheet = plan.sheets.find((s) => s.role === module.role);
    const planned = plan.names.filter((n) => n.sheet === sheet?.name).map((n) => n.name);
    expect([module.role, [...planned].sort()]).toEqual([
      module.role,
      Object.values(module.names).sort(),
    ]);
    expect([module.role, sheet?.tabColour]).toEqual([module.role, module.tabColour]);
    expect([module.role, planned]).toEqual([module.role, expect.arrayContaining([module.anchor])]);
  }
});

it("NAMES holds every module's names once, each the add-in's (Excel ignores case)", () => {
  const declared = [...SHEETS.map((module) => module.names), LEGEND_NAMES].flatMap((names) =>
    Object.entries(names)
  );
  expect(Object.entries(NAMES).sort()).toEqual([...declared].sort());
  const upper = declared.map(([, name]) => name.toUpperCase());
  expect(new Set(upper).size).toBe(declared.length);
  for (const [key, name] of declared) {
    expect(name.startsWith(NAME_PREFIX)).toBe(true);
    expect(name.slice(NAME_PREFIX.length).toLowerCase()).toBe(key.toLowerCase());
  }
});
