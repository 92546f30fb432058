import type { ModelForecast } from '../../model/forecast.js';
import { bands } from './intervals.js';
import { minRootModulus } from './roots.js';
import { forecastRuntime } from './runtime.js';

/** A (p,d,q)(P,D,Q)[s] order. */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  s: number;
}

/** One fixed-order fit: ctsa's exact Gaussian likelihood (CSS then ML, as R's Arima default "CSS-ML"). */
export interface ArimaFit {
  order: ArimaOrder;
  loglik: number;
  /** Estimated parameters + 1 (σ²), as R counts `npar`. */
  npar: number;
  /** AICc as R's forecast::Arima: AIC + 2k(k+1)/(n* − k − 1), n* = n − d − D·s. */
  aicc: number;
  /** Point forecasts and their variances (already scaled as R's, see fitArima); empty when horizon = 0. */
  mean: number[];
  variance: number[];
  /** Coefficients in R's signs: y_t = Σ ar·y_{t−i} + e_t + Σ ma·e_{t−i} (and the seasonal ones at lags i·s). */
  coef: { ar: number[]; ma: number[]; sar: number[]; sma: number[] };
  /** Smallest root modulus of the AR and MA polynomials (in z, seasonal factors included); R refuses < 1.01. */
  minRoot: number;
  /** One-step in-sample fitted values y_t − e_t; NaN for the first d + D·s values (ctsa keeps residuals of the differenced series only). */
  fitted: number[];
}

/** "ARIMA(1,0,1)(0,1,1)[7]", as R prints it (the seasonal part only when seasonal). */
export function arimaLabel(o: ArimaOrder): string {
  const seasonal = o.P + o.D + o.Q > 0 ? `(${o.P},${o.D},${o.Q})[${o.s}]` : '';
  return `ARIMA(${o.p},${o.d},${o.q})${seasonal}`;
}

// Byte offsets in ctsa's `struct sarimax_set` (sarimax.h) as compiled into arima 0.2.8's WASM:
// ints N@4·4, p@8·4, d@9·4, q@10·4, s@11·4, P@12·4, D@13·4, Q@14·4, ncoeff@17·4; doubles var@112,
// loglik@120, aic@128. fitArima checks the ints against what it asked for before trusting the doubles.
const INT_N = 4;
const INT_ORDER = [8, 9, 10, 11, 12, 13, 14];
const LOGLIK = 120;
const AIC = 128;
// Pointers to the coefficient arrays phi, theta, PHI, THETA (ctsa's MA signs are the opposite of R's),
// Nused (values after differencing) and the pointer to its residuals.
const INT_COEF = [18, 19, 20, 21];
const INT_NUSED = 5;
const INT_RES = 25;

/** ctsa's estimation methods: 0 = CSS then exact ML (R's "CSS-ML"), 2 = conditional sum of squares. */
export type ArimaMethod = 0 | 2;

/**
 * Fits one SARIMA order with the `arima` package (ctsa; method 0 = CSS-ML, L-BFGS) and forecasts
 * `horizon` steps. ctsa reports the ML innovation variance (Σe²/n*); R's forecast::Arima reports
 * Σe²/(n* − ncoef), so the forecast variances are scaled by n* · 1/(n* − ncoef) to give R's intervals.
 * The log-likelihood and AIC come from the fitted struct in WASM memory (the JS wrapper does not
 * expose them). No drift term: ctsa has none (a difference from R's auto.arima, documented).
 */
export function fitArima(y: ArrayLike<number>, order: ArimaOrder, horizon: number, method: ArimaMethod = 0): ArimaFit {
  const { module, ARIMA } = forecastRuntime().arima;
  const seasonal = order.P + order.D + order.Q > 0;
  const model = new ARIMA({ p: order.p, d: order.d, q: order.q, P: order.P, D: order.D, Q: order.Q, s: seasonal ? order.s : 0, method, optimizer: 6, verbose: false });
  try {
    model.train(Array.from(y));
    const view = new DataView(module.HEAPU8.buffer);
    const ptr = model.model;
    const int = (i: number): number => view.getInt32(ptr + 4 * i, true);
    const asked = [order.p, order.d, order.q, seasonal ? order.s : 0, order.P, order.D, order.Q];
    if (int(INT_N) !== y.length || INT_ORDER.some((at, i) => int(at) !== asked[i])) {
      throw new Error('arima (ctsa) WASM struct layout is not the one this adapter reads: check the arima package version');
    }
    const loglik = view.getFloat64(ptr + LOGLIK, true);
    if (!Number.isFinite(loglik)) throw new Error(`${arimaLabel(order)} did not converge`);
    const doubles = (at: number, k: number, sign: number): number[] => Array.from({ length: k }, (_, i) => sign * view.getFloat64(int(at) + 8 * i, true));
    const coef = {
      ar: doubles(INT_COEF[0], order.p, 1),
      ma: doubles(INT_COEF[1], order.q, -1),
      sar: doubles(INT_COEF[2], order.P, 1),
      sma: doubles(INT_COEF[3], order.Q, -1),
    };
    // σ² + the coefficients + the mean ctsa estimates when the model has no differencing.
    const npar = order.p + order.q + order.P + order.Q + (order.d + order.D === 0 ? 1 : 0) + 1;
    if (method === 0) {
      const aic = view.getFloat64(ptr + AIC, true);
      if (Math.abs(aic - (-2 * loglik + 2 * npar)) > 1e-6 * Math.abs(aic)) throw new Error(`arima (ctsa) counted ${(aic + 2 * loglik) / 2} parameters for ${arimaLabel(order)}, not ${npar}`);
    }
    const nstar = y.length - order.d - order.D * order.s;
    const aicc = -2 * loglik + 2 * npar + (2 * npar * (npar + 1)) / (nstar - npar - 1);
    const nused = int(INT_NUSED);
    if (nused !== nstar) throw new Error(`arima (ctsa) used ${nused} values of ${arimaLabel(order)}, expected ${nstar}`);
    const offset = y.length - nused;
    const resPtr = int(INT_RES);
    const fitted = Array.from({ length: y.length }, (_, t) => (t < offset ? Number.NaN : y[t] - view.getFloat64(resPtr + 8 * (t - offset), true)));
    const [mean, variance] = horizon > 0 ? model.predict(horizon) : [[], []];
    const scale = nstar / (nstar - (npar - 1));
    return { order, loglik, npar, aicc, mean, variance: variance.map((v) => v * scale), coef, minRoot: minRoot(coef, order.s), fitted };
  } finally {
    model.destroy();
  }
}

/** A fixed-order fit as the `sarima` model's forecast. */
export function arimaForecast(fit: ArimaFit, ms: number): ModelForecast {
  const sd = fit.variance.map((v) => Math.sqrt(Math.max(v, 0)));
  return {
    model: 'sarima',
    spec: arimaLabel(fit.order),
    mean: fit.mean,
    ...bands(fit.mean, sd),
    fitted: fit.fitted,
    aicc: fit.aicc,
    loglik: fit.loglik,
    ms,
  };
}

/**
 * Smallest root modulus over the four polynomial factors; a seasonal factor 1 + c₁w + … in w = z^s
 * has roots |z| = |w|^(1/s).
 */
function minRoot(coef: ArimaFit['coef'], s: number): number {
  const seasonal = (c: number[]): number => minRootModulus(c) ** (1 / Math.max(s, 1));
  return Math.min(
    minRootModulus(coef.ar.map((v) => -v)),
    minRootModulus(coef.ma),
    seasonal(coef.sar.map((v) => -v)),
    seasonal(coef.sma),
  );
}
