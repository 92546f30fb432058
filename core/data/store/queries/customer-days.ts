import { LineFlag } from '../../../model/flags.js';
import type { Db } from '../open.js';

/**
 * Each customer's net amount per day (issue #11, marketing response): the sum of the amounts of
 * the customer's product lines that day — returns and cancellations included (net, as the
 * segmentations' spend), postage and fees (NON_PRODUCT) left out. CSR over customers in id order;
 * a customer's days ascending. Lines without a customer, a day or an amount do not count. One
 * ordered scan of the lines_customer_day index.
 */
export interface CustomerDayAmounts {
  /** Internal customer ids, ascending; customer i owns day/amount[start[i]..start[i+1]). */
  ids: Int32Array;
  codes: string[];
  start: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

export function customerDayAmounts(db: Db, onRows?: (rows: number) => void): CustomerDayAmounts {
  const ids: number[] = [], start: number[] = [0], day: number[] = [], amount: number[] = [];
  let current = -1;
  const rows = db
    .prepare(`SELECT customer_id, day, total(amount) FROM lines WHERE customer_id IS NOT NULL AND day IS NOT NULL AND amount IS NOT NULL AND flags & ${LineFlag.NON_PRODUCT} = 0 GROUP BY customer_id, day ORDER BY customer_id, day`)
    .raw()
    .iterate() as IterableIterator<[number, number, number]>;
  for (const [c, d, a] of rows) {
    if (c !== current) {
      if (current >= 0) start.push(day.length);
      ids.push(c);
      current = c;
    }
    day.push(d);
    amount.push(a);
    if (onRows && day.length % 100_000 === 0) onRows(day.length);
  }
  if (current >= 0) start.push(day.length);
  const codeOf = new Map(db.prepare('SELECT id, code FROM customers').raw().all() as [number, string][]);
  return { ids: Int32Array.from(ids), codes: ids.map((id) => codeOf.get(id) ?? String(id)), start: Int32Array.from(start), day: Int32Array.from(day), amount: Float64Array.from(amount) };
}
