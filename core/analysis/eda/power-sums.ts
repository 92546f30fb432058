import { adjustKurtosis, adjustSkewness } from './moments.js';

/** Power sums of a sample: n and S_k = Σ x^k for k = 1…4, as SQL aggregates them in one pass. */
export interface PowerSums {
  n: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
}

/** Location, spread and shape of a sample, from its power sums. */
export interface SampleShape {
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1, as pandas std()). */
  sd: number;
  /** sd / mean; NaN when the mean is 0. */
  cv: number;
  /** G1 (see moments.ts); null for n < 3 or a practically constant sample. */
  skewness: number | null;
  /** G2 (see moments.ts); null for n < 4 or a practically constant sample. */
  kurtosis: number | null;
}

/**
 * Below this coefficient of variation the shape is not reported. Central moments come from power
 * sums by m2 = S2/n − x̄², m3 = S3/n − 3x̄·S2/n + 2x̄³, m4 = S4/n − 4x̄·S3/n + 6x̄²·S2/n − 3x̄⁴,
 * which cancels about log10(1/CV⁴) of the 16 digits of a double: at CV 1e-3 kurtosis keeps ~4
 * digits, below it rounding noise can pass for shape. A product whose prices all lie within
 * ~0.1 % of their mean has no meaningful price shape anyway.
 */
export const MIN_CV_FOR_SHAPE = 1e-3;

/**
 * Mean, sd, CV, G1 and G2 from power sums (the SQL side sums x, x², x³, x⁴ per product with
 * SQLite's compensated summation, so each S_k is exact to about one rounding). Matches the
 * two-pass `skewness` / `kurtosis` of moments.ts to ~1e-9 relative when CV ≥ MIN_CV_FOR_SHAPE.
 */
export function shapeFromPowerSums(p: PowerSums): SampleShape {
  const { n } = p;
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a positive integer, got ${n}`);
  const mean = p.s1 / n;
  const e2 = p.s2 / n, e3 = p.s3 / n, e4 = p.s4 / n;
  const m2 = Math.max(0, e2 - mean * mean);
  const m3 = e3 - 3 * mean * e2 + 2 * mean ** 3;
  const m4 = e4 - 4 * mean * e3 + 6 * mean * mean * e2 - 3 * mean ** 4;
  const sd = n > 1 ? Math.sqrt((m2 * n) / (n - 1)) : 0;
  const cv = mean !== 0 ? sd / Math.abs(mean) : NaN;
  const shaped = m2 > 0 && !(cv < MIN_CV_FOR_SHAPE);
  return {
    n,
    mean,
    sd,
    cv,
    skewness: shaped && n >= 3 ? adjustSkewness(n, m3 / Math.pow(m2, 1.5)) : null,
    kurtosis: shaped && n >= 4 ? adjustKurtosis(n, Math.max(m4, 0) / (m2 * m2) - 3) : null,
  };
}
