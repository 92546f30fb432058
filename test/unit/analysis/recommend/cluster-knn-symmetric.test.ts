import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { nearestInClusters } from '../../../../core/analysis/recommend/cluster-knn.js';

/** The neighbour search as cluster-knn did it before issue #16: every customer against every other of its cluster, in index order. */
function reference(clusters: number[][], vectors: Float64Array, d: number, norm: Float64Array, m: number, U: number): Int32Array {
  const near = new Int32Array(U * m).fill(-1);
  const sims = new Float64Array(m);
  for (const list of clusters) {
    for (const u of list) {
      let size = 0;
      for (const v of list) {
        if (v === u) continue;
        let dot = 0;
        for (let q = 0; q < d; q++) dot += vectors[u * d + q] * vectors[v * d + q];
        const sim = norm[u] > 0 && norm[v] > 0 ? dot / (norm[u] * norm[v]) : 0;
        if (size === m && sim <= sims[m - 1]) continue;
        let i = size < m ? size++ : m - 1;
        while (i > 0 && sims[i - 1] < sim) {
          sims[i] = sims[i - 1];
          near[u * m + i] = near[u * m + i - 1];
          i--;
        }
        sims[i] = sim;
        near[u * m + i] = v;
      }
    }
  }
  return near;
}

function case_(seed: number, U: number, d: number, k: number) {
  const random = createRandom(seed);
  // Few distinct values, repeated rows and zero rows: many exact ties of the similarity.
  const vectors = new Float64Array(U * d);
  for (let u = 0; u < U; u++) {
    if (u % 7 === 3) continue;
    if (u % 5 === 4 && u > 0) { vectors.copyWithin(u * d, (u - 1) * d, u * d); continue; }
    for (let q = 0; q < d; q++) vectors[u * d + q] = random.next() < 0.4 ? Math.floor(random.next() * 4) / 3 : random.next();
  }
  const norm = new Float64Array(U);
  for (let u = 0; u < U; u++) { let s = 0; for (let q = 0; q < d; q++) s += vectors[u * d + q] ** 2; norm[u] = Math.sqrt(s); }
  const cluster = Int32Array.from({ length: U }, () => random.int(k + 1) - 1);
  const members = new Map<number, number[]>();
  for (let u = 0; u < U; u++) if (cluster[u] >= 0) (members.get(cluster[u]) ?? members.set(cluster[u], []).get(cluster[u])!).push(u);
  return { clusters: [...members.values()], vectors, norm };
}

// issue #16: each pair's similarity is computed once and offered to both customers.
describe('cluster-knn neighbours: the symmetric search equals every-against-every', () => {
  it.each([[1, 40, 3, 2, 3], [2, 300, 6, 5, 3], [3, 257, 60, 4, 1], [4, 120, 2, 1, 5], [5, 9, 4, 1, 10]])('seed %i: %i customers, d = %i, %i clusters, m = %i', (seed, U, d, k, m) => {
    const { clusters, vectors, norm } = case_(seed, U, d, k);
    expect(Array.from(nearestInClusters(clusters, vectors, d, norm, m, U))).toEqual(Array.from(reference(clusters, vectors, d, norm, m, U)));
  });
});
