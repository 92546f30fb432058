/**
 * Special functions the BTYD models need beyond lnΓ (core/analysis/stats/distributions.ts):
 * the digamma function ψ for the likelihood gradients, and the Gauss hypergeometric ₂F₁ for the
 * BG/NBD conditional expectation (Fader, Hardie & Lee 2005, eq. 10).
 */

/**
 * ψ(x) = d lnΓ(x)/dx for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the
 * asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k x^{2k}) (Abramowitz & Stegun 6.3.18), five terms;
 * at x ≥ 10 the first omitted term (691/(32760 x¹²)) is below 3e-14.
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`x must be a positive finite number, got ${x}`);
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const w = 1 / (x * x);
  return shift + Math.log(x) - 0.5 / x - w * (1 / 12 - w * (1 / 120 - w * (1 / 252 - w * (1 / 240 - w / 132))));
}

/**
 * ₂F₁(a, b; c; z) for 0 ≤ z < 1 and c > 0 by its defining power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ,
 * summed until a term adds less than 1e-16 of the sum (terms shrink like zⁿ n^{a+b−c−1}; the
 * BG/NBD evaluates it at z = t/(α + T + t), below 1 by construction). Throws past `maxTerms`.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, maxTerms = 1_000_000): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`z must be in [0, 1), got ${z}`);
  if (!(c > 0)) throw new RangeError(`c must be positive, got ${c}`);
  let term = 1, sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    term *= ((a + n) * (b + n) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-16 * Math.abs(sum)) return sum;
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${maxTerms} terms`);
}
