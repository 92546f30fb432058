import { describe, expect, it } from 'vitest';
import { chiSquareIndependence } from '../../../../core/analysis/stats/chi-square.js';
import { chiSquareSf } from '../../../../core/analysis/stats/distributions.js';
import { readFixture } from '../../../helpers/reference.js';

interface Chi2Case {
  name: string;
  table: number[][];
  dof: number;
  expected: number[][];
  statistic: number;
  pValue: number;
  uncorrected: { statistic: number; pValue: number };
  cramersV: number | null;
}
const { cases } = readFixture<{ cases: Chi2Case[] }>('chi2.json');
const close = (got: number, want: number, rel = 1e-9): void => {
  expect(Math.abs(got - want), `got ${got}, want ${want}`).toBeLessThanOrEqual(rel * Math.abs(want) + 1e-300);
};

describe('chiSquareIndependence against scipy.stats.chi2_contingency (empty rows/columns dropped)', () => {
  for (const c of cases) {
    it(`${c.name}: default (Yates when dof = 1)`, () => {
      const r = chiSquareIndependence(c.table);
      expect(r.dof).toBe(c.dof);
      close(r.statistic, c.statistic);
      close(r.pValue, c.pValue);
      expect(r.expected.length).toBe(c.expected.length);
      r.expected.forEach((row, i) => row.forEach((e, j) => close(e, c.expected[i][j], 1e-14)));
      if (c.cramersV === null) expect(r.cramersV).toBeNaN();
      else close(r.cramersV, c.cramersV);
    });
    it(`${c.name}: correction = false`, () => {
      const r = chiSquareIndependence(c.table, { correction: false });
      close(r.statistic, c.uncorrected.statistic);
      close(r.pValue, c.uncorrected.pValue);
    });
  }
  it('covers Yates, zero rows/columns, dof 0 and a tiny tail', () => {
    expect(cases.some((c) => c.dof === 1 && c.statistic !== c.uncorrected.statistic)).toBe(true);
    expect(cases.some((c) => c.table.some((row) => row.every((v) => v === 0)))).toBe(true);
    expect(cases.some((c) => c.dof === 0)).toBe(true);
    expect(cases.some((c) => c.pValue < 1e-30)).toBe(true);
  });
});

describe('chiSquareIndependence by hand', () => {
  it('2 × 2 closed forms', () => {
    // a..d = 12, 5, 7, 15: N = 39, margins 17, 22 | 19, 20, ad − bc = 145.
    const margins = 17 * 22 * 19 * 20;
    const r = chiSquareIndependence([[12, 5], [7, 15]]);
    close(r.statistic, (39 * (145 - 19.5) ** 2) / margins, 1e-14);
    close(r.pValue, chiSquareSf(r.statistic, 1), 1e-15);
    const plain = (39 * 145 ** 2) / margins;
    close(chiSquareIndependence([[12, 5], [7, 15]], { correction: false }).statistic, plain, 1e-14);
    close(r.cramersV, Math.sqrt(plain / 39), 1e-14);
    close(r.expected[0][0], (17 * 19) / 39, 1e-15);
  });
  it('Yates never pushes a cell past its expected count', () => {
    // E = 5·5/10 = 2.5 everywhere, |O − E| = 0.5 ≤ ½: the corrected statistic is 0.
    const r = chiSquareIndependence([[3, 2], [2, 3]]);
    expect(r.statistic).toBe(0);
    expect(r.pValue).toBe(1);
    expect(chiSquareIndependence([[3, 2], [2, 3]], { correction: false }).statistic).toBeCloseTo(0.4, 14);
  });
  it('independent table: statistic 0, p 1, V 0', () => {
    const r = chiSquareIndependence([[1, 2, 3], [2, 4, 6]]);
    expect(r.dof).toBe(2);
    expect(r.statistic).toBeCloseTo(0, 14);
    expect(r.pValue).toBeCloseTo(1, 12);
    expect(r.cramersV).toBeCloseTo(0, 7);
  });
  it('drops zero rows and columns from dof but keeps the shape of expected', () => {
    const r = chiSquareIndependence([[4, 0, 6], [0, 0, 0], [6, 0, 4]], { correction: false });
    expect(r.dof).toBe(1);
    expect(r.expected).toEqual([[5, 0, 5], [0, 0, 0], [5, 0, 5]]);
    close(r.statistic, 4 * (1 / 5), 1e-14);
    const full = chiSquareIndependence([[4, 6], [6, 4]], { correction: false });
    expect(r.statistic).toBe(full.statistic);
    expect(r.pValue).toBe(full.pValue);
  });
  it('a single non-empty row or column: dof 0, p 1, V NaN', () => {
    expect(chiSquareIndependence([[3, 0, 4], [0, 0, 0]])).toEqual({ statistic: 0, dof: 0, pValue: 1, expected: [[3, 0, 4], [0, 0, 0]], cramersV: NaN });
    expect(chiSquareIndependence([[5], [2]]).dof).toBe(0);
  });
  it('rejects malformed tables', () => {
    expect(() => chiSquareIndependence([])).toThrow(/at least one row/);
    expect(() => chiSquareIndependence([[]])).toThrow(/at least one column/);
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(/rectangular: row 0 has 2 columns, row 1 has 1/);
    expect(() => chiSquareIndependence([[1, -2], [3, 4]])).toThrow(/finite and ≥ 0, got -2 at \[0\]\[1\]/);
    expect(() => chiSquareIndependence([[1, NaN], [3, 4]])).toThrow(RangeError);
    expect(() => chiSquareIndependence([[1, Infinity], [3, 4]])).toThrow(RangeError);
    expect(() => chiSquareIndependence([[0, 0], [0, 0]])).toThrow(/positive total/);
  });
});
