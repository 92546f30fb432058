import type { CouponOffer } from '../../../model/coupons.js';
import type { Db } from '../open.js';

/**
 * The inputs of the marketing analyses (issue #11): daily spend per channel and the coupon offers,
 * as the `marketing` and `coupons` imports stored them (migration 5). Analyses read them through
 * these two functions, never by table name.
 */

/** Daily spend per channel, dense by day: `spend[channel][d]` is the spend of day `firstDay + d`. */
export interface MarketingSpend {
  /** Channel names as the file's headers wrote them (Offline_Spend, Online_Spend, …), sorted. */
  channels: string[];
  /** The first and last day with any spend row (days since 1970-01-01); both 0 when there is none. */
  firstDay: number;
  lastDay: number;
  /** One array per channel of length lastDay − firstDay + 1; NaN on a day the channel has no row. */
  spend: Record<string, Float64Array>;
}

/**
 * Reads every stored spend row. A day absent from the files is NaN, not 0: "no row" and "spent
 * nothing" differ, and the analysis decides how to treat the gap. With no marketing import the
 * result has no channels (and firstDay = lastDay = 0).
 */
export function readMarketingSpend(db: Db): MarketingSpend {
  const range = db.prepare('SELECT min(day) AS lo, max(day) AS hi FROM marketing_spend').get() as { lo: number | null; hi: number | null };
  if (range.lo === null || range.hi === null) return { channels: [], firstDay: 0, lastDay: 0, spend: {} };
  const channels = (db.prepare('SELECT DISTINCT channel FROM marketing_spend ORDER BY channel').raw().all() as [string][]).map((r) => r[0]);
  const n = range.hi - range.lo + 1;
  const spend: Record<string, Float64Array> = {};
  for (const c of channels) spend[c] = new Float64Array(n).fill(Number.NaN);
  for (const [day, channel, value] of db.prepare('SELECT day, channel, spend FROM marketing_spend').raw().iterate() as IterableIterator<[number, string, number]>) {
    spend[channel][day - range.lo] = value;
  }
  return { channels, firstDay: range.lo, lastDay: range.hi, spend };
}

/**
 * A stored coupon offer (the model's CouponOffer, with its row id and import). It applies to a
 * line when `category` equals the line's product category (compared trimmed and case-insensitive)
 * and the line's day falls in the range or the month.
 */
export interface StoredCouponOffer extends CouponOffer {
  id: number;
  importId: number;
}

/** Every stored coupon offer, in import order. */
export function readCouponOffers(db: Db): StoredCouponOffer[] {
  return db.prepare(`SELECT id, import_id AS importId, from_day AS fromDay, to_day AS toDay, year, month, category, code, discount
    FROM coupons ORDER BY id`).all() as StoredCouponOffer[];
}
