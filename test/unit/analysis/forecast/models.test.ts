import { describe, expect, it } from 'vitest';
import {
  accuracy,
  backtestFolds,
  combine,
  dayOfIso,
  etsPoint,
  etsRun,
  fitSnaive,
  holidayEffects,
  KR_HOLIDAYS,
  kpssStatistic,
  meanAccuracy,
  ndiffs,
  seasonalNaiveScale,
  seasonalStrength,
  selectEts,
  summarise,
  versusSnaive,
} from '../../../../core/analysis/forecast/index.js';
import type { ModelForecast } from '../../../../core/model/forecast.js';
import { nelderMead } from '../../../../core/analysis/forecast/nelder-mead.js';
import { minRootModulus } from '../../../../core/analysis/forecast/roots.js';
import { createRandom } from '../../../../core/analysis/common/random.js';

/** Standard normal draws from the project's seeded generator (Box–Muller). */
function normals(seed: number, n: number): number[] {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next()));
}

const flat = (mean: number[], width = 1): ModelForecast => ({
  model: 'ets', spec: 'x', mean, lower80: mean.map((v) => v - width), upper80: mean.map((v) => v + width),
  lower95: mean.map((v) => v - 2 * width), upper95: mean.map((v) => v + 2 * width), fitted: [], ms: 0,
});

describe('snaive', () => {
  it('repeats the last week and widens its interval by √(k+1) per season (FPP3 §5.5)', () => {
    const y = Array.from({ length: 14 }, (_, i) => i + 1);
    const f = fitSnaive(y, 7, 9);
    expect(f.mean).toEqual([8, 9, 10, 11, 12, 13, 14, 8, 9]);
    // Residuals y_t − y_{t−7} are all 7: σ = 7; h ≤ 7 → 7, h = 8, 9 → 7√2.
    expect(f.upper95[0] - f.mean[0]).toBeCloseTo(1.959963984540054 * 7, 10);
    expect(f.upper80[7] - f.mean[7]).toBeCloseTo(1.2815515655446004 * 7 * Math.SQRT2, 10);
    expect(f.fitted.slice(7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Number.isNaN(f.fitted[0])).toBe(true);
  });
  it('refuses a history of one season or less, naming the length', () => {
    expect(() => fitSnaive([1, 2, 3], 7, 3)).toThrow(/more than one season.*got 3/);
  });
});

describe('accuracy measures', () => {
  it('MASE, sMAPE, RMSE and coverage by hand', () => {
    const a = accuracy([2, 4], flat([1, 5], 0.5), 2);
    expect(a.mase).toBeCloseTo(0.5, 12); // MAE 1 / scale 2
    expect(a.smape).toBeCloseTo((200 / 3 + 200 / 9) / 2, 10);
    expect(a.rmse).toBeCloseTo(1, 12);
    expect(a.coverage80).toBe(0); // |e| = 1 > 0.5
    expect(a.coverage95).toBe(1); // |e| = 1 ≤ 1
    expect(accuracy([0], flat([0]), 1).smape).toBe(0);
  });
  it('scales by the in-sample seasonal naive MAE, lag 1 when the history is shorter than a season', () => {
    expect(seasonalNaiveScale([1, 2, 3, 4, 5, 6, 7, 9, 12], 7)).toBeCloseTo((8 + 10) / 2, 12);
    expect(seasonalNaiveScale([1, 3, 6], 7)).toBeCloseTo(2.5, 12);
    expect(Number.isNaN(seasonalNaiveScale([5, 5, 5, 5, 5, 5, 5, 5], 7))).toBe(true);
  });
  it('averages folds field by field', () => {
    const m = meanAccuracy([{ mase: 1, smape: 10, rmse: 2, coverage80: 0.5, coverage95: 1 }, { mase: 3, smape: 20, rmse: 4, coverage80: 1, coverage95: 0.5 }]);
    expect(m).toEqual({ mase: 2, smape: 15, rmse: 3, coverage80: 0.75, coverage95: 0.75 });
  });
});

describe('ETS recursions (R etscalc)', () => {
  it('ETS(A,N,N) is simple exponential smoothing with R\'s likelihood n·log(Σe²)', () => {
    const fitted: number[] = [];
    const run = etsRun([2, 4], { error: 'A', trend: 'N', season: 'N', m: 1 }, { alpha: 0.5, beta: 0, gamma: 0, phi: 1, l0: 0, b0: 0, s0: [] }, fitted);
    expect(fitted).toEqual([0, 1]); // l: 0 → 1 → 2.5
    expect(run.l).toBeCloseTo(2.5, 12);
    expect(run.sse).toBeCloseTo(13, 12);
    expect(run.lik).toBeCloseTo(2 * Math.log(13), 12);
  });
  it('multiplicative errors add 2·Σlog|ŷ|', () => {
    const run = etsRun([2, 4], { error: 'M', trend: 'N', season: 'N', m: 1 }, { alpha: 0.5, beta: 0, gamma: 0, phi: 1, l0: 1, b0: 0, s0: [] });
    // ŷ1 = 1, e1 = 1, l1 = 1.5; ŷ2 = 1.5, e2 = 2.5/1.5.
    const sse = 1 + (2.5 / 1.5) ** 2;
    expect(run.lik).toBeCloseTo(2 * Math.log(sse) + 2 * Math.log(1.5), 12);
  });
  it('damped trend and additive season in the point forecasts', () => {
    const spec = { error: 'A', trend: 'Ad', season: 'A', m: 2 } as const;
    const f = etsPoint(spec, { lik: 0, sse: 0, l: 10, b: 2, s: [1, -1] }, 0.9, 3);
    // s[m−1] = −1 is the next period's season; then s[0] = +1.
    expect(f[0]).toBeCloseTo(10 + 0.9 * 2 - 1, 12);
    expect(f[1]).toBeCloseTo(10 + (0.9 + 0.81) * 2 + 1, 12);
    expect(f[2]).toBeCloseTo(10 + (0.9 + 0.81 + 0.729) * 2 - 1, 12);
  });
  it('selects a seasonal form on a weekly-seasonal series and a non-seasonal one on noise', () => {
    const e = normals(3, 210);
    const seasonal = e.map((v, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 7) + v);
    expect(selectEts(seasonal, 7).best.spec.season).not.toBe('N');
    expect(selectEts(e.map((v) => 100 + v), 7).best.spec.season).toBe('N');
  });
});

describe('numerical helpers', () => {
  it('Nelder–Mead finds the Rosenbrock minimum', () => {
    const r = nelderMead(([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1], { maxEval: 5000, tol: 1e-14, step: [0.1, 0.1] });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });
  it('smallest root modulus of 1 + c₁z + c₂z²', () => {
    expect(minRootModulus([-0.5])).toBeCloseTo(2, 10);
    expect(minRootModulus([-1.5, 0.56])).toBeCloseTo(1.25, 8); // roots 1.25 and 1/0.7
    expect(minRootModulus([0, 0.25])).toBeCloseTo(2, 8); // ±2i
    expect(minRootModulus([])).toBe(Number.POSITIVE_INFINITY);
  });
  it('KPSS: noise is level-stationary, a random walk is differenced once', () => {
    const e = normals(5, 400);
    let s = 0;
    const walk = e.map((v) => (s += v));
    expect(kpssStatistic(e)).toBeLessThan(0.463);
    expect(kpssStatistic(walk)).toBeGreaterThan(0.463);
    expect(ndiffs(e)).toBe(0);
    expect(ndiffs(walk)).toBe(1);
  });
  it('seasonal strength: high for a weekly pattern, low for noise', () => {
    const e = normals(9, 140);
    expect(seasonalStrength(e.map((v, t) => [5, 3, 0, 0, 1, 2, 8][t % 7] * 3 + v), 7)).toBeGreaterThan(0.9);
    expect(seasonalStrength(e, 7)).toBeLessThan(0.64);
  });
});

describe('backtest and the comparison with snaive', () => {
  it('places consecutive horizon-long folds at the end, fewer when the history is short', () => {
    expect(backtestFolds(100, 10, 3, 30).map((f) => f.origin)).toEqual([70, 80, 90]);
    expect(backtestFolds(50, 10, 3, 30).map((f) => f.origin)).toEqual([30, 40]);
    expect(backtestFolds(20, 10, 3, 30)).toEqual([]);
  });
  const bt = (model: 'ets' | 'snaive', mase: number[], c95 = 0.95) => summarise(model, mase.map((m) => ({ mase: m, smape: 0, rmse: 0, coverage80: 0.8, coverage95: c95 })));
  it('beats snaive only beyond a 2% margin and in a majority of folds', () => {
    expect(versusSnaive(bt('ets', [0.7, 0.8, 0.9]), bt('snaive', [1, 1, 1]))).toMatchObject({ beatsSnaive: true });
    expect(versusSnaive(bt('ets', [0.7, 0.8, 0.9]), bt('snaive', [1, 1, 1])).gain).toBeCloseTo(0.2, 12);
    const tie = versusSnaive(bt('ets', [0.99, 0.99, 0.99]), bt('snaive', [1, 1, 1]));
    expect(tie.beatsSnaive).toBe(false);
    expect(tie.text).toMatch(/as good/);
    expect(versusSnaive(bt('ets', [0.5, 1.1, 1.1]), bt('snaive', [1, 1, 1])).beatsSnaive).toBe(false); // one fold of three
  });
  it('says when a 95% interval is too narrow', () => {
    expect(bt('ets', [1], 0.7).notes.join()).toMatch(/95% interval too narrow: covers 70%/);
    expect(bt('ets', [1], 0.94).notes).toEqual([]);
  });
  it('the ensemble averages forecasts and bounds', () => {
    const c = combine(flat([2, 4], 1), { ...flat([4, 8], 3), model: 'sarima' });
    expect(c.mean).toEqual([3, 6]);
    expect(c.lower95).toEqual([3 - 4, 6 - 4]);
    expect(c.spec).toBe('mean(ets, sarima)');
  });
});

describe('Korean holidays', () => {
  it('cover 2015–2030 with the three days of 설날 and 추석 every year', () => {
    for (let year = 2015; year <= 2030; year++) {
      const of = (name: string) => KR_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`) && h.name === name).length;
      expect(of('설날'), `설날 ${year}`).toBeGreaterThanOrEqual(3);
      expect(of('추석'), `추석 ${year}`).toBeGreaterThanOrEqual(2); // 2028: one Chuseok day falls on 개천절 (named "추석·개천절")
    }
    const dates = new Set(KR_HOLIDAYS.map((h) => h.date));
    for (const d of ['2015-02-19', '2018-09-24', '2024-02-10', '2027-02-07', '2030-09-12']) expect(dates.has(d), d).toBe(true);
    expect(new Set(KR_HOLIDAYS.map((h) => h.date)).size).toBe(KR_HOLIDAYS.length);
  });
  it('group into one effect per name and window offset, as R prophet', () => {
    const e = holidayEffects([{ date: '2021-02-11', name: '설날' }, { date: '2021-02-12', name: '설날' }], [1, 1]);
    const d = dayOfIso('2021-02-11');
    expect([...e.keys()]).toEqual(['설날-1', '설날', '설날+1']);
    expect(e.get('설날')).toEqual([d, d + 1]);
    expect(e.get('설날+1')).toEqual([d + 1, d + 2]);
    expect(() => holidayEffects([{ date: '21-2-11', name: 'x' }], [0, 0])).toThrow(/yyyy-mm-dd, got "21-2-11"/);
  });
});
