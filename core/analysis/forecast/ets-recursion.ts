/**
 * The ETS state-space recursions of Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with
 * Exponential Smoothing: the State Space Approach", Table 2.1, in the error-correction form R's
 * forecast::ets evaluates (etscalc in its etscalc.c): one pass over the data gives the
 * "likelihood" criterion R minimises,
 *   lik = n·log(Σ e_t²)                    (additive errors, e_t = y_t − ŷ_t)
 *   lik = n·log(Σ e_t²) + 2·Σ log|ŷ_t|     (multiplicative errors, e_t = (y_t − ŷ_t)/ŷ_t),
 * so that R's loglik = −lik/2 and AIC = lik + 2·np hold here too.
 */
export type EtsError = 'A' | 'M';
export type EtsTrend = 'N' | 'A' | 'Ad';
export type EtsSeason = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: EtsError;
  trend: EtsTrend;
  season: EtsSeason;
  /** Season length (1 when season = 'N'). */
  m: number;
}

/** Smoothing parameters and initial states: s[0] is the most recent seasonal state, s[m−1] the oldest (used first). */
export interface EtsParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  l0: number;
  b0: number;
  s0: number[];
}

export interface EtsRun {
  lik: number;
  /** Sum of squared errors e_t (relative errors for multiplicative models). */
  sse: number;
  /** Final states: level, growth, seasonal states (s[0] most recent). */
  l: number;
  b: number;
  s: number[];
}

const TOL = 1e-10;

/** ETS(error, trend, season) label as R prints it, e.g. "ETS(M,Ad,A)". */
export function etsLabel(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/**
 * One pass of the recursions; fills `fitted` (one-step forecasts) when given. Returns lik = +∞ when a
 * multiplicative model meets a forecast near zero (R does the same).
 */
export function etsRun(y: ArrayLike<number>, spec: EtsSpec, par: EtsParams, fitted?: number[]): EtsRun {
  const { alpha, beta, gamma } = par;
  const phi = spec.trend === 'Ad' ? par.phi : 1;
  const hasTrend = spec.trend !== 'N';
  const m = spec.season === 'N' ? 1 : spec.m;
  // Circular buffer: ring[(head + j) % m] = s[j] of the C code; s[m−1] is the seasonal state of the current period.
  const ring = spec.season === 'N' ? [0] : par.s0.slice();
  let head = 0;
  let l = par.l0;
  let b = hasTrend ? par.b0 : 0;
  let sse = 0;
  let logSum = 0;
  const n = y.length;
  for (let t = 0; t < n; t++) {
    const phib = hasTrend ? phi * b : 0;
    const q = l + phib;
    const oldestIndex = (head + m - 1) % m;
    const sv = ring[oldestIndex];
    const f = spec.season === 'N' ? q : spec.season === 'A' ? q + sv : q * sv;
    if (fitted) fitted[t] = f;
    const yt = y[t];
    let e: number;
    if (spec.error === 'A') e = yt - f;
    else {
      if (Math.abs(f) < TOL) return { lik: Number.POSITIVE_INFINITY, sse: Number.POSITIVE_INFINITY, l, b, s: [] };
      e = (yt - f) / f;
      logSum += Math.log(Math.abs(f));
    }
    sse += e * e;
    let p: number;
    if (spec.season === 'N') p = yt;
    else if (spec.season === 'A') p = yt - sv;
    else {
      if (Math.abs(sv) < TOL) return { lik: Number.POSITIVE_INFINITY, sse: Number.POSITIVE_INFINITY, l, b, s: [] };
      p = yt / sv;
    }
    const newL = q + alpha * (p - q);
    if (hasTrend) b = phib + (beta / alpha) * (newL - l - phib);
    if (spec.season !== 'N') {
      let target: number;
      if (spec.season === 'A') target = yt - q;
      else {
        if (Math.abs(q) < TOL) return { lik: Number.POSITIVE_INFINITY, sse: Number.POSITIVE_INFINITY, l, b, s: [] };
        target = yt / q;
      }
      // s[0] ← s[m−1] + γ(target − s[m−1]); the others shift one place: reuse the oldest slot as the new head.
      ring[oldestIndex] = sv + gamma * (target - sv);
      head = oldestIndex;
    }
    l = newL;
  }
  let lik = n * Math.log(sse);
  if (spec.error === 'M') lik += 2 * logSum;
  const s = Array.from({ length: m }, (_, j) => ring[(head + j) % m]);
  return { lik: Math.max(lik, -1e10), sse, l, b, s };
}

/** Point forecasts h = 1..horizon from the final states (the recursions without errors). */
export function etsPoint(spec: EtsSpec, run: EtsRun, phiParam: number, horizon: number): number[] {
  const phi = spec.trend === 'Ad' ? phiParam : 1;
  const out: number[] = [];
  let damp = 0;
  for (let h = 1; h <= horizon; h++) {
    damp += phi ** h;
    const trend = spec.trend === 'N' ? run.l : run.l + damp * run.b;
    if (spec.season === 'N') out.push(trend);
    else {
      const sv = run.s[spec.m - 1 - ((h - 1) % spec.m)];
      out.push(spec.season === 'A' ? trend + sv : trend * sv);
    }
  }
  return out;
}
