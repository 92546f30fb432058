import type { ModelForecast } from '../../model/forecast.js';
import { arimaForecast, arimaLabel, fitArima, type ArimaFit, type ArimaOrder } from './sarima.js';
import { diff, ndiffs, nsdiffs } from './unit-root.js';

/**
 * Automatic SARIMA order selection after Hyndman & Khandakar (2008), "Automatic time series
 * forecasting: the forecast package for R", J. Stat. Softw. 27(3), §3.2, as forecast::auto.arima's
 * stepwise search: D by the seasonal-strength test, d by KPSS on the (seasonally differenced)
 * series, then a local search from four starting orders over p, q ≤ 5, P, Q ≤ 2 (R's stepwise
 * search does not apply max.order),
 * moving to the neighbour (one of p, q, P, Q ± 1, or p,q / P,Q together ± 1) with the lowest AICc
 * until none improves. As R does on long series (`approximation = TRUE`), the search ranks orders by
 * the AICc of conditional-sum-of-squares fits (ctsa method 2, ~20 ms each), then the candidates are
 * refitted by exact ML (CSS-ML) in that order and the first whose AR and MA roots all lie outside
 * |z| = 1.01 is kept (R's rule against near unit roots). No drift term (ctsa has none).
 */
export interface AutoArimaOptions {
  maxP: number;
  maxQ: number;
  maxSP: number;
  maxSQ: number;
  /** Upper bound on models fitted (R's nmodels = 94). */
  maxModels: number;
  /**
   * Refit the winner by exact ML (CSS-ML), as R. false keeps the CSS estimates (used for the
   * backtest folds: 20–50 ms per fit instead of up to seconds for seasonal MA terms).
   */
  exact: boolean;
  /** How many of the best CSS candidates are refitted exactly. */
  refits: number;
}

export const AUTO_ARIMA_DEFAULTS: AutoArimaOptions = { maxP: 5, maxQ: 5, maxSP: 2, maxSQ: 2, maxModels: 94, exact: true, refits: 3 };

export interface AutoArimaResult {
  best: ArimaFit;
  d: number;
  D: number;
  tried: { spec: string; aicc: number }[];
}

export function autoArima(y: ArrayLike<number>, m: number, horizon: number, options: Partial<AutoArimaOptions> = {}): AutoArimaResult {
  const o = { ...AUTO_ARIMA_DEFAULTS, ...options };
  const seasonal = m > 1 && y.length >= 2 * m + 10;
  const D = seasonal ? nsdiffs(y, m) : 0;
  const d = ndiffs(D > 0 ? diff(y, m) : y);
  const key = (p: number, q: number, P: number, Q: number): string => `${p},${q},${P},${Q}`;
  const css = new Map<string, number>();
  let current = '';
  const attempt = (p: number, q: number, P: number, Q: number): boolean => {
    if (p < 0 || q < 0 || P < 0 || Q < 0 || p > o.maxP || q > o.maxQ || P > o.maxSP || Q > o.maxSQ) return false;
    if (!seasonal && (P > 0 || Q > 0)) return false;
    const k = key(p, q, P, Q);
    if (css.has(k) || css.size >= o.maxModels) return false;
    try {
      const fit = fitArima(y, order(k), 0, 2);
      // R's rule on every candidate: AR or MA roots within 1.01 of the unit circle disqualify.
      css.set(k, fit.minRoot >= 1.01 ? fit.aicc : Number.NaN);
      if (fit.minRoot < 1.01) return false;
      if (!current || fit.aicc < (css.get(current) as number) - 1e-9) {
        current = k;
        return true;
      }
    } catch {
      css.set(k, Number.NaN);
    }
    return false;
  };
  const order = (k: string): ArimaOrder => orderOf(k, d, D, seasonal ? m : 1);
  if (seasonal) {
    attempt(2, 2, 1, 1);
    attempt(0, 0, 0, 0);
    attempt(1, 0, 1, 0);
    attempt(0, 1, 0, 1);
  } else {
    attempt(2, 2, 0, 0);
    attempt(0, 0, 0, 0);
    attempt(1, 0, 0, 0);
    attempt(0, 1, 0, 0);
  }
  if (!current) throw new Error(`no ARIMA order could be fitted to ${y.length} values`);
  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0], [0, 0, 1, 0], [0, 0, 0, -1], [0, 0, 0, 1], [0, 0, -1, -1], [0, 0, 1, 1], [0, 0, -1, 1], [0, 0, 1, -1],
    [-1, 0, 0, 0], [1, 0, 0, 0], [0, -1, 0, 0], [0, 1, 0, 0], [-1, -1, 0, 0], [1, 1, 0, 0], [-1, 1, 0, 0], [1, -1, 0, 0],
  ];
  for (let improved = true; improved && css.size < o.maxModels; ) {
    improved = false;
    const [p, q, P, Q] = current.split(',').map(Number);
    for (const [dp, dq, dP, dQ] of moves) if (attempt(p + dp, q + dq, P + dP, Q + dQ)) improved = true;
  }
  const ranked = [...css].filter(([, a]) => Number.isFinite(a)).sort((a, b) => a[1] - b[1]);
  const tried = ranked.map(([k, aicc]) => ({ spec: arimaLabel(order(k)), aicc }));
  // Exact refits of the best `refits` CSS candidates; the lowest exact AICc among those with roots
  // outside 1.01 wins (each refit can take seconds with seasonal MA terms: the budget bounds it).
  let bestExact: ArimaFit | null = null;
  for (const [k] of o.exact ? ranked.slice(0, o.refits) : []) {
    try {
      const fit = fitArima(y, order(k), horizon, 0);
      if (fit.minRoot >= 1.01 && (!bestExact || fit.aicc < bestExact.aicc)) bestExact = fit;
    } catch {
      // Refit failed: the next candidate, as R does.
    }
  }
  if (bestExact) return { best: bestExact, d, D, tried };
  for (const [k] of ranked) {
    const fit = fitArima(y, order(k), horizon, 2);
    if (fit.minRoot >= 1.01) return { best: fit, d, D, tried };
  }
  throw new Error(`no ARIMA order with roots outside the unit circle could be fitted to ${y.length} values`);
}

function orderOf(k: string, d: number, D: number, s: number): ArimaOrder {
  const [p, q, P, Q] = k.split(',').map(Number);
  return { p, d, q, P, D, Q, s };
}

/** Selects, fits and forecasts: the `sarima` model. */
export function fitSarima(y: ArrayLike<number>, m: number, horizon: number, exact = true): ModelForecast {
  const t0 = performance.now();
  const { best } = autoArima(y, m, horizon, { exact });
  return arimaForecast(best, performance.now() - t0);
}
