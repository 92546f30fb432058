import { describe, expect, it } from 'vitest';
import { fitGbdt, gbdtFromJSON } from '../../../core/analysis/gbdt/index.js';
import type { SpendData } from '../../../core/analysis/spend/data.js';
import { buildFeatures } from '../../../core/analysis/spend/features.js';
import { spendModel, type SpendFitter } from '../../../core/analysis/spend/index.js';
import { alignToState, predictPairs } from '../../../core/analysis/spend/predict.js';
import { syntheticSpend } from './synthetic.js';

const gbdt: SpendFitter = (x, y, progress, valid) => fitGbdt(x, y, { seed: 1, maxIter: 60 }, progress, valid);

/** `data` with its lines of customer `c` only (customers keep their index). */
function onlyCustomer(data: SpendData, c: number): SpendData {
  const keep = Array.from(data.customer.keys()).filter((i) => data.customer[i] === c);
  const pick = <T extends Int32Array | Float64Array>(a: T | null) => (a ? new (a.constructor as new (x: number[]) => T)(keep.map((i) => a[i])) : null);
  const lp = data.lpay!;
  const lk = Array.from(lp.customer.keys()).filter((j) => lp.customer[j] === c);
  return {
    ...data, customer: pick(data.customer)!, product: pick(data.product)!, day: pick(data.day)!, quantity: pick(data.quantity)!, amount: pick(data.amount)!,
    hour: pick(data.hour), channel: pick(data.channel), retailer: pick(data.retailer),
    lpay: { customer: Int32Array.from(lk, (j) => lp.customer[j]), day: Int32Array.from(lk, (j) => lp.day[j]) },
  };
}

describe('spendModel', () => {
  const data = syntheticSpend({ customers: 80, products: 30, days: 60, perDay: 60, seed: 7, full: true });

  it('fits the baselines and gbdt on the time split, scores every split, and the trees beat the product median on pair-dependent prices', async () => {
    const phases = new Set<string>();
    const out = await spendModel(data, { models: ['baseline', 'gbdt'], trainDays: 30, maxTrainLines: 1500, seed: 3 }, { gbdt }, (phase) => phases.add(phase));
    const s = out.summary;
    expect(s.models.map((m) => m.id)).toEqual(['baseline-pair-mean', 'baseline-product-median', 'gbdt']);
    expect(s.periods.test.lines).toBe(5 * 60);
    expect(s.periods.valid.lines).toBe(10 * 60);
    expect(s.periods.train.lines).toBe(1500);
    expect(s.trainLinesDropped).toBe(30 * 60 - 1500);
    for (const m of s.models) for (const split of ['train', 'valid', 'test'] as const) expect(m.metrics[split].rmsle).toBeGreaterThan(0);
    const rmsle = (id: string) => s.models.find((m) => m.id === id)!.metrics.test.rmsle;
    expect(rmsle('gbdt')).toBeLessThan(rmsle('baseline-product-median'));
    expect(s.verdict.winner).toBe('gbdt');
    const g = s.models.find((m) => m.id === 'gbdt')!;
    expect(g.importance).toHaveLength(s.features.length);
    expect(g.importance[0].value).toBeGreaterThan(0);
    expect([...phases]).toEqual(expect.arrayContaining(['features', 'gbdt', 'verdict']));
    expect(out.test.predictions.map((p) => p.id)).toEqual(['baseline-pair-mean', 'baseline-product-median', 'gbdt']);
    // Deterministic.
    const again = await spendModel(data, { models: ['baseline', 'gbdt'], trainDays: 30, maxTrainLines: 1500, seed: 3 }, { gbdt });
    expect(again.summary.models.map((m) => m.metrics)).toEqual(s.models.map((m) => m.metrics));
  });

  it('refuses a family without a fitter in one sentence', async () => {
    await expect(spendModel(data, { models: ['baseline', 'tabnet'] }, { gbdt })).rejects.toThrow(/^model family tabnet is not available in this build$/);
  });

  it('predicts a pair from the stored state and the customer\'s lines exactly as a line on the next day of the full data', async () => {
    const out = await spendModel(data, { models: ['baseline', 'gbdt'], trainDays: 30, seed: 3 }, { gbdt });
    const model = gbdtFromJSON(out.fitted.find((f) => f.id === 'gbdt')!.json);
    const c = 5, p = data.product[Array.from(data.customer).indexOf(c)];
    const mine = Array.from(data.customer.keys()).filter((i) => data.customer[i] === c);
    const mode = (a: ArrayLike<number>) => {
      const n = new Map<number, number>();
      for (const i of mine) if (!Number.isNaN(a[i])) n.set(a[i], (n.get(a[i]) ?? 0) + 1);
      return [...n].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0][0];
    };
    const last = data.day[data.day.length - 1];
    // The full data plus one line of (c, p) on the next day with the customer's most frequent context.
    const add = <T extends Int32Array | Float64Array>(a: T, v: number) => {
      const o = new (a.constructor as new (n: number) => T)(a.length + 1);
      o.set(a);
      o[a.length] = v;
      return o;
    };
    const extended: SpendData = {
      ...data, customer: add(data.customer, c), product: add(data.product, p), day: add(data.day, last + 1), quantity: add(data.quantity, 1), amount: add(data.amount, 1),
      hour: add(data.hour!, mode(data.hour!)), channel: add(data.channel!, mode(data.channel!)), retailer: add(data.retailer!, mode(data.retailer!)),
    };
    const specials = new Uint8Array(data.productCodes.length);
    for (const s of out.state.special) specials[s] = 1;
    const f = buildFeatures(extended, specials, last + 1, last + 1);
    const expected = Math.max(0, Math.expm1(model.predict(f.x)[0]));
    const [got] = predictPairs(out.state, alignToState(onlyCustomer(data, c), out.state), [{ customer: c, product: p }], { id: 'gbdt', regressor: model });
    expect(got.expectedSpend).toBeCloseTo(expected, 9);
    expect(got.customer).toBe(`C${c}`);
    expect(got.product).toBe(`P${p}`);
    expect(got.top.length).toBeLessThanOrEqual(5);
    // The pair-mean baseline is the pair's mean log1p amount over all its lines.
    const pairLines = mine.filter((i) => data.product[i] === p);
    const [base] = predictPairs(out.state, alignToState(onlyCustomer(data, c), out.state), [{ customer: c, product: p }], { id: 'baseline-pair-mean', regressor: null });
    expect(base.expectedSpend).toBeCloseTo(Math.expm1(pairLines.reduce((s, i) => s + Math.log1p(data.amount[i]), 0) / pairLines.length), 9);
  });
});
