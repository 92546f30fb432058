import type { Lang } from '../../lib/format.js';

/**
 * The recommender evaluation's texts in the UI language (issue #14: "evaluation notes … follow the
 * chosen language"): each model's note, the reason a model was skipped and core's fallback
 * verdict. recommend-eval writes them in English into the run's summary, and that text stays the
 * contract (the CLI's `--json`, old runs); the page reads each back by the pattern of the sentence
 * that wrote it (core/jobs/recommend/eval-job.ts, training-segments.ts, sequence-inputs.ts) and
 * says it again in either language with the same values — as lib/notes.ts does for run notes, so
 * runs stored before this change read in Korean too. The English is said again as well: older runs
 * name the original notebooks ("seed 001") and the paper's symbols as code ids ("r_b"), which no
 * page shows. A text no pattern knows is shown as written; test/unit/wording-eval-notes.test.ts
 * checks the texts the job writes against these patterns.
 */
export function evalTextIn(text: string, lang: Lang): string {
  for (const p of EVAL_PATTERNS) {
    const m = p.en.exec(text);
    if (m) return p.say(m.slice(1))[lang];
  }
  return text;
}

/** Whether a text has a pattern here (the test's coverage check). */
export function knowsEvalText(text: string): boolean {
  return EVAL_PATTERNS.some((p) => p.en.test(text));
}

type Pair = { en: string; ko: string };

interface EvalPattern {
  /** Where the text is written (for the reader). */
  id: string;
  en: RegExp;
  say(groups: string[]): Pair;
}

const re = (source: string) => new RegExp(`^${source}$`, 's');
const N = '([\\d,]+)';
const X = '(\\S+)';

/** describeSegmentation (training-segments.ts): what segment-pop and cluster-knn were given, in 6 groups. */
const SEGMENTS = `segments refitted on the training period only \\(purchases before ${X}; never the holdout\\): (\\S+) with (?:its defaults \\(no (.+) run on this data\\)|the parameters of run (\\d+)), ${N} customers, k = (\\d+)`;

function segments([cutoff, method, none, run, customers, k]: string[]): Pair {
  return {
    en: `segments fitted again on the training period only (purchases before ${cutoff}; never the test period): ${method} ${run === undefined ? `with its defaults (no ${none} run on this data)` : `with the settings of run ${run}`}, ${customers} customers, k = ${k}`,
    ko: `학습 기간만으로 다시 나눈 세그먼트(${cutoff} 이전 구매, 평가 기간은 쓰지 않음): ${run === undefined ? `${method} 기본 설정(이 데이터에 ${orKo(none)} 실행이 없음)` : `실행 ${run}의 설정으로 ${method}`}, 고객 ${customers}명, k = ${k}`,
  };
}

/** "kmeans or stratified-kmeans" in Korean. */
const orKo = (list: string) => list.split(' or ').join(' 또는 ');

/** The sequence model's training line, as runs stored it before the notebook's name left it (read, never shown) and after. */
const SEQUENCE = [
  `trained on ${N} of ${N} sessions per epoch \\((\\d+) epochs?, loss (.+?), (\\d+) s, of which ${X} s to score every customer's list\\);`,
  ` held-out next session: HR@5 ${X}, nDCG@5 ${X} \\(${N} sessions; (?:seed\\s001: 0\\.792 / 0\\.741 on its data|the original study: 0\\.792 / 0\\.741 on its own data)\\);`,
  ` vocabulary ${N} products and pseudo-products(; few examples for (\\d+) epochs? — more \\(sequenceEpochs\\) may help: on UCI, 40 epochs took nDCG@10 from 0\\.152 to 0\\.297)?`,
].join('');

export const EVAL_PATTERNS: readonly EvalPattern[] = [
  // Model notes (core/jobs/recommend/eval-job.ts).
  {
    id: 'rules',
    en: re(`${N} rules A → C of the training receipts \\(minSupport ${X}, minConfidence ${X}, maxLength (\\d+)\\), best applicable rule first; popular products fill lists no rule reaches`),
    say: ([n, support, confidence, length]) => ({
      en: `${n} rules A → C of the training receipts (minimum support ${support}, minimum confidence ${confidence}, at most ${length} products), best applicable rule first; popular products fill lists no rule reaches`,
      ko: `학습 기간 영수증의 규칙 A → C ${n}개(최소 지지도 ${support}, 최소 신뢰도 ${confidence}, 최대 ${length}개 상품), 적용되는 가장 좋은 규칙부터; 규칙이 닿지 않는 목록은 인기 상품으로 채움`,
    }),
  },
  { id: 'segment-pop', en: re(SEGMENTS), say: segments },
  {
    id: 'cluster-knn',
    en: re(`${SEGMENTS}; neighbours by cosine of the scaled category vectors of the training period`),
    say: (g) => {
      const s = segments(g);
      return { en: `${s.en}; neighbours by cosine of the scaled category vectors of the training period`, ko: `${s.ko}; 이웃은 학습 기간의 척도화한 카테고리 벡터의 코사인으로 고름` };
    },
  },
  {
    id: 'preference-score',
    en: re("the customer's own products by their 0–5 preference score at the cutoff \\(buy level \\+ category share \\+ repurchase interval\\); never-bought products are not scored"),
    say: () => ({
      en: "the customer's own products by their 0–5 preference score at the cutoff (buy level + category share + repurchase interval); never-bought products are not scored",
      ko: '고객이 산 상품을 기준일의 0–5점 선호 점수(구매 수준 + 카테고리 비중 + 재구매 주기) 순으로; 사지 않은 상품은 점수가 없음',
    }),
  },
  {
    id: 'score-model',
    en: re(`recommends never-bought products only, so judge it on new items; one model on all retailers pooled, trained on the 0–5 preference scores at the cutoff \\((\\d+) pairs; validation RMSE ${X} vs ${X} for the mean\\)`),
    say: ([pairs, rmse, mean]) => ({
      en: `recommends never-bought products only, so judge it on new items; one model on all retailers pooled, trained on the 0–5 preference scores at the cutoff (${pairs} pairs; validation RMSE ${rmse} vs ${mean} for the mean)`,
      ko: `사지 않은 상품만 추천하므로 새 상품 기준으로 판단하세요; 모든 유통사를 합친 모델 하나를 기준일의 0–5점 선호 점수로 학습(쌍 ${pairs}개, 검증 RMSE ${rmse}, 평균 예측은 ${mean})`,
    }),
  },
  {
    id: 'sequence',
    en: re(SEQUENCE),
    say: ([per, all, epochs, loss, seconds, listSeconds, hr, ndcg, valid, vocabulary, few, fewEpochs]) => ({
      en: `trained on ${per} of ${all} sessions per epoch (${epochs} epoch${epochs === '1' ? '' : 's'}, loss ${loss}, ${seconds} s, of which ${listSeconds} s to score every customer's list); held-out next session: HR@5 ${hr}, nDCG@5 ${ndcg} (${valid} sessions; the original study: 0.792 / 0.741 on its own data); vocabulary ${vocabulary} products and pseudo-products${few === undefined ? '' : `; few examples for ${fewEpochs} epoch${fewEpochs === '1' ? '' : 's'} — more training passes (sequenceEpochs) may help: on UCI, 40 passes took nDCG@10 from 0.152 to 0.297`}`,
      ko: `에포크마다 세션 ${all}개 중 ${per}개로 학습(에포크 ${epochs}회, 손실 ${loss}, ${seconds}초, 그중 모든 고객의 목록 계산 ${listSeconds}초); 보류한 다음 세션: HR@5 ${hr}, nDCG@5 ${ndcg}(세션 ${valid}개; 원래 분석은 자체 데이터에서 0.792 / 0.741); 상품·유사 상품 어휘 ${vocabulary}개${few === undefined ? '' : `; 에포크 ${fewEpochs}회에 비해 학습 예시가 적음 — 학습 횟수(sequenceEpochs)를 늘리면 나아질 수 있음: UCI에서 40회로 nDCG@10이 0.152에서 0.297로`}`,
    }),
  },
  {
    id: 'ease',
    en: re(`λ = ${X} chosen on the (\\d+) days before the cutoff \\(${N} of ${N} validation customers; nDCG@(\\d+): (.*); ${X} s\\); (\\d+) most popular products modelled`),
    say: ([lambda, days, n, of, k, tried, seconds, items]) => ({
      en: `λ = ${lambda} chosen on the ${days} days before the cutoff (${n} of ${of} tuning customers; nDCG@${k}: ${tried}; ${seconds} s); ${items} most popular products modelled`,
      ko: `기준일 전 ${days}일로 고른 λ = ${lambda}(조정용 고객 ${of}명 중 ${n}명; nDCG@${k}: ${tried}; ${seconds}초); 가장 인기 있는 상품 ${items}개를 모델링`,
    }),
  },
  {
    id: 'tifu-knn',
    en: re(`k = (\\d+) neighbours, group size m = (\\d+), r_b = ${X}, r_g = ${X}, α = ${X}: chosen among (\\d+) settings \\(k ${X}, m ${X}, r_g ${X}, α ${X}\\) by nDCG@(\\d+) on the (\\d+) days before the cutoff \\(${N} of ${N} validation customers; best three (.*); ${X} s\\)`),
    say: ([k, m, rb, rg, alpha, settings, ks, ms, rgs, alphas, kMax, days, n, of, best, seconds]) => ({
      en: `k = ${k} neighbours, group size m = ${m}, decay within a group rb = ${rb}, across groups rg = ${rg}, own-history weight α = ${alpha}: chosen among ${settings} settings (k ${ks}, m ${ms}, rg ${rgs}, α ${alphas}) by nDCG@${kMax} on the ${days} days before the cutoff (${n} of ${of} tuning customers; best three ${best}; ${seconds} s)`,
      ko: `이웃 k = ${k}, 그룹 크기 m = ${m}, 그룹 안 감쇠 rb = ${rb}, 그룹 간 감쇠 rg = ${rg}, 본인 이력 가중치 α = ${alpha}: 설정 ${settings}개(k ${ks}, m ${ms}, rg ${rgs}, α ${alphas}) 중 기준일 전 ${days}일의 nDCG@${kMax}로 고름(조정용 고객 ${of}명 중 ${n}명; 상위 3개 ${best}; ${seconds}초)`,
    }),
  },
  // Why a model was skipped (core/jobs/recommend/training-segments.ts).
  {
    id: 'skipped.notSegmentation',
    en: re('run (\\d+) is not a finished (.+) run \\(the harness refits that method on the training period\\)'),
    say: ([run, methods]) => ({
      en: `run ${run} is not a finished ${methods} run (the evaluation fits that method again on the training period)`,
      ko: `실행 ${run}은(는) 끝난 ${orKo(methods)} 실행이 아닙니다(평가는 그 방법을 학습 기간에 다시 적합합니다)`,
    }),
  },
  {
    id: 'skipped.fewCustomers',
    en: re('only (\\d+) customers bought before the cutoff: too few to segment'),
    say: ([n]) => ({ en: `only ${n} customers bought before the cutoff: too few to segment`, ko: `기준일 전에 구매한 고객이 ${n}명뿐이라 세그먼트를 나누기에 너무 적습니다` }),
  },
  {
    id: 'skipped.noCategories',
    en: re('(\\S+) needs product categories; this data has none'),
    say: ([method]) => ({ en: `${method} needs product categories; this data has none`, ko: `${method}에는 상품 카테고리가 필요하지만 이 데이터에는 없습니다` }),
  },
  {
    id: 'skipped.features',
    en: re('kmeans features (.+) unknown'),
    say: ([features]) => ({ en: `kmeans features ${features} unknown`, ko: `알 수 없는 kmeans 특성: ${features}` }),
  },
  // core's verdict when no model was scored (the page words the others itself).
  { id: 'verdict.none', en: re('no model was evaluated\\.'), say: () => ({ en: 'no model was evaluated.', ko: '평가된 모델이 없습니다.' }) },
];
