import type { ModelForecast } from '../../model/forecast.js';
import { etsLabel, etsPoint, etsRun, type EtsParams, type EtsSpec } from './ets-recursion.js';
import { etsStart } from './ets-init.js';
import { bands } from './intervals.js';
import { nelderMead } from './nelder-mead.js';

/**
 * Automatic ETS (Hyndman, Koehler, Snyder & Grose 2002; Hyndman et al. 2008, ch. 7): every
 * admissible error × trend × season combination of R's forecast::ets defaults (additive or
 * multiplicative error; no, additive or damped trend; no, additive or multiplicative season;
 * multiplicative forms only on strictly positive data; R's `restrict` excludes additive errors with
 * a multiplicative season), each fitted by minimising R's criterion with Nelder–Mead over the
 * smoothing parameters and the initial states, the one with the lowest AICc kept.
 *
 * Why ours and not @bsull/augurs's AutoETS: augurs 0.10 fits non-seasonal models only and exposes
 * neither the chosen form nor its AICc (docs/decisions/0014-forecast-models.md).
 */
export interface EtsFit {
  spec: EtsSpec;
  par: EtsParams;
  lik: number;
  /** Free parameters + 1 (σ), as R counts them. */
  np: number;
  aicc: number;
  sigma2: number;
  n: number;
}

const LOWER = 1e-4;
const UPPER = 0.9999;

/** Every candidate form R's ets tries by default on this data. */
export function etsCandidates(y: ArrayLike<number>, m: number): EtsSpec[] {
  let positive = true;
  for (let i = 0; i < y.length; i++) if (!(y[i] > 0)) positive = false;
  const out: EtsSpec[] = [];
  for (const error of positive ? (['A', 'M'] as const) : (['A'] as const)) {
    for (const trend of ['N', 'A', 'Ad'] as const) {
      for (const season of m > 1 ? (positive ? (['N', 'A', 'M'] as const) : (['N', 'A'] as const)) : (['N'] as const)) {
        if (error === 'A' && season === 'M') continue;
        out.push({ error, trend, season, m: season === 'N' ? 1 : m });
      }
    }
  }
  return out;
}

/** Fits one ETS form (maximum likelihood, R's criterion). Throws when the data is too short for it. */
export function fitEtsSpec(y: ArrayLike<number>, spec: EtsSpec): EtsFit {
  const n = y.length;
  const start = etsStart(y, spec);
  const hasBeta = spec.trend !== 'N';
  const hasGamma = spec.season !== 'N';
  const hasPhi = spec.trend === 'Ad';
  const m = hasGamma ? spec.m : 1;
  let sd = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] / n;
  for (let i = 0; i < n; i++) sd += (y[i] - mean) ** 2 / n;
  sd = Math.sqrt(sd) || 1;
  // The optimised vector and the initial simplex step of each coordinate.
  const x0: number[] = [];
  const steps: number[] = [];
  const add = (value: number, step: number): void => {
    x0.push(value);
    steps.push(step);
  };
  add(start.alpha, 0.05);
  if (hasBeta) add(start.beta, 0.05);
  if (hasGamma) add(start.gamma, 0.05);
  if (hasPhi) add(start.phi, 0.01);
  add(start.l0, 0.1 * sd);
  if (hasBeta) add(start.b0, 0.01 * sd);
  for (const v of hasGamma ? start.s0.slice(0, m - 1) : []) add(v, spec.season === 'M' ? 0.05 : 0.1 * sd);
  const np = x0.length + 1;
  if (n <= np + 4) throw new RangeError(`${etsLabel(spec)} needs more than ${np + 4} values, got ${n}`);
  const unpack = (x: number[]): EtsParams | null => {
    let k = 0;
    const alpha = x[k++];
    const beta = hasBeta ? x[k++] : 0;
    const gamma = hasGamma ? x[k++] : 0;
    const phi = hasPhi ? x[k++] : 1;
    if (alpha < LOWER || alpha > UPPER) return null;
    if (hasBeta && (beta < LOWER || beta > alpha)) return null;
    if (hasGamma && (gamma < LOWER || gamma > 1 - alpha)) return null;
    if (hasPhi && (phi < 0.8 || phi > 0.98)) return null;
    const l0 = x[k++];
    const b0 = hasBeta ? x[k++] : 0;
    let s0: number[] = [];
    if (hasGamma) {
      s0 = x.slice(k, k + m - 1);
      const sum = s0.reduce((a, b) => a + b, 0);
      s0.push(spec.season === 'A' ? -sum : m - sum);
      if (spec.season === 'M' && s0.some((v) => v <= 0)) return null;
    }
    return { alpha, beta, gamma, phi, l0, b0, s0 };
  };
  const objective = (x: number[]): number => {
    const par = unpack(x);
    if (!par) return Number.POSITIVE_INFINITY;
    const lik = etsRun(y, spec, par).lik;
    return Number.isNaN(lik) ? Number.POSITIVE_INFINITY : lik;
  };
  // Two Nelder–Mead passes (the second restarts the simplex at the first's optimum): R runs one.
  let best = nelderMead(objective, x0, { maxEval: 2000, tol: 1e-8, step: steps });
  best = nelderMead(objective, best.x, { maxEval: 2000, tol: 1e-10, step: steps.map((s) => s / 4) });
  const par = unpack(best.x);
  if (!par || !Number.isFinite(best.f)) throw new Error(`${etsLabel(spec)} did not converge`);
  const run = etsRun(y, spec, par);
  const aic = run.lik + 2 * np;
  const aicc = aic + (2 * np * (np + 1)) / (n - np - 1);
  return { spec, par, lik: run.lik, np, aicc, sigma2: run.sse / (n - np), n };
}

/** Selects the lowest-AICc form among `etsCandidates` (forms that fail to fit are skipped). */
export function selectEts(y: ArrayLike<number>, m: number): { best: EtsFit; tried: { spec: string; aicc: number }[] } {
  let best: EtsFit | null = null;
  const tried: { spec: string; aicc: number }[] = [];
  for (const spec of etsCandidates(y, m)) {
    try {
      const fit = fitEtsSpec(y, spec);
      tried.push({ spec: etsLabel(spec), aicc: fit.aicc });
      if (!best || fit.aicc < best.aicc) best = fit;
    } catch {
      tried.push({ spec: etsLabel(spec), aicc: Number.NaN });
    }
  }
  if (!best) throw new Error(`no ETS form could be fitted to ${y.length} values`);
  return { best, tried };
}

/**
 * Forecast of a fitted ETS model. Intervals: the exact h-step variance of the linear (additive
 * error) class, σ²·(1 + Σ_{j<h} c_j²), c_j = α + β·φ_j + γ·[j mod m = 0], φ_j = φ + … + φ^j
 * (Hyndman et al. 2008, Table 6.1, class 1); for multiplicative-error models the same factor on
 * the relative scale, |ŷ_h|·σ·√(…) — an approximation (R simulates for its class 3).
 */
export function etsForecast(y: ArrayLike<number>, fit: EtsFit, horizon: number, ms = 0): ModelForecast {
  const fitted = new Array<number>(y.length);
  const run = etsRun(y, fit.spec, fit.par, fitted);
  const mean = etsPoint(fit.spec, run, fit.par.phi, horizon);
  const { alpha, beta, gamma } = fit.par;
  const phi = fit.spec.trend === 'Ad' ? fit.par.phi : 1;
  const sd: number[] = [];
  let acc = 1;
  let phiSum = 0;
  for (let h = 1; h <= horizon; h++) {
    sd.push(Math.sqrt(fit.sigma2 * acc) * (fit.spec.error === 'M' ? Math.abs(mean[h - 1]) : 1));
    phiSum += phi ** h;
    const c = alpha + (fit.spec.trend === 'N' ? 0 : beta * phiSum) + (fit.spec.season !== 'N' && h % fit.spec.m === 0 ? gamma : 0);
    acc += c * c;
  }
  return {
    model: 'ets',
    spec: etsLabel(fit.spec),
    mean,
    ...bands(mean, sd),
    fitted,
    aicc: fit.aicc,
    loglik: -0.5 * fit.lik,
    ms,
  };
}

/** Selects, fits and forecasts: the `ets` model. */
export function fitEts(y: ArrayLike<number>, m: number, horizon: number): ModelForecast {
  const t0 = performance.now();
  const { best } = selectEts(y, m);
  return etsForecast(y, best, horizon, performance.now() - t0);
}
