/**
 * Sample skewness and excess kurtosis, bias-adjusted exactly as pandas `Series.skew()` and
 * `Series.kurt()` (and Excel SKEW / KURT, SAS, SPSS): the adjusted Fisher–Pearson estimators G1
 * and G2 of Joanes & Gill (1998), "Comparing measures of sample skewness and kurtosis", The
 * Statistician 47(1), 183–189.
 *
 * With mean x̄ and central moments m_k = (1/n) Σ (x_i − x̄)^k:
 *   g1 = m3 / m2^(3/2),  g2 = m4 / m2² − 3                (population / biased)
 *   G1 = g1 · √(n(n − 1)) / (n − 2)                        (n ≥ 3)
 *   G2 = (n − 1) / ((n − 2)(n − 3)) · ((n + 1) · g2 + 6)   (n ≥ 4)
 * A normal sample gives G1 ≈ 0 and G2 ≈ 0; heavy tails give G2 > 0.
 */

/** G1 of `values` (two-pass, exact to rounding); NaN for n < 3, 0 when every value is equal (as pandas). */
export function skewness(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 3) return NaN;
  const { m2, m3 } = centralMoments(values);
  if (m2 === 0) return 0;
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
}

/** G2 (excess kurtosis) of `values` (two-pass); NaN for n < 4, 0 when every value is equal (as pandas). */
export function kurtosis(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 4) return NaN;
  const { m2, m4 } = centralMoments(values);
  if (m2 === 0) return 0;
  return adjustKurtosis(n, m4 / (m2 * m2) - 3);
}

/** Central moments m2, m3, m4 (divided by n) around the mean, in two passes. */
export function centralMoments(values: ArrayLike<number>): { mean: number; m2: number; m3: number; m4: number } {
  const n = values.length;
  if (n === 0) throw new RangeError('values must not be empty, got 0 values');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let m2 = 0, m3 = 0, m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean, d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { mean, m2: m2 / n, m3: m3 / n, m4: m4 / n };
}

/** G1 from n and the population g1. */
export function adjustSkewness(n: number, g1: number): number {
  if (!(n >= 3)) throw new RangeError(`n must be at least 3 for a skewness, got ${n}`);
  return (Math.sqrt(n * (n - 1)) / (n - 2)) * g1;
}

/** G2 from n and the population excess kurtosis g2. */
export function adjustKurtosis(n: number, g2: number): number {
  if (!(n >= 4)) throw new RangeError(`n must be at least 4 for a kurtosis, got ${n}`);
  return ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * g2 + 6);
}
