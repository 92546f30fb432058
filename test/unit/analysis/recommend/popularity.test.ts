import { describe, expect, it } from 'vitest';
import { gTopFreq, pTopFreq, segmentPop } from '../../../../core/analysis/recommend/baselines.js';
import { historyOf } from '../../../../core/analysis/recommend/ranking.js';
import { list, training } from './fixtures.js';

// Products: 0 'P9', 1 'P10', 2 'X', 3 'Y', 4 'Z', 5 'A0'. Receipts per product: P9 1, P10 1, X 3, Y 2, Z 0, A0 0.
// String order: 'A0' < 'P10' < 'P9' < 'X' < 'Y' < 'Z'.
const codes = ['P9', 'P10', 'X', 'Y', 'Z', 'A0'];
const train = training(codes, 4, [
  [0, [0, 1, 2]],
  [0, [2]],
  [1, [2, 3]],
  [1, [3, 3]], // a product listed twice in one receipt counts once
]);

describe('g-topfreq (receipts containing the product, ties by code string)', () => {
  const g = gTopFreq();
  g.fit(train);
  it('ranks by receipts, then P10 before P9, zero-receipt products last in code order', () => {
    expect(list(g.order)).toEqual([2, 3, 1, 0, 5, 4]);
    expect(list(g.recommend(0, 4))).toEqual([2, 3, 1, 0]);
    expect(list(g.recommend(3, 10))).toEqual([2, 3, 1, 0, 5, 4]);
  });
  it('skips excluded products', () => {
    expect(list(g.recommend(0, 3, new Set([3, 1])))).toEqual([2, 0, 5]);
    expect(g.reason!(0, 2)).toBe('popular: in 3 receipts');
  });
  it('must be fitted and checks its arguments', () => {
    expect(() => gTopFreq().recommend(0, 1)).toThrow('fit()');
    expect(() => g.recommend(-1, 1)).toThrow('customer');
    expect(() => g.recommend(0, 1.5)).toThrow('k must');
    expect(() => gTopFreq().fit({ ...train, receiptStart: new Int32Array(2) })).toThrow('receiptStart');
  });
});

describe('p-topfreq (own receipts, then g-topfreq)', () => {
  const p = pTopFreq();
  p.fit(train);
  it('ranks the customer\'s products by their receipts, ties by code, then fills from g-topfreq', () => {
    // Customer 0: X in 2 receipts, P9 and P10 in 1 each → X, P10, P9; then Y, A0, Z.
    expect(list(p.recommend(0, 6))).toEqual([2, 1, 0, 3, 5, 4]);
    // Customer 1: Y in 2 receipts, X in 1; then P10, P9.
    expect(list(p.recommend(1, 4))).toEqual([3, 2, 1, 0]);
    expect(list(p.recommend(1, 1))).toEqual([3]);
  });
  it('gives g-topfreq to customers without history, also beyond the training customers', () => {
    expect(list(p.recommend(2, 3))).toEqual([2, 3, 1]);
    expect(list(p.recommend(99, 3))).toEqual([2, 3, 1]);
  });
  it('skips excluded products in both parts', () => {
    expect(list(p.recommend(0, 3, new Set([2, 3])))).toEqual([1, 0, 5]);
    expect(p.reason!(0, 2)).toBe('you bought it in 2 receipts');
    expect(p.reason!(0, 3)).toBe('popular: in 2 receipts');
  });
  it('historyOf gives the products bought in training', () => {
    const h = historyOf(train);
    expect([...h(0)].sort()).toEqual([0, 1, 2]);
    expect([...h(1)].sort()).toEqual([2, 3]);
    expect(h(2).size).toBe(0);
  });
});

describe('segment-pop (receipts within the segment, then global)', () => {
  // Customers 0 and 2 in segment 5, customer 1 in segment 1, customer 3 none.
  const s = segmentPop([5, 1, 5, -1]);
  s.fit(train);
  it('ranks by receipts of the segment\'s customers, ties by code, then fills from g-topfreq', () => {
    // Segment 5 = customer 0's receipts: X 2, P9 1, P10 1.
    expect(list(s.recommend(0, 6))).toEqual([2, 1, 0, 3, 5, 4]);
    expect(list(s.recommend(2, 6))).toEqual([2, 1, 0, 3, 5, 4]);
    // Segment 1 = customer 1's receipts: Y 2, X 1.
    expect(list(s.recommend(1, 4))).toEqual([3, 2, 1, 0]);
  });
  it('gives g-topfreq to a customer without a segment', () => {
    expect(list(s.recommend(3, 4))).toEqual([2, 3, 1, 0]);
    expect(list(s.recommend(10, 4))).toEqual([2, 3, 1, 0]);
    expect(s.reason!(1, 3)).toBe('popular in your segment: in 2 receipts');
  });
  it('skips excluded products', () => {
    expect(list(s.recommend(1, 3, new Set([2])))).toEqual([3, 1, 0]);
  });
  it('pools several customers of one segment', () => {
    const s2 = segmentPop([0, 0, 0, 0]);
    s2.fit(train);
    const g = gTopFreq();
    g.fit(train);
    expect(list(s2.recommend(1, 6))).toEqual(list(g.order));
  });
});
