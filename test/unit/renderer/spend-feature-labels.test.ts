import { describe, expect, it } from 'vitest';
import { featureLayout } from '../../../core/analysis/spend/features.js';
import { importanceOption } from '../../../renderer/src/pages/value/spend-options.js';
import { SPEND_FEATURE_LABELS, spendFeatureLabel } from '../../../renderer/src/pages/value/spend-features.js';

/** Issue #14: the Value page listed the spend model's features by id ("product_mean, pair_mean…"). */
describe('spend feature labels', () => {
  const all = featureLayout({ lpay: true, gender: true, ageBand: true, region: true, channel: true, hour: true, retailer: true }).names;

  it('names every feature the model can use, in English and in Korean, never by its id', () => {
    expect(all.length).toBe(19);
    for (const id of all) {
      const en = spendFeatureLabel(id, 'en');
      const ko = spendFeatureLabel(id, 'ko');
      expect(en, id).not.toBe(id);
      expect(en).not.toMatch(/_/);
      expect(ko, id).toMatch(/[\uac00-\ud7a3]/);
    }
    expect(Object.keys(SPEND_FEATURE_LABELS).sort()).toEqual([...all].sort());
    expect(spendFeatureLabel('brand_new', 'ko')).toBe('brand_new');
  });

  it('puts the labels on the importance chart\'s axis', () => {
    const o = importanceOption([{ feature: 'pair_mean', value: 0.2 }, { feature: 'weekday', value: 0.1 }], 'RMSLE', false, 15, (id) => spendFeatureLabel(id, 'ko')) as { yAxis: { data: string[] } };
    expect(o.yAxis.data).toEqual(['요일', '고객의 이 상품 평균 구매액']);
  });
});
