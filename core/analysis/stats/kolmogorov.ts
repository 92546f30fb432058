/**
 * Survival function of the one-sample two-sided Kolmogorov–Smirnov statistic D_n for finite n,
 * P(D_n > x), as SciPy's `scipy.stats.kstwo.sf(x, n)` (scipy/stats/_ksstats.py, SciPy 1.10) chooses
 * its method: Simard & L'Ecuyer (2011), "Computing the two-sided Kolmogorov–Smirnov distribution",
 * J. Stat. Softw. 39(11). Ruben–Gambino closed forms at the ends, 2·Smirnov for large x, the
 * Durbin matrix (Marsaglia, Tsang & Wang 2003) and Pomeranz (1974) recursions for small n·x²,
 * and the Pelz–Good (1976) expansion for large n.
 */
import { durbinMatrixCdf, pelzGoodCdf, pomeranzCdf } from './kolmogorov-methods.js';
import { smirnovSf } from './smirnov.js';

const clip = (p: number): number => (p < 0 ? 0 : p > 1 ? 1 : p);

/** P(D_n > x); n a positive integer. */
export function kolmogorovSf(n: number, x: number): number {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (Number.isNaN(x)) throw new RangeError(`x must be a number, got ${x}`);
  // kstwo's support is [1/(2n), 1]: at or below it the survival is 1, at or above 1 it is 0.
  if (x >= 1) return 0;
  if (x <= 0.5 / n) return 1;
  const t = n * x;
  if (t <= 1) {
    // Ruben–Gambino: P(D_n ≤ x) = n!/nⁿ (2t − 1)ⁿ for 1/(2n) ≤ x ≤ 1/n.
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip(1 - prob);
  }
  if (t >= n - 1) return clip(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 0.754693) return clip(1 - clip(durbinMatrixCdf(n, x)));
    if (nx2 <= 4) return clip(1 - clip(pomeranzCdf(n, x)));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  const cdf = n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinMatrixCdf(n, x) : pelzGoodCdf(n, x);
  return clip(1 - clip(cdf));
}

// B_{2j}/(2j(2j − 1)) for j = 8…1 (SciPy's _STIRLING_COEFFS, to double precision).
const STIRLING = [-0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333];

/** log(n!/nⁿ) by Stirling's series with n·log n removed up front. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n, z = rn / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * z + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
}
