import { LineFlag } from '../../../model/flags.js';
import { EXCLUSION_REASONS, type ExcludedCustomers } from '../../../model/segment.js';
import type { Db } from '../open.js';

/**
 * Per-customer facts the segmentations are built from (issue #4), aggregated in SQL. Definitions:
 * - spend (`amount`) and `quantity`: net sums over the customer's product lines (returns and
 *   cancellations included, lines flagged NON_PRODUCT — postage, fees — left out);
 * - `receipts`: receipts of the customer with a positive total (a purchase, not a return);
 *   `days`: distinct days of those receipts; `first`/`last`: their first and last day;
 * - `offline`/`online`: purchase receipts by channel (1/2; an unknown channel counts in neither);
 * - `lpay`: the customer made at least one L.pay payment; `partners`: distinct partners used.
 * A customer enters the segmentations when spend > 0 and receipts ≥ 1; the others are excluded,
 * each with its reason (issue #10 point 3: nothing is excluded in silence).
 *
 * Files without money (issue #10 point 2: no amount or unit price column, amounts NULL): a
 * purchase receipt is one with a positive item count, and `amount` holds the net number of items
 * (`monetary` = 'items'), so M of RFM/LRFMV is the number of items bought — docs/segmentation.md.
 */
export interface CustomerBase {
  /** Internal customer ids, ascending. */
  ids: Int32Array;
  codes: string[];
  /** Net spend, or net items when the data has no amounts (see `monetary`). */
  amount: Float64Array;
  quantity: Float64Array;
  receipts: Float64Array;
  days: Float64Array;
  first: Float64Array;
  last: Float64Array;
  offline: Float64Array;
  online: Float64Array;
  lpay: Uint8Array;
  partners: Float64Array;
  gender: (string | null)[];
  ageBand: (string | null)[];
  region: (string | null)[];
  /** What `amount` measures: money, or items when no line of the project has an amount. */
  monetary: 'spend' | 'items';
  /** Customers in the customers table (or seen in lines) that could not be segmented, with reasons. */
  excluded: ExcludedCustomers;
  /** The excluded customers (ascending ids) and the reason of each. */
  excludedIds: Int32Array;
  excludedReasons: string[];
  /** First and last purchase day of the whole data (epoch days), for recency. */
  dataFirstDay: number;
  dataLastDay: number;
}

/** True when at least one line of the project has an amount (else M falls back to items). */
export function hasAmounts(db: Db): boolean {
  return db.prepare('SELECT 1 FROM lines WHERE amount IS NOT NULL LIMIT 1').get() !== undefined;
}

/** The SQL test of a purchase receipt: a positive total, or a positive item count without amounts. */
export function purchaseTest(monetary: 'spend' | 'items', alias = ''): string {
  return monetary === 'spend' ? `${alias}amount > 0` : `${alias}quantity > 0`;
}

/**
 * Five grouped scans (each uses its table's customer index or one pass), merged here by customer
 * id: one SQL join of the grouped subqueries took 30 s on the full demo (SQLite re-ran them per
 * customer), the separate scans take under 2 s.
 *
 * `before` (epoch day) restricts every table to the days before it: the recommender harness fits
 * the segmentation segment-pop and cluster-knn need on its training period only, so no holdout
 * line reaches the models through the segments (issue #10 §5). A customer whose only purchases are
 * on or after `before` is then excluded, and `dataLastDay` is `before − 1` (recency from the cutoff).
 */
export function customerBase(db: Db, before?: number): CustomerBase {
  const monetary = hasAmounts(db) ? 'spend' : 'items';
  const until = before === undefined ? '' : ' AND day < ?';
  const args = before === undefined ? [] : [before];
  const lineRows = before === undefined && customerCategorySumsExact(db) ? customerLineSums(db, monetary) : customerLineSumsFromLines(db, monetary, before);
  const receiptRows = db
    .prepare(
      `SELECT customer_id, count(*), count(DISTINCT day), min(day), max(day), sum(channel = 1), sum(channel = 2)
       FROM receipts WHERE customer_id IS NOT NULL AND ${purchaseTest(monetary)}${until} GROUP BY customer_id`,
    )
    .raw()
    .all(...args) as [number, number, number, number, number, number, number][];
  const partners = new Map(db.prepare(`SELECT customer_id, count(DISTINCT partner) FROM partner_uses WHERE customer_id IS NOT NULL${until} GROUP BY customer_id`).raw().all(...args) as [number, number][]);
  const lpay = new Set((db.prepare(`SELECT DISTINCT customer_id FROM payments WHERE customer_id IS NOT NULL${until}`).raw().all(...args) as [number][]).map((r) => r[0]));
  const people = new Map((db.prepare('SELECT id, code, gender, age_band, region FROM customers').raw().all() as [number, string, string | null, string | null, string | null][]).map((r) => [r[0], r]));
  const receipts = new Map(receiptRows.map((r) => [r[0], r]));
  const kept = lineRows.filter(([c, amount]) => amount > 0 && receipts.has(c) && people.has(c)).sort((a, b) => a[0] - b[0]);
  const n = kept.length;
  const base: CustomerBase = {
    ids: new Int32Array(n), codes: new Array<string>(n), amount: new Float64Array(n), quantity: new Float64Array(n),
    receipts: new Float64Array(n), days: new Float64Array(n), first: new Float64Array(n), last: new Float64Array(n),
    offline: new Float64Array(n), online: new Float64Array(n), lpay: new Uint8Array(n), partners: new Float64Array(n),
    gender: new Array(n), ageBand: new Array(n), region: new Array(n), monetary,
    excluded: { total: 0, byReason: {} }, excludedIds: new Int32Array(0), excludedReasons: [], dataFirstDay: 0, dataLastDay: 0,
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
  const keptIds = new Set(base.ids);
  const excludedIds = [...new Set<number>([...people.keys(), ...lineRows.map((r) => r[0])])].filter((c) => !keptIds.has(c)).sort((a, b) => a - b);
  // One reason per customer, the first that applies: no purchase receipt at all, else net ≤ 0.
  const netReason = monetary === 'spend' ? EXCLUSION_REASONS.netNotPositive : EXCLUSION_REASONS.netItemsNotPositive;
  base.excludedIds = Int32Array.from(excludedIds);
  base.excludedReasons = excludedIds.map((c) => (receipts.has(c) ? netReason : EXCLUSION_REASONS.noPurchases));
  base.excluded = { total: excludedIds.length, byReason: countReasons(base.excludedReasons) };
  const range = db.prepare(`SELECT min(day) AS a, max(day) AS b FROM receipts WHERE ${purchaseTest(monetary)}${until}`).get(...args) as { a: number | null; b: number | null };
  base.dataFirstDay = range.a ?? 0;
  base.dataLastDay = before === undefined ? (range.b ?? 0) : before - 1;
  return base;
}

/**
 * True when customer_category_sums may be read: its cells sum to exactly what the lines sum to
 * (meta set by migration 7 and by each import's rebuild, core/data/import/aggregates.ts).
 */
export function customerCategorySumsExact(db: Db): boolean {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'customer_category_sums'").get() as { value: string } | undefined;
  return row?.value === 'exact';
}

/**
 * Net spend (or items) and items per customer over product lines, from the aggregate table the
 * import keeps (migration 7, docs/decisions/0020): ~1.3M rows on the full demo instead of 4.3M lines.
 * Rows `[customer_id, monetary sum, quantity sum]` in ascending customer order.
 */
export function customerLineSums(db: Db, monetary: 'spend' | 'items'): [number, number, number][] {
  return db
    .prepare(`SELECT customer_id, total(${monetary === 'spend' ? 'amount' : 'quantity'}), total(quantity) FROM customer_category_sums GROUP BY customer_id`)
    .raw()
    .all() as [number, number, number][];
}

/**
 * The same sums grouped from `lines` (the reference customerLineSums must equal; a test compares
 * them). Still the reader when `before` cuts the lines by day: the aggregate has no days.
 */
export function customerLineSumsFromLines(db: Db, monetary: 'spend' | 'items', before?: number): [number, number, number][] {
  return db
    .prepare(`SELECT customer_id, total(${monetary === 'spend' ? 'amount' : 'quantity'}), total(quantity) FROM lines WHERE customer_id IS NOT NULL AND flags & ${LineFlag.NON_PRODUCT} = 0${before === undefined ? '' : ' AND day < ?'} GROUP BY customer_id`)
    .raw()
    .all(...(before === undefined ? [] : [before])) as [number, number, number][];
}

/** Counts per reason, keys in the order of EXCLUSION_REASONS then any other (stable for the JSON). */
export function countReasons(reasons: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const order = Object.values(EXCLUSION_REASONS) as string[];
  const keys = [...counts.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, counts.get(k)!]));
}

/**
 * Net spend per customer × category (level 1 = category/대분류, 2 = category2/중분류) for the given
 * customers (ascending internal ids, as CustomerBase.ids): a dense row-major n × C matrix, columns
 * in the order of `categories` (sorted by name). Negative net cells (more returned than bought)
 * are floored at 0. Products without a category are left out; `categories` is empty when the data
 * has none (e.g. UCI Online Retail). `before` (epoch day): only the lines before it, as customerBase.
 */
export function categoryPivot(db: Db, ids: Int32Array, level: 1 | 2, before?: number): { categories: string[]; data: Float64Array } {
  const rows = before === undefined && customerCategorySumsExact(db) ? categorySums(db, level) : categorySumsFromLines(db, level, before);
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

/**
 * Net spend per customer × category (level 1) or sub-category (level 2), from the aggregate table
 * (migration 7). Returning its ~1.3M cells (full demo) as rows cost more than the grouping itself
 * (better-sqlite3 makes an array and a string per row, docs/decisions/0020), so SQLite hands back
 * one row per customer — the customer's category names and net amounts, concatenated in key
 * order — and the cells are summed here. Exact: the table is read only when every cell is a whole
 * number under 2^53 (customerCategorySumsExact), so the integer text round-trips and the sums of
 * sub-category cells into a category are exact, equal to SQLite's total() over the lines.
 * Rows `[customer_id, category, net]`, by customer then category.
 */
export function categorySums(db: Db, level: 1 | 2): [number, string, number][] {
  const column = level === 1 ? 'category' : 'category2';
  const packed = db
    .prepare(`SELECT customer_id, group_concat(${column}, char(1)), group_concat(CAST(amount AS INTEGER), ',') FROM customer_category_sums WHERE ${column} <> '' GROUP BY customer_id`)
    .raw()
    .all() as [number, string, string][];
  const rows: [number, string, number][] = [];
  const sums = new Map<string, number>();
  for (const [customer, names, amounts] of packed) {
    const n = names.split('\u0001'), a = amounts.split(',');
    sums.clear();
    for (let i = 0; i < n.length; i++) sums.set(n[i], (sums.get(n[i]) ?? 0) + Number(a[i]));
    const keys = [...sums.keys()];
    if (level === 2) keys.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)); // level 1 is already in key order
    for (const k of keys) rows.push([customer, k, sums.get(k)!]);
  }
  return rows;
}

/** The same sums grouped from `lines` (the reference categorySums must equal); the reader when `before` cuts by day. */
export function categorySumsFromLines(db: Db, level: 1 | 2, before?: number): [number, string, number][] {
  const column = level === 1 ? 'category' : 'category2';
  return db
    .prepare(
      `SELECT l.customer_id, p.${column}, total(l.amount) FROM lines l JOIN products p ON p.id = l.product_id
       WHERE l.customer_id IS NOT NULL AND l.flags & ${LineFlag.NON_PRODUCT} = 0 AND p.${column} IS NOT NULL AND p.${column} <> ''${before === undefined ? '' : ' AND l.day < ?'}
       GROUP BY l.customer_id, p.${column}`,
    )
    .raw()
    .all(...(before === undefined ? [] : [before])) as [number, string, number][];
}
