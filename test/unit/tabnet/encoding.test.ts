import { describe, expect, it } from 'vitest';
import { denseWidth, encodeRows, fitEncoding, inputGroups } from '../../../core/analysis/tabnet/encoding.js';
import type { FeatureMatrix } from '../../../core/analysis/spend/regressor.js';

/** Columns: a (numeric, one NaN), c (categorical, 3 levels), b (numeric, complete). */
const x: FeatureMatrix = {
  rows: 4, cols: 3, names: ['a', 'c', 'b'], categorical: [false, true, false],
  values: Float64Array.from([1, 0, 10, 3, 2, 10, NaN, 1, 10, 5, 2, 10]),
};

describe('tabnet input encoding', () => {
  it('standardises numerics on the training rows, adds indicators where NaN occurred, sizes embeddings min(8, levels)', () => {
    const enc = fitEncoding(x);
    expect(enc.mean[0]).toBeCloseTo(3, 12); // mean of 1, 3, 5 (the NaN left out)
    expect(enc.sd[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(enc.sd[2]).toBe(1); // constant column: sd 1, not 0
    expect(enc.indicator).toEqual([true, false, false]);
    expect(enc.levels).toEqual([0, 3, 0]);
    expect(enc.embDim).toEqual([0, 3, 0]);
    expect(denseWidth(enc)).toBe(3); // a, b, missing(a)
    expect(Array.from(inputGroups(enc))).toEqual([0, 2, 0, 1, 1, 1]);
  });

  it('encodes new rows with the training statistics; unknown codes read the extra row', () => {
    const enc = fitEncoding(x);
    const fresh: FeatureMatrix = { ...x, rows: 2, values: Float64Array.from([7, 5, 12, NaN, -1, 10]) };
    const e = encodeRows(enc, fresh);
    const sd = Math.sqrt(8 / 3);
    expect(e.dense[0]).toBeCloseTo((7 - 3) / sd, 6);
    expect(e.dense[1]).toBeCloseTo(2, 6);
    expect(e.dense[2]).toBe(0);
    expect(Array.from(e.dense.subarray(3, 6))).toEqual([0, 0, 1]);
    expect(Array.from(e.codes[0])).toEqual([3, 3]); // 5 unseen, −1 invalid → row `levels`
    expect(Array.from(encodeRows(enc, x, [1]).codes[0])).toEqual([2]);
    expect(() => encodeRows(enc, { ...x, cols: 2 })).toThrow(RangeError);
  });
});
