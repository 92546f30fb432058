import type { ModelForecast } from '../../model/forecast.js';
import { bands } from './intervals.js';

/**
 * Seasonal naive forecast ŷ_{T+h} = y_{T+h−m(k+1)}, k = ⌊(h−1)/m⌋ (Hyndman & Athanasopoulos,
 * Forecasting: Principles and Practice 3rd ed., §5.2), the baseline every model is scored against.
 * Intervals: σ̂ is the RMS of the in-sample residuals y_t − y_{t−m} (FPP3 §5.5, no mean
 * correction, as R's snaive), and the h-step SD is σ̂·√(k+1) (FPP3 Table 5.2).
 */
export function fitSnaive(y: ArrayLike<number>, m: number, horizon: number): ModelForecast {
  const t0 = performance.now();
  const n = y.length;
  if (n < m + 1) throw new RangeError(`snaive needs more than one season of history (m = ${m}), got ${n} values`);
  const fitted = new Array<number>(n).fill(Number.NaN);
  let sq = 0;
  for (let t = m; t < n; t++) {
    fitted[t] = y[t - m];
    sq += (y[t] - y[t - m]) ** 2;
  }
  const sigma = Math.sqrt(sq / (n - m));
  const mean: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const k = Math.floor((h - 1) / m);
    mean.push(y[n - m + ((h - 1) % m)]);
    sd.push(sigma * Math.sqrt(k + 1));
  }
  return {
    model: 'snaive',
    spec: `SNAIVE[${m}]`,
    mean,
    ...bands(mean, sd),
    fitted,
    ms: performance.now() - t0,
  };
}
