import { COUPON_FLAT_VERDICT, type CouponCluster, type CouponMethod } from '../../model/coupons.js';
import { clusterProfiles } from './cluster.js';
import { couponProfiles, eligibleRows, monthlySeries, overallRates, rateMatrix, type CouponLines, type CouponProfiles } from './profiles.js';
import { bootstrapSlope } from './slope.js';

export interface CouponOptions {
  /** Clusters (seed 004: 2, "sensitive" and "not"). */
  k?: number;
  method?: CouponMethod;
  /**
   * Fewest offered lines a customer needs at every discount level to be clustered: a rate from
   * one or two offers is 0 or 1 by chance, and k-means would group customers by that noise.
   */
  minOffers?: number;
  /** Bootstrap resamples of the slope intervals. */
  bootstrap?: number;
  /** Level of the slope intervals. */
  confidence?: number;
  /** kmeans: k-means++ starts. */
  nInit?: number;
  /** dtw: Sakoe–Chiba band in months (widened to the length difference of two series). */
  window?: number;
  seed?: number;
}

/** Defaults: k = 2 as seed 004; 1,000 resamples and 95 % as the usual percentile bootstrap. */
export const COUPON_DEFAULTS: Required<CouponOptions> = { k: 2, method: 'kmeans', minOffers: 3, bootstrap: 1000, confidence: 0.95, nInit: 10, window: 1, seed: 0 };

/** A cluster as the analysis returns it: the contract's CouponCluster before the job numbers it. */
export type CouponClusterResult = Omit<CouponCluster, 'id'>;

export interface CouponResult {
  profiles: CouponProfiles;
  /** Profile rows clustered (enough offers at every level), ascending. */
  rows: Int32Array;
  /** Cluster of each profile row, −1 for the rows left out. */
  cluster: Int32Array;
  clusters: CouponClusterResult[];
  slope: number;
  slopeLow: number;
  slopeHigh: number;
  risesWithDiscount: boolean;
  verdict: string;
}

/** Too few customers with enough offers to cluster: a refusal the job words for the user. */
export class TooFewProfilesError extends Error {
  constructor(readonly eligible: number, readonly k: number, readonly minOffers: number, readonly withOffers: number) {
    super(`only ${eligible} of ${withOffers} customers with coupon offers have at least ${minOffers} offered lines at every discount level; k = ${k} needs at least ${k} (lower minOffers or k)`);
    this.name = 'TooFewProfilesError';
  }
}

function check(o: Required<CouponOptions>): void {
  if (!(Number.isInteger(o.k) && o.k >= 2)) throw new RangeError(`k must be an integer ≥ 2, got ${o.k}`);
  if (!(Number.isInteger(o.minOffers) && o.minOffers >= 1)) throw new RangeError(`minOffers must be a positive integer, got ${o.minOffers}`);
  if (!(Number.isInteger(o.nInit) && o.nInit >= 1)) throw new RangeError(`nInit must be a positive integer, got ${o.nInit}`);
  if (!(Number.isFinite(o.window) && o.window >= 0)) throw new RangeError(`window must be a finite number ≥ 0, got ${o.window}`);
}

/**
 * Coupon sensitivity (issue #11; seed 004 §4): per customer the use rate at each discount level
 * (used ÷ offered lines; clicked is not used), the customers with `minOffers` offers at every
 * level clustered on those profiles (clusterProfiles), and each cluster described by its size,
 * mean rates and the slope of use on the discount with a bootstrap interval over its customers.
 * A cluster is sensitive when its interval lies above 0 — and only when the slope over all
 * clustered customers does too: k-means always returns k groups, and in data where use does not
 * rise the groups split noise, so then the verdict says so plainly and no cluster is sensitive.
 */
export function couponSensitivity(lines: CouponLines, options: CouponOptions = {}, progress?: (phase: string, done: number, total: number) => void): CouponResult {
  const o = { ...COUPON_DEFAULTS, ...options };
  check(o);
  const profiles = couponProfiles(lines);
  const { levels } = profiles;
  if (levels.length < 2) throw new RangeError(`coupon sensitivity needs at least 2 discount levels among the offered lines, got ${levels.length}${levels.length ? ` (${levels[0]} %)` : ''}`);
  const rows = eligibleRows(profiles, o.minOffers);
  if (rows.length < o.k) throw new TooFewProfilesError(rows.length, o.k, o.minOffers, profiles.customers.length);
  const L = levels.length;
  const rates = rateMatrix(profiles, rows);
  const clicks = rateMatrix(profiles, rows, 'clicked');
  const overall = overallRates(profiles, rows);
  const series = monthlySeries(profiles, rows);
  progress?.('cluster', 0, rows.length);
  const labels = clusterProfiles(rates, series, L, o, (i, n) => progress?.('dtw', i, n));
  const all = Int32Array.from(rows, (_, i) => i);
  const total = bootstrapSlope(rates, all, levels, o.bootstrap, o.confidence, o.seed);
  const rises = total.low > 0;
  const members: number[][] = Array.from({ length: o.k }, () => []);
  labels.forEach((c, i) => members[c].push(i));
  const M = profiles.months.length;
  const described = members.map((list, c): CouponClusterResult => {
    progress?.('bootstrap', c, o.k);
    const idx = Int32Array.from(list);
    const mean = (f: (i: number) => number) => list.reduce((s, i) => s + f(i), 0) / list.length;
    const byMonth = Array.from({ length: M }, (_, m) => {
      let s = 0, count = 0;
      for (const i of list) {
        const a = rows[i] * M + m;
        if (profiles.monthOffered[a] === 0) continue;
        s += profiles.monthUsed[a] / profiles.monthOffered[a];
        count++;
      }
      return count > 0 ? s / count : null;
    });
    const b = bootstrapSlope(rates, idx, levels, o.bootstrap, o.confidence, o.seed + 1 + c);
    return {
      size: list.length, meanUseRate: mean((i) => overall[i]),
      useRateByLevel: levels.map((_, l) => mean((i) => rates[i * L + l])),
      useRateLow: b.levelLow, useRateHigh: b.levelHigh,
      clickRateByLevel: levels.map((_, l) => mean((i) => clicks[i * L + l])),
      useRateByMonth: byMonth, slope: b.slope, slopeLow: b.low, slopeHigh: b.high, sensitive: rises && b.low > 0,
    };
  });
  // Clusters by ascending slope (ties: the clustering's order), so "the sensitive one" comes last whatever the start.
  const order = described.map((_, c) => c).sort((a, b) => described[a].slope - described[b].slope || a - b);
  const renumber = new Int32Array(o.k);
  order.forEach((c, r) => (renumber[c] = r));
  const cluster = new Int32Array(profiles.customers.length).fill(-1);
  rows.forEach((r, i) => (cluster[r] = renumber[labels[i]]));
  const pct = (v: number) => `${(v * 1000).toFixed(1)}`;
  const verdict = rises
    ? `coupon use rises with the discount: ${pct(total.slope)} percentage points of use rate per 10 points of discount (${Math.round(o.confidence * 100)} % interval ${pct(total.low)} to ${pct(total.high)})`
    : COUPON_FLAT_VERDICT;
  return { profiles, rows, cluster, clusters: order.map((c) => described[c]), slope: total.slope, slopeLow: total.low, slopeHigh: total.high, risesWithDiscount: rises, verdict };
}
