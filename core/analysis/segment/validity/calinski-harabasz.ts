import { checkMatrix } from '../kmeans/check.js';
import { centroids, compactLabels } from './labels.js';

/**
 * Calinski–Harabasz index (Calinski & Harabasz 1974, "A dendrite method for cluster analysis",
 * Comm. in Statistics 3(1), 1–27), as `sklearn.metrics.calinski_harabasz_score`:
 *   B = Σ_c n_c ‖c̄_c − x̄‖²,  W = Σ_i ‖x_i − c̄_label(i)‖²,  CH = (B / (K − 1)) / (W / (n − K)),
 * and 1 when W = 0. Higher is better. Needs 2..n−1 distinct labels.
 */
export function calinskiHarabasz(data: Float64Array, n: number, d: number, labels: ArrayLike<number>): number {
  checkMatrix(data, n, d);
  const { ids, k } = compactLabels(labels, n, n - 1);
  const { sizes, centers } = centroids(data, n, d, ids, k);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let q = 0; q < d; q++) mean[q] += data[i * d + q];
  for (let q = 0; q < d; q++) mean[q] /= n;
  let between = 0, within = 0;
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let q = 0; q < d; q++) s += (centers[c * d + q] - mean[q]) ** 2;
    between += sizes[c] * s;
  }
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < d; q++) within += (data[i * d + q] - centers[ids[i] * d + q]) ** 2;
  }
  return within === 0 ? 1 : (between * (n - k)) / (within * (k - 1));
}
