import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../../core/analysis/stats/ari.js';

const ari = (a: number[], b: number[]): number => adjustedRandIndex(Int32Array.from(a), Int32Array.from(b));

describe('adjustedRandIndex', () => {
  it('gives scikit-learn documented values', () => {
    // sklearn.metrics.adjusted_rand_score docstring examples.
    expect(ari([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(ari([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(ari([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285714, 14);
    expect(ari([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285714, 14);
    expect(ari([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBe(-0.5);
  });
  it('matches a hand-computed contingency table', () => {
    // table rows a=0:{x:2,y:1}, a=1:{y:2,z:1}: index=2, sumA=6, sumB=4, C(6)=15, expected=1.6, max=5.
    expect(ari([0, 0, 0, 1, 1, 1], [5, 5, 7, 7, 7, 9])).toBeCloseTo((2 - 1.6) / (5 - 1.6), 15);
  });
  it('ignores the label values and is symmetric', () => {
    const a = [3, 3, -1, -1, 8, 8, 8, 3], b = [0, 1, 1, 1, 2, 2, 0, 0];
    expect(ari(a, b)).toBeCloseTo(ari(b, a), 15);
    expect(ari(a, b)).toBeCloseTo(ari(a.map((x) => x * 100 + 7), b), 15);
  });
  it('treats trivial partitions as scikit-learn', () => {
    expect(ari([1, 1, 1], [2, 2, 2])).toBe(1);
    expect(ari([0, 1, 2], [5, 6, 7])).toBe(1);
    expect(ari([], [])).toBe(1);
  });
  it('checks lengths', () => {
    expect(() => ari([0, 1], [0])).toThrow(/a and b must have the same length, got 2 and 1/);
  });
});
