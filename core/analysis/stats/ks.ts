import { probOutsideBand, probOutsideSquare } from './ks-exact.js';
import { kolmogorovSf } from './kolmogorov.js';

export interface Ks2Result {
  /** D = sup_t |F₁(t) − F₂(t)| of the two empirical distribution functions. */
  statistic: number;
  /** Two-sided p-value, P(D ≥ observed) under "both samples come from one distribution". */
  pvalue: number;
  /** 'exact' when max(n₁, n₂) ≤ 10,000, else 'asymp' (SciPy's method='auto'). */
  method: 'exact' | 'asymp';
}

/** Largest sample size for which the exact distribution is used (SciPy's MAX_AUTO_N). */
export const KS_MAX_EXACT_N = 10000;

/**
 * Two-sample two-sided Kolmogorov–Smirnov test, the numbers of SciPy's `ks_2samp(x, y)` with its
 * defaults (alternative='two-sided', method='auto'; SciPy 1.10 source, scipy/stats/_stats_py.py).
 *
 * D = max over all observed t of |F₁(t) − F₂(t)| with F(t) = #{≤ t}/n (ties: every copy of a value
 * is stepped over at once, as searchsorted(side='right') does). p-value, with g = gcd(n₁, n₂):
 * - max(n₁, n₂) ≤ 10,000: exact. D is snapped to h/lcm(n₁, n₂), h = round(D·lcm); P(D_{n₁,n₂} ≥ D)
 *   by Hodges' (1958) lattice-path count: the alternating binomial series for n₁ = n₂, otherwise the
 *   inside method with Viehmann's (2021) 1 − p recursion (see ks-exact.ts).
 * - otherwise: P(D_N > D) of the one-sample Kolmogorov distribution with N = round(n₁n₂/(n₁ + n₂))
 *   (scipy.stats.kstwo.sf; see kolmogorov.ts).
 */
export function ks2samp(x: Float64Array, y: Float64Array): Ks2Result {
  check(x, 'x');
  check(y, 'y');
  const a = x.slice().sort(), b = y.slice().sort();
  const n1 = a.length, n2 = b.length;
  let maxS = -Infinity, minS = Infinity;
  for (let i = 0, j = 0; i < n1 || j < n2; ) {
    const t = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] <= t) i++;
    while (j < n2 && b[j] <= t) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
  }
  const minD = Math.min(Math.max(-minS, 0), 1);
  let d = minD > maxS ? minD : maxS;
  if (Math.max(n1, n2) <= KS_MAX_EXACT_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, pvalue: 1, method: 'exact' };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideBand(n1, n2, g, h);
    // SciPy falls back to the asymptotic p-value when the exact one is not a probability.
    if (p >= 0 && p <= 1) return { statistic: d, pvalue: p, method: 'exact' };
  }
  const m = Math.max(n1, n2), n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  const p = kolmogorovSf(roundHalfEven(en), d);
  return { statistic: d, pvalue: Math.min(Math.max(p, 0), 1), method: 'asymp' };
}

function check(v: Float64Array, name: string): void {
  if (v.length === 0) throw new RangeError(`${name} must not be empty, got 0 values`);
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) throw new RangeError(`${name} must not contain NaN, got NaN at ${i}`);
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** NumPy's round(): halves go to the even neighbour. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
