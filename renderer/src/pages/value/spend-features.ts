import type { Lang } from '../../lib/format.js';

/**
 * The spend model's features as an analyst reads them (issue #14: "no screen shows … raw metric
 * ids"), one table for both languages. The ids (core/analysis/spend/features.ts, where each is
 * defined) stay in the CSV, the CLI and the tooltip beside each label.
 */
export const SPEND_FEATURE_LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  product_mean: { en: 'Product’s mean line amount', ko: '상품의 평균 구매액' },
  pair_mean: { en: 'Customer’s mean amount for the product', ko: '고객의 이 상품 평균 구매액' },
  buy_ct_pct: { en: 'Customer’s share of the product’s quantity', ko: '상품 수량 중 고객 비중' },
  buy_am_pct: { en: 'Customer’s share of the product’s sales', ko: '상품 매출 중 고객 비중' },
  preference: { en: 'Preference (mean of the two shares)', ko: '선호도 (두 비중의 평균)' },
  re_buy_mean: { en: 'Days between repeat purchases', ko: '재구매 간격 (일)' },
  lpay_class: { en: 'L.pay use tier', ko: 'L.pay 이용 등급' },
  specials_cnt: { en: 'Purchases of price-varying products', ko: '가격 변동 상품 구매 수' },
  gender: { en: 'Gender', ko: '성별' },
  age_band: { en: 'Age band', ko: '연령대' },
  region: { en: 'Region', ko: '지역' },
  channel: { en: 'Channel', ko: '채널' },
  hour: { en: 'Hour of purchase', ko: '구매 시각' },
  deal_type: { en: 'Retailer', ko: '유통사' },
  month: { en: 'Month', ko: '월' },
  day: { en: 'Day of month', ko: '일' },
  weekday: { en: 'Weekday', ko: '요일' },
  holiday: { en: 'Public holiday', ko: '공휴일' },
  season: { en: 'Season', ko: '계절' },
};

/** A feature's label in `lang`; an id the table does not know shows as itself (never lost). */
export function spendFeatureLabel(id: string, lang: Lang): string {
  return SPEND_FEATURE_LABELS[id]?.[lang] ?? id;
}
