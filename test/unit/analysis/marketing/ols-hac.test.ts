import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { neweyWestLag, olsHac } from '../../../../core/analysis/marketing/ols-hac.js';

interface Case { name: string; n: number; p: number; hacLag: number; X: number[]; y: number[]; coef: (number | null)[]; se: (number | null)[]; r2: number; adjR2: number }
const fixture = JSON.parse(fs.readFileSync(new URL('../../../reference/fixtures/marketing-lm.json', import.meta.url), 'utf8')) as { source: string; cases: Case[] };

const close = (a: number, b: number, rel: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(b), 1e-12));

describe('olsHac by hand', () => {
  it('intercept only: the mean, and the Newey–West error with L = 1 worked out on paper', () => {
    // y = 1..4: β = 2.5, e = (−1.5, −0.5, 0.5, 1.5); Γ₀ = 5, Γ₁ = 1.25, w₁ = 1/2 → S = 6.25; V = S / 16; se = 0.625.
    const fit = olsHac(Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 2, 3, 4]), 1, { hacLag: 1 });
    expect(fit.coef[0]).toBeCloseTo(2.5, 14);
    expect(fit.se[0]).toBeCloseTo(0.625, 14);
    expect(fit.low[0]).toBeCloseTo(2.5 - 1.959963984540054 * 0.625, 12);
    // With L = 0 only Γ₀: se = √5 / 4.
    expect(olsHac(Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 2, 3, 4]), 1, { hacLag: 0 }).se[0]).toBeCloseTo(Math.sqrt(5) / 4, 14);
  });

  it('an exact line has R² 1 and zero errors', () => {
    const x = [1, 2, 3, 5, 8];
    const X = Float64Array.from(x.flatMap((v) => [1, v]));
    const fit = olsHac(X, Float64Array.from(x.map((v) => 2 + 3 * v)), 2, { hacLag: 1 });
    expect(fit.coef[0]).toBeCloseTo(2, 12);
    expect(fit.coef[1]).toBeCloseTo(3, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.se[1]).toBeLessThan(1e-9);
  });

  it('a duplicated column is aliased (NaN) and the rest is the fit without it, as R lm reports NA', () => {
    const x = [1, 2, 3, 5, 8, 13], y = [3, 1, 4, 1, 5, 9];
    const withDup = olsHac(Float64Array.from(x.flatMap((v) => [1, v, 2 * v])), Float64Array.from(y), 3, { hacLag: 1 });
    const plain = olsHac(Float64Array.from(x.flatMap((v) => [1, v])), Float64Array.from(y), 2, { hacLag: 1 });
    expect(withDup.aliased[2]).toBe(1);
    expect(withDup.coef[2]).toBeNaN();
    expect(withDup.rank).toBe(2);
    close(withDup.coef[1], plain.coef[1], 1e-12);
    close(withDup.se[1], plain.se[1], 1e-12);
  });

  it('names a bad argument', () => {
    expect(() => olsHac(new Float64Array(3), new Float64Array(2), 2)).toThrow(/X must hold n × p = 4 values, got 3/);
    expect(() => olsHac(new Float64Array(2), new Float64Array(2), 1, { hacLag: -1 })).toThrow(/hacLag must be an integer ≥ 0, got -1/);
  });

  it('the automatic truncation lag is ⌊4 (n/100)^(2/9)⌋', () => {
    expect(neweyWestLag(100)).toBe(4);
    expect(neweyWestLag(50)).toBe(3);
    expect(neweyWestLag(1000)).toBe(6);
  });
});

describe(`olsHac against R (${fixture.source})`, () => {
  for (const c of fixture.cases) {
    it(`${c.name}: ${c.n} days, ${c.p} terms — coefficients, HAC errors and R² within 1e-6 relative`, () => {
      expect(neweyWestLag(c.n)).toBe(c.hacLag);
      const fit = olsHac(Float64Array.from(c.X), Float64Array.from(c.y), c.p);
      expect(fit.hacLag).toBe(c.hacLag);
      for (let j = 0; j < c.p; j++) {
        if (c.coef[j] === null) {
          expect(fit.aliased[j]).toBe(1);
          continue;
        }
        close(fit.coef[j], c.coef[j]!, 1e-6);
        close(fit.se[j], c.se[j]!, 1e-6);
      }
      close(fit.r2, c.r2, 1e-6);
      close(fit.adjR2, c.adjR2, 1e-6);
    });
  }
});
