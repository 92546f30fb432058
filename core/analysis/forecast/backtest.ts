import type { BacktestFold, ForecastAccuracy, ForecastModelId, ModelBacktest, ModelForecast, SnaiveComparison } from '../../model/forecast.js';
import { accuracy, meanAccuracy, seasonalNaiveScale } from './metrics.js';

/**
 * Rolling-origin evaluation (Tashman 2000; FPP3 §5.10 "time series cross-validation" with a
 * horizon-long step): `folds` consecutive, non-overlapping windows of `horizon` periods ending at
 * the last observation; each model is refitted on everything before a window's origin and scored on
 * the window. Fewer folds when the history is short: every training set keeps at least `minTrain`
 * values.
 */
export function backtestFolds(n: number, horizon: number, folds: number, minTrain: number): BacktestFold[] {
  const out: BacktestFold[] = [];
  for (let i = folds; i >= 1; i--) {
    const origin = n - i * horizon;
    if (origin >= minTrain) out.push({ origin, length: horizon });
  }
  return out;
}

/** Scores one model's fold forecasts against the actuals; MASE is scaled by the fold's training history. */
export function scoreFold(y: ArrayLike<number>, fold: BacktestFold, forecast: ModelForecast, m: number): ForecastAccuracy {
  const history = Array.prototype.slice.call(y, 0, fold.origin) as number[];
  const actual = Array.prototype.slice.call(y, fold.origin, fold.origin + fold.length) as number[];
  return accuracy(actual, forecast, seasonalNaiveScale(history, m));
}

/** Per-model summary with the interval-coverage warnings the issue asks for. */
export function summarise(model: ForecastModelId, folds: ForecastAccuracy[]): ModelBacktest {
  const mean = meanAccuracy(folds);
  const notes: string[] = [];
  const pct = (v: number): string => `${Math.round(v * 100)}%`;
  if (mean.coverage95 < 0.85) notes.push(`95% interval too narrow: covers ${pct(mean.coverage95)} of the backtest actuals`);
  else if (mean.coverage95 > 0.995 && mean.coverage80 > 0.95) notes.push(`intervals too wide: the 80% interval covers ${pct(mean.coverage80)}`);
  if (mean.coverage80 < 0.65) notes.push(`80% interval too narrow: covers ${pct(mean.coverage80)}`);
  return { model, folds, mean, notes };
}

/** Relative margin below which a MASE difference counts as noise. */
export const TIE_MARGIN = 0.02;

/**
 * Whether the chosen model beats snaive: its mean MASE must be lower by more than TIE_MARGIN (2%,
 * relative) and lower in a majority of the folds; otherwise the summary says snaive is as good.
 */
export function versusSnaive(chosen: ModelBacktest, snaive: ModelBacktest | undefined): SnaiveComparison {
  if (!snaive) return { beatsSnaive: false, gain: 0, text: 'snaive was not fitted: no comparison' };
  const a = chosen.mean.mase;
  const b = snaive.mean.mase;
  const f = (v: number): string => v.toFixed(2);
  if (chosen.model === 'snaive') return { beatsSnaive: false, gain: 0, text: `snaive is the most accurate model here (MASE ${f(b)})` };
  const gain = 1 - a / b;
  const wins = chosen.folds.filter((fold, i) => fold.mase < snaive.folds[i].mase).length;
  const beats = gain > TIE_MARGIN && wins * 2 > chosen.folds.length;
  const text = beats
    ? `${chosen.model} beats snaive by ${Math.round(gain * 100)}% (MASE ${f(a)} vs ${f(b)}, better in ${wins} of ${chosen.folds.length} folds)`
    : `${chosen.model} does not beat snaive beyond noise (MASE ${f(a)} vs ${f(b)}, better in ${wins} of ${chosen.folds.length} folds): a seasonal naive forecast is as good`;
  return { beatsSnaive: beats, gain, text };
}
