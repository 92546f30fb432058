/**
 * One-sided Smirnov survival P(D_n⁺ ≥ x) (SciPy's `scipy.special.smirnov(n, x)`), by the exact
 * Birnbaum & Tingey (1951) sum, "One-sided confidence contours for probability distribution
 * functions", Ann. Math. Stat. 22(4):
 *   P = x · Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) (1 − x − j/n)^{n−j} (x + j/n)^{j−1}.
 * All terms are positive, so summing them in log space loses no digits to cancellation; the
 * rounding of the logs (magnitude ~ n) grows the relative error with n: against SciPy (whose
 * values agree with a 40-digit mpmath sum) 1e-12 at n = 2,400, 2e-11 at n = 20,000, 6e-10 at
 * n = 150,000. ks2samp reaches this only for a p-value below ~0.025 with max(n₁, n₂) > 10,000.
 */
export function smirnovSf(n: number, x: number): number {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x must be in [0, 1], got ${x}`);
  if (x === 0) return 1;
  if (x === 1) return 0;
  const last = Math.floor(n * (1 - x));
  const logs: number[] = [];
  let logC = 0, max = -Infinity;
  for (let j = 0; j <= last; j++) {
    if (j > 0) logC += Math.log((n - j + 1) / j);
    const u = x + j / n;
    if (u >= 1 && n - j > 0) continue;
    // log(1 − u) by log1p: the power n − j would multiply the rounding of 1 − u by up to n.
    const lt = logC + (n - j > 0 ? (n - j) * Math.log1p(-u) : 0) + (j - 1) * Math.log(u);
    logs.push(lt);
    if (lt > max) max = lt;
  }
  if (logs.length === 0) return 0;
  let sum = 0;
  for (const lt of logs) sum += Math.exp(lt - max);
  const p = Math.exp(Math.log(x) + max + Math.log(sum));
  return p > 1 ? 1 : p;
}
