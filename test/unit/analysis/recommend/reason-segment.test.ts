import { describe, expect, it } from 'vitest';
import { REASONS } from '../../../../core/analysis/recommend/reasons.js';
import { withCurrentSegment } from '../../../../core/analysis/recommend/reason-translate.js';
import { clusterRunOf } from '../../../../core/service/reason-names.js';
import type { RunRecord } from '../../../../core/model/jobs.js';

/* Issue #14: a cluster-knn reason names the customer's segment as it is called now, in either language. */
describe('withCurrentSegment', () => {
  const old = REASONS.neighbours(2, 3, 'online · spend Q3 · 1');

  it('names the segment by the name given, in the stored language or the one asked', () => {
    expect(withCurrentSegment(old.en, 'Weekend regulars')).toBe('bought by 2 of your 3 most similar customers in Weekend regulars');
    expect(withCurrentSegment(old.ko, 'Weekend regulars')).toBe('Weekend regulars에서 가장 비슷한 고객 3명 중 2명이 구매');
    expect(withCurrentSegment(old.en, 'Weekend regulars', 'ko')).toBe('Weekend regulars에서 가장 비슷한 고객 3명 중 2명이 구매');
    expect(withCurrentSegment(old.ko, 'Weekend regulars', 'en')).toBe('bought by 2 of your 3 most similar customers in Weekend regulars');
  });

  it('says a default name in Korean in Korean, and a customer in no segment as such', () => {
    expect(withCurrentSegment(old.en, 'segment 4', 'ko')).toBe('세그먼트 4에서 가장 비슷한 고객 3명 중 2명이 구매');
    expect(withCurrentSegment(old.en, null)).toBe('bought by 2 of your 3 most similar customers in no segment');
  });

  it('leaves every other reason to the caller', () => {
    expect(withCurrentSegment(REASONS.popular(4).en, 'x')).toBeNull();
    expect(withCurrentSegment(REASONS.tifu(0, null, 2, 3).ko, 'x')).toBeNull();
  });
});

describe('clusterRunOf', () => {
  const run = (summary: unknown, params: Record<string, unknown> = {}, analysis = 'recommend'): RunRecord => ({
    id: 9, analysis, status: 'done', params, dataFingerprint: '', startedAt: '', finishedAt: null, durationMs: null, summary, error: null,
  });

  it('reads the clustering run from the notes every cluster-knn run wrote, else its parameter', () => {
    expect(clusterRunOf(run({ model: 'cluster-knn', notes: 'clusters of stratified-kmeans run 12' }))).toBe(12);
    expect(clusterRunOf(run({ model: 'cluster-knn' }, { model: 'cluster-knn', clusterRun: 5 }))).toBe(5);
    expect(clusterRunOf(run({ model: 'segment-pop', notes: 'segments of run 3' }))).toBeNull();
    expect(clusterRunOf(run({ model: 'cluster-knn', notes: 'clusters of stratified-kmeans run 12' }, {}, 'recommend-eval'))).toBeNull();
  });
});
