/**
 * PAM (Partitioning Around Medoids), Kaufman & Rousseeuw (1990), "Finding Groups in Data",
 * ch. 2, exactly as R's `cluster::pam(x, k, metric = "euclidean", stand = FALSE)` (C code
 * `bswap` in cluster/src/pam.c, `pamonce = FALSE`):
 * - BUILD: the first medoid minimises Σ_j d(i, j); each next one maximises the gain
 *   Σ_j max(D_j − d(i, j), 0), D_j the distance to the nearest medoid so far (ties → the last row,
 *   as R's `<=`).
 * - SWAP: for every (medoid i, non-medoid h) the change T_ih = Σ_j C_jih of the total deviation;
 *   apply the best (first strict minimum, h outer, i inner) while T < −16 ε |total|, as R.
 * totalDeviation = Σ_j min_m d(j, m); R's `objective["swap"]` is totalDeviation / n.
 */
import { type Dissimilarity, checkK, checkMatrix, euclideanDissimilarity } from './dissimilarity.js';

export interface PamOptions {
  /** Number of medoids, 1..n − 1. */
  k: number;
}

export interface KMedoidsResult {
  /** Row indices of the medoids, ascending; cluster c has medoid medoids[c]. */
  medoids: Int32Array;
  /** Cluster of each row (0..k − 1), the nearest medoid (first on ties). */
  labels: Int32Array;
  /** Σ over rows of the distance to the nearest medoid. */
  totalDeviation: number;
  /** Number of swaps applied. */
  iterations: number;
}

/** Exact PAM on the rows of `data` (row-major n×d), Euclidean; see the module comment. */
export function pam(data: Float64Array, n: number, d: number, options: PamOptions): KMedoidsResult {
  checkMatrix(data, n, d);
  checkK(options.k, n);
  return pamOnDissimilarity(euclideanDissimilarity(data, n, d), options.k);
}

/** PAM over any Dissimilarity (used by clara on samples). */
export function pamOnDissimilarity(dis: Dissimilarity, k: number): KMedoidsResult {
  const n = dis.n;
  const isMedoid = new Uint8Array(n);
  const buffer = new Float64Array(n);
  let maxD = 0;
  for (let i = 0; i < n; i++) {
    const r = dis.row(i, buffer);
    for (let j = 0; j < n; j++) if (r[j] > maxD) maxD = r[j];
  }
  const big = 1.1 * maxD + 1;
  const nearest = new Float64Array(n).fill(big); // R's dysma
  const second = new Float64Array(n); // R's dysmb

  for (let m = 0; m < k; m++) {
    let best = -1, bestGain = 0;
    for (let i = 0; i < n; i++) {
      if (isMedoid[i]) continue;
      const r = dis.row(i, buffer);
      let gain = 0;
      for (let j = 0; j < n; j++) {
        const g = nearest[j] - r[j];
        if (g > 0) gain += g;
      }
      if (bestGain <= gain) { bestGain = gain; best = i; }
    }
    isMedoid[best] = 1;
    const r = dis.row(best, buffer);
    for (let j = 0; j < n; j++) if (nearest[j] > r[j]) nearest[j] = r[j];
  }

  const medoidRows: Float64Array[] = [];
  const medoidIds: number[] = [];
  const refresh = (): number => {
    medoidRows.length = 0;
    medoidIds.length = 0;
    for (let i = 0; i < n; i++) {
      if (!isMedoid[i]) continue;
      medoidIds.push(i);
      medoidRows.push(Float64Array.from(dis.row(i, buffer)));
    }
    nearest.fill(big);
    second.fill(big);
    let total = 0;
    for (let j = 0; j < n; j++) {
      for (const r of medoidRows) {
        const v = r[j];
        if (nearest[j] > v) { second[j] = nearest[j]; nearest[j] = v; } else if (second[j] > v) second[j] = v;
      }
      total += nearest[j];
    }
    return total;
  };

  let total = refresh();
  let iterations = 0;
  for (;;) {
    let bestDz = 1, bestH = -1, bestM = -1;
    for (let h = 0; h < n; h++) {
      if (isMedoid[h]) continue;
      const rh = dis.row(h, buffer);
      for (let m = 0; m < medoidRows.length; m++) {
        const ri = medoidRows[m];
        let dz = 0;
        for (let j = 0; j < n; j++) {
          const dh = rh[j], a = nearest[j];
          if (ri[j] === a) dz += (second[j] > dh ? dh : second[j]) - a;
          else if (dh < a) dz += dh - a;
        }
        if (bestDz > dz) { bestDz = dz; bestH = h; bestM = m; }
      }
    }
    if (!(bestDz < -16 * Number.EPSILON * Math.abs(total))) break;
    isMedoid[bestH] = 1;
    isMedoid[medoidIds[bestM]] = 0;
    iterations++;
    total = refresh();
  }
  return finish(medoidIds, medoidRows, n, iterations);
}

function finish(ids: number[], rows: Float64Array[], n: number, iterations: number): KMedoidsResult {
  const labels = new Int32Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    let best = 0;
    for (let m = 1; m < rows.length; m++) if (rows[m][j] < rows[best][j]) best = m;
    labels[j] = best;
    sum += rows[best][j];
  }
  return { medoids: Int32Array.from(ids), labels, totalDeviation: sum, iterations };
}
