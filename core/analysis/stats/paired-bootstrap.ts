import { createRandom } from '../common/random.js';

export interface PairedBootstrapOptions {
  /** Bootstrap resamples (default 1,000). */
  resamples?: number;
  /** Two-sided coverage of the percentile interval (default 0.95). */
  level?: number;
  /** Seed of the resampling (default 1): same data and seed, same interval. */
  seed?: number;
}

export interface PairedBootstrapResult {
  /** The observed mean of the paired differences a_i − b_i. */
  diff: number;
  /** Lower and upper percentile bounds of the resampled mean difference. */
  low: number;
  high: number;
  /** Pairs used (n) and resamples drawn. */
  n: number;
  resamples: number;
}

/**
 * Percentile bootstrap interval of the mean paired difference mean(a − b) — Efron, B. &
 * Tibshirani, R. J. (1993), "An Introduction to the Bootstrap", ch. 13 (percentile interval) —
 * resampling the pairs (here: evaluated customers) with replacement, so the correlation between
 * two recommenders scored on the same customers is kept (the paired design of e.g. Sakai, T.
 * (2014), "Statistical reform in information retrieval?", SIGIR Forum 48(1)).
 *
 * Each resample draws n indices uniformly with replacement from a seeded sfc32 stream and takes the
 * mean of d_i = a_i − b_i over them; `low`/`high` are the (1 − level)/2 and (1 + level)/2 empirical
 * quantiles of the resampled means (linear interpolation between order statistics, as NumPy's
 * default `percentile`). O(resamples · n) time, O(n + resamples) memory.
 *
 * Throws a RangeError when a and b differ in length, are empty, or hold NaN.
 */
export function pairedBootstrap(a: ArrayLike<number>, b: ArrayLike<number>, options: PairedBootstrapOptions = {}): PairedBootstrapResult {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 1;
  const n = a.length;
  if (b.length !== n) throw new RangeError(`a and b must pair up: lengths ${n} and ${b.length}`);
  if (n === 0) throw new RangeError('a paired bootstrap needs at least one pair');
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1), got ${level}`);
  const d = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    d[i] = a[i] - b[i];
    if (Number.isNaN(d[i])) throw new RangeError(`pair ${i} is NaN`);
    sum += d[i];
  }
  const random = createRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[random.int(n)];
    means[r] = s / n;
  }
  means.sort();
  return { diff: sum / n, low: quantile(means, (1 - level) / 2), high: quantile(means, (1 + level) / 2), n, resamples };
}

/** The q-quantile of sorted `x` by linear interpolation between order statistics (NumPy's default). */
function quantile(x: Float64Array, q: number): number {
  const h = (x.length - 1) * q;
  const lo = Math.floor(h), hi = Math.min(lo + 1, x.length - 1);
  return x[lo] + (h - lo) * (x[hi] - x[lo]);
}
