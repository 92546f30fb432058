import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ks2samp } from '../../../../core/analysis/stats/ks.js';
import { kolmogorovSf } from '../../../../core/analysis/stats/kolmogorov.js';

interface KsCase { name: string; x: number[]; y: number[]; statistic: number; pvalue: number }
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../reference/fixtures/${name}`, import.meta.url), 'utf8')) as T;
const close = (got: number, want: number, rel = 1e-9): void => {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want) + 1e-300);
};

describe('ks2samp against scipy.stats.ks_2samp', () => {
  for (const file of ['ks-small.json', 'ks-spend.json', 'ks-asymp.json', 'ks-asymp-tail.json', 'ks-asymp-small.json']) {
    for (const c of load<{ cases: KsCase[] }>(file).cases) {
      it(`${file} ${c.name}`, () => {
        const r = ks2samp(Float64Array.from(c.x), Float64Array.from(c.y));
        close(r.statistic, c.statistic);
        close(r.pvalue, c.pvalue);
        expect(r.method).toBe(Math.max(c.x.length, c.y.length) <= 10000 ? 'exact' : 'asymp');
      });
    }
  }
  it('is symmetric in its samples', () => {
    const x = Float64Array.from([1, 2, 2, 5, 7]), y = Float64Array.from([2, 3, 4, 4, 8, 9, 9]);
    expect(ks2samp(x, y)).toEqual(ks2samp(y, x));
  });
  it('names the argument it rejects', () => {
    expect(() => ks2samp(new Float64Array(0), Float64Array.from([1]))).toThrow(/x must not be empty/);
    expect(() => ks2samp(Float64Array.from([1]), Float64Array.from([NaN]))).toThrow(/y must not contain NaN, got NaN at 0/);
  });
});

describe('kolmogorovSf against scipy.stats.kstwo.sf', () => {
  it('matches on a grid through every branch', () => {
    for (const { n, x, sf } of load<{ grid: { n: number; x: number; sf: number }[] }>('ks-kstwo.json').grid) {
      const got = kolmogorovSf(n, x);
      if (Math.abs(got - sf) > 1e-9 * Math.abs(sf) + 1e-300) throw new Error(`n=${n} x=${x}: got ${got}, scipy ${sf}`);
    }
  });
  it('rejects a non-integer n', () => {
    expect(() => kolmogorovSf(2.5, 0.1)).toThrow(/n must be a positive integer, got 2.5/);
  });
});
