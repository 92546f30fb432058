import type { ModelForecast } from '../../model/forecast.js';

/**
 * The `ensemble` model: the equal-weight mean of two models' forecasts (forecast combination,
 * Bates & Granger 1969; equal weights as FPP3 §13.4 recommends). Point forecasts and fitted values
 * are exact means; the interval bounds are the means of the two models' bounds — an approximation
 * (the exact combined interval needs the two models' error correlation, which is not estimated): it
 * is exact when the errors are perfectly correlated and too wide otherwise. Its backtest coverage
 * is reported like every other model's.
 */
export function combine(a: ModelForecast, b: ModelForecast, ms = 0): ModelForecast {
  const avg = (x: number[], y: number[]): number[] => x.map((v, i) => (v + y[i]) / 2);
  return {
    model: 'ensemble',
    spec: `mean(${a.model}, ${b.model})`,
    mean: avg(a.mean, b.mean),
    lower80: avg(a.lower80, b.lower80),
    upper80: avg(a.upper80, b.upper80),
    lower95: avg(a.lower95, b.lower95),
    upper95: avg(a.upper95, b.upper95),
    fitted: avg(a.fitted, b.fitted),
    ms: a.ms + b.ms + ms,
  };
}
