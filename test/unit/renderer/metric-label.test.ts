import { describe, expect, it } from 'vitest';
import { metricColumns, metricLabel } from '../../../renderer/src/pages/recommend/model.js';

/** Issue #14: no screen shows raw metric ids; headers and axes say HR@K, nDCG@K, Recall@K. */
describe('metricLabel', () => {
  it('names every metric column as the literature writes it', () => {
    expect(metricColumns([5, 10]).map(metricLabel)).toEqual(['HR@5', 'nDCG@5', 'Recall@5', 'HR@10', 'nDCG@10', 'Recall@10']);
  });
  it('leaves other ids as they are', () => {
    expect(metricLabel('coverage')).toBe('coverage');
    expect(metricLabel('ndcg@')).toBe('ndcg@');
  });
});
