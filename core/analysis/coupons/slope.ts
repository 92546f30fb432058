import { createRandom } from '../common/random.js';

/** Mean rate at each level over `rows` (row-major rates, L columns) into `out`. */
function levelMeans(rates: Float64Array, rows: ArrayLike<number>, L: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let i = 0; i < rows.length; i++) {
    const base = rows[i] * L;
    for (let l = 0; l < L; l++) out[l] += rates[base + l];
  }
  for (let l = 0; l < L; l++) out[l] /= rows.length;
  return out;
}

/** Least-squares slope of the points (levels[l], means[l]). */
function slopeOfMeans(means: Float64Array, levels: readonly number[]): number {
  const L = levels.length;
  let xBar = 0, yBar = 0;
  for (let l = 0; l < L; l++) {
    xBar += levels[l] / L;
    yBar += means[l] / L;
  }
  let sxy = 0, sxx = 0;
  for (let l = 0; l < L; l++) {
    sxy += (levels[l] - xBar) * (means[l] - yBar);
    sxx += (levels[l] - xBar) ** 2;
  }
  return sxy / sxx;
}

/**
 * Whether use rises with the discount: the ordinary least-squares slope of the customers' use
 * rates on the discount level, every customer contributing one point per level (the pooled
 * regression rate_il = a + b·level_l + e_il). Every clustered customer has a rate at every level,
 * so the design is balanced and the slope equals the slope through the level means:
 *   b = Σ_l (x_l − x̄)(ȳ_l − ȳ) / Σ_l (x_l − x̄)²,
 * ȳ_l the mean rate at level l. Units: use rate per discount percentage point.
 */
export function levelSlope(rates: Float64Array, rows: ArrayLike<number>, levels: readonly number[]): number {
  const L = levels.length;
  if (L < 2) throw new RangeError(`levels must hold at least 2 discount levels, got ${L}`);
  if (rows.length === 0) return NaN;
  return slopeOfMeans(levelMeans(rates, rows, L, new Float64Array(L)), levels);
}

export interface SlopeInterval {
  slope: number;
  low: number;
  high: number;
  /** The interval of the mean rate at each level, from the same resamples. */
  levelLow: number[];
  levelHigh: number[];
}

/** Quantile q of sorted values, linear interpolation between order statistics (R's type 7). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/**
 * levelSlope with a percentile bootstrap interval (Efron & Tibshirani 1993, "An Introduction to
 * the Bootstrap", ch. 13): `resamples` times, draw the customers (`rows`) with replacement, take
 * the slope; the interval is the (1 ∓ confidence)/2 quantiles of those slopes. Customers are the
 * resampled unit because a customer's rates at the levels are not independent of each other. The
 * same resamples give an interval for the mean rate at each level.
 */
export function bootstrapSlope(rates: Float64Array, rows: Int32Array, levels: readonly number[], resamples: number, confidence: number, seed: number): SlopeInterval {
  if (!(Number.isInteger(resamples) && resamples >= 1)) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const slope = levelSlope(rates, rows, levels);
  const L = levels.length;
  if (rows.length === 0) return { slope, low: NaN, high: NaN, levelLow: levels.map(() => NaN), levelHigh: levels.map(() => NaN) };
  const random = createRandom(seed);
  const draw = new Int32Array(rows.length);
  const slopes = new Float64Array(resamples);
  const means = new Float64Array(L);
  const byLevel = Array.from({ length: L }, () => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < rows.length; i++) draw[i] = rows[random.int(rows.length)];
    levelMeans(rates, draw, L, means);
    slopes[b] = slopeOfMeans(means, levels);
    for (let l = 0; l < L; l++) byLevel[l][b] = means[l];
  }
  const lo = (1 - confidence) / 2, hi = (1 + confidence) / 2;
  slopes.sort();
  for (const a of byLevel) a.sort();
  return {
    slope, low: quantileSorted(slopes, lo), high: quantileSorted(slopes, hi),
    levelLow: byLevel.map((a) => quantileSorted(a, lo)), levelHigh: byLevel.map((a) => quantileSorted(a, hi)),
  };
}
