/**
 * The contract of the coupon-sensitivity analysis `coupon-sensitivity` (issue #11; seed 004 §4):
 * what `run coupon-sensitivity --json` prints and the run stores, and what the Coupons page reads.
 * Fields marked "contract" are read by checks outside the project.
 */

export const COUPON_METHODS = ['kmeans', 'dtw'] as const;
export type CouponMethod = (typeof COUPON_METHODS)[number];

/** The plain verdict when use does not rise with the discount (issue #11: "says so plainly"). */
export const COUPON_FLAT_VERDICT = 'coupon use does not rise with the discount in these data';

/**
 * One coupon offer: a date range (fromDay..toDay inclusive, days since 1970-01-01 UTC) or a month
 * (year null: that month of every year), for one top-level product category. The coupons table
 * stores it (with its id and import), the import reads it, the analysis matches lines to it.
 */
export interface CouponOffer {
  fromDay: number | null;
  toDay: number | null;
  year: number | null;
  /** 1–12, or null for a date-range offer. */
  month: number | null;
  category: string;
  code: string | null;
  /** A percentage: 10 means 10 % off. */
  discount: number;
}

/** One cluster of customers with similar coupon-use profiles. */
export interface CouponCluster {
  /** Cluster number, 0..k−1 (the order of the clustering, renumbered by ascending slope). */
  id: number;
  /** Customers in the cluster (contract). */
  size: number;
  /** Mean over its customers of their overall use rate, used ÷ offered lines (contract). */
  meanUseRate: number;
  /** Mean use rate at each discount level of `levels` (contract). */
  useRateByLevel: number[];
  /** Percentile bootstrap interval of each level's mean use rate (the slope's resamples). */
  useRateLow: number[];
  useRateHigh: number[];
  /** Mean click rate (clicked ÷ offered) at each level: clicked counts as not used. */
  clickRateByLevel: number[];
  /** Mean use rate in each month of `months` over the customers offered a coupon that month (null: none). */
  useRateByMonth: (number | null)[];
  /** OLS slope of the customers' use rates on the discount, per percentage point (contract). */
  slope: number;
  /** Percentile bootstrap interval of the slope over customers (contract). */
  slopeLow: number;
  slopeHigh: number;
  /** slopeLow > 0 and use rises with the discount overall (contract). */
  sensitive: boolean;
}

/** Share of sensitive customers in one segment of the chosen segmentation run. */
export interface CouponSegmentShare {
  segment: number;
  name: string;
  /** Customers of the segment that were clustered (enough offers at every level). */
  customers: number;
  /** Of those, customers in a sensitive cluster. */
  sensitive: number;
  /** sensitive ÷ customers (null when the segment has no clustered customer). */
  share: number | null;
}

/** Summary of a `coupon-sensitivity` run (contract: runId, customers, levels, clusters, risesWithDiscount). */
export interface CouponSummary {
  runId: number;
  method: CouponMethod;
  k: number;
  minOffers: number;
  /** Customers clustered: at least `minOffers` offered lines with a known status at every level (contract). */
  customers: number;
  /** Customers with at least one offered line, clustered or not. */
  customersWithOffers: number;
  /** Customers left out of the clustering for too few offered lines at some level. */
  excludedCustomers: number;
  /** The discount levels found among the offered lines, percent, ascending (contract). */
  levels: number[];
  /** Months (YYYY-MM) with offered lines, ascending. */
  months: string[];
  /** Lines of the clustered and excluded customers: offered with a known status. */
  offeredLines: number;
  /** Lines with a coupon status but no offer that applies to them (not counted). */
  unmatchedLines: number;
  /** Lines two or more offers apply to (the largest discount counts). */
  overlappingLines: number;
  clusters: CouponCluster[];
  /** Slope over every clustered customer, with its bootstrap interval. */
  slope: number;
  slopeLow: number;
  slopeHigh: number;
  /** True only when the overall slope's interval is above 0 (contract). */
  risesWithDiscount: boolean;
  /** One sentence: what the data say (COUPON_FLAT_VERDICT when use does not rise). */
  verdict: string;
  /** The bootstrap's resamples and level (e.g. 1000, 0.95). */
  bootstrap: number;
  confidence: number;
  segmentRun: number | null;
  /** Per segment of `segmentRun`: the share of sensitive customers. */
  segments: CouponSegmentShare[];
  seconds: number;
}
