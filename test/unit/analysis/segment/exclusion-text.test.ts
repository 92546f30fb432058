import { describe, expect, it } from 'vitest';
import { EXCLUSION_REASONS } from '../../../../core/model/segment.js';
import { translate } from '../../../../renderer/src/i18n/translate.js';
import { makeFormatters } from '../../../../renderer/src/lib/format.js';
import { exclusionSentences, reasonText } from '../../../../renderer/src/pages/segments/labels.js';

const t = (lang: 'en' | 'ko') => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);

/** Issue #10 point 3: the Segments page says how many customers were left out and why, in both languages. */
describe('what the Segments page says about excluded and set-aside customers', () => {
  const excluded = {
    total: 1_052, byReason: { [EXCLUSION_REASONS.noPurchases]: 1_034, [EXCLUSION_REASONS.netNotPositive]: 18 },
    setAside: { 'DBSCAN noise': 150, 'small cluster (≤ 3 customers)': 7 },
  };
  it('in English', () => {
    expect(exclusionSentences(t('en'), makeFormatters('en').int, excluded)).toEqual([
      '1,052 customers excluded: 1,034 no purchases, 18 net spend ≤ 0 (returns exceed purchases).',
      '157 set aside by the method: 150 DBSCAN noise, 7 small cluster (≤ 3 customers).',
    ]);
  });
  it('in Korean, every reason translated', () => {
    const [a, b] = exclusionSentences(t('ko'), makeFormatters('ko').int, excluded);
    expect(a).toBe('고객 1,052명 제외: 구매 없음 1,034명, 순 구매액 ≤ 0 (반품이 구매보다 많음) 18명.');
    expect(b).toBe('방법이 따로 둔 고객 157명: DBSCAN 노이즈 150명, 작은 군집 (3명 이하) 7명.');
    for (const r of Object.values(EXCLUSION_REASONS)) expect(reasonText(t('ko'), r)).toMatch(/[가-힣]/);
  });
  it('says nothing when nothing was left out', () => {
    expect(exclusionSentences(t('en'), makeFormatters('en').int, { total: 0, byReason: {} })).toEqual([]);
  });
});
