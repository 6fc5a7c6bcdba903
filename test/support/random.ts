/** A small seeded random generator (mulberry32), so random tests are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A tick table: `rows` profiles of `columns` ticks, each ticked with probability `density`. */
export function randomTicks(
  random: () => number,
  rows: number,
  columns: number,
  density: number
): boolean[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => random() < density)
  );
}
