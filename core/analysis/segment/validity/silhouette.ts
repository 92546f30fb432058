import { createRandom, sampleIndices } from '../../common/random.js';
import { checkMatrix } from '../kmeans/check.js';
import { compactLabels } from './labels.js';

export interface SilhouetteOptions {
  /** Beyond this many points, score a random sample of this size (as sklearn's `sample_size`); null = always exact. */
  sampleSize?: number | null;
  /** Seed of the sample. */
  seed?: number;
}

export const SILHOUETTE_DEFAULTS: Required<SilhouetteOptions> = { sampleSize: null, seed: 0 };

/**
 * Mean silhouette width (Rousseeuw 1987, "Silhouettes: a graphical aid to the interpretation and
 * validation of cluster analysis", J. Comput. Appl. Math. 20, 53–65), as
 * `sklearn.metrics.silhouette_score` with the Euclidean metric:
 *   a(i) = mean distance from i to the other points of its cluster,
 *   b(i) = min over other clusters C of the mean distance from i to the points of C,
 *   s(i) = (b(i) − a(i)) / max(a(i), b(i)), and s(i) = 0 when i's cluster has one point;
 *   score = mean_i s(i).
 * Exact: O(n²·d) time, O(n·K) memory (each pair is measured once). When n > sampleSize, the
 * score is that of `sampleSize` points drawn without replacement (the sample alone, as sklearn).
 * Labels are any integers; there must be 2..n−1 distinct ones among the scored points.
 */
export function silhouette(data: Float64Array, n: number, d: number, labels: ArrayLike<number>, options: SilhouetteOptions = {}): number {
  const { sampleSize, seed } = { ...SILHOUETTE_DEFAULTS, ...options };
  checkMatrix(data, n, d);
  if (labels.length !== n) throw new RangeError(`labels must hold n = ${n} values, got ${labels.length}`);
  if (sampleSize !== null && !(Number.isInteger(sampleSize) && sampleSize >= 2)) {
    throw new RangeError(`sampleSize must be an integer ≥ 2 or null, got ${sampleSize}`);
  }
  if (sampleSize !== null && n > sampleSize) {
    const idx = sampleIndices(createRandom(seed), n, sampleSize);
    const sub = new Float64Array(sampleSize * d), subLabels = new Float64Array(sampleSize);
    for (let s = 0; s < sampleSize; s++) {
      sub.set(data.subarray(idx[s] * d, idx[s] * d + d), s * d);
      subLabels[s] = labels[idx[s]];
    }
    return exactSilhouette(sub, sampleSize, d, subLabels);
  }
  return exactSilhouette(data, n, d, labels);
}

function exactSilhouette(data: Float64Array, n: number, d: number, labels: ArrayLike<number>): number {
  const { ids, k } = compactLabels(labels, n, n - 1);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[ids[i]]++;
  const sums = new Float64Array(n * k); // sums[i·k + c] = Σ_{j ∈ C} ‖x_i − x_j‖
  for (let i = 0; i < n; i++) {
    const oi = i * d, ci = ids[i];
    for (let j = i + 1; j < n; j++) {
      // dist = ‖x_i − x_j‖, inlined
      let s = 0;
      const oj = j * d;
      for (let q = 0; q < d; q++) {
        const e = data[oi + q] - data[oj + q];
        s += e * e;
      }
      const dist = Math.sqrt(s);
      sums[i * k + ids[j]] += dist;
      sums[j * k + ci] += dist;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const ci = ids[i];
    if (sizes[ci] < 2) continue;
    const a = sums[i * k + ci] / (sizes[ci] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== ci) b = Math.min(b, sums[i * k + c] / sizes[c]);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
