/**
 * The reasons recommenders give, in English and Korean. A recommend run stores them in the language
 * of its `lang` parameter; the campaign export renders them in the export's language
 * (reason-translate.ts reads each kind back from either language). One function per kind of reason:
 * a new kind needs its pattern there too (test/unit/analysis/recommend/reason-translate.test.ts).
 */
export type ReasonLang = 'en' | 'ko';
export const REASON_LANGS: readonly ReasonLang[] = ['en', 'ko'];

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export const REASONS = {
  popular: (n: number) => ({ en: `popular: in ${n} receipts`, ko: `인기 상품: 영수증 ${n}건에 포함` }),
  own: (n: number) => ({ en: `you bought it in ${n} receipts`, ko: `고객님이 영수증 ${n}건에서 구매` }),
  segment: (n: number) => ({ en: `popular in your segment: in ${n} receipts`, ko: `고객님 세그먼트의 인기 상품: 영수증 ${n}건에 포함` }),
  itemKnn: (label: string, cosine: number) => ({ en: `customers who bought ${label} also bought it (cosine ${cosine.toFixed(2)})`, ko: `${label}을(를) 산 고객이 함께 산 상품 (코사인 ${cosine.toFixed(2)})` }),
  noSimilar: () => ({ en: 'no similar item in your history', ko: '구매 이력에 비슷한 상품 없음' }),
  notModelled: () => ({ en: 'not modelled (outside the most popular items)', ko: '모델 밖의 상품 (인기 상품 범위 밖)' }),
  easeLink: (label: string, weight: number) => ({ en: `goes with ${label} (weight ${weight.toFixed(3)})`, ko: `${label}와(과) 함께 사는 상품 (가중치 ${weight.toFixed(3)})` }),
  noLink: () => ({ en: 'no positive link to your history', ko: '구매 이력과 양의 연관 없음' }),
  neighbours: (n: number, of: number, where: string | null) => ({
    en: `bought by ${n} of your ${of} most similar customers in ${where ?? 'no segment'}`,
    ko: `${where ?? '세그먼트 없음'}에서 가장 비슷한 고객 ${of}명 중 ${n}명이 구매`,
  }),
  preference: (score: number, buyLevel: number, share: number, interval: number, everyDays: number | null) => ({
    en: `score ${score.toFixed(1)} = buy level ${buyLevel} + category share ${share.toFixed(1)} + interval ${interval.toFixed(1)}${everyDays !== null ? `; you buy it every ~${everyDays} days` : ''}`,
    ko: `점수 ${score.toFixed(1)} = 구매 수준 ${buyLevel} + 카테고리 비중 ${share.toFixed(1)} + 구매 주기 ${interval.toFixed(1)}${everyDays !== null ? `; 약 ${everyDays}일마다 구매` : ''}`,
  }),
  tifu: (receipts: number, daysAgo: number | null, neighbours: number, of: number) => ({
    en: `${receipts > 0 ? `you bought it in ${receipts} receipts${daysAgo !== null ? `, last ${daysAgo} day${daysAgo === 1 ? '' : 's'} ago` : ''}; ` : ''}${neighbours} of your ${of} most similar customers${receipts > 0 ? ' too' : ' bought it'}`,
    ko: `${receipts > 0 ? `고객님이 영수증 ${receipts}건에서 구매${daysAgo !== null ? ` (마지막 ${daysAgo}일 전)` : ''}; ` : ''}가장 비슷한 고객 ${of}명 중 ${neighbours}명${receipts > 0 ? '도 구매' : '이 구매'}`,
  }),
  neverBought: () => ({ en: 'never bought', ko: '구매 이력 없음' }),
  predictedOwn: (score: number) => ({ en: `predicted score ${score.toFixed(1)} (already bought)`, ko: `예측 점수 ${score.toFixed(1)} (이미 구매)` }),
  predictedNew: (score: number) => ({ en: `predicted score ${score.toFixed(1)} for a product you have not bought yet (learned from customers like you)`, ko: `예측 점수 ${score.toFixed(1)}: 아직 사지 않은 상품 (비슷한 고객에게서 학습)` }),
  nextPurchase: (label: string, probability: number, recent: number) => ({
    en: `next-purchase model: ${pct(probability)} chance for ${label}, from your latest visits (weight ${Math.round(recent * 100)} %) and your longer history (${Math.round((1 - recent) * 100)} %)`,
    ko: `다음 구매 모델: ${label} 구매 확률 ${pct(probability)}, 최근 방문 ${Math.round(recent * 100)} %와 긴 구매 이력 ${Math.round((1 - recent) * 100)} % 반영`,
  }),
};

/** The reason in `lang` (English when not given). */
export function say(text: { en: string; ko: string }, lang: ReasonLang = 'en'): string {
  return text[lang];
}
