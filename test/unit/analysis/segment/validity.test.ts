import { describe, expect, it } from 'vitest';
// Fixtures written by test/reference/kmeans_validity.py (scikit-learn).
import { kmeansFixture, readFixture } from '../../../helpers/reference.js';
import { calinskiHarabasz, daviesBouldin, silhouette } from '../../../../core/analysis/segment/validity/index.js';

const SETS = ['blobs', 'aniso', 'uniform', 'rfm'] as const;
const KS = [3, 4, 5] as const;
interface ValidityFixture {
  k: Record<string, { silhouette: number; calinskiHarabasz: number; daviesBouldin: number }>;
}
const validityFixture = (set: string): ValidityFixture => readFixture(`validity-${set}.json`);
/** |a − b| ≤ tol · max(|a|, |b|). */
function relClose(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
}

describe('validity indices on scikit-learn labels equal scikit-learn (1e-9 relative)', () => {
  for (const set of SETS) {
    const fx = kmeansFixture(set), ref = validityFixture(set);
    const data = Float64Array.from(fx.data);
    for (const k of KS) {
      const labels = Int32Array.from(fx.k[k].labels);
      const want = ref.k[k];
      it(`${set}, k = ${k}`, () => {
        const got = {
          silhouette: silhouette(data, fx.n, fx.d, labels),
          calinskiHarabasz: calinskiHarabasz(data, fx.n, fx.d, labels),
          daviesBouldin: daviesBouldin(data, fx.n, fx.d, labels),
        };
        for (const key of ['silhouette', 'calinskiHarabasz', 'daviesBouldin'] as const) {
          expect(relClose(got[key], want[key], 1e-9), `${key}: ${got[key]} vs ${want[key]}`).toBe(true);
        }
      });
    }
  }
});

describe('silhouette', () => {
  it('scores one-point clusters 0 and matches a hand computation', () => {
    // 1-D points 0, 1 (cluster a), 5 (cluster b, alone): s(0) = (5 − 1)/5, s(1) = (4 − 1)/4, s(5) = 0.
    const s = silhouette(Float64Array.from([0, 1, 5]), 3, 1, [7, 7, 9]);
    expect(s).toBeCloseTo((4 / 5 + 3 / 4 + 0) / 3, 14);
  });

  it('samples beyond sampleSize, deterministically, and is exact below it', () => {
    const fx = kmeansFixture('rfm');
    const data = Float64Array.from(fx.data), labels = fx.k['4'].labels;
    const a = silhouette(data, fx.n, fx.d, labels, { sampleSize: 1000, seed: 3 });
    expect(silhouette(data, fx.n, fx.d, labels, { sampleSize: 1000, seed: 3 })).toBe(a);
    expect(Math.abs(a - validityFixture('rfm').k['4'].silhouette)).toBeLessThan(0.05);
    const small = kmeansFixture('aniso');
    const exact = silhouette(Float64Array.from(small.data), small.n, small.d, small.k['3'].labels);
    expect(silhouette(Float64Array.from(small.data), small.n, small.d, small.k['3'].labels, { sampleSize: 5000 })).toBe(exact);
  });

  it('checks its input', () => {
    const pts = Float64Array.from([0, 1, 2]);
    expect(() => silhouette(pts, 3, 1, [0, 0, 0])).toThrow('the number of distinct labels must be in 2..2, got 1');
    expect(() => silhouette(pts, 3, 1, [0, 1, 2])).toThrow(RangeError);
    expect(() => silhouette(pts, 3, 1, [0, 1])).toThrow('labels must hold n = 3 values, got 2');
    expect(() => silhouette(pts, 3, 1, [0, 1, 1], { sampleSize: 1 })).toThrow(RangeError);
  });
});

describe('Calinski–Harabasz and Davies–Bouldin', () => {
  it('match hand computations', () => {
    // Clusters {0, 2} and {10, 12}: means 1, 11, overall 6: B = 2·25 + 2·25 = 100, W = 4, CH = (100/1)/(4/2) = 50.
    const pts = Float64Array.from([0, 2, 10, 12]);
    expect(calinskiHarabasz(pts, 4, 1, [0, 0, 1, 1])).toBeCloseTo(50, 12);
    // S = 1 for both, M = 10: DB = (1 + 1)/10 = 0.2.
    expect(daviesBouldin(pts, 4, 1, [0, 0, 1, 1])).toBeCloseTo(0.2, 14);
  });

  it('degenerate cases as scikit-learn: CH 1 when W = 0, DB 0 when every spread is 0', () => {
    const pts = Float64Array.from([1, 1, 3, 3]);
    expect(calinskiHarabasz(pts, 4, 1, [0, 0, 1, 1])).toBe(1);
    expect(daviesBouldin(pts, 4, 1, [0, 0, 1, 1])).toBe(0);
  });
});
