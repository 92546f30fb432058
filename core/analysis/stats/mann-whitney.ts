import { normalSf } from './distributions.js';

export interface MannWhitneyResult {
  /** U₁ = R₁ − n₁(n₁ + 1)/2, the U statistic of x (R₁: rank sum of x in the pooled sample). */
  u: number;
  /** Two-sided asymptotic p-value with tie-corrected variance and continuity correction. */
  pValue: number;
  /**
   * Rank-biserial correlation r = 2·U₁/(n₁n₂) − 1 = P(X > Y) − P(X < Y), in [−1, 1]; positive when
   * x tends to be larger than y, 0 when neither dominates.
   */
  effect: number;
}

/**
 * Two-sided Mann–Whitney U test (Wilcoxon rank-sum test) of x against y, the numbers of SciPy's
 * `mannwhitneyu(x, y, alternative='two-sided', use_continuity=True, method='asymptotic')`
 * (SciPy ≥ 1.7, which returns U₁, the statistic of x; SciPy 1.10 source, scipy/stats/_mannwhitneyu.py).
 *
 * Sources: Mann, H. B. & Whitney, D. R. (1947), "On a test of whether one of two random variables is
 * stochastically larger than the other", Ann. Math. Statist. 18, 50–60; tie-corrected variance
 * as in Lehmann, E. L. (1975), Nonparametrics, §1.4; rank-biserial correlation: Cureton, E. E. (1956),
 * Psychometrika 21, 287–290, and Kerby, D. S. (2014), "The simple difference formula",
 * Comprehensive Psychology 3.
 *
 * With N = n₁ + n₂, pooled average ranks (ties share the mean of their ranks) and tie groups of
 * sizes tⱼ:
 *   U₁ = R₁ − n₁(n₁ + 1)/2,  U₂ = n₁n₂ − U₁,  U = max(U₁, U₂),
 *   σ = √( n₁n₂/12 · ((N + 1) − Σ(tⱼ³ − tⱼ)/(N(N − 1))) ),
 *   z = (U − n₁n₂/2 − ½)/σ,  p = min(1, 2·P(Z > z)).
 * When every value is tied, σ = 0 and the test has no information: p = 1 (SciPy: z = −∞, p = 1).
 * Ranking sorts each sample and merges them: O(N log N) time, O(N) memory.
 *
 * Throws a RangeError when a sample is empty or contains NaN (±∞ are ordinary, rankable values).
 */
export function mannWhitneyU(x: Float64Array, y: Float64Array): MannWhitneyResult {
  check(x, 'x');
  check(y, 'y');
  const a = x.slice().sort(), b = y.slice().sort();
  const n1 = a.length, n2 = b.length, n = n1 + n2;
  let r1 = 0, tieTerm = 0, pos = 0;
  for (let i = 0, j = 0; i < n1 || j < n2; ) {
    const t = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    const i0 = i, j0 = j;
    while (i < n1 && a[i] === t) i++;
    while (j < n2 && b[j] === t) j++;
    const k = i - i0 + (j - j0);
    // Ranks pos + 1 … pos + k, each copy gets their mean.
    r1 += (i - i0) * (pos + (k + 1) / 2);
    tieTerm += k * k * k - k;
    pos += k;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u = Math.max(u1, n1 * n2 - u1);
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const effect = (2 * u1) / (n1 * n2) - 1;
  if (!(sigma > 0)) return { u: u1, pValue: 1, effect };
  const z = (u - (n1 * n2) / 2 - 0.5) / sigma;
  return { u: u1, pValue: Math.min(1, 2 * normalSf(z)), effect };
}

function check(v: Float64Array, name: string): void {
  if (v.length === 0) throw new RangeError(`${name} must not be empty, got 0 values`);
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) throw new RangeError(`${name} must not contain NaN, got NaN at ${i}`);
  }
}
