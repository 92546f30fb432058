import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binThresholds, fitGbdt } from '../../../core/analysis/gbdt/index.js';
import type { FeatureMatrix } from '../../../core/analysis/spend/regressor.js';

// Fixtures from test/reference/gbdt_sklearn.py (scikit-learn's HistGradientBoostingRegressor,
// same hyper-parameters, no early stopping). Exact tree equality is not expected (heap ties,
// float summation order); the issue asks for test RMSE within 2 % and predictions correlating > 0.99.
interface Fixture {
  sklearn: string;
  names: string[];
  categorical: boolean[];
  train: { x: (number | null)[][]; y: number[] };
  test: { x: (number | null)[][]; y: number[] };
  binThresholds: (number[] | null)[];
  nIter: number;
  predictions: number[];
  testRmse: number;
}

function load(name: string): Fixture {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../reference/fixtures/gbdt_${name}.json`), 'utf8')) as Fixture;
}

function matrix(rows: (number | null)[][], f: Fixture): FeatureMatrix {
  const cols = f.names.length;
  const values = new Float64Array(rows.length * cols);
  rows.forEach((row, r) => row.forEach((v, j) => { values[r * cols + j] = v === null ? NaN : v; }));
  return { rows: rows.length, cols, values, names: f.names, categorical: f.categorical };
}

const rmse = (p: ArrayLike<number>, y: number[]): number => Math.sqrt(y.reduce((s, v, i) => s + (p[i] - v) ** 2, 0) / y.length);

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) { ma += a[i] / n; mb += b[i] / n; }
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - mb); saa += (a[i] - ma) ** 2; sbb += (b[i] - mb) ** 2; }
  return sab / Math.sqrt(saa * sbb);
}

describe.each(['synthetic', 'uci'])('gbdt against scikit-learn on the %s fixture', (name) => {
  const f = load(name);
  const x = matrix(f.train.x, f);
  const xt = matrix(f.test.x, f);

  it('bins numeric columns at exactly sklearn\'s thresholds', () => {
    f.binThresholds.forEach((expected, j) => {
      if (!expected) return;
      const got = binThresholds(f.train.x.map((row) => row[j] ?? NaN), 255);
      expect(got.length).toBe(expected.length);
      got.forEach((t, k) => expect(t).toBeCloseTo(expected[k], 12));
    });
  });

  it('test RMSE within 2 % of sklearn\'s and predictions correlating > 0.99', () => {
    const model = fitGbdt(x, Float64Array.from(f.train.y), { learningRate: 0.1, maxIter: 200, maxLeafNodes: 31, minSamplesLeaf: 20, l2Regularization: 0, maxBins: 255 });
    expect(model.trees.length).toBe(f.nIter);
    const p = model.predict(xt);
    const ours = rmse(p, f.test.y);
    expect(Math.abs(ours / f.testRmse - 1)).toBeLessThan(0.02);
    expect(correlation(p, f.predictions)).toBeGreaterThan(0.99);
  });
});
