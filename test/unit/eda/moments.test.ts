import { describe, expect, it } from 'vitest';
import { adjustKurtosis, adjustSkewness, centralMoments, kurtosis, skewness } from '../../../core/analysis/eda/moments.js';

describe('skewness and kurtosis (G1, G2 as pandas skew() / kurt())', () => {
  it('matches a hand computation on [1, 2, 3, 4, 10]', () => {
    // mean 4; deviations −3 −2 −1 0 6; m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8.
    expect(centralMoments([1, 2, 3, 4, 10])).toEqual({ mean: 4, m2: 10, m3: 36, m4: 278.8 });
    // G1 = √(5·4)/3 · 36/10^1.5 = 1.2·√2;  G2 = 4/(3·2) · (6·(278.8/100 − 3) + 6) = 3.152.
    expect(skewness([1, 2, 3, 4, 10])).toBeCloseTo(1.2 * Math.SQRT2, 12);
    expect(kurtosis([1, 2, 3, 4, 10])).toBeCloseTo(3.152, 12);
  });

  it('gives G1 = √n and G2 = n for n − 1 equal values and one outlier', () => {
    // With deviation d of the odd value: m2 = d²(n−1)/n², m3 = d³(n−1)(n−2)/n³, m4 = d⁴(n−1)(n²−3n+3)/n⁴,
    // so g1 = (n−2)/√(n−1) → G1 = √n, and (n+1)(n²−6n+6) + 6(n−1) = n(n−2)(n−3) → G2 = n.
    for (const n of [5, 10, 40]) {
      const x = [...new Array<number>(n - 1).fill(2), 20];
      expect(skewness(x)).toBeCloseTo(Math.sqrt(n), 10);
      expect(kurtosis(x)).toBeCloseTo(n, 9);
      expect(skewness(x.map((v) => -v))).toBeCloseTo(-Math.sqrt(n), 10);
    }
  });

  it('is 0 for a symmetric sample and invariant to shift and positive scale', () => {
    expect(skewness([1, 2, 3, 4, 5])).toBeCloseTo(0, 14);
    // [1..5]: m2 = 2, m4 = 6.8, g2 = 6.8/4 − 3 = −1.3, G2 = 4/6 · (6·−1.3 + 6) = −1.2.
    expect(kurtosis([1, 2, 3, 4, 5])).toBeCloseTo(-1.2, 12);
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    expect(skewness(x.map((v) => 1000 + 7 * v))).toBeCloseTo(skewness(x), 10);
    expect(kurtosis(x.map((v) => 1000 + 7 * v))).toBeCloseTo(kurtosis(x), 10);
  });

  it('follows pandas at the edges: NaN below 3 (skew) or 4 (kurt) values, 0 for a constant sample', () => {
    expect(skewness([1, 2])).toBeNaN();
    expect(kurtosis([1, 2, 3])).toBeNaN();
    expect(skewness([5, 5, 5])).toBe(0);
    expect(kurtosis([5, 5, 5, 5])).toBe(0);
    expect(() => centralMoments([])).toThrow(RangeError);
  });

  it('checks n in the bias adjustments', () => {
    expect(adjustSkewness(5, 0.5)).toBeCloseTo((Math.sqrt(20) / 3) * 0.5, 14);
    expect(adjustKurtosis(5, -0.212)).toBeCloseTo(3.152, 12);
    expect(() => adjustSkewness(2, 1)).toThrow(/n must be at least 3 for a skewness, got 2/);
    expect(() => adjustKurtosis(3, 1)).toThrow(/n must be at least 4 for a kurtosis, got 3/);
  });
});
