import { beforeAll, describe, expect, it } from 'vitest';
import { fitTabNet, tabnetFromJSON, TABNET_DEFAULTS, type TabNetModel } from '../../../core/analysis/tabnet/index.js';
import { tf } from '../../../core/analysis/recommend/tf-runtime.js';
import { tfWasmReady } from '../../../core/jobs/recommend/tf-wasm.js';
import { rmse, synthetic } from './synthetic.js';

/**
 * Small data and few epochs, so the suite stays fast (the defaults are exercised by
 * bench/tabnet.mjs): 160 Adam steps of 64 rows.
 */
const FAST = { batchSize: 64, virtualBatchSize: 32, epochs: 10, patience: 10 };

describe('fitTabNet on a planted signal (y depends on 2 of 8 features)', () => {
  const train = synthetic(1024, 1), valid = synthetic(800, 2);
  let model: TabNetModel;
  let tensorsBefore = 0;

  beforeAll(async () => {
    await tfWasmReady();
    tensorsBefore = tf.memory().numTensors;
    model = await fitTabNet(train.x, train.y, FAST, undefined, valid);
  }, 120_000);

  it('beats predicting the mean by a wide margin', () => {
    const mean = train.y.reduce((s, v) => s + v, 0) / train.y.length;
    const base = rmse(new Float64Array(valid.y.length).fill(mean), valid.y);
    const got = rmse(model.predict(valid.x), valid.y);
    expect(base).toBeGreaterThan(1.5);
    expect(got).toBeLessThan(0.5 * base);
    expect(model.report.validRmse.length).toBeGreaterThan(0);
    expect(model.report.validRmse[model.report.bestEpoch - 1]).toBeCloseTo(got, 4);
  });

  it('puts more than 60 % of its mask importance on the two features that matter', () => {
    const imp = model.maskImportance(valid.x);
    expect(imp.length).toBe(8);
    expect(imp.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
    expect(imp[0] + imp[5]).toBeGreaterThan(0.6);
  });

  it('attributes each prediction over the features: contributions sum to prediction − intercept', () => {
    const json = model.toJSON();
    const intercept = json.params['out.b'].data[0] * json.ySd + json.yMean;
    const pred = model.predict(valid.x);
    for (const row of [0, 7, 123]) {
      const c = model.contributions(valid.x, row);
      expect(c.length).toBe(8);
      expect(c.reduce((s, v) => s + v, 0) + intercept).toBeCloseTo(pred[row], 4);
    }
    expect(() => model.contributions(valid.x, valid.x.rows)).toThrow(RangeError);
  });

  it('gives identical predictions, importance and contributions after a JSON round trip', () => {
    const back = tabnetFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(back.predict(valid.x))).toEqual(Array.from(model.predict(valid.x)));
    expect(Array.from(back.maskImportance(valid.x))).toEqual(Array.from(model.maskImportance(valid.x)));
    expect(Array.from(back.contributions(valid.x, 3))).toEqual(Array.from(model.contributions(valid.x, 3)));
    expect(back.report).toEqual(model.report);
    expect(() => tabnetFromJSON({ model: 'gbdt' })).toThrow(/not a TabNet model/);
  });

  it('leaves no tensors behind after fitting and predicting', () => {
    model.predict(valid.x);
    model.maskImportance(valid.x);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('reads unseen categories and missing values without failing', () => {
    const x = { ...valid.x, values: valid.x.values.slice() };
    x.values[5] = 99; // a level never seen in training
    x.values[6] = NaN;
    x.values[8 + 2] = NaN;
    const p = model.predict(x);
    expect(p.every(Number.isFinite)).toBe(true);
  });
});

describe('fitTabNet determinism and options', () => {
  const train = synthetic(600, 3);
  const opts = { batchSize: 128, virtualBatchSize: 64, epochs: 2 };

  beforeAll(async () => {
    await tfWasmReady();
  });

  it('same seed → same predictions; another seed → other predictions', async () => {
    const a = await fitTabNet(train.x, train.y, { ...opts, seed: 5 });
    const b = await fitTabNet(train.x, train.y, { ...opts, seed: 5 });
    const c = await fitTabNet(train.x, train.y, { ...opts, seed: 6 });
    const pa = Array.from(a.predict(train.x)), pb = Array.from(b.predict(train.x)), pc = Array.from(c.predict(train.x));
    expect(pb).toEqual(pa);
    expect(pc).not.toEqual(pa);
  }, 120_000);

  it('stops when progress throws, and frees its tensors', async () => {
    const before = tf.memory().numTensors;
    await expect(fitTabNet(train.x, train.y, opts, (done) => { if (done >= 1) throw new Error('cancelled'); })).rejects.toThrow('cancelled');
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('rejects bad options and mismatched inputs', async () => {
    await expect(fitTabNet(train.x, train.y, { nSteps: 0 })).rejects.toThrow(/nSteps/);
    await expect(fitTabNet(train.x, train.y.subarray(1))).rejects.toThrow(/values for/);
    expect(TABNET_DEFAULTS).toMatchObject({ nD: 8, nA: 8, nSteps: 3, gamma: 1.3, lambdaSparse: 1e-3, batchSize: 1024, learningRate: 0.02, seed: 0 });
  });
});
