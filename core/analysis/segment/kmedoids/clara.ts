/**
 * CLARA (Clustering LARge Applications), Kaufman & Rousseeuw (1990) ch. 3, after R's
 * `cluster::clara(x, k, metric = "euclidean", stand = FALSE, samples, sampsize)`: run PAM on
 * `samples` random subsets of `sampleSize` rows, assign every row to the nearest of each subset's
 * medoids, and keep the medoids with the smallest total deviation over all rows. As in R, every
 * sample after the first contains the best medoids found so far (so the result never gets worse).
 * Differences from R: our own seeded generator (R's samples differ, so medoids may differ on hard
 * data), samples are drawn without R's `rngR`/`pamLike` switches (PAM on a sample is exactly R's
 * pam), and ties in the final assignment go to the lowest medoid row.
 */
import { createRandom, sampleIndices } from '../../common/random.js';
import { checkK, checkMatrix, euclidean } from './dissimilarity.js';
import { type KMedoidsResult, pamOnDissimilarity } from './pam.js';

export interface ClaraOptions {
  k: number;
  /** Number of samples (R's default 5). */
  samples?: number;
  /** Rows per sample; default min(n, 40 + 2k) as R. */
  sampleSize?: number;
  seed?: number;
}

export const claraDefaults = { samples: 5, seed: 0 } as const;

/** CLARA k-medoids on the rows of `data` (row-major n×d), Euclidean; see the module comment. */
export function clara(data: Float64Array, n: number, d: number, options: ClaraOptions): KMedoidsResult {
  checkMatrix(data, n, d);
  const { k } = options;
  checkK(k, n);
  const samples = options.samples ?? claraDefaults.samples;
  const seed = options.seed ?? claraDefaults.seed;
  const sampleSize = options.sampleSize ?? Math.min(n, 40 + 2 * k);
  if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`samples must be a positive integer, got ${samples}`);
  if (!(Number.isInteger(sampleSize) && sampleSize > k && sampleSize <= n)) {
    throw new RangeError(`sampleSize must be an integer in ${k + 1}..${n}, got ${sampleSize}`);
  }
  const random = createRandom(seed);
  let best: { medoids: Int32Array; total: number; iterations: number } | null = null;
  for (let s = 0; s < samples; s++) {
    const rows = drawSample(random, n, sampleSize, best?.medoids);
    const m = rows.length;
    const matrix = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        const v = euclidean(data, d, rows[a], rows[b]);
        matrix[a * m + b] = v;
        matrix[b * m + a] = v;
      }
    }
    const fit = pamOnDissimilarity({ n: m, row: (i) => matrix.subarray(i * m, (i + 1) * m) }, k);
    const medoids = Int32Array.from(fit.medoids, (i) => rows[i]).sort();
    const total = assign(data, n, d, medoids, null);
    if (best === null || total < best.total) best = { medoids, total, iterations: fit.iterations };
  }
  const chosen = best!;
  const labels = new Int32Array(n);
  const totalDeviation = assign(data, n, d, chosen.medoids, labels);
  return { medoids: chosen.medoids, labels, totalDeviation, iterations: chosen.iterations };
}

function drawSample(random: ReturnType<typeof createRandom>, n: number, size: number, keep: Int32Array | undefined): Int32Array {
  if (!keep) return sampleIndices(random, n, size).sort();
  const chosen = new Set<number>(keep);
  const order = sampleIndices(random, n, Math.min(n, size + keep.length));
  for (let i = 0; i < order.length && chosen.size < size; i++) chosen.add(order[i]);
  return Int32Array.from(chosen).sort();
}

/** Σ_j min_m d(j, medoid m); writes the argmin into `labels` when given. */
function assign(data: Float64Array, n: number, d: number, medoids: Int32Array, labels: Int32Array | null): number {
  let total = 0;
  for (let j = 0; j < n; j++) {
    let best = 0, bestD = Infinity;
    for (let m = 0; m < medoids.length; m++) {
      const v = euclidean(data, d, j, medoids[m]);
      if (v < bestD) { bestD = v; best = m; }
    }
    if (labels) labels[j] = best;
    total += bestD;
  }
  return total;
}
