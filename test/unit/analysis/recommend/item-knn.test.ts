import { describe, expect, it } from 'vitest';
import { itemKnn } from '../../../../core/analysis/recommend/baselines.js';
import { list, training } from './fixtures.js';

// Binary customer × item (A B C D):
//   u0: A B        u1: A B C      u2: B C      u3: D
// Customers per item: A 2, B 3, C 2, D 1. Co-purchases: AB 2, AC 1, BC 2.
// Cosine: sim(A,B) = 2/√6, sim(A,C) = 1/√4 = 0.5, sim(B,C) = 2/√6; D has no neighbour.
// The two receipts of u1 make no difference: X is binary.
const s = 2 / Math.sqrt(6);
const train = training(['A', 'B', 'C', 'D'], 4, [
  [0, [0, 1]],
  [1, [0, 1]],
  [1, [2]],
  [2, [1, 2]],
  [3, [3]],
]);

describe('item-kNN (cosine on the binary customer × item matrix)', () => {
  const knn = itemKnn();
  knn.fit(train);
  it('computes the similarities', () => {
    expect(knn.similarity(0, 1)).toBeCloseTo(s, 12);
    expect(knn.similarity(1, 0)).toBeCloseTo(s, 12);
    expect(knn.similarity(0, 2)).toBeCloseTo(0.5, 12);
    expect(knn.similarity(1, 2)).toBeCloseTo(s, 12);
    expect(knn.similarity(0, 0)).toBe(0);
    expect(knn.similarity(3, 0)).toBe(0);
  });
  it('scores Σ over the history, repeat items included, ties by code', () => {
    // u0 (A, B): A ← B: s; B ← A: s; C ← A + B: 0.5 + s; D 0 → C, then A/B tie → A, B, then D.
    expect(list(knn.recommend(0, 4))).toEqual([2, 0, 1, 3]);
    // u1 (A, B, C): A = s + 0.5, B = 2s, C = 0.5 + s → B, A/C tie → A, C, then D.
    expect(list(knn.recommend(1, 4))).toEqual([1, 0, 2, 3]);
    // u3 (D): every score 0 → code order.
    expect(list(knn.recommend(3, 2))).toEqual([0, 1]);
    expect(list(knn.recommend(3, 9))).toEqual([0, 1, 2, 3]);
  });
  it('excludes what it is told to', () => {
    expect(list(knn.recommend(0, 2, new Set([0, 1])))).toEqual([2, 3]);
    expect(knn.reason!(0, 2)).toBe(`customers who bought B also bought it (cosine ${s.toFixed(2)})`);
  });
  it('caps the neighbours per item (ties by code)', () => {
    const one = itemKnn({ neighbours: 1 });
    one.fit(train);
    // N(A) = {B}, N(B) = {A} (A and C tie at s, A's code first), N(C) = {B}.
    expect(one.similarity(0, 2)).toBe(0);
    expect(one.similarity(1, 2)).toBe(0);
    expect(one.similarity(2, 1)).toBeCloseTo(s, 12);
    // u2 (B, C): A ← B: s; B ← C: s; C 0; D 0 → A, B, C, D.
    expect(list(one.recommend(2, 4))).toEqual([0, 1, 2, 3]);
    // u0 (A, B): A ← B: s, B ← A: s, C nothing → A, B, C, D.
    expect(list(one.recommend(0, 3))).toEqual([0, 1, 2]);
    expect(() => itemKnn({ neighbours: 0 })).toThrow('neighbours');
  });
  it('breaks ties by code string order', () => {
    // Same fixture with codes 'P9', 'P10' for A, B: the tie A/B of u0 now goes to P10 first.
    const k2 = itemKnn();
    k2.fit({ ...train, codes: ['P9', 'P10', 'Q', 'R'] });
    expect(list(k2.recommend(0, 4))).toEqual([2, 1, 0, 3]);
  });
});
