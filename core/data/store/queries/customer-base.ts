import { LineFlag } from '../../../model/flags.js';
import { EXCLUSION_REASONS, type ExcludedCustomers } from '../../../model/segment.js';
import { CUSTOMER_AGGREGATES_VERSION, unpackCells } from '../customer-aggregates.js';
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
 * Reads the per-customer rows the import keeps (migration 9, docs/decisions/0020: customer_cells
 * for the line sums, customer_receipt_facts for the receipts, partners and L.pay) — ~30k rows on
 * the full demo. Without them (a `before` cutoff, an older file opened read-only; the line sums
 * also when amounts are fractional) it runs the grouped scans they replaced, merged here by customer id: one SQL join of
 * the grouped subqueries took 30 s on the full demo (SQLite re-ran them per customer), the
 * separate scans take under 2 s.
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
  const facts = before === undefined && receiptFactsMode(db) === monetary;
  const receiptRows = facts ? receiptFacts(db) : receiptFactsFromReceipts(db, monetary, before);
  const partners = facts
    ? new Map(db.prepare('SELECT customer_id, partners FROM customer_receipt_facts').raw().all() as [number, number][])
    : new Map(db.prepare(`SELECT customer_id, count(DISTINCT partner) FROM partner_uses WHERE customer_id IS NOT NULL${until} GROUP BY customer_id`).raw().all(...args) as [number, number][]);
  const lpay = new Set(
    (facts
      ? (db.prepare('SELECT customer_id FROM customer_receipt_facts WHERE lpay = 1').raw().all() as [number][])
      : (db.prepare(`SELECT DISTINCT customer_id FROM payments WHERE customer_id IS NOT NULL${until}`).raw().all(...args) as [number][])
    ).map((r) => r[0]),
  );
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
    base.offline[i] = r[5] ?? 0; // sum(channel = 1) is NULL when no channel is known: 0 in the array, as before
    base.online[i] = r[6] ?? 0;
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
  const range = facts ? purchaseDayRange(db, monetary) : (db.prepare(`SELECT min(day) AS a, max(day) AS b FROM receipts WHERE ${purchaseTest(monetary)}${until}`).get(...args) as { a: number | null; b: number | null });
  base.dataFirstDay = range.a ?? 0;
  base.dataLastDay = before === undefined ? (range.b ?? 0) : before - 1;
  return base;
}

/** Receipt facts per customer: `[customer_id, receipts, distinct days, first day, last day, offline, online]`. */
export type ReceiptFactRow = [number, number, number, number, number, number | null, number | null];

/**
 * The purchase test customer_receipt_facts was built with ('spend' | 'items', migration 9 and each
 * import), or undefined when it was never built: the readers use it only when it is today's mode.
 */
export function receiptFactsMode(db: Db): string | undefined {
  return (db.prepare("SELECT value FROM meta WHERE key = 'customer_receipt_facts'").get() as { value: string } | undefined)?.value;
}

/** The receipt facts from customer_receipt_facts (the import keeps it): ~30k rows on the full demo instead of grouping 1.86M receipts. */
export function receiptFacts(db: Db): ReceiptFactRow[] {
  return db.prepare('SELECT customer_id, receipts, days, first_day, last_day, offline, online FROM customer_receipt_facts ORDER BY customer_id').raw().all() as ReceiptFactRow[];
}

/** The same facts grouped from `receipts` (the reference receiptFacts must equal; the reader when `before` cuts by day). */
export function receiptFactsFromReceipts(db: Db, monetary: 'spend' | 'items', before?: number): ReceiptFactRow[] {
  return db
    .prepare(
      `SELECT customer_id, count(*), count(DISTINCT day), min(day), max(day), sum(channel = 1), sum(channel = 2)
       FROM receipts WHERE customer_id IS NOT NULL AND ${purchaseTest(monetary)}${before === undefined ? '' : ' AND day < ?'} GROUP BY customer_id`,
    )
    .raw()
    .all(...(before === undefined ? [] : [before])) as ReceiptFactRow[];
}

/**
 * First and last day of the purchase receipts of the whole data: the customers' first/last days
 * from the facts, and the receipts without a customer through the receipts (customer_id, day)
 * index (its NULL prefix) — min and max are exact in any grouping.
 */
function purchaseDayRange(db: Db, monetary: 'spend' | 'items'): { a: number | null; b: number | null } {
  const known = db.prepare('SELECT min(first_day) AS a, max(last_day) AS b FROM customer_receipt_facts').get() as { a: number | null; b: number | null };
  const anonymous = db.prepare(`SELECT min(day) AS a, max(day) AS b FROM receipts WHERE customer_id IS NULL AND ${purchaseTest(monetary)}`).get() as { a: number | null; b: number | null };
  const pick = (x: number | null, y: number | null, f: (p: number, q: number) => number): number | null => (x === null ? y : y === null ? x : f(x, y));
  return { a: pick(known.a, anonymous.a, Math.min), b: pick(known.b, anonymous.b, Math.max) };
}

/**
 * True when the customer × category cells may be read: they sum to exactly what the lines sum to
 * (meta set by migration 7 and by each import's rebuild, core/data/import/aggregates.ts), and the
 * file has the per-customer rows packed from them (schema 9 or later: a project of an older
 * version opened read-only is not migrated, and its readers group the lines).
 */
export function customerCategorySumsExact(db: Db): boolean {
  if ((db.pragma('user_version', { simple: true }) as number) < CUSTOMER_AGGREGATES_VERSION) return false;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'customer_category_sums'").get() as { value: string } | undefined;
  return row?.value === 'exact';
}

/**
 * Net spend (or items) and items per customer over product lines, from the aggregate table the
 * import keeps (migration 7, docs/decisions/0020): ~1.3M rows on the full demo instead of 4.3M lines.
 * Rows `[customer_id, monetary sum, quantity sum]` in ascending customer order.
 */
export function customerLineSums(db: Db, monetary: 'spend' | 'items'): [number, number, number][] {
  // customer_cells holds these very sums (migration 9: the same total() over the same cells), one row a customer.
  return db
    .prepare(`SELECT customer_id, ${monetary === 'spend' ? 'amount' : 'quantity'}, quantity FROM customer_cells ORDER BY customer_id`)
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
  if (before === undefined && customerCategorySumsExact(db)) return cellPivot(db, ids, level);
  const rows = categorySumsFromLines(db, level, before);
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

/** The cell ids of category_cells mapped to the sorted names of a level ('' names left out: -1). */
function cellColumns(db: Db, level: 1 | 2): { categories: string[]; column: Int32Array } {
  const cells = db.prepare(`SELECT id, ${level === 1 ? 'category' : 'category2'} FROM category_cells ORDER BY id`).raw().all() as [number, string][];
  const categories = [...new Set(cells.map((c) => c[1]).filter((name) => name !== ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const col = new Map(categories.map((c, j) => [c, j]));
  const column = new Int32Array(cells.length ? cells[cells.length - 1][0] + 1 : 0).fill(-1);
  for (const [id, name] of cells) column[id] = col.get(name) ?? -1;
  return { categories, column };
}

/**
 * The pivot from customer_cells (migration 9): one row and one blob per customer, decoded into
 * typed arrays — no row per cell, no text. A customer's cells are summed into its row of the
 * matrix, then negative nets floored at 0 as categoryPivot does. Exact: read only when the cells
 * are whole numbers under 2^53 (customerCategorySumsExact), where every order of summing gives the
 * same double as SQLite's total() over the lines.
 */
function cellPivot(db: Db, ids: Int32Array, level: 1 | 2): { categories: string[]; data: Float64Array } {
  const { categories, column } = cellColumns(db, level);
  const C = categories.length;
  const data = new Float64Array(ids.length * C);
  if (C === 0) return { categories, data };
  const row = new Map<number, number>();
  ids.forEach((id, i) => row.set(id, i));
  for (const [customer, blob] of db.prepare('SELECT customer_id, cells FROM customer_cells').raw().iterate() as IterableIterator<[number, Uint8Array]>) {
    const i = row.get(customer);
    if (i === undefined) continue;
    const { amounts, cells } = unpackCells(blob);
    const at = i * C;
    for (let k = 0; k < cells.length; k++) {
      const j = column[cells[k]];
      if (j >= 0) data[at + j] += amounts[k];
    }
    for (let j = at; j < at + C; j++) if (!(data[j] > 0)) data[j] = 0;
  }
  return { categories, data };
}

/**
 * Net spend per customer × category (level 1) or sub-category (level 2) from customer_cells, as
 * rows `[customer_id, category, net]` by customer then category — the form categorySumsFromLines
 * returns, so a test can compare the two exactly (categoryPivot reads the blobs directly).
 */
export function categorySums(db: Db, level: 1 | 2): [number, string, number][] {
  const { categories, column } = cellColumns(db, level);
  const rows: [number, string, number][] = [];
  for (const [customer, blob] of db.prepare('SELECT customer_id, cells FROM customer_cells ORDER BY customer_id').raw().all() as [number, Uint8Array][]) {
    const { amounts, cells } = unpackCells(blob);
    const sums = new Map<number, number>();
    for (let k = 0; k < cells.length; k++) {
      const j = column[cells[k]];
      if (j >= 0) sums.set(j, (sums.get(j) ?? 0) + amounts[k]);
    }
    for (const j of [...sums.keys()].sort((a, b) => a - b)) rows.push([customer, categories[j], sums.get(j)!]);
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
