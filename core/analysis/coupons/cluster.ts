import type { CouponMethod } from '../../model/coupons.js';
import { kmeans } from '../segment/kmeans/index.js';
import { pamOnDissimilarity } from '../segment/kmedoids/index.js';
import { dtwDissimilarity } from './dtw.js';

/** Most customers method=dtw clusters: its matrix holds n² doubles (200 MB at 5,000). */
export const DTW_MAX_CUSTOMERS = 5000;

export interface ProfileClusterOptions {
  k: number;
  method: CouponMethod;
  /** kmeans: k-means++ starts. */
  nInit: number;
  /** dtw: Sakoe–Chiba band in months. */
  window: number;
  seed: number;
}

/**
 * Clusters of the customers' coupon-use profiles:
 * - kmeans: the house k-means (scikit-learn's Lloyd with k-means++, best of nInit starts) on the
 *   row-major n × L use rates by discount level — customers with the same response to the level;
 * - dtw: as seed 004 ("Time Series Clustering"), each customer's monthly use-rate series, DTW
 *   distances (dtw.ts), then PAM k-medoids on that matrix (Kaufman & Rousseeuw 1990, the house
 *   `pamOnDissimilarity`, R's cluster::pam): k-means needs means of series, which DTW does not
 *   define, and the house FasterPAM works on Euclidean rows only. Exact PAM is deterministic, so
 *   `seed` plays no part there.
 * Returns the cluster of each row, 0..k−1.
 */
export function clusterProfiles(rates: Float64Array, series: readonly Float64Array[], levels: number, o: ProfileClusterOptions, onRow?: (i: number, n: number) => void): Int32Array {
  const n = series.length;
  if (!(Number.isInteger(o.k) && o.k >= 2 && o.k <= n)) throw new RangeError(`k must be an integer in 2..n (n = ${n} customers clustered), got ${o.k}`);
  switch (o.method) {
    case 'kmeans':
      return kmeans(rates, n, levels, { k: o.k, nInit: o.nInit, seed: o.seed }).labels;
    case 'dtw': {
      if (n > DTW_MAX_CUSTOMERS) throw new RangeError(`method=dtw clusters at most ${DTW_MAX_CUSTOMERS} customers (its distance matrix holds n² values), got ${n}; raise minOffers or use method=kmeans`);
      const dis = dtwDissimilarity(series, o.window, (i) => onRow?.(i, n));
      return pamOnDissimilarity(dis, o.k).labels;
    }
    default: {
      const never: never = o.method;
      throw new RangeError(`method must be kmeans or dtw, got ${String(never)}`);
    }
  }
}
