import { describe, expect, it } from 'vitest';
import { chiSquareSf, logGamma, normalSf, regularizedGammaQ } from '../../../../core/analysis/stats/distributions.js';
import { readFixture } from '../../../helpers/reference.js';

interface SfFixture { norm: { z: number; sf: number }[]; chi2: { df: number; x: number; sf: number }[] }
const fixture = readFixture<SfFixture>('norm-chi2-sf.json');

/** Largest relative error; a reference of exactly 0 (SciPy's underflow) needs |got| < 1e-300. */
function worst<T extends { sf: number }>(rows: T[], f: (r: T) => number): { err: number; row?: T; got?: number } {
  let out: { err: number; row?: T; got?: number } = { err: 0 };
  for (const row of rows) {
    const got = f(row);
    const err = row.sf === 0 ? (Math.abs(got) < 1e-300 ? 0 : Infinity) : Math.abs(got - row.sf) / row.sf;
    if (!(err <= out.err)) out = { err, row, got };
  }
  return out;
}

describe('normalSf against scipy.stats.norm.sf', () => {
  it('has relative error ≤ 1e-12 from z = −40 to 37.3 (sf down to 8e-305)', () => {
    // Measured worst: 2.0e-13 at z = 37.3, about SciPy's own rounding of z/√2 (≈ z²/2 ulp).
    const w = worst(fixture.norm, (r) => normalSf(r.z));
    expect(w.err, JSON.stringify(w)).toBeLessThanOrEqual(1e-12);
  });
  it('covers every branch of the approximation', () => {
    const zs = fixture.norm.map((r) => Math.abs(r.z));
    expect(zs.some((z) => z <= 0.66291)).toBe(true);
    expect(zs.some((z) => z > 0.66291 && z <= Math.sqrt(32))).toBe(true);
    expect(zs.some((z) => z > Math.sqrt(32) && z < 50)).toBe(true);
    expect(fixture.norm.some((r) => r.sf < 1e-300)).toBe(true);
  });
  it('has the exact values at 0 and ±∞ and is NaN-transparent', () => {
    expect(normalSf(0)).toBe(0.5);
    expect(normalSf(Infinity)).toBe(0);
    expect(normalSf(-Infinity)).toBe(1);
    expect(normalSf(60)).toBe(0);
    expect(normalSf(NaN)).toBeNaN();
  });
  it('satisfies sf(z) + sf(−z) = 1 and the known quantiles', () => {
    for (const z of [0.1, 0.5, 1, 2, 3.3, 6]) expect(normalSf(z) + normalSf(-z)).toBeCloseTo(1, 15);
    expect(normalSf(1.9599639845400545)).toBeCloseTo(0.025, 15);
    expect(normalSf(-1.6448536269514722)).toBeCloseTo(0.95, 15);
  });
});

describe('chiSquareSf against scipy.stats.chi2.sf', () => {
  it('has relative error ≤ 1e-10 for df 0.5 … 10,000 and sf ≥ 1e-300', () => {
    // Measured worst: 1.6e-12 at df = 3000, x = 4500 (sf 5e-64).
    const w = worst(fixture.chi2, (r) => chiSquareSf(r.x, r.df));
    expect(w.err, JSON.stringify(w)).toBeLessThanOrEqual(1e-10);
    expect(fixture.chi2.length).toBeGreaterThan(400);
  });
  it('has the closed forms for df = 1 and df = 2', () => {
    // χ²₂: sf = e^{−x/2}; χ²₁: sf = 2·(1 − Φ(√x)).
    for (const x of [1e-6, 0.3, 1, 4, 50, 900]) {
      expect(Math.abs(chiSquareSf(x, 2) / Math.exp(-x / 2) - 1)).toBeLessThan(1e-13);
      expect(Math.abs(chiSquareSf(x, 1) / (2 * normalSf(Math.sqrt(x))) - 1)).toBeLessThan(1e-12);
    }
  });
  it('is 1 at x ≤ 0 and 0 at +∞, and rejects a bad df', () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(-2, 3)).toBe(1);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
    expect(chiSquareSf(NaN, 3)).toBeNaN();
    expect(() => chiSquareSf(1, 0)).toThrow(/df must be a positive finite number, got 0/);
    expect(() => chiSquareSf(1, NaN)).toThrow(/got NaN/);
  });
});

describe('regularizedGammaQ and logGamma', () => {
  it('match closed forms', () => {
    // Q(1, x) = e^{−x}; Q(3, x) = e^{−x}(1 + x + x²/2).
    for (const x of [0.01, 1, 3.9, 4.1, 30]) {
      expect(Math.abs(regularizedGammaQ(1, x) / Math.exp(-x) - 1)).toBeLessThan(1e-14);
      expect(Math.abs(regularizedGammaQ(3, x) / (Math.exp(-x) * (1 + x + (x * x) / 2)) - 1)).toBeLessThan(1e-14);
    }
    // Absolute error a few ulps of lnΓ(a + m) ≈ 12.8 (the recurrence starts at a + m ≥ 10).
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(10) - Math.log(362880))).toBeLessThan(1e-14);
    expect(Math.abs(logGamma(171) / 706.5730622457875 - 1)).toBeLessThan(1e-15); // ln(170!)
  });
  it('reject arguments outside the domain', () => {
    expect(() => regularizedGammaQ(0, 1)).toThrow(/a must be a positive finite number, got 0/);
    expect(() => regularizedGammaQ(1, -1)).toThrow(/x must be ≥ 0, got -1/);
    expect(() => logGamma(-1)).toThrow(/got -1/);
  });
});
