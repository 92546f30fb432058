import type { Random } from '../../common/random.js';
import { sqDist } from './check.js';

/**
 * Greedy k-means++ seeding as scikit-learn's `_kmeans_plusplus` (Arthur & Vassilvitskii 2007,
 * "k-means++: the advantages of careful seeding"; greedy variant of their §5): the first centre
 * is a uniform random point; each further centre is the best of 2 + ⌊ln k⌋ candidates drawn
 * with probability ∝ D(x)² (D = distance to the nearest chosen centre), best meaning the one
 * that leaves the smallest potential Σ min(D(x)², ‖x − c‖²). Returns the k×d centres.
 */
export function kmeansPlusPlus(data: Float64Array, n: number, d: number, k: number, random: Random): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  let closest = new Float64Array(n);
  let best = new Float64Array(n);
  let trial = new Float64Array(n);
  const cum = new Float64Array(n);

  const first = random.int(n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  let pot = 0;
  for (let i = 0; i < n; i++) pot += closest[i] = sqDist(data, i, data, first, d);

  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cum[i] = acc += closest[i];
    let bestPot = Infinity, bestId = 0;
    for (let t = 0; t < trials; t++) {
      const id = searchLeft(cum, random.next() * pot);
      let p = 0;
      const o = id * d;
      for (let i = 0; i < n; i++) {
        // trial[i] = min(closest[i], ‖x_i − x_id‖²), inlined; partial sums only grow, so stop at closest[i]
        let s = 0;
        const oi = i * d, ci = closest[i];
        for (let q0 = 0; q0 < d && s < ci; q0 += 8) {
          const end = q0 + 8 < d ? q0 + 8 : d;
          for (let q = q0; q < end; q++) {
            const e = data[oi + q] - data[o + q];
            s += e * e;
          }
        }
        const v = s < ci ? s : ci;
        trial[i] = v;
        p += v;
      }
      if (p < bestPot) {
        bestPot = p;
        bestId = id;
        const swap = best; best = trial; trial = swap;
      }
    }
    centers.set(data.subarray(bestId * d, bestId * d + d), c * d);
    const swap = closest; closest = best; best = swap;
    pot = bestPot;
  }
  return centers;
}

/** numpy `searchsorted(cum, r, side='left')`, clipped to the last index. */
function searchLeft(cum: Float64Array, r: number): number {
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
