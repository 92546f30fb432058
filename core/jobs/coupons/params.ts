import type { z } from 'zod';
import { COUPON_DEFAULTS } from '../../analysis/coupons/index.js';
import { COUPON_METHODS } from '../../model/coupons.js';
import { choice, defineParams, int, number, runId } from '../param-spec.js';

/** Parameters of `run coupon-sensitivity` (issue #11 contract: k, segmentRun; names and defaults). */
export const { schema: couponParams, info: couponParamInfo } = defineParams({
  k: int({
    min: 2, max: 20, default: COUPON_DEFAULTS.k,
    label: { en: 'Number of customer groups', ko: '고객 그룹 수' },
    help: { en: 'Groups of customers with similar coupon use (2 in the original study).', ko: '쿠폰 사용이 비슷한 고객 그룹의 수(원래 분석은 2).' },
  }),
  method: choice(COUPON_METHODS, {
    default: COUPON_DEFAULTS.method,
    label: { en: 'Grouping method', ko: '그룹화 방법' },
    help: { en: 'kmeans on the use rates per discount level, or dtw: distances between the monthly use-rate series (dynamic time warping) with k-medoids (at most 5,000 customers).', ko: 'kmeans는 할인 수준별 사용률로, dtw는 월별 사용률 시계열 사이의 거리(동적 시간 왜곡)와 k-메도이드로 묶습니다(최대 고객 5,000명).' },
  }),
  minOffers: int({
    min: 1, max: 1e6, default: COUPON_DEFAULTS.minOffers,
    label: { en: 'Offers needed per discount level', ko: '할인 수준별 필요한 제안 수' },
    help: { en: 'Offered lines a customer needs at every discount level to be grouped; the others are counted and left out.', ko: '그룹에 넣으려면 할인 수준마다 고객이 받아야 하는 제안 건수. 나머지는 개수만 세고 제외합니다.' },
  }),
  bootstrap: int({
    min: 100, max: 100_000, default: COUPON_DEFAULTS.bootstrap,
    label: { en: 'Bootstrap resamples', ko: '부트스트랩 재표집 수' },
    help: { en: 'Resamples of the customers for the intervals of the slopes.', ko: '기울기 구간을 구할 때 고객을 다시 뽑는 횟수.' },
  }),
  confidence: number({
    min: 0.5, max: 0.999, default: COUPON_DEFAULTS.confidence,
    label: { en: 'Interval level', ko: '구간 신뢰 수준' },
    help: { en: 'Confidence level of the slope intervals (0.95: 95 %).', ko: '기울기 구간의 신뢰 수준(0.95는 95 %).' },
  }),
  nInit: int({
    min: 1, max: 100, default: COUPON_DEFAULTS.nInit,
    label: { en: 'Starts (kmeans)', ko: '시작 횟수(kmeans)' },
    help: { en: 'kmeans only: k-means++ starts; the one with the smallest within-group spread is kept.', ko: 'kmeans에서만: k-means++ 시작 횟수. 그룹 안의 퍼짐이 가장 작은 결과를 씁니다.' },
  }),
  window: int({
    min: 0, max: 120, default: COUPON_DEFAULTS.window,
    label: { en: 'Time shift allowed (dtw), months', ko: '허용 시간 이동(dtw), 개월' },
    help: { en: 'dtw only: how many months two series may be shifted against each other (Sakoe–Chiba band).', ko: 'dtw에서만: 두 시계열을 서로 몇 개월까지 밀어 맞출 수 있는지(Sakoe–Chiba 밴드).' },
  }),
  seed: int({
    min: 0, max: 2 ** 31 - 1, default: COUPON_DEFAULTS.seed,
    label: { en: 'Random seed', ko: '난수 시드' },
    help: { en: 'Same seed and same data, same result.', ko: '시드와 데이터가 같으면 결과도 같습니다.' },
  }),
  segmentRun: runId({
    label: { en: 'Segmentation to break down by', ko: '나눠 볼 세그먼테이션' },
    help: { en: 'Report the share of coupon-sensitive customers in each segment of this segmentation run.', ko: '이 세그먼테이션 실행의 세그먼트마다 쿠폰에 민감한 고객 비율을 보여 줍니다.' },
  }),
});

export type CouponParams = z.output<typeof couponParams>;
