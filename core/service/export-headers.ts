/** The language an export is written in (issue #14: `export --lang en|ko`, the app's UI language). */
export type ExportLang = 'en' | 'ko';
export const EXPORT_LANGS: readonly ExportLang[] = ['en', 'ko'];

/**
 * The Korean column names of the CSV exports (issue #14: "CSV headers follow the chosen language").
 * The English headers are the contract (scripts and checks read `customer`, `p_alive`, …) and stay
 * exactly as they are by default and with `--lang en`; `--lang ko` writes these instead, for people
 * who open the file in a spreadsheet. One map for every export kind: a column means the same in all.
 */
export const KO_HEADERS: Readonly<Record<string, string>> = {
  // shared
  customer: '고객',
  segment: '세그먼트',
  name: '이름',
  reason: '이유',
  product: '상품',
  category: '카테고리',
  score: '점수',
  rank: '순위',
  date: '날짜',
  // campaign (+ clv filter, spend)
  p_alive: '생존 확률',
  expected_value: '기대 가치',
  expectedSpend: '기대 구매액',
  coupon: '쿠폰',
  // import-report
  file: '파일',
  line: '행',
  column: '열',
  value: '값',
  severity: '심각도',
  // segments, profiles
  outlier: '이상치',
  customers: '고객 수',
  customer_share: '고객 비중',
  spend: '구매액',
  spend_share: '구매액 비중',
  mean_spend: '평균 구매액',
  top_categories: '상위 카테고리',
  pattern: '패턴',
  mean_clv: '평균 생애 가치',
  mean_p_alive: '평균 생존 확률',
  mean_expected_purchases: '평균 기대 구매 횟수',
  // clv
  frequency: '빈도',
  recency: '최근성',
  T: '관찰 기간',
  monetary: '평균 구매액',
  expected_purchases: '기대 구매 횟수',
  // rules
  antecedents: '선행 항목',
  consequents: '후행 항목',
  'antecedent support': '선행 지지도',
  'consequent support': '후행 지지도',
  support: '지지도',
  confidence: '신뢰도',
  lift: '향상도',
  leverage: '레버리지',
  conviction: '확신도',
  zhangs_metric: 'Zhang 지표',
  // marketing
  online_share: '온라인 비중',
  online_response: '온라인 반응',
  offline_tier: '오프라인 반응 등급',
  amount_low: '구매액(낮음)',
  amount_mid: '구매액(중간)',
  amount_high: '구매액(높음)',
  // coupons
  cluster: '군집',
  sensitive: '민감',
  // overview-customers
  receipts: '영수증 수',
  sales: '매출',
  // spend-model
  actual: '실제값',
  // forecast
  series: '계열',
  model: '모델',
  yhat: '예측값',
  lower80: '80% 하한',
  upper80: '80% 상한',
  lower95: '95% 하한',
  upper95: '95% 상한',
};

/** Columns named after a value or a feature: `rate_10` (coupons), `recency_mean` (profiles). */
const KO_PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^rate_(.+)$/, (m) => `사용률_${m[1]}`],
  [/^offers_(.+)$/, (m) => `제안 수_${m[1]}`],
  [/^(.+)_mean$/, (m) => `${m[1]}_평균`],
  [/^(.+)_median$/, (m) => `${m[1]}_중앙값`],
  [/^(.+)_mark$/, (m) => `${m[1]}_표시`],
  [/^(.+)_shares$/, (m) => `${m[1]}_비중`],
];

/** One column name in `lang`; a name with no translation (a feature, a model id) stays as it is. */
export function headerIn(name: string, lang: ExportLang | undefined): string {
  if (lang !== 'ko') return name;
  if (Object.hasOwn(KO_HEADERS, name)) return KO_HEADERS[name];
  for (const [re, to] of KO_PATTERNS) {
    const m = re.exec(name);
    if (m) return to(m);
  }
  return name;
}

