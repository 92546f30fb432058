import type { z } from 'zod';
import { FORECAST_BY, FORECAST_DEFAULTS, FORECAST_GRAINS, FORECAST_MEASURES, FORECAST_MODELS } from '../../model/forecast.js';
import { choice, choiceList, defineParams, int, runId } from '../param-spec.js';

/** Parameters of `run forecast` (issue #12 contract: names and defaults). */
export const { schema: forecastParams, info: forecastParamInfo } = defineParams({
  by: choice(FORECAST_BY, {
    default: 'total',
    label: { en: 'Series to forecast', ko: '예측할 시계열' },
    help: { en: 'One series for all the data, or one per segment (needs segmentRun), per retailer or per top-level category.', ko: '전체 데이터 하나, 또는 세그먼트별(segmentRun 필요), 매장별, 대분류별로 하나씩.' },
  }),
  segmentRun: runId({
    label: { en: 'Segmentation (by segment)', ko: '세그먼테이션(세그먼트별)' },
    help: { en: 'With by = segment: the segmentation run whose segments are forecast.', ko: 'by = segment일 때: 세그먼트별로 예측할 세그먼테이션 실행.' },
  }),
  measure: choice(FORECAST_MEASURES, {
    default: 'amount',
    label: { en: 'What is forecast', ko: '예측할 값' },
    help: { en: 'Net sales amount, purchase receipts, distinct customers or net quantity per period.', ko: '기간별 순매출액, 구매 영수증 수, 고객 수 또는 순수량.' },
  }),
  grain: choice(FORECAST_GRAINS, {
    default: 'day',
    label: { en: 'Period', ko: '기간 단위' },
    help: { en: 'Days, or Monday–Sunday weeks (partial first and last weeks left out).', ko: '일, 또는 월~일 주 단위(처음과 마지막의 불완전한 주는 제외).' },
  }),
  horizon: int({
    min: 7, max: 730, default: FORECAST_DEFAULTS.horizon, type: 'integer (days)',
    label: { en: 'Days ahead', ko: '예측 일수' },
    help: { en: 'Days ahead to forecast, and the length of each backtest fold (weeks: rounded up to whole weeks).', ko: '앞으로 예측할 일수이자 각 백테스트 구간의 길이(주 단위면 주로 올림).' },
  }),
  folds: int({
    min: 0, max: 10, default: FORECAST_DEFAULTS.folds,
    label: { en: 'Backtest folds', ko: '백테스트 횟수' },
    help: { en: 'Rolling-origin backtests of horizon days each; the model with the lowest mean scaled error (MASE) is chosen (0: no backtest).', ko: 'horizon 일씩 기준점을 옮겨 가며 하는 백테스트 횟수. 평균 척도 오차(MASE)가 가장 작은 모델을 고릅니다(0이면 백테스트 없음).' },
  }),
  models: choiceList(FORECAST_MODELS, {
    ordered: true, default: [...FORECAST_DEFAULTS.models], listed: FORECAST_DEFAULTS.models.join(','), type: FORECAST_MODELS.join(','),
    label: { en: 'Models', ko: '모델' },
    help: { en: 'Models to fit, comma-separated; snaive (same period last season) is the baseline the others are scored against.', ko: '적합할 모델, 쉼표로 구분. snaive(지난 계절의 같은 기간)가 다른 모델을 비교하는 기준입니다.' },
  }),
  holidays: choice(['project', 'none'], {
    default: 'project',
    label: { en: 'Holidays', ko: '공휴일' },
    help: { en: "Prophet's holidays: the project's list (the built-in Korean calendar until edited on the Forecast page) or none.", ko: 'Prophet이 쓸 공휴일: 프로젝트 목록(예측 화면에서 고치기 전에는 기본 한국 달력) 또는 none.' },
  }),
  maxSeries: int({
    min: 1, max: 200, default: 20,
    label: { en: 'Most series', ko: '최대 시계열 수' },
    help: { en: 'At most this many series (retailers, categories: the largest by the measure); the rest are listed in the notes.', ko: '최대 이만큼의 시계열(매장·카테고리는 값이 큰 순). 나머지는 메모에 적습니다.' },
  }),
  seed: int({
    min: 0, max: 2 ** 31 - 1, default: FORECAST_DEFAULTS.seed,
    label: { en: 'Random seed', ko: '난수 시드' },
    help: { en: 'Seed of the interval simulations: same seed and same data, same result.', ko: '예측 구간 시뮬레이션의 시드. 시드와 데이터가 같으면 결과도 같습니다.' },
  }),
});

export type ForecastParams = z.output<typeof forecastParams>;
