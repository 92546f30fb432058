import { LineFlag } from '../../../../model/flags.js';
import type { Db } from '../../open.js';

/**
 * The filters of the Overview for every file in store terms (epoch days, ids): every field
 * optional, each one a WHERE of the slice (core/model/overview-explore.ts defines them).
 */
export interface SliceFilter {
  from?: number;
  to?: number;
  segmentRun?: number;
  segment?: number;
  region?: string;
  retailer?: string;
  category?: string;
}

/**
 * The slice as a FROM item `s` with columns id, customer_id, day, hour, amount (NULL when
 * unknown), items and purchase (0/1), and the parameters it binds. Every panel aggregates it.
 */
export interface SliceSource {
  sql: string;
  params: unknown[];
  /** Whether it is a plain filter over the receipts table (then ORDER BY customer_id walks the receipts (customer_id, day) index). */
  receipts: boolean;
}

const TEMP = 'overview_slice';

/**
 * The receipts that pass `f`. Without a category this is a filtered view of the receipts table —
 * nothing is copied (copying 1.8M receipts into a temp table cost more than every panel's pass
 * together). With a category only that category's lines count, so their sums per receipt are
 * made once into temp.overview_slice by an UPSERT keyed by the receipt id (no GROUP BY sort over
 * the lines); NON_PRODUCT lines (postage, fees) belong to no category. Call dropSlice after.
 */
export function sliceSource(db: Db, f: SliceFilter, itemsBasis: 'quantity' | 'lines'): SliceSource {
  dropSlice(db);
  const { where, params } = receiptConditions(f, 'r');
  if (f.category === undefined) {
    const items = itemsBasis === 'quantity' ? 'r.quantity' : 'r.lines';
    return {
      sql: `(SELECT r.id AS id, r.customer_id AS customer_id, r.day AS day, r.hour AS hour, r.amount AS amount, ${items} AS items, coalesce(r.amount > 0, r.quantity > 0) AS purchase FROM receipts r WHERE ${where}) s`,
      params,
      receipts: true,
    };
  }
  db.exec(`CREATE TEMP TABLE ${TEMP} (id INTEGER PRIMARY KEY, customer_id INTEGER, day INTEGER NOT NULL, hour INTEGER, amount REAL, items REAL NOT NULL, quantity REAL, purchase INTEGER NOT NULL DEFAULT 0)`);
  const items = itemsBasis === 'quantity' ? 'coalesce(l.quantity, 0)' : '1';
  db.prepare(`INSERT INTO ${TEMP} (id, customer_id, day, hour, amount, items, quantity)
    SELECT r.id, r.customer_id, r.day, r.hour, l.amount, ${items}, l.quantity
    FROM lines l JOIN receipts r ON r.id = l.receipt_id
    WHERE ${where} AND l.flags & ${LineFlag.NON_PRODUCT} = 0 AND l.product_id IN (SELECT id FROM products WHERE category = ?)
    ON CONFLICT (id) DO UPDATE SET amount = amount + excluded.amount, items = items + excluded.items, quantity = quantity + excluded.quantity`).run(...params, f.category);
  // A purchase on the category's lines: their amount > 0, or quantity > 0 without amounts (purchase.ts).
  db.exec(`UPDATE ${TEMP} SET purchase = coalesce(amount > 0, quantity > 0, 0)`);
  return { sql: `${TEMP} s`, params: [], receipts: false };
}

/** The conditions of `f` on the receipts aliased `r` (a category is a line condition, not here). */
export function receiptConditions(f: SliceFilter, r: string): { where: string; params: unknown[] } {
  const where: string[] = ['true'];
  const params: unknown[] = [];
  if (f.from !== undefined) {
    where.push(`${r}.day >= ?`);
    params.push(f.from);
  }
  if (f.to !== undefined) {
    where.push(`${r}.day <= ?`);
    params.push(f.to);
  }
  if (f.retailer !== undefined) {
    where.push(`${r}.retailer = ?`);
    params.push(f.retailer);
  }
  const customers = customerCondition(f, `${r}.customer_id`);
  return { where: [...where, ...customers.where].join(' AND '), params: [...params, ...customers.params] };
}

/**
 * The conditions of `f` on the lines aliased `l` (lines carry day and customer; the retailer is
 * the receipt's), including the category: the products panel reads the lines, not the slice.
 */
export function lineConditions(f: SliceFilter, l: string): { where: string; params: unknown[] } {
  const where: string[] = [`${l}.flags & ${LineFlag.NON_PRODUCT} = 0`];
  const params: unknown[] = [];
  if (f.from !== undefined) {
    where.push(`${l}.day >= ?`);
    params.push(f.from);
  }
  if (f.to !== undefined) {
    where.push(`${l}.day <= ?`);
    params.push(f.to);
  }
  if (f.retailer !== undefined) {
    where.push(`${l}.receipt_id IN (SELECT id FROM receipts WHERE retailer = ?)`);
    params.push(f.retailer);
  }
  if (f.category !== undefined) {
    where.push(`${l}.product_id IN (SELECT id FROM products WHERE category = ?)`);
    params.push(f.category);
  }
  const customers = customerCondition(f, `${l}.customer_id`);
  return { where: [...where, ...customers.where].join(' AND '), params: [...params, ...customers.params] };
}

/** Region and segment: conditions on the customer (IN lists SQLite builds once per statement). */
function customerCondition(f: SliceFilter, column: string): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.region !== undefined) {
    where.push(`${column} IN (SELECT id FROM customers WHERE region = ?)`);
    params.push(f.region);
  }
  if (f.segment !== undefined) {
    if (f.segmentRun === undefined) throw new RangeError('segment needs segmentRun, got none');
    where.push(`${column} IN (SELECT customer_id FROM segment_members WHERE run_id = ? AND segment = ?)`);
    params.push(f.segmentRun, f.segment);
  }
  return { where, params };
}

export function dropSlice(db: Db): void {
  db.exec(`DROP TABLE IF EXISTS temp.${TEMP}`);
}
