import { describe, expect, it } from 'vitest';
import { compareWithBaselines } from '../../../../core/jobs/recommend/versus-baseline.js';
import type { ModelResult } from '../../../../core/model/recommend.js';

const mean = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;
const result = (id: string, per: Float64Array): ModelResult => ({ id, metrics: { 'ndcg@10': mean(per) } });

describe('every model against the best baseline (issue #10 §5)', () => {
  const n = 400;
  const pop = Float64Array.from({ length: n }, (_, i) => (i % 10) / 20); // g-topfreq
  const own = Float64Array.from({ length: n }, (_, i) => 0.3 + (i % 7) / 20); // p-topfreq, the best baseline
  const same = Float64Array.from(own, (x, i) => x + (i % 2 ? 0.01 : -0.01)); // a tie around +0
  const better = Float64Array.from(own, (x) => x + 0.02); // better on every customer

  it('compares with the best baseline (baselines with the best other one), wins only when the interval lies above 0', () => {
    const models = [result('g-topfreq', pop), result('p-topfreq', own), result('sequence', same), result('tifu-knn', better), { id: 'cluster-knn', skipped: 'none' }];
    const per = new Map([['g-topfreq', pop], ['p-topfreq', own], ['sequence', same], ['tifu-knn', better]]);
    const r = compareWithBaselines(models, per, 10, 1);
    expect(models[0].versusBestBaseline!.baseline).toBe('p-topfreq');
    expect(models[1].versusBestBaseline!.baseline).toBe('g-topfreq');
    const seq = models[2].versusBestBaseline!;
    expect(seq).toMatchObject({ baseline: 'p-topfreq', metric: 'ndcg@10' });
    expect(seq.diff).toBeCloseTo(0, 12);
    expect(seq.low).toBeLessThan(0);
    expect(seq.high).toBeGreaterThan(0);
    expect(models[3].versusBestBaseline!.diff).toBeCloseTo(0.02, 12);
    expect(models[3].versusBestBaseline!.low).toBeCloseTo(0.02, 12);
    expect(models[4].versusBestBaseline).toBeUndefined();
    expect(r.wins).toEqual(['p-topfreq', 'tifu-knn']);
    expect(r.verdict).toMatch(/^p-topfreq wins on nDCG@10 over g-topfreq \(diff \+0\.\d{4}, 95% CI 0\.\d{4}…0\.\d{4}\); tifu-knn wins on nDCG@10 over p-topfreq \(diff \+0\.0200, 95% CI 0\.0200…0\.0200\); sequence ties with p-topfreq \(diff [+−]0\.0000, 95% CI −0\.\d{4}…0\.\d{4}\)\.$/);
  });

  it('says no model beats the best baseline when none does, and names the ties', () => {
    const models = [result('p-topfreq', own), result('sequence', same)];
    const r = compareWithBaselines(models, new Map([['p-topfreq', own], ['sequence', same]]), 10, 1);
    expect(r.wins).toEqual([]);
    expect(r.verdict).toMatch(/^no model beats p-topfreq on nDCG@10; sequence ties \(diff [+−]0\.0000, 95% CI −0\.\d{4}…0\.\d{4}\)\.$/);
    expect(models[0].versusBestBaseline).toBeUndefined(); // no other baseline to compare with
  });
});
