import { LineFlag } from '../../../model/flags.js';
import type { Db } from '../open.js';

/**
 * Lines that are purchases of a product: not returns, cancellations, free or negative-priced lines, postage or fees.
 * A line without an amount (files without money, issue #10) is a purchase when its quantity is positive:
 * `amount > 0 IS NOT 0` is true for a positive or NULL amount (`>` binds tighter than `IS NOT`; every
 * conjunct starts with its column, as callers prefix them with a table alias).
 */
export const PURCHASE_LINE = `customer_id IS NOT NULL AND product_id IS NOT NULL AND quantity > 0 AND amount > 0 IS NOT 0 AND flags & ${LineFlag.RETURN | LineFlag.CANCELLATION | LineFlag.ZERO_PRICE | LineFlag.NEGATIVE_PRICE | LineFlag.NON_PRODUCT} = 0`;

/**
 * Every purchase receipt as its set of distinct products, in receipt order (issue #5: popularity is
 * counted in receipts). Products and customers are renumbered densely: products 0..P−1 in the order
 * of their codes' ascending string order (so "ties by product id ascending" is index order),
 * customers 0..U−1 by internal id. Data imported without receipts has one receipt per customer and
 * day already (the importer forms them), so nothing changes here.
 */
export interface Baskets {
  productCodes: string[];
  productNames: (string | null)[];
  productCategories: (string | null)[];
  /** Internal customer ids of the dense customer indices. */
  customerIds: Int32Array;
  customerCodes: string[];
  receiptCustomer: Int32Array;
  receiptDay: Int32Array;
  /** CSR: receipt r's products are items[start[r] .. start[r+1]). */
  receiptStart: Int32Array;
  receiptItems: Int32Array;
  firstDay: number;
  lastDay: number;
}

export function purchaseBaskets(db: Db): Baskets {
  const products = db.prepare(`SELECT id, code, name, category FROM products WHERE id IN (SELECT DISTINCT product_id FROM lines WHERE ${PURCHASE_LINE})`).raw().all() as [number, string, string | null, string | null][];
  products.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const productIndex = new Map(products.map((p, i) => [p[0], i]));
  const customers = db.prepare(`SELECT c.id, c.code FROM customers c WHERE c.id IN (SELECT DISTINCT customer_id FROM lines WHERE ${PURCHASE_LINE}) ORDER BY c.id`).raw().all() as [number, string][];
  const customerIndex = new Map(customers.map((c, i) => [c[0], i]));
  const rows = db.prepare(`SELECT receipt_id, customer_id, day, product_id FROM lines WHERE ${PURCHASE_LINE} ORDER BY receipt_id`).raw().iterate() as IterableIterator<[number, number, number, number]>;
  const rc: number[] = [], rd: number[] = [], start: number[] = [0], items: number[] = [];
  let current = -1;
  let seen = new Set<number>();
  let firstDay = Infinity, lastDay = -Infinity;
  for (const [receipt, customer, day, product] of rows) {
    if (receipt !== current) {
      if (current !== -1) start.push(items.length);
      current = receipt;
      seen = new Set();
      rc.push(customerIndex.get(customer) as number);
      rd.push(day);
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
    const p = productIndex.get(product) as number;
    if (!seen.has(p)) {
      seen.add(p);
      items.push(p);
    }
  }
  if (current !== -1) start.push(items.length);
  return {
    productCodes: products.map((p) => p[1]), productNames: products.map((p) => p[2]), productCategories: products.map((p) => p[3]),
    customerIds: Int32Array.from(customers, (c) => c[0]), customerCodes: customers.map((c) => c[1]),
    receiptCustomer: Int32Array.from(rc), receiptDay: Int32Array.from(rd), receiptStart: Int32Array.from(start), receiptItems: Int32Array.from(items),
    firstDay: Number.isFinite(firstDay) ? firstDay : 0, lastDay: Number.isFinite(lastDay) ? lastDay : 0,
  };
}
