/**
 * Jaccard distance between tick profiles: the share of the positions ticked in either profile that
 * are ticked in only one. Pure, for the browser pane and the command line alike.
 */

/** One item's ticks: a clientèle over the needs, or a need over the clientèles. */
export type Profile = readonly boolean[];

/** Distances between n items: a symmetric n × n matrix, row by row, zero on the diagonal. */
export interface DistanceMatrix {
  readonly size: number;
  readonly values: Float64Array;
}

/**
 * 1 − |a ∩ b| / |a ∪ b|. Two profiles without any tick are at distance 0, as in SciPy's `jaccard`
 * (the method leaves such items out before clustering, so this only keeps the function total).
 */
export function jaccardDistance(a: Profile, b: Profile): number {
  if (a.length !== b.length) throw new RangeError("profiles of different lengths");
  let either = 0;
  let onlyOne = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] || b[i]) {
      either++;
      if (a[i] !== b[i]) onlyOne++;
    }
  }
  // Integer counts divided once, as SciPy does, so that equal distances are bit-for-bit equal.
  return either === 0 ? 0 : onlyOne / either;
}

export function jaccardDistances(profiles: readonly Profile[]): DistanceMatrix {
  const size = profiles.length;
  const values = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const distance = jaccardDistance(profiles[i], profiles[j]);
      values[i * size + j] = distance;
      values[j * size + i] = distance;
    }
  }
  return { size, values };
}

export function distanceAt(distances: DistanceMatrix, i: number, j: number): number {
  return distances.values[i * distances.size + j];
}
