import type { Db } from '../open.js';

/**
 * The purchase lines the coupon-sensitivity analysis reads (issue #11): every line with a known
 * coupon status (lines.coupon, migration 5), a customer and a day, with its product's category.
 * Columnar, in table order (the analysis only counts, so order does not matter); `category` null
 * when the line has no product or the product no category.
 */
export interface CouponLineRows {
  customer: Int32Array;
  day: Int32Array;
  category: (string | null)[];
  /** 0 not used, 1 clicked, 2 used. */
  status: Uint8Array;
}

export function readCouponLines(db: Db): CouponLineRows {
  const n = (db.prepare('SELECT count(*) FROM lines WHERE coupon IS NOT NULL AND customer_id IS NOT NULL AND day IS NOT NULL').pluck().get() as number) ?? 0;
  // Categories once per product: each line then holds a reference to its product's string (8 bytes a
  // line), not a fresh copy from SQLite (the full demo has 4.3M lines and 25 categories).
  const categoryOf = new Map<number, string | null>();
  for (const [id, cat] of db.prepare('SELECT id, category FROM products').raw().iterate() as IterableIterator<[number, string | null]>) categoryOf.set(id, cat);
  const out: CouponLineRows = { customer: new Int32Array(n), day: new Int32Array(n), category: new Array<string | null>(n), status: new Uint8Array(n) };
  let i = 0;
  const rows = db.prepare(`SELECT customer_id, day, product_id, coupon FROM lines
    WHERE coupon IS NOT NULL AND customer_id IS NOT NULL AND day IS NOT NULL`).raw().iterate() as IterableIterator<[number, number, number | null, number]>;
  for (const [c, d, product, s] of rows) {
    out.customer[i] = c;
    out.day[i] = d;
    out.category[i] = product === null ? null : categoryOf.get(product) ?? null;
    out.status[i] = s;
    i++;
  }
  return out;
}

/** What the coupon analysis needs, probed cheaply: offers imported, lines with a status, products with a category. */
export function couponInputsPresent(db: Db): { offers: boolean; statuses: boolean; categories: boolean } {
  const any = (sql: string): boolean => db.prepare(sql).get() !== undefined;
  return {
    offers: any('SELECT 1 FROM coupons LIMIT 1'),
    statuses: any('SELECT 1 FROM lines WHERE coupon IS NOT NULL LIMIT 1'),
    categories: any("SELECT 1 FROM products WHERE category IS NOT NULL AND trim(category) <> '' LIMIT 1"),
  };
}
