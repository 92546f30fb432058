import { describe, expect, it } from 'vitest';
import type { SpendImportance, SpendVerdict } from '../../../core/model/spend.js';
import { translate } from '../../../renderer/src/i18n/translate.js';
import { makeFormatters } from '../../../renderer/src/lib/format.js';
import { importanceOption } from '../../../renderer/src/pages/value/spend-options.js';
import { spendVerdictText } from '../../../renderer/src/pages/value/spend-text.js';

const win: SpendVerdict = { winner: 'gbdt', runnerUp: 'baseline-pair-mean', difference: { mean: -0.2374, lower: -0.31, upper: -0.17 }, tie: false, text: '' };
const tie: SpendVerdict = { winner: 'tabnet', runnerUp: 'gbdt', difference: { mean: -0.004, lower: -0.012, upper: 0.005 }, tie: true, text: '' };

describe('the spend verdict in the UI language', () => {
  for (const lang of ['en', 'ko'] as const) {
    const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(lang, k, p);
    const fmt = makeFormatters(lang);
    const dec = (x: number, d: number) => fmt.dec(x, d);
    it(`${lang}: names the winner, the runner-up, the gap and the interval`, () => {
      const s = spendVerdictText(t, dec, win);
      expect(s).toContain(t('value.spend.model.gbdt'));
      expect(s).toContain(t('value.spend.model.baseline-pair-mean'));
      expect(s).toContain(fmt.dec(0.237, 3));
      expect(s).toContain(fmt.dec(-0.31, 3));
      expect(s).toContain(fmt.dec(-0.17, 3));
      expect(s).not.toMatch(/\{\w+\}/);
    });
    it(`${lang}: says a tie as a tie, never a winner`, () => {
      const s = spendVerdictText(t, dec, tie);
      expect(s).toBe(t('value.spend.verdict.tie', { winner: t('value.spend.model.tabnet'), runnerUp: t('value.spend.model.gbdt'), diff: fmt.dec(-0.004, 3), lower: fmt.dec(-0.012, 3), upper: fmt.dec(0.005, 3) }));
      expect(s).not.toBe(spendVerdictText(t, dec, { ...tie, tie: false }));
    });
  }
  it('says which words: tie in English, 동률 in Korean', () => {
    expect(spendVerdictText((k, p) => translate('en', k, p), (x, d) => x.toFixed(d), tie)).toMatch(/tie/);
    expect(spendVerdictText((k, p) => translate('ko', k, p), (x, d) => x.toFixed(d), tie)).toMatch(/동률/);
    expect(spendVerdictText((k, p) => translate('en', k, p), (x, d) => x.toFixed(d), { ...win, runnerUp: null, difference: null })).toMatch(/only model/);
  });
});

describe('importance bars', () => {
  it('draws the largest on top, at most 15, and nothing without features', () => {
    const rows: SpendImportance[] = Array.from({ length: 20 }, (_, i) => ({ feature: `f${i}`, value: i / 100 }));
    const o = importanceOption(rows, 'RMSLE increase') as { yAxis: { data: string[] }; series: { data: number[] }[] };
    expect(o.yAxis.data.length).toBe(15);
    expect(o.yAxis.data.at(-1)).toBe('f19');
    expect(o.series[0].data.at(-1)).toBe(0.19);
    expect(importanceOption([], 'x')).toBeNull();
  });
});
