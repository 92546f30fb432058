import { describe, expect, it } from 'vitest';
import { versusSnaive } from '../../../core/analysis/forecast/backtest.js';
import type { ForecastAccuracy, ModelBacktest } from '../../../core/model/forecast.js';
import { VERDICT_PATTERNS, verdictIn } from '../../../renderer/src/pages/forecast/verdict.js';

/** Issue #14: the Korean Forecast page read "ets beats snaive by 34% (MASE …)" in English. */
const acc = (mase: number): ForecastAccuracy => ({ mase, smape: 10, rmse: 1, coverage80: 0.8, coverage95: 0.95 });
const bt = (model: ModelBacktest['model'], mases: number[]): ModelBacktest => ({ model, folds: mases.map(acc), mean: acc(mases.reduce((a, b) => a + b, 0) / mases.length), notes: [] });
const hangul = /[\uac00-\ud7a3]/;

describe('verdictIn', () => {
  // Every sentence versusSnaive writes, from the function itself, so a changed sentence fails here.
  const sentences = [
    versusSnaive(bt('ets', [0.6, 0.7, 0.74]), bt('snaive', [1, 1.02, 1.04])),
    versusSnaive(bt('sarima', [1.0, 1.02, 1.0]), bt('snaive', [1, 1.01, 1.02])),
    versusSnaive(bt('snaive', [1, 1, 1]), bt('snaive', [1, 1, 1])),
    versusSnaive(bt('ets', [1, 1, 1]), undefined),
  ].map((c, i) => ({ verdict: c.text, chosen: (['ets', 'sarima', 'snaive', 'ets'] as const)[i], beatsSnaive: c.beatsSnaive, gain: c.gain }));

  it('says every verdict in Korean, keeping the figures', () => {
    expect(sentences[0].verdict).toBe('ets beats snaive by 33% (MASE 0.68 vs 1.02, better in 3 of 3 folds)');
    const ko = verdictIn(sentences[0], 'ko');
    expect(ko).toBe('ets이(가) 계절 나이브(snaive)보다 33% 낫습니다 (MASE 0.68 대 1.02, 구간 3개 중 3개에서 우세).');
    for (const s of sentences) {
      const text = verdictIn(s, 'ko');
      expect(text, s.verdict).toMatch(hangul);
      expect(text).not.toMatch(/\b(beats|does not|better in|folds|most accurate|no comparison)\b/);
    }
    expect(verdictIn({ verdict: 'no backtest: no comparison with snaive', chosen: 'ets', beatsSnaive: false, gain: 0 }, 'ko')).toMatch(hangul);
    expect(VERDICT_PATTERNS.length).toBe(5);
  });

  it('keeps English as stored, and falls back to the structure for a sentence it does not know', () => {
    expect(verdictIn(sentences[1], 'en')).toBe(sentences[1].verdict);
    expect(verdictIn({ verdict: 'something new', chosen: 'prophet', beatsSnaive: true, gain: 0.214 }, 'ko')).toBe('prophet이(가) 계절 나이브(snaive)보다 21% 낫습니다.');
  });
});
