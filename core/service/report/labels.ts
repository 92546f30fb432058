import type { ReportLang } from '../../model/report.js';
import { JOBS } from '../../jobs/registry.js';

/** One model against the best baseline, its figures already written ("+0.0410", "0.0123"). */
export interface VerdictArgs { model: string; baseline: string; diff: string; low: string; high: string }

/**
 * The report's own words in both languages: a report is read in the language it was made in,
 * whatever language the runs were computed in (issue #14).
 */
const EN = {
  defaultTitle: 'Segment Workbench report',
  provenance: 'Data and provenance',
  project: 'Project',
  files: 'Files',
  fingerprint: 'Data fingerprint',
  period: 'Period',
  customers: 'Customers',
  receipts: 'Receipts',
  currency: 'Currency',
  version: 'Workbench version',
  generated: 'Generated',
  parameters: 'Parameters',
  filters: 'Filters',
  noFilters: 'none (all data)',
  contents: 'Contents',
  run: 'Run',
  analysis: 'Analysis',
  finished: 'Finished',
  segment: 'Segment',
  share: 'Share',
  spendShare: 'Share of spend',
  meanSpend: 'Mean spend',
  topCategory: 'Top category',
  segmentSizes: 'Customers per segment',
  segments: 'Segments',
  noise: 'Set aside as noise',
  features: 'Features',
  scaling: 'Scaling',
  kChoice: 'Choice of k',
  model: 'Model',
  verdict: 'Verdict',
  verdictBest: (k: number, model: string, value: string, newModel: string, newValue: string) => `${model} wins on nDCG@${k} (${value}) over all evaluated customers; on new items only, ${newModel} (${newValue}).`,
  verdictWins: (k: number, v: VerdictArgs) => `${v.model} wins on nDCG@${k} over ${v.baseline} (diff ${v.diff}, 95% CI ${v.low}…${v.high})`,
  verdictTies: (v: VerdictArgs) => `${v.model} ties with ${v.baseline} (diff ${v.diff}, 95% CI ${v.low}…${v.high})`,
  verdictNone: (k: number, baseline: string) => `no model beats ${baseline} on nDCG@${k}`,
  verdictNew: (newModel: string, newValue: string) => `on new items only, ${newModel} (${newValue}).`,
  evaluated: 'Customers evaluated',
  cutoff: 'Cutoff',
  testDays: 'Test days',
  metric: 'Metric',
  models: 'Models',
  sales: 'Sales',
  monthlySales: 'Sales per month',
  topCategories: 'Top categories by sales',
  category: 'Category',
  days: 'Days',
  meanBasket: 'Mean basket value',
  returnShare: 'Returns (share of gross sales)',
  comparison: 'Comparison of two runs',
  ari: 'Adjusted Rand index',
  commonCustomers: 'Customers in both runs',
  segmentComparison: 'Two segments compared',
  figures: 'Figures',
  rule: 'Rule',
  topRules: (n: number) => `Strongest rules by lift (of ${n})`,
  history: 'History',
  forecast: 'Forecast',
  rows: 'rows',
  moreRows: (n: number) => `${n} more rows not shown (the run's export has them all).`,
  pageOf: 'Page',
};

export type ReportLabels = typeof EN;

const KO: ReportLabels = {
  defaultTitle: '세그먼트 워크벤치 보고서',
  provenance: '데이터와 출처',
  project: '프로젝트',
  files: '파일',
  fingerprint: '데이터 지문',
  period: '기간',
  customers: '고객 수',
  receipts: '영수증 수',
  currency: '통화',
  version: '워크벤치 버전',
  generated: '작성 일시',
  parameters: '매개변수',
  filters: '필터',
  noFilters: '없음 (전체 데이터)',
  contents: '목차',
  run: '실행',
  analysis: '분석',
  finished: '완료',
  segment: '세그먼트',
  share: '비중',
  spendShare: '구매액 비중',
  meanSpend: '평균 구매액',
  topCategory: '주요 카테고리',
  segmentSizes: '세그먼트별 고객 수',
  segments: '세그먼트 수',
  noise: '노이즈로 제외',
  features: '특성',
  scaling: '스케일링',
  kChoice: 'k 선택',
  model: '모델',
  verdict: '결론',
  verdictBest: (k: number, model: string, value: string, newModel: string, newValue: string) => `평가 고객 전체의 nDCG@${k}에서 ${model}이(가) 가장 좋습니다(${value}). 신규 상품만 보면 ${newModel}(${newValue})입니다.`,
  verdictWins: (k: number, v: VerdictArgs) => `nDCG@${k}에서 ${v.model}이(가) ${v.baseline}보다 낫습니다(차이 ${v.diff}, 95% 신뢰구간 ${v.low}…${v.high})`,
  verdictTies: (v: VerdictArgs) => `${v.model}은(는) ${v.baseline}과(와) 차이가 없습니다(차이 ${v.diff}, 95% 신뢰구간 ${v.low}…${v.high})`,
  verdictNone: (k: number, baseline: string) => `nDCG@${k}에서 ${baseline}보다 나은 모델이 없습니다`,
  verdictNew: (newModel: string, newValue: string) => `신규 상품만 보면 ${newModel}(${newValue})입니다.`,
  evaluated: '평가 고객 수',
  cutoff: '기준일',
  testDays: '평가 기간(일)',
  metric: '지표',
  models: '모델',
  sales: '매출',
  monthlySales: '월별 매출',
  topCategories: '매출 상위 카테고리',
  category: '카테고리',
  days: '일수',
  meanBasket: '평균 객단가',
  returnShare: '반품 (총매출 대비)',
  comparison: '두 실행 비교',
  ari: '조정 랜드 지수',
  commonCustomers: '두 실행 공통 고객 수',
  segmentComparison: '두 세그먼트 비교',
  figures: '주요 수치',
  rule: '규칙',
  topRules: (n: number) => `향상도 상위 규칙 (전체 ${n}개 중)`,
  history: '실적',
  forecast: '예측',
  rows: '행',
  moreRows: (n: number) => `표시하지 않은 행 ${n}개 (실행의 내보내기 파일에 모두 있습니다).`,
  pageOf: '쪽',
};

/** The report's words in `lang`. */
export function reportLabels(lang: ReportLang): ReportLabels {
  return lang === 'ko' ? KO : EN;
}

/** Analysis ids as a reader names them. */
const ANALYSIS_NAMES: Record<ReportLang, Record<string, string>> = {
  en: {
    overview: 'Overview', 'data-summary': 'Data summary', kmeans: 'K-means segmentation', 'stratified-kmeans': 'Stratified K-means segmentation',
    kprototypes: 'K-prototypes segmentation', 'lrfmv-kmedoids': 'LRFMV K-medoids segmentation', 'recommend-eval': 'Recommender evaluation',
    recommend: 'Campaign recommendations', 'preference-score': 'Preference scores', 'score-model': 'Scoring model', rules: 'Association rules',
    forecast: 'Sales forecast', 'coupon-sensitivity': 'Coupon sensitivity', 'marketing-response': 'Marketing response', clv: 'Customer value (CLV)',
  },
  ko: {
    overview: '개요', 'data-summary': '데이터 요약', kmeans: 'K-평균 세그먼트', 'stratified-kmeans': '층화 K-평균 세그먼트',
    kprototypes: 'K-프로토타입 세그먼트', 'lrfmv-kmedoids': 'LRFMV K-메도이드 세그먼트', 'recommend-eval': '추천 모델 평가',
    recommend: '캠페인 추천', 'preference-score': '선호도 점수', 'score-model': '점수 모델', rules: '연관 규칙',
    forecast: '매출 예측', 'coupon-sensitivity': '쿠폰 민감도', 'marketing-response': '마케팅 반응', clv: '고객 생애 가치(CLV)',
  },
};

/**
 * An analysis' name in the report's language: the table above, else the name its job declares in
 * that language (core/jobs/registry: title / titleKo, e.g. `spend-model`), else the id.
 */
export function analysisName(lang: ReportLang, id: string): string {
  const named = ANALYSIS_NAMES[lang][id];
  if (named) return named;
  const job = JOBS.get(id);
  if (!job) return id;
  return lang === 'ko' ? (job.titleKo ?? job.title) : job.title;
}
