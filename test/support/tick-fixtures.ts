/** Reading the SciPy fixtures (test/fixtures/linkage-scipy.json, from scripts/fixtures/linkage.py). */
import fixtures from "../fixtures/linkage-scipy.json";

export type Side = "clienteles" | "needs";

export interface FixtureCase {
  label: string;
  /** Every profile of the side, those without any X included. */
  profiles: boolean[][];
  reference: { leaves: number[]; linkage: number[][]; oloOrder: number[]; oloCost: number };
}

/** The profiles of one side of a fixture table: `ticks[c]` is clientèle c's row over the needs. */
export function fixtureProfiles(ticks: readonly string[], side: Side): boolean[][] {
  const rows = ticks.map((row) => [...row].map((tick) => tick === "1"));
  return side === "clienteles" ? rows : rows[0].map((_, need) => rows.map((row) => row[need]));
}

export const fixtureCases: FixtureCase[] = fixtures.tables.flatMap((table) =>
  (["clienteles", "needs"] as const).map((side) => ({
    label: `${table.name} (${side}, ${table[side].leaves.length} leaves)`,
    profiles: fixtureProfiles(table.ticks, side),
    reference: table[side],
  }))
);

/** The profiles SciPy clustered: those of the fixture's leaves. */
export function clusteredProfiles(fixture: FixtureCase): boolean[][] {
  return fixture.reference.leaves.map((i) => fixture.profiles[i]);
}
