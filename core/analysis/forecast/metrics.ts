import type { ForecastAccuracy } from '../../model/forecast.js';

/**
 * In-sample mean absolute error of the seasonal naive forecast ŷ_t = y_{t−m}: the MASE scale of
 * Hyndman & Koehler (2006), "Another look at measures of forecast accuracy", §3 (seasonal form as
 * FPP3 §5.8). Falls back to lag 1 when the history is shorter than m + 1; NaN when all are equal.
 */
export function seasonalNaiveScale(history: ArrayLike<number>, m: number): number {
  const lag = history.length > m ? m : 1;
  let sum = 0;
  let count = 0;
  for (let t = lag; t < history.length; t++) {
    sum += Math.abs(history[t] - history[t - lag]);
    count++;
  }
  return count > 0 && sum > 0 ? sum / count : Number.NaN;
}

/** The interval bounds one accuracy needs beside the point forecasts. */
export interface ScoredForecast {
  mean: ArrayLike<number>;
  lower80: ArrayLike<number>;
  upper80: ArrayLike<number>;
  lower95: ArrayLike<number>;
  upper95: ArrayLike<number>;
}

/**
 * MASE (MAE / scale), sMAPE (percent, 200·|y−ŷ|/(|y|+|ŷ|), 0 when both are 0: Makridakis 1993 as
 * in the M4 competition), RMSE, and the empirical coverage of the 80% / 95% intervals.
 */
export function accuracy(actual: ArrayLike<number>, forecast: ScoredForecast, scale: number): ForecastAccuracy {
  const h = actual.length;
  let absSum = 0;
  let sqSum = 0;
  let smapeSum = 0;
  let in80 = 0;
  let in95 = 0;
  for (let i = 0; i < h; i++) {
    const y = actual[i];
    const f = forecast.mean[i];
    const e = y - f;
    absSum += Math.abs(e);
    sqSum += e * e;
    const denominator = Math.abs(y) + Math.abs(f);
    smapeSum += denominator > 0 ? (200 * Math.abs(e)) / denominator : 0;
    if (y >= forecast.lower80[i] && y <= forecast.upper80[i]) in80++;
    if (y >= forecast.lower95[i] && y <= forecast.upper95[i]) in95++;
  }
  return {
    mase: absSum / h / scale,
    smape: smapeSum / h,
    rmse: Math.sqrt(sqSum / h),
    coverage80: in80 / h,
    coverage95: in95 / h,
  };
}

/** Mean of each field over folds (folds are equal-length, so this is the pooled mean for MASE). */
export function meanAccuracy(folds: ForecastAccuracy[]): ForecastAccuracy {
  const keys: (keyof ForecastAccuracy)[] = ['mase', 'smape', 'rmse', 'coverage80', 'coverage95'];
  const out = { mase: 0, smape: 0, rmse: 0, coverage80: 0, coverage95: 0 };
  for (const key of keys) out[key] = folds.reduce((s, f) => s + f[key], 0) / folds.length;
  return out;
}
