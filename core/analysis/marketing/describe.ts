import type { Distribution } from '../../model/marketing.js';

/**
 * Quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan 1996
 * type 7: h = (m − 1)p, R's and NumPy's default), so the figures match `quantile()` in R.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const m = sorted.length;
  if (m === 0) throw new RangeError('quantileSorted needs at least one value, got 0');
  const h = (m - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < m ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[m - 1];
}

/** Mean, quartiles (type 7) and a 10-bin histogram on [0, 1] of a 0–1 measure; nulls when empty. */
export function describeUnit(values: ArrayLike<number>): Distribution {
  const n = values.length;
  const histogram = new Array<number>(10).fill(0);
  if (n === 0) return { n, mean: null, min: null, q1: null, median: null, q3: null, max: null, histogram };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
    histogram[Math.min(9, Math.max(0, Math.floor(sorted[i] * 10)))]++;
  }
  return {
    n, mean: sum / n, min: sorted[0], q1: quantileSorted(sorted, 0.25), median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75), max: sorted[n - 1], histogram,
  };
}
