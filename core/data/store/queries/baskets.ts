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

/**
 * The baskets in one pass over `lines` in table order, grouped by receipt with a stable counting
 * sort in typed arrays (issue #16: the ORDER BY receipt_id walk through the index and the two
 * DISTINCT scans for products and customers took ≈ 18 s of a 60 s budget on the full demo).
 * Identical to the former reader (one ORDER BY receipt_id query; kept as the reference in
 * test/integration/recommend-fast-equal.test.ts): the index orders a receipt's lines by rowid, and
 * so does the stable sort of a rowid-ordered scan. Receipt ids are the store's integer keys.
 */
export function purchaseBaskets(db: Db): Baskets {
  const rows = db.prepare(`SELECT receipt_id, customer_id, day, product_id FROM lines WHERE ${PURCHASE_LINE} ORDER BY id`).raw().iterate() as IterableIterator<[number, number, number | null, number]>;
  let cap = 1 << 16, n = 0;
  let receipt = new Float64Array(cap), customer = new Int32Array(cap), dayOf = new Int32Array(cap), product = new Int32Array(cap);
  let maxReceipt = -1, maxCustomer = -1, maxProduct = -1;
  for (const [r, c, d, p] of rows) {
    if (n === cap) {
      cap *= 2;
      const grow = <T extends Float64Array | Int32Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(cap); b.set(a); return b; };
      receipt = grow(receipt); customer = grow(customer); dayOf = grow(dayOf); product = grow(product);
    }
    receipt[n] = r; customer[n] = c; dayOf[n] = d ?? 0; product[n] = p;
    if (r > maxReceipt) maxReceipt = r;
    if (c > maxCustomer) maxCustomer = c;
    if (p > maxProduct) maxProduct = p;
    n++;
  }
  const productUsed = new Uint8Array(maxProduct + 1), customerUsed = new Uint8Array(maxCustomer + 1);
  for (let i = 0; i < n; i++) { productUsed[product[i]] = 1; customerUsed[customer[i]] = 1; }
  const products = (db.prepare('SELECT id, code, name, category FROM products').raw().all() as [number, string, string | null, string | null][]).filter((p) => p[0] >= 0 && p[0] <= maxProduct && productUsed[p[0]] === 1);
  products.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const productIndex = new Int32Array(maxProduct + 1).fill(-1);
  products.forEach((p, i) => (productIndex[p[0]] = i));
  const customers = (db.prepare('SELECT id, code FROM customers ORDER BY id').raw().all() as [number, string][]).filter((c) => c[0] >= 0 && c[0] <= maxCustomer && customerUsed[c[0]] === 1);
  const customerIndex = new Int32Array(maxCustomer + 1).fill(-1);
  customers.forEach((c, i) => (customerIndex[c[0]] = i));
  // Lines grouped by receipt id, stably (rowid order within a receipt): a counting sort over the
  // store's dense integer receipt keys, a comparison sort should they ever be sparse.
  const { order, receipts } = groupByReceipt(receipt, n, maxReceipt);
  const rc = new Int32Array(receipts), rd = new Int32Array(receipts), start = new Int32Array(receipts + 1);
  const items = new Int32Array(n);
  const lastIn = new Int32Array(products.length).fill(-1);
  let firstDay = Infinity, lastDay = -Infinity, k = -1, m = 0;
  for (let q = 0; q < n; q++) {
    const i = order[q];
    if (q === 0 || receipt[i] !== receipt[order[q - 1]]) {
      if (k >= 0) start[k + 1] = m;
      k++;
      rc[k] = customerIndex[customer[i]];
      const day = dayOf[i];
      rd[k] = day;
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
    const p = productIndex[product[i]];
    if (lastIn[p] !== k) {
      lastIn[p] = k;
      items[m++] = p;
    }
  }
  if (k >= 0) start[k + 1] = m;
  return {
    productCodes: products.map((p) => p[1]), productNames: products.map((p) => p[2]), productCategories: products.map((p) => p[3]),
    customerIds: Int32Array.from(customers, (c) => c[0]), customerCodes: customers.map((c) => c[1]),
    receiptCustomer: rc, receiptDay: rd, receiptStart: start, receiptItems: items.slice(0, m),
    firstDay: Number.isFinite(firstDay) ? firstDay : 0, lastDay: Number.isFinite(lastDay) ? lastDay : 0,
  };
}

/** Line indices 0..n−1 ordered by receipt id, ties in index order, and the number of distinct receipts. */
function groupByReceipt(receipt: Float64Array, n: number, maxReceipt: number): { order: Int32Array; receipts: number } {
  let order: Int32Array;
  if (Number.isInteger(maxReceipt) && maxReceipt < 4 * n + 1_000_000 && receipt.subarray(0, n).every((r) => Number.isInteger(r) && r >= 0)) {
    const at = new Int32Array(maxReceipt + 2);
    for (let i = 0; i < n; i++) at[receipt[i] + 1]++;
    for (let r = 0; r <= maxReceipt; r++) at[r + 1] += at[r];
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[at[receipt[i]]++] = i;
  } else {
    order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => receipt[a] - receipt[b] || a - b);
  }
  let receipts = 0;
  for (let q = 0; q < n; q++) if (q === 0 || receipt[order[q]] !== receipt[order[q - 1]]) receipts++;
  return { order, receipts };
}
