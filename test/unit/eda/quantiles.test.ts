import { describe, expect, it } from 'vitest';
import { median, quantileSorted, weightedQuantile } from '../../../core/analysis/eda/quantiles.js';

describe('type-7 quantiles (pandas, NumPy, R default)', () => {
  it('interpolates between order statistics', () => {
    // n = 4: h = 3q. q = 0.5 → h = 1.5 → 2 + 0.5·(3 − 2) = 2.5; q = 0.05 → h = 0.15 → 1 + 0.15·1 = 1.15.
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 14);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([7], 0.95)).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([8, 2])).toBe(5);
  });

  it('gives the same answer from (value, count) pairs as from the expanded sample', () => {
    const values = [100, 110, 250, 2500], counts = [7, 12, 3, 1];
    const expanded = values.flatMap((v, i) => new Array<number>(counts[i]).fill(v));
    for (const q of [0, 0.05, 0.25, 0.5, 0.9, 0.95, 0.99, 1]) expect(weightedQuantile(values, counts, q)).toBeCloseTo(quantileSorted(expanded, q), 12);
    // n = 23: median is x_11 (0-based) = 110; p95: h = 20.9 → x_20 = 250, x_21 = 250 → 250.
    expect(weightedQuantile(values, counts, 0.5)).toBe(110);
    expect(weightedQuantile(values, counts, 0.95)).toBe(250);
  });

  it('names the bad argument', () => {
    expect(() => quantileSorted([1], 1.5)).toThrow(/q must be in \[0, 1\], got 1.5/);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => weightedQuantile([1, 2], [1], 0.5)).toThrow(/same length, got 2 and 1/);
    expect(() => weightedQuantile([2, 1], [1, 1], 0.5)).toThrow(/strictly ascending/);
    expect(() => weightedQuantile([1], [0], 0.5)).toThrow(/positive integers, got 0/);
  });
});
