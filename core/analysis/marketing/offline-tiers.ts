import { quantileSorted } from './describe.js';
import type { CustomerDays, DayLookup } from './inputs.js';

/** Tier index: 0 low, 1 mid, 2 high (OFFLINE_TIERS order); −1 responds to none; −2 not measured. */
export const TIER_NONE = -1;
export const TIER_UNMEASURED = -2;

/**
 * Default tier bounds: the terciles (type-7 quantiles at 1/3 and 2/3) of the distinct offline
 * spend levels of the period. Seed 004 chose 하 500–1000 / 중 1500–3000 / 상 3500–5000 by eye on
 * ten weekly levels; terciles of the distinct levels are the rule that needs no eye (and the
 * page lets the analyst move them).
 */
export function tercileBounds(levels: ArrayLike<number>): [number, number] {
  if (levels.length === 0) throw new RangeError('tercileBounds needs at least one spend level, got 0');
  const sorted = Float64Array.from(levels).sort();
  return [quantileSorted(sorted, 1 / 3), quantileSorted(sorted, 2 / 3)];
}

/** Tier of a spend: low when spend < b1, high when spend ≥ b2, else mid (half-open [b1, b2)). */
export function tierOf(spend: number, bounds: readonly [number, number]): 0 | 1 | 2 {
  return spend < bounds[0] ? 0 : spend >= bounds[1] ? 2 : 1;
}

export interface OfflineResponse {
  bounds: [number, number];
  /** Spend days of each tier in the period. */
  tierDays: [number, number, number];
  /** Per customer and tier (i·3 + tier): net amount on that tier's days ÷ the tier's days; NaN when not measured. */
  perTier: Float64Array;
  /** Per customer: the tier with the largest amount per occurrence (ties to the cheaper tier), TIER_NONE when none is positive. */
  tier: Int8Array;
}

/**
 * Seed 004's offline response (오프라인 반응도): offline spend days are split into low / mid / high
 * tiers; for each customer, the purchase amount per tier occurrence
 *   a_i(T) = Σ_{d ∈ T} amount_i(d) / |{d ∈ period : tier(d) = T}|
 * and the responding tier argmax_T a_i(T). Ties go to the cheaper tier (the cheaper spend already
 * gets that response); a customer whose amounts are all ≤ 0 responds to none.
 */
export function offlineResponse(purchases: CustomerDays, lookup: DayLookup, offline: Float64Array, period: { first: number; last: number }, measured: Uint8Array, bounds: [number, number]): OfflineResponse {
  if (!(bounds[0] <= bounds[1])) throw new RangeError(`offlineTierBounds must be ascending (low bound ≤ high bound), got ${bounds.join(', ')}`);
  const tierDays: [number, number, number] = [0, 0, 0];
  for (let d = period.first; d <= period.last; d++) {
    const k = lookup.at(d);
    if (k >= 0 && !Number.isNaN(offline[k])) tierDays[tierOf(offline[k], bounds)]++;
  }
  const n = purchases.start.length - 1;
  const perTier = new Float64Array(n * 3).fill(NaN);
  const tier = new Int8Array(n).fill(TIER_UNMEASURED);
  for (let i = 0; i < n; i++) {
    if (!measured[i]) continue;
    const sum = [0, 0, 0];
    for (let j = purchases.start[i]; j < purchases.start[i + 1]; j++) {
      const d = purchases.day[j];
      if (d < period.first || d > period.last) continue;
      const k = lookup.at(d);
      if (k >= 0 && !Number.isNaN(offline[k])) sum[tierOf(offline[k], bounds)] += purchases.amount[j];
    }
    let best: number = TIER_NONE, bestValue = 0;
    for (let t = 0; t < 3; t++) {
      const a = tierDays[t] > 0 ? sum[t] / tierDays[t] : NaN;
      perTier[i * 3 + t] = a;
      if (a > bestValue) {
        best = t;
        bestValue = a;
      }
    }
    tier[i] = best;
  }
  return { bounds, tierDays, perTier, tier };
}
