import { logGamma } from '../stats/distributions.js';
import { minimiseBfgs } from './optimise.js';
import { digamma, hyp2f1 } from './special.js';

/**
 * The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting Your Customers the
 * Easy Way", Marketing Science 24(2)): while alive, a customer buys as a Poisson process of rate
 * λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Per-customer (x, t_x, T) in one time unit; x integer ≥ 0, 0 ≤ t_x ≤ T. */
export interface BgNbdData {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}

function checkData(d: BgNbdData): number {
  const n = d.frequency.length;
  if (d.recency.length !== n || d.T.length !== n) throw new RangeError(`frequency, recency and T must have one length, got ${n}, ${d.recency.length}, ${d.T.length}`);
  for (let i = 0; i < n; i++) {
    const x = d.frequency[i], tx = d.recency[i], T = d.T[i];
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`frequency must be a non-negative integer, got ${x} at ${i}`);
    if (!(tx >= 0 && tx <= T)) throw new RangeError(`recency must be in 0..T, got ${tx} (T ${T}) at ${i}`);
    if (x > 0 && !(tx > 0)) throw new RangeError(`recency must be positive when frequency is, got ${tx} at ${i}`);
  }
  return n;
}

/**
 * Σ ln L(r, α, a, b | x, t_x, T) and its gradient ∂/∂(r, α, a, b), eq. (6) of the paper without
 * any hypergeometric function:
 *   ln L = A₁ + A₂ + ln(e^{A₃} + [x > 0] e^{A₄}), with
 *   A₁ = lnΓ(r + x) − lnΓ(r) + r ln α,  A₂ = lnΓ(a + b) + lnΓ(b + x) − lnΓ(b) − lnΓ(a + b + x),
 *   A₃ = −(r + x) ln(α + T),  A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x).
 * The lnΓ and ψ terms depend on x only, so they are computed once per distinct x.
 */
export function bgnbdLogLikGrad(params: BgNbdParams, d: BgNbdData, grad?: Float64Array): number {
  const { r, alpha, a, b } = params;
  const n = d.frequency.length;
  let maxX = 0;
  for (let i = 0; i < n; i++) maxX = Math.max(maxX, d.frequency[i]);
  const A12 = new Float64Array(maxX + 1), dA1r = new Float64Array(maxX + 1), dA2a = new Float64Array(maxX + 1), dA2b = new Float64Array(maxX + 1);
  const lgr = logGamma(r), lgab = logGamma(a + b), lgb = logGamma(b);
  const psr = grad ? digamma(r) : 0, psab = grad ? digamma(a + b) : 0, psb = grad ? digamma(b) : 0;
  const seen = new Uint8Array(maxX + 1);
  for (let i = 0; i < n; i++) seen[d.frequency[i]] = 1;
  for (let x = 0; x <= maxX; x++) {
    if (!seen[x]) continue;
    A12[x] = logGamma(r + x) - lgr + r * Math.log(alpha) + lgab + logGamma(b + x) - lgb - logGamma(a + b + x);
    if (grad) {
      dA1r[x] = digamma(r + x) - psr + Math.log(alpha);
      const psabx = digamma(a + b + x);
      dA2a[x] = psab - psabx;
      dA2b[x] = psab + digamma(b + x) - psb - psabx;
    }
  }
  const la = Math.log(a);
  let ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;
  for (let i = 0; i < n; i++) {
    const x = d.frequency[i], tx = d.recency[i], T = d.T[i];
    const A3 = -(r + x) * Math.log(alpha + T);
    let lse = A3, w4 = 0, A4 = -Infinity;
    if (x > 0) {
      A4 = la - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
      const m = Math.max(A3, A4);
      lse = m + Math.log(Math.exp(A3 - m) + Math.exp(A4 - m));
      w4 = Math.exp(A4 - lse);
    }
    ll += A12[x] + lse;
    if (grad) {
      const w3 = 1 - w4;
      gr += dA1r[x] - w3 * Math.log(alpha + T) - (x > 0 ? w4 * Math.log(alpha + tx) : 0);
      gal += r / alpha - w3 * (r + x) / (alpha + T) - (x > 0 ? w4 * (r + x) / (alpha + tx) : 0);
      ga += dA2a[x] + (x > 0 ? w4 / a : 0);
      gb += dA2b[x] - (x > 0 ? w4 / (b + x - 1) : 0);
    }
  }
  if (grad) grad.set([gr, gal, ga, gb]);
  return ll;
}

/** Σ ln L of the data under the parameters (eq. 6), checked input. */
export function bgnbdLogLik(params: BgNbdParams, d: BgNbdData): number {
  checkParams(params);
  checkData(d);
  return bgnbdLogLikGrad(params, d);
}

function checkParams(p: BgNbdParams): void {
  for (const k of ['r', 'alpha', 'a', 'b'] as const) if (!(p[k] > 0) || !Number.isFinite(p[k])) throw new RangeError(`${k} must be a positive finite number, got ${p[k]}`);
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLik: number;
  iterations: number;
  converged: boolean;
}

/**
 * Maximum-likelihood fit: BFGS (optimise.ts) on (ln r, ln α, ln a, ln b) minimising −LL/n, from
 * r = α = a = b = 1 as lifetimes starts; the analytic gradient above, times each parameter (the
 * chain rule of the log scale).
 */
export function fitBgNbd(d: BgNbdData, start: BgNbdParams = { r: 1, alpha: 1, a: 1, b: 1 }): BgNbdFit {
  const n = checkData(d);
  if (n === 0) throw new RangeError('the BG/NBD needs at least one customer, got 0');
  checkParams(start);
  const g4 = new Float64Array(4);
  const of = (th: Float64Array): BgNbdParams => ({ r: Math.exp(th[0]), alpha: Math.exp(th[1]), a: Math.exp(th[2]), b: Math.exp(th[3]) });
  const res = minimiseBfgs((th, grad) => {
    const p = of(th);
    if (![p.r, p.alpha, p.a, p.b].every((v) => v > 1e-300 && v < 1e300)) return Infinity;
    const ll = bgnbdLogLikGrad(p, d, g4);
    grad[0] = (-g4[0] * p.r) / n;
    grad[1] = (-g4[1] * p.alpha) / n;
    grad[2] = (-g4[2] * p.a) / n;
    grad[3] = (-g4[3] * p.b) / n;
    return -ll / n;
  }, [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)]);
  const params = of(res.x);
  return { params, logLik: bgnbdLogLikGrad(params, d), iterations: res.iterations, converged: res.converged };
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^{r+x})
 * (Fader, Hardie & Lee 2005, eq. 13; a customer with no repeat purchase is alive: the model lets
 * drop-out happen only right after a purchase).
 */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + (p.a / (p.b + x - 1)) * Math.exp((p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx))));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] of a customer with that history (eq. 10):
 *   (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^{r+x} ₂F₁(r + x, b + x; a + b + x − 1; z)]
 *   · P(alive),  z = t/(α + T + t).
 * The bracket is evaluated after Euler's transformation ₂F₁(A, B; C; z) = (1 − z)^{C−A−B}
 * ₂F₁(C − A, C − B; C; z), which turns (1 − z)^{r+x} ₂F₁(r + x, b + x; C; z) into
 * (1 − z)^{a−1} ₂F₁(a + b − 1 − r, a − 1; a + b + x − 1; z): no power or series that grows with x
 * (the direct form overflows past x ≈ 1000), and a series that converges as z → 1 whenever
 * r + x + 1 > a. a = 1 exactly is a removable singularity; it is evaluated at a = 1 + 1e-9.
 */
export function bgnbdExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (!(t >= 0)) throw new RangeError(`t must be non-negative, got ${t}`);
  if (t === 0) return 0;
  const a = p.a === 1 ? 1 + 1e-9 : p.a;
  const c = a + p.b + x - 1;
  if (!(c > 0)) throw new RangeError(`a + b + x − 1 must be positive for the conditional expectation, got ${c}`);
  const z = t / (p.alpha + T + t);
  const bracket = 1 - Math.pow(1 - z, a - 1) * hyp2f1(a + p.b - 1 - p.r, a - 1, c, z);
  return (c / (a - 1)) * bracket * bgnbdPAlive(p, x, tx, T);
}

/** The same expectation by the untransformed eq. (10), for tests of the transformation (overflows for large x). */
export function bgnbdExpectedDirect(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const c = p.a + p.b + x - 1;
  const z = t / (p.alpha + T + t);
  const bracket = 1 - Math.pow((p.alpha + T) / (p.alpha + T + t), p.r + x) * hyp2f1(p.r + x, p.b + x, c, z);
  return (c / (p.a - 1)) * bracket * bgnbdPAlive(p, x, tx, T);
}
