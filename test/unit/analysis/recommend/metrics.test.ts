import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../core/analysis/recommend/metrics.js';

const L3 = 1 / Math.log2(3);

describe('evaluate (HR, Recall, nDCG, coverage; repeat / new split)', () => {
  // Customer 0: R = [1, 2, 3], T = {2, 9} (|T| < K = 3), history {9}: 9 is a repeat item, 2 is new.
  // Customer 1: R = [5, 6, 7, 8], T = {5, 6, 7, 8, 10} (|T| > K), no history.
  // Customer 2: empty T → skipped (its list is never asked for).
  const lists = new Map<number, number[]>([[0, [1, 2, 3]], [1, [5, 6, 7, 8]]]);
  const truth = new Map<number, Set<number>>([[0, new Set([2, 9])], [1, new Set([5, 6, 7, 8, 10])], [2, new Set()]]);
  const history = (u: number) => new Set(u === 0 ? [9] : []);
  const asked: number[] = [];
  const res = evaluate((u) => { asked.push(u); return Int32Array.from(lists.get(u)!); }, truth, history, [1, 3], 20);

  it('computes the metrics over all customers by hand', () => {
    expect(asked).toEqual([0, 1]);
    expect(res.counts).toEqual({ all: 2, repeat: 1, new: 2 });
    // K = 1: c0 misses, c1 hits with |T| = 5.
    expect(res.all['hr@1']).toBeCloseTo(0.5, 12);
    expect(res.all['ndcg@1']).toBeCloseTo(0.5, 12);
    expect(res.all['recall@1']).toBeCloseTo((0 + 1 / 5) / 2, 12);
    // K = 3: c0 hits at rank 2, ideal over min(3, 2) = 2 hits; c1 hits 3 of 3, ideal over 3 → 1.
    expect(res.all['hr@3']).toBeCloseTo(1, 12);
    expect(res.all['ndcg@3']).toBeCloseTo((L3 / (1 + L3) + 1) / 2, 12);
    expect(res.all['recall@3']).toBeCloseTo((1 / 2 + 3 / 5) / 2, 12);
    // Coverage at the largest K: {1, 2, 3, 5, 6, 7} of 20 (8 is 4th, beyond K = 3).
    expect(res.all.coverage).toBeCloseTo(6 / 20, 12);
    expect(Object.keys(res.all).sort()).toEqual(['coverage', 'hr@1', 'hr@3', 'ndcg@1', 'ndcg@3', 'recall@1', 'recall@3']);
  });

  it('splits into repeat and new items with the list unchanged', () => {
    // Repeat: only c0 with T_repeat = {9}, never recommended.
    expect(res.repeat).toEqual({ 'hr@1': 0, 'ndcg@1': 0, 'recall@1': 0, 'hr@3': 0, 'ndcg@3': 0, 'recall@3': 0 });
    // New: c0 with T_new = {2} (hit at rank 2 → nDCG 1/log2 3, recall 1), c1 with all of T.
    expect(res.new['hr@1']).toBeCloseTo(0.5, 12);
    expect(res.new['recall@1']).toBeCloseTo(0.1, 12);
    expect(res.new['hr@3']).toBeCloseTo(1, 12);
    expect(res.new['ndcg@3']).toBeCloseTo((L3 + 1) / 2, 12);
    expect(res.new['recall@3']).toBeCloseTo((1 + 3 / 5) / 2, 12);
    expect(res.new.coverage).toBeUndefined();
  });

  it('computes nDCG for a hit below the top with |T| < K and > K', () => {
    // T = {4}, R = [1, 2, 3, 4, 5]: DCG = 1/log2(5), IDCG = 1.
    const one = evaluate(() => Int32Array.from([1, 2, 3, 4, 5]), new Map([[0, new Set([4])]]), () => new Set(), [5], 10);
    expect(one.all['ndcg@5']).toBeCloseTo(1 / Math.log2(5), 12);
    // T = {1, 3, 6, 7, 8, 9} (> K = 5), hits at ranks 1 and 3: DCG = 1 + 1/2, IDCG = Σ_{i=1..5} 1/log2(i+1).
    const idcg = [1, 2, 3, 4, 5].reduce((s, i) => s + 1 / Math.log2(i + 1), 0);
    const many = evaluate(() => Int32Array.from([1, 2, 3, 4, 5]), new Map([[0, new Set([1, 3, 6, 7, 8, 9])]]), () => new Set(), [5], 10);
    expect(many.all['ndcg@5']).toBeCloseTo(1.5 / idcg, 12);
    expect(many.all['recall@5']).toBeCloseTo(2 / 6, 12);
    expect(many.all.coverage).toBeCloseTo(0.5, 12);
  });

  it('uses the keys of ks = [5, 10], NaN for an empty split, and counts a repeated product once', () => {
    const r = evaluate(() => Int32Array.from([3, 3, 4]), new Map([[0, new Set([4])]]), () => new Set(), [5, 10], 4);
    expect(Object.keys(r.all).sort()).toEqual(['coverage', 'hr@10', 'hr@5', 'ndcg@10', 'ndcg@5', 'recall@10', 'recall@5']);
    expect(r.all['ndcg@5']).toBeCloseTo(1 / Math.log2(3), 12); // 4 is the 2nd distinct product
    expect(r.all.coverage).toBe(0.5);
    expect(r.counts.repeat).toBe(0);
    expect(r.repeat['hr@5']).toBeNaN();
  });

  it('checks its input', () => {
    expect(() => evaluate(() => new Int32Array(0), new Map(), () => new Set(), [], 1)).toThrow('ks must hold');
    expect(() => evaluate(() => new Int32Array(0), new Map(), () => new Set(), [0], 1)).toThrow('positive integer');
    expect(() => evaluate(() => new Int32Array(0), new Map(), () => new Set(), [5], 0)).toThrow('catalogue');
  });
});
