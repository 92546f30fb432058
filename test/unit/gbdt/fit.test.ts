import { describe, expect, it } from 'vitest';
import { fitGbdt, gbdtFromJSON, GBDT_DEFAULTS, shouldStop } from '../../../core/analysis/gbdt/index.js';
import { matrixOf, regressionSet } from './helpers.js';

describe('NaN routing', () => {
  // 40 rows x = 1..40 (y 0 up to 20, 10 above) and 20 rows with x NaN.
  const data = (nanY: number) => {
    const rows = [...Array.from({ length: 40 }, (_, i) => [i + 1]), ...Array.from({ length: 20 }, () => [NaN])];
    const y = Float64Array.from(rows, (r) => (Number.isNaN(r[0]) ? nanY : r[0] > 20 ? 10 : 0));
    return { x: matrixOf(rows), y };
  };
  const stump = { maxIter: 1, maxLeafNodes: 2, minSamplesLeaf: 5, learningRate: 1 };

  it('sends NaN to the side whose gradients it resembles (right when NaN rows look like x > 20)', () => {
    const m = fitGbdt(data(10).x, data(10).y, stump);
    const t = m.trees[0];
    expect(t.threshold[0]).toBe(20.5);
    expect(t.missingLeft[0]).toBe(0);
    const p = m.predict(matrixOf([[NaN], [3], [30]]));
    [10, 0, 10].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 12));
  });

  it('and left when NaN rows look like x ≤ 20', () => {
    const m = fitGbdt(data(0).x, data(0).y, stump);
    expect(m.trees[0].missingLeft[0]).toBe(1);
    expect(m.predict(matrixOf([[NaN]]))[0]).toBeCloseTo(0, 12);
  });

  it('splits on "NaN or not" when the non-missing values are all equal (threshold +∞)', () => {
    const rows = [...Array.from({ length: 30 }, () => [1]), ...Array.from({ length: 30 }, () => [NaN])];
    const y = Float64Array.from(rows, (r) => (Number.isNaN(r[0]) ? 5 : -5));
    const m = fitGbdt(matrixOf(rows), y, stump);
    expect(m.trees[0].threshold[0]).toBe(Infinity);
    expect([...m.predict(matrixOf([[NaN], [1], [1e300]]))].map((v) => Math.round(v))).toEqual([5, -5, -5]);
  });

  it('without NaN in training, sends NaN at prediction to the child with more training rows (sklearn)', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [i + 1]);
    const y = Float64Array.from(rows, (r) => (r[0] > 40 ? 10 : 0));
    const m = fitGbdt(matrixOf(rows), y, stump);
    expect(m.trees[0].missingLeft[0]).toBe(1);
    expect(m.predict(matrixOf([[NaN]]))[0]).toBeCloseTo(0, 12);
    const y2 = Float64Array.from(rows, (r) => (r[0] > 20 ? 10 : 0));
    expect(fitGbdt(matrixOf(rows), y2, stump).predict(matrixOf([[NaN]]))[0]).toBeCloseTo(10, 12);
  });
});

describe('fitGbdt', () => {
  const train = regressionSet(3000, 1);
  const valid = regressionSet(1000, 2);

  it('learns: each tree lowers the training loss and the fit beats the mean by far', () => {
    const m = fitGbdt(train.x, train.y, { maxIter: 50 });
    expect(m.trees.length).toBe(50);
    for (let i = 1; i < m.trainLoss.length; i++) expect(m.trainLoss[i]).toBeLessThanOrEqual(m.trainLoss[i - 1] + 1e-12);
    const p = m.predict(valid.x);
    const mean = valid.y.reduce((s, v) => s + v, 0) / valid.y.length;
    const mse = p.reduce((s, v, i) => s + (v - valid.y[i]) ** 2, 0) / p.length;
    const variance = valid.y.reduce((s, v) => s + (v - mean) ** 2, 0) / p.length;
    expect(mse / variance).toBeLessThan(0.1);
  });

  it('stops early on the validation loss exactly when sklearn\'s rule says so, keeping the trees fitted until then', () => {
    const noisy = regressionSet(1000, 3, 3);
    const m = fitGbdt(noisy.x, noisy.y, { maxIter: 200, learningRate: 0.5 }, undefined, regressionSet(500, 4, 3));
    expect(m.trees.length).toBeLessThan(200);
    const losses = m.validLoss!;
    expect(losses.length).toBe(m.trees.length + 1);
    expect(shouldStop(losses, GBDT_DEFAULTS.nIterNoChange, GBDT_DEFAULTS.tol)).toBe(true);
    for (let k = 1; k < losses.length; k++) expect(shouldStop(losses.slice(0, k), GBDT_DEFAULTS.nIterNoChange, GBDT_DEFAULTS.tol)).toBe(false);
    const off = fitGbdt(noisy.x, noisy.y, { maxIter: 200, learningRate: 0.5, earlyStopping: false }, undefined, regressionSet(500, 4, 3));
    expect(off.trees.length).toBe(200);
  });

  it('keeps its training predictions equal to predict() on the training rows', () => {
    const m = fitGbdt(train.x, train.y, { maxIter: 15 });
    const p = m.predict(train.x);
    const half = p.reduce((s, v, i) => s + (v - train.y[i]) ** 2, 0) / (2 * p.length);
    expect(m.trainLoss[m.trainLoss.length - 1]).toBeCloseTo(half, 10);
  });

  it('shouldStop: none of the last n losses below the one n + 1 back by more than tol', () => {
    expect(shouldStop([5, 4, 4, 4], 3, 0)).toBe(false); // 4 < 5
    expect(shouldStop([5, 4, 4, 4, 4], 3, 0)).toBe(true);
    expect(shouldStop([5, 4, 4, 4, 3.9], 3, 0.2)).toBe(true);
    expect(shouldStop([5, 4, 4], 3, 0)).toBe(false); // too few
  });

  it('contributions (Saabas) sum to the prediction for every row, bias last', () => {
    const m = fitGbdt(train.x, train.y, { maxIter: 30 });
    const p = m.predict(valid.x);
    for (let r = 0; r < 200; r++) {
      const c = m.contributions(valid.x, r);
      expect(c.length).toBe(valid.x.cols + 1);
      expect(c.reduce((s, v) => s + v, 0)).toBeCloseTo(p[r], 10);
    }
    // A stump: the feature gets leaf − root, the bias is baseline + root value.
    const s = fitGbdt(train.x, train.y, { maxIter: 1, maxLeafNodes: 2 });
    const t = s.trees[0];
    const c = s.contributions(valid.x, 0);
    const leaf = t.child(0, valid.x.values, 0, s.known.map(() => null));
    expect(c[t.feature[0]]).toBeCloseTo(t.value[leaf] - t.value[0], 14);
    expect(c[valid.x.cols]).toBeCloseTo(s.baseline + t.value[0], 14);
  });

  it('round-trips through JSON with identical predictions and contributions', () => {
    const m = fitGbdt(train.x, train.y, { maxIter: 20 });
    const back = gbdtFromJSON(JSON.parse(JSON.stringify(m)));
    expect([...back.predict(valid.x)]).toEqual([...m.predict(valid.x)]);
    expect([...back.contributions(valid.x, 5)]).toEqual([...m.contributions(valid.x, 5)]);
    expect(JSON.stringify(back)).toBe(JSON.stringify(m));
    expect(() => gbdtFromJSON({ kind: 'tabnet' })).toThrow(TypeError);
  });

  it('is deterministic by seed: same seed same model byte for byte, another seed other bin edges', () => {
    const opts = { maxIter: 10, binSubsample: 500, maxBins: 32 };
    const a = JSON.stringify(fitGbdt(train.x, train.y, { ...opts, seed: 5 }));
    expect(JSON.stringify(fitGbdt(train.x, train.y, { ...opts, seed: 5 }))).toBe(a);
    expect(JSON.stringify(fitGbdt(train.x, train.y, { ...opts, seed: 6 }))).not.toBe(a);
  });

  it('reports progress per tree and aborts when the callback throws', () => {
    const seen: string[] = [];
    fitGbdt(train.x, train.y, { maxIter: 3 }, (done, total) => seen.push(`${done}/${total}`));
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
    expect(() => fitGbdt(train.x, train.y, { maxIter: 5 }, (done) => { if (done === 2) throw new Error('cancelled'); })).toThrow('cancelled');
  });

  it('treats a category unseen in training as missing', () => {
    const m = fitGbdt(train.x, train.y, { maxIter: 20 });
    const unseen = matrixOf([[0.5, 0.2, 9]], train.x.categorical);
    const nan = matrixOf([[0.5, 0.2, NaN]], train.x.categorical);
    expect(m.predict(unseen)[0]).toBe(m.predict(nan)[0]);
  });

  it('checks its arguments with sentences naming them', () => {
    expect(() => fitGbdt(train.x, train.y, { maxBins: 256 })).toThrow('maxBins must be an integer in 2..255, got 256');
    expect(() => fitGbdt(train.x, train.y.subarray(1))).toThrow(/y must have one value per row of x \(3000\), got 2999/);
    expect(() => fitGbdt(train.x, Float64Array.from(train.y, (v, i) => (i === 7 ? NaN : v)))).toThrow('y must be finite, got NaN at row 7');
    expect(() => fitGbdt(train.x, train.y, { maxIter: 1 }, undefined, { x: valid.x, y: Float64Array.from(valid.y, (v, i) => (i === 3 ? Infinity : v)) })).toThrow('valid.y must be finite, got Infinity at row 3');
    const m = fitGbdt(train.x, train.y, { maxIter: 1 });
    expect(() => m.predict(matrixOf([[1, 2]]))).toThrow(/x must have 3 columns/);
  });
});
