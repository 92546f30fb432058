import type { Random } from '../../common/random.js';
import { dotBlock, rowNorms } from './blocked.js';
import { sqDist } from './check.js';

/** Rows per blocked distance computation. */
const BLOCK = 256;

/**
 * Greedy k-means++ seeding as scikit-learn's `_kmeans_plusplus` (Arthur & Vassilvitskii 2007,
 * "k-means++: the advantages of careful seeding"; greedy variant of their §5): the first centre
 * is a uniform random point; each further centre is the best of 2 + ⌊ln k⌋ candidates drawn
 * with probability ∝ D(x)² (D = distance to the nearest chosen centre), best meaning the one
 * that leaves the smallest potential Σ min(D(x)², ‖x − c‖²). Returns the k×d centres.
 *
 * As in scikit-learn, the candidates' squared distances come from the norm expansion
 * ‖x‖² + ‖c‖² − 2 x·c (clipped at 0), all candidates of a step in one blocked pass (blocked.ts);
 * the candidates are drawn before any is evaluated, which leaves the random stream as it was.
 */
export function kmeansPlusPlus(data: Float64Array, n: number, d: number, k: number, random: Random): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const norms = rowNorms(data, n, d);
  let closest = new Float64Array(n);
  const trial = Array.from({ length: trials }, () => new Float64Array(n));
  const cum = new Float64Array(n);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const cand = new Float64Array(trials * d), candNorm = new Float64Array(trials), pots = new Float64Array(trials);
  const dots = new Float64Array(BLOCK * trials), ids = new Int32Array(trials);

  const first = random.int(n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  let pot = 0;
  for (let i = 0; i < n; i++) pot += closest[i] = sqDist(data, i, data, first, d);

  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cum[i] = acc += closest[i];
    for (let t = 0; t < trials; t++) {
      const id = ids[t] = searchLeft(cum, random.next() * pot);
      cand.set(data.subarray(id * d, id * d + d), t * d);
      candNorm[t] = norms[id];
      pots[t] = 0;
    }
    for (let from = 0; from < n; from += BLOCK) {
      const len = from + BLOCK <= n ? BLOCK : n - from;
      dotBlock(data, all, from, len, d, cand, trials, dots);
      for (let t = 0; t < trials; t++) {
        const out = trial[t], cn = candNorm[t];
        let p = pots[t];
        for (let r = 0; r < len; r++) {
          const i = from + r;
          const s = norms[i] + cn - 2 * dots[r * trials + t];
          const ci = closest[i];
          const v = s < ci ? (s > 0 ? s : 0) : ci;
          out[i] = v;
          p += v;
        }
        pots[t] = p;
      }
    }
    let bestT = 0;
    for (let t = 1; t < trials; t++) if (pots[t] < pots[bestT]) bestT = t;
    centers.set(data.subarray(ids[bestT] * d, ids[bestT] * d + d), c * d);
    const swap = closest; closest = trial[bestT]; trial[bestT] = swap;
    pot = pots[bestT];
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
