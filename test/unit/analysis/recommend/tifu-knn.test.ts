import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../core/analysis/common/random.js';
import { chooseTifu, pifVectors, tifuKnn } from '../../../../core/analysis/recommend/tifu-knn.js';
import type { TrainingData } from '../../../../core/analysis/recommend/types.js';
import { list, training } from './fixtures.js';

const CODES = ['A', 'B', 'C', 'D'];

/** Customer 0 buys {A} on day 3, {B} on day 9 and {A, B} on day 5 (receipts out of time order); 1 buys {C}; 2 buys {A, B}; 3 nothing. */
function planted(): TrainingData {
  const t = training(CODES, 4, [[0, [0]], [0, [1]], [1, [2]], [0, [0, 1]], [2, [0, 1]]]);
  return { ...t, receiptDay: Int32Array.from([3, 9, 4, 5, 6]), endDay: 10 };
}

describe('TIFU-KNN (Hu et al., SIGIR 2020)', () => {
  it('computes the time-decayed personal item-frequency vector by hand: groups of m from the newest, r_b within, r_g across', () => {
    // Customer 0 in time order: {A}(3), {A,B}(5), {B}(9); m = 2 → groups [{A}] and [{A,B}, {B}].
    // g1 = A:1; g2 = ½(0.5·{A,B} + 1·{B}) = A:0.25, B:0.75; v = ½(0.25·g1 + 1·g2) = A:0.25, B:0.375.
    const v = pifVectors(planted(), 2, 0.5, 0.25);
    expect(list(v.items.subarray(v.start[0], v.start[1]))).toEqual([0, 1]);
    expect(v.values[v.start[0]]).toBeCloseTo(0.25, 15);
    expect(v.values[v.start[0] + 1]).toBeCloseTo(0.375, 15);
    expect(v.norm2[0]).toBeCloseTo(0.25 ** 2 + 0.375 ** 2, 15);
    // One basket: one group, weight 1.
    expect(Array.from(v.values.subarray(v.start[2], v.start[3]))).toEqual([1, 1]);
    expect(v.start[4] - v.start[3]).toBe(0);
  });

  it('blends α · own + (1 − α) · the nearest customers (Euclidean; customers without baskets never neighbours), then popularity', () => {
    const m = tifuKnn({ k: 1, groupSize: 2, withinDecay: 0.5, groupDecay: 0.25, alpha: 0.5 });
    m.fit(planted());
    // dist²(0, 2) = 0.75² + 0.625² < dist²(0, 1) = 0.25² + 0.375² + 1; customer 3 has no vector.
    expect(list(m.neighboursOf(0))).toEqual([2]);
    // p = ½·(A .25, B .375) + ½·(A 1, B 1) = A .625, B .6875; then C, D by receipts (C 1, D 0).
    expect(list(m.recommend(0, 4))).toEqual([1, 0, 2, 3]);
    expect(m.score!(0, 1)).toBeCloseTo(0.6875, 15);
    expect(m.score!(0, 0)).toBeCloseTo(0.625, 15);
    expect(list(m.recommend(0, 4, new Set([1])))).toEqual([0, 2, 3]);
    // A customer without history gets global popularity: A and B in 3 receipts (ties by code), C, D.
    expect(list(m.recommend(3, 4))).toEqual([0, 1, 2, 3]);
    expect(m.reason!(0, 1)).toBe('you bought it in 2 receipts, last 1 day ago; 1 of your 1 most similar customers too');
    expect(m.reason!(0, 1, 'ko')).toMatch(/^고객님이 영수증 2건에서 구매/);
    expect(m.reason!(0, 3)).toBe('popular: in 0 receipts');
  });

  it('α = 1 ranks by the own vector alone; α = 0 by the neighbours alone', () => {
    const own = tifuKnn({ k: 2, groupSize: 2, withinDecay: 0.5, groupDecay: 0.25, alpha: 1 });
    own.fit(planted());
    expect(list(own.recommend(0, 2))).toEqual([1, 0]);
    const others = tifuKnn({ k: 1, groupSize: 1, withinDecay: 1, groupDecay: 1, alpha: 0 });
    others.fit(planted());
    // m = 1, r_b = r_g = 1: v_0 = ⅓(A + AB + B) = A ⅔, B ⅔; v_2 = A 1, B 1; v_1 = C 1.
    // dist²(1, 0) = 1 + 8/9 < dist²(1, 2) = 3: customer 0 is nearest; α = 0 drops 1's own C to the popularity fill.
    expect(list(others.neighboursOf(1))).toEqual([0]);
    expect(list(others.recommend(1, 3))).toEqual([0, 1, 2]);
  });

  it('listsFor gives, for every (k, α) of a grid, the list of a model fitted with that k and α', () => {
    const random = createRandom(4);
    const P = 30, U = 60;
    const receipts: [number, number[]][] = [];
    const days: number[] = [];
    for (let r = 0; r < 400; r++) {
      const u = random.int(U);
      const items = [...new Set(Array.from({ length: 1 + random.int(5) }, () => Math.min(P - 1, Math.floor(P * random.next() ** 2))))];
      receipts.push([u, items]);
      days.push(random.int(100));
    }
    const train = { ...training(Array.from({ length: P }, (_, i) => `P${i}`), U, receipts), receiptDay: Int32Array.from(days), endDay: 100 };
    const grid = tifuKnn({ k: 20, groupSize: 3, withinDecay: 0.9, groupDecay: 0.7 });
    grid.fit(train);
    for (const u of [0, 7, 33, 59]) {
      const lists = grid.listsFor(u, 10, [5, 20], [0.3, 0.9]);
      for (const [i, k] of [5, 20].entries()) {
        for (const [j, alpha] of [0.3, 0.9].entries()) {
          const one = tifuKnn({ k, groupSize: 3, withinDecay: 0.9, groupDecay: 0.7, alpha });
          one.fit(train);
          expect(list(lists[i][j])).toEqual(list(one.recommend(u, 10)));
        }
      }
    }
  });

  it('chooseTifu scores every grid point and keeps the best', () => {
    const train = planted();
    const seen: string[] = [];
    const r = chooseTifu(train, [0, 1], 2, { k: [1, 2], groupSize: [1, 2], groupDecay: [1], alpha: [0.5, 1], withinDecay: 0.9 }, (lists) => {
      const l = lists(0);
      seen.push(list(l).join(','));
      return l[0] === 0 ? 1 : 0; // prefers A first
    });
    expect(r.scores).toHaveLength(8);
    expect(seen).toHaveLength(8);
    expect(r.scores.find((s) => s.options === r.best)!.score).toBe(Math.max(...r.scores.map((s) => s.score)));
  });

  it('checks its options', () => {
    expect(() => tifuKnn({ k: 0 })).toThrow(RangeError);
    expect(() => tifuKnn({ alpha: 1.5 })).toThrow(RangeError);
    expect(() => tifuKnn().recommend(0, 1)).toThrow(/fit\(\) first/);
  });
});
