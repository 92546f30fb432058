import type { ModelForecast } from '../../model/forecast.js';

/** Standard normal quantiles of the two-sided 80% and 95% intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Gaussian 80% and 95% bounds mean ± z·sd (every model here but Prophet assumes normal errors). */
export function bands(mean: number[], sd: number[]): Pick<ModelForecast, 'lower80' | 'upper80' | 'lower95' | 'upper95'> {
  return {
    lower80: mean.map((v, i) => v - Z80 * sd[i]),
    upper80: mean.map((v, i) => v + Z80 * sd[i]),
    lower95: mean.map((v, i) => v - Z95 * sd[i]),
    upper95: mean.map((v, i) => v + Z95 * sd[i]),
  };
}

/**
 * A forecast with every bound and point forecast raised to `floor` where below it (issue #14: the
 * Gaussian bands of a volatile daily sales series went to −₩6M while no day of the history was
 * below −₩0.5M). Clipping keeps each interval's coverage of actuals at or above the floor exactly as
 * it was and can only lower a point forecast's error on them; FPP3 §13.3 would model a transform
 * instead (log), which the models here do not, so the clip is the honest minimum. Returns the same
 * object when nothing is below the floor, else a copy.
 */
export function clipAt(f: ModelForecast, floor: number): ModelForecast {
  const keys = ['mean', 'lower80', 'upper80', 'lower95', 'upper95'] as const;
  if (keys.every((k) => f[k].every((v) => !(v < floor)))) return f;
  const out: ModelForecast = { ...f };
  for (const k of keys) out[k] = f[k].map((v) => (v < floor ? floor : v));
  return out;
}

/** `clipAt(f, 0)`: for a quantity that cannot be negative. */
export function clipAtZero(f: ModelForecast): ModelForecast {
  return clipAt(f, 0);
}

/**
 * The floor a history's forecasts are clipped at: 0 (sales, receipts and customers are never
 * negative), or the history's lowest value when it went below 0 (net sales of a day whose returns
 * exceeded its sales: such days happen, so 0 would be wrong, but a band far below the lowest day
 * ever seen is not a forecast anyone can use).
 */
export function forecastFloor(history: readonly number[]): number {
  let min = 0;
  for (const v of history) if (v < min) min = v;
  return min;
}

/** `clipAt(f, forecastFloor(history))`. */
export function clipToHistory(history: readonly number[], f: ModelForecast): ModelForecast {
  return clipAt(f, forecastFloor(history));
}
