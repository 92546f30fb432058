import type { ForecastComponents, ForecastHoliday, ModelForecast } from '../../model/forecast.js';
import { holidayEffects } from './holidays.js';
import { prophetIntervals, type ProphetFitParams } from './prophet-intervals.js';
import type { ProphetWasm } from './runtime.js';

/**
 * Prophet (Taylor & Letham 2018, "Forecasting at scale", The American Statistician 72(1)):
 * piecewise-linear trend + Fourier weekly (order 3) and yearly (order 10) seasonality + one effect
 * per holiday, fitted by MAP with Prophet's own Stan model (BFGS), through @bsull/augurs's
 * Prophet and @bsull/augurs-prophet-wasmstan — the same model and optimiser as R's prophet.
 *
 * Intervals: Prophet's simulation (trend changes + observation noise), run by us with the seeded
 * project generator from the fitted parameters the optimiser returns (prophet-intervals.ts); 80%
 * and 95% from the same draws.
 *
 * Settings: R prophet 1.0's defaults, stated here rather than left to augurs (whose holiday prior
 * scale is 100, R's 10), and Stan's BFGS instead of R's default L-BFGS (see PROPHET_STAN).
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

/**
 * The model's priors and changepoints as R's `prophet()` 1.0 sets them by default (25 changepoints
 * in the first 80% of the history, prior scales 10 / 10 / 0.05). augurs 0.10's own holiday prior
 * scale is 100: with it the Stan data differed from R's in the holiday σ only, and demo-total's
 * forecast from R's by 3.1% on a day (docs/decisions/0014-forecast-models.md).
 */
export const PROPHET_PRIORS = {
  nChangepoints: 25,
  changepointRange: 0.8,
  seasonalityPriorScale: 10,
  holidaysPriorScale: 10,
  changepointPriorScale: 0.05,
} as const;

/**
 * How the MAP is found: Stan's BFGS, R's `iter = 10000`, Stan's default tolerances; in R,
 * `prophet(..., algorithm = "BFGS")` (test/reference/prophet_reference.R). R's default L-BFGS stops
 * early on this posterior (the Laplace prior on the changepoints is not smooth at 0): on the demo
 * series R's and augurs's L-BFGS ended at log posteriors 0.01–0.05 apart and 6% apart on a
 * holiday's forecast, both 0.06–0.23 below the point BFGS reaches; with BFGS both reach the same
 * point (forecasts within 1e-6 relative) and R's answer no longer moves with unused holiday columns.
 * Where BFGS fails (a line search that cannot progress), R's prophet retries with Newton; wasmstan's
 * Newton aborts, so we retry with L-BFGS and say so in the spec.
 */
export const PROPHET_STAN = { algorithm: 'bfgs', iter: 10_000 } as const;

/**
 * The most Stan parameters (k, m, σ, S changepoints, K feature coefficients) wasmstan 0.2.0's BFGS
 * handles. Measured: at 64 and more (e.g. yearly + weekly + 10 holidays) it stops with "memory
 * access out of bounds" or never returns, at 63 and fewer it converges; its L-BFGS has no such
 * limit. Larger models are fitted with L-BFGS (R's default algorithm) and the spec says so.
 */
export const BFGS_MAX_PARAMS = 63;

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
  let fallback = false;
  const optimizer = {
    optimize: (...[init, data, opts]: Parameters<ProphetWasm['optimizer']['optimize']>) => {
      const lbfgs = { ...opts, algorithm: 'lbfgs' as const };
      const params = 3 + init.delta.length + init.beta.length;
      let out;
      if (opts.algorithm === 'bfgs' && params > BFGS_MAX_PARAMS) {
        fallback = true;
        out = lib.optimizer.optimize(init, data, lbfgs);
      } else {
        try {
          out = lib.optimizer.optimize(init, data, opts);
        } catch (error) {
          if (opts.algorithm !== 'bfgs') throw error;
          fallback = true;
          out = lib.optimizer.optimize(init, data, lbfgs);
        }
      }
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
    ...PROPHET_PRIORS,
    uncertaintySamples: 0,
  });
  try {
    model.fit({ ds, y: Float64Array.from(y as ArrayLike<number>) }, { seed: s.seed, ...PROPHET_STAN });
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
    const parts = ['linear', components.weekly ? 'weekly' : '', components.yearly ? 'yearly' : '', holidays.size > 0 ? `${holidays.size} holidays` : '', fallback ? 'L-BFGS' : ''].filter(Boolean);
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
