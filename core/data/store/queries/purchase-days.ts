import { LineFlag } from '../../../model/flags.js';
import type { Db } from '../open.js';

/**
 * Purchase days per customer, what the BTYD models count (issue #13, CLV): one row per customer
 * and day with at least one product purchase line (amount ≥ 0, quantity positive or absent), its
 * amount the sum of those lines. Returns, cancellations and non-product lines (postage, fees) are
 * left out: a purchase occasion is a day the customer bought something, and spend is what they
 * paid for products that day. Zero-amount purchases count as occasions, as every transaction does
 * in BTYD and lifetimes (CDNOW has 8 lines of $0.00; the published fits count them).
 * Customers are renumbered 0..n−1 in ascending internal id; rows sorted by customer, then day.
 * `before` (epoch day) keeps the days before it only (a training period).
 */
export interface PurchaseDayRows {
  /** Internal customer id of each index. */
  ids: Int32Array;
  codes: string[];
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

export function purchaseDays(db: Db, before?: number): PurchaseDayRows {
  const skip = LineFlag.NON_PRODUCT | LineFlag.CANCELLATION | LineFlag.RETURN;
  const rows = db
    .prepare(`SELECT customer_id, day, total(amount) FROM lines WHERE customer_id IS NOT NULL AND amount >= 0 AND (quantity IS NULL OR quantity > 0) AND flags & ${skip} = 0${before === undefined ? '' : ' AND day < ?'} GROUP BY customer_id, day ORDER BY customer_id, day`)
    .raw()
    .all(...(before === undefined ? [] : [before])) as [number, number, number][];
  const n = rows.length;
  const customer = new Int32Array(n), day = new Int32Array(n), amount = new Float64Array(n);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const [c, d, a] = rows[i];
    if (ids.length === 0 || ids[ids.length - 1] !== c) ids.push(c);
    customer[i] = ids.length - 1;
    day[i] = d;
    amount[i] = a;
  }
  const codeOf = new Map(db.prepare('SELECT id, code FROM customers').raw().all() as [number, string][]);
  return { ids: Int32Array.from(ids), codes: ids.map((c) => codeOf.get(c) ?? String(c)), customer, day, amount };
}
