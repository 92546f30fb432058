import { describe, expect, it } from 'vitest';
import { permutationImportance } from '../../../core/analysis/spend/importance.js';
import { spendMetrics, toAmount } from '../../../core/analysis/spend/metrics.js';
import type { FeatureMatrix, Regressor } from '../../../core/analysis/spend/regressor.js';
import { spendVerdict } from '../../../core/analysis/spend/verdict.js';

describe('spend metrics', () => {
  it('scores amounts expm1 of the log1p predictions, clipped at 0', () => {
    const amount = [100, 0, 50];
    const pred = [Math.log1p(110), -3, Math.log1p(50)]; // −3 → expm1 < 0 → 0
    expect(toAmount(-3)).toBe(0);
    const m = spendMetrics(pred, amount, [0, 1, 2]);
    expect(m.lines).toBe(3);
    expect(m.rmsle).toBeCloseTo(Math.sqrt((Math.log(111 / 101) ** 2) / 3), 12);
    expect(m.rmse).toBeCloseTo(Math.sqrt(100 / 3), 9);
    expect(m.mae).toBeCloseTo(10 / 3, 9);
    expect(spendMetrics([], amount, [])).toEqual({ rmsle: 0, rmse: 0, mae: 0, lines: 0 });
  });
});

describe('spend verdict', () => {
  const customers = 60, perCustomer = 5, n = customers * perCustomer;
  const amount = Float64Array.from({ length: n }, (_, i) => 100 + (i % 17) * 10);
  const customer = Int32Array.from({ length: n }, (_, i) => Math.floor(i / perCustomer));
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const exact = Float64Array.from(amount, (a) => Math.log1p(a));
  const off = (e: number) => Float64Array.from(exact, (v, i) => v + (i % 2 ? e : -e) * (0.5 + (i % 7) / 6));

  it('names the lowest test RMSLE the winner with a customer bootstrap interval excluding 0 when it is clearly better', () => {
    const v = spendVerdict([{ id: 'baseline-product-median', pred: off(0.5) }, { id: 'gbdt', pred: off(0.1) }, { id: 'tabnet', pred: off(0.3) }], amount, customer, rows, { resamples: 1000, seed: 1 });
    expect(v.winner).toBe('gbdt');
    expect(v.runnerUp).toBe('tabnet');
    expect(v.tie).toBe(false);
    expect(v.difference!.mean).toBeLessThan(-0.1);
    expect(v.difference!.lower).toBeLessThan(v.difference!.mean);
    expect(v.difference!.upper).toBeGreaterThan(v.difference!.mean);
    expect(v.difference!.upper).toBeLessThan(0);
    expect(v.text).toMatch(/^gbdt has the lowest test RMSLE/);
  });

  it('calls a tie when the interval contains 0', () => {
    // Two models whose errors swap between customers: same RMSLE overall, noisy per customer.
    const a = Float64Array.from(exact, (v, i) => v + (customer[i] % 2 ? 0.4 : 0.1));
    const b = Float64Array.from(exact, (v, i) => v + (customer[i] % 2 ? 0.1 : 0.41));
    const v = spendVerdict([{ id: 'gbdt', pred: a }, { id: 'tabnet', pred: b }], amount, customer, rows, { resamples: 1000, seed: 1 });
    expect(v.tie).toBe(true);
    expect(v.difference!.lower).toBeLessThan(0);
    expect(v.difference!.upper).toBeGreaterThan(0);
    expect(v.text).toMatch(/tie/);
  });

  it('is deterministic for a seed', () => {
    const models = [{ id: 'gbdt' as const, pred: off(0.2) }, { id: 'tabnet' as const, pred: off(0.25) }];
    expect(spendVerdict(models, amount, customer, rows, { resamples: 200, seed: 4 })).toEqual(spendVerdict(models, amount, customer, rows, { resamples: 200, seed: 4 }));
  });
});

describe('permutation importance', () => {
  it('gives the feature the model uses a positive RMSLE increase and the ignored one 0', () => {
    const rows = 400;
    const values = new Float64Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      values[r * 2] = r % 20;
      values[r * 2 + 1] = (r * 7) % 13;
    }
    const x: FeatureMatrix = { rows, cols: 2, values, names: ['used', 'ignored'], categorical: [false, false] };
    const model: Regressor = { predict: (m) => Float64Array.from({ length: m.rows }, (_, r) => 1 + m.values[r * m.cols] / 4), toJSON: () => null };
    const amount = Float64Array.from({ length: rows }, (_, r) => Math.expm1(1 + (r % 20) / 4));
    const imp = permutationImportance(model, x, amount, Int32Array.from({ length: rows }, (_, i) => i), 1);
    expect(imp.map((i) => i.feature)).toEqual(['used', 'ignored']);
    expect(imp[0].value).toBeGreaterThan(0.5);
    expect(imp[1].value).toBe(0);
  });
});
