import { beforeAll, describe, expect, it } from 'vitest';
import { clipAtZero, forecastFloor, forecastSeries } from '../../../../core/analysis/forecast/index.js';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { initForecast } from '../../../../core/jobs/forecast/forecast-wasm.js';
import type { ForecastSeriesInput, ModelForecast } from '../../../../core/model/forecast.js';

/**
 * Issue #14: the Forecast page's band went to −₩6M on daily sales. A history with no value below 0
 * gets every bound and point forecast clipped at 0; a history that goes negative, at its lowest value.
 */

/** 200 days of spiky sales around 100 with a weekly pattern: the Gaussian 95% band reaches below 0. */
function spiky(seed: number, shift = 0): ForecastSeriesInput {
  const r = createRandom(seed);
  const week = [1, 0.6, 0.8, 1.2, 1.4, 0.7, 0.3];
  const values = Array.from({ length: 200 }, (_, t) => Math.max(0, Math.round(100 * week[t % 7] + (r.next() < 0.08 ? 600 * r.next() : 40 * (r.next() - 0.5)))) + shift);
  return { start: 18_628, grain: 'day', values };
}

const lowest = (m: ModelForecast) => Math.min(...m.lower95, ...m.lower80, ...m.mean);

describe('forecast intervals clipped at 0', () => {
  beforeAll(async () => {
    await initForecast();
  });

  it('clipAtZero raises every negative bound to 0 and leaves the rest', () => {
    const f: ModelForecast = { model: 'ets', spec: 'x', mean: [5, -1], lower80: [-2, -3], upper80: [9, 1], lower95: [-4, -6], upper95: [12, 3], fitted: [], ms: 0 };
    const c = clipAtZero(f);
    expect(c.lower80).toEqual([0, 0]);
    expect(c.lower95).toEqual([0, 0]);
    expect(c.mean).toEqual([5, 0]);
    expect(c.upper95).toEqual([12, 3]);
    expect(f.lower95).toEqual([-4, -6]);
    const positive = { ...f, mean: [1], lower80: [0.5], upper80: [2], lower95: [0], upper95: [3] };
    expect(clipAtZero(positive)).toBe(positive);
  });

  it('a non-negative history never forecasts below 0, and says it clipped', () => {
    const series = spiky(3);
    expect(Math.min(...series.values)).toBeGreaterThanOrEqual(0);
    const r = forecastSeries(series, { horizon: 28, folds: 2, models: ['snaive', 'ets'] });
    for (const m of r.models) expect(lowest(m)).toBeGreaterThanOrEqual(0);
    expect(r.clippedAt).toBe(0);
    // The clip is visible: some lower bound sits exactly at 0.
    expect(r.models.some((m) => m.lower95.includes(0))).toBe(true);
  });

  it('a history that goes below 0 (net returns) is clipped at its lowest value, not at 0', () => {
    const series = spiky(3, -150);
    const floor = Math.min(...series.values);
    expect(floor).toBeLessThan(0);
    expect(forecastFloor(series.values)).toBe(floor);
    const r = forecastSeries(series, { horizon: 28, folds: 2, models: ['snaive', 'ets'] });
    for (const m of r.models) expect(lowest(m)).toBeGreaterThanOrEqual(floor);
    expect(Math.min(...r.models.map(lowest))).toBeLessThan(0);
    expect(r.clippedAt).toBe(floor);
  });
});
