/**
 * The contract of the marketing-response analysis `marketing-response` (issue #11): what
 * `run marketing-response --json` prints and the run stores, and what the Marketing page reads.
 * Contract fields (read by checks outside the project): runId, customers, channels, segments[]
 * with name, customers, onlineResponse (mean), offlineTier; seconds.
 */

/** Offline spend tiers, cheapest first (seed 004: 하 / 중 / 상). */
export const OFFLINE_TIERS = ['low', 'mid', 'high'] as const;
export type OfflineTier = (typeof OFFLINE_TIERS)[number];

/** A distribution of a 0–1 measure: moments, quartiles and a 10-bin histogram on [0, 1]. */
export interface Distribution {
  n: number;
  mean: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  /** Counts in [0, 0.1), [0.1, 0.2), …, [0.9, 1] (the last bin closed). */
  histogram: number[];
}

/** One coefficient of the distributed-lag regression: spend of `channel` `lag` days before the sales day. */
export interface LagCoefficient {
  /** 'intercept', or a channel name. */
  term: string;
  channel: string | null;
  lag: number | null;
  /** null when the column was aliased (collinear with earlier ones) and dropped, as R's lm does. */
  estimate: number | null;
  /** Newey–West (HAC) standard error. */
  se: number | null;
  /** 95% interval, estimate ± z₀.₉₇₅ · se (asymptotic normal, as HAC inference is). */
  low: number | null;
  high: number | null;
  /** Two-sided p-value of estimate = 0 against the normal. */
  p: number | null;
}

/** The daily regression of one segment's sales on the channels' spend at lags 0..maxLag. */
export interface LagRegression {
  /** Days in the fit (the overlap of spend and purchase days that has every lag's spend). */
  days: number;
  firstDay: string | null;
  lastDay: string | null;
  /** Columns of the design, intercept included, and how many were aliased. */
  terms: number;
  aliased: number;
  /** Bartlett-kernel truncation lag of the Newey–West estimator. */
  hacLag: number;
  r2: number | null;
  adjR2: number | null;
  meanSales: number;
  coefficients: LagCoefficient[];
  /** Why no fit was made (too few days), else null. */
  note: string | null;
}

/** One segment of the chosen segmentation (or 'all'): its response distributions and regression. */
export interface MarketingSegment {
  /** Segment id, or null for the whole customer base. */
  segment: number | null;
  /** Contract: the segment's name ('all' without a segmentation). */
  name: string;
  /** Contract: customers of the segment with a purchase in the period. */
  customers: number;
  /** Contract: mean scaled online response (null without an online channel or customers). */
  onlineResponse: number | null;
  online: Distribution;
  /** Contract: the tier where most of the segment's customers respond (null without an offline channel). */
  offlineTier: OfflineTier | null;
  /** Customers per responding tier, and those who respond to none (no positive amount on any tier day). */
  tierCounts: Record<OfflineTier | 'none', number>;
  /** Mean over the segment's customers of the amount per tier occurrence. */
  meanAmountPerTier: Record<OfflineTier, number>;
  regression: LagRegression;
}

/** Summary of a `marketing-response` run. */
export interface MarketingSummary {
  runId: number;
  /** Contract: customers measured (a purchase on a spend day in the period). */
  customers: number;
  /** Contract: the channel names of the marketing import, as its header wrote them. */
  channels: string[];
  onlineChannel: string | null;
  offlineChannel: string | null;
  /** Channels in the regression. */
  regressionChannels: string[];
  maxLag: number;
  /** Offline tier bounds [b1, b2]: low < b1 ≤ mid < b2 ≤ high; and whether they are the default terciles. */
  tierBounds: [number, number] | null;
  tierBoundsDefault: boolean;
  /** Days of each offline tier in the spend file's period. */
  tierDays: Record<OfflineTier, number>;
  /** Distinct offline spend levels (up to 50, ascending) for the page's bound editor. */
  offlineLevels: number[];
  /** Spend file period and the measured period (overlap of spend days and purchase days). */
  spendFirstDay: string;
  spendLastDay: string;
  periodFirstDay: string | null;
  periodLastDay: string | null;
  /** Customers with purchases only outside the period (not measured). */
  customersOutside: number;
  segmentRun: number | null;
  /** Contract: the parts, in segment order (customers no segment holds are left out). */
  segments: MarketingSegment[];
  notes: string[];
  seconds: number;
}
