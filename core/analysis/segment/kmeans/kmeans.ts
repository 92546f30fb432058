import { createRandom } from '../../common/random.js';
import { columnMeanVariance } from '../scaling.js';
import { checkMatrix } from './check.js';
import { kmeansPlusPlus } from './init.js';
import { rowNorms } from './blocked.js';
import { lloyd, type LloydRun } from './lloyd.js';

export interface KMeansOptions {
  /** Number of clusters, an integer in 2..n. */
  k: number;
  /** Independent k-means++ starts; the run with the lowest inertia wins (ties: the earliest). */
  nInit?: number;
  /** Lloyd iterations per start. */
  maxIter?: number;
  /** Relative tolerance, scaled as scikit-learn: stop when Σ_j ‖Δc_j‖² ≤ tol · mean_q var(x_q). */
  tol?: number;
  /** Seed of the one random stream that all starts draw from. */
  seed?: number;
}

export const KMEANS_DEFAULTS: Required<Omit<KMeansOptions, 'k'>> = { nInit: 10, maxIter: 300, tol: 1e-4, seed: 0 };

export interface KMeansResult {
  /** Cluster of each row, 0..k−1. */
  labels: Int32Array;
  /** Row-major k×d centres (the mean of each cluster). */
  centers: Float64Array;
  /** Σ_i ‖x_i − c_label(i)‖² (scikit-learn's `inertia_`). */
  inertia: number;
  /** Lloyd iterations of the winning start. */
  iterations: number;
}

/**
 * K-means on the row-major n×d `data` as scikit-learn's `KMeans(algorithm='lloyd')`: greedy
 * k-means++ seeding, Lloyd iterations (Hamerly-accelerated, same fixed points), best of `nInit`
 * by inertia. Deterministic for a given seed.
 */
export function kmeans(data: Float64Array, n: number, d: number, options: KMeansOptions): KMeansResult {
  const { k, nInit, maxIter, tol, seed } = { ...KMEANS_DEFAULTS, ...options };
  checkMatrix(data, n, d);
  if (!(Number.isInteger(k) && k >= 2 && k <= n)) throw new RangeError(`k must be an integer in 2..n (n = ${n}), got ${k}`);
  if (!(Number.isInteger(nInit) && nInit >= 1)) throw new RangeError(`nInit must be a positive integer, got ${nInit}`);
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) throw new RangeError(`maxIter must be a positive integer, got ${maxIter}`);
  if (!(Number.isFinite(tol) && tol >= 0)) throw new RangeError(`tol must be a finite number ≥ 0, got ${tol}`);
  const random = createRandom(seed);
  const tolAbs = tol * meanVariance(data, n, d);
  const norms = rowNorms(data, n, d);
  let best: LloydRun | null = null;
  for (let r = 0; r < nInit; r++) {
    const run = lloyd(data, n, d, k, kmeansPlusPlus(data, n, d, k, random), maxIter, tolAbs, norms);
    if (best === null || run.inertia < best.inertia) best = run;
  }
  return best as LloydRun;
}

/** Mean over columns of the population variance, as numpy `np.mean(np.var(X, axis=0))`. */
function meanVariance(data: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let q = 0; q < d; q++) total += columnMeanVariance(data, n, d, q).variance;
  return total / d;
}
