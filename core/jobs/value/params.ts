import type { z } from 'zod';
import { CLV_DEFAULTS } from '../../analysis/value/index.js';
import { CLV_TIME_UNITS } from '../../model/value.js';
import { choice, date, defineParams, number } from '../param-spec.js';

/** Parameters of `run clv` (issue #13 contract: names). */
export const { schema: clvParams, info: clvParamInfo } = defineParams({
  calibrationEnd: date({
    calendar: true, type: 'YYYY-MM-DD',
    label: { en: 'Last day of the fitting period', ko: '적합 기간 마지막 날' },
    help: { en: 'The models are fitted on the days up to this one; the later days check them. Default: 75 % of the way through the data.', ko: '이날까지의 데이터로 모델을 적합하고, 이후 날짜로 검증합니다. 기본값은 데이터 기간의 75 % 지점.' },
  }),
  horizonDays: number({
    min: 1, max: 36_525, default: CLV_DEFAULTS.horizonDays,
    label: { en: 'Days ahead', ko: '예측 일수' },
    help: { en: 'Days ahead (from the last day of the data) for the expected purchases and value.', ko: '예상 구매 수와 가치를 계산할 기간(데이터 마지막 날부터의 일수).' },
  }),
  timeUnit: choice(CLV_TIME_UNITS, {
    default: CLV_DEFAULTS.timeUnit,
    label: { en: 'Time unit of the rates', ko: '구매율의 시간 단위' },
    help: { en: 'Time unit of the purchase-rate model (BG/NBD; the papers use weeks); the predictions do not depend on it.', ko: '구매율 모델(BG/NBD)의 시간 단위(논문은 주 단위). 예측값은 이에 따라 달라지지 않습니다.' },
  }),
  monthlyDiscount: number({
    min: 0, max: 1, default: CLV_DEFAULTS.monthlyDiscount,
    label: { en: 'Monthly discount rate', ko: '월 할인율' },
    help: { en: 'Discount rate per month applied to future value (0.01 ≈ 12.7 % a year).', ko: '미래 가치에 적용할 월 할인율(0.01 ≈ 연 12.7 %).' },
  }),
});

export type ClvParams = z.output<typeof clvParams>;
