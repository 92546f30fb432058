import type { Db } from '../open.js';
import { PURCHASE_LINE } from './baskets.js';

/** PURCHASE_LINE on the `lines` table aliased `l`. */
const LINE = PURCHASE_LINE.replace(/\b(customer_id|quantity|amount|flags)\b/g, 'l.$1');

/** Customer demographics per dense customer index, as the score-model reads them. */
export interface CustomerDemographics {
  /** Age in years: `age`, else the lower bound of `age_band` ("40-49" → 40, the seed's 40대 → 40.0); NaN unknown. */
  age: Float64Array;
  /** Index into `genderLevels`; −1 unknown. */
  gender: Int32Array;
  /** The distinct non-empty gender values, sorted. */
  genderLevels: string[];
}

/** Age and gender of the customers `customerIds` (internal ids), in that order. */
export function customerDemographics(db: Db, customerIds: ArrayLike<number>): CustomerDemographics {
  const rows = db.prepare('SELECT id, gender, age, age_band FROM customers').raw().all() as [number, string | null, number | null, string | null][];
  const byId = new Map(rows.map((r) => [r[0], r]));
  const genderLevels = [...new Set(rows.map((r) => r[1]).filter((g): g is string => g !== null && g !== ''))].sort();
  const level = new Map(genderLevels.map((g, i) => [g, i]));
  const n = customerIds.length;
  const age = new Float64Array(n).fill(NaN);
  const gender = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const r = byId.get(customerIds[u]);
    if (!r) continue;
    if (r[2] !== null && Number.isFinite(r[2])) age[u] = r[2];
    else if (r[3]) {
      const m = /\d+/.exec(r[3]);
      if (m) age[u] = Number(m[0]);
    }
    if (r[1] !== null && r[1] !== '') gender[u] = level.get(r[1])!;
  }
  return { age, gender, genderLevels };
}

/**
 * Every purchase as (retailer, customer, product, day), one row per receipt and product, in
 * columns; `retailers` are the distinct retailer names sorted, data without retailers is one
 * retailer "all".
 */
export interface RetailerPurchases {
  retailers: string[];
  retailer: Int32Array;
  customer: Int32Array;
  product: Int32Array;
  day: Int32Array;
}

export function retailerPurchases(db: Db): RetailerPurchases {
  const names = (db.prepare(`SELECT DISTINCT coalesce(r.retailer, 'all') FROM receipts r`).raw().all() as [string][]).map((r) => r[0]).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const n = (db.prepare(`SELECT count(*) FROM (SELECT 1 FROM lines l WHERE ${LINE} GROUP BY l.receipt_id, l.product_id)`).pluck().get() as number) ?? 0;
  const out: RetailerPurchases = { retailers: names, retailer: new Int32Array(n), customer: new Int32Array(n), product: new Int32Array(n), day: new Int32Array(n) };
  let i = 0;
  const rows = db
    .prepare(`SELECT coalesce(r.retailer, 'all'), l.customer_id, l.product_id, l.day FROM lines l JOIN receipts r ON r.id = l.receipt_id WHERE ${LINE} GROUP BY l.receipt_id, l.product_id`)
    .raw()
    .iterate() as IterableIterator<[string, number, number, number]>;
  for (const [ret, c, p, d] of rows) {
    if (i >= n) break;
    out.retailer[i] = index.get(ret)!;
    out.customer[i] = c;
    out.product[i] = p;
    out.day[i] = d;
    i++;
  }
  return i === n ? out : { ...out, retailer: out.retailer.subarray(0, i), customer: out.customer.subarray(0, i), product: out.product.subarray(0, i), day: out.day.subarray(0, i) };
}

/** Purchase spend per (customer, retailer): rows [customer id, retailer ("all" when none), amount]. */
export function retailerSpend(db: Db): [number, string, number][] {
  return db
    .prepare(`SELECT l.customer_id, coalesce(r.retailer, 'all'), sum(l.amount) FROM lines l JOIN receipts r ON r.id = l.receipt_id WHERE ${LINE} GROUP BY 1, 2`)
    .raw()
    .all() as [number, string, number][];
}

/** Code, name and category of every product, by internal id. */
export function productInfo(db: Db): Map<number, { code: string; name: string | null; category: string | null }> {
  const rows = db.prepare('SELECT id, code, name, category FROM products').raw().all() as [number, string, string | null, string | null][];
  return new Map(rows.map(([id, code, name, category]) => [id, { code, name, category }]));
}

/** Customer codes by internal id. */
export function customerCodes(db: Db): Map<number, string> {
  return new Map(db.prepare('SELECT id, code FROM customers').raw().all() as [number, string][]);
}
