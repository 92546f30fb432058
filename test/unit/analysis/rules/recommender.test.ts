import { describe, expect, it } from 'vitest';
import { rulesRecommender } from '../../../../core/analysis/rules/recommender.js';
import type { TrainingData } from '../../../../core/analysis/recommend/types.js';

/** Receipts per customer (product indices), as TrainingData. */
function training(receipts: [number, number[]][], codes: string[], customers: number): TrainingData {
  const start = [0], items: number[] = [];
  for (const [, r] of receipts) {
    items.push(...r);
    start.push(items.length);
  }
  return { codes, labels: codes.map((c) => c.toUpperCase()), customerCount: customers, receiptCustomer: Int32Array.from(receipts, (r) => r[0]), receiptStart: Int32Array.from(start), receiptItems: Int32Array.from(items) };
}

// Products: 0 pasta, 1 sauce, 2 cheese, 3 milk. pasta & sauce → cheese in 3 of 4; pasta → sauce in 4 of 5.
const codes = ['pasta', 'sauce', 'cheese', 'milk'];
const receipts: [number, number[]][] = [
  [0, [0, 1, 2]], [0, [0, 1, 2]], [1, [0, 1, 2]], [1, [0, 1]], [2, [0]], [2, [3]], [3, [3]], [3, [3]], [4, [1]], [4, [3]],
];

describe('rules recommender', () => {
  it('offers the consequents of rules whose antecedent the customer bought, best confidence first, and says which rule', () => {
    const m = rulesRecommender({ minSupport: 0.2, minConfidence: 0.5, maxLength: 3 });
    m.fit(training(receipts, codes, 6));
    // Customer 2 bought pasta and milk: pasta → sauce (4/5 = 0.8) and pasta → cheese (3/5 = 0.6); milk leads nowhere.
    expect(Array.from(m.recommend(2, 2))).toEqual([1, 2]);
    expect(m.reason!(2, 1)).toBe('bought PASTA → SAUCE, confidence 0.80');
    expect(m.reason!(2, 1, 'ko')).toBe('PASTA 구매 → SAUCE, 신뢰도 0.80');
    expect(m.score!(2, 2)).toBeCloseTo(0.6, 12);
    // Customer 1 bought pasta and sauce: {pasta, sauce} → cheese (3/4) beats sauce → cheese (3/5).
    expect(m.reason!(1, 2)).toBe('bought PASTA and SAUCE → CHEESE, confidence 0.75');
  });

  it('fills from popularity, never returns excluded products, and explains the fill', () => {
    const m = rulesRecommender({ minSupport: 0.2, minConfidence: 0.5 });
    m.fit(training(receipts, codes, 6));
    // Customer 3 bought only milk; customer 5 nothing: popularity (pasta 5, milk 4, sauce 5 → ties by code: pasta, sauce, milk, cheese).
    expect(Array.from(m.recommend(5, 4))).toEqual([0, 1, 3, 2]);
    expect(m.reason!(5, 0)).toBe('no rule applies; popular: in 5 receipts');
    expect(Array.from(m.recommend(2, 3, new Set([1])))).toEqual([2, 0, 3]);
    expect(m.ruleCount).toBeGreaterThan(0);
  });
});
