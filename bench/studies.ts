/** Synthetic studies of a given size, deterministic, for benchmarks. */
import { Study } from "../src/method/study";

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
