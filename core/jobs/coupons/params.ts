import { z } from 'zod';
import { COUPON_DEFAULTS } from '../../analysis/coupons/index.js';
import { COUPON_METHODS } from '../../model/coupons.js';
import { intParam, numberParam } from '../segment/params.js';
import type { ParamInfo } from '../types.js';

/** Parameters of `run coupon-sensitivity` (issue #11 contract: k, segmentRun; names and defaults). */
export const couponParams = z
  .object({
    k: intParam(2, 20).default(COUPON_DEFAULTS.k),
    method: z.enum(COUPON_METHODS).default(COUPON_DEFAULTS.method),
    minOffers: intParam(1, 1e6).default(COUPON_DEFAULTS.minOffers),
    bootstrap: intParam(100, 100_000).default(COUPON_DEFAULTS.bootstrap),
    confidence: numberParam(0.5, 0.999).default(COUPON_DEFAULTS.confidence),
    nInit: intParam(1, 100).default(COUPON_DEFAULTS.nInit),
    window: intParam(0, 120).default(COUPON_DEFAULTS.window),
    seed: intParam(0, 2 ** 31 - 1).default(COUPON_DEFAULTS.seed),
    segmentRun: intParam(1, 2 ** 31 - 1).optional(),
  })
  .strict();

export type CouponParams = z.output<typeof couponParams>;

export const couponParamInfo: ParamInfo[] = [
  { name: 'k', type: 'integer', default: COUPON_DEFAULTS.k, help: 'Clusters of customers by their coupon-use profile (seed 004: 2).' },
  { name: 'method', type: COUPON_METHODS.join('|'), default: COUPON_DEFAULTS.method, help: 'kmeans on the use rates by discount level, or dtw: DTW distances of the monthly use-rate series with PAM k-medoids (at most 5,000 customers).' },
  { name: 'minOffers', type: 'integer', default: COUPON_DEFAULTS.minOffers, help: 'Offered lines a customer needs at every discount level to be clustered; the others are counted and left out.' },
  { name: 'bootstrap', type: 'integer', default: COUPON_DEFAULTS.bootstrap, help: 'Bootstrap resamples (over customers) of the slope intervals.' },
  { name: 'confidence', type: 'number', default: COUPON_DEFAULTS.confidence, help: 'Level of the slope intervals.' },
  { name: 'nInit', type: 'integer', default: COUPON_DEFAULTS.nInit, help: 'kmeans: k-means++ starts; the lowest inertia wins.' },
  { name: 'window', type: 'integer', default: COUPON_DEFAULTS.window, help: 'dtw: Sakoe–Chiba band in months.' },
  { name: 'seed', type: 'integer', default: COUPON_DEFAULTS.seed, help: 'Random seed: same seed and data, same result.' },
  { name: 'segmentRun', type: 'run id', default: null, help: 'Report the share of sensitive customers per segment of this segmentation run.' },
];
