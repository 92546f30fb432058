import type { ForecastComponents, ForecastHoliday, ModelForecast } from '../../model/forecast.js';
import { holidayEffects } from './holidays.js';
import { prophetIntervals, type ProphetFitParams } from './prophet-intervals.js';
import type { ProphetWasm } from './runtime.js';

/**
 * Prophet (Taylor & Letham 2018, "Forecasting at scale", The American Statistician 72(1)):
 * piecewise-linear trend + Fourier weekly (order 3) and yearly (order 10) seasonality + one effect
 * per holiday, fitted by MAP with Prophet's own Stan model (L-BFGS), through @bsull/augurs's
 * Prophet and @bsull/augurs-prophet-wasmstan — the same model and optimiser as R's prophet.
 *
 * Intervals: Prophet's simulation (trend changes + observation noise), run by us with the seeded
 * project generator from the fitted parameters the optimiser returns (prophet-intervals.ts); 80%
 * and 95% from the same draws.
 */
export interface ProphetSettings {
  /** Periods per step: 1 for daily data, 7 for weekly. */
  step: number;
  holidays: readonly ForecastHoliday[];
  holidayWindow: [number, number];
  yearly: 'auto' | boolean;
  weekly: 'auto' | boolean;
  /** Simulation draws for the interval (R's default 1000); 0 = no interval (bands collapse on ŷ). */
  uncertaintySamples: number;
  seed: number;
}

const DAY_S = 86_400;

export function fitProphet(lib: ProphetWasm, start: number, y: ArrayLike<number>, horizon: number, s: ProphetSettings): ModelForecast {
  const t0 = performance.now();
  const n = y.length;
  const ds = Array.from({ length: n }, (_, i) => (start + i * s.step) * DAY_S);
  const effects = holidayEffects(s.holidays, s.holidayWindow);
  const lastDay = start + (n + horizon) * s.step;
  const holidays = new Map<string, { occurrences: { start: number; end: number }[] }>();
  for (const [name, days] of effects) {
    // Weekly data: a holiday marks the week (period) that contains it.
    const periods = [...new Set(days.filter((d) => d >= start && d < lastDay).map((d) => start + Math.floor((d - start) / s.step) * s.step))];
    if (periods.length > 0) holidays.set(name, { occurrences: periods.map((d) => ({ start: d * DAY_S, end: (d + 1) * DAY_S })) });
  }
  let fitted: ProphetFitParams | null = null;
  const optimizer = {
    optimize: (...args: Parameters<ProphetWasm['optimizer']['optimize']>) => {
      const out = lib.optimizer.optimize(...args);
      fitted = { delta: Array.from(out.params.delta), sigmaObs: out.params.sigmaObs };
      return out;
    },
  };
  const option = (v: 'auto' | boolean) => (v === 'auto' ? { type: 'auto' as const } : { type: 'manual' as const, enabled: v });
  const model = new lib.Prophet({
    optimizer,
    yearlySeasonality: option(s.yearly),
    weeklySeasonality: s.step === 1 ? option(s.weekly) : { type: 'manual', enabled: false },
    dailySeasonality: { type: 'manual', enabled: false },
    holidays: holidays.size > 0 ? holidays : undefined,
    uncertaintySamples: 0,
  });
  try {
    model.fit({ ds, y: Float64Array.from(y as ArrayLike<number>) }, { seed: s.seed });
    const future = Array.from({ length: n + horizon }, (_, i) => (start + i * s.step) * DAY_S);
    const p = model.predict({ ds: future });
    const yhat = p.yhat.point;
    const mean = yhat.slice(n);
    let yScale = 0;
    for (let i = 0; i < n; i++) yScale = Math.max(yScale, Math.abs(y[i]));
    const span = Math.max(ds[n - 1] - ds[0], 1);
    const bounds = fitted && s.uncertaintySamples > 0
      ? prophetIntervals({ mean, t: future.slice(n).map((d) => (d - ds[0]) / span), yScale, params: fitted, samples: s.uncertaintySamples, seed: s.seed })
      : { lower80: mean, upper80: mean, lower95: mean, upper95: mean };
    const components: ForecastComponents = {
      trend: p.trend.point,
      weekly: p.seasonalities.get('weekly')?.point ?? null,
      yearly: p.seasonalities.get('yearly')?.point ?? null,
      holidays: sumOf([...p.holidays.values()].map((f) => f.point), n + horizon),
    };
    const parts = ['linear', components.weekly ? 'weekly' : '', components.yearly ? 'yearly' : '', holidays.size > 0 ? `${holidays.size} holidays` : ''].filter(Boolean);
    return {
      model: 'prophet',
      spec: `Prophet(${parts.join(', ')})`,
      mean,
      ...bounds,
      fitted: yhat.slice(0, n),
      components,
      ms: performance.now() - t0,
    };
  } finally {
    model.free();
  }
}

function sumOf(parts: number[][], length: number): number[] | null {
  if (parts.length === 0) return null;
  const out = new Array<number>(length).fill(0);
  for (const part of parts) for (let i = 0; i < length; i++) out[i] += part[i];
  return out;
}
