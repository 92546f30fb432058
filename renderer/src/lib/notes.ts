import type { Lang } from './format.js';

/**
 * Run notes in the UI language (issue #14: "run notes … follow the chosen language"). Jobs write
 * their notes in English into the run's summary, and that text stays the contract (the CLI's
 * `--json`, exports, old runs); the UI reads each note back by the pattern of the sentence that
 * wrote it and says the same in Korean, keeping the values (names, numbers, dates, model ids) as
 * they are. Reading by pattern, not by a key stored beside the note, is what keeps runs made before
 * this change readable in Korean too. A note no pattern knows is shown as written (English), so a
 * new note is never lost, only untranslated; test/unit/renderer/notes.test.ts checks every note
 * the jobs emit today against these patterns.
 */
export function noteIn(note: string, lang: Lang): string {
  if (lang === 'en') return note;
  for (const p of NOTE_PATTERNS) {
    const m = p.en.exec(note);
    if (m) return p.ko(m.slice(1));
  }
  return note;
}

/** Whether a note has a Korean form (the test's coverage check). */
export function knowsNote(note: string): boolean {
  return NOTE_PATTERNS.some((p) => p.en.test(note));
}

interface NotePattern {
  /** Where the note is written (for the reader; the test lists them). */
  id: string;
  en: RegExp;
  ko(groups: string[]): string;
}

const re = (source: string) => new RegExp(`^${source}$`, 's');

export const NOTE_PATTERNS: readonly NotePattern[] = [
  // Segmentations (core/model/segment.ts, core/jobs/segment/*).
  {
    id: 'segment.itemsAsMonetary',
    en: re('The data has no amounts: M \\(monetary\\) is the net number of items bought, a purchase is a receipt with items, and spend figures are unknown\\.'),
    ko: () => '데이터에 금액이 없습니다: M(구매액)은 순 구매 수량이고, 구매는 상품이 있는 영수증이며, 구매액 수치는 알 수 없습니다.',
  },
  { id: 'stratified.noChannel', en: re('These data have no sales channel: (\\d+) strata by spend grade alone \\(not 8 by channel × spend\\)\\.'), ko: ([n]) => `이 데이터에는 판매 채널이 없습니다: 채널 × 구매액 8개 층이 아니라 구매액 등급만으로 ${n}개 층을 나눕니다.` },
  {
    id: 'stratified.emptyGroup',
    en: re('No (online|offline-only) customers here: (\\d+) strata, not 8\\.'),
    ko: ([g, n]) => `${g === 'online' ? '온라인' : '오프라인 전용'} 고객이 없습니다: 8개가 아니라 ${n}개 층입니다.`,
  },
  { id: 'kprototypes.missing', en: re('(.+): (\\d+) of (\\d+) customers have no value and count at the mean \\(z = 0\\)\\.'), ko: ([a, m, n]) => `${a}: 고객 ${n}명 중 ${m}명은 값이 없어 평균(z = 0)으로 셉니다.` },
  {
    id: 'kprototypes.noCategorical',
    en: re('No categorical input differs between customers here \\((.+)\\): k-prototypes clusters on the numeric inputs alone, as kmeans would\\.'),
    ko: ([cols]) => `고객 사이에 다른 범주형 입력이 없습니다(${cols}): K-프로토타입이 K-평균처럼 수치 입력만으로 군집화합니다.`,
  },
  {
    id: 'kprototypes.constant',
    en: re('(.+): the same value for every customer \\((.*)\\), left out of the categorical inputs \\(it separates no one\\)\\.'),
    ko: ([c, v]) => `${c}: 모든 고객이 같은 값(${v === 'none' ? '없음' : v})이라 범주형 입력에서 뺐습니다(아무도 구분하지 못함).`,
  },
  {
    id: 'kprototypes.unknown',
    en: re("(.+): unknown for (\\d+) of (\\d+) customers; 'unknown' counts as a category of its own\\."),
    ko: ([c, m, n]) => `${c}: 고객 ${n}명 중 ${m}명은 값을 모릅니다. '알 수 없음'을 하나의 범주로 셉니다.`,
  },
  // Forecasts (core/analysis/forecast/*, core/data/store/queries/forecast-series.ts, core/jobs/forecast).
  { id: 'forecast.constant', en: re('The history is constant \\((.+) every period\\): only snaive is fitted, and no backtest\\.'), ko: ([v]) => `과거 값이 일정합니다(기간마다 ${v}): 계절 나이브(snaive)만 적합하고 백테스트는 하지 않습니다.` },
  {
    id: 'forecast.noFold',
    en: re('No backtest: (\\d+) periods are too few for one (\\d+)-period fold after (\\d+) training periods\\.'),
    ko: ([n, h, t]) => `백테스트 없음: ${n}개 기간으로는 학습 기간 ${t}개 뒤에 ${h}개 기간짜리 검증 구간 하나도 만들 수 없습니다.`,
  },
  {
    id: 'forecast.fewerFolds',
    en: re('Backtest with (\\d+) fold\\(s\\) instead of (\\d+): the history \\((\\d+) periods\\) is too short for more\\.'),
    ko: ([f, want, n]) => `백테스트 구간 ${want}개 대신 ${f}개: 과거 기간(${n}개)이 더 나누기에는 짧습니다.`,
  },
  { id: 'forecast.failedBacktest', en: re('(\\S+) failed in the backtest and was dropped: (.*)'), ko: ([id, why]) => `${id} 모델이 백테스트에서 실패해 제외했습니다: ${why}` },
  { id: 'forecast.failed', en: re('(\\S+) failed and was dropped: (.*)'), ko: ([id, why]) => `${id} 모델이 실패해 제외했습니다: ${why}` },
  {
    id: 'forecast.ensembleOf',
    en: re('mean of (\\S+) and (\\S+), the two best on this backtest \\(picked on the same folds it is scored on: slightly optimistic\\)'),
    ko: ([a, b]) => `이 백테스트에서 가장 좋은 두 모델 ${a}와(과) ${b}의 평균 (평가한 구간과 같은 구간으로 골랐으므로 약간 낙관적)`,
  },
  { id: 'forecast.ensembleTwo', en: re('ensemble needs two fitted models: not built\\.'), ko: () => '앙상블에는 적합된 모델이 두 개 필요합니다: 만들지 않았습니다.' },
  { id: 'forecast.ensembleBacktest', en: re('ensemble needs the backtest to pick its two models: not built\\.'), ko: () => '앙상블은 백테스트로 두 모델을 골라야 합니다: 만들지 않았습니다.' },
  {
    id: 'forecast.chosenWithout',
    en: re('No backtest: (\\S+) chosen by (lowest AICc|default)\\.'),
    ko: ([m, by]) => `백테스트 없음: ${m} 모델을 ${by === 'default' ? '기본값으로' : '가장 낮은 AICc로'} 골랐습니다.`,
  },
  {
    id: 'forecast.maxSeries',
    en: re('Only the (\\d+) largest of (\\d+) series are forecast \\(maxSeries\\); left out: (.*)\\.'),
    ko: ([k, n, rest]) => `계열 ${n}개 중 가장 큰 ${k}개만 예측합니다(최대 계열 수). 제외: ${rest}.`,
  },
  { id: 'forecast.narrow95', en: re('95% interval too narrow: covers (\\d+%) of the backtest actuals'), ko: ([p]) => `95% 구간이 너무 좁습니다: 백테스트 실제값의 ${p}만 포함` },
  { id: 'forecast.wide', en: re('intervals too wide: the 80% interval covers (\\d+%)'), ko: ([p]) => `구간이 너무 넓습니다: 80% 구간이 ${p}를 포함` },
  { id: 'forecast.narrow80', en: re('80% interval too narrow: covers (\\d+%)'), ko: ([p]) => `80% 구간이 너무 좁습니다: ${p}만 포함` },
  { id: 'forecast.outliers', en: re('Customers the segmentation set aside \\(outliers, segment −1\\) are in no segment series\\.'), ko: () => '세그먼트에서 따로 둔 고객(이상치, 세그먼트 −1)은 어느 세그먼트 계열에도 들어가지 않습니다.' },
  { id: 'forecast.unknownKey', en: re("Sales without a (\\S+) form the series '(.+)'\\."), ko: ([by, name]) => `${byKo(by)} 정보가 없는 매출은 '${name}' 계열이 됩니다.` },
  {
    id: 'forecast.partialWeek',
    en: re('Weeks run Monday–Sunday; the (first|last) partial week \\((\\S+) to (\\S+), (\\d+) days\\) is left out\\.'),
    ko: ([which, a, b, n]) => `주는 월요일–일요일입니다. ${which === 'first' ? '첫' : '마지막'} 불완전한 주(${a}~${b}, ${n}일)는 뺍니다.`,
  },
  // Marketing response (core/analysis/marketing/response.ts).
  {
    id: 'marketing.caveat',
    en: re('Both response measures assume every customer saw all the marketing \\(.*\\), and they measure association with spend, not its causal effect\\.'),
    ko: () => '두 반응 지표 모두 모든 고객이 모든 마케팅을 보았다고 가정하며, 광고비와의 연관을 잴 뿐 인과 효과를 재지는 않습니다.',
  },
  { id: 'marketing.noOverlap', en: re('The marketing spend file and the purchases share no day: nothing could be measured\\.'), ko: () => '마케팅 광고비 파일과 구매 데이터에 겹치는 날이 없어 아무것도 잴 수 없었습니다.' },
  {
    id: 'marketing.noChannel',
    en: re('No (online|offline) channel among (.*) \\(a name with "(?:online|offline)" or "(?:온라인|오프라인)"\\); choose one with (onlineChannel|offlineChannel)\\.'),
    ko: ([kind, list, param]) => `${list} 중에 ${kind === 'online' ? '온라인' : '오프라인'} 채널이 없습니다("${kind}" 또는 "${kind === 'online' ? '온라인' : '오프라인'}"이 든 이름). ${param}으로 하나를 고르세요.`,
  },
  { id: 'marketing.sameShare', en: re('Every customer has the same online share, so the scaled online response is 0 for all\\.'), ko: () => '모든 고객의 온라인 비중이 같아서 척도화한 온라인 반응이 모두 0입니다.' },
  {
    id: 'marketing.period',
    en: re("Measured over (\\S+)\\.\\.(\\S+), the overlap of the spend file's days and the purchase days; in the regression a day without purchases is 0 sales\\."),
    ko: ([a, b]) => `${a}..${b} 동안 측정했습니다(광고비 파일의 날과 구매일이 겹치는 기간). 회귀에서 구매가 없는 날은 매출 0입니다.`,
  },
  // Recommendation lists (core/jobs/recommend/recommend-job.ts: the run's notes, shown among its key figures).
  {
    id: 'recommend.tifu',
    en: re('k = (\\d+), m = (\\d+), r_b = (\\S+), r_g = (\\S+), α = (\\S+)'),
    ko: ([k, m, rb, rg, a]) => `이웃 k = ${k}, 그룹 크기 m = ${m}, 그룹 안 감쇠 rb = ${rb}, 그룹 간 감쇠 rg = ${rg}, 본인 이력 가중치 α = ${a}`,
  },
  { id: 'recommend.scoreModel', en: re('one model on all retailers pooled; never-bought products only, by predicted preference score'), ko: () => '모든 유통사를 합친 모델 하나. 사지 않은 상품만, 예측 선호 점수 순.' },
  { id: 'recommend.clusters', en: re('clusters of stratified-kmeans run (\\d+)'), ko: ([run]) => `층화 K-평균 실행 ${run}의 군집` },
  { id: 'recommend.segments', en: re('segments of run (\\d+)'), ko: ([run]) => `실행 ${run}의 세그먼트` },
  {
    id: 'recommend.rules',
    en: re('association rules of the receipts \\(minSupport (\\S+), minConfidence (\\S+), maxLength (\\d+)\\); popular products fill lists no rule reaches'),
    ko: ([support, confidence, length]) => `영수증의 연관 규칙(최소 지지도 ${support}, 최소 신뢰도 ${confidence}, 최대 ${length}개 상품). 규칙이 닿지 않는 목록은 인기 상품으로 채움`,
  },
];

/** The forecast's `by` values as the Korean UI names them. */
function byKo(by: string): string {
  return ({ segment: '세그먼트', retailer: '유통사', category: '카테고리', total: '전체' } as Record<string, string>)[by] ?? by;
}
