/**
 * Exact null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic, as computed by
 * SciPy's `ks_2samp(method='exact')` (scipy/stats/_stats_py.py and _stats_pythran.py, SciPy 1.10),
 * following Hodges (1958), "The significance probability of the Smirnov two-sample test", Arkiv för
 * Matematik 3, 469–486, and Viehmann (2021), arXiv:2102.08037, for the 1 − p recursion.
 */

/**
 * P(D_{n,n} ≥ h/n) for equal sizes: 2·Σ_{k≥1} (−1)^{k−1} C(2n, n−kh)/C(2n, n), evaluated as
 * 2·A₁(1 − A₂(1 − A₃(…))) with A_k = Π_{j<h} (n − kh − j)/(n + kh + j + 1) to avoid cancellation.
 */
export function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * P(D_{m,n} ≥ h/lcm(m, n)) for unequal sizes: the share of lattice paths from (0, 0) to (m, n) that
 * leave the band |x/m − y/n| < h/lcm, by the inside method with Viehmann's recursion carried on
 * 1 − (share of inside paths so far), one sliding column at a time. g = gcd(m, n).
 */
export function probOutsideBand(m0: number, n0: number, g: number, h: number): number {
  const m = Math.max(m0, n0), n = Math.min(m0, n0);
  const mg = m / g, ng = n / g;
  let minj = 0, maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const a = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) a[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj, lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
      a[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) a.fill(1, maxj - minj, Math.min(maxj - minj + (lastlen - curlen), lenA));
  }
  return a[maxj - minj - 1];
}
