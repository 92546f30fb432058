/**
 * Starting medoids for FasterPAM, all seeded and computed from the n×d rows on the fly:
 * - 'lab': Linear Approximative BUILD (Schubert & Rousseeuw 2019, "Faster k-Medoids Clustering:
 *   Improving the PAM, CLARA, and CLARANS Algorithms", SISAP; proposed there for large n,
 *   where BUILD's O(k n²) dominates): each of the k steps is a BUILD step on a fresh random subsample of
 *   10 + ⌈√n⌉ non-medoids — the subsample is both the candidates and the points the candidates
 *   are judged on, each judged by Σ over the subsample of min(d(point, candidate), distance to the
 *   nearest medoid chosen so far). O(k (√n)²) = O(kn) distances.
 * - 'build': PAM's BUILD over all rows, as R's cluster::pam (first medoid minimises Σ_j d(i, j),
 *   each next maximises Σ_j max(D_j − d(i, j), 0); ties → the later row). O(k n²): about k
 *   passes of FasterPAM's swap phase, so worth it only when n is small.
 * - 'random': k distinct rows uniformly at random.
 */
import { type Random, sampleIndices } from '../../common/random.js';
import { squaredDistance } from './dissimilarity.js';

export type FasterPamInit = 'lab' | 'build' | 'random';

/** k distinct starting rows for `init`; see the module comment. */
export function initialMedoids(data: Float64Array, n: number, d: number, k: number, init: FasterPamInit, random: Random): Int32Array {
  switch (init) {
    case 'lab': return lab(data, n, d, k, random);
    case 'build': return build(data, n, d, k);
    case 'random': return sampleIndices(random, n, k);
    default: {
      const never: never = init;
      throw new RangeError(`init must be lab, build or random, got ${String(never)}`);
    }
  }
}

const dist = (data: Float64Array, d: number, a: number, b: number) => Math.sqrt(squaredDistance(data, d, a, b));

function lab(data: Float64Array, n: number, d: number, k: number, random: Random): Int32Array {
  const size = Math.min(n - 1, 10 + Math.ceil(Math.sqrt(n)));
  const chosen: number[] = [];
  const isMedoid = new Uint8Array(n);
  for (let step = 0; step < k; step++) {
    // size + step draws leave at least `size` non-medoids (or all of them when fewer remain).
    const draw = sampleIndices(random, n, Math.min(n, size + step));
    const sample: number[] = [];
    for (let t = 0; t < draw.length && sample.length < size; t++) if (!isMedoid[draw[t]]) sample.push(draw[t]);
    const m = sample.length;
    const nearest = new Float64Array(m).fill(Infinity);
    for (const c of chosen) for (let j = 0; j < m; j++) nearest[j] = Math.min(nearest[j], dist(data, d, sample[j], c));
    let best = sample[0], bestCost = Infinity;
    for (let a = 0; a < m; a++) {
      let cost = 0;
      for (let j = 0; j < m; j++) cost += Math.min(nearest[j], dist(data, d, sample[a], sample[j]));
      if (cost < bestCost) { bestCost = cost; best = sample[a]; }
    }
    chosen.push(best);
    isMedoid[best] = 1;
  }
  return Int32Array.from(chosen);
}

function build(data: Float64Array, n: number, d: number, k: number): Int32Array {
  const chosen: number[] = [];
  const isMedoid = new Uint8Array(n);
  const nearest = new Float64Array(n);
  for (let step = 0; step < k; step++) {
    let best = -1, bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      if (isMedoid[i]) continue;
      let score = 0;
      if (step === 0) {
        for (let j = 0; j < n; j++) score -= dist(data, d, i, j);
      } else {
        for (let j = 0; j < n; j++) {
          const g = nearest[j] - dist(data, d, i, j);
          if (g > 0) score += g;
        }
      }
      if (bestScore <= score) { bestScore = score; best = i; }
    }
    chosen.push(best);
    isMedoid[best] = 1;
    for (let j = 0; j < n; j++) {
      const v = dist(data, d, best, j);
      if (step === 0 || v < nearest[j]) nearest[j] = v;
    }
  }
  return Int32Array.from(chosen);
}
