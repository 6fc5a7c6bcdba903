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

/**
 * Profiles packed 32 ticks to a word, with each one's number of ticks: the distance between two
 * is then one count of their common ticks (|a ∪ b| = |a| + |b| − |a ∩ b|) and, for profiles of up
 * to QUOTIENT_TABLE_MAX positions, one look-up of the quotient (the same division, made once for
 * each possible pair of counts, so the result is bit for bit jaccardDistance's).
 */
export interface PackedProfiles {
  readonly size: number;
  /** Words per profile. */
  readonly words: number;
  readonly bits: Int32Array;
  readonly ones: Int32Array;
  /** quotients[either × (length + 1) + onlyOne], or undefined for long profiles. */
  readonly quotients: Float64Array | undefined;
  /** length + 1: the stride of `quotients`. */
  readonly stride: number;
}

export function packProfiles(profiles: readonly Profile[]): PackedProfiles {
  const size = profiles.length;
  const length = size > 0 ? profiles[0].length : 0;
  if (profiles.some((profile) => profile.length !== length))
    throw new RangeError("profiles of different lengths");
  const words = Math.ceil(length / 32);
  const bits = new Int32Array(size * words);
  const ones = new Int32Array(size);
  profiles.forEach((profile, i) => {
    for (let t = 0; t < length; t++) {
      if (!profile[t]) continue;
      bits[i * words + (t >>> 5)] |= 1 << (t & 31);
      ones[i]++;
    }
  });
  const quotients = length <= QUOTIENT_TABLE_MAX ? quotientTable(length) : undefined;
  return { size, words, bits, ones, quotients, stride: length + 1 };
}

/** The Jaccard distance between packed profiles a and b, equal to jaccardDistance's. */
export function packedDistance(packed: PackedProfiles, a: number, b: number): number {
  const { words, bits } = packed;
  let both = 0;
  if (words === 1) both = bitCount(bits[a] & bits[b]);
  else for (let w = 0; w < words; w++) both += bitCount(bits[a * words + w] & bits[b * words + w]);
  return quotientOf(packed, packed.ones[a] + packed.ones[b] - both, both);
}

/** The distance of two profiles with `either` positions ticked in one or both, `both` in both. */
export function quotientOf(packed: PackedProfiles, either: number, both: number): number {
  const { quotients } = packed;
  if (quotients) return quotients[either * packed.stride + either - both];
  // Integer counts divided once, as SciPy does, so that equal distances are bit-for-bit equal.
  return either === 0 ? 0 : (either - both) / either;
}

/**
 * Every pairwise distance, equal to jaccardDistance's (see PackedProfiles). Each row is computed
 * whole, its mirrored half included: computing a pair twice costs less than writing across rows.
 */
export function jaccardDistances(profiles: readonly Profile[]): DistanceMatrix {
  const packed = packProfiles(profiles);
  const { size, words, bits, ones } = packed;
  const values = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const row = i * size;
    for (let j = 0; j < size; j++) {
      let both = 0;
      for (let w = 0; w < words; w++) both += bitCount(bits[i * words + w] & bits[j * words + w]);
      values[row + j] = quotientOf(packed, ones[i] + ones[j] - both, both);
    }
  }
  return { size, values };
}

/** Profiles up to this long have their quotients in a table ((length + 1)² doubles: 34 KB). */
const QUOTIENT_TABLE_MAX = 64;

/** quotients[either × (length + 1) + onlyOne] = onlyOne / either (0 when either is 0). */
function quotientTable(length: number): Float64Array {
  const stride = length + 1;
  const table = new Float64Array(stride * stride);
  for (let either = 1; either <= length; either++)
    for (let onlyOne = 0; onlyOne <= either; onlyOne++)
      table[either * stride + onlyOne] = onlyOne / either;
  return table;
}

/** Number of bits set in a 32-bit word (the classic SWAR count). */
export function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function distanceAt(distances: DistanceMatrix, i: number, j: number): number {
  return distances.values[i * distances.size + j];
}
