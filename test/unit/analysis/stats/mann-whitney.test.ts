import { describe, expect, it } from 'vitest';
import { normalSf } from '../../../../core/analysis/stats/distributions.js';
import { mannWhitneyU } from '../../../../core/analysis/stats/mann-whitney.js';
import { readFixture } from '../../../helpers/reference.js';

interface MwuCase { name: string; x: number[]; y: number[]; u: number; pValue: number; effect: number }
const { cases } = readFixture<{ cases: MwuCase[] }>('mannwhitney.json');
const f64 = (v: number[]): Float64Array => Float64Array.from(v);
const close = (got: number, want: number, rel = 1e-9): void => {
  expect(Math.abs(got - want), `got ${got}, want ${want}`).toBeLessThanOrEqual(rel * Math.abs(want) + 1e-300);
};

describe('mannWhitneyU against scipy.stats.mannwhitneyu (two-sided, continuity, asymptotic)', () => {
  for (const c of cases) {
    it(`${c.name} (n = ${c.x.length}/${c.y.length})`, () => {
      const r = mannWhitneyU(f64(c.x), f64(c.y));
      expect(r.u).toBe(c.u); // a half-integer: exact
      close(r.pValue, c.pValue);
      close(r.effect, c.effect, 1e-15);
    });
  }
  it('covers ties, a tiny tail, an underflowed tail and p = 1', () => {
    expect(cases.some((c) => c.pValue < 1e-150 && c.pValue > 0)).toBe(true);
    expect(cases.some((c) => c.pValue === 0)).toBe(true);
    expect(cases.filter((c) => c.pValue === 1).length).toBeGreaterThanOrEqual(2);
    expect(cases.some((c) => c.x.length === 5000 && c.y.length === 3000)).toBe(true);
  });
});

describe('mannWhitneyU by hand', () => {
  it('small distinct samples', () => {
    // Pooled ranks of x = 2, 4, 5, 6 → R₁ = 17, U₁ = 17 − 10 = 7, U = 13; σ² = 20·10/12.
    const r = mannWhitneyU(f64([1.1, 2.3, 3.5, 4.2]), f64([0.5, 2.0, 5.1, 6.2, 7.3]));
    expect(r.u).toBe(7);
    expect(r.effect).toBeCloseTo(-0.3, 15);
    close(r.pValue, 2 * normalSf((13 - 10 - 0.5) / Math.sqrt((20 * 10) / 12)), 1e-15);
  });
  it('ties share their average rank and shrink the variance', () => {
    // 1 → 1; 2 (x,x,y) → 3; 3 (x,x,x,y) → 6.5; 4 (y,y) → 9.5. R₁ = 1 + 2·3 + 3·6.5 = 26.5, U₁ = 5.5.
    // Σ(t³ − t) = 24 + 60 + 6 = 90, σ² = 24/12·(11 − 90/90) = 20, z = (18.5 − 12 − ½)/√20 = 3/√5.
    const r = mannWhitneyU(f64([1, 2, 2, 3, 3, 3]), f64([2, 3, 4, 4]));
    expect(r.u).toBe(5.5);
    expect(r.effect).toBeCloseTo(2 * 5.5 / 24 - 1, 15);
    close(r.pValue, 2 * normalSf(3 / Math.sqrt(5)), 1e-15);
  });
  it('swapping the samples mirrors U and the effect and keeps p', () => {
    const x = f64([0, 0, 0, 1.5, 3, 7, 7, 12]), y = f64([0, 2, 2, 7, 9, 30]);
    const a = mannWhitneyU(x, y), b = mannWhitneyU(y, x);
    expect(b.u).toBe(x.length * y.length - a.u);
    expect(b.effect).toBeCloseTo(-a.effect, 15);
    expect(b.pValue).toBe(a.pValue);
  });
  it('complete separation gives U₁ = 0 or n₁n₂ and effect ∓1', () => {
    expect(mannWhitneyU(f64([1, 2, 3]), f64([4, 5]))).toMatchObject({ u: 0, effect: -1 });
    expect(mannWhitneyU(f64([4, 5]), f64([1, 2, 3]))).toMatchObject({ u: 6, effect: 1 });
  });
  it('all values tied: zero variance, p = 1, effect 0', () => {
    expect(mannWhitneyU(f64([3, 3, 3]), f64([3, 3]))).toEqual({ u: 3, pValue: 1, effect: 0 });
    expect(mannWhitneyU(f64([0]), f64([0]))).toEqual({ u: 0.5, pValue: 1, effect: 0 });
  });
  it('ranks ±∞ and does not mutate its inputs', () => {
    const x = f64([Infinity, 1, -Infinity]), y = f64([Infinity, 0]);
    const r = mannWhitneyU(x, y);
    // Pooled: −∞ (x) 1, 0 (y) 2, 1 (x) 3, ∞ (x,y) 4.5 → R₁ = 8.5, U₁ = 2.5.
    expect(r.u).toBe(2.5);
    expect(Array.from(x)).toEqual([Infinity, 1, -Infinity]);
  });
  it('rejects empty samples and NaN, naming the argument', () => {
    expect(() => mannWhitneyU(new Float64Array(0), f64([1]))).toThrow(RangeError);
    expect(() => mannWhitneyU(new Float64Array(0), f64([1]))).toThrow(/x must not be empty/);
    expect(() => mannWhitneyU(f64([1]), new Float64Array(0))).toThrow(/y must not be empty/);
    expect(() => mannWhitneyU(f64([1, NaN]), f64([1]))).toThrow(/x must not contain NaN, got NaN at 1/);
  });
});
