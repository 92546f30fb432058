import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../../renderer/src/pages/recommend/model.js';
import type { ModelResult } from '../../../core/model/recommend.js';

const m = (id: string, all: number, fresh: number): ModelResult => ({ id, metrics: { 'ndcg@10': all, 'ndcg@5': all / 2 }, repeat: {}, new: { 'ndcg@10': fresh, 'ndcg@5': fresh } });

describe('the evaluation verdict the page words in its language', () => {
  it('names the best model on nDCG at the largest K and the best on new items, as core does', () => {
    const models = [m('g-topfreq', 0.2, 0.013), m('p-topfreq', 0.594, 0), { id: 'segment-pop', skipped: 'no segmentation run' }, m('cluster-knn', 0.026, 0.042), m('sequence', 0.574, 0.001)];
    expect(verdictOf(models, 10)).toEqual({ best: { id: 'p-topfreq', value: 0.594 }, bestNew: { id: 'cluster-knn', value: 0.042 } });
    expect(verdictOf(models, 5)!.best.id).toBe('p-topfreq');
  });

  it('says nothing when no model was evaluated', () => {
    expect(verdictOf([{ id: 'cluster-knn', skipped: 'no stratified-kmeans run' }], 10)).toBeNull();
  });
});
