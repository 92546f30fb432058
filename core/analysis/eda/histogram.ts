/** One bin of a histogram; `from`/`to` null for the open-ended first and last bins. */
export interface HistogramBin {
  from: number | null;
  to: number | null;
  count: number;
}

/**
 * Counts of values in fixed bins [lo, lo + width), …, [hi − width, hi), plus an open bin below lo
 * and one at or above hi, so no value is lost and runs on different data share their bins.
 * Non-finite values are skipped.
 */
export function fixedHistogram(values: Iterable<number>, lo: number, hi: number, width: number): HistogramBin[] {
  if (!(width > 0 && Number.isFinite(width))) throw new RangeError(`width must be a positive number, got ${width}`);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) throw new RangeError(`hi must be greater than lo, got lo ${lo} and hi ${hi}`);
  const k = Math.round((hi - lo) / width);
  if (Math.abs(k * width - (hi - lo)) > 1e-9 * width) throw new RangeError(`hi − lo must be a whole number of widths, got ${hi - lo} for width ${width}`);
  const bins: HistogramBin[] = [{ from: null, to: lo, count: 0 }];
  for (let i = 0; i < k; i++) bins.push({ from: lo + i * width, to: lo + (i + 1) * width, count: 0 });
  bins.push({ from: hi, to: null, count: 0 });
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const i = v < lo ? 0 : v >= hi ? k + 1 : 1 + Math.min(k - 1, Math.floor((v - lo) / width));
    bins[i].count++;
  }
  return bins;
}
