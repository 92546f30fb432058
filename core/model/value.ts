/**
 * The contract of the customer-lifetime-value analysis `clv` (issue #13): what `run clv --json`
 * prints and the run stores, and what the Value page reads. Contract fields: runId,
 * bgnbd{r,alpha,a,b,logLik}, gammaGamma{p,q,gamma}, customers, seconds; the export header
 * CLV_HEADER.
 */

export const CLV_TIME_UNITS = ['day', 'week'] as const;
export type ClvTimeUnit = (typeof CLV_TIME_UNITS)[number];

/** `export --what clv` header (contract). */
export const CLV_HEADER = ['customer', 'frequency', 'recency', 'T', 'monetary', 'p_alive', 'expected_purchases', 'expected_value'] as const;

/** One row of the calibration/holdout check: customers with that many calibration repeat purchases. */
export interface ClvCheckRow {
  /** '0' … '6', or '7+'. */
  frequency: string;
  customers: number;
  /** Mean actual repeat purchases in the holdout. */
  actual: number;
  /** Mean BG/NBD expected purchases in the holdout. */
  predicted: number;
}

export interface ClvCheck {
  /** Holdout length in the time unit. */
  length: number;
  rows: ClvCheckRow[];
  actualTotal: number;
  predictedTotal: number;
  /** Mean absolute error of the per-customer holdout predictions. */
  mae: number;
}

/** Summary of a `clv` run. */
export interface ClvSummary {
  runId: number;
  /** BG/NBD fit on the calibration period (rates in the time unit). */
  bgnbd: { r: number; alpha: number; a: number; b: number; logLik: number; converged: boolean; iterations: number };
  /** Gamma-Gamma fit on the calibration customers with repeat purchases (`customers` of them). */
  gammaGamma: { p: number; q: number; gamma: number; logLik: number; converged: boolean; iterations: number; customers: number };
  /** Customers with predictions (every customer with a purchase day). */
  customers: number;
  /** Customers in the BG/NBD fit (first purchase on or before calibrationEnd). */
  calibrationCustomers: number;
  timeUnit: ClvTimeUnit;
  /** YYYY-MM-DD: last day of the calibration period; firstDay/lastDay of the purchases. */
  calibrationEnd: string;
  firstDay: string;
  lastDay: string;
  horizonDays: number;
  monthlyDiscount: number;
  /** Null when nothing was held out (calibrationEnd on or after the last day). */
  check: ClvCheck | null;
  /** Sums over the customers: expected purchases and discounted value over the horizon. */
  expectedPurchases: number;
  expectedValue: number;
  seconds: number;
}

/** One customer's values, as the export and the page's lookup show them. */
export interface ClvCustomerRow {
  customer: string;
  frequency: number;
  recency: number;
  T: number;
  monetary: number;
  pAlive: number;
  expectedPurchases: number;
  expectedValue: number;
}

/** Five-number summary (min, Q1, median, Q3, max) and mean. */
export interface ClvStats {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** CLV and P(alive) of one group of customers: everyone, or one segment of a segmentation run. */
export interface ClvGroup {
  /** Segment id, or null for everyone. */
  segment: number | null;
  name: string;
  customers: number;
  value: ClvStats;
  totalValue: number;
  pAlive: ClvStats;
  /** Customers per P(alive) decile [0, 0.1), …, [0.9, 1]. */
  pAliveHistogram: number[];
  /** Share of the group with P(alive) < 0.5. */
  atRiskShare: number;
  /** Mean expected purchases over the run's horizon (the Segments page's profile column, issue #13). */
  meanExpectedPurchases: number;
}

/** A clv run as the Value page shows it. */
export interface ClvView {
  summary: ClvSummary;
  /** Everyone first, then the segments of `segmentRun` when given. */
  groups: ClvGroup[];
  /** The customers of highest expected value (up to 20). */
  top: ClvCustomerRow[];
  /** The looked-up customer, null when not asked or not found. */
  customer: ClvCustomerRow | null;
}

/** One measure of two segments compared (Compare page with a clv run): means, Mann–Whitney U, Holm-adjusted p. */
export interface ClvComparisonRow {
  name: 'clv' | 'p_alive' | 'expected_purchases';
  customersA: number;
  customersB: number;
  meanA: number;
  meanB: number;
  u: number;
  pValue: number;
  pAdjusted: number;
  effect: number;
}
