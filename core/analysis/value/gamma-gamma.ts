import { logGamma } from '../stats/distributions.js';
import { minimiseBfgs } from './optimise.js';
import { digamma } from './special.js';

/**
 * The Gamma-Gamma model of spend per purchase (Fader & Hardie 2013, "The Gamma-Gamma Model of
 * Monetary Value"; Colombo & Jiang 1999): each transaction's value is Gamma(p, ν), ν ~ Gamma(q, γ)
 * across customers, independent of the purchase process. Fitted on customers with x > 0 repeat
 * purchases and their mean repeat spend m̄ (lifetimes' convention).
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaData {
  /** Repeat purchases x ≥ 1. */
  frequency: ArrayLike<number>;
  /** Mean repeat purchase amount m̄ > 0. */
  monetary: ArrayLike<number>;
}

function checkData(d: GammaGammaData): number {
  const n = d.frequency.length;
  if (d.monetary.length !== n) throw new RangeError(`frequency and monetary must have one length, got ${n} and ${d.monetary.length}`);
  for (let i = 0; i < n; i++) {
    if (!(d.frequency[i] >= 1)) throw new RangeError(`frequency must be at least 1 for the Gamma-Gamma fit, got ${d.frequency[i]} at ${i}`);
    if (!(d.monetary[i] > 0) || !Number.isFinite(d.monetary[i])) throw new RangeError(`monetary must be positive, got ${d.monetary[i]} at ${i}`);
  }
  return n;
}

/**
 * Σ ln L(p, q, γ | x, m̄) and its gradient ∂/∂(p, q, γ). The density of the mean of x Gamma(p, ν)
 * values is Gamma(px, xν); integrated over ν ~ Gamma(q, γ):
 *   ln L = lnΓ(px + q) − lnΓ(px) − lnΓ(q) + q ln γ + (px − 1) ln m̄ + px ln x − (px + q) ln(γ + x m̄).
 */
export function gammaGammaLogLikGrad(params: GammaGammaParams, d: GammaGammaData, grad?: Float64Array): number {
  const { p, q, gamma } = params;
  const n = d.frequency.length;
  const lgq = logGamma(q), psq = grad ? digamma(q) : 0, lg = Math.log(gamma);
  let ll = 0, gp = 0, gq = 0, gg = 0;
  for (let i = 0; i < n; i++) {
    const x = d.frequency[i], m = d.monetary[i];
    const lm = Math.log(m), lx = Math.log(x), lgxm = Math.log(gamma + x * m);
    ll += logGamma(p * x + q) - logGamma(p * x) - lgq + q * lg + (p * x - 1) * lm + p * x * lx - (p * x + q) * lgxm;
    if (grad) {
      const ps = digamma(p * x + q);
      gp += x * (ps - digamma(p * x) + lm + lx - lgxm);
      gq += ps - psq + lg - lgxm;
      gg += q / gamma - (p * x + q) / (gamma + x * m);
    }
  }
  if (grad) grad.set([gp, gq, gg]);
  return ll;
}

/** Σ ln L of the data under the parameters, checked input. */
export function gammaGammaLogLik(params: GammaGammaParams, d: GammaGammaData): number {
  checkParams(params);
  checkData(d);
  return gammaGammaLogLikGrad(params, d);
}

function checkParams(p: GammaGammaParams): void {
  for (const k of ['p', 'q', 'gamma'] as const) if (!(p[k] > 0) || !Number.isFinite(p[k])) throw new RangeError(`${k} must be a positive finite number, got ${p[k]}`);
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLik: number;
  iterations: number;
  converged: boolean;
}

/** Maximum likelihood by BFGS on (ln p, ln q, ln γ), from p = q = γ = 1 (as lifetimes), minimising −LL/n. */
export function fitGammaGamma(d: GammaGammaData, start: GammaGammaParams = { p: 1, q: 1, gamma: 1 }): GammaGammaFit {
  const n = checkData(d);
  if (n === 0) throw new RangeError('the Gamma-Gamma fit needs at least one customer with a repeat purchase, got 0');
  checkParams(start);
  const g3 = new Float64Array(3);
  const of = (th: Float64Array): GammaGammaParams => ({ p: Math.exp(th[0]), q: Math.exp(th[1]), gamma: Math.exp(th[2]) });
  const res = minimiseBfgs((th, grad) => {
    const p = of(th);
    if (![p.p, p.q, p.gamma].every((v) => v > 1e-300 && v < 1e300)) return Infinity;
    const ll = gammaGammaLogLikGrad(p, d, g3);
    grad[0] = (-g3[0] * p.p) / n;
    grad[1] = (-g3[1] * p.q) / n;
    grad[2] = (-g3[2] * p.gamma) / n;
    return -ll / n;
  }, [Math.log(start.p), Math.log(start.q), Math.log(start.gamma)]);
  const params = of(res.x);
  return { params, logLik: gammaGammaLogLikGrad(params, d), iterations: res.iterations, converged: res.converged };
}

/**
 * E[M | x, m̄] = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · m̄ (Fader & Hardie 2013,
 * eq. 5): a weighted mean of the population mean pγ/(q − 1) and the customer's own m̄. With
 * x = 0 it is the population mean. Needs q > 1 (else the population mean is infinite).
 */
export function gammaGammaExpectedSpend(g: GammaGammaParams, x: number, m: number): number {
  if (!(g.q > 1)) throw new RangeError(`q must be above 1 for a finite expected spend, got ${g.q}`);
  return (g.p * (g.gamma + x * m)) / (g.p * x + g.q - 1);
}
