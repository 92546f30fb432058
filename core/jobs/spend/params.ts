import type { z } from 'zod';
import { SPEND_DEFAULTS } from '../../analysis/spend/index.js';
import { SPEND_MODEL_FAMILIES } from '../../model/spend.js';
import { choiceList, defineParams, int } from '../param-spec.js';

/** Parameters of `run spend-model` (issue #13 contract: validDays, testDays, models). */
export const spendParamSpec = defineParams({
  validDays: int({
    min: 1, max: 366, default: SPEND_DEFAULTS.validDays,
    label: { en: 'Validation days', ko: '검증 기간(일)' },
    help: { en: 'Days before the test period used to check the models and measure feature importance.', ko: '테스트 기간 바로 앞의 일수. 모델 점검과 변수 중요도 계산에 씁니다.' },
  }),
  testDays: int({
    min: 1, max: 366, default: SPEND_DEFAULTS.testDays,
    label: { en: 'Test days', ko: '테스트 기간(일)' },
    help: { en: 'The last days of the data; the verdict compares the models on them.', ko: '데이터의 마지막 일수. 모델 비교 결론은 이 기간으로 냅니다.' },
  }),
  trainDays: int({
    min: 1, max: 3660, default: SPEND_DEFAULTS.trainDays,
    label: { en: 'Training days', ko: '학습 기간(일)' },
    help: { en: 'Days before the validation period the models learn from (the original price-model study trained on one month); history features still use every earlier day.', ko: '검증 기간 앞에서 모델이 학습하는 일수(원래 가격 예측 분석은 한 달). 이력 변수는 그 이전의 모든 날을 씁니다.' },
  }),
  maxTrainLines: int({
    min: 1000, max: 5_000_000, default: SPEND_DEFAULTS.maxTrainLines,
    label: { en: 'Most training lines', ko: '최대 학습 행 수' },
    help: { en: 'Training lines beyond this many are left out by a seeded sample (the summary counts them), to bound the fit time.', ko: '학습 행이 이보다 많으면 고정 시드 표본으로 줄입니다(요약에 뺀 수를 적습니다). 학습 시간을 제한합니다.' },
  }),
  models: choiceList(SPEND_MODEL_FAMILIES, {
    default: [...SPEND_DEFAULTS.models], ordered: true,
    label: { en: 'Models', ko: '모델' },
    help: { en: 'Families to fit: baseline (pair mean and product median), gbdt (boosted trees), tabnet. The default leaves tabnet out: on the full demo (4.3M lines) its fit alone takes about 4 min on an idle 2-core machine, where the whole baseline,gbdt run needs about 36 s of CPU.', ko: '학습할 모델: baseline(고객×상품 평균, 상품 중앙값), gbdt(부스팅 트리), tabnet. 기본값에는 tabnet이 빠져 있습니다. 전체 데모(430만 행)에서 tabnet 학습만 유휴 2코어 기준 약 4분이 걸리고, baseline,gbdt 실행 전체는 CPU 약 36초가 듭니다.' },
  }),
  seed: int({
    min: 0, max: 2 ** 31 - 1, default: SPEND_DEFAULTS.seed,
    label: { en: 'Random seed', ko: '난수 시드' },
    help: { en: 'Same seed and same data, same result (training sample, models, importance, bootstrap).', ko: '시드와 데이터가 같으면 결과도 같습니다(학습 표본, 모델, 중요도, 부트스트랩).' },
  }),
});

export const spendParams = spendParamSpec.schema;
export const spendParamInfo = spendParamSpec.info;
export type SpendParams = z.output<typeof spendParams>;
