import { describe, expect, it } from 'vitest';
import { evalWinner, outcomeOf, verdictOf } from '../../../renderer/src/pages/recommend/model.js';
import type { ModelResult } from '../../../core/model/recommend.js';

const m = (id: string, all: number, fresh: number): ModelResult => ({ id, metrics: { 'ndcg@10': all, 'ndcg@5': all / 2 }, repeat: {}, new: { 'ndcg@10': fresh, 'ndcg@5': fresh } });

describe('the evaluation verdict the page words in its language', () => {
  it('names the best model on nDCG at the largest K and the best on new items, as core does', () => {
    const models = [m('g-topfreq', 0.2, 0.013), m('p-topfreq', 0.594, 0), { id: 'segment-pop', skipped: 'no segmentation run' }, m('cluster-knn', 0.026, 0.042), m('sequence', 0.574, 0.001)];
    expect(verdictOf(models, 10)).toEqual({ best: { id: 'p-topfreq', value: 0.594 }, bestNew: { id: 'cluster-knn', value: 0.042 } });
    expect(verdictOf(models, 5)!.best.id).toBe('p-topfreq');
  });

  it('with the paired-bootstrap comparison: wins only where the interval lies above 0, ties where it contains 0', () => {
    const v = (baseline: string, diff: number, low: number, high: number) => ({ baseline, metric: 'ndcg@10', diff, low, high });
    const models: ModelResult[] = [
      { ...m('g-topfreq', 0.2, 0.013), versusBestBaseline: v('p-topfreq', -0.39, -0.40, -0.38) },
      { ...m('p-topfreq', 0.594, 0), versusBestBaseline: v('g-topfreq', 0.39, 0.38, 0.40) },
      { ...m('sequence', 0.5943, 0.001), versusBestBaseline: v('p-topfreq', 0.0003, -0.013, 0.014) },
      { ...m('tifu-knn', 0.63, 0.001), versusBestBaseline: v('p-topfreq', 0.036, 0.02, 0.05) },
    ];
    const r = verdictOf(models, 10)!;
    expect(r.comparison!.baseline).toBe('p-topfreq');
    expect(r.comparison!.wins.map((x) => x.id)).toEqual(['p-topfreq', 'tifu-knn']);
    // The grocery case of the issue: 0.0003 better with an interval across 0 is a tie, not a win.
    expect(r.comparison!.ties).toEqual([{ id: 'sequence', baseline: 'p-topfreq', diff: 0.0003, low: -0.013, high: 0.014 }]);
    expect([outcomeOf({ low: 0.001, high: 1 }), outcomeOf({ low: -0.001, high: 0.001 }), outcomeOf({ low: -1, high: -0.001 })]).toEqual(['wins', 'ties', 'loses']);
  });

  it('says nothing when no model was evaluated', () => {
    expect(verdictOf([{ id: 'cluster-knn', skipped: 'no stratified-kmeans run' }], 10)).toBeNull();
  });
});

describe('evalWinner: the model the campaign builder starts with (issue #14)', () => {
  const m = (id: string, ndcg: number, diff: number) => ({ id, metrics: { 'ndcg@5': ndcg / 2, 'ndcg@10': ndcg }, versusBestBaseline: { baseline: 'p-topfreq', metric: 'ndcg@10', diff, low: diff - 0.01, high: diff + 0.01 } });
  const summary = (models: ReturnType<typeof m>[], wins: string[]) => ({ ks: [5, 10], models, wins }) as unknown as Parameters<typeof evalWinner>[0];
  it('is the winner with the largest gain over the best baseline', () => {
    expect(evalWinner(summary([m('p-topfreq', 0.3, 0), m('ease', 0.35, 0.05), m('tifu-knn', 0.4, 0.1)], ['ease', 'tifu-knn']))).toBe('tifu-knn');
  });
  it('without a winner, the best model by nDCG at the largest K (a tie is not a win)', () => {
    expect(evalWinner(summary([m('g-topfreq', 0.1, -0.2), m('p-topfreq', 0.3, 0), m('ease', 0.31, 0.01)], []))).toBe('ease');
    expect(evalWinner(null)).toBeNull();
  });
});
