/**
 * Which coupon offer applies to a purchase line (issue #11, the shared rule of the marketing and
 * coupon helpers): an offer applies when its category equals the line's product category
 * (trimmed, case-insensitive) and the line's day lies in [fromDay, toDay], or in the offer's
 * month (year null: that month of every year, as Kaggle's Discount_Coupon.csv, whose months
 * carry no year).
 */

import type { CouponOffer } from '../../model/coupons.js';


/** The lines to match, columnar: the day and the product category of each. */
export interface MatchLines {
  day: Int32Array;
  /** Category of each line's product (null: none). */
  category: readonly (string | null)[];
}

export interface OfferMatch {
  /** Discount of the offer that applies to each line, NaN when none does. */
  discount: Float64Array;
  /** Lines two or more offers with different discounts apply to: the largest discount counts. */
  overlapping: number;
}

/** The category as compared: trimmed and lower-cased. */
export const categoryKey = (c: string): string => c.trim().toLowerCase();

/** Year and month (1..12) of a project day, UTC. */
export function yearMonthOf(day: number): { year: number; month: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

/** Month index year·12 + (month − 1) of a project day, UTC (consecutive months differ by 1). */
export function monthIndexOf(day: number): number {
  const { year, month } = yearMonthOf(day);
  return year * 12 + month - 1;
}

/** 'YYYY-MM' of a month index. */
export function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function applies(o: CouponOffer, day: number, ym: { year: number; month: number }): boolean {
  if (o.fromDay !== null || o.toDay !== null) return (o.fromDay === null || day >= o.fromDay) && (o.toDay === null || day <= o.toDay);
  if (o.month === null) return false;
  return o.month === ym.month && (o.year === null || o.year === ym.year);
}

/**
 * The discount that applies to each line (see the module comment). When several offers apply,
 * the largest discount counts — the one a customer would choose — and the line is counted as
 * overlapping when their discounts differ. Offers are grouped by category once, so matching is
 * O(lines × offers of the line's category).
 */
export function matchOffers(lines: MatchLines, offers: readonly CouponOffer[]): OfferMatch {
  if (lines.category.length !== lines.day.length) throw new RangeError(`lines.category must have one entry per day (${lines.day.length}), got ${lines.category.length}`);
  for (const o of offers) {
    if (!Number.isFinite(o.discount)) throw new RangeError(`offer discount must be a finite number, got ${o.discount} (category ${o.category})`);
  }
  const byCategory = new Map<string, CouponOffer[]>();
  for (const o of offers) {
    const key = categoryKey(o.category);
    const list = byCategory.get(key);
    if (list) list.push(o);
    else byCategory.set(key, [o]);
  }
  const discount = new Float64Array(lines.day.length).fill(NaN);
  let overlapping = 0;
  for (let i = 0; i < lines.day.length; i++) {
    const c = lines.category[i];
    const list = c === null ? undefined : byCategory.get(categoryKey(c));
    if (!list) continue;
    const day = lines.day[i];
    const ym = yearMonthOf(day);
    let best = NaN, differ = false;
    for (const o of list) {
      if (!applies(o, day, ym)) continue;
      if (!Number.isNaN(best) && o.discount !== best) differ = true;
      if (Number.isNaN(best) || o.discount > best) best = o.discount;
    }
    discount[i] = best;
    if (differ) overlapping++;
  }
  return { discount, overlapping };
}
