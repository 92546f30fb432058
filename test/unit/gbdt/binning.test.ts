import { describe, expect, it } from 'vitest';
import { binMatrix, binOf, binThresholds } from '../../../core/analysis/gbdt/index.js';
import { matrixOf } from './helpers.js';

describe('binThresholds (sklearn _find_binning_thresholds)', () => {
  it('puts edges at midpoints between distinct values when they fit, ignoring NaN and duplicates', () => {
    expect([...binThresholds([3, 1, NaN, 2, 2, 10], 255)]).toEqual([1.5, 2.5, 6.5]);
    expect([...binThresholds([5, 5, NaN], 255)]).toEqual([]);
  });

  it('uses numpy "midpoint" percentiles 100k/maxBins when there are more distinct values than bins', () => {
    // 0..9 with maxBins 4: percentiles 25, 50, 75 at virtual index 2.25, 4.5, 6.75 → midpoints of
    // the neighbours: (2+3)/2, (4+5)/2, (6+7)/2.
    expect([...binThresholds([9, 8, 7, 6, 5, 4, 3, 2, 1, 0], 4)]).toEqual([2.5, 4.5, 6.5]);
    // 0..8 with maxBins 4: virtual index 2, 4, 6 exactly → the values themselves.
    expect([...binThresholds([0, 1, 2, 3, 4, 5, 6, 7, 8], 4)]).toEqual([2, 4, 6]);
  });

  it('maps a value to the number of edges strictly below it (x ≤ edge b ⇔ bin ≤ b)', () => {
    const t = Float64Array.from([1.5, 2.5, 6.5]);
    expect([0, 1.5, 1.6, 2.5, 6.5, 7, 100].map((v) => binOf(t, v))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });
});

describe('binMatrix', () => {
  it('stores bins column-major as bytes, NaN in bin maxBins, categorical codes as their own bin', () => {
    const b = binMatrix(matrixOf([[1, 0], [NaN, 2], [3, 1], [2, NaN]], [false, true]), 255, 200_000, 0);
    expect(b.bins).toBeInstanceOf(Uint8Array);
    expect([...b.bins]).toEqual([0, 255, 2, 1, /* column 1 */ 0, 2, 1, 255]);
    expect([...b.thresholds[0]]).toEqual([1.5, 2.5]);
    expect([...b.nonMissingBins]).toEqual([3, 3]);
    expect(b.hasMissing).toEqual([true, true]);
  });

  it('bins every value as binOf does (ties on edges, ±∞, more distinct values than bins)', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [Math.round(Math.sin(i * 7.31) * 500) / 10, (i * 37) % 11, i % 97 === 0 ? -Infinity : i % 89 === 0 ? Infinity : Math.exp(Math.cos(i))]);
    const x = matrixOf(rows);
    const b = binMatrix(x, 255, 200_000, 0);
    for (let f = 0; f < 3; f++) {
      // Values equal to an edge itself, too.
      const probe = [...rows.map((r) => r[f]), ...b.thresholds[f]];
      const m = binMatrix(matrixOf(probe.map((v) => [v])), 255, 200_000, 0);
      // Same edges only when the probe adds nothing new; so compare against binOf on m's own edges.
      probe.forEach((v, r) => expect(m.bins[r]).toBe(binOf(m.thresholds[0], v)));
      rows.forEach((row, r) => expect(b.bins[f * 3000 + r]).toBe(binOf(b.thresholds[f], row[f])));
    }
    expect(b.thresholds[0].length).toBe(254);
  });

  it('rejects categorical values that are not integer codes below maxBins', () => {
    expect(() => binMatrix(matrixOf([[1.5], [0]], [true]), 255, 200_000, 0)).toThrow(/integer codes in 0..254.*1.5 in row 0/);
    expect(() => binMatrix(matrixOf([[300], [0]], [true]), 255, 200_000, 0)).toThrow(RangeError);
  });

  it('places edges from a seeded subsample: same seed same edges, another seed other edges', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [Math.sin(i * 12.9898) * 43758.5453 % 1]);
    const x = matrixOf(rows);
    const a = binMatrix(x, 32, 500, 1), b = binMatrix(x, 32, 500, 1), c = binMatrix(x, 32, 500, 2);
    expect([...a.thresholds[0]]).toEqual([...b.thresholds[0]]);
    expect([...a.thresholds[0]]).not.toEqual([...c.thresholds[0]]);
    expect(a.thresholds[0].length).toBe(31);
    // Without subsampling (subsample ≥ rows) the edges are those of all rows.
    const all = rows.map((r) => r[0]);
    expect([...binMatrix(x, 32, 5000, 7).thresholds[0]]).toEqual([...binThresholds(all, 32)]);
  });
});
