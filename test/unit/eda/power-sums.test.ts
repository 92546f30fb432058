import { describe, expect, it } from 'vitest';
import { kurtosis, skewness } from '../../../core/analysis/eda/moments.js';
import { MIN_CV_FOR_SHAPE, shapeFromPowerSums, type PowerSums } from '../../../core/analysis/eda/power-sums.js';

function sums(x: number[]): PowerSums {
  const s = (k: number): number => x.reduce((a, v) => a + v ** k, 0);
  return { n: x.length, s1: s(1), s2: s(2), s3: s(3), s4: s(4) };
}

describe('shape from power sums (the SQL path)', () => {
  it('gives mean, sample sd, CV, G1 and G2 of [1, 2, 3, 4, 10] by hand', () => {
    // Σx = 20, Σx² = 130, Σx³ = 1100, Σx⁴ = 10354.
    const s = shapeFromPowerSums({ n: 5, s1: 20, s2: 130, s3: 1100, s4: 10354 });
    expect(s.mean).toBe(4);
    expect(s.sd).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(s.cv).toBeCloseTo(Math.sqrt(12.5) / 4, 12);
    expect(s.skewness).toBeCloseTo(1.2 * Math.SQRT2, 10);
    expect(s.kurtosis).toBeCloseTo(3.152, 10);
  });

  it('agrees with the two-pass estimators on prices with a heavy tail', () => {
    const prices = Array.from({ length: 500 }, (_, i) => 1000 + 10 * ((i * 37) % 23) + (i % 25 === 0 ? 15_000 : 0));
    const s = shapeFromPowerSums(sums(prices));
    expect(s.skewness as number).toBeCloseTo(skewness(prices), 7);
    expect(s.kurtosis as number).toBeCloseTo(kurtosis(prices), 6);
  });

  it('reports no shape for a constant or practically constant price, and for too few values', () => {
    expect(shapeFromPowerSums(sums([0.85, 0.85, 0.85, 0.85, 0.85]))).toMatchObject({ skewness: null, kurtosis: null, sd: 0 });
    const nearly = [...new Array<number>(999).fill(10_000), 10_010];
    const s = shapeFromPowerSums(sums(nearly));
    expect(s.cv).toBeLessThan(MIN_CV_FOR_SHAPE);
    expect(s.skewness).toBeNull();
    expect(shapeFromPowerSums(sums([1, 2]))).toMatchObject({ skewness: null, kurtosis: null });
    expect(shapeFromPowerSums(sums([1, 2, 4]))).toMatchObject({ kurtosis: null });
    expect(shapeFromPowerSums(sums([1, 2, 4])).skewness).toBeCloseTo(skewness([1, 2, 4]), 12);
  });

  it('rejects a bad n', () => {
    expect(() => shapeFromPowerSums({ n: 0, s1: 0, s2: 0, s3: 0, s4: 0 })).toThrow(/n must be a positive integer, got 0/);
  });
});
