import type { CustomerDays, DayLookup } from './inputs.js';

export interface OnlineResponse {
  /** Σ online spend on the customer's purchase days ÷ total online spend of the period; NaN when not measured. */
  share: Float64Array;
  /** The share min–max scaled over the measured customers to 0–1 (all 0 when every share is equal). */
  scaled: Float64Array;
  total: number;
}

/**
 * Seed 004's online response (온라인 반응도): for customer i with purchase days D_i in the period,
 *   share_i = Σ_{d ∈ D_i} online(d) / Σ_d online(d),   response_i = (share_i − min) / (max − min)
 * over the measured customers (`measured[i]` = 1). The seed assumed online marketing works within
 * the day, hence same-day spend. It is an association: a customer who buys on many days scores
 * high whatever the spend (the lag regression looks at the spend itself).
 */
export function onlineResponse(purchases: CustomerDays, lookup: DayLookup, online: Float64Array, period: { first: number; last: number }, measured: Uint8Array): OnlineResponse {
  const n = purchases.start.length - 1;
  let total = 0;
  for (let d = period.first; d <= period.last; d++) {
    const k = lookup.at(d);
    if (k >= 0 && !Number.isNaN(online[k])) total += online[k];
  }
  const share = new Float64Array(n).fill(NaN);
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!measured[i]) continue;
    let s = 0;
    for (let j = purchases.start[i]; j < purchases.start[i + 1]; j++) {
      const d = purchases.day[j];
      if (d < period.first || d > period.last || !(purchases.amount[j] > 0)) continue;
      const k = lookup.at(d);
      if (k >= 0 && !Number.isNaN(online[k])) s += online[k];
    }
    share[i] = total > 0 ? s / total : 0;
    if (share[i] < min) min = share[i];
    if (share[i] > max) max = share[i];
  }
  const scaled = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) if (measured[i]) scaled[i] = max > min ? (share[i] - min) / (max - min) : 0;
  return { share, scaled, total };
}
