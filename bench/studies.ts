/** Synthetic studies of a given size, deterministic, for benchmarks. */
import { Study } from "../src/method/study";
import { seededRandom } from "../test/support/random";

export function syntheticStudy(clienteles: number, needs: number, tickEvery = 3): Study {
  const c = Array.from({ length: clienteles }, (_, i) => ({ name: `Clientèle ${i + 1}` }));
  const n = Array.from({ length: needs }, (_, j) => ({ name: `Besoin ${j + 1}` }));
  const pairs = [];
  for (let i = 0; i < clienteles; i++)
    for (let j = 0; j < needs; j++)
      if ((i + j) % tickEvery === 0)
        pairs.push({
          clientele: c[i].name,
          need: n[j].name,
          perception: 1 + ((i * 7 + j) % 4),
          impact: 1 + ((i + j * 5) % 4),
          competition: (i + j) % 5,
        });
  return { language: "fr", clienteles: c, needs: n, pairs, weights: { perception: 1, impact: 1 } };
}

/** A study whose ticks fall at random (seeded): each pair is ticked with probability `density`. */
export function randomStudy(clienteles: number, needs: number, density: number, seed = 1): Study {
  const random = seededRandom(seed);
  const c = Array.from({ length: clienteles }, (_, i) => ({ name: `Clientèle ${i + 1}` }));
  const n = Array.from({ length: needs }, (_, j) => ({ name: `Besoin ${j + 1}` }));
  const pairs = [];
  for (const clientele of c)
    for (const need of n)
      if (random() < density) pairs.push({ clientele: clientele.name, need: need.name });
  return { language: "fr", clienteles: c, needs: n, pairs, weights: { perception: 1, impact: 1 } };
}

/**
 * clienteles × needs, about `share` of the pairs ticked (spread evenly, deterministic), every
 * ticked pair rated, with names of a realistic length.
 */
export function squareStudy(clienteles: number, needs: number, share: number): Study {
  const c = Array.from({ length: clienteles }, (_, i) => ({ name: `Clientèle n° ${i + 1}` }));
  const n = Array.from({ length: needs }, (_, j) => ({ name: `Besoin exprimé n° ${j + 1}` }));
  const pairs = [];
  for (let i = 0; i < clienteles; i++)
    for (let j = 0; j < needs; j++)
      if (((i * 7919 + j * 104729) % 1000) / 1000 < share)
        pairs.push({
          clientele: c[i].name,
          need: n[j].name,
          perception: 1 + ((i * 7 + j) % 4),
          impact: 1 + ((i + j * 5) % 4),
          competition: (i + j) % 5,
        });
  return { language: "fr", clienteles: c, needs: n, pairs, weights: { perception: 1, impact: 1 } };
}
