import { describe, expect, it } from 'vitest';
import { campaignSpendParams, couponOf, spendHeader, withExpectedSpend } from '../../../core/service/campaign-spend.js';

describe('campaign spend parameters and the coupon rule', () => {
  it('reads spendRun, couponRate and couponRound (default 100)', () => {
    expect(campaignSpendParams({})).toBeNull();
    expect(campaignSpendParams({ spendRun: '7' })).toEqual({ spendRun: 7, coupon: null });
    expect(campaignSpendParams({ spendRun: '7', couponRate: '0.1' })).toEqual({ spendRun: 7, coupon: { rate: 0.1, round: 100 } });
    expect(campaignSpendParams({ spendRun: '7', couponRate: '0.05', couponRound: '10' })).toEqual({ spendRun: 7, coupon: { rate: 0.05, round: 10 } });
  });

  it('refuses what it cannot use, in one sentence', () => {
    expect(() => campaignSpendParams({ couponRate: '0.1' })).toThrow(/need spendRun/);
    expect(() => campaignSpendParams({ spendRun: 'x' })).toThrow(/spendRun must be a run id/);
    expect(() => campaignSpendParams({ spendRun: '3', couponRate: '0' })).toThrow(/share in \(0, 1\]/);
    expect(() => campaignSpendParams({ spendRun: '3', couponRate: '1.5' })).toThrow(/share in \(0, 1\]/);
    expect(() => campaignSpendParams({ spendRun: '3', couponRate: '0.1', couponRound: '-1' })).toThrow(/couponRound must be a positive amount/);
    expect(() => campaignSpendParams({ spendRun: '3', couponRound: '100' })).toThrow(/couponRound needs couponRate/);
  });

  it('rounds 10 % of the expected spend to the nearest 100 (seed 001), halves up', () => {
    expect(couponOf(12_340, 0.1, 100)).toBe(1200);
    expect(couponOf(12_500, 0.1, 100)).toBe(1300);
    expect(couponOf(12_499, 0.1, 100)).toBe(1200);
    expect(couponOf(400, 0.1, 100)).toBe(0);
    expect(couponOf(9_870, 0.2, 50)).toBe(1950);
  });

  it('appends the columns in the rows\' order, predicting a batch at a time', () => {
    const calls: number[] = [];
    const rows = Array.from({ length: 5 }, (_, i) => ({ customer: `C${i}`, product: `P${i}`, cells: [`C${i}`, i] }));
    const p = campaignSpendParams({ spendRun: '1', couponRate: '0.1' })!;
    const out = [...withExpectedSpend(rows, p, (pairs) => {
      calls.push(pairs.length);
      return pairs.map((x) => 1000 * (Number(x.product.slice(1)) + 1) + 555);
    }, 2)];
    expect(calls).toEqual([2, 2, 1]);
    expect(spendHeader(p)).toEqual(['expectedSpend', 'coupon']);
    expect(out).toEqual(rows.map((r, i) => [...r.cells, 1000 * (i + 1) + 555, Math.round(((1000 * (i + 1) + 555) * 0.1) / 100) * 100]));
  });

  it('ends a batch only where the customer changes, so a customer\'s rows are predicted (and its lines read) once', () => {
    const customers = ['A', 'A', 'A', 'B', 'B', 'C', 'D', 'D'];
    const rows = customers.map((c, i) => ({ customer: c, product: `P${i}`, cells: [c, i] }));
    const p = campaignSpendParams({ spendRun: '1' })!;
    const batches: string[][] = [];
    const out = [...withExpectedSpend(rows, p, (pairs) => {
      batches.push(pairs.map((x) => x.customer));
      return pairs.map((x) => Number(x.product.slice(1)));
    }, 2)];
    expect(batches).toEqual([['A', 'A', 'A'], ['B', 'B'], ['C', 'D', 'D']]);
    expect(out).toEqual(rows.map((r, i) => [...r.cells, i]));
  });
});
