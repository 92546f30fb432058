import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { BFGS_MAX_PARAMS, dayOfIso, fitModel, fitProphet, forecastRuntime, KR_HOLIDAYS, prophetIntervals, type ProphetWasm } from '../../../../core/analysis/forecast/index.js';
import { initForecast } from '../../../../core/jobs/forecast/forecast-wasm.js';

/**
 * Prophet recovers planted effects: two years of daily sales (2021–2022) = level 1000 + a weekly
 * pattern + −400 on each 설날 day + 300 on each 추석 day + N(0, 30²) noise (seeded).
 */
const WEEK = [40, 20, 0, -20, 60, 200, -300]; // by (day − start) mod 7; mean 0
const start = dayOfIso('2021-01-01');
const seollal = new Set(KR_HOLIDAYS.filter((h) => h.name === '설날').map((h) => dayOfIso(h.date)));
const chuseok = new Set(KR_HOLIDAYS.filter((h) => h.name === '추석').map((h) => dayOfIso(h.date)));
function planted(): number[] {
  const r = createRandom(11);
  return Array.from({ length: 730 }, (_, t) => {
    const d = start + t;
    const noise = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next()) * 30;
    return 1000 + WEEK[t % 7] + (seollal.has(d) ? -400 : 0) + (chuseok.has(d) ? 300 : 0) + noise;
  });
}

describe('prophet', () => {
  beforeAll(async () => {
    await initForecast();
  });

  it('recovers the planted weekly pattern and the 설날 / 추석 effects (sign, and size within 15%)', () => {
    const y = planted();
    const f = fitModel('prophet', { start, grain: 'day', values: y }, 60, { yearly: false, holidays: KR_HOLIDAYS.filter((h) => h.name === '설날' || h.name === '추석') });
    const c = f.components!;
    const weekly = c.weekly as number[];
    for (let k = 0; k < 7; k++) expect(Math.abs(weekly[k] - WEEK[k]), `weekday ${k}`).toBeLessThan(0.15 * 300);
    const holidays = c.holidays as number[];
    const at = (set: Set<number>) => [...set].filter((d) => d >= start && d < start + 730).map((d) => holidays[d - start]);
    for (const v of at(seollal)) expect(Math.abs(v - -400)).toBeLessThan(0.15 * 400);
    for (const v of at(chuseok)) expect(Math.abs(v - 300)).toBeLessThan(0.15 * 300);
    // The forecast carries the effects into 2023's 설날 (2023-01-21..24 lies in the 60 days).
    const s2023 = [...seollal].filter((d) => d >= start + 730 && d < start + 790);
    expect(s2023.length).toBeGreaterThan(0);
    for (const d of s2023) expect(holidays[d - start]).toBeLessThan(-300);
    expect(f.spec).toBe('Prophet(linear, weekly, 2 holidays)');
  });

  it('its 80% and 95% intervals cover a planted noise level as they should', () => {
    const y = planted();
    const f = fitModel('prophet', { start, grain: 'day', values: y }, 60, { yearly: false });
    // σ = 30 and a flat trend: the 95% half-width is about 1.96·30 ≈ 59 (plus a little trend uncertainty).
    const half95 = f.upper95.map((u, i) => (u - f.lower95[i]) / 2);
    const half80 = f.upper80.map((u, i) => (u - f.lower80[i]) / 2);
    expect(half95[0]).toBeGreaterThan(45);
    expect(half95[0]).toBeLessThan(80);
    expect(half95[0] / half80[0]).toBeGreaterThan(1.3);
    expect(half95[0] / half80[0]).toBeLessThan(1.7);
  });

  it("fits with R's priors and Stan's BFGS, and falls back to L-BFGS (said in the spec) when BFGS fails", () => {
    const y = planted();
    const real = forecastRuntime().prophet;
    const calls: { algorithm?: string; sigmas: number[] }[] = [];
    const failingBfgs: ProphetWasm = {
      Prophet: real.Prophet,
      optimizer: {
        optimize: (init, data, opts) => {
          calls.push({ algorithm: opts.algorithm, sigmas: (JSON.parse(data) as { sigmas: number[] }).sigmas });
          if (opts.algorithm === 'bfgs') throw new Error('Line search failed to achieve a sufficient decrease');
          return real.optimizer.optimize(init, data, opts);
        },
      },
    };
    const settings = { step: 1, holidays: KR_HOLIDAYS.filter((h) => h.name === '설날'), holidayWindow: [0, 0] as [number, number], yearly: false, weekly: true, uncertaintySamples: 0, seed: 1 };
    const f = fitProphet(failingBfgs, start, y, 60, settings);
    expect(calls.map((c) => c.algorithm)).toEqual(['bfgs', 'lbfgs']);
    // Weekly (6 Fourier columns) at R's seasonality prior 10, the 설날 column at R's holiday prior 10 (augurs's own default is 100).
    expect(calls[0].sigmas).toEqual([10, 10, 10, 10, 10, 10, 10]);
    expect(f.spec).toBe('Prophet(linear, weekly, 1 holidays, L-BFGS)');
    expect(f.mean).toHaveLength(60);
    const direct = fitProphet(real, start, y, 60, settings);
    expect(direct.spec).toBe('Prophet(linear, weekly, 1 holidays)');
    // Both optimisers find the planted level (1000) here: the fallback is a usable fit.
    expect(Math.abs(f.mean[10] - direct.mean[10]) / direct.mean[10]).toBeLessThan(0.05);
  });

  it('fits models beyond wasmstan\'s BFGS limit (64+ Stan parameters) with L-BFGS, without trying BFGS', () => {
    const y = planted();
    const real = forecastRuntime().prophet;
    const calls: { algorithm?: string; params: number }[] = [];
    const spy: ProphetWasm = {
      Prophet: real.Prophet,
      optimizer: {
        optimize: (init, data, opts) => {
          const params = 3 + init.delta.length + init.beta.length;
          calls.push({ algorithm: opts.algorithm, params });
          // wasmstan's BFGS at this size: "memory access out of bounds" or no return at all.
          if (opts.algorithm === 'bfgs' && params > BFGS_MAX_PARAMS) throw new Error('BFGS called beyond its limit');
          return real.optimizer.optimize(init, data, opts);
        },
      },
    };
    // Two years: yearly (20 columns) + weekly (6) + every holiday name of 2021–2023 + 25 changepoints.
    const f = fitProphet(spy, start, y, 60, { step: 1, holidays: KR_HOLIDAYS, holidayWindow: [0, 0], yearly: true, weekly: true, uncertaintySamples: 0, seed: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0].params).toBeGreaterThan(BFGS_MAX_PARAMS);
    expect(calls[0].algorithm).toBe('lbfgs');
    expect(f.spec).toMatch(/^Prophet\(linear, weekly, yearly, \d+ holidays, L-BFGS\)$/);
  });

  it('simulates intervals from the seed: the same seed, the same bounds', () => {
    const input = { mean: [10, 10, 10], t: [1.01, 1.02, 1.5], yScale: 100, params: { delta: [0.01, -0.02, 0.005], sigmaObs: 0.05 }, samples: 500, seed: 3 };
    const a = prophetIntervals(input);
    expect(prophetIntervals(input)).toEqual(a);
    expect(prophetIntervals({ ...input, seed: 4 })).not.toEqual(a);
    // Noise alone: σ·yScale = 5, so the 95% half-width is near 9.8 at t just past 1.
    expect((a.upper95[0] - a.lower95[0]) / 2).toBeGreaterThan(8.5);
    expect((a.upper95[0] - a.lower95[0]) / 2).toBeLessThan(11);
    // Trend uncertainty grows with t when the history's changepoints moved the rate (λ = 0.4).
    const b = prophetIntervals({ ...input, params: { delta: [0.5, -0.4, 0.3], sigmaObs: 0.05 } });
    expect(b.upper95[2] - b.lower95[2]).toBeGreaterThan(1.5 * (b.upper95[0] - b.lower95[0]));
  });
});
