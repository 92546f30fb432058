import {
  FORECAST_DEFAULTS,
  FORECAST_MODELS,
  type ForecastModelId,
  type ForecastOptions,
  type ForecastSeriesInput,
  type ModelBacktest,
  type ModelForecast,
  type SeriesForecast,
} from '../../model/forecast.js';
import { fitSarima } from './auto-arima.js';
import { backtestFolds, scoreFold, summarise, versusSnaive } from './backtest.js';
import { combine } from './ensemble.js';
import { fitEts } from './ets.js';
import { KR_HOLIDAYS } from './holidays.js';
import { fitProphet } from './prophet.js';
import { fitSnaive } from './snaive.js';
import { forecastRuntime } from './runtime.js';
import { clipToHistory, forecastFloor } from './intervals.js';

/** A model fitted on its own (every model but the ensemble, which combines two of these). */
export type BaseModelId = Exclude<ForecastModelId, 'ensemble'>;

/** Called between model fits with the fits done / planned; may throw to cancel (the job's throwIfCancelled). */
export type ForecastStep = (done: number, total: number, what: string) => void;

/** Options with defaults, checked (names the argument and its value). */
export function forecastOptions(options: Partial<ForecastOptions> = {}): ForecastOptions {
  const o: ForecastOptions = { ...FORECAST_DEFAULTS, ...options };
  if (!Number.isInteger(o.horizon) || o.horizon < 1 || o.horizon > 1000) throw new RangeError(`horizon must be an integer in 1..1000, got ${o.horizon}`);
  if (!Number.isInteger(o.folds) || o.folds < 0 || o.folds > 20) throw new RangeError(`folds must be an integer in 0..20, got ${o.folds}`);
  for (const m of o.models) if (!FORECAST_MODELS.includes(m)) throw new RangeError(`models must be among ${FORECAST_MODELS.join(', ')}, got "${m}"`);
  if (o.models.length === 0) throw new RangeError('models must name at least one model, got none');
  if (o.season !== null && (!Number.isInteger(o.season) || o.season < 1)) throw new RangeError(`season must be a positive integer or null, got ${o.season}`);
  if (!Number.isInteger(o.prophetSamples) || o.prophetSamples < 0) throw new RangeError(`prophetSamples must be a non-negative integer, got ${o.prophetSamples}`);
  return o;
}

/**
 * Season lengths per model family. Daily data: 7 (the weekly season) for every model. Weekly data:
 * 52 for snaive and the MASE scale when there are two years of weeks (else 1, i.e. naive), and no
 * season for ETS / SARIMA (R's ets refuses periods above 24; a lag-52 SARIMA needs years of weeks).
 */
export function seasonsOf(series: ForecastSeriesInput, o: ForecastOptions): { m: number; smooth: number } {
  if (o.season !== null) return { m: o.season, smooth: o.season <= 24 ? o.season : 1 };
  if (series.grain === 'day') return { m: 7, smooth: 7 };
  return { m: series.values.length > 2 * 52 ? 52 : 1, smooth: 1 };
}

function checkSeries(series: ForecastSeriesInput): void {
  if (!Number.isInteger(series.start)) throw new TypeError(`series.start must be an integer project day, got ${series.start}`);
  if (series.grain !== 'day' && series.grain !== 'week') throw new TypeError(`series.grain must be 'day' or 'week', got "${String(series.grain)}"`);
  const bad = series.values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new TypeError(`series.values must be finite numbers (zeros for days without sales), got ${series.values[bad]} at ${bad}`);
}

/**
 * Fits one model on the whole of `values` and forecasts `horizon` periods. `exactSarima` overrides
 * options.sarimaExact (the backtest passes false).
 */
export function fitModel(id: BaseModelId, series: ForecastSeriesInput, horizon: number, options: Partial<ForecastOptions> = {}, exactSarima?: boolean): ModelForecast {
  const o = forecastOptions({ ...options, horizon });
  checkSeries(series);
  const { m, smooth } = seasonsOf(series, o);
  const y = series.values;
  switch (id) {
    case 'snaive':
      return fitSnaive(y, Math.min(m, Math.max(1, y.length - 1)), horizon);
    case 'ets':
      return fitEts(y, smooth, horizon);
    case 'sarima':
      return fitSarima(y, smooth, horizon, exactSarima ?? o.sarimaExact);
    case 'prophet': {
      return fitProphet(forecastRuntime().prophet, series.start, y, horizon, {
        step: series.grain === 'week' ? 7 : 1,
        holidays: o.holidays ?? KR_HOLIDAYS,
        holidayWindow: o.holidayWindow,
        yearly: o.yearly,
        weekly: 'auto',
        uncertaintySamples: o.prophetSamples,
        seed: o.seed,
      });
    }
    default: {
      const never: never = id;
      throw new RangeError(`unknown model ${String(never)}`);
    }
  }
}

/** The first line of an error's message (WASM panics carry their whole stack in it). */
function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}

/** Orders backtests by mean MASE, undefined (NaN) ones last. */
function byMase(a: ModelBacktest, b: ModelBacktest): number {
  const x = Number.isNaN(a.mean.mase) ? Number.POSITIVE_INFINITY : a.mean.mase;
  const y = Number.isNaN(b.mean.mase) ? Number.POSITIVE_INFINITY : b.mean.mase;
  return x - y;
}

/** Smallest history a backtest fold trains on: two seasons + 10, and at least one horizon. */
function minTrain(m: number, horizon: number): number {
  return Math.max(2 * m + 10, horizon, 30);
}

/**
 * Forecasts one series with every requested model, backtests them by rolling origin and picks the
 * model with the lowest mean MASE (see backtest.ts). A model that fails is dropped with a note;
 * `onStep` is called between fits (and may throw to cancel).
 */
export function forecastSeries(series: ForecastSeriesInput, options: Partial<ForecastOptions> = {}, onStep?: ForecastStep): SeriesForecast {
  const o = forecastOptions(options);
  checkSeries(series);
  const { m } = seasonsOf(series, o);
  const y = series.values;
  const n = y.length;
  const notes: string[] = [];
  const constant = y.every((v) => v === y[0]);
  // A constant history (e.g. a segment without sales): every model would forecast the constant, MASE
  // is undefined (its scale is 0) and SARIMA / Prophet cannot be fitted: snaive alone, said.
  if (constant) notes.push(`The history is constant (${y[0]} every period): only snaive is fitted, and no backtest.`);
  const base = constant ? (['snaive'] as BaseModelId[]) : o.models.filter((id): id is BaseModelId => id !== 'ensemble');
  const wantEnsemble = o.models.includes('ensemble');
  const folds = o.folds > 0 && !constant ? backtestFolds(n, o.horizon, o.folds, minTrain(m, o.horizon)) : [];
  if (o.folds > 0 && !constant && folds.length < o.folds) {
    notes.push(folds.length === 0
      ? `No backtest: ${n} periods are too few for one ${o.horizon}-period fold after ${minTrain(m, o.horizon)} training periods.`
      : `Backtest with ${folds.length} fold(s) instead of ${o.folds}: the history (${n} periods) is too short for more.`);
  }
  const total = base.length * (folds.length + 1);
  let done = 0;
  const step = (what: string): void => onStep?.(done, total, what);

  // Backtest: every base model on every fold.
  const foldForecasts = new Map<BaseModelId, ModelForecast[]>();
  const failed = new Set<BaseModelId>();
  for (const fold of folds) {
    const train: ForecastSeriesInput = { start: series.start, grain: series.grain, values: y.slice(0, fold.origin) };
    for (const id of base) {
      step(`${id}, backtest origin ${fold.origin}`);
      if (!failed.has(id)) {
        try {
          const f = clipToHistory(train.values, fitModel(id, train, fold.length, o, false));
          foldForecasts.set(id, [...(foldForecasts.get(id) ?? []), f]);
        } catch (e) {
          failed.add(id);
          notes.push(`${id} failed in the backtest and was dropped: ${firstLine(e)}`);
        }
      }
      done++;
    }
  }
  // Final fits on the whole history; bands clipped at 0, or at the history's lowest value when it went below 0 (intervals.ts).
  const models: ModelForecast[] = [];
  let clipped = false;
  for (const id of base) {
    step(`${id}, final fit`);
    if (!failed.has(id)) {
      try {
        const raw = fitModel(id, series, o.horizon, o);
        const f = clipToHistory(y, raw);
        if (f !== raw) clipped = true;
        models.push(f);
      } catch (e) {
        failed.add(id);
        notes.push(`${id} failed and was dropped: ${firstLine(e)}`);
      }
    }
    done++;
  }
  const fitted = models.map((f) => f.model as BaseModelId);

  let backtests: ModelBacktest[] = [];
  if (folds.length > 0) {
    backtests = fitted.map((id) => summarise(id, folds.map((fold, i) => scoreFold(y, fold, (foldForecasts.get(id) as ModelForecast[])[i], m))));
    if (wantEnsemble) {
      const ranked = [...backtests].sort(byMase);
      if (ranked.length >= 2) {
        const [a, b] = [ranked[0].model as BaseModelId, ranked[1].model as BaseModelId];
        const ensembleFolds = folds.map((fold, i) => scoreFold(y, fold, combine((foldForecasts.get(a) as ModelForecast[])[i], (foldForecasts.get(b) as ModelForecast[])[i]), m));
        const bt = summarise('ensemble', ensembleFolds);
        bt.notes.push(`mean of ${a} and ${b}, the two best on this backtest (picked on the same folds it is scored on: slightly optimistic)`);
        backtests.push(bt);
        models.push(combine(models.find((f) => f.model === a) as ModelForecast, models.find((f) => f.model === b) as ModelForecast));
      } else notes.push('ensemble needs two fitted models: not built.');
    }
  } else if (wantEnsemble && !constant) notes.push('ensemble needs the backtest to pick its two models: not built.');

  let chosen: ForecastModelId;
  if (backtests.length > 0) chosen = [...backtests].sort(byMase)[0].model;
  else {
    const withAicc = models.filter((f) => f.aicc !== undefined).sort((a, b) => (a.aicc as number) - (b.aicc as number));
    chosen = withAicc[0]?.model ?? models[0]?.model ?? 'snaive';
    notes.push(`No backtest: ${chosen} chosen by ${withAicc.length > 0 ? 'lowest AICc' : 'default'}.`);
  }
  if (models.length === 0) throw new Error(`every model failed on this series: ${notes.join(' ')}`);
  const chosenBt = backtests.find((b) => b.model === chosen);
  const snaiveBt = backtests.find((b) => b.model === 'snaive');
  const snaive = chosenBt ? versusSnaive(chosenBt, snaiveBt) : { beatsSnaive: false, gain: 0, text: 'no backtest: no comparison with snaive' };
  const stepDays = series.grain === 'week' ? 7 : 1;
  const days = Array.from({ length: n + o.horizon }, (_, i) => series.start + i * stepDays);
  onStep?.(total, total, 'done');
  return {
    n,
    grain: series.grain,
    season: m,
    horizon: o.horizon,
    days,
    models,
    backtest: folds.length > 0 ? { folds, horizon: o.horizon, models: backtests } : null,
    chosen,
    snaive,
    notes,
    ...(clipped ? { clippedAt: forecastFloor(y) } : {}),
  };
}
