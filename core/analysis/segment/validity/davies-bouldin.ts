import { checkMatrix, sqDist } from '../kmeans/check.js';
import { centroids, compactLabels } from './labels.js';

/**
 * Davies–Bouldin index (Davies & Bouldin 1979, "A cluster separation measure", IEEE PAMI 1(2),
 * 224–227), as `sklearn.metrics.davies_bouldin_score`:
 *   S_c = mean_{i ∈ c} ‖x_i − c̄_c‖,  M_cd = ‖c̄_c − c̄_d‖,
 *   DB = mean_c max_{d ≠ c} (S_c + S_d) / M_cd,
 * with a ratio of 0 when M_cd = 0, and DB = 0 when every S_c or every M_cd is 0. Lower is better.
 * Needs 2..n−1 distinct labels.
 */
export function daviesBouldin(data: Float64Array, n: number, d: number, labels: ArrayLike<number>): number {
  checkMatrix(data, n, d);
  const { ids, k } = compactLabels(labels, n, n - 1);
  const { sizes, centers } = centroids(data, n, d, ids, k);
  const spread = new Float64Array(k);
  for (let i = 0; i < n; i++) spread[ids[i]] += Math.sqrt(sqDist(data, i, centers, ids[i], d));
  for (let c = 0; c < k; c++) spread[c] /= sizes[c];
  const sep = new Float64Array(k * k);
  let anySpread = false, anySep = false;
  for (let c = 0; c < k; c++) {
    if (spread[c] !== 0) anySpread = true;
    for (let e = 0; e < k; e++) if ((sep[c * k + e] = Math.sqrt(sqDist(centers, c, centers, e, d))) !== 0) anySep = true;
  }
  if (!anySpread || !anySep) return 0;
  let total = 0;
  for (let c = 0; c < k; c++) {
    let worst = 0;
    for (let e = 0; e < k; e++) {
      const m = sep[c * k + e];
      if (e !== c && m !== 0) worst = Math.max(worst, (spread[c] + spread[e]) / m);
    }
    total += worst;
  }
  return total / k;
}
