import { LineFlag } from '../../../model/flags.js';
import type { Db } from '../open.js';
import { hasAmounts, purchaseTest, type CustomerBase } from './customer-base.js';

/**
 * The segmentation inputs of customer-base.ts restricted to the days before `cutoff` (epoch day):
 * the recommender harness fits the segmentation segment-pop and cluster-knn need on its training
 * period only, so no holdout line reaches the models through the segments (issue #10 §5). Same
 * definitions as `customerBase` (net spend — items without amounts — and quantity over product
 * lines, purchase receipts, partners, L.pay), every table filtered by `day < cutoff`; a customer whose only
 * purchases are on or after the cutoff is not in it. `dataLastDay` is cutoff − 1, so recency is
 * measured from the cutoff.
 */
export function trainingCustomerBase(db: Db, cutoff: number): CustomerBase {
  const monetary = hasAmounts(db) ? 'spend' : 'items';
  const lineRows = db
    .prepare(`SELECT customer_id, total(${monetary === 'spend' ? 'amount' : 'quantity'}), total(quantity) FROM lines WHERE customer_id IS NOT NULL AND day < ? AND flags & ${LineFlag.NON_PRODUCT} = 0 GROUP BY customer_id`)
    .raw()
    .all(cutoff) as [number, number, number][];
  const receiptRows = db
    .prepare(
      `SELECT customer_id, count(*), count(DISTINCT day), min(day), max(day), sum(channel = 1), sum(channel = 2)
       FROM receipts WHERE customer_id IS NOT NULL AND ${purchaseTest(monetary)} AND day < ? GROUP BY customer_id`,
    )
    .raw()
    .all(cutoff) as [number, number, number, number, number, number, number][];
  const partners = new Map(db.prepare('SELECT customer_id, count(DISTINCT partner) FROM partner_uses WHERE customer_id IS NOT NULL AND day < ? GROUP BY customer_id').raw().all(cutoff) as [number, number][]);
  const lpay = new Set((db.prepare('SELECT DISTINCT customer_id FROM payments WHERE customer_id IS NOT NULL AND day < ?').raw().all(cutoff) as [number][]).map((r) => r[0]));
  const people = new Map((db.prepare('SELECT id, code, gender, age_band, region FROM customers').raw().all() as [number, string, string | null, string | null, string | null][]).map((r) => [r[0], r]));
  const receipts = new Map(receiptRows.map((r) => [r[0], r]));
  const kept = lineRows.filter(([c, amount]) => amount > 0 && receipts.has(c) && people.has(c)).sort((a, b) => a[0] - b[0]);
  const n = kept.length;
  const base: CustomerBase = {
    ids: new Int32Array(n), codes: new Array<string>(n), amount: new Float64Array(n), quantity: new Float64Array(n),
    receipts: new Float64Array(n), days: new Float64Array(n), first: new Float64Array(n), last: new Float64Array(n),
    offline: new Float64Array(n), online: new Float64Array(n), lpay: new Uint8Array(n), partners: new Float64Array(n),
    gender: new Array(n), ageBand: new Array(n), region: new Array(n), monetary,
    // Who is left out is the segmentation jobs' report; the harness only needs the members.
    excluded: { total: 0, byReason: {} }, excludedIds: new Int32Array(0), excludedReasons: [],
    dataFirstDay: 0, dataLastDay: cutoff - 1,
  };
  kept.forEach(([c, amount, quantity], i) => {
    const r = receipts.get(c)!, p = people.get(c)!;
    base.ids[i] = c;
    base.codes[i] = p[1];
    base.amount[i] = amount;
    base.quantity[i] = quantity;
    base.receipts[i] = r[1];
    base.days[i] = r[2];
    base.first[i] = r[3];
    base.last[i] = r[4];
    base.offline[i] = r[5];
    base.online[i] = r[6];
    base.lpay[i] = lpay.has(c) ? 1 : 0;
    base.partners[i] = partners.get(c) ?? 0;
    base.gender[i] = p[2];
    base.ageBand[i] = p[3];
    base.region[i] = p[4];
  });
  const first = db.prepare(`SELECT min(day) AS a FROM receipts WHERE ${purchaseTest(monetary)} AND day < ?`).get(cutoff) as { a: number | null };
  base.dataFirstDay = first.a ?? 0;
  return base;
}

/** `categoryPivot` of customer-base.ts over the lines before `cutoff` only (net spend per customer × category, floored at 0). */
export function trainingCategoryPivot(db: Db, ids: Int32Array, level: 1 | 2, cutoff: number): { categories: string[]; data: Float64Array } {
  const column = level === 1 ? 'category' : 'category2';
  const rows = db
    .prepare(
      `SELECT l.customer_id, p.${column}, total(l.amount) FROM lines l JOIN products p ON p.id = l.product_id
       WHERE l.customer_id IS NOT NULL AND l.day < ? AND l.flags & ${LineFlag.NON_PRODUCT} = 0 AND p.${column} IS NOT NULL AND p.${column} <> ''
       GROUP BY l.customer_id, p.${column}`,
    )
    .raw()
    .all(cutoff) as [number, string, number][];
  const categories = [...new Set(rows.map((r) => r[1]))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const col = new Map(categories.map((c, j) => [c, j]));
  const row = new Map<number, number>();
  ids.forEach((id, i) => row.set(id, i));
  const C = categories.length;
  const data = new Float64Array(ids.length * C);
  for (const [c, cat, amount] of rows) {
    const i = row.get(c);
    if (i === undefined || amount <= 0) continue;
    data[i * C + (col.get(cat) as number)] = amount;
  }
  return { categories, data };
}
