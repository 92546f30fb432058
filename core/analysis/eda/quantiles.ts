/**
 * Quantiles by linear interpolation between order statistics (Hyndman & Fan 1996, type 7; the
 * default of pandas `quantile()`, NumPy and R): with the n values sorted x_0 ≤ … ≤ x_{n−1},
 * h = (n − 1)·q and Q(q) = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋).
 */

/** Q(q) of values already sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  checkQ(q);
  const n = sorted.length;
  if (n === 0) throw new RangeError('sorted must not be empty, got 0 values');
  const h = (n - 1) * q, lo = Math.floor(h);
  return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/** The median (type 7 at q = 0.5) of unsorted values. */
export function median(values: ArrayLike<number>): number {
  return quantileSorted(Float64Array.from(values).sort(), 0.5);
}

/**
 * Q(q) of a sample given as distinct values (ascending) with their counts, without expanding it:
 * the order statistics x_⌊h⌋ and x_⌊h⌋+1 are found by walking the cumulative counts. This is how
 * the Overview gets exact percentiles of a product's prices from SQL's (price, count) pairs.
 */
export function weightedQuantile(values: ArrayLike<number>, counts: ArrayLike<number>, q: number): number {
  checkQ(q);
  if (values.length !== counts.length) throw new RangeError(`values and counts must have the same length, got ${values.length} and ${counts.length}`);
  let n = 0;
  for (let i = 0; i < counts.length; i++) {
    if (!(Number.isInteger(counts[i]) && counts[i] > 0)) throw new RangeError(`counts must be positive integers, got ${counts[i]} at ${i}`);
    if (i > 0 && !(values[i] > values[i - 1])) throw new RangeError(`values must be strictly ascending, got ${values[i - 1]} then ${values[i]} at ${i}`);
    n += counts[i];
  }
  if (n === 0) throw new RangeError('values must not be empty, got 0 values');
  const h = (n - 1) * q, lo = Math.floor(h);
  const at = (rank: number): number => {
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (rank < seen) return values[i];
    }
    return values[values.length - 1];
  };
  const a = at(lo);
  return lo + 1 < n ? a + (h - lo) * (at(lo + 1) - a) : a;
}

function checkQ(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`);
}
