import { describe, expect, it } from 'vitest';
import { clusterKnn } from '../../../../core/analysis/recommend/index.js';
import type { TrainingData } from '../../../../core/analysis/recommend/index.js';

/** Receipts as lists of product indices per customer: one receipt per inner list. */
function training(codes: string[], receipts: [number, number[]][], customers: number): TrainingData {
  const start = [0], items: number[] = [];
  for (const [, ps] of receipts) { items.push(...ps); start.push(items.length); }
  return { codes, customerCount: customers, receiptCustomer: Int32Array.from(receipts.map((r) => r[0])), receiptStart: Int32Array.from(start), receiptItems: Int32Array.from(items) };
}

describe('cluster-knn (seed 000)', () => {
  // 6 customers in two clusters; customer 5 is unclustered. Vectors in 2-D.
  const codes = ['A', 'B', 'C', 'D', 'E', 'F'];
  const train = training(codes, [
    [0, [0]], [1, [0, 1]], [1, [1]], [2, [0, 2]], [3, [2, 3]], [4, [4, 5]], [4, [5]], [5, [3]],
  ], 6);
  const cluster = Int32Array.from([0, 0, 0, 0, 1, -1]);
  const vectors = Float64Array.from([1, 0, 1, 0.1, 0.9, 0.5, 0, 1, 1, 1, 1, 1]);
  const model = clusterKnn({ cluster, vectors, d: 2, neighbours: 2, clusterName: (c) => `S${c}` });
  model.fit(train);

  it('finds the most similar customers of the same cluster by cosine', () => {
    // cos(0,1) = 0.995, cos(0,2) = 0.874, cos(0,3) = 0
    expect(Array.from(model.neighboursOf(0))).toEqual([1, 2]);
    expect(Array.from(model.neighboursOf(4))).toEqual([]); // alone in its cluster
    expect(Array.from(model.neighboursOf(5))).toEqual([]); // no cluster
  });

  it('counts the neighbours who bought each product, drops the customer’s own, ranks by count then receipts then code', () => {
    // neighbours 1 (A×1, B×2) and 2 (A, C); customer 0 bought A → B (1 neighbour, 2 receipts), C (1 neighbour, 1 receipt)
    expect(Array.from(model.recommend(0, 5))).toEqual([1, 2]);
    expect(model.score!(0, 1)).toBe(1);
    expect(model.reason!(0, 1)).toBe('bought by 1 of your 2 most similar customers in S0');
    expect(Array.from(model.recommend(0, 1))).toEqual([1]);
    expect(Array.from(model.recommend(5, 5))).toEqual([]);
    expect(Array.from(model.recommend(0, 5, new Set([1])))).toEqual([2]);
  });
});
