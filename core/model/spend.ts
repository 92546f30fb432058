/**
 * The contract of seed 001's spend prediction `spend-model` (issue #13, SPEC §3.4): what
 * `run spend-model --json` prints and the run stores, and what the Value page and the campaign
 * builder read. Contract fields: runId, models[] with id and metrics{train,valid,test}{rmsle,rmse,mae},
 * verdict, seconds.
 */

/** Model families a run may fit (`--param models=`); `baseline` fits both baselines below. */
export const SPEND_MODEL_FAMILIES = ['baseline', 'gbdt', 'tabnet'] as const;
export type SpendModelFamily = (typeof SPEND_MODEL_FAMILIES)[number];

/** Ids of the fitted models as they appear in `models[]`. */
export const SPEND_MODEL_IDS = ['baseline-pair-mean', 'baseline-product-median', 'gbdt', 'tabnet'] as const;
export type SpendModelId = (typeof SPEND_MODEL_IDS)[number];

/** The time splits of the seed (train, then validation, then test periods). */
export const SPEND_SPLITS = ['train', 'valid', 'test'] as const;
export type SpendSplit = (typeof SPEND_SPLITS)[number];

/** Errors of one model on one split; amounts in the project's currency. */
export interface SpendMetrics {
  /** sqrt(mean((log1p(ŷ) − log1p(y))²)). */
  rmsle: number;
  rmse: number;
  mae: number;
  /** Lines scored. */
  lines: number;
}

/** How much one feature matters: permutation (RMSLE increase on the validation split) or TabNet's mask share. */
export interface SpendImportance {
  feature: string;
  value: number;
}

export interface SpendModelResult {
  id: SpendModelId;
  metrics: Record<SpendSplit, SpendMetrics>;
  /** Permutation importance on the validation split, largest first (empty for baselines without features). */
  importance: SpendImportance[];
  /** TabNet only: mean share of each feature in the attention masks on the validation split (sums to 1). */
  maskImportance?: SpendImportance[];
  /** Fit time of this model. */
  seconds: number;
}

/** One split's period and size. Days are YYYY-MM-DD, inclusive. */
export interface SpendPeriod {
  from: string;
  to: string;
  lines: number;
}

/**
 * Which model wins on the test split: the lowest RMSLE, and its paired difference to the runner-up
 * with a 95 % interval (bootstrap over customers, as recommend-eval). `tie` when the interval
 * contains 0: the text then says the two tie.
 */
export interface SpendVerdict {
  winner: SpendModelId;
  runnerUp: SpendModelId | null;
  /** winner RMSLE − runner-up RMSLE on test (negative: winner better), with its 95 % interval. */
  difference: { mean: number; lower: number; upper: number } | null;
  tie: boolean;
  /** One sentence in English for the CLI; the UI builds its own from the fields. */
  text: string;
}

/** Summary of a `spend-model` run (what `run spend-model --json` prints). */
export interface SpendSummary {
  runId: number;
  models: SpendModelResult[];
  verdict: SpendVerdict;
  /** Feature names in matrix order (those the data has: e.g. no gender without customer attributes). */
  features: string[];
  periods: Record<SpendSplit, SpendPeriod>;
  /** Lines left out of training by `trainDays` / `maxTrainLines` (seeded sample), 0 when none. */
  trainLinesDropped: number;
  seconds: number;
}

/** One customer's expected spend on one product (Value page lookup; campaign column `expectedSpend`). */
export interface SpendPrediction {
  customer: string;
  product: string;
  expectedSpend: number;
  /** The features behind this prediction, largest contribution first (up to 5). */
  top: { feature: string; value: number; contribution: number }[];
}

/**
 * The spend model's input (issue #13): purchase lines in day order as typed columns, read by
 * core/data/store/queries/spend-lines.ts and fitted by core/analysis/spend. Categorical columns are
 * codes into their levels (−1 missing), hour is NaN when missing; a column the data never fills is
 * null.
 */
export interface SpendLines {
  customer: Int32Array;
  product: Int32Array;
  /** Days since 1970-01-01 (UTC), non-decreasing. */
  day: Int32Array;
  quantity: Float64Array;
  /** Positive amounts (the target). */
  amount: Float64Array;
  hour: Float64Array | null;
  /** 1 offline, 2 online (the canonical receipts.channel), −1 unknown. */
  channel: Int32Array | null;
  /** Retailer / partner (the seed's deal_type) as a code into retailerLevels. */
  retailer: Int32Array | null;
  retailerLevels: string[];
  customerCodes: string[];
  productCodes: string[];
  /** Per customer (dense index): gender, age band, region codes. */
  attributes: { gender: Int32Array; genderLevels: string[]; ageBand: Int32Array; ageBandLevels: string[]; region: Int32Array; regionLevels: string[] } | null;
  /** L.pay payments (canonical `payments`) in day order: customer (dense index) and day; null when the data has none. */
  lpay: { customer: Int32Array; day: Int32Array } | null;
}
