import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/analysis/common/random.js';
import { binMatrix, buildHistogram, findBestSplit, HistogramPool, splitGain } from '../../../core/analysis/gbdt/index.js';
import { matrixOf } from './helpers.js';

/** Histogram of all rows and the best split, as the grower does at the root. */
function rootSplit(rows: number[][], g: number[], minSamplesLeaf: number, categorical?: boolean[], l2 = 0) {
  const b = binMatrix(matrixOf(rows, categorical), 255, 200_000, 0);
  const stride = 256;
  const h = new HistogramPool(stride * b.cols).take();
  const idx = Uint32Array.from(rows.keys());
  buildHistogram(b, stride, idx, 0, rows.length, Float64Array.from(g), h);
  return { b, split: findBestSplit(b, h, g.reduce((s, v) => s + v, 0), rows.length, { minSamplesLeaf, l2, stride }) };
}

/** Every threshold t among the distinct values (x ≤ t left) × NaN left or right, from the raw rows. */
function bruteForce(rows: number[][], g: number[], minSamplesLeaf: number, l2: number) {
  let best = { gain: 0, feature: -1, t: NaN, nanLeft: false };
  for (let f = 0; f < rows[0].length; f++) {
    const values = [...new Set(rows.map((r) => r[f]).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    for (const t of values) {
      for (const nanLeft of [false, true]) {
        let gl = 0, nl = 0, gr = 0, nr = 0;
        rows.forEach((r, i) => {
          const left = Number.isNaN(r[f]) ? nanLeft : r[f] <= t;
          if (left) { gl += g[i]; nl++; } else { gr += g[i]; nr++; }
        });
        if (nl < minSamplesLeaf || nr < minSamplesLeaf) continue;
        const gain = splitGain(gl, nl, gr, nr, l2);
        if (gain > best.gain + 1e-9) best = { gain, feature: f, t, nanLeft };
      }
    }
  }
  return best;
}

describe('findBestSplit', () => {
  it('finds the gain of the best split exactly as a brute force over raw thresholds (numeric, NaN either side, λ 0 and 1.5)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = createRandom(seed);
      const n = 60 + rnd.int(60);
      const rows = Array.from({ length: n }, () => [rnd.int(12), rnd.next() < 0.2 ? NaN : Math.round(rnd.next() * 100) / 10, rnd.int(3)]);
      const g = rows.map((r) => (Number.isNaN(r[1]) ? 1.5 : r[1] / 5) - (r[0] > 6 ? 1 : 0) + rnd.next() - 0.5);
      const min = 5 + rnd.int(10);
      const l2 = seed % 2 === 0 ? 1.5 : 0;
      const expected = bruteForce(rows, g, min, l2);
      const { b, split } = rootSplit(rows, g, min, undefined, l2);
      expect(split).not.toBeNull();
      expect(split!.gain).toBeCloseTo(expected.gain, 9);
      expect(split!.feature).toBe(expected.feature);
      // The bin edge separates the same rows as the brute-force threshold.
      const edge = split!.bin < b.thresholds[split!.feature].length ? b.thresholds[split!.feature][split!.bin] : Infinity;
      const f = split!.feature;
      rows.forEach((r) => {
        if (Number.isNaN(r[f])) return;
        expect(r[f] <= edge).toBe(r[f] <= expected.t);
      });
      // Rows counted on each side agree with the partition the gain was computed on.
      expect(split!.countLeft + split!.countRight).toBe(n);
    }
  });

  it('has no split when a side would hold fewer than minSamplesLeaf rows', () => {
    const rows = Array.from({ length: 9 }, (_, i) => [i]);
    expect(rootSplit(rows, rows.map((r) => r[0]), 5).split).toBeNull();
    expect(rootSplit(rows, rows.map((r) => r[0]), 4).split).not.toBeNull();
  });

  it('splits a categorical feature by the categories sorted by mean gradient (the one that differs alone)', () => {
    const rows: number[][] = [];
    const g: number[] = [];
    for (let c = 0; c < 6; c++) for (let i = 0; i < 30; i++) { rows.push([c]); g.push(c === 4 ? 3 + (i % 3) * 0.1 : -0.5 + (i % 5) * 0.05); }
    const { split } = rootSplit(rows, g, 20, [true]);
    expect(split!.catLeft).not.toBeNull();
    const left = [0, 1, 2, 3, 4, 5].filter((c) => split!.catLeft![c] === 1);
    // Category 4 alone on one side: either {4} left, or the five others left (at most ⌈6/2⌉ = 3 may go left, so {4}).
    expect(left).toEqual([4]);
    const gl = g.filter((_, i) => rows[i][0] === 4).reduce((s, v) => s + v, 0);
    const gr = g.filter((_, i) => rows[i][0] !== 4).reduce((s, v) => s + v, 0);
    expect(split!.gain).toBeCloseTo(splitGain(gl, 30, gr, 150, 0), 9);
  });
});
